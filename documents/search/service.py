"""Search: the one function every view, the API, exports, feeds and commands call.

Ranking: a query that is a document's title (or its short form, 数据安全法 for
中华人民共和国数据安全法) or 文号 puts that document first (tier 3); then a match in the title puts
a policy above every policy matched only in section headings, and those above the ones matched
only in the body (tiers 2, 1, 0); within a tier,
ts_rank_cd (cover density: proximity of the terms) with the weights title 1.0, heading 0.4,
body 0.2, normalised into [0, 1); ties by date (newest first), then id.

A result page ranks a bounded candidate set, not every match (see docs/performance.md): when
more than EXACT_LIMIT policies match, the candidates are the newest CANDIDATES matches in the
title, in titles or headings, and overall, and only those are ranked. Below that the ranking
is exact and equals matching_policies().
"""

from __future__ import annotations

import itertools
import math
import time
from dataclasses import dataclass, field
from functools import reduce
from operator import and_, or_

from django.contrib.postgres.search import SearchRank, SearchVectorField
from django.db import connections, router
from django.db.models import Case, F, FloatField, Func, Q, QuerySet, Value, When
from django.db.models.functions import Left
from django.http import QueryDict

from documents.ingest.citations import title_key
from documents.ingest.docnumber import looks_like_doc_number, normalise_doc_number
from documents.models import Policy, TaskSection
from documents.search import facet_arrays
from documents.search.cache import cached, one_generation
from documents.search.facet_registry import NAMES
from documents.search.facets import count_facets
from documents.search.filters import (
    DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MESSAGES, SORTS, PolicySearchFilter, facet_q, facet_value,
)
from documents.search.highlight import WIDTH, section_matches, snippets
from documents.search.planner import index_scans, planner_setting
from documents.search.memory_pools import MemoryPools
from documents.search.index import Matches
from documents.search.query import AllOf, LexemeQuery, Match, Not, ParsedQuery, parse
from documents.serializers import policy_to_dict

__all__ = [
    "SORTS", "SearchParams", "SearchParamsError", "parse_search_params", "Hit", "SearchPage", "Plan",
    "search_policies", "explain", "matching_policies", "top_matches", "search_page_to_dict", "matched_keys",
]

WEIGHTS = [0.1, 0.2, 0.4, 1.0]  # D, C (body), B (headings), A (title)
EXACT_LIMIT = 300
CANDIDATES = 60  # per pool; pages beyond the pools are ranked exactly
WINDOW = 5  # for a word in most policies, title and heading pools are first sought among the newest
COMMON_SHARE = 0.5  # WINDOW × CANDIDATES policies; "most": at least this share of them
OPENING = 2 * WIDTH  # of a text without matches: a snippet, and enough to tell whether the text goes on
WIDER = 10  # when a relaxed phrase leaves the pools short of a page, try pools this many times larger


@dataclass
class SearchParams:
    q: str = ""
    # One field per facet of facet_registry.FACETS, in its order (tests/search/test_facet_registry.py).
    province: str | None = None  # region code
    city: str | None = None  # region code
    issuer: int | None = None  # Issuer id
    year: int | None = None
    type: str | None = None
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    def active_filters(self) -> dict:
        return {name: getattr(self, name) for name in NAMES if getattr(self, name) is not None}


