"""Diffusion of a query: which provinces (or a province's cities) name it, year by year, who first.

Every count is the search engine's: `counted()` asks it once for the policies a search would count
(query and filters), with each one's province, city and year, and the grid is tallied from those in
memory — so a cell's count is the count of the search it links to (/policies/?q=…&province=…&year=…).
The denominators (a region's documents that year) are the same call without the query.

The first policy of a row is its earliest dated match: dates are compared as far as they are known
and a less precise date goes after the precise ones it may cover (2024 after 2024-03-15, 2024-03
after 2024-03-02, 2024-03 before 2024-04-01); a document without a date is never the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import numpy as np
from django import forms
from django.db import connections, router
from django.http import QueryDict
from django.urls import reverse

from documents.ingest.result import POLICY_TYPES
from documents.models import Policy, Region
from documents.research.charts import percent
from documents.search.cache import cached
from documents.search.filters import MESSAGES as SEARCH_MESSAGES
from documents.search.service import SearchParams, SearchParamsError, matched_keys
from documents.serializers import policy_brief, region_dict

MAX_TERMS = 4
YEAR_MIN, YEAR_MAX = 1900, 2100
NATIONAL_CODE = "000000"
KEYS = ("province", "city", "year", "type")

PATTERNS = {
    "centre_first": "中央先行：中央文件早于各地一年以上",
    "provinces_first": "地方先行：地方文件早于中央一年以上",
    "within_a_year": "上下同步：中央与地方最早的文件相距不到一年",
    "centre_only": "只有中央文件",
    "provinces_only": "只有地方文件",
}


def counted(params: SearchParams):
    """The one call into the search engine: the policies search_policies counts for params, each
    with its province, city and year (documents.search.facet_arrays.MatchedKeys)."""
    return matched_keys(params, KEYS)


# --- Parameters ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class DiffusionParams:
    queries: tuple[str, ...] = ("",)  # one to four; ("",) counts every document
    type: str | None = None
    province: str | None = None  # region code: rows are its cities
    year_from: int | None = None
    year_to: int | None = None

    def search(self, q: str, **extra) -> SearchParams:
        return SearchParams(**{"q": q, "type": self.type, "province": self.province, **extra})

    def query_items(self, queries=None) -> list[tuple[str, str]]:
        """The parameters as (name, value) pairs for URLs, the queries repeated."""
        items = [("q", q) for q in (self.queries if queries is None else queries) if q]
        for name in ("type", "province", "year_from", "year_to"):
            if getattr(self, name) is not None:
                items.append((name, str(getattr(self, name))))
        return items


class DiffusionForm(forms.Form):
    """The one definition of the parameters (the API's description is read off it); q may repeat."""

    q = forms.CharField(required=False, max_length=200)
    type = forms.ChoiceField(choices=[("", "")] + [(t, t) for t in POLICY_TYPES], required=False)
    province = forms.ModelChoiceField(Region.objects.filter(level=Region.Level.PROVINCE), to_field_name="code",
                                      required=False)
    year_from = forms.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX, required=False)
    year_to = forms.IntegerField(min_value=YEAR_MIN, max_value=YEAR_MAX, required=False)


class DiffusionFields:
    """The form as documents.api.parameters.query_parameters reads a filter set's."""

    form = DiffusionForm()


MESSAGES = {
    "type": SEARCH_MESSAGES["type"],
    "province": SEARCH_MESSAGES["province"],
    "year_from": f"年份应为 {YEAR_MIN} 至 {YEAR_MAX} 之间的整数",
    "year_to": f"年份应为 {YEAR_MIN} 至 {YEAR_MAX} 之间的整数",
}


