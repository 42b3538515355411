"""Facet counts in one pass over the matches.

Each facet counts the matches of the query and of every OTHER active filter (the province
facet ignores the province filter, so a researcher can switch provinces). The matches are
read once. Their ids — from the frequent lexemes' bitmaps (postings.py, also of every published
policy for browsing) when fresh, else listed by PostgreSQL for a text query — are counted by
facet_arrays.py against every policy's facet keys in memory. Otherwise browsing (no text) reads
the filters' rows from the facet-key index: each row carries its facet keys and one boolean per active filter, and
GROUPING SETS count every facet with FILTER clauses that leave out the facet's own condition;
the issuer facet (a many-to-many) joins the same rows in a second branch of the statement,
and the grand total (all filters) comes from the empty grouping set.

Two things keep the pass small (docs/performance.md):
* a facet counts the rows that pass every OTHER filter, so with n ≥ 2 active filters only
  the rows passing at least n − 1 of them are read (the planner ANDs the text match's GIN
  bitmap with the filters' btree bitmaps);
* for a query that is one frequent lexeme (or none, browsing), the counts that ignore every
  filter come precomputed from documents/search/stats.py while they are fresh: with no filter
  the whole answer, with one filter its own facet (the rest reads only that filter's rows).
"""

from functools import reduce
from operator import and_, or_

from django.db import connections, router
from django.db.models import BooleanField, ExpressionWrapper, F, Func, Value

from documents.models import Issuer, Policy, Region
from documents.search import facet_arrays, stats
from documents.search.cache import cached
from documents.search.facet_registry import COLUMNS, FACETS, NAMES
from documents.search.filters import facet_q

KEY_COLUMNS = {name: f"k_{name}" for name in COLUMNS}  # the row facets' keys in the statement
ISSUER_LIMIT = 50


def _flag(name: str) -> str:
    return f"f_{name}"


def _all_but(name: str | None) -> str:
    flags = [_flag(other) for other in NAMES if other != name]
    return " AND ".join(flags)


def count_facets(matches, active: dict, lexeme: str | None = None, *, text: bool = True, matched_ids=None
                 ) -> tuple[int, dict[str, list[dict]]]:
    """(total, facets) for a queryset of text matches and the active filters {facet: value}.

    lexeme: the query's single plain lexeme ('' for no query) when precomputed counts may answer.
    text: whether matches hold a text condition; without one the filters' btree indexes are the
    way in (policy_facet_keys holds every facet key: an index-only scan).
    matched_ids: a callable giving the matches' ids without SQL, or None when it cannot
    (postings.Matches.ids: bitmaps, also of every published policy for browsing).
    """
    only = _unindexed if text else (lambda condition: condition)
    active = {name: value for name, value in active.items() if value is not None}
    known = stats.lookup(lexeme) if lexeme is not None else None
    if known is not None and not active:
        return known[0], _present(known[1], active)
    precounted = set(active) if known is not None and len(active) == 1 else set()
    if "issuer" in precounted and active["issuer"] not in known[1]["issuer"]:
        precounted = set()  # only the most frequent issuers are stored: count this one live
    if len(active) >= 2:  # a facet counts the rows passing every other filter: at least n - 1 of them
        matches = matches.filter(only(reduce(or_, [
            reduce(and_, [facet_q(other, active[other]) for other in active if other != name]) for name in active
        ])))
    elif precounted:  # the active facet's own counts are precomputed; the others need its rows only
        matches = matches.filter(only(facet_q(*next(iter(active.items())))))
    ids = matched_ids() if matched_ids else None
    if ids is not None or text:  # the matching ids (bitmaps, else PostgreSQL), counted against facet keys in memory
        total, raw = facet_arrays.count_matches(matches, active, NAMES, ids)
    else:  # the filters' rows from the facet-key index
        total, raw = _count(matches, active)
    for name in precounted:
        raw[name] = known[1][name]
    return total, _present(raw, active)


def _unindexed(condition) -> Func:
    """The condition as `(…) IS TRUE`, which no btree index answers.

    Otherwise the planner may fetch a filter's rows by its btree index and check the text
    match on each row, decompressing every vector, instead of taking the matches from the
    GIN index (which needs no vector) and checking the filter on the heap row.
    """
    return Func(ExpressionWrapper(condition, output_field=BooleanField()), template="(%(expressions)s) IS TRUE",
                output_field=BooleanField())