class SearchParamsError(ValueError):
    """Malformed search parameters; errors maps each field to a message in Chinese."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("；".join(f"{name}：{message}" for name, message in errors.items()))


def parse_search_params(data) -> SearchParams:
    """Validate request parameters (a QueryDict or a dict). page_size above 100 is capped at 100."""
    if isinstance(data, QueryDict):
        data = {key: data.get(key) for key in data}
    data = {key: ("" if value is None else str(value)) for key, value in dict(data).items()}
    # Any text is a valid query (the parser drops what it cannot use); only NUL is refused by forms.
    data["q"] = data.get("q", "").replace("\x00", " ")
    if data.get("page_size", "").strip().isdigit() and int(data["page_size"]) > MAX_PAGE_SIZE:
        data["page_size"] = str(MAX_PAGE_SIZE)
    filterset = PolicySearchFilter(data, queryset=Policy.objects.none())
    if not filterset.is_valid():
        raise SearchParamsError({
            name: f"{MESSAGES.get(name, '参数无效')}（{_shown(data.get(name, ''))}）" for name in filterset.errors
        })
    cleaned = filterset.form.cleaned_data
    return SearchParams(
        q=cleaned.get("q") or "",
        sort=cleaned.get("sort") or "relevance",
        page=cleaned.get("page") or 1,
        page_size=cleaned.get("page_size") or DEFAULT_PAGE_SIZE,
        **{name: facet_value(name, cleaned.get(name)) for name in NAMES},
    )


def _shown(value: str) -> str:
    value = value.replace("\x00", "\\0")
    return value if len(value) <= 40 else value[:40] + "…"


@dataclass
class Hit:
    policy: Policy
    rank: float | None
    snippets: list[str] = field(default_factory=list)  # escaped HTML with <mark>
    matched_sections: list[dict] = field(default_factory=list)  # {"number", "heading", "anchor", "url"}


@dataclass
class Plan:
    """How search_policies answers one request. Where the matches come from is decided once, at its start:
    the index (index.py: bitmaps, in memory) or SQL (PostgreSQL lists them from its GIN indexes), with the
    reason; each later step (counting, ranking) says what it did. Printed by `search_policies --explain`,
    returned by the API's ?debug=1 for staff."""

    matches: str  # "index" or "sql"
    reason: str
    steps: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"matches": self.matches, "reason": self.reason, "steps": self.steps}


def decide(parsed: ParsedQuery, matches: Matches) -> Plan:
    if _doc_number(parsed):
        return Plan("sql", "a 文号: its policies by the doc_number index, whatever their text says")
    why = matches.why_not()
    if why is None:
        listed = matches.listed()
        return Plan("index", "every part of the query from the index: the base's bitmaps with the logged changes "
                    "applied" + (f", and {'、'.join(listed[:5])} (too rare for a bitmap) listed by the GIN indexes "
                                 "in the same statement" if listed else ""))
    return Plan("sql", why)


@dataclass
class SearchPage:
    params: SearchParams
    count: int
    hits: list[Hit]
    facets: dict[str, list[dict]]  # province, city, issuer, year, type: [{"code", "name", "count", "selected"}]
    num_pages: int
    plan: Plan | None = None


def _base(include_unpublished: bool) -> QuerySet:
    return Policy.objects.all() if include_unpublished else Policy.objects.published()


def text_matches(queryset: QuerySet, parsed: ParsedQuery) -> QuerySet:
    if parsed.is_empty:
        return queryset
    text = _q(parsed.condition())
    numbered = _doc_number(parsed)
    return queryset.filter(text | numbered if numbered else text)


def _single_term(parsed: ParsedQuery) -> str | None:
    """The text of a query that is one word run or phrase, nothing excluded."""
    terms = [term for clause in parsed.clauses for term in clause]
    return terms[0].text if len(terms) == 1 and not parsed.excluded else None


def _doc_number(parsed: ParsedQuery) -> Q | None:
    """For a query that is one 文号 (〔〕, [], () or （） alike): the policies with that number.

    They match even where their text does not hold the number, and rank first (_rank). Stored
    numbers are canonical (the importer normalises them), so only the query is normalised. The
    bitmaps and candidate pools know nothing of 文号: such a query is counted and ranked in SQL,
    over its few matches (a btree index on doc_number, migration 0017_policy_doc_number_index).
    """
    text = _single_term(parsed)
    if text is None or not looks_like_doc_number(text):
        return None
    return Q(doc_number=normalise_doc_number(text))


# A two-character query is a topic; 消防法 already names a law.
MIN_TITLE_CHARS = 3


def _exact_title(parsed: ParsedQuery) -> Q | None:
    """For a query that is a document's title, or a short form it is cited by (数据安全法 for
    中华人民共和国数据安全法): the documents of that title, which rank above the other title matches.

    Compared as citations are (ingest.citations.title_key: script, spaces and revision notes
    aside) over the indexed title_key and title_short_keys columns.
    """
    text = _single_term(parsed)
    key = title_key(text) if text else ""
    if len(key) < MIN_TITLE_CHARS:
        return None
    return Q(title_key=key) | Q(title_short_keys__contains=[key])