def parse_diffusion_params(data) -> DiffusionParams:
    """Validate request parameters (a QueryDict or a dict; q may repeat); raises SearchParamsError
    with a Chinese message per field, as the search does. Any text is a query; longer ones are cut."""
    if isinstance(data, QueryDict):
        queries = data.getlist("q")
        data = {key: data.get(key) for key in data}
    else:
        queries = data.get("q") or []
        queries = [queries] if isinstance(queries, str) else list(queries)
    queries = [str(q).replace("\x00", " ").strip()[:200] for q in queries]
    queries = tuple(dict.fromkeys(q for q in queries if q)) or ("",)
    values = {name: str(data.get(name) or "").replace("\x00", "").strip() for name in MESSAGES}
    form = DiffusionForm(values)
    errors = {} if form.is_valid() else {
        name: f"{MESSAGES[name]}（{values[name][:40]}）" for name in form.errors if name in MESSAGES}
    if len(queries) > MAX_TERMS:
        errors["q"] = f"最多同时比较 {MAX_TERMS} 个检索词（收到 {len(queries)} 个）"
    cleaned = form.cleaned_data
    low, high = cleaned.get("year_from"), cleaned.get("year_to")
    if not errors and low is not None and high is not None and low > high:
        errors["year_to"] = f"结束年份早于起始年份（{low}—{high}）"
    if errors:
        raise SearchParamsError(errors)
    province = cleaned.get("province")
    return DiffusionParams(queries, cleaned.get("type") or None, province.code if province else None, low, high)


# --- The grid ---------------------------------------------------------------------------------

@dataclass
class Cell:
    year: int
    count: int
    total: int
    url: str | None  # the search that counts it

    @property
    def share(self) -> float | None:
        return self.count / self.total if self.total else None

    @property
    def percent(self) -> str:
        return percent(self.share)


@dataclass
class Row:
    region: Region | None  # None: documents of the national root (中央)
    label: str
    level: str  # "national", "province", "city" or "own" (the chosen province's own documents)
    counts: dict[int, int]
    totals: dict[int, int]
    undated: int = 0  # matches without a date: in no year, never the first
    first_year: int | None = None
    first_policy: Policy | None = None
    search: list[tuple[str, str]] | None = None  # the filters of the search that counts its cells
    cells: list[Cell] = field(default_factory=list)
    url: str | None = None  # the search of the row over every year

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclass
class Diffusion:
    params: DiffusionParams
    q: str
    years: list[int]
    rows: list[Row]  # provinces, or the chosen province's own documents and its cities
    national: Row
    adoption: list[dict]  # {"year", "regions": how many rows had used it by then, "new": [labels]}
    pattern: str | None  # a key of PATTERNS; None when nothing matches
    unplaced: int  # matches without a region, in no row
    province: Region | None  # the chosen province

    @property
    def all_rows(self) -> list[Row]:
        return [self.national, *self.rows]

    @property
    def adopters(self) -> int:
        return sum(1 for row in self.rows if row.first_year is not None)

    @property
    def first_rows(self) -> list[Row]:
        """The rows whose first policy is the earliest (ties: the same date key)."""
        dated = [row for row in self.rows if row.first_policy is not None]
        if not dated:
            return []
        key = min(_policy_key(row.first_policy) for row in dated)
        return [row for row in dated if _policy_key(row.first_policy) == key]

    @property
    def users_by_year(self) -> list[tuple[int, list[str]]]:
        """Each year with the rows that have a match in it (the last ten years of the grid)."""
        return [(year, [row.label for row in self.rows if row.counts.get(year)]) for year in self.years[-10:]]


def diffusion(params: DiffusionParams, q: str | None = None) -> Diffusion:
    """The grid of one query (the first by default) under the parameters' filters and years."""
    q = params.queries[0] if q is None else q
    # The province filter is applied below, in memory: its national row needs the documents outside it.
    search = params.search(q, province=None)
    matched = counted(search)
    everything = matched if not q else counted(replace(search, q=""))
    return _grid(params, q, matched, everything)


def cached_diffusion(params: DiffusionParams) -> tuple[Diffusion, tuple[list[int], list[Term]]]:
    """The grid of the first query and every query's yearly counts (one count of each query and one
    of all documents between them), cached until any policy changes."""
    def compute():
        everything, matched = _counted_queries(params)
        return _grid(params, params.queries[0], matched[params.queries[0]], everything), _terms(params, everything, matched)

    return cached("diffusion", (params,), compute)


def _counted_queries(params: DiffusionParams):
    search = params.search("", province=None)
    everything = counted(search)
    return everything, {q: counted(replace(search, q=q)) if q else everything for q in params.queries}


