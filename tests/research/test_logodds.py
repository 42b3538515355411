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


def full_ranking(counts, *, top=20, min_count=2, prior_size=10_000):
    """The statistic computed plainly, over every word and with a full sort: what distinctive() must equal."""
    vocabulary = sorted(set().union(*counts))
    pooled = {w: sum(group.get(w, 0) for group in counts) for w in vocabulary}
    alpha = {w: pooled[w] / sum(pooled.values()) * prior_size for w in vocabulary}
    totals = [sum(group.values()) for group in counts]
    ranked = []
    for i, group in enumerate(counts):
        n_own, n_rest = totals[i], sum(totals) - totals[i]
        scores = []
        for w in vocabulary:
            own, rest, a = group.get(w, 0), pooled[w] - group.get(w, 0), alpha[w]
            delta = (math.log((own + a) / (n_own + prior_size - own - a))
                     - math.log((rest + a) / (n_rest + prior_size - rest - a)))
            z = delta / math.sqrt(1 / (own + a) + 1 / (rest + a))
            if own >= min_count and z > 0:
                scores.append((-z, w, own, rest))
        ranked.append([(w, round(-negative, 2), own, rest) for negative, w, own, rest in sorted(scores)[:top]])
    return ranked


def test_the_ranking_is_the_full_computation_s():
    """Words below min_count in every group are left out of the ranking but count in the totals."""
    groups = [{"数据": 40, "发展": 90, "港澳": 12, "一次": 1, "海洋": 2}, {"数据": 15, "发展": 95, "长三角": 9, "两次": 1},
              {"发展": 60, "黄河": 7, "海洋": 1, "三次": 1, "数据": 3}]
    for min_count in (1, 2, 3):
        got = [[(s.word, s.z, s.count, s.others) for s in g] for g in distinctive(groups, top=3, min_count=min_count)]
        assert got == full_ranking(groups, top=3, min_count=min_count)


def test_ties_at_the_cut_are_broken_by_the_word():
    a = {f"词{k:02}": 5 for k in range(40)} | {"其他": 500}
    b = {"其他": 500, "别的": 50}
    words = [s.word for s in distinctive([a, b], top=7)[0]]
    assert words == [f"词{k:02}" for k in range(7)]
