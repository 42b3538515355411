from contextlib import contextmanager

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from documents.search import facet_arrays


@pytest.fixture(scope="session", autouse=True)
def fast_password_hashing():
    """Curators' passwords hashed with one MD5 round instead of PBKDF2's million (0.65 s a user): the
    tests create a user in about fifty tests and check who may do what, not how passwords are stored.
    Processes the tests start (manage.py, servers) keep the configured hashers."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with nothing cached: the search cache's generation lives in the test
    database, whose transaction is rolled back after every test, so it restarts at 0."""
    cache.clear()
    facet_arrays.forget()


SEEDS = "fixtures/seeds"
# For transactional tests (pytest.mark.django_db(transaction=True, available_apps=…)): setting it makes the
# flush that ends each one skip post_migrate, so it does not recreate content types under new keys that the
# serialized_rollback tests which follow would collide with when they reload theirs. The flush still empties
# what migrations loaded: such a module ends with restore_migrated_data().
AVAILABLE_APPS = ["documents", "django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions",
                  "django.contrib.admin", "django.contrib.messages", "django.contrib.staticfiles"]


def restore_migrated_data():
    """Put back the region gazetteer a data migration loads (idempotent: regions are keyed by code).

    Other migrated rows (curator groups) are left alone: serialized_rollback tests reload them with
    their original keys, which a fresh copy would collide with.
    """
    from documents.models import Region
    from documents.regions import load_regions

    load_regions(Region)


@contextmanager
def shared_rows(django_db_blocker):
    """For a module- or package-scoped fixture: what it writes inside is seen by the tests of its scope
    (each test's own writes are rolled back by its `db` savepoint) and rolled back after the last of them.
    Call done() once the rows are written: it checks their deferred foreign keys then, once, rather than
    again in every test's teardown."""
    with django_db_blocker.unblock():
        with transaction.atomic():
            yield connection.check_constraints
            transaction.set_rollback(True)


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """The five seed pages imported and published once for a module whose tests only read them or roll back."""
    with shared_rows(django_db_blocker) as done:
        call_command("import_policies", SEEDS, quiet=True)
        done()
        yield


@pytest.fixture
def seeded(db):
    """The five seed pages imported and published."""
    call_command("import_policies", SEEDS, quiet=True)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.org", "pw-for-tests-only")
    client.force_login(user)
    return client
