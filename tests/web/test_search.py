import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_policy):
    return {
        "gd": make_policy(
            "广东省数据要素市场化配置改革方案", "一、总体要求\n推进数据要素市场化配置改革。",
            sections=[("一、", "总体要求", "推进数据要素市场化配置改革。")],
            region="440000", issuers=["广东省人民政府"], year=2023, policy_type="方案",
        ),
        "sz": make_policy("深圳市数字经济产业促进条例", "发展数字经济核心产业。", region="440300",
                          issuers=["深圳市人民代表大会常务委员会"], year=2022, policy_type="条例"),
        "js": make_policy("江苏省数字经济促进条例", "促进数字经济发展。", region="320000",
                          issuers=["江苏省人民代表大会常务委员会"], year=2022, policy_type="条例"),
    }


def test_results_show_region_issuer_date_type_and_highlighted_snippet(client, corpus):
    html = client.get("/policies/", {"q": "数据要素"}).content.decode()
    assert "广东省数据要素市场化配置改革方案" in html
    assert "广东省人民政府" in html and "2023年" in html and "方案" in html
    assert "<mark>数据要素</mark>" in html
    assert "深圳市数字经济产业促进条例" not in html


def test_matched_section_links_to_the_detail_anchor(client, corpus):
    html = client.get("/policies/", {"q": "总体要求"}).content.decode()
    assert f'href="/policies/{corpus["gd"].pk}/#s1"' in html


def test_facets_count_and_link_with_the_current_query(client, corpus):
    response = client.get("/policies/", {"q": "数字经济"})
    groups = {key: entries for key, _, entries in response.context["facets"]}
    assert {e["code"]: e["count"] for e in groups["province"]} == {"440000": 1, "320000": 1}
    assert "city" not in groups  # cities only under a chosen province
    html = response.content.decode()
    assert 'href="?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E&amp;province=440000"' in html


def test_choosing_a_province_offers_its_cities(client, corpus):
    response = client.get("/policies/", {"province": "440000"})
    groups = {key: entries for key, _, entries in response.context["facets"]}
    assert [e["code"] for e in groups["city"]] == ["440300"]
    assert response.context["page"].count == 2


def test_active_filters_are_removable_chips(client, corpus):
    response = client.get("/policies/", {"q": "条例", "province": "440000", "city": "440300", "year": "2022"})
    chips = {chip["key"]: chip["text"] for chip in response.context["chips"]}
    assert chips == {"q": "条例", "province": "广东省", "city": "深圳市", "year": "2022年"}
    html = response.content.decode()
    # Removing the province also removes its city.
    assert 'href="?q=%E6%9D%A1%E4%BE%8B&amp;year=2022" aria-label="移除条件 省份：广东省"' in html


def test_sort_links_keep_filters(client, corpus):
    html = client.get("/policies/", {"province": "440000", "page": "1"}).content.decode()
    assert 'href="?province=440000&amp;sort=newest"' in html


def test_pagination_links_pages(client, make_policy):
    for i in range(25):
        make_policy(f"数字经济政策{i}", "数字经济", year=2000 + i)
    response = client.get("/policies/", {"q": "数字经济"})
    html = response.content.decode()
    assert response.context["page"].num_pages == 2
    assert 'href="?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E&amp;page=2" rel="next"' in html
    second = client.get("/policies/", {"q": "数字经济", "page": "2"})
    assert len(second.context["page"].hits) == 5 and 'rel="prev"' in second.content.decode()
    past = strip_tags(client.get("/policies/", {"q": "数字经济", "page": "9"}).content.decode())
    assert "第 9 页超出范围：共 25 篇，2 页" in past and "到最后一页（第 2 页）" in past
    assert "没有找到符合条件的政策" not in past


def test_empty_result_suggests_which_filter_to_drop(client, corpus):
    response = client.get("/policies/", {"q": "数据要素", "year": "2022"})
    assert response.context["page"].count == 0
    suggestions = {s["key"]: s["count"] for s in response.context["suggestions"]}
    assert suggestions == {"q": 2, "year": 1}
    assert "去掉年份“2022年”，可找到 1 篇" in strip_tags(response.content.decode())


@pytest.mark.parametrize("query", [{"page": "abc"}, {"sort": "popular"}, {"year": "twenty"}, {"province": "广东"},
                                   {"issuer": "-1x"}, {"page": "0"}])
def test_malformed_parameters_explain_themselves_with_400(client, corpus, query):
    response = client.get("/policies/", query)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and "检索条件有误" in html
    assert list(query)[0] in response.context["errors"]


@pytest.mark.parametrize("q", ['"', "-", "OR", "((", "a" * 600, "\x00", "<script>", "数据 -数据", "OR OR -"])
def test_odd_queries_never_fail(client, corpus, q):
    assert client.get("/policies/", {"q": q}).status_code in (200, 400)


def test_query_in_traditional_script_finds_simplified_policy(client, corpus):
    response = client.get("/policies/", {"q": "數據要素"})
    assert [hit.policy for hit in response.context["page"].hits] == [corpus["gd"]]


def test_drafts_are_not_listed(client, make_policy):
    make_policy("数字经济草稿", "数字经济", status="draft")
    assert client.get("/policies/", {"q": "数字经济"}).context["page"].count == 0


def test_search_page_links_exports_and_feed_with_its_filters(client, corpus):
    html = client.get("/policies/", {"q": "条例", "province": "440000", "page": "1"}).content.decode()
    assert 'href="/policies/export.csv?q=%E6%9D%A1%E4%BE%8B&amp;province=440000"' in html
    assert 'href="/feeds/policies/?q=%E6%9D%A1%E4%BE%8B&amp;province=440000"' in html


def test_choosing_another_value_replaces_the_filter_in_place(client, corpus):
    response = client.get("/policies/", {"province": "440000", "year": "2022", "page": "1"})
    years = {key: entries for key, _, entries in response.context["facets"]}["year"]
    assert [e["code"] for e in years] == [2023, 2022]  # the year facet ignores the year filter
    html = response.content.decode()
    assert 'href="?province=440000&amp;year=2023"' in html
    assert 'href="?province=440000" class="selected"' in html  # the chosen year's link removes it
