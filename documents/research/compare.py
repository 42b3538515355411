"""Two to four regions side by side: their documents per year and type (the search engine's counts),
the words that set each apart from the others (weighted log-odds over the lexemes of their search
vectors, logodds.py; in a fixed sample of a region's documents when it has many), their targets for
the indicators they share, and the passages their policies share (documents/reuse.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

import numpy as np
from django import forms
from django.db import connections, router
from django.db.models import Q
from django.urls import reverse

from documents import gazetteer
from documents.models import Policy, Region, Reuse, Target
from documents.research.charts import percent
from documents.research.diffusion import counted
from documents.research.logodds import Score, distinctive
from documents.reuse import shown_q
from documents.search.cache import cached
from documents.search.service import SearchParams
from documents.serializers import policy_brief, region_dict
from documents.targets import published_targets

MIN_REGIONS, MAX_REGIONS = 2, 4
TERMS = 20
TARGET_ROWS = 20
SHARED_ROWS = 12
PASSAGE = 120  # characters of a shared passage shown
# Documents whose lexemes are counted for the distinctive terms, in all the regions together: counting
# costs in proportion to the vectors read (docs/diffusion.md, Speed), and so stays bounded as the archive grows.
TERM_SAMPLE = 400
_CODE = re.compile(r"^[0-9]{6}$")
# A lexeme worth showing: two characters or more with a Chinese one among them (no numbers, no
# single characters: those are particles and the pieces of words), and not a number written in
# characters (十二届, 一千元). One pattern: it is matched against every lexeme of the regions.
_TERM = re.compile(r"^(?!第?[一二三四五六七八九十百千万亿零两〇]+[届次条款项年元个日月号]?$)"
                   r"(?=.*[\u4e00-\u9fff])[\u4e00-\u9fffA-Za-z0-9]{2,}$")


class CompareParamsError(ValueError):
    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("；".join(f"{name}：{message}" for name, message in errors.items()))


class CompareForm(forms.Form):
    regions = forms.CharField(max_length=200)


class CompareFields:
    """The form as documents.api.parameters.query_parameters reads a filter set's."""

    form = CompareForm()


def parse_regions(data, *, required: bool = False) -> list[Region]:
    """The regions of `regions=440000,330000` (provinces or prefecture cities, two to four, in the
    order given, repeats dropped); [] when none is asked for (unless required). Raises CompareParamsError."""
    raw = str(data.get("regions") or "").replace("\x00", "")[:200]
    codes = list(dict.fromkeys(code.strip() for code in re.split(r"[,，\s]+", raw) if code.strip()))
    if not codes and not required:
        return []
    unknown = [code for code in codes if not _CODE.match(code)]
    found = Region.objects.in_bulk([code for code in codes if _CODE.match(code)])
    levels = (Region.Level.PROVINCE, Region.Level.PREFECTURE)
    unknown += [code for code in codes if _CODE.match(code) and (code not in found or found[code].level not in levels)]
    if unknown:
        shown = "、".join(code[:12] for code in unknown[:4])
        raise CompareParamsError({"regions": f"未知的省份或城市代码（{shown}）"})
    if not MIN_REGIONS <= len(codes) <= MAX_REGIONS:
        raise CompareParamsError({"regions": f"请选择 {MIN_REGIONS} 至 {MAX_REGIONS} 个地区（收到 {len(codes)} 个）"})
    return [found[code] for code in codes]


def region_search(region: Region) -> SearchParams:
    """The search of a region's documents: a province with its cities, a city with its counties."""
    if region.level == Region.Level.PROVINCE:
        return SearchParams(province=region.code)
    return SearchParams(province=region.parent_id, city=region.code)


def search_url(region: Region, **extra) -> str:
    search = region_search(region)
    items = [(name, str(value)) for name, value in extra.items() if name == "q"]
    items += [(name, value) for name, value in (("province", search.province), ("city", search.city)) if value]
    items += [(name, str(value)) for name, value in extra.items() if name != "q"]
    return f"{reverse('policy_list')}?{urlencode(items)}"


@dataclass
class SharedIndicator:
    indicator: str
    cells: list[list[Target]]  # per region: its targets for the latest year it set one


