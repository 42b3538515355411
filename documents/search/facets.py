"""Facet counts in one pass over the matches: one counter for browsing, text queries and filters.

Each facet counts the matches of the query and of every OTHER active filter (the province
facet ignores the province filter, so a researcher can switch provinces). The matches' ids — from
the index's bitmaps (index.py, also of every published policy for browsing) where it answers, else
listed by PostgreSQL — are counted by facet_arrays.py against every policy's facet keys in memory.

A facet counts the rows that pass every OTHER filter, so with n ≥ 2 active filters PostgreSQL lists
only the rows passing at least n − 1 of them (the planner ANDs the text match's GIN bitmap with the
filters' btree bitmaps).
"""

from functools import reduce
from operator import and_, or_

from django.db.models import BooleanField, ExpressionWrapper, Func

from documents.models import Issuer, Region
from documents.search import facet_arrays
from documents.search.facet_registry import FACETS, NAMES
from documents.search.filters import facet_q

ISSUER_LIMIT = 50


def count_facets(matches, active: dict, *, text: bool = True, matched_ids=None) -> tuple[int, dict[str, list[dict]]]:
    """(total, facets) for a queryset of text matches and the active filters {facet: value}.

    text: whether matches hold a text condition (its GIN index is then the way in, not the filters'
    btree indexes). matched_ids: a callable giving the matches' ids from the index, or None where it
    cannot (index.Matches.ids).
    """
    active = {name: value for name, value in active.items() if value is not None}
    ids = matched_ids() if matched_ids else None
    if ids is None and len(active) >= 2:  # a facet counts the rows passing every other filter: at least n - 1
        only = _unindexed if text else (lambda condition: condition)
        matches = matches.filter(only(reduce(or_, [
            reduce(and_, [facet_q(other, active[other]) for other in active if other != name]) for name in active
        ])))
    total, raw = facet_arrays.count_matches(matches, active, NAMES, ids)
    return total, _present(raw, active)


def _unindexed(condition) -> Func:
    """The condition as `(…) IS TRUE`, which no btree index answers.

    Otherwise the planner may fetch a filter's rows by its btree index and check the text
    match on each row, decompressing every vector, instead of taking the matches from the
    GIN index (which needs no vector) and checking the filter on the heap row.
    """
    return Func(ExpressionWrapper(condition, output_field=BooleanField()), template="(%(expressions)s) IS TRUE",
                output_field=BooleanField())


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
