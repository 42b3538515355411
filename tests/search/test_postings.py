"""Frequent lexemes' bitmaps (documents/search/postings.py): the same pages as SQL, and only while fresh."""


import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.search import postings, service, stats
from documents.search.postings import EVERY, Lexeme, Op, decode, encode, evaluate, keys, parse_tsquery
from documents.search.query import PAIRS, WORDS, AllOf, Match, parse
from documents.search.service import SearchParams, search_policies

# --- pure ----------------------------------------------------------------------------------


def test_the_tsqueries_the_parser_builds_are_read_back():
    assert parse_tsquery(parse("數字經濟").tsquery()) == Lexeme("数字经济")
    assert parse_tsquery(parse("数据 安全").tsquery()) == Op("&", (Lexeme("数据"), Lexeme("安全")))
    assert parse_tsquery(parse("数据 OR 安全").tsquery()) == Op("|", (Lexeme("数据"), Lexeme("安全")))
    assert parse_tsquery(parse("数据 -安全").tsquery()) == Op("&", (Lexeme("数据"), Op("!", (Lexeme("安全"),))))
    assert parse_tsquery(parse("数据").tsquery("AB")) == Lexeme("数据", "AB")
    assert parse_tsquery("'it''s' & 'a\\\\b'") == Op("&", (Lexeme("it's"), Lexeme("a\\b")))
    assert parse_tsquery("('a' | 'b') & !'c'") == Op("&", (Op("|", (Lexeme("a"), Lexeme("b"))),
                                                          Op("!", (Lexeme("c"),))))


@pytest.mark.parametrize("tsquery", [
    "'公共' <2> '数据'", "'数据':*", "'数据':C", "('a' & 'b'", "'a' 'b'", "'unclosed", "", "a & b", "'a' & ",
])
def test_what_bitmaps_cannot_answer_is_refused(tsquery):
    assert parse_tsquery(tsquery) is None


def test_keys_name_the_bitmaps_a_condition_needs():
    assert keys(parse("数据 安全").condition()) == {(WORDS, "数据", "any"), (WORDS, "安全", "any")}
    assert keys(parse('"公共数据"').condition()) == {(PAIRS, "公共 数据", "any")}
    assert keys(parse("数据 -安全").condition()) == {(WORDS, "数据", "any"), (WORDS, "安全", "any"), EVERY}
    assert keys(Match(WORDS, "'数据' & '安全'"), "a") == {(WORDS, "数据", "a"), (WORDS, "安全", "a")}
    assert keys(parse('"公共数据开放"').condition()) is None  # three pieces: positions must be checked
    assert keys(None) is None


def test_evaluation_is_set_logic_over_the_published_policies():
    ids = {"a": [1, 2, 3], "b": [2, 3, 4], "c": [3], "": [1, 2, 3, 4, 5]}
    bitmaps = {(WORDS, word, "any"): decode(encode(np.array(found), 7), 7) for word, found in ids.items()}
    bitmaps[(PAIRS, "a b", "any")] = decode(encode(np.array([2]), 7), 7)

    def found(condition):
        return np.flatnonzero(evaluate(condition, bitmaps)).tolist()

    assert found(Match(WORDS, "'a' & 'b'")) == [2, 3]
    assert found(Match(WORDS, "'a' | 'c'")) == [1, 2, 3]
    assert found(Match(WORDS, "'b' & !'c'")) == [2, 4]
    assert found(Match(WORDS, "!'a'")) == [4, 5]  # not 0 or 6: no such policy
    assert found(AllOf((Match(WORDS, "'a'"), Match(PAIRS, "'a b'")))) == [2]


def test_bitmaps_round_trip():
    ids = np.array([0, 7, 8, 99])
    assert np.flatnonzero(decode(encode(ids, 100), 100)).tolist() == [0, 7, 8, 99]


# --- on the seeds ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def counted_seeds(seed_policies, django_db_blocker):
    """The seeds with every lexeme's counts and bitmaps built, once for the module (inside its seeds' rollback)."""
    with django_db_blocker.unblock():
        stats.refresh(min_docs=1, min_share=0.0)
    return seed_policies


@pytest.mark.django_db
def test_frequent_words_are_counted_pooled_and_tiered_without_a_text_match_in_sql(counted_seeds, monkeypatch):
    monkeypatch.setattr(service, "EXACT_LIMIT", 1)
    params = SearchParams(q="数字经济 发展", sort="relevance")
    with CaptureQueriesContext(connection) as captured:
        page = search_policies(params)
    statements = [query["sql"] for query in captured.captured_queries]
    assert page.count > 1 and page.hits
    assert [sql for sql in statements if "@@" in sql] == []  # no listing, pool or tier from the GIN indexes
    assert sum("ts_rank_cd" in sql for sql in statements) == 1  # each candidate's vector read once
    assert page.count == search_policies(params, include_unpublished=True).count


@pytest.mark.django_db
def test_bitmaps_are_used_only_while_no_policy_changed(counted_seeds, make_policy):
    matches = postings.Matches(parse("数字经济"), include_unpublished=False)
    before = matches.ids()
    assert before is not None and before.size == search_policies(SearchParams(q="数字经济")).count
    added = make_policy("北京数字经济规划", "正文。", region="110000", year=2024)
    assert postings.Matches(parse("数字经济"), include_unpublished=False).ids() is None
    assert added.pk in [hit.policy.pk for hit in search_policies(SearchParams(q="数字经济", sort="newest")).hits]
    stats.refresh(min_docs=1, min_share=0.0)
    assert added.pk in postings.Matches(parse("数字经济"), include_unpublished=False).ids()


@pytest.mark.django_db
def test_drafts_are_never_answered_from_bitmaps(counted_seeds):
    assert postings.Matches(parse("数字经济"), include_unpublished=True).ids() is None


def test_a_policy_newer_than_the_bitmaps_is_left_out_not_an_error():
    assert np.flatnonzero(decode(encode(np.array([3, 9, 12]), 10), 10)).tolist() == [3, 9]


@pytest.mark.django_db
def test_no_bitmaps_while_a_published_policy_has_no_vector(seed_policies):
    from documents.models import Policy

    Policy.objects.filter(pk=seed_policies["000"].pk).update(search_vector=None)
    stats.refresh(min_docs=1, min_share=0.0)
    assert stats.is_fresh()  # the counts are refreshed, but `!x` and a negated filter would disagree on it
    assert postings.Matches(parse("数字经济 -发展"), include_unpublished=False).ids() is None