def _grid(params: DiffusionParams, q: str, matched, everything) -> Diffusion:
    unplaced = _unplaced_ids()
    chosen = Region.objects.get(code=params.province) if params.province else None
    tally, ids_by_cell = _tally(params, matched, unplaced, keep_ids=True)
    totals, _ = _tally(params, everything, unplaced)
    dated = sorted({year for (_, year) in tally if year is not None})
    years = _years(params, dated, sorted({year for (_, year) in totals if year is not None}))

    codes = sorted({code for code, _ in totals if code not in (None, "own", "unplaced")})
    regions = Region.objects.in_bulk(codes)
    national = _row(None, "全国（中央文件）", "national", tally, totals, years, None)
    rows = []
    if chosen:
        own = _row("own", f"{chosen.name}（省本级）", "own", tally, totals, years, None)
        if own.total or any(own.totals.values()):
            rows.append(own)
    for code in codes:
        if code not in regions:
            continue
        region = regions[code]
        level = "city" if chosen else "province"
        search = [("province", chosen.code), ("city", code)] if chosen else [("province", code)]
        rows.append(_row(code, region.name, level, tally, totals, years, search, region))
    _first_policies([national, *rows], ids_by_cell)
    for row in (national, *rows):
        row.url = region_search_url(params, q, row.search) if row.search is not None else None
        # A cell's search is its row's with the year added (the row's always has a region filter).
        row.cells = [Cell(year, row.counts.get(year, 0), row.totals.get(year, 0),
                          f"{row.url}&year={year}" if row.url else None) for year in years]
    adoption = []
    for year in years:
        new = [row.label for row in rows if row.first_year == year]
        adoption.append({"year": year, "regions": sum(1 for row in rows if row.first_year is not None
                                                     and row.first_year <= year), "new": new})
    return Diffusion(params, q, years, rows, national, adoption, pattern_of(national, rows),
                     sum(n for (code, _), n in tally.items() if code == "unplaced"), chosen)


def _row(key, label, level, tally, totals, years, search, region=None) -> Row:
    counts = {year: n for (code, year), n in tally.items() if code == key and year is not None}
    row = Row(region, label, level, counts,
              {year: n for (code, year), n in totals.items() if code == key and year is not None},
              undated=tally.get((key, None), 0), search=search)
    in_range = [year for year, n in counts.items() if n and year in years]
    row.first_year = min(in_range) if in_range else None
    return row


def _years(params: DiffusionParams, dated: list[int], any_dated: list[int]) -> list[int]:
    """The grid's columns: every year from the first match to the last (or the range asked for, as far
    as the archive has documents)."""
    if not dated and not (params.year_from and params.year_to):
        return []
    low = params.year_from if params.year_from is not None else dated[0]
    high = params.year_to if params.year_to is not None else dated[-1]
    if any_dated:
        low, high = max(low, any_dated[0]), min(high, any_dated[-1])
    return list(range(low, high + 1))


NATIONAL, UNPLACED, OUTSIDE, OWN = -1, -2, -3, -4  # row numbers beside the province or city indexes


def _tally(params: DiffusionParams, keys, unplaced: np.ndarray, keep_ids: bool = False):
    """{(row key, year or None): count} of the matches, and with keep_ids their ids per cell.

    Row keys: a province code (or with a province chosen, a city code and "own" for the province's
    documents outside its cities), None for the national root, "unplaced" for documents without a region.
    Matches outside the chosen province count only in the national row; years outside the range in no cell.
    One bincount over (row, year) numbers: no Python per match.
    """
    provinces, cities, year_index = keys.keys["province"], keys.keys["city"], keys.keys["year"]
    if params.province:
        values = keys.values["province"]
        chosen = values.index(params.province) if params.province in values else -5
        rows = np.where(provinces == chosen, np.where(cities < 0, OWN, cities), OUTSIDE)
        rows[provinces < 0] = NATIONAL
        names = keys.values["city"]
    else:
        rows = provinces.astype(np.int64)
        names = keys.values["province"]
    if unplaced.size:
        rows[np.isin(keys.ids, unplaced)] = UNPLACED
    year_values = np.array([*keys.values["year"], -1], dtype=np.int64)  # index -1: the last, "undated"
    years = year_values[year_index]
    keep = rows != OUTSIDE
    if params.year_from is not None:
        keep &= (years < 0) | (years >= params.year_from)
    if params.year_to is not None:
        keep &= (years < 0) | (years <= params.year_to)
    width = len(year_values)
    codes = (rows[keep] - OWN) * width + np.where(year_index[keep] < 0, width - 1, year_index[keep])
    counts = np.bincount(codes)
    present = np.flatnonzero(counts)

    def key(code: int) -> tuple:
        row, column = divmod(int(code), width)
        row += OWN
        label = {NATIONAL: None, UNPLACED: "unplaced", OWN: "own"}.get(row, names[row] if row >= 0 else None)
        return label, (int(year_values[column]) if column < width - 1 else None)

    cells = {key(code): int(counts[code]) for code in present}
    grouped = {}
    if keep_ids:
        order = np.argsort(codes, kind="stable")
        ends = np.cumsum(counts)
        ids = keys.ids[keep][order]
        grouped = {key(code): ids[ends[code] - counts[code]:ends[code]] for code in present}
    return cells, grouped


