"""The search cache: facet counts and ranked pages, left behind by any committed change to policies.

Entries live in Django's cache under a freshness token read from the database, which every process
reads: a policy saved by one web worker or imported by a command leaves every worker's entries behind
at once (Django's default cache is per process; the token is what keeps it correct). The token is the
generation number the model's signals move on after each commit (migration 0013) and, while the search
index has a base, the state of its change log (migration 0023: the count and sum of the log's row
numbers, which every logged write changes) — so writes no signal sees (QuerySet.update, raw SQL) leave
the entries behind too. The facet arrays follow the same token (facet_arrays.py).
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar
from typing import NamedTuple

from django.core.cache import cache
from django.db import connections, router

from documents.models import Policy

CACHE_SECONDS = 300


class Freshness(NamedTuple):
    generation: int
    built: object  # when the index's base was built (None: no base)
    changes: int  # rows in its change log
    numbers: int  # the sum of their numbers


_pinned: ContextVar[Freshness | None] = ContextVar("search_freshness", default=None)


def cached(kind: str, parts, compute):
    """compute(), cached under `parts` (anything with a stable repr) until any policy changes."""
    digest = hashlib.sha256(repr((freshness(), parts)).encode()).hexdigest()[:32]
    key = f"search:{kind}:{digest}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found


@contextmanager
def one_generation():
    """Within: the freshness token read once, so that a request's cached counts, cached page and facet arrays
    all belong to the same state."""
    token = _pinned.set(_read())
    try:
        yield
    finally:
        _pinned.reset(token)


def freshness() -> Freshness:
    pinned = _pinned.get()
    return _read() if pinned is None else pinned


def generation() -> int:
    return freshness().generation


def _read() -> Freshness:
    """Read where the page reads (the replica for public pages): the token and the data then come from the
    same copy, however far it lags. One statement."""
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(
            "SELECT g.generation, s.built, c.changes, c.numbers FROM search_generation g "
            "LEFT JOIN search_stats_state s ON s.id = 1 "
            "CROSS JOIN (SELECT count(*), coalesce(sum(seq), 0) FROM search_changes) AS c (changes, numbers) "
            "WHERE g.id = 1"
        )
        return Freshness(*cursor.fetchone())


def invalidate(**kwargs) -> None:
    """Start a new generation: every process's cached results are left behind.

    Called after commit (signals.py): inside a transaction the row lock would serialise writers.
    """
    with connections[router.db_for_write(Policy)].cursor() as cursor:
        cursor.execute("UPDATE search_generation SET generation = generation + 1 WHERE id = 1")