def _q(condition) -> Q:
    """A parsed condition (documents.search.query) as a filter on the policy's vectors."""
    if isinstance(condition, Match):
        return Q(**{condition.vector: LexemeQuery(condition.tsquery)})
    if isinstance(condition, Not):
        return ~_q(condition.part)
    return reduce(and_ if isinstance(condition, AllOf) else or_, map(_q, condition.parts))


def apply_filters(queryset: QuerySet, params: SearchParams) -> QuerySet:
    for name, value in params.active_filters().items():
        queryset = queryset.filter(facet_q(name, value))
    return queryset


def _rank(parsed: ParsedQuery):
    """The relevance score: tier (the queried 文号 or title 3, title 2, heading 1, body 0) plus cover density
    in [0, 1)."""
    first = _doc_number(parsed) or _exact_title(parsed)
    return Case(
        *([When(first, then=Value(3.0))] if first else []),
        When(Q(search_vector=LexemeQuery(parsed.tsquery("A", with_excluded=False))), then=Value(2.0)),
        When(Q(search_vector=LexemeQuery(parsed.tsquery("AB", with_excluded=False))), then=Value(1.0)),
        default=Value(0.0),
        output_field=FloatField(),
    ) + _cover_density(parsed)


def _cover_density(parsed: ParsedQuery) -> SearchRank:
    """ts_rank_cd with the field weights, normalised into [0, 1)."""
    positive = LexemeQuery(parsed.tsquery(with_excluded=False))
    return SearchRank(F("search_vector"), positive, weights=WEIGHTS, normalization=32, cover_density=True)


def _order(sort: str, ranked: bool) -> list:
    newest = [F("date").desc(nulls_last=True), F("id").desc()]
    if sort == "oldest":
        return [F("date").asc(nulls_last=True), F("id").asc()]
    if sort == "relevance" and ranked:
        return [F("rank").desc(), *newest]
    return newest


def matching_policies(params: SearchParams, *, include_unpublished: bool = False) -> QuerySet:
    """Every policy matching the query and filters, in the requested order (exports and feeds slice it).

    With a query and sort=relevance each policy carries `rank`; the order is exact over all matches.
    """
    parsed = parse(params.q)
    matches = apply_filters(text_matches(_base(include_unpublished), parsed), params)
    ranked = parsed.has_positive and params.sort == "relevance"
    if ranked:
        matches = matches.annotate(rank=_rank(parsed))
    return matches.select_related("region", "province").prefetch_related("issuers").order_by(
        *_order(params.sort, ranked)
    )


def matched_keys(params: SearchParams, names: tuple[str, ...], *, include_unpublished: bool = False
                 ) -> facet_arrays.MatchedKeys:
    """The policies search_policies counts for these parameters, each with its values of the named
    facets: for counting them by two facets at once in memory (the research views' province × year)."""
    parsed = parse(params.q)
    ids = None if _doc_number(parsed) else Matches(parsed, include_unpublished=include_unpublished).ids()
    if ids is None:
        with index_scans():
            ids = facet_arrays.matching_ids(text_matches(_base(include_unpublished), parsed))
    return facet_arrays.matched_keys(ids, params.active_filters(), names)


def search_policies(params: SearchParams, *, include_unpublished: bool = False) -> SearchPage:
    """One result page: hits with snippets and matched sections, facet counts, the total, and its plan."""
    with one_generation():
        return _search(params, include_unpublished)


