"""Reprocessing re-runs the pipeline on stored raw bytes: derived fields follow, hand edits stay."""

import pytest
from django.core.management import CommandError, call_command

from documents.curation.reprocess import ReprocessError, reprocess
from documents.importing import import_document
from documents.models import Policy
from tests.curation.conftest import seed

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy(db):
    return import_document(seed("001").read_bytes(), "001.txt", source_key="001.txt").policy


def stale(policy, **fields):
    """As if an older pipeline had produced these values."""
    Policy.objects.filter(pk=policy.pk).update(**fields)
    policy.refresh_from_db()


def test_reprocess_updates_derived_fields(policy):
    expected = (policy.title, policy.policy_type, policy.region_id)
    stale(policy, title="旧规则的标题", policy_type="其他", region=None, quality_warnings=[])
    policy.sections.all().delete()
    done = reprocess(policy)
    policy.refresh_from_db()
    assert (policy.title, policy.policy_type, policy.region_id) == expected
    assert policy.sections.count() == 6 and policy.quality_warnings
    assert {"title", "policy_type", "region_id", "quality_warnings", "sections"} <= set(done.changed)


def test_reprocess_keeps_fields_a_curator_edited(policy):
    stale(policy, title="人工校对的标题", doc_number="粤府〔2025〕1号", policy_type="其他",
          manual_fields=["title", "doc_number"])
    done = reprocess(policy)
    policy.refresh_from_db()
    assert policy.title == "人工校对的标题" and policy.doc_number == "粤府〔2025〕1号"
    assert policy.policy_type == "方案"  # not manual: the pipeline's value is back
    assert done.kept == ["doc_number", "title"]


def test_reprocess_keeps_hand_edited_sections_and_issuers(policy):
    section = policy.sections.first()
    section.heading = "人工改过的章节标题"
    section.save()
    policy.issuers.clear()
    stale(policy, manual_fields=["issuers", "sections"])
    reprocess(policy)
    assert policy.sections.filter(heading="人工改过的章节标题").exists() and not policy.issuers.exists()


def test_reprocess_of_an_unchanged_policy_changes_nothing(policy):
    versions = policy.history.count()
    assert reprocess(policy).changed == []
    assert policy.history.count() == versions  # no empty history rows


def test_reprocess_records_its_change_in_the_history(policy):
    stale(policy, title="旧规则的标题")
    reprocess(policy)
    assert policy.history.first().history_change_reason == "重新处理"


def test_a_policy_without_raw_bytes_cannot_be_reprocessed(make_policy):
    with pytest.raises(ReprocessError, match="没有导入记录"):
        reprocess(make_policy("无导入记录的政策", "正文" * 20))


def test_command_reprocesses_ids_and_reports(policy, capsys):
    stale(policy, title="旧规则的标题")
    call_command("reprocess", str(policy.pk))
    out = capsys.readouterr().out
    assert f"#{policy.pk}" in out and "changed title" in out and "1 changed" in out


def test_command_all_keeps_manual_fields(policy, capsys):
    stale(policy, title="人工校对的标题", manual_fields=["title"])
    call_command("reprocess", "--all")
    policy.refresh_from_db()
    assert policy.title == "人工校对的标题"
    assert "0 changed, 1 unchanged" in capsys.readouterr().out


def test_command_refuses_unknown_ids_and_no_arguments(db):
    with pytest.raises(CommandError, match="no such policy: 999"):
        call_command("reprocess", "999")
    with pytest.raises(CommandError, match="ids or --all"):
        call_command("reprocess")


def test_command_fails_for_policies_without_raw_bytes(make_policy):
    make_policy("无导入记录的政策", "正文" * 20)
    with pytest.raises(CommandError, match="1 policy"):
        call_command("reprocess", "--all")


def test_reimport_under_the_same_source_key_keeps_manual_fields(policy):
    stale(policy, title="人工校对的标题", manual_fields=["title"])
    changed = seed("001").read_bytes().replace("近日".encode(), "2025年1月6日".encode(), 1)
    outcome = import_document(changed, "001.txt", source_key="001.txt")
    policy.refresh_from_db()
    assert outcome.outcome == "updated" and policy.title == "人工校对的标题" and policy.date_year == 2025
