"""Facet counts from the facet keys in memory (documents/search/facet_arrays.py)."""

import numpy as np
import pytest

from documents.models import Issuer, Policy
from documents.search import facet_arrays, facets
from documents.search.facet_registry import NAMES
from documents.search.facet_arrays import FacetArrays, count
from documents.search.query import parse
from documents.search.service import SearchParams, _base, text_matches, search_policies


def arrays() -> FacetArrays:
    # Policies 1–4 (0 is no policy): provinces, years, types; issuer 7 on 1 and 2, issuer 8 on 3.
    return FacetArrays(
        size=5,
        keys={"province": np.array([-1, 0, 0, 1, 1], dtype=np.int32), "city": np.full(5, -1, dtype=np.int32),
              "year": np.array([-1, 0, 1, 0, -1], dtype=np.int32), "type": np.array([-1, 0, 0, 0, 1], dtype=np.int32)},
        values={"province": ["440000", "330000"], "city": [], "year": [2023, 2022], "type": ["方案", "意见"]},
        link_policy=np.array([1, 2, 3]), link_issuer=np.array([7, 7, 8]), newest=np.array([2, 1, 3, 4]),
        loaded=0.0,
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
        assert facet_arrays.count_matches(matches, active, NAMES) == facets._count(matches, active), active
