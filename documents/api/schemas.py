"""The response bodies of the API, as the serialisers (documents/serializers.py, search_page_to_dict,
target_to_dict) build them. They describe, they do not convert: the views return the serialisers'
JSON as it is, and the tests validate every response against these schemas (extra fields forbidden),
so a field added to a serialiser without its description here fails there."""

from typing import Literal

from ninja import Field, Schema
from pydantic import ConfigDict, create_model

from documents.models import Policy, Target
from documents.search.facet_registry import NAMES


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")


class Region(Strict):
    code: str = Field(description="GB/T 2260 区划代码 (division code), e.g. 440000", examples=["440000"])
    name: str = Field(description="名称 (name)", examples=["广东省"])


class Issuer(Strict):
    name: str = Field(description="发布机构 (issuing body)")


class Source(Strict):
    site: str = Field(description="来源网站 (the site it was collected from; empty if unknown)")
    url: str = Field(description="来源链接 (the original page; empty if unknown)")


class PolicySummary(Strict):
    id: int = Field(description="Stable id; /policies/{id}/ is the policy's page")
    title: str = Field(description="标题, as published (simplified or traditional script)")
    title_en: str = Field(description="English title where a source gave one, else empty")
    url: str = Field(description="The policy's page (absolute URL): cite this")
    doc_number: str = Field(description="文号 (document number), empty if none")
    region: Region | None = Field(description="The issuing region (province, city or county); null for national documents")
    province: Region | None = Field(description="Its province; null for national documents")
    issuers: list[Issuer] = Field(description="发布机构 (issuing bodies)")
    date: str | None = Field(description="发布日期: YYYY-MM-DD, YYYY-MM or YYYY as date_precision says; --MM-DD (ISO 8601's "
                                                    "form without the year) where a text gives a day but no year; null if unknown")
    date_precision: Literal[tuple(Policy.DatePrecision.values)] = Field(description="How much of the date is known")
    effective_date: str | None = Field(description="施行日期 (YYYY-MM-DD) where the text gives one")
    policy_type: str = Field(description="类型 (规划, 方案, 意见, 通知, 条例, 政府工作报告 …)")
    source: Source
    citation_code: str = Field(description="法宝引证码 (pkulaw citation code) where the source had one")
    script: Literal[tuple(Policy.Script.values)] = Field(description="Script of the stored text: hans (简体) or hant (繁體)")


class Section(Strict):
    number: str = Field(description="编号 as written (第一章, 第三条, 一、…), may be empty")
    level: int = Field(description="Depth: 1 for the outermost sections")
    heading: str = Field(description="标题 (for an article without a heading, its first sentence, cut)")
    body: str = Field(description="The section's own text")
    anchor: str = Field(description="Fragment id on the policy's page (url#anchor)")
    parent: str | None = Field(description="The parent section's anchor; null at level 1")


class QualityWarning(Strict):
    kind: str | None
    message: str | None
    position: int | None = Field(description="Character offset in text, where it applies to one place")


class VersionItem(Strict):
    id: int
    title: str
    date: str | None
    in_force: bool = Field(description="The version in force today: the latest already published and in effect")
    compare_url: str | None = Field(description="This policy and that version side by side, article by article; "
                                                "null for the policy itself")


class PolicyRef(Strict):
    id: int
    title: str
    date: str | None
    url: str


class CitedTitle(Strict):
    title: str = Field(description="The title as the text writes it between 《》")
    policy: PolicyRef | None = Field(description="The archive document it names (for a work with several versions, "
                                                 "the one in force at the citing date); null where the archive has none")
    search_url: str | None = Field(description="A search for an unresolved title; null when resolved")


class CitingPolicy(PolicyRef):
    passages: list[str] = Field(description="The sentences that cite this policy")


class ReuseItem(Strict):
    policy: PolicyRef
    share: float = Field(description="Share of this policy's text (without white space and punctuation) found in "
                                     "the other, 0–1")
    shared_chars: int = Field(description="Characters the two texts share")
    compare_url: str = Field(description="The two texts side by side with the shared passages marked, the earlier left")


