"""Citation resolution against the judged set (fixtures/links/citations.jsonl), on the corpus files."""

import pytest

from documents.evaluation import citations as evaluation


@pytest.fixture(scope="module")
def judged():
    entries = evaluation.load_judged()
    candidates = evaluation.corpus_candidates()
    by_id = {candidate.id: candidate for candidate in candidates}
    documents = evaluation.read_documents(entries, by_id)
    return entries, documents, candidates, by_id


def run(judged, half):
    entries, documents, candidates, _ = judged
    chosen = [entry for entry in entries if evaluation.half(entry) == half]
    return evaluation.evaluate(chosen, {key: documents[key] for key in {(e["file"], e.get("row")) for e in chosen}},
                               evaluation.build_index(candidates), candidates)


def test_the_judged_set_is_valid_and_covers_every_kind(judged):
    entries, documents, candidates, by_id = judged
    assert evaluation.validate(entries, documents, by_id) == []
    result = evaluation.evaluate(entries, documents, evaluation.build_index(candidates), candidates)
    kinds = {name: figures["references"] for name, figures in result["kinds"].items()}
    assert len(entries) >= 400 and result["counts"]["documents"] >= 60
    assert kinds["short"] >= 30 and kinds["alias"] >= 10 and kinds["version"] >= 10 and kinds["absent"] >= 100
    assert result["counts"]["unjudged_found"] == 0  # every reference of a judged document is judged


@pytest.mark.parametrize("half", ["tune", "test"])
def test_resolution_meets_the_issue_targets_on_each_half(judged, half):
    result = run(judged, half)
    assert result["overall"]["precision"] >= 0.99
    assert result["overall"]["recall"] >= 0.99
    assert result["kinds"]["absent"]["links"] == 0  # a document the corpus lacks is never linked


def test_a_wrong_link_counts_against_precision(judged):
    entries, documents, candidates, _ = judged
    entry = next(e for e in entries if e["target"] and evaluation.half(e) == "test")
    wrong = [{**entry, "target": next(c.id for c in candidates if c.id != entry["target"])}]
    result = evaluation.evaluate(wrong, {(entry["file"], None): documents[entry["file"], None]},
                                 evaluation.build_index(candidates), candidates)
    assert result["overall"]["precision"] == 0 and evaluation.errors(result)
