import pytest
from django.utils.html import strip_tags

pytestmark = pytest.mark.django_db


@pytest.fixture
def guangdong(make_policy):
    make_policy("广东省数字经济促进条例", "数字经济", region="440000", issuers=["广东省人民代表大会常务委员会"],
                year=2021, policy_type="条例")
    make_policy("深圳市数据条例", "数据要素", region="440300", issuers=["深圳市人民代表大会常务委员会"],
                year=2021, policy_type="条例")
    make_policy("深圳市人工智能产业促进条例", "人工智能", region="440300", issuers=["深圳市人民代表大会常务委员会"],
                year=2023, policy_type="条例")
    make_policy("江苏省数字经济促进条例", "数字经济", region="320000", year=2022)


def test_province_page_has_chart_issuers_cities_and_its_policies(client, guangdong):
    response = client.get("/regions/440000/")
    html = response.content.decode()
    assert "<h1>广东省" in html
    assert '<svg class="chart" role="img"' in html and "<title>2021年：2 篇</title>" in html
    assert "<title>2022年：0 篇</title>" in html  # gaps between years are shown as zero
    assert [(i.name, i.n) for i in response.context["issuers"]][0] == ("深圳市人民代表大会常务委员会", 2)
    cities = {c.code: c.n for c in response.context["cities"]}
    assert cities["440300"] == 2 and cities["440100"] == 0 and len(cities) == 21
    assert response.context["page"].count == 3
    assert "江苏省数字经济促进条例" not in html


def test_province_page_facets_filter_within_the_province(client, guangdong):
    response = client.get("/regions/440000/", {"year": "2023"})
    assert [hit.policy.title for hit in response.context["page"].hits] == ["深圳市人工智能产业促进条例"]
    keys = [key for key, _, _ in response.context["facets"]]
    assert "province" not in keys and "city" in keys
    assert 'href="/policies/export.csv?year=2023&amp;province=440000"' in response.content.decode()


def test_city_page_lists_only_the_city(client, guangdong):
    response = client.get("/regions/440300/")
    assert response.context["page"].count == 2
    text = strip_tags(response.content.decode())
    assert "广东省" in text  # breadcrumb to the province
    assert response.context["cities"] == []


def test_region_with_malformed_filter_is_400(client, guangdong):
    response = client.get("/regions/440000/", {"page": "x"})
    assert response.status_code == 400 and "检索条件有误" in response.content.decode()


def test_unknown_region_is_404(client, db):
    assert client.get("/regions/999999/").status_code == 404
    assert client.get("/regions/abc/").status_code == 404


def test_national_root_has_no_region_page(client, make_policy):
    policy = make_policy("国务院关于数字经济的意见", "数字经济", region="000000", year=2022)
    assert client.get("/regions/000000/").status_code == 404
    assert 'href="/regions/000000/"' not in client.get(policy.get_absolute_url()).content.decode()


def test_pages_refuse_post(client, db):
    for url in ("/", "/policies/", "/regions/440000/", "/feeds/policies/", "/policies/export.csv"):
        assert client.post(url).status_code == 405
