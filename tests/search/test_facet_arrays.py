"""Facet counts from the facet keys in memory (documents/search/facet_arrays.py)."""

import numpy as np
import pytest

from documents.models import Issuer, Policy
from documents.search import facet_arrays, index
from documents.search.facet_registry import NAMES
from documents.search.facet_arrays import FacetArrays, count
from documents.search.query import parse
from documents.search.service import SearchParams, _base, text_matches, search_policies
from tests.search.conftest import facet_counts_by_orm


def arrays() -> FacetArrays:
    # Policies 1–4 (0 is no policy): provinces, years, types; issuer 7 on 1 and 2, issuer 8 on 3.
    return FacetArrays(
        size=5,
        keys={"province": np.array([-1, 0, 0, 1, 1], dtype=np.int32), "city": np.full(5, -1, dtype=np.int32),
              "year": np.array([-1, 0, 1, 0, -1], dtype=np.int32), "type": np.array([-1, 0, 0, 0, 1], dtype=np.int32)},
        values={"province": ["440000", "330000"], "city": [], "year": [2023, 2022], "type": ["方案", "意见"]},
        link_policy=np.array([1, 2, 3]), link_issuer=np.array([7, 7, 8]), newest=np.array([2, 1, 3, 4]),
    )


FACETS = ("province", "city", "issuer", "year", "type")


def test_each_facet_counts_the_matches_passing_the_other_filters():
    total, raw = count(arrays(), np.array([1, 2, 3, 4]), {"province": "440000", "year": 2023}, FACETS)
    assert total == 1  # policy 1: 440000 and 2023
    assert raw["province"] == {"440000": 1, "330000": 1}  # the year applies, the province does not
    assert raw["year"] == {2023: 1, 2022: 1}  # undated policy 4 is in no year
    assert raw["type"] == {"方案": 1} and raw["issuer"] == {7: 1} and raw["city"] == {}


def test_an_issuer_filter_and_unknown_values_keep_nothing_else():
    total, raw = count(arrays(), np.array([1, 2, 3, 4]), {"issuer": 7}, FACETS)
    assert total == 2 and raw["issuer"] == {7: 2, 8: 1} and raw["year"] == {2023: 1, 2022: 1}
    total, raw = count(arrays(), np.array([1, 2, 3, 4]), {"type": "通知"}, FACETS)
    assert total == 0 and raw["type"] == {"方案": 3, "意见": 1} and raw["province"] == {}


@pytest.mark.django_db
def test_a_policy_saved_after_the_arrays_were_loaded_is_counted(make_policy):
    make_policy("广东数字经济方案", "数字经济。", region="440000", year=2023)
    assert search_policies(SearchParams(q="数字经济")).count == 1
    loaded = facet_arrays.facet_arrays()
    # Saved in the same generation (the test's transaction never commits).
    newer = make_policy("浙江数字经济条例", "数字经济。", region="330000", year=2024)
    page = search_policies(SearchParams(q="数字经济", province="330000"))
    assert [hit.policy.pk for hit in page.hits] == [newer.pk]
    assert {item["code"]: item["count"] for item in page.facets["province"]} == {"440000": 1, "330000": 1}
    assert facet_arrays.facet_arrays() is not loaded  # reloaded on meeting an id it did not hold


@pytest.mark.django_db
@pytest.mark.parametrize("include_unpublished", [False, True])
def test_in_memory_counts_equal_the_sql_counts(make_policy, include_unpublished):
    make_policy("广州数字经济方案", "数字经济。", region="440100", issuers=["广州市人民政府"], year=2023,
                policy_type="方案")
    make_policy("深圳数字经济条例", "数字经济。", region="440300", issuers=["广州市人民政府", "深圳市人民政府"],
                year=2022, policy_type="条例")
    make_policy("数字经济通知", "数字经济。")  # no region, issuer or date
    make_policy("杭州数字经济草案", "数字经济。", region="330100", year=2023, policy_type="方案",
                status=Policy.Status.DRAFT)
    issuer = Issuer.objects.get(name="广州市人民政府").pk
    matches = text_matches(_base(include_unpublished), parse("数字经济"))
    for active in ({}, {"province": "440000"}, {"province": "440000", "year": 2023}, {"type": "方案", "year": 2023},
                   {"city": "440300", "issuer": issuer}, {"issuer": issuer, "type": "条例", "year": 2022},
                   {"year": 1999}):
        assert facet_arrays.count_matches(matches, active, NAMES) == facet_counts_by_orm(matches, active), active


@pytest.mark.django_db
def test_without_a_base_nothing_is_logged_and_sql_answers(make_policy):
    from django.db import connection

    make_policy("北京数字经济规划", "正文。", region="110000", year=2024)
    assert index.state() is None
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_changes")
        assert cursor.fetchone()[0] == 0
    assert index.Matches(parse("数字经济"), include_unpublished=False).ids() is None


def same_arrays(a: FacetArrays, b: FacetArrays) -> bool:
    """The same facet values per policy, links, and date order (value indexes may differ)."""
    def values_of(arrays, name):
        return [arrays.values[name][code] if code >= 0 else None for code in arrays.keys[name][: max(a.size, b.size)]]
    size = max(a.size, b.size)
    padded = [FacetArrays(size=size, keys={name: np.concatenate([keys, np.full(size - x.size, -1, dtype=np.int32)])
                                           for name, keys in x.keys.items()},
                          values=x.values, link_policy=x.link_policy, link_issuer=x.link_issuer, newest=x.newest)
              for x in (a, b)]
    return (all(values_of(padded[0], name) == values_of(padded[1], name) for name in a.keys)
            and sorted(zip(a.link_policy.tolist(), a.link_issuer.tolist()))
            == sorted(zip(b.link_policy.tolist(), b.link_issuer.tolist()))
            and a.newest.tolist() == b.newest.tolist())


@pytest.mark.django_db
def test_the_arrays_catch_up_on_the_logged_changes_as_a_full_load_would(make_policy):
    gz = make_policy("广州数字经济方案", "数字经济。", region="440100", issuers=["广州市人民政府"], year=2023,
                     policy_type="方案")
    sz = make_policy("深圳数字经济条例", "数字经济。", region="440300", year=2022, policy_type="条例")
    old = make_policy("数字经济通知", "数字经济。", year=2020)
    index.rebuild(min_docs=1, min_share=0.0)
    before = facet_arrays.load("default")
    gz.region_id, gz.date_year, gz.date_month, gz.date_precision = "330100", 2019, 5, "month"
    gz.save()  # another city, an older date: a new place in date order
    sz.issuers.set([Issuer.objects.get_or_create(name="深圳市人民政府")[0]])
    old_pk = old.pk
    old.delete()
    added = make_policy("杭州数字经济草案", "数字经济。", region="330100", year=2024, policy_type="方案",
                        status=Policy.Status.DRAFT)
    built, changed = index.changed_since_base("default")
    assert set(changed) == {gz.pk, sz.pk, old_pk, added.pk}
    caught_up = facet_arrays.catch_up(before, np.array(changed), "default")
    assert same_arrays(caught_up, facet_arrays.load("default"))
    assert not same_arrays(before, facet_arrays.load("default"))
