"""Keeping search current when policies change outside the import service (admin edits, scripts).

A saved policy or task section gets its vector rebuilt once per transaction, after commit
(an admin form saves a policy and then each inline section: one rebuild, not one per row).
Facet counts and ranked pages are cached (see cache.py); any committed change to policies
starts a new generation of that cache.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from documents.indexing import update_search_vector
from documents.models import Policy, TaskSection
from documents.search.cache import invalidate
from policyarchive.flags import raised

INDEXED_FIELDS = {"title", "clean_text", "simplified_text"}
_supplied = ContextVar("search_vector_supplied", default=False)


@contextmanager
def vector_supplied():
    """Saves inside this block store their search vector themselves (the import service): no rebuild. The block
    starts one new cache generation after commit, where each saved row would start one of its own (an UPDATE of
    the same row each, on which parallel imports queue)."""
    with raised(_supplied):
        yield
    transaction.on_commit(invalidate)


class Rebuild:
    """An on-commit callback that rebuilds one policy's vector."""

    def __init__(self, policy_id: int):
        self.policy_id = policy_id

    def __call__(self):
        policy = Policy.objects.filter(pk=self.policy_id).first()
        if policy is not None:
            update_search_vector(policy)
            invalidate()  # after the vector: a page cached in between would hold the old one


def schedule_reindex(policy_id: int) -> None:
    connection = transaction.get_connection()
    waiting = (callback for _, callback, *_ in connection.run_on_commit) if connection.in_atomic_block else ()
    if not any(getattr(callback, "policy_id", None) == policy_id for callback in waiting):
        transaction.on_commit(Rebuild(policy_id))


@receiver(post_save, sender=Policy)
def policy_saved(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or _supplied.get():
        return
    if update_fields is None or INDEXED_FIELDS & set(update_fields):
        schedule_reindex(instance.pk)  # its rebuild starts the new generation, once the vector is written
    else:
        transaction.on_commit(invalidate)


@receiver(post_save, sender=TaskSection)
@receiver(post_delete, sender=TaskSection)
def section_changed(sender, instance, raw=False, **kwargs):
    if not raw and not _supplied.get() and Policy.objects.filter(pk=instance.policy_id).exists():
        schedule_reindex(instance.policy_id)


@receiver(post_delete, sender=Policy)
@receiver(m2m_changed, sender=Policy.issuers.through)
def policy_changed(sender, **kwargs):
    if not _supplied.get():
        transaction.on_commit(invalidate)
