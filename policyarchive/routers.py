"""Reads from a streaming replica when DATABASE_REPLICA_URL is set; everything else from the primary.

A read goes to the primary instead when it belongs to a write: inside a transaction on the
primary (an import, an admin save), or during a request pinned by pin_to_primary() (unsafe
methods and the admin, where a curator must see what they just saved, not the replica's lag).
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import connections

_pinned = ContextVar("pinned_to_primary", default=False)
# Sessions, accounts and login throttling are read right after they are written: never from a lagging copy.
PRIMARY_ONLY_APPS = {"sessions", "auth", "axes"}


@contextmanager
def pin_to_primary():
    token = _pinned.set(True)
    try:
        yield
    finally:
        _pinned.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if "replica" not in connections.settings or _pinned.get() or model._meta.app_label in PRIMARY_ONLY_APPS:
            return "default"
        if connections["default"].in_atomic_block:
            return "default"
        return "replica"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True  # both aliases hold the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == "default"  # the replica replays the primary's WAL, migrations included


class PinToPrimaryMiddleware:
    """Pin unsafe requests and the admin to the primary (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD", "OPTIONS") and not request.path.startswith("/admin/"):
            return self.get_response(request)
        with pin_to_primary():
            return self.get_response(request)
