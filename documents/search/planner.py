"""Planner settings for the search statements, on the database the page reads from."""

from contextlib import contextmanager

from django.db import connections, router, transaction

from documents.models import Policy


@contextmanager
def index_scans():
    """Keep the planner off sequential scans for text matches.

    It prices `search_vector @@ query` like any operator, but on a sequential scan it means
    decompressing every policy's vector, while the GIN index answers plain lexeme queries
    without reading a single vector: when most policies match it picks the sequential scan.

    JIT is off too: the setting prices any remaining sequential scan (a small table's) at
    10^10, above jit_above_cost, and compiling a plan costs more than running it
    (docs/performance.md, designs 4 and 10).
    """
    using = router.db_for_read(Policy)  # the database the page's reads go to (the replica, if any)
    with transaction.atomic(using=using):
        with connections[using].cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL jit = off")
        yield


@contextmanager
def planner_setting(name: str, value: str):
    """One planner setting for the statements inside (within index_scans()'s transaction)."""
    using = router.db_for_read(Policy)
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT current_setting(%s)", [name])
        (previous,) = cursor.fetchone()
        cursor.execute("SELECT set_config(%s, %s, true)", [name, value])
    try:
        yield
    finally:
        with connections[using].cursor() as cursor:
            cursor.execute("SELECT set_config(%s, %s, true)", [name, previous])