class Links(Strict):
    cites: list[CitedTitle] = Field(description="Every 《…》 reference of the text, in order of appearance")
    cited_by: list[CitingPolicy] = Field(description="The documents citing this one, newest first")
    versions: list[VersionItem] = Field(description="Every version of the same work (same title from the same "
                                                    "region and issuer), oldest first, this one included; "
                                                    "empty when there is no other")
    reuse: list[ReuseItem] = Field(description="Other documents this one shares passages with (above the "
                                               "thresholds of docs/links.md), largest share first; versions of "
                                               "the same work are not listed")


class PolicyDetail(PolicySummary):
    text: str = Field(description="正文: the cleaned full text")
    sections: list[Section] = Field(description="The task sections (chapters, articles, numbered items), in order")
    quality_warnings: list[QualityWarning] = Field(
        None, description="What the import pipeline doubted (staff only: absent for the public)")
    links: Links


class MatchedSection(Strict):
    number: str
    heading: str
    anchor: str
    url: str = Field(description="The section on the policy's page")


class SearchHit(PolicySummary):
    rank: float | None = Field(description="Relevance (higher first), comparable within one query only; null when browsing without q")
    snippets: list[str] = Field(description="Passages around the matches; the matched words are in <mark>…</mark> and "
                                            "everything else is HTML-escaped")
    matched_sections: list[MatchedSection] = Field(description="Sections whose text matches the query")


class FacetValue(Strict):
    code: str | int = Field(description="The value to pass back as the parameter (region code, issuer id, year, type)")
    name: str
    count: int = Field(description="Policies matching the query and the other filters with this value")
    selected: bool


# One list per facet of the registry, in its order.
Facets = create_model("Facets", __base__=Strict, **{name: (list[FacetValue], ...) for name in NAMES})


class Paged(Strict):
    count: int = Field(description="How many results match in all")
    next: str | None = Field(description="The next page (absolute URL), null on the last")
    previous: str | None = Field(description="The previous page (absolute URL), null on the first")


class Statement(Strict):
    sql: str
    ms: float


class SearchDebug(Strict):
    matches: str = Field(description="Where the matches came from: `index` (bitmaps in memory) or `sql`")
    reason: str
    steps: list[str] = Field(description="What counting and ranking did, in order")
    statements: list[Statement]


class PolicyPage(Paged):
    page: int
    num_pages: int
    results: list[SearchHit]
    facets: Facets = Field(description="Counts per value of each filter, for the query and the other filters")
    debug: SearchDebug | None = Field(None, description="With ?debug=1, for staff: how the search was answered")


class TargetPolicy(Strict):
    id: int
    title: str
    date: str | None
    url: str


class TargetItem(Strict):
    id: int
    policy: TargetPolicy = Field(description="The document that sets or reports it")
    region: Region | None
    province: Region | None
    indicator: str = Field(description="指标: the canonical name where the vocabulary has it, else as written")
    indicator_text: str = Field(description="The indicator as the sentence writes it")
    kind: Literal[tuple(Target.Kind.values)] = Field(description="target (set for a year) or outcome (achieved)")
    measure: Literal[tuple(Target.Measure.values)] = Field(description="growth, level or share")
    year: int | None = Field(description="The year it is for")
    value_low: float | None
    value_high: float | None = Field(description="Equal to value_low unless a range (5%—5.5%)")
    unit: str = Field(description="%, 亿元, 万人, 万个 …")
    modifier: str = Field(description="左右, 以上, 以内, 超过, 不低于, 力争 …; empty where none")
    sentence: str = Field(description="The sentence it was read from")
    anchor: str = Field(description="Fragment id of the sentence on the policy's page")


class IndicatorCount(Strict):
    name: str
    count: int


class TargetPage(Paged):
    results: list[TargetItem]
    indicators: list[IndicatorCount] = Field(description="Every indicator with its count under the other filters")


class DiffusionFilters(Strict):
    type: str | None
    province: str | None = Field(description="The chosen province: rows are then its cities")
    year_from: int | None
    year_to: int | None


