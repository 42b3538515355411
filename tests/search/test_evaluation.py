import pytest

from documents.evaluation.search import load_judgements, ndcg


def test_judgements_hold_at_least_40_queries_in_both_scripts_with_every_hard_kind():
    queries = load_judgements()
    kinds = {query["kind"] for query in queries}
    assert len(queries) >= 40
    assert {"traditional", "boilerplate", "segmentation", "phrase", "exclusion", "or"} <= kinds


def test_ndcg_is_one_for_the_ideal_order_and_less_otherwise():
    relevant = {"a": 2, "b": 1}
    assert ndcg(["a", "b", "x"], relevant) == pytest.approx(1.0)
    assert ndcg(["b", "a"], relevant) < 1.0
    assert ndcg(["x"], relevant) == 0.0
