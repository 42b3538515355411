import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import Issuer
from documents.search.service import SearchParams, search_policies

pytestmark = pytest.mark.django_db


def spread_policies(make_policy):
    """Five policies over two provinces, three cities, three years and three types; four say 数字经济."""
    return {
        "gz": make_policy("广州数字经济方案", "正文。", region="440100", issuers=["广州市人民政府"], year=2023,
                          policy_type="方案"),
        "sz": make_policy("深圳数字经济条例", "正文。", region="440300", issuers=["深圳市人民代表大会常务委员会"],
                          year=2022, policy_type="条例"),
        "gd": make_policy("广东省数字经济意见", "正文。", region="440000", issuers=["广东省人民政府"], year=2023,
                          policy_type="意见"),
        "hz": make_policy("杭州数字经济方案", "正文。", region="330100", issuers=["杭州市人民政府"], year=2023,
                          policy_type="方案"),
        "other": make_policy("杭州交通方案", "正文。", region="330100", year=2021, policy_type="方案"),
    }


@pytest.fixture
def spread(make_policy):
    return spread_policies(make_policy)


def counts(facet):
    return {item["code"]: item["count"] for item in facet}


def test_facets_count_the_matches_of_the_query(spread):
    facets = search_policies(SearchParams(q="数字经济")).facets
    assert counts(facets["province"]) == {"440000": 3, "330000": 1}
    assert counts(facets["city"]) == {"440100": 1, "440300": 1, "330100": 1}
    assert counts(facets["year"]) == {2023: 3, 2022: 1}
    assert counts(facets["type"]) == {"方案": 2, "条例": 1, "意见": 1}
    assert sum(counts(facets["issuer"]).values()) == 4


def test_a_facet_ignores_its_own_filter_but_respects_the_others(spread):
    page = search_policies(SearchParams(q="数字经济", province="440000", year=2023))
    assert page.count == 2
    assert counts(page.facets["province"]) == {"440000": 2, "330000": 1}  # year applies, province does not
    assert counts(page.facets["year"]) == {2023: 2, 2022: 1}  # province applies, year does not
    assert counts(page.facets["type"]) == {"方案": 1, "意见": 1}
    assert [item["code"] for item in page.facets["province"] if item["selected"]] == ["440000"]


def test_city_facet_lists_prefecture_cities_within_the_selected_province(spread):
    page = search_policies(SearchParams(q="数字经济", province="440000"))
    assert counts(page.facets["city"]) == {"440100": 1, "440300": 1}
    assert {item["name"] for item in page.facets["city"]} == {"广州市", "深圳市"}


def test_filters_combine(spread):
    page = search_policies(SearchParams(q="方案", city="330100", type="方案"))
    assert {hit.policy.pk for hit in page.hits} == {spread["hz"].pk, spread["other"].pk}
    issuer = Issuer.objects.get(name="杭州市人民政府")
    assert [hit.policy.pk for hit in search_policies(SearchParams(q="方案", issuer=issuer.pk)).hits] == [spread["hz"].pk]


def test_browse_facets_follow_new_policies(spread, make_policy, django_capture_on_commit_callbacks):
    assert search_policies(SearchParams()).count == 5
    with django_capture_on_commit_callbacks(execute=True):
        make_policy("新的政策", "正文。", region="110000", year=2024)
    page = search_policies(SearchParams())
    assert page.count == 6
    assert counts(page.facets["province"])["110000"] == 1


def test_a_selected_value_without_matches_is_still_listed(spread):
    page = search_policies(SearchParams(q="数字经济", year=1999))
    assert page.count == 0
    assert {"code": 1999, "name": "1999年", "count": 0, "selected": True} in page.facets["year"]


def test_browsing_and_text_queries_list_ids_through_the_right_indexes(spread):
    def statements(params):
        with CaptureQueriesContext(connection) as queries:
            page = search_policies(params)
        return page, [q["sql"] for q in queries.captured_queries]

    page, browse = statements(SearchParams(province="440000", year=2023))
    assert counts(page.facets["province"]) == {"440000": 2, "330000": 1}
    assert counts(page.facets["year"]) == {2023: 2, 2022: 1}
    assert counts(page.facets["type"]) == {"方案": 1, "意见": 1}
    # One counter for both: the ids PostgreSQL lists (no index in so small an archive), counted in memory.
    listed = next(sql for sql in browse if "string_agg" in sql and "search_stats_state" not in sql)  # not the index's
    assert "IS TRUE" not in listed  # without a text match the filters' btree indexes answer
    page, text = statements(SearchParams(q="数字经济", province="440000", year=2023))
    assert page.count == 2 and counts(page.facets["year"]) == {2023: 2, 2022: 1}
    listed = next(sql for sql in text if "string_agg" in sql and "search_stats_state" not in sql)  # text matches: only their ids are read
    assert "IS TRUE" in listed  # the text match's GIN index is the way in