class DiffusionRow(Strict):
    region: Region | None = Field(description="The row's province or city ({code: 000000, name: 全国} for the national "
                                              "documents); null for a province's own documents")
    province: Region | None = Field(description="Its province; null for the national row")
    label: str
    level: Literal["national", "province", "city", "own"] = Field(
        description="own: the chosen province's documents outside its cities")
    counts: dict[str, int] = Field(description="Matching documents per year (years with none left out): each equals "
                                               "the count of the search at search_url with year added")
    totals: dict[str, int] = Field(description="All documents of the row per year under the same filters (the shares' "
                                               "denominators)")
    undated: int = Field(description="Matching documents without a date (in no year, never the first)")
    first_year: int | None
    first_policy: PolicyRef | None = Field(description="The earliest dated match; a date known only to the year or month "
                                                       "goes after the precise dates it may cover")
    search_url: str | None = Field(description="The search whose per-year counts are the row's; null for the national "
                                               "and own rows, which no search filter selects")


class Adoption(Strict):
    year: int
    provinces: int = Field(description="How many rows (provinces, or cities) had used the query by the end of the year")


class TermSeries(Strict):
    q: str
    counts: dict[str, int] = Field(description="Matches per year (of the chosen province, else all documents)")
    totals: dict[str, int] = Field(description="All documents per year under the same filters")


class Diffusion(Strict):
    q: str = Field(description="The query of the grid (the first q)")
    filters: DiffusionFilters
    years: list[int] = Field(description="The grid's years, from the first match to the last (or the range asked)")
    rows: list[DiffusionRow] = Field(description="Every province (or the chosen province's cities) with documents")
    national: DiffusionRow = Field(description="The national (central) documents")
    adoption: list[Adoption] = Field(description="The adoption curve")
    pattern: Literal["centre_first", "provinces_first", "within_a_year", "centre_only", "provinces_only"] | None = Field(
        description="The centre's first use against the regions' first: a year or more before, after, or within a year "
                    "(months compared where both dates have them)")
    pattern_label: str
    unplaced: int = Field(description="Matches without a region, in no row")
    terms: list[TermSeries] = Field(description="Each q's matches per year (up to four)")


class DistinctiveTerm(Strict):
    word: str
    z: float = Field(description="Weighted log-odds with an informative Dirichlet prior, standardised (Monroe et al. "
                                 "2008): the region against the other regions pooled")
    log_odds: float
    documents: int = Field(description="The region's documents holding the word, among those counted (`terms_counted`)")
    others: int = Field(description="The other regions' documents holding it, among those counted")


class CompareRegion(Region):
    level: str
    documents: int
    undated: int
    search_url: str
    per_year: dict[str, int]
    per_type: dict[str, int]
    terms_counted: int = Field(description="The documents the distinctive terms were counted in: all of the region's "
                                           "(`documents`), or beyond 400 in all a fixed sample of them (docs/diffusion.md)")
    distinctive_terms: list[DistinctiveTerm]


class TargetValue(Strict):
    year: int
    value: str = Field(description="As written down: 5%左右, 5%—5.5%")
    sentence: str
    policy: PolicyRef


class SharedTarget(Strict):
    indicator: str
    regions: list[list[TargetValue]] = Field(description="Per region (in the order asked), its targets for the latest "
                                                         "year it set one; empty where it set none")


class SharedText(Strict):
    source: PolicyRef = Field(description="The earlier text")
    source_region: Region
    derived: PolicyRef = Field(description="The later text, which may have taken from it")
    derived_region: Region
    shared_chars: int
    source_share: float = Field(description="The share of the earlier text that the later one repeats")
    derived_share: float = Field(description="The share of the later text taken from the earlier")
    passage: str = Field(description="The longest shared passage (cut at 120 characters)")
    compare_url: str = Field(description="Both texts side by side with the shared passages marked")


class Comparison(Strict):
    regions: list[CompareRegion]
    years: list[int]
    types: list[str] = Field(description="Policy types any of them has, commonest first")
    targets: list[SharedTarget] = Field(description="Indicators at least two of the regions set targets for")
    shared_texts: list[SharedText] = Field(description="Policies of two different regions sharing passages, most "
                                                       "shared characters first (at most 12)")


class Error(Strict):
    error: str = Field(description="What was wrong, in Chinese")
    fields: dict[str, str] = Field(description="Each rejected parameter with its message; empty when no parameter is at fault")
