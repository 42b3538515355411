"""What /compare/ counts the distinctive terms over (pure): the documents, all of a region's when the
budget allows, else a fixed sample that no write elsewhere changes; and the lexemes that may be listed."""

import numpy as np

from documents.research.compare import is_term, quotas, sample_of


def test_a_region_within_its_share_is_counted_whole():
    ids = np.array([9, 3, 7], dtype=np.int64)
    assert sample_of(ids, 3).tolist() == sample_of(ids, 50).tolist() == [3, 7, 9]


def test_the_sample_is_fixed_by_the_ids_not_their_order():
    ids = np.arange(1, 5001, dtype=np.int64)
    chosen = sample_of(ids, 100)
    assert chosen.size == 100 and np.all(np.isin(chosen, ids)) and np.all(np.diff(chosen) > 0)
    assert sample_of(np.random.default_rng(1).permutation(ids), 100).tolist() == chosen.tolist()
    assert set(chosen.tolist()) < set(sample_of(ids, 101).tolist())  # a larger sample holds the smaller


def test_the_sample_is_spread_over_the_ids():
    """Not the oldest or newest documents: each tenth of the ids holds about a tenth of the sample."""
    chosen = sample_of(np.arange(1, 10_001, dtype=np.int64), 1000)
    per_tenth = np.bincount((chosen - 1) // 1000, minlength=10)
    assert per_tenth.min() >= 70 and per_tenth.max() <= 130


def test_a_new_document_changes_the_sample_by_at_most_one():
    ids = np.arange(1, 3001, dtype=np.int64) * 7
    before = set(sample_of(ids, 200).tolist())
    for new in (5, 21_001, 99_999):
        after = set(sample_of(np.append(ids, new), 200).tolist())
        assert len(after - before) <= 1 and len(before - after) <= 1 and (new in after) == (after != before)


def test_the_budget_is_shared_out_and_what_a_small_region_leaves_goes_to_the_others():
    assert quotas([1000, 1000], 600) == [300, 300]
    assert quotas([95, 422], 600) == [95, 422]  # both whole
    assert quotas([95, 544], 600) == [95, 505]
    assert quotas([544, 422, 420, 237], 600) == [150, 150, 150, 150]
    assert quotas([544, 40, 420, 10], 600) == [275, 40, 275, 10]
    assert quotas([0, 0], 600) == [0, 0]
    assert sum(quotas([5000, 3000, 7], 601)) == 601


def test_only_words_of_two_characters_with_a_chinese_one_and_no_numbers_or_places_are_listed():
    places = frozenset({"广东", "广东省"})
    assert all(is_term(word, places) for word in ("粤港澳大湾区", "一批", "5G网络", "第一书记"))
    assert not any(is_term(word, places) for word in ("数", "5G", "2024", "十二届", "第三条", "一千元", "两个",
                                                      "广东", "广东省", "a b"))