def _search(params: SearchParams, include_unpublished: bool) -> SearchPage:
    parsed = parse(params.q)
    matches = text_matches(_base(include_unpublished), parsed)
    active = params.active_filters()
    query_key = repr(parsed.condition())
    posted = Matches(parsed, include_unpublished=include_unpublished)
    plan = decide(parsed, posted)
    counted = []

    def count_them():
        counted.append(True)
        return count_facets(matches, active, text=not parsed.is_empty,
                            matched_ids=posted.ids if plan.matches == "index" else None)

    with index_scans():
        count, facets = cached("facets", (query_key, include_unpublished, [active.get(name) for name in NAMES]),
                               count_them)
    source = "the index's ids" if plan.matches == "index" else "the ids PostgreSQL lists"
    plan.steps.append(f"counts: {count} matches, every facet by the facet arrays over {source}" if counted
                      else f"counts: {count} matches, from the search cache")
    num_pages = max(1, math.ceil(count / params.page_size))
    start = (params.page - 1) * params.page_size
    filtered = apply_filters(matches, params)
    ranked = parsed.has_positive and params.sort == "relevance"
    if start >= count:
        rows = []
        plan.steps.append("page: past the last match")
    elif ranked:
        def rank():
            with index_scans():
                return _ranked_page(filtered, apply_filters(_base(include_unpublished), params), parsed, count, start,
                                    params.page_size, posted, active, plan=plan)

        # A ranked page is cached like the counts (a repeated query, paging back): ranking reads vectors.
        steps = len(plan.steps)
        rows = cached("page", (query_key, include_unpublished, sorted(active.items()), start, params.page_size),
                      rank)
        if len(plan.steps) == steps:
            plan.steps.append("ranking: the ranked page from the search cache")
    else:
        rows = [(pk, None) for pk in filtered.order_by(*_order(params.sort, False))
                .values_list("id", flat=True)[start : start + params.page_size]]
        order = params.sort if params.sort != "relevance" else "newest"
        plan.steps.append(f"page: {order} first, in SQL: the date order index walked" +
                          (", each policy's text match tested on its row" if not parsed.is_empty else ""))
    hits = _hits(rows, parsed)
    return SearchPage(params=params, count=count, hits=hits, facets=facets, num_pages=num_pages, plan=plan)


def explain(params: SearchParams, *, include_unpublished: bool = False) -> tuple[SearchPage, list[dict]]:
    """search_policies with every statement it ran and its time: [{"sql", "ms"}] (the plan is on the page)."""
    statements = []

    def record(execute, sql, sql_params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, sql_params, many, context)
        finally:
            statements.append({"sql": " ".join(sql.split()), "ms": round((time.perf_counter() - started) * 1000, 2)})

    with connections[router.db_for_read(Policy)].execute_wrapper(record):
        page = search_policies(params, include_unpublished=include_unpublished)
    return page, statements


def top_matches(params: SearchParams, limit: int, *, exclude: int | None = None) -> list[Policy]:
    """The best `limit` matches, ranked among the bounded candidates: no count, facets or snippets.

    For side panels (related policies): exact ranking of every match would read each match's
    vector — all of a province's policies for a query of common terms.
    """
    parsed = parse(params.q)
    unmatched = apply_filters(_base(False), params)
    if exclude is not None:
        unmatched = unmatched.exclude(pk=exclude)
    if not parsed.has_positive:
        return list(text_matches(unmatched, parsed).order_by(*_order("newest", False))[:limit])

    def rank():
        with index_scans():
            return [pk for pk, _ in _ranked_page(text_matches(unmatched, parsed), unmatched, parsed, EXACT_LIMIT + 1,
                                                 0, limit, Matches(parsed, include_unpublished=False),
                                                 params.active_filters(), exclude)]

    ids = cached("top", (repr(parsed.condition()), sorted(params.active_filters().items()), limit, exclude), rank)
    policies = Policy.objects.select_related("region", "province").in_bulk(ids)
    return [policies[pk] for pk in ids if pk in policies]


def _ranked_page(filtered: QuerySet, unmatched: QuerySet, parsed: ParsedQuery, count: int, start: int, size: int,
                 matches: Matches | None = None, active: dict | None = None, exclude: int | None = None,
                 plan: Plan | None = None):
    """(id, rank) for one page; over a bounded candidate set when many policies match.

    The candidate pools use the relaxed query (phrases as their pair lexemes, or in titles and
    headings their pieces ANDed), which GIN indexes answer without reading vectors (or, for
    frequent lexemes, `matches`' bitmaps with the `active` filters, in memory); the exact query
    then filters the candidates while ranking them — or, where the bitmaps know the exact matches,
    the candidates are cut to those in memory and SQL only ranks them.
    When that leaves too few for the page, every match is ranked; so are a 文号 query's (_doc_number).
    The documents a query names by title (_exact_title) come first, ranked among themselves; the
    rest of the page is the ranking without them. Each choice is noted in `plan`'s steps.
    """
    steps = plan.steps if plan else []
    if _doc_number(parsed):
        steps.append("ranking: every match of the 文号 ranked in SQL, the numbered documents first")
        return _rank_rows(filtered, parsed, start, size)
    titled = _exact_title(parsed)
    named = set(filtered.filter(titled).values_list("id", flat=True)) if titled else set()
    if not named:
        return _pooled_rows(filtered, unmatched, parsed, count, start, size, matches, active, exclude, steps)
    steps.append(f"ranking: {len(named)} documents of that title first")
    rows = _rank_rows(filtered.filter(pk__in=named), parsed, start, size) if start < len(named) else []
    if len(rows) < size:
        rest_start = max(0, start - len(named))
        # The ranking of every match from its top, the named ones (wherever they fall) left out.
        wanted = rest_start + size - len(rows) + len(named)
        rest = [row for row in _pooled_rows(filtered, unmatched, parsed, count, 0, wanted, matches, active, exclude,
                                            steps) if row[0] not in named]
        rows += rest[rest_start : rest_start + size - len(rows)]
    return rows


