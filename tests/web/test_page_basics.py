"""Every page: a title, the language of its script, a description, the skip link and labelled search."""

import re

import pytest

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(make_policy):
    policy = make_policy("苏州市数字经济发展规划", "一、总体要求\n正文。", sections=[("一、", "总体要求", "正文。")],
                         region="320500", year=2022, policy_type="规划")
    return {
        "/": "数字经济政策档案",
        "/policies/": "政策检索",
        "/policies/?q=数字经济": "“数字经济”的检索结果",
        policy.get_absolute_url(): "苏州市数字经济发展规划",
        "/regions/320000/": "江苏省的数字经济政策",
        "/regions/320500/": "苏州市的数字经济政策",
    }


def test_every_page_has_title_lang_description_skip_link_and_one_h1(client, pages):
    for url, title in pages.items():
        html = client.get(url).content.decode()
        assert re.search(r"<title>[^<]*" + re.escape(title), html), url
        assert '<html lang="zh-Hans">' in html, url
        assert re.search(r'<meta name="description" content="[^"]{10,}">', html), url
        assert '<a class="skip" href="#main">' in html and '<main id="main"' in html, url
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in html, url
        assert html.count("<h1") == 1, url


def test_search_inputs_have_labels(client, pages):
    for url in pages:
        html = client.get(url).content.decode()
        for input_id in re.findall(r'<input id="([^"]+)" name="q"', html):
            assert f'<label for="{input_id}"' in html, url


def test_static_files_are_served_by_whitenoise(client, pages):
    html = client.get("/").content.decode()
    css = re.search(r'href="([^"]+site\.css)"', html).group(1)
    assert client.get(css).status_code == 200


@pytest.mark.parametrize("url", ["/no-such-page/", "/regions/000000/", "/policies/999999/"])
def test_a_missing_page_is_the_sites_404_with_a_way_on(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "没有找到这个页面" in html and 'href="/policies/"' in html and 'class="site-header"' in html
    assert "urlpatterns" not in html.lower() and "Traceback" not in html


def test_a_server_error_is_the_sites_500_page(rf):
    from django.views.defaults import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500 and "服务器出错了" in response.content.decode()
