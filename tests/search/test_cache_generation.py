"""A committed change starts a new cache generation; an import, one per document however many rows it writes."""

import pytest
from django.db import transaction

from documents.importing import import_document
from documents.ingest.result import IngestError
from documents.models import Policy
from documents.search.cache import generation
from tests.curation.conftest import SEEDS

pytestmark = pytest.mark.django_db


def test_importing_a_document_starts_one_generation_after_its_commit(django_capture_on_commit_callbacks):
    seed = sorted(SEEDS.glob("*.txt"))[0]
    before = generation()
    with django_capture_on_commit_callbacks(execute=True):
        policy = import_document(seed.read_bytes(), seed.name).policy  # the policy, its issuers, its sections
    assert generation() == before + 1
    with django_capture_on_commit_callbacks(execute=True):
        Policy.objects.get(pk=policy.pk).save()  # any other save starts one too
    assert generation() == before + 2


def test_an_import_rolled_back_starts_none(django_capture_on_commit_callbacks):
    seed = sorted(SEEDS.glob("*.txt"))[1]
    before = generation()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            import_document(seed.read_bytes(), seed.name)
            transaction.set_rollback(True)
        with pytest.raises(IngestError):
            import_document(b"", "empty.txt")
    assert callbacks == [] and generation() == before
