"""Facet counts of text matches from every policy's facet keys held in memory (numpy arrays).

With each policy's keys (facet_registry.COLUMNS) and issuer links in arrays indexed by policy id,
the statement only lists the matching ids and every facet is a bincount: counting in SQL passes
each match through a CTE, an aggregate per facet and a join with the issuer links
(docs/performance.md, design 19).

The arrays are loaded once per process and kept exact like the index (index.py): when the search's
freshness token moves on (cache.py: a committed change to policies, by any path while the index has
a base), they catch up on the policies the index's change log holds — their current keys read by
id, merged in — and are loaded whole only when the index's base was rebuilt, or without a base (a
small archive, where loading is cheap). Read from the database the page reads.
"""

from __future__ import annotations

import threading
from functools import cached_property
from dataclasses import dataclass

import numpy as np
from django.db import connections, router

from documents.models import Policy
from documents.search import index
from documents.search.cache import Freshness, freshness
from documents.search.facet_registry import COLUMNS

UNDATED = 1 << 21  # after every date's sort key (minus its ordinal day, above −2^20)


@dataclass(frozen=True)
class FacetArrays:
    """Per policy id: an index into each facet's values (-1: none), and the issuer links."""

    size: int  # the largest policy id + 1
    keys: dict[str, np.ndarray]  # each facet of the policy's own row (facet_registry.COLUMNS) → int32 index per id
    values: dict[str, list]  # the facet value of each index
    link_policy: np.ndarray
    link_issuer: np.ndarray
    newest: np.ndarray  # every policy id, newest first (date, undated last, then id descending)
    order: np.ndarray | None = None  # each id's sort key in `newest` (sort_key()), for merging changes in

    def selected(self, name: str, value) -> np.ndarray:
        """Which policies an active filter keeps (bool per id)."""
        if name == "issuer":
            keep = np.zeros(self.size, dtype=bool)
            keep[self.link_policy[self.link_issuer == value]] = True
            return keep
        try:
            position = self.values[name].index(value)
        except ValueError:
            return np.zeros(self.size, dtype=bool)
        return self.keys[name] == position

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


_loaded: dict[str, tuple[Freshness, FacetArrays]] = {}  # database alias → (freshness token, arrays)
_lock = threading.Lock()


def count_matches(matches, active: dict, facets: tuple[str, ...], ids: np.ndarray | None = None
                  ) -> tuple[int, dict[str, dict]]:
    """(total, {facet: {value: count}}) for a queryset of text matches (or their ids) and the active filters."""
    ids = matching_ids(matches) if ids is None else ids
    return count(arrays_for(ids), ids, active, facets)


def arrays_for(ids: np.ndarray) -> FacetArrays:
    """The arrays, caught up if an id is newer than them (a policy saved since, its generation not yet started)."""
    arrays = facet_arrays()
    return facet_arrays(reload=True) if ids.size and ids.max() >= arrays.size else arrays


def facet_arrays(*, reload: bool = False) -> FacetArrays:
    using = router.db_for_read(Policy)
    current = freshness()  # read before loading: the arrays are at least this new
    with _lock:
        held = _loaded.get(using)
    if held is not None and held[0] == current and not reload:
        return held[1]
    log = index.changed_since_base(using) if held is not None and current.built is not None else None
    if log is not None and held[0].built == log[0] == current.built:  # the same base: its log has every change
        found = catch_up(held[1], np.array(log[1], dtype=np.int64), using)
    else:
        found = load(using)
    if not _has_written(using):  # else the arrays hold this transaction's uncommitted rows
        with _lock:
            _loaded[using] = (current, found)
    return found


def _has_written(using: str) -> bool:
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT pg_current_xact_id_if_assigned() IS NOT NULL")
        return cursor.fetchone()[0]


def forget() -> None:
    """Drop the loaded arrays (tests: each starts from another database state in one generation)."""
    with _lock:
        _loaded.clear()


