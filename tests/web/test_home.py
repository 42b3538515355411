import pytest
from django.urls import reverse

from documents.models import Policy

pytestmark = pytest.mark.django_db


def test_home_shows_search_box_with_syntax_hint(client):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'name="q"' in html
    assert "精确短语" in html and "OR" in html


def test_home_tiles_every_province_with_its_count_and_link(client, make_policy):
    make_policy("广东数据要素方案", region="440300", year=2023)
    make_policy("广东数字经济条例", region="440000", year=2021)
    response = client.get("/")
    provinces = {p.code: p for p in response.context["provinces"]}
    assert len(provinces) == 34
    assert provinces["440000"].policy_count == 2 and provinces["110000"].policy_count == 0
    assert reverse("region_detail", args=["440000"]) in response.content.decode()


def test_home_totals_include_date_span_and_ignore_drafts(client, make_policy):
    make_policy("甲", region="440000", year=2019, issuers=["广东省人民政府"])
    make_policy("乙", region="320500", year=2024, issuers=["苏州市人民政府"])
    make_policy("草稿", region="110000", year=2010, status=Policy.Status.DRAFT)
    totals = client.get("/").context["totals"]
    assert totals == {"policies": 2, "provinces": 2, "issuers": 2, "first": 2019, "last": 2024}
    assert "2019–2024" in client.get("/").content.decode()


def test_home_lists_newest_dated_policies_first(client, make_policy):
    make_policy("旧政策", year=2018)
    make_policy("无日期政策")
    make_policy("新政策", year=2024, month=5)
    newest = [p.title for p in client.get("/").context["newest"]]
    assert newest == ["新政策", "旧政策", "无日期政策"]


def test_home_figures_are_cached_until_any_policy_changes(client, make_policy, django_assert_num_queries,
                                                          django_capture_on_commit_callbacks):
    make_policy("广东数字经济条例", region="440000", year=2021)
    assert client.get("/").context["totals"]["policies"] == 1
    with django_assert_num_queries(1):  # the cache generation only: no count over the archive
        assert client.get("/").context["totals"]["policies"] == 1
    with django_capture_on_commit_callbacks(execute=True):
        make_policy("江苏数据要素方案", region="320500", year=2024)
    response = client.get("/")
    assert response.context["totals"]["policies"] == 2
    assert [p.title for p in response.context["newest"]][0] == "江苏数据要素方案"
