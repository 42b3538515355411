"""The search cache: facet counts and ranked pages, left behind by any committed change to policies.

Entries live in Django's cache under a generation number kept in the database (migration
0013), which every process reads: a policy saved by one web worker or imported by a command
leaves every worker's entries behind at once. Django's default cache is per process; the
generation is what keeps it correct.
"""

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache
from django.db import connections, router

from documents.models import Policy

CACHE_SECONDS = 300
_pinned: ContextVar[int | None] = ContextVar("search_generation", default=None)


def cached(kind: str, parts, compute):
    """compute(), cached under `parts` (anything with a stable repr) until any policy changes."""
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()[:32]
    key = f"search:{kind}:{generation()}:{digest}"
    found = cache.get(key)
    if found is None:
        found = compute()
        cache.set(key, found, CACHE_SECONDS)
    return found


@contextmanager
def one_generation():
    """Within: the generation read once, so that a request's cached counts, cached page and facet arrays
    all belong to the same one (the request's freshness token)."""
    token = _pinned.set(_read())
    try:
        yield
    finally:
        _pinned.reset(token)


def generation() -> int:
    pinned = _pinned.get()
    return _read() if pinned is None else pinned


def _read() -> int:
    """Read where the page reads (the replica for public pages): the generation and the data then
    come from the same copy, however far it lags."""
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute("SELECT generation FROM search_generation WHERE id = 1")
        return cursor.fetchone()[0]


def invalidate(**kwargs) -> None:
    """Start a new generation: every process's cached results are left behind.

    Called after commit (signals.py): inside a transaction the row lock would serialise writers.
    """
    with connections[router.db_for_write(Policy)].cursor() as cursor:
        cursor.execute("UPDATE search_generation SET generation = generation + 1 WHERE id = 1")
