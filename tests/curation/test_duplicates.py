"""Duplicates at import: exact ones never become a second policy; near ones (another site's copy) are flagged."""

import pytest
from django.urls import reverse

from documents.curation.duplicates import find_duplicates, signature
from documents.curation.review import DuplicateContent, accept, load
from documents.importing import import_document
from documents.ingest.pipeline import ingest_bytes
from documents.models import ImportRecord, Policy, PolicySource
from tests.curation.conftest import SEEDS, rescraped, review_data, review_url, seed, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def archived(db):
    """The five seeds, imported and published as by import_policies."""
    return {path.name[:3]: import_document(path.read_bytes(), path.name, source_key=path.name).policy
            for path in sorted(SEEDS.glob("*.txt"))}


def test_a_page_rescraped_with_other_boilerplate_is_a_near_duplicate(archived):
    result = ingest_bytes(rescraped("001"), "other-site.txt")
    assert result.simplified_text != archived["001"].simplified_text  # not an exact duplicate
    [duplicate] = find_duplicates(result.simplified_text, "no-such-hash")
    assert duplicate.policy == archived["001"] and not duplicate.exact and duplicate.similarity > 0.8


def test_different_seeds_are_not_near_duplicates_of_each_other(archived):
    for prefix, policy in archived.items():
        found = find_duplicates(policy.simplified_text, policy.content_hash, exclude=policy.pk)
        assert found == [], prefix


def test_the_review_flags_a_near_duplicate_with_a_link_to_the_existing_policy(editor_client, archived):
    upload(editor_client, ("other-site.txt", rescraped("000")))
    page = editor_client.get(review_url(ImportRecord.objects.get(outcome="pending"))).content.decode()
    assert "疑似重复" in page
    assert reverse("admin:documents_policy_change", args=[archived["000"].pk]) in page
    assert f'name="policy" value="{archived["000"].pk}"' in page  # attach as its source
    assert 'value="draft"' in page  # or keep both


def test_attaching_a_near_duplicate_adds_a_source_and_no_policy(editor_client, archived):
    upload(editor_client, ("other-site.txt", rescraped("001")))
    record = ImportRecord.objects.get(outcome="pending")
    response = editor_client.post(review_url(record), {"action": "attach", "policy": archived["001"].pk})
    assert response.status_code == 302
    assert Policy.objects.count() == 5
    source = PolicySource.objects.get()
    assert source.policy == archived["001"] and source.import_record == record
    record.refresh_from_db()
    assert record.outcome == "attached" and record.policy == archived["001"]
    assert bytes(record.raw_bytes) == rescraped("001")  # nothing lost


def test_keeping_both_creates_a_second_policy(publisher_client, archived):
    upload(publisher_client, ("other-site.txt", rescraped("001")))
    record = ImportRecord.objects.get(outcome="pending")
    review = publisher_client.get(review_url(record))
    publisher_client.post(review_url(record), review_data(review, action="draft"))
    assert Policy.objects.count() == 6 and PolicySource.objects.count() == 0


def test_an_exact_duplicate_can_be_attached_but_never_saved_as_a_policy(publisher_client, archived):
    upload(publisher_client, ("again.txt", seed("004").read_bytes()))
    record = ImportRecord.objects.get(outcome="pending")
    review = publisher_client.get(review_url(record))
    page = review.content.decode()
    assert "完全重复" in page and reverse("admin:documents_policy_change", args=[archived["004"].pk]) in page
    response = publisher_client.post(review_url(record), review_data(review, action="publish"), follow=True)
    assert any("完全相同" in str(m) for m in response.context["messages"])
    assert Policy.objects.count() == 5
    publisher_client.post(review_url(record), {"action": "attach", "policy": archived["004"].pk})
    assert PolicySource.objects.get().policy == archived["004"] and Policy.objects.count() == 5


def test_accepting_an_exact_duplicate_raises(archived):
    record = ImportRecord.objects.create(file_name="x.txt", raw_bytes=seed("002").read_bytes(), raw_sha256="x",
                                         outcome="pending")
    review = load(record)
    assert review.exact_duplicate == archived["002"]
    with pytest.raises(DuplicateContent):
        accept(review, {}, status="draft", manual=[])


def test_the_command_import_never_creates_an_exact_duplicate(archived):
    outcome = import_document(seed("003").read_bytes() + b"\n\n", "copy.txt", source_key="copy.txt")
    assert outcome.outcome == "duplicate" and outcome.policy == archived["003"] and Policy.objects.count() == 5
    assert outcome.duplicate_of == seed("003").name  # the summary names the file whose content it repeats


def test_policies_stored_without_a_signature_get_one_at_the_next_lookup(archived):
    Policy.objects.update(minhash=None)
    result = ingest_bytes(rescraped("004"), "other.txt")
    assert [d.policy for d in find_duplicates(result.simplified_text, "-")] == [archived["004"]]
    assert not Policy.objects.filter(minhash__isnull=True).exists()


def test_signature_ignores_white_space_and_punctuation():
    a = signature("数字经济高质量发展，推动数据要素市场化配置改革。")
    b = signature("数字经济 高质量发展\n推动数据要素市场化配置改革")
    assert a.jaccard(b) == 1.0


def test_signature_is_datasketchs_own_sha1_minhash_of_the_shingles():
    """Stored signatures were made by datasketch's default hash; the one-pass hashing must give the same values."""
    from datasketch import MinHash

    from documents.curation.duplicates import NUM_PERM, SCHEME, shingles, to_bytes

    for path in sorted(SEEDS.glob("*.txt")):
        text = ingest_bytes(path.read_bytes(), path.name).simplified_text
        reference = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
        reference.update_batch(list(shingles(text)))
        assert to_bytes(signature(text)) == to_bytes(reference), path.name