def _unplaced_ids() -> np.ndarray:
    """Published policies without a region (in no row): few or none, cached until any policy changes."""
    ids = cached("diffusion-unplaced", (), lambda: list(
        Policy.objects.published().filter(region__isnull=True).values_list("id", flat=True)))
    return np.array(ids, dtype=np.int64)


def date_key(year: int, month: int | None, day: int | None) -> tuple[int, int, int]:
    """Earliest first, a date known less precisely after the precise dates it may cover."""
    return (year, month or 13, day or 32)


def _policy_key(policy: Policy) -> tuple[int, int, int]:
    return date_key(policy.date_year, policy.date_month, policy.date_day)


def _first_policies(rows: list[Row], ids_by_cell: dict) -> None:
    """Each row's earliest dated match, among its matches of its first year: one statement for all rows,
    which orders each row's candidates by date_key() and returns the first (thousands of ids go in as two
    arrays, not one parameter each)."""
    ids, numbers = [], []
    for number, row in enumerate(rows):
        if row.first_year is not None:
            key = row.region.code if row.region else ("own" if row.level == "own" else None)
            found = ids_by_cell.get((key, row.first_year), ())
            ids += [int(pk) for pk in found]
            numbers += [number] * len(found)
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(
            f"""
            SELECT DISTINCT ON (c.number) c.number, p.id
              FROM unnest(%s::bigint[], %s::int[]) AS c (id, number)
              JOIN {Policy._meta.db_table} p ON p.id = c.id
             ORDER BY c.number, p.date_year, coalesce(p.date_month, 13), coalesce(p.date_day, 32), p.id
            """,
            [ids, numbers],
        )
        first = dict(cursor.fetchall())
    chosen = Policy.objects.select_related("region").only(
        "title", "date_year", "date_month", "date_day", "date_precision", "region__name", "region__code",
    ).in_bulk(list(first.values()))
    for number, row in enumerate(rows):
        if number in first:
            row.first_policy = chosen.get(first[number])


def pattern_of(national: Row, rows: list[Row]) -> str | None:
    """Whether the centre's first use came before the regions' (by a year or more), after, or within a year."""
    regional = [row.first_policy for row in rows if row.first_policy is not None]
    centre = national.first_policy
    if centre is None:
        return "provinces_only" if regional else None
    if not regional:
        return "centre_only"
    first = min(regional, key=_policy_key)
    return pattern(_date(centre), _date(first))


def _date(policy: Policy) -> tuple[int, int | None]:
    return policy.date_year, policy.date_month


def pattern(centre: tuple[int, int | None], regions: tuple[int, int | None]) -> str:
    """centre_first, provinces_first or within_a_year from two first dates (year, month or None):
    by months where both are known to the month, else by years (the same year: within a year)."""
    if centre[1] and regions[1]:
        months = (regions[0] * 12 + regions[1]) - (centre[0] * 12 + centre[1])
        if abs(months) < 12:
            return "within_a_year"
        return "centre_first" if months > 0 else "provinces_first"
    if centre[0] == regions[0]:
        return "within_a_year"
    return "centre_first" if centre[0] < regions[0] else "provinces_first"


def region_search_url(params: DiffusionParams, q: str, filters) -> str:
    """The search of a row over every year (its label's link)."""
    items = [("q", q)] if q else []
    if params.type:
        items.append(("type", params.type))
    return f"{reverse('policy_list')}?{urlencode([*items, *filters])}"


# --- Terms over time ------------------------------------------------------------------------------

@dataclass
class Term:
    q: str
    counts: dict[int, int]  # matches per year (the chosen province's, else every document's)
    totals: dict[int, int]  # documents per year under the same filters

    def share(self, year: int) -> float | None:
        return self.counts.get(year, 0) / self.totals[year] if self.totals.get(year) else None


def terms_over_time(params: DiffusionParams) -> tuple[list[int], list[Term]]:
    """Each query's matches per year, beside all documents per year (the shares' denominators)."""
    return _terms(params, *_counted_queries(params))


