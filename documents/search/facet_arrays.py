"""Facet counts of text matches from every policy's facet keys held in memory (numpy arrays).

With each policy's keys (facet_registry.COLUMNS) and issuer links in arrays indexed by policy id,
the statement only lists the matching ids and every facet is a bincount: counting in SQL passes
each match through a CTE, an aggregate per facet and a join with the issuer links
(docs/performance.md, design 19).

The arrays are loaded once per process for each generation of the search cache (cache.py),
and at least every CACHE_SECONDS like the cached counts: any committed change to policies makes
the next count reload them, from the database the page reads.
"""

from __future__ import annotations

import threading
from functools import cached_property
import time
from dataclasses import dataclass

import numpy as np
from django.db import connections, router

from documents.models import Policy
from documents.search.cache import CACHE_SECONDS, generation
from documents.search.facet_registry import COLUMNS


@dataclass(frozen=True)
class FacetArrays:
    """Per policy id: an index into each facet's values (-1: none), and the issuer links."""

    size: int  # the largest policy id + 1
    keys: dict[str, np.ndarray]  # each facet of the policy's own row (facet_registry.COLUMNS) → int32 index per id
    values: dict[str, list]  # the facet value of each index
    link_policy: np.ndarray
    link_issuer: np.ndarray
    newest: np.ndarray  # every policy id, newest first (date, undated last, then id descending)
    loaded: float  # time.monotonic() at loading

    def selected(self, name: str, value) -> np.ndarray:
        """Which policies an active filter keeps (bool per id)."""
        if name == "issuer":
            keep = np.zeros(self.size, dtype=bool)
            keep[self.link_policy[self.link_issuer == value]] = True
            return keep
        try:
            index = self.values[name].index(value)
        except ValueError:
            return np.zeros(self.size, dtype=bool)
        return self.keys[name] == index

    def kept(self, active: dict) -> np.ndarray:
        """Which policies pass every active filter."""
        keep = np.ones(self.size, dtype=bool)
        for name, value in active.items():
            keep &= self.selected(name, value)
        return keep

    @cached_property
    def place(self) -> np.ndarray:
        """Each id's place in date order (newest 0)."""
        place = np.zeros(self.size, dtype=np.int64)
        place[self.newest] = np.arange(self.newest.size)
        return place

    def first(self, rows: np.ndarray, limit: int) -> list[int]:
        """The newest `limit` ids among rows (bool per id), in order."""
        return self.newest[rows[self.newest]][:limit].tolist()


_loaded: dict[str, tuple[int, FacetArrays]] = {}  # database alias → (generation, arrays)
_lock = threading.Lock()


def count_matches(matches, active: dict, facets: tuple[str, ...], ids: np.ndarray | None = None
                  ) -> tuple[int, dict[str, dict]]:
    """(total, {facet: {value: count}}) for a queryset of text matches (or their ids) and the active filters."""
    ids = matching_ids(matches) if ids is None else ids
    return count(arrays_for(ids), ids, active, facets)


def arrays_for(ids: np.ndarray) -> FacetArrays:
    """The arrays, reloaded if an id is newer than them (a policy saved since, its generation not yet started)."""
    arrays = facet_arrays()
    return facet_arrays(reload=True) if ids.size and ids.max() >= arrays.size else arrays


def facet_arrays(*, reload: bool = False) -> FacetArrays:
    using = router.db_for_read(Policy)
    current = generation()  # read before loading: the arrays are at least this new
    with _lock:
        held, found = _loaded.get(using, (None, None))
    if reload or held != current or time.monotonic() - found.loaded > CACHE_SECONDS:
        found = load(using)
        if not _has_written(using):  # else the arrays hold this transaction's uncommitted rows
            with _lock:
                _loaded[using] = (current, found)  # an older generation is never asked for again
    return found


def _has_written(using: str) -> bool:
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")
        return cursor.fetchone()[0]


def forget() -> None:
    """Drop the loaded arrays (tests: each starts from another database state in one generation)."""
    with _lock:
        _loaded.clear()


