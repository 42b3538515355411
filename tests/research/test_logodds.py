"""Weighted log-odds with an informative Dirichlet prior (Monroe et al. 2008), checked by hand and on
the properties that make it the statistic to rank by."""

import math

from documents.research.logodds import distinctive


def test_a_score_is_the_papers_formula():
    a, b = {"数据": 30, "发展": 50, "农业": 20}, {"数据": 10, "发展": 60, "农业": 30}
    scores = distinctive([a, b], prior_size=100, min_count=1)
    pooled = {w: a[w] + b[w] for w in a}
    alpha = {w: pooled[w] / sum(pooled.values()) * 100 for w in a}
    n_a, n_b, a0 = sum(a.values()), sum(b.values()), 100
    delta = (math.log((a["数据"] + alpha["数据"]) / (n_a + a0 - a["数据"] - alpha["数据"]))
             - math.log((b["数据"] + alpha["数据"]) / (n_b + a0 - b["数据"] - alpha["数据"])))
    z = delta / math.sqrt(1 / (a["数据"] + alpha["数据"]) + 1 / (b["数据"] + alpha["数据"]))
    first = scores[0][0]
    assert first.word == "数据" and first.z == round(z, 2) and first.delta == round(delta, 3)
    assert (first.count, first.others) == (30, 10)
    assert {s.word for s in scores[1]} == {"农业", "发展"}  # b uses both more, in proportion


def test_identical_groups_have_no_distinctive_words():
    same = {"数据": 12, "发展": 40, "经济": 7}
    assert distinctive([same, dict(same)]) == [[], []]


def test_the_prior_keeps_a_handful_of_uses_below_a_large_difference():
    """A rare word used only by one group (3 against 0) ranks below a common word it uses far more
    often (300 against 100): the raw log-odds ratio would put the rare one first."""
    a = {"罕见": 3, "常见": 300, "其他": 1000}
    b = {"常见": 100, "其他": 1000}
    words = [s.word for s in distinctive([a, b], min_count=1)[0]]
    assert words.index("常见") < words.index("罕见")


def test_each_of_several_groups_is_set_against_the_others_pooled():
    groups = [{"港澳": 20, "发展": 50}, {"长三角": 25, "发展": 50}, {"发展": 50, "黄河": 18}]
    scores = distinctive(groups, min_count=2)
    assert [g[0].word for g in scores] == ["港澳", "长三角", "黄河"]
    assert all(s.z > 0 for g in scores for s in g)


def test_degenerate_input():
    assert distinctive([{"数据": 3}]) == [[]]
    assert distinctive([{}, {}]) == [[], []]