def _terms(params: DiffusionParams, everything, matched: dict) -> tuple[list[int], list[Term]]:
    totals = _per_year(params, everything)
    terms = [Term(q, _per_year(params, matched[q]), totals) for q in params.queries]
    dated = sorted({year for term in terms for year, n in term.counts.items() if n})
    return _years(params, dated, sorted(totals)), terms


def _per_year(params: DiffusionParams, keys) -> dict[int, int]:
    """Per year: the keys' documents (of the chosen province only, where one is chosen)."""
    years = np.array([*keys.values["year"], -1], dtype=np.int64)[keys.keys["year"]]
    keep = years >= 0
    if params.province:
        provinces = np.array([*keys.values["province"], None], dtype=object)[keys.keys["province"]]
        keep &= provinces == params.province
    if params.year_from is not None:
        keep &= years >= params.year_from
    if params.year_to is not None:
        keep &= years <= params.year_to
    found, counts = np.unique(years[keep], return_counts=True)
    return {int(year): int(n) for year, n in zip(found, counts)}


# --- Serialisation: the API, the JSON and CSV exports --------------------------------------------

def row_to_dict(row: Row, *, request=None) -> dict:
    absolute = request.build_absolute_uri if request else (lambda url: url)
    region = row.region
    return {
        "region": region_dict(region) if region else {"code": NATIONAL_CODE, "name": "全国"} if row.level == "national"
        else None,
        "province": region_dict(region.province) if region else None,
        "label": row.label,
        "level": row.level,
        "counts": {str(year): n for year, n in sorted(row.counts.items()) if n},
        "totals": {str(year): n for year, n in sorted(row.totals.items())},
        "undated": row.undated,
        "first_year": row.first_year,
        "first_policy": policy_brief(row.first_policy, request=request) if row.first_policy else None,
        "search_url": absolute(row.url) if row.url else None,
    }


def diffusion_to_dict(result: Diffusion, terms: list[Term] | None = None, *, request=None) -> dict:
    """The API body and the JSON export: the grid of the first query, and every query's yearly counts."""
    params = result.params
    return {
        "q": result.q,
        "filters": {"type": params.type, "province": params.province, "year_from": params.year_from,
                    "year_to": params.year_to},
        "years": result.years,
        "rows": [row_to_dict(row, request=request) for row in result.rows],
        "national": row_to_dict(result.national, request=request),
        "adoption": [{"year": entry["year"], "provinces": entry["regions"]} for entry in result.adoption],
        "pattern": result.pattern,
        "pattern_label": PATTERNS.get(result.pattern, "没有匹配的文件"),
        "unplaced": result.unplaced,
        "terms": [{"q": term.q, "counts": {str(y): n for y, n in sorted(term.counts.items())},
                   "totals": {str(y): n for y, n in sorted(term.totals.items())}} for term in terms or []],
    }


CSV_COLUMNS = [
    ("q", "检索词"), ("region_code", "区划代码"), ("region", "地区"), ("level", "层级"), ("year", "年份"),
    ("count", "匹配文件数"), ("total", "文件总数"), ("share", "占比"), ("first_year", "最早年份"),
    ("first_policy_id", "最早文件编号"), ("first_policy_title", "最早文件"), ("first_policy_date", "最早文件日期"),
    ("search_url", "检索链接"),
]
LEVEL_LABELS = {"national": "全国", "province": "省级", "city": "市级", "own": "省本级"}


def csv_rows(results: list[Diffusion], *, request=None):
    """One line per row and year of each query's grid (long format, for a spreadsheet's pivot)."""
    absolute = request.build_absolute_uri if request else (lambda url: url)
    for result in results:
        for row in (result.national, *result.rows):
            first = row.first_policy
            for cell in row.cells:
                yield {
                    "q": result.q, "region_code": row.region.code if row.region else NATIONAL_CODE
                    if row.level == "national" else "", "region": row.label, "level": LEVEL_LABELS[row.level],
                    "year": cell.year, "count": cell.count, "total": cell.total,
                    "share": "" if cell.share is None else f"{cell.share:.4f}",
                    "first_year": row.first_year or "", "first_policy_id": first.pk if first else "",
                    "first_policy_title": first.title if first else "",
                    "first_policy_date": first.date_iso or "" if first else "",
                    "search_url": absolute(cell.url) if cell.url else "",
                }