def load(using: str) -> FacetArrays:
    table = Policy._meta.db_table
    links = Policy.issuers.through._meta.db_table
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(COLUMNS.values())}, date FROM {table}")
        rows = cursor.fetchall()
        cursor.execute(f"SELECT policy_id, issuer_id FROM {links}")
        pairs = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
    size = max((row[0] for row in rows), default=0) + 1
    keys = {name: np.full(size, -1, dtype=np.int32) for name in COLUMNS}
    values: dict[str, list] = {name: [] for name in COLUMNS}
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    for column, name in enumerate(COLUMNS, start=1):
        index: dict = {}
        codes = [index.setdefault(row[column], len(index)) if row[column] is not None else -1 for row in rows]
        keys[name][ids] = codes
        values[name] = list(index)
    pairs = pairs[pairs[:, 0] < size]  # links of a policy inserted between the two statements
    undated = np.iinfo(np.int64).max
    days = np.array([-row[-1].toordinal() if row[-1] else undated for row in rows], dtype=np.int64)
    newest = ids[np.lexsort((-ids, days))]
    return FacetArrays(size=size, keys=keys, values=values, link_policy=pairs[:, 0], link_issuer=pairs[:, 1],
                       newest=newest, loaded=time.monotonic())


def fit(rows: np.ndarray, size: int) -> np.ndarray:
    """A bool array by id cut or padded to `size`."""
    if rows.size >= size:
        return rows[:size]
    return np.concatenate([rows, np.zeros(size - rows.size, dtype=bool)])


def matching_ids(matches) -> np.ndarray:
    """The ids of a queryset's rows, listed by PostgreSQL as one string (no row per id in Python)."""
    sql, params = matches.order_by().values("id").query.sql_with_params()
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(f"SELECT string_agg(id::text, ',') FROM ({sql}) AS m", params)
        listed = cursor.fetchone()[0]
    return np.array(listed.split(","), dtype=np.int64) if listed else np.zeros(0, dtype=np.int64)


@dataclass(frozen=True)
class MatchedKeys:
    """The matches that pass the active filters, with their facet values (for grids of two facets)."""

    ids: np.ndarray
    keys: dict[str, np.ndarray]  # facet → index into values[facet] per match (-1: none)
    values: dict[str, list]


def matched_keys(ids: np.ndarray, active: dict, names: tuple[str, ...]) -> MatchedKeys:
    """The matching ids that pass every active filter (exactly those count() totals), with their keys."""
    arrays = arrays_for(ids)
    ids = ids[ids < arrays.size]
    ids = ids[arrays.kept(active)[ids]]
    return MatchedKeys(ids, {name: arrays.keys[name][ids] for name in names},
                       {name: arrays.values[name] for name in names})


def count(arrays: FacetArrays, ids: np.ndarray, active: dict, facets: tuple[str, ...]) -> tuple[int, dict[str, dict]]:
    """(total, {facet: {value: count}}) for the matching ids: each facet counts the matches that
    pass every OTHER active filter."""
    matched = np.zeros(arrays.size, dtype=bool)
    matched[ids[ids < arrays.size]] = True  # a policy newer than the arrays is not counted
    kept = {name: arrays.selected(name, value) for name, value in active.items()}

    def passing(*, but: str | None = None) -> np.ndarray:
        rows = matched
        for name, keep in kept.items():
            if name != but:
                rows = rows & keep
        return rows

    raw: dict[str, dict] = {}
    for name in facets:
        rows = passing(but=name)
        if name == "issuer":
            tally = np.bincount(arrays.link_issuer[rows[arrays.link_policy]])
            raw[name] = {int(key): int(n) for key, n in enumerate(tally) if n}
            continue
        indexes = arrays.keys[name][rows]
        tally = np.bincount(indexes[indexes >= 0], minlength=len(arrays.values[name]))
        raw[name] = {arrays.values[name][key]: int(n) for key, n in enumerate(tally) if n}
    return int(passing().sum()), raw