@dataclass
class Comparison:
    regions: list[Region]
    totals: list[int]
    undated: list[int]
    years: list[int]
    per_year: list[dict[int, int]]
    types: list[str]  # the types any of them has, commonest first
    per_type: list[dict[str, int]]
    terms: list[list[Score]]
    term_documents: list[int]  # per region: the documents its terms were counted in (all, or a sample)
    targets: list[SharedIndicator]
    shared: list[SharedText] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)  # each region's search
    term_budget: int = TERM_SAMPLE  # documents whose terms are counted, at most, in all

    @property
    def year_rows(self):
        return [(year, [(counts.get(year, 0), search_url(region, year=year))
                        for region, counts in zip(self.regions, self.per_year)]) for year in self.years]

    @property
    def type_rows(self):
        return [(kind, [(counts.get(kind, 0), search_url(region, type=kind))
                        for region, counts in zip(self.regions, self.per_type)]) for kind in self.types]

    @property
    def term_columns(self):
        """(region, its terms as dicts with the search of the word in the region, the documents they were
        counted in, the region's documents)."""
        return [(region, [{**vars(score), "url": search_url(region, q=score.word)} for score in terms], counted, total)
                for region, terms, counted, total in zip(self.regions, self.terms, self.term_documents, self.totals)]

    @property
    def total_cells(self):
        return list(zip(self.totals, self.urls))

    @property
    def sampled(self) -> bool:
        return self.term_documents != self.totals


@dataclass
class RegionDocuments:
    """A region's published documents as the search counts them."""

    ids: np.ndarray
    per_year: dict[int, int]
    per_type: dict[str, int]
    undated: int


def region_documents(region: Region) -> RegionDocuments:
    keys = counted(region_search(region))
    years = np.array([*keys.values["year"], -1], dtype=np.int64)[keys.keys["year"]]
    found, counts = np.unique(years[years >= 0], return_counts=True)
    types = np.bincount(keys.keys["type"][keys.keys["type"] >= 0], minlength=len(keys.values["type"]))
    return RegionDocuments(keys.ids, {int(year): int(n) for year, n in zip(found, counts)},
                           {keys.values["type"][k]: int(n) for k, n in enumerate(types) if n}, int((years < 0).sum()))


def comparison(regions: list[Region], *, term_sample: int | None = None) -> Comparison:
    """The regions side by side; their terms counted in `term_sample` documents at most, in all (TERM_SAMPLE)."""
    documents = [region_documents(region) for region in regions]
    per_year = [d.per_year for d in documents]
    all_years = sorted(set().union(*per_year))
    years = list(range(all_years[0], all_years[-1] + 1)) if all_years else []
    type_totals: dict[str, int] = {}
    for d in documents:
        for kind, n in d.per_type.items():
            type_totals[kind] = type_totals.get(kind, 0) + n
    types = sorted(type_totals, key=lambda kind: (-type_totals[kind], kind))
    budget = TERM_SAMPLE if term_sample is None else term_sample
    shares = quotas([d.ids.size for d in documents], budget)
    samples = [sample_of(d.ids, share) for d, share in zip(documents, shares)]
    return Comparison(regions, [int(d.ids.size) for d in documents], [d.undated for d in documents], years, per_year,
                      types, [d.per_type for d in documents], distinctive_terms(regions, samples),
                      [int(sample.size) for sample in samples], shared_targets(regions), shared_texts(regions),
                      urls=[search_url(region) for region in regions], term_budget=budget)


def cached_comparison(regions: list[Region]) -> Comparison:
    return cached("compare", tuple(region.code for region in regions), lambda: comparison(regions))


# --- Distinctive terms ------------------------------------------------------------------------------

