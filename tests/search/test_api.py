import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
URL = "/api/policies/"


def test_search_returns_listing_fields_snippets_sections_and_facets(client, make_policy):
    policy = make_policy("数字经济方案", "推进數字經濟发展。", region="440100", year=2024,
                         sections=[("一、", "发展数字经济", "正文。")])
    response = client.get(URL, {"q": "數字經濟"})
    assert response.status_code == 200
    body = response.json()
    assert (body["count"], body["page"], body["num_pages"]) == (1, 1, 1)
    [result] = body["results"]
    assert result["id"] == policy.pk and result["title"] == "数字经济方案"
    assert result["province"] == {"code": "440000", "name": "广东省"}
    assert "<mark>數字經濟</mark>" in result["snippets"][0]
    assert result["matched_sections"][0]["anchor"] == "s1"
    assert set(body["facets"]) == {"province", "city", "issuer", "year", "type"}
    assert body["facets"]["city"] == [{"code": "440100", "name": "广州市", "count": 1, "selected": False}]


@pytest.mark.parametrize("params, field", [
    ({"province": "999999"}, "province"),
    ({"province": "440100"}, "province"),  # a city is not a province
    ({"city": "abc"}, "city"),
    ({"issuer": "x"}, "issuer"),
    ({"issuer": "99999999"}, "issuer"),
    ({"year": "二〇二四"}, "year"),
    ({"year": "20240"}, "year"),
    ({"type": "小说"}, "type"),
    ({"sort": "random"}, "sort"),
    ({"page": "0"}, "page"),
    ({"page": "-1"}, "page"),
    ({"page": "1e9"}, "page"),
    ({"page_size": "0"}, "page_size"),
])  # a NUL in any parameter is refused before the API reads it (tests/reliability/test_probes.py)
def test_malformed_parameters_give_400_with_a_message_per_field(client, params, field):
    response = client.get(URL, params)
    assert response.status_code == 400
    body = response.json()
    assert field in body["fields"] and body["error"]


def test_page_size_above_the_cap_is_capped(client, make_policy):
    for i in range(3):
        make_policy(f"算力方案{i}", "正文。")
    assert client.get(URL, {"q": "算力", "page_size": "5000"}).json()["count"] == 3


@pytest.mark.parametrize("q", [
    "", "x" * 10_000, "数" * 10_000, "😀🚀", '"unbalanced', "'", "''", "\\", "\\'",
    "!!!", "&|!():*<->", "<-> <1> <0>", "-", "--", "- -", "OR", "AND NOT", "'a':* & b", "数字经济:*",
    "(", ")", "'; drop table documents_policy; --", "%s %(x)s", "{a}", "\u200b\u200b", "\ufeff数字",
    "ＯＲ", "“", "「數字經濟」", "-\"\"", " ".join(["数字经济"] * 300), " OR ".join(["词"] * 300),
])
def test_hostile_queries_never_fail(client, make_policy, q):
    make_policy("数字经济方案", "正文。")
    response = client.get(URL, {"q": q, "sort": "relevance"})
    assert response.status_code == 200, response.content[:300]
    assert isinstance(response.json()["results"], list)


@pytest.mark.parametrize("q", ["\x00", "数字经济\x00"])
def test_a_nul_in_the_query_is_a_400_in_the_api_error_shape(client, make_policy, q):
    make_policy("数字经济方案", "正文。")
    response = client.get(URL, {"q": q})
    assert response.status_code == 400
    assert response.json()["error"].startswith("请求含有空字符") and response.json()["fields"] == {}


def test_staff_also_see_drafts(staff_client, make_policy):
    make_policy("专精特新草稿", "正文。", status="draft")
    assert Client().get(URL, {"q": "专精特新"}).json()["count"] == 0
    assert staff_client.get(URL, {"q": "专精特新"}).json()["count"] == 1


def test_chinese_is_not_escaped_in_the_json(client, make_policy):
    make_policy("数字经济方案", "正文。")
    assert "数字经济方案" in client.get(URL, {"q": "数字经济"}).content.decode()
    json.loads(client.get(URL).content)
