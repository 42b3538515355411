"""The search index under concurrent writers, outside any test transaction (each thread has its own
connection): the first base while a writer is still open, writes that no signal sees, and two rebuilds at once."""

import threading

import numpy as np
import pytest
from django.db import connection, transaction

from documents.models import Policy
from documents.search import facet_arrays, index
from documents.search.query import parse
from documents.search.service import SearchParams, search_policies

from tests.conftest import AVAILABLE_APPS, restore_migrated_data

from .conftest import create_policy

pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE_APPS)


@pytest.fixture(scope="module", autouse=True)
def migrated_data_after_flush(django_db_setup, django_db_blocker):
    yield
    with django_db_blocker.unblock():
        restore_migrated_data()


def policies():
    return [create_policy(f"数字经济方案{n}", "推进数字经济发展。", year=2020 + n, policy_type="方案")
            for n in range(3)]


def index_ids(q="数字经济"):
    ids = index.Matches(parse(q), include_unpublished=False).ids()
    return None if ids is None else sorted(ids.tolist())


def in_thread(function):
    """Run function in a thread with its own connection; returns (thread, errors)."""
    errors = []

    def run():
        try:
            function()
        except Exception as error:  # the assertion in the main thread reports it
            errors.append(error)
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, errors


def test_a_writer_open_while_the_first_base_is_built_is_not_lost():
    first, *rest = policies()
    written, release = threading.Event(), threading.Event()

    def writer():
        with transaction.atomic():
            Policy.objects.filter(pk=first.pk).update(status=Policy.Status.WITHDRAWN)  # no base yet: not logged
            written.set()
            release.wait(10)

    writing, errors = in_thread(writer)
    written.wait(10)
    building, build_errors = in_thread(lambda: index.rebuild(min_docs=1, min_share=0.0))
    building.join(1)
    assert building.is_alive()  # the rebuild waits for the writer that logged nothing
    release.set()
    writing.join(10)
    building.join(30)
    assert not errors and not build_errors
    assert index_ids() == sorted(policy.pk for policy in rest)


def test_writes_no_signal_sees_are_counted_at_once():
    made = policies()
    index.rebuild(min_docs=1, min_share=0.0)
    page = search_policies(SearchParams(q="数字经济"))
    assert {item["code"]: item["count"] for item in page.facets["type"]} == {"方案": 3}
    caught_up = []
    original = facet_arrays.catch_up

    def spy(*args):
        caught_up.append(True)
        return original(*args)

    facet_arrays.catch_up = spy
    try:
        Policy.objects.filter(pk__in=[made[0].pk, made[1].pk]).update(policy_type="通知")  # no signal, no generation
        page = search_policies(SearchParams(q="数字经济"))
    finally:
        facet_arrays.catch_up = original
    assert caught_up  # the held arrays caught up on the log, not reloaded whole
    assert {item["code"]: item["count"] for item in page.facets["type"]} == {"通知": 2, "方案": 1}
    assert search_policies(SearchParams(q="数字经济", type="通知")).count == 2
    assert index_ids() == sorted(policy.pk for policy in made)


def test_two_rebuilds_at_once_both_finish():
    policies()
    results, errors = [], []
    threads = [in_thread(lambda: results.append(index.rebuild(min_docs=1, min_share=0.0))) for _ in range(2)]
    for thread, found in threads:
        thread.join(60)
        errors += found
    assert not errors and len(results) == 2
    assert index.state()["changes"] == 0 and len(index_ids()) == 3
    assert np.array_equal(np.array(index_ids()), np.array(sorted(Policy.objects.values_list("pk", flat=True))))