def quotas(sizes: list[int], budget: int) -> list[int]:
    """How many documents of each region to count, `budget` in all: an even share each, and what a
    smaller region leaves over goes to the larger ones (every region whole when they fit)."""
    shares = [0] * len(sizes)
    for place, k in enumerate(sorted(range(len(sizes)), key=lambda k: (sizes[k], k))):
        shares[k] = min(sizes[k], budget // (len(sizes) - place))
        budget -= shares[k]
    return shares


def sample_of(ids: np.ndarray, size: int) -> np.ndarray:
    """The policies (ids, sorted) whose lexemes are counted: all of them when there are at most `size`,
    else the `size` first in a fixed scrambled order of their ids (a bottom-k sample) — the same ones on
    every view, independent of what they say, and a new policy of the region changes it by at most one."""
    if ids.size <= size:
        return np.sort(ids)
    # Fibonacci hashing: an odd multiplier is a bijection modulo 2**64, so no two ids tie.
    scrambled = ids.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    return np.sort(ids[np.argsort(scrambled, kind="stable")[:size]])


def lexeme_counts(region: Region, sample: np.ndarray) -> dict[str, int]:
    """How many of these published policies of the region hold each lexeme that may be listed; cached
    per region and sample size (which fix the sample) until any policy changes."""
    return cached("compare-lexemes", (region.code, int(sample.size)), lambda: _lexeme_counts(sample))


def _lexeme_counts(sample: np.ndarray) -> dict[str, int]:
    """ts_stat's ndoc over the policies' search vectors, for the lexemes that may be listed."""
    if not sample.size:
        return {}
    listed = ",".join(str(int(pk)) for pk in sample)  # integers: the only values inside the statement text
    inner = (f"SELECT search_vector FROM {Policy._meta.db_table} "
             f"WHERE status = 'published' AND id = ANY('{{{listed}}}'::bigint[])")
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute("SELECT word, ndoc FROM ts_stat(%s)", [inner])
        rows = cursor.fetchall()
    places, term = place_names(), _TERM.match
    return {word: n for word, n in rows if term(word) and word not in places}  # is_term(), inlined


def is_term(lexeme: str, places: frozenset[str]) -> bool:
    """Whether a lexeme may be listed: two characters or more with a Chinese one, neither a number
    written in characters nor the name of a place."""
    return bool(_TERM.match(lexeme)) and lexeme not in places


def place_names() -> frozenset[str]:
    """Every region's name and short name, with and without its 省/市/县… ending: a region's own
    name is trivially distinctive of it and says nothing of its agenda."""
    names = set()
    for entry in gazetteer.all_regions():
        for name in (entry.name, entry.short_name):
            if name:
                names.add(name)
                names.add(re.sub(r"(省|市|县|区|自治区|自治州|地区|盟|特别行政区)$", "", name))
    return frozenset(name for name in names if len(name) >= 2)


def distinctive_terms(regions: list[Region], samples: list[np.ndarray]) -> list[list[Score]]:
    """Each region's words against the others': by documents holding them among each region's sample
    (a long law counts once), and a word's pieces folded into it."""
    counts = [lexeme_counts(region, sample) for region, sample in zip(regions, samples)]
    return [fold_pieces(scores)[:TERMS] for scores in distinctive(counts, top=TERMS * 3)]


def fold_pieces(scores: list[Score], *, share: float = 0.8) -> list[Score]:
    """Drop a word that is a piece of a higher- or equally-listed longer one used nearly as often
    (大湾, 湾区 and 粤港澳 beside 粤港澳大湾区): the index holds a vocabulary word's pieces too."""
    kept = []
    for score in scores:
        if any(score.word != other.word and score.word in other.word and other.count >= share * score.count
               for other in scores):
            continue
        kept.append(score)
    return kept


# --- Targets ----------------------------------------------------------------------------------------

def shared_targets(regions: list[Region]) -> list[SharedIndicator]:
    """The indicators at least two of the regions set targets for (in documents of the region itself):
    each region's targets of the latest year two or more of them set one (else of its own latest year),
    so that figures for one year stand side by side; most shared and commonest first."""
    targets = (published_targets().filter(kind=Target.Kind.TARGET, policy__region__in=regions)
               .exclude(year=None).order_by("-year", "policy_id", "position"))
    by_indicator: dict[str, dict[str, dict[int, list[Target]]]] = {}
    for target in targets:
        found = by_indicator.setdefault(target.indicator, {}).setdefault(target.policy.region_id, {})
        same_year = found.setdefault(target.year, [])
        if all(t.value_display != target.value_display for t in same_year):  # a restated figure once
            same_year.append(target)
    shared = []
    for indicator, cells in by_indicator.items():
        if len(cells) < 2:
            continue
        years = [year for by_year in cells.values() for year in by_year]
        common = max((year for year in set(years) if years.count(year) >= 2), default=None)
        chosen = {code: by_year.get(common) or by_year[max(by_year)] for code, by_year in cells.items()}
        shared.append((indicator, chosen))
    shared.sort(key=lambda item: (-len(item[1]), -sum(len(v) for v in item[1].values()), item[0]))
    return [SharedIndicator(indicator, [cells.get(region.code, []) for region in regions])
            for indicator, cells in shared[:TARGET_ROWS]]


# --- Shared text ------------------------------------------------------------------------------------

@dataclass
class SharedText:
    source: Policy  # the earlier text
    derived: Policy
    source_region: Region
    derived_region: Region
    shared_chars: int
    source_share: float
    derived_share: float
    passage: str  # the longest shared passage, cut
    compare_url: str

    @property
    def derived_percent(self) -> str:
        return percent(self.derived_share)


def shared_texts(regions: list[Region], limit: int = SHARED_ROWS) -> list[SharedText]:
    """The published policies of two different regions that share passages (documents/reuse.py, above
    its thresholds), most shared characters first: a city copying its province, two provinces one model.
    A policy belongs to the most specific region asked for (a city's policy compared with its province
    is the city's)."""
    def within(region: Region, side: str) -> Q:
        column = "province_id" if region.level == Region.Level.PROVINCE else "city_id"
        return Q(**{f"{side}__{column}": region.code})

    anywhere = Q(pk__in=[])
    for region in regions:
        anywhere |= within(region, "source")
    elsewhere = Q(pk__in=[])
    for region in regions:
        elsewhere |= within(region, "derived")
    published = Q(source__status=Policy.Status.PUBLISHED, derived__status=Policy.Status.PUBLISHED)
    candidates = (Reuse.objects.filter(shown_q()).filter(anywhere, elsewhere, published)
                  .order_by("-shared_chars", "source_id", "derived_id")
                  .values_list("id", "source__province_id", "source__city_id", "derived__province_id", "derived__city_id"))
    chosen = []
    for pk, *places in candidates.iterator():
        source, derived = _region_of(places[0], places[1], regions), _region_of(places[2], places[3], regions)
        if source != derived:
            chosen.append((pk, source, derived))
            if len(chosen) == limit:
                break
    rows = Reuse.objects.select_related("source", "derived").only(
        "shared_chars", "source_share", "derived_share", "passages", *(f"{side}__{name}" for side in ("source", "derived")
        for name in ("title", "date_year", "date_month", "date_day", "date_precision"))).in_bulk([pk for pk, _, _ in chosen])
    texts = dict(Policy.objects.filter(pk__in=[row.source_id for row in rows.values()]).values_list("pk", "simplified_text"))
    found = []
    for pk, source, derived in chosen:
        row = rows[pk]
        start, end = max(((p[0], p[1]) for p in row.passages), key=lambda span: span[1] - span[0], default=(0, 0))
        text = texts[row.source_id][start:end]
        found.append(SharedText(row.source, row.derived, source, derived, row.shared_chars, row.source_share,
                                row.derived_share, text if len(text) <= PASSAGE else text[:PASSAGE] + "…",
                                reverse("policy_compare", args=[row.source_id, row.derived_id])))
    return found


def _region_of(province: str | None, city: str | None, regions: list[Region]) -> Region | None:
    """The most specific of the regions holding a policy of this province and city."""
    return next((region for region in regions if region.code == city), None) or next(
        (region for region in regions if region.code == province), None)


# --- Serialisation ----------------------------------------------------------------------------------

def comparison_to_dict(result: Comparison, *, request=None) -> dict:
    """The API body of /api/compare/."""
    absolute = request.build_absolute_uri if request else (lambda url: url)
    return {
        "regions": [{**region_dict(region), "level": region.level, "documents": total, "undated": undated,
                     "search_url": absolute(url),
                     "per_year": {str(year): n for year, n in sorted(counts.items())},
                     "per_type": dict(sorted(types.items(), key=lambda item: (-item[1], item[0]))),
                     "terms_counted": counted,
                     "distinctive_terms": [{"word": s.word, "z": s.z, "log_odds": s.delta, "documents": s.count,
                                            "others": s.others} for s in terms]}
                    for region, total, undated, url, counts, types, terms, counted in zip(
                        result.regions, result.totals, result.undated, result.urls, result.per_year,
                        result.per_type, result.terms, result.term_documents)],
        "years": result.years,
        "types": result.types,
        "targets": [{"indicator": row.indicator, "regions": [
            [{"year": t.year, "value": t.value_display, "sentence": t.sentence,
              "policy": policy_brief(t.policy, request=request)} for t in cell] for cell in row.cells]}
            for row in result.targets],
        "shared_texts": [{"source": policy_brief(row.source, request=request), "source_region": region_dict(row.source_region),
                          "derived": policy_brief(row.derived, request=request),
                          "derived_region": region_dict(row.derived_region), "shared_chars": row.shared_chars,
                          "source_share": round(row.source_share, 3), "derived_share": round(row.derived_share, 3),
                          "passage": row.passage, "compare_url": absolute(row.compare_url)} for row in result.shared],
    }
