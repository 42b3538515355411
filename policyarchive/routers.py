"""Reads from a streaming replica when DATABASE_REPLICA_URL is set; everything else from the primary.

The replica is opt-in per unit of work: only public GET/HEAD requests (ReplicaReadsMiddleware)
read from it. Writes, management commands (imports read their own writes), the admin (a
curator must see what they just saved, not the replica's lag) and reads inside a transaction
on the primary stay on the primary.
"""

from contextvars import ContextVar

from django.db import connections

from policyarchive.flags import raised

_replica_reads = ContextVar("replica_reads", default=False)
# Sessions, accounts and login throttling are read right after they are written: never from a lagging copy.
PRIMARY_ONLY_APPS = {"sessions", "auth", "axes"}


def replica_reads():
    """Let reads in this block go to the replica (a no-op without DATABASE_REPLICA_URL)."""
    return raised(_replica_reads)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (
            _replica_reads.get()
            and "replica" in connections.settings
            and model._meta.app_label not in PRIMARY_ONLY_APPS
            and not connections["default"].in_atomic_block
        ):
            return "replica"
        return "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # both aliases hold the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica replays the primary's WAL, migrations included


class ReplicaReadsMiddleware:
    """Public GET and HEAD requests read from the replica; everything else from the primary."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith("/admin/"):
            return self.get_response(request)
        with replica_reads():
            return self.get_response(request)
