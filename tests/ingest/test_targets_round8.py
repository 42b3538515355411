"""The eighth round of target-reading rules, each on the real sentence it was written from: the misses of
fixtures/targets/judged-9.jsonl (held out until this round as heldout-7.jsonl: 广西 2026, 厦门 2024) and the other
judged sets' misses. No rule and no sentence here comes from heldout-8.jsonl (内蒙古 2026, 盐城 2024, 泰州 2024).
The figures every judged set scores are pinned at the end."""

import pytest

from documents.evaluation import targets as evaluation
from documents.ingest.targets import find_targets
from tests.ingest.test_targets import SHARED


# --- the figures of every judged set (docs/targets.md, 'Eighth round') --------------------------------

FIGURES = {  # complete targets: (precision, recall) after the eighth round
    evaluation.JUDGED: (1.0, 0.98),
    evaluation.JUDGED_2: (1.0, 0.972),
    evaluation.JUDGED_3: (1.0, 1.0),
    evaluation.JUDGED_4: (1.0, 0.971),
    evaluation.JUDGED_5: (1.0, 0.982),
    evaluation.JUDGED_6: (1.0, 1.0),
    evaluation.JUDGED_7: (1.0, 1.0),
    evaluation.JUDGED_8: (1.0, 0.983),
    evaluation.JUDGED_9: (0.947, 0.811),
}


def scored(path):
    entries = evaluation.load_judged(path)
    return evaluation.evaluate(entries, evaluation.read_documents(entries, SHARED), find_targets,
                               evaluation.load_vocabulary())


@pytest.mark.parametrize("path", list(FIGURES), ids=lambda p: p.stem)
def test_each_tuned_set_scores_its_documented_figures(path):
    result = scored(path)
    assert (round(result["complete"]["precision"], 3), round(result["complete"]["recall"], 3)) == FIGURES[path]


HELDOUT_AFTER = (0.894, 0.802)  # complete targets, scored once before the round changed any rule


def test_the_heldout_set_scores_its_documented_figure():
    """heldout-8.jsonl (内蒙古 2026, 盐城 2024, 泰州 2024) was scored before this round (0.894 / 0.802) and once after
    it; no rule was written from it. A change to the reader that moves this figure is to be documented, not tuned
    away."""
    result = scored(evaluation.HELDOUT)
    assert evaluation.HELDOUT.name == "heldout-8.jsonl"
    assert result["counts"]["judged"] == 116
    assert (round(result["complete"]["precision"], 3), round(result["complete"]["recall"], 3)) == HELDOUT_AFTER