def _count(matches, active: dict) -> tuple[int, dict[str, dict]]:
    rows = matches.order_by().annotate(
        **{key: F(COLUMNS[name]) for name, key in KEY_COLUMNS.items()},
        **{
            _flag(name): ExpressionWrapper(facet_q(name, active[name]), output_field=BooleanField())
            if active.get(name) is not None else Value(True)
            for name in NAMES
        },
    ).values("id", *KEY_COLUMNS.values(), *map(_flag, NAMES))
    inner, params = rows.query.sql_with_params()
    width = len(KEY_COLUMNS)
    keys = ", ".join(KEY_COLUMNS.values())
    counts = ",\n".join(
        f"count(*) FILTER (WHERE {_all_but(name)}) AS n_{name}" for name in KEY_COLUMNS
    )
    sets = ", ".join(f"({column})" for column in KEY_COLUMNS.values())
    nulls = ", ".join(["NULL"] * (2 * width + 2))  # the first branch's columns before issuer_id
    through = Policy.issuers.through._meta.db_table
    sql = f"""
        WITH m AS MATERIALIZED ({inner})
        SELECT GROUPING({keys}) AS g, {keys}, {counts}, count(*) FILTER (WHERE {_all_but(None)}) AS total,
               NULL::bigint AS issuer_id, NULL::bigint AS n_issuer
          FROM m GROUP BY GROUPING SETS ({sets}, ())
        UNION ALL
        SELECT {nulls}, link.issuer_id, count(*)
          FROM m JOIN {through} AS link ON link.policy_id = m.id
         WHERE {_all_but("issuer")}
         GROUP BY link.issuer_id
    """
    # Raw SQL bypasses the router: ask it, so facet counts follow the page's reads (replica or primary).
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(sql, params)
        result = cursor.fetchall()

    total = 0
    raw: dict[str, dict] = {name: {} for name in NAMES}
    names = list(KEY_COLUMNS)
    for row in result:
        grouping, values, facet_counts = row[0], row[1 : 1 + width], row[1 + width : 1 + 2 * width]
        row_total, issuer_id, issuer_count = row[1 + 2 * width :]
        if issuer_id is not None:
            raw["issuer"][issuer_id] = issuer_count
            continue
        if grouping is None:
            continue
        if all(value is None for value in values) and grouping == (1 << width) - 1:
            total = row_total
            continue
        for index, name in enumerate(names):
            # GROUPING's bits are set for the columns not grouped; the grouped column has bit 0.
            if not grouping & (1 << (width - 1 - index)) and values[index] is not None and facet_counts[index]:
                raw[name][values[index]] = facet_counts[index]
    return total, raw


def _present(raw: dict[str, dict], active: dict) -> dict[str, list[dict]]:
    regional = [facet.name for facet in FACETS if facet.kind == "region"]
    names = {"region": dict(Region.objects.filter(code__in=[
        *[code for name in regional for code in raw[name]], *[active.get(k) for k in regional if active.get(k)]
    ]).values_list("code", "name"))}  # pairs, not model instances: the city facet names hundreds
    issuer_ids = sorted(raw["issuer"], key=lambda i: (-raw["issuer"][i], i))[:ISSUER_LIMIT]
    if active.get("issuer") is not None and active["issuer"] not in issuer_ids:
        issuer_ids.append(active["issuer"])
    names["issuer"] = dict(Issuer.objects.filter(pk__in=issuer_ids).values_list("pk", "name"))
    facets = {}
    for facet in FACETS:
        name = facet.name
        counts = raw[name]
        keys = issuer_ids if facet.kind == "issuer" else list(counts)
        selected = active.get(name)
        if selected is not None and selected not in keys:
            keys.append(selected)
        items = []
        for key in keys:
            label = facet.shown(key, names)
            if label is None:
                continue
            items.append({"code": key, "name": label, "count": counts.get(key, 0), "selected": key == selected})
        if facet.kind == "year":
            items.sort(key=lambda item: -item["code"])
        else:
            items.sort(key=lambda item: (-item["count"], str(item["code"])))
        facets[name] = items
    return facets


def cached_facets(matches, active: dict, include_unpublished: bool, query_key: str = "", lexeme: str | None = None,
                  text: bool = True, matched_ids=None):
    """Facet counts depend only on the query and the filters: browsing (no query) and popular queries
    are answered without counting again."""
    return cached("facets", (query_key, include_unpublished, [active.get(name) for name in NAMES]),
                  # Precomputed counts cover published policies only.
                  lambda: count_facets(matches, active, None if include_unpublished else lexeme, text=text,
                                       matched_ids=matched_ids))