def _pooled_rows(filtered: QuerySet, unmatched: QuerySet, parsed: ParsedQuery, count: int, start: int, size: int,
                 matches: Matches | None, active: dict | None, exclude: int | None, steps: list[str]):
    small = count <= EXACT_LIMIT
    bounded = not small and start + size <= CANDIDATES
    memory = MemoryPools.of(matches, active or {}, exclude) if matches and (small or bounded) else None
    where = "the index, in memory" if memory else "PostgreSQL's GIN indexes"
    tiers = "the index's tiers" if memory and memory.tiers is not None else "SQL's tiers"
    exact = memory.exact_ids if memory and memory.exact is not None else None
    if bounded:
        for limit in (CANDIDATES, CANDIDATES * WIDER):
            candidate_ids = memory.pool(limit) if memory else _sql_pools(unmatched, parsed, count, limit)
            rows = memory and memory.rank(candidate_ids, _cover_density(parsed), start, size)
            if rows is None:
                rows = _rank_rows(unmatched.filter(pk__in=exact(candidate_ids)) if exact
                                  else filtered.filter(pk__in=candidate_ids), parsed, start, size)
            if len(rows) == size or len(candidate_ids) < limit:
                steps.append(f"ranking: {len(candidate_ids)} candidates (the newest {limit} of each pool: anywhere, "
                             f"titles, titles or headings) from {where}, ranked by {tiers} and cover density")
                return rows
    elif memory and memory.tiers is not None:  # few matches: every one ranked, each vector read once
        rows = memory.rank(exact(), _cover_density(parsed), start, size)
        steps.append(f"ranking: every one of the {count} matches, by the index's tiers and cover density")
        return rows
    steps.append(f"ranking: every one of the {count} matches, in SQL (tiers and cover density)")
    return _rank_rows(unmatched.filter(pk__in=exact()) if exact else filtered, parsed, start, size)


def _sql_pools(unmatched: QuerySet, parsed: ParsedQuery, count: int, limit: int) -> set[int]:
    """The newest `limit` relaxed matches anywhere, in titles, and in titles or headings."""
    relaxed = LexemeQuery(parsed.tsquery(with_excluded=False, relaxed=True))
    newest = _order("newest", False)
    # Pools start from the filters without the exact text match, which would read every vector.
    anywhere = unmatched.filter(_q(parsed.condition(with_excluded=False, relaxed=True)))
    field_pools = []
    for weights in ("a", "a,b"):
        field_vector = Func(F("search_vector"), Value(f"{{{weights}}}"), function="ts_filter",
                            output_field=SearchVectorField())
        field_pools.append(unmatched.alias(field_vector=field_vector).filter(field_vector=relaxed))
    candidate_ids = set(anywhere.order_by(*newest).values_list("id", flat=True)[:limit])
    windowed = limit == CANDIDATES and count >= COMMON_SHARE * _policies_estimate()
    in_window = _window_field_matches(unmatched, parsed, newest, limit) if windowed else ()
    for pool, found in itertools.zip_longest(field_pools, in_window):
        if found is None or len(found) < limit:
            with planner_setting("enable_indexscan", "off"):  # the GIN expression index, then a sort
                found = list(pool.order_by(*newest).values_list("id", flat=True)[:limit])
        candidate_ids.update(found)
    return candidate_ids


