"""A query's candidate pools, and their ranking, from bitmaps and facet keys held in memory.

When index.Matches can answer a query, its newest relaxed matches anywhere, in titles and in
titles or headings (the pools service._ranked_page ranks) are read off the bitmaps, the active
filters and every policy's place in date order (facet_arrays) — no statement at all. When the
bitmaps also tell which candidates match exactly and in which tier (title 2, heading 1, body 0),
ranking reads each candidate's vector once, for cover density alone, where ranking in SQL reads it
for both tiers as well; when they tell only which match exactly (a phrase's tiers need positions),
SQL ranks those without testing the match again.
"""

from __future__ import annotations

import numpy as np
from django.db.models import FloatField
from django.db.models.functions import Cast

from documents.models import Policy
from documents.search import facet_arrays


class MemoryPools:
    def __init__(self, arrays: facet_arrays.FacetArrays, pools, exact, tiers, active: dict,
                 exclude: int | None = None):
        self.arrays = arrays
        kept = arrays.kept(active)
        if exclude is not None and exclude < arrays.size:
            kept[exclude] = False  # a policy's related policies leave it out
        self.pools = [kept & facet_arrays.fit(rows, arrays.size) for rows in pools]
        self.exact = None if exact is None else kept & facet_arrays.fit(exact, arrays.size)  # passing the filters
        self.tiers = None if tiers is None else [facet_arrays.fit(rows, arrays.size) for rows in tiers]

    @classmethod
    def of(cls, matches, active: dict, exclude: int | None = None) -> MemoryPools | None:
        pools, exact, tiers = matches.pools(), matches.exact(), matches.tiers()
        if pools is None:
            return None
        # Reloaded if any bitmap holds a policy newer than the arrays (a title match of a phrase's
        # pieces need not be among its pair's matches).
        present = [*pools, *(tiers or ()), *([] if exact is None else [exact])]
        highest = np.concatenate([np.flatnonzero(rows)[-1:] for rows in present])
        return cls(facet_arrays.arrays_for(highest), pools, exact, tiers, active, exclude)

    def pool(self, limit: int) -> set[int]:
        """The newest `limit` policies of each pool."""
        return {pk for rows in self.pools for pk in self.arrays.first(rows, limit)}

    def exact_ids(self, candidate_ids=None) -> list[int] | None:
        """The exact matches that pass the filters, among `candidate_ids` (or all of them); None when the
        index cannot tell (a phrase of four pieces or more). Ranking them in SQL needs no text match, which
        would decompress each candidate's phrase vector."""
        if self.exact is None:
            return None
        if candidate_ids is None:
            return np.flatnonzero(self.exact).tolist()
        return [pk for pk in candidate_ids if pk < self.arrays.size and self.exact[pk]]

    def rank(self, candidate_ids, cover_density, start: int, size: int) -> list[tuple[int, float]] | None:
        """(id, rank) for one page of the candidates, as service._rank_rows orders them; None without tiers."""
        if self.tiers is None:
            return None
        in_title, in_headings = self.tiers
        ids = self.exact_ids(candidate_ids)
        # As double precision: the float4 widened exactly, as when SQL adds it to the tier.
        densities = dict(Policy.objects.filter(pk__in=ids).annotate(density=Cast(cover_density, FloatField()))
                         .values_list("pk", "density"))
        place = self.arrays.place
        ranked = sorted(
            ((pk, (2.0 if in_title[pk] else 1.0 if in_headings[pk] else 0.0) + density)
             for pk, density in densities.items()),
            key=lambda row: (-row[1], place[row[0]]),
        )
        return ranked[start : start + size]
