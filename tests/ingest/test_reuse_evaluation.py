"""Text reuse and versions against the judged pairs (fixtures/links/reuse.jsonl, versions.jsonl), on the
corpus files."""

import pytest

from documents.evaluation import reuse as evaluation
from documents.evaluation import versions


@pytest.fixture(scope="module")
def judged():
    entries = evaluation.load_judged()
    return entries, evaluation.read_texts(entries)


def test_the_judged_pairs_are_valid_and_hold_both_kinds(judged):
    entries, texts = judged
    assert evaluation.validate(entries, texts) == []
    assert sum(e["reuse"] for e in entries) >= 40 and sum(not e["reuse"] for e in entries) >= 20
    assert any("versions of one work" in e["note"] for e in entries)


@pytest.mark.parametrize("half", ["tune", "test"])
def test_reuse_meets_the_issue_targets_on_each_half(judged, half):
    entries, texts = judged
    result = evaluation.evaluate([e for e in entries if evaluation.half(e) == half], texts)
    assert result["precision"] >= 0.9 and result["recall"] >= 0.9
    assert result["sentence_recall"] >= 0.95  # the hand-checked sentences lie inside the passages found


def test_versions_of_one_work_are_never_shown(judged):
    entries, texts = judged
    versions = [e for e in entries if "versions of one work" in e["note"]]
    assert not any(row["shown"] for row in evaluation.evaluate(versions, texts)["rows"])


@pytest.mark.parametrize("half", ["tune", "test"])
def test_versions_by_title_and_by_amendment_are_linked_and_alike_works_are_not(half):
    entries = [e for e in versions.load_judged() if versions.half(e) == half]
    assert versions.validate(entries) == []
    result = versions.evaluate(entries)
    assert result["precision"] == 1.0 and result["recall"] == 1.0


def test_the_judged_version_pairs_hold_renamed_works_and_alike_different_ones():
    entries = versions.load_judged()
    result = versions.evaluate(entries)
    assert result["renamed"] >= 4 and result["renamed_recall"] == 1.0
    assert sum(not e["same_work"] for e in entries) >= 10