def _window_field_matches(unmatched: QuerySet, parsed: ParsedQuery, newest: list, limit: int) -> tuple[list, list]:
    """The newest `limit` title matches and heading (or title) matches among the newest WINDOW × limit policies.

    A word in most policies is in the titles or headings of tens of thousands, too many to sort by
    date for each pool (docs/performance.md, design 14). For such a word they are first sought among the
    newest policies; a list that comes out full holds the newest overall (tested equal to the exact
    ranking), a short one sends its pool to the GIN expression index and a sort (sparse matches:
    walking the date index further would decompress thousands of vectors). Weight-restricted
    tsqueries (lexeme:A, lexeme:AB) test each stored vector once for both, without the filtered
    copies ts_filter builds.
    """
    window = list(unmatched.order_by(*newest).values_list("pk", flat=True)[: WINDOW * limit])
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(
            f"SELECT id, search_vector @@ %s::tsquery, search_vector @@ %s::tsquery "
            f"FROM {Policy._meta.db_table} WHERE id = ANY(%s)",
            [parsed.tsquery("A", with_excluded=False, relaxed=True),
             parsed.tsquery("AB", with_excluded=False, relaxed=True), window],
        )
        flags = cursor.fetchall()  # a policy deleted between the two statements is simply absent
    in_title = {pk for pk, title, _ in flags if title}
    in_headings = {pk for pk, _, heading in flags if heading}
    return [pk for pk in window if pk in in_title][:limit], [pk for pk in window if pk in in_headings][:limit]


def _policies_estimate() -> float:
    """How many policies there are, from the planner's statistics (no count; -1 before any ANALYZE)."""
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = 'documents_policy'::regclass")
        return cursor.fetchone()[0]


def _rank_rows(matches: QuerySet, parsed: ParsedQuery, start: int, size: int):
    ranked = matches.annotate(rank=_rank(parsed)).order_by(*_order("relevance", True))
    return list(ranked.values_list("id", "rank")[start : start + size])


def _hits(rows, parsed: ParsedQuery) -> list[Hit]:
    if not rows:
        return []
    ids = [pk for pk, _ in rows]
    needles = parsed.highlight_strings()
    policies = Policy.objects.select_related("region", "province").prefetch_related("issuers").defer("raw_text")
    if not needles:  # the snippet is the text's opening: the rest of the text stays in the database
        policies = policies.defer("clean_text", "simplified_text").annotate(
            opening=Left("clean_text", OPENING), simplified_opening=Left("simplified_text", OPENING))
    policies = policies.in_bulk(ids)
    sections: dict[int, list] = {}
    if needles:
        # Tuples, not model instances: a page's policies can have a thousand sections between them.
        for section in TaskSection.objects.filter(policy_id__in=ids).order_by("policy_id", "position").values_list(
            "policy_id", "number", "heading", "body", "anchor", named=True
        ):
            sections.setdefault(section.policy_id, []).append(section)
    hits = []
    for pk, rank in rows:
        policy = policies[pk]
        url = policy.get_absolute_url()
        hits.append(Hit(
            policy=policy,
            rank=rank,
            snippets=snippets(policy.clean_text, needles, simplified=policy.simplified_text) if needles
            else snippets(policy.opening, [], simplified=policy.simplified_opening, count=1),
            matched_sections=[
                {"number": s.number, "heading": s.heading, "anchor": s.anchor, "url": f"{url}#{s.anchor}"}
                for s in section_matches(sections.get(pk, []), needles, traditional=policy.script != "hans")
            ],
        ))
    return hits


def search_page_to_dict(page: SearchPage, *, request=None) -> dict:
    """The API body (also what `search_policies --json` prints): the one serialisation plus hit details."""
    return {
        "count": page.count,
        "page": page.params.page,
        "num_pages": page.num_pages,
        "results": [
            {**policy_to_dict(hit.policy, request=request), "rank": hit.rank, "snippets": hit.snippets,
             "matched_sections": [
                 {**section, "url": request.build_absolute_uri(section["url"]) if request else section["url"]}
                 for section in hit.matched_sections
             ]}
            for hit in page.hits
        ],
        "facets": page.facets,
    }
