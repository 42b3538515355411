"""Precomputed facet counts (documents/search/stats.py) equal live counts, and go stale on any change."""

import pytest

from documents.search import facets, stats
from documents.search.query import parse
from documents.search.service import SearchParams, _base, text_matches, search_policies

from .conftest import create_policy
from .test_facets import spread_policies
from tests.conftest import shared_rows

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def spread(django_db_setup, django_db_blocker):
    """test_facets' five policies with their counts precomputed, once for the module (a refresh is most of a
    test's time); each test's changes are rolled back by its `db` savepoint, the module's after the module."""
    with shared_rows(django_db_blocker) as done:
        policies = spread_policies(create_policy)
        done()
        stats.refresh(min_docs=1, min_share=0.0)
        yield policies

CASES = [
    ("数字经济", {}), ("数字经济", {"province": "440000"}), ("数字经济", {"province": "440000", "year": 2023}),
    ("数字经济", {"year": 2023, "type": "方案", "city": "440100"}), ("", {}), ("", {"type": "方案"}),
    ("", {"province": "330000", "year": 2021}), ("正文", {"city": "330100"}),
]


def both(q, active):
    parsed = parse(q)
    matches = text_matches(_base(False), parsed)
    return facets.count_facets(matches, active), facets.count_facets(matches, active, stats.plain_lexeme(parsed))


def test_plain_lexeme():
    assert stats.plain_lexeme(parse("")) == ""
    assert stats.plain_lexeme(parse("數字經濟")) == "数字经济"
    assert stats.plain_lexeme(parse('"公共数据"')) is None  # a pair lexeme: counted from its own index
    assert stats.plain_lexeme(parse('"公共数据开放"')) is None
    assert stats.plain_lexeme(parse('"数字 经济"')) is None
    assert stats.plain_lexeme(parse("数字经济 -苏州")) is None
    assert stats.plain_lexeme(parse("数字经济 人工智能")) is None


@pytest.mark.parametrize("q, active", CASES)
def test_precomputed_counts_equal_live_counts(spread, q, active):
    assert stats.is_fresh()
    assert stats.lookup(stats.plain_lexeme(parse(q))) is not None
    live, fast = both(q, active)
    assert fast == live


def test_any_change_makes_them_stale(spread, make_policy):
    assert stats.lookup("数字经济")[0] == 4
    make_policy("北京数字经济规划", "正文。", region="110000", year=2024)
    assert not stats.is_fresh()
    assert stats.lookup("数字经济") is None
    assert search_policies(SearchParams(q="数字经济")).count == 5
    stats.refresh(min_docs=1, min_share=0.0)
    assert stats.lookup("数字经济")[0] == 5


def test_issuer_links_make_them_stale(spread):
    assert stats.is_fresh()
    spread["other"].issuers.clear()
    assert not stats.is_fresh()


def test_imports_refresh_only_large_archives(spread):
    assert stats.refresh_if_useful() is None  # five policies: counting live costs nothing