def sort_key(ids: np.ndarray, dates: list) -> np.ndarray:
    """Date order as one integer per policy: newest date first, undated last, then the higher id first."""
    days = np.array([-day.toordinal() if day else UNDATED for day in dates], dtype=np.int64)
    return (days << 32) - ids


def _rows(using: str, ids: list[int] | None = None):
    """(id, facet columns…, date) rows and (policy, issuer) links: of every policy, or of those ids."""
    table = Policy._meta.db_table
    links = Policy.issuers.through._meta.db_table
    chosen, params = ("", []) if ids is None else (" = ANY(%s)", [ids])
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT id, {', '.join(COLUMNS.values())}, date FROM {table}"
                       + (f" WHERE id{chosen}" if chosen else ""), params)
        rows = cursor.fetchall()
        cursor.execute(f"SELECT policy_id, issuer_id FROM {links}" + (f" WHERE policy_id{chosen}" if chosen else ""),
                       params)
        pairs = np.array(cursor.fetchall(), dtype=np.int64).reshape(-1, 2)
    return rows, pairs


def _codes(rows, column: int, values: list) -> list[int]:
    """Each row's value of one facet as an index into `values` (extended with values not yet in it)."""
    known = {value: position for position, value in enumerate(values)}
    codes = []
    for row in rows:
        value = row[column]
        if value is None:
            codes.append(-1)
            continue
        if value not in known:
            known[value] = len(values)
            values.append(value)
        codes.append(known[value])
    return codes


def load(using: str) -> FacetArrays:
    rows, pairs = _rows(using)
    size = max((row[0] for row in rows), default=0) + 1
    ids = np.array([row[0] for row in rows], dtype=np.int64)
    keys = {name: np.full(size, -1, dtype=np.int32) for name in COLUMNS}
    values: dict[str, list] = {name: [] for name in COLUMNS}
    for column, name in enumerate(COLUMNS, start=1):
        keys[name][ids] = _codes(rows, column, values[name])
    pairs = pairs[pairs[:, 0] < size]  # links of a policy inserted between the two statements
    order = np.zeros(size, dtype=np.int64)
    order[ids] = sort_key(ids, [row[-1] for row in rows])
    newest = ids[np.argsort(order[ids], kind="stable")]
    return FacetArrays(size=size, keys=keys, values=values, link_policy=pairs[:, 0], link_issuer=pairs[:, 1],
                       newest=newest, order=order)


def catch_up(arrays: FacetArrays, changed: np.ndarray, using: str) -> FacetArrays:
    """The arrays with the changed policies' current keys, links and places (deleted ones gone)."""
    if not changed.size:
        return arrays
    rows, pairs = _rows(using, changed.tolist())
    size = max(arrays.size, int(changed.max()) + 1)
    found = np.array([row[0] for row in rows], dtype=np.int64)
    keys, values = {}, {}
    for column, name in enumerate(COLUMNS, start=1):
        keys[name] = np.full(size, -1, dtype=np.int32)
        keys[name][: arrays.size] = arrays.keys[name]
        keys[name][changed] = -1
        values[name] = list(arrays.values[name])
        keys[name][found] = _codes(rows, column, values[name])
    is_changed = np.zeros(size, dtype=bool)
    is_changed[changed] = True
    kept_links = ~is_changed[arrays.link_policy]
    link_policy = np.concatenate([arrays.link_policy[kept_links], pairs[:, 0]])
    link_issuer = np.concatenate([arrays.link_issuer[kept_links], pairs[:, 1]])
    order = np.zeros(size, dtype=np.int64)
    order[: arrays.size] = arrays.order
    order[found] = sort_key(found, [row[-1] for row in rows])
    kept = arrays.newest[~is_changed[arrays.newest]]
    added = found[np.argsort(order[found], kind="stable")]
    newest = np.insert(kept, np.searchsorted(order[kept], order[added]), added)
    return FacetArrays(size=size, keys=keys, values=values, link_policy=link_policy, link_issuer=link_issuer,
                       newest=newest, order=order)


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
