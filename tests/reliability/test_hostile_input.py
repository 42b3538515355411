"""No query or parameter, however odd, gives a server error or reaches a page unescaped.

The fixed lists name the inputs people and scanners actually send; hypothesis then mixes
them with arbitrary Unicode. Every response is checked the same way: status below 500,
HTML without injected elements or attributes, JSON that parses.
"""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings, strategies as st

from tests.reliability.markup import assert_no_injected_markup

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker):
    """The seeds imported once for the module (these tests only read), rolled back at its end."""
    from django.core.management import call_command
    from django.db import transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("import_policies", "fixtures/seeds", quiet=True)
            yield
            transaction.set_rollback(True)

ODD_QUERIES = [
    "", " ", '"', '""', '"数字经济', '数字经济"', '"""', "-", "--", "-数字经济", "- -", "OR", "OR OR", "数字经济 OR",
    "OR 数据", "AND", "NOT", "!", "&", "|", "&&", "||", ":*", "数字:*", "(", ")", "()", "((数据", "<->", "<2>",
    "\\", "\\\\", "\\'", '\\"', "%", "%%", "_", "%_%", "100%", "a_b", "\x00", "数字\x00经济", "\x01\x1b\x7f",
    "\u202e数字经济", "\u200f\u200e", "\u200b", "\ufeff", "\ufffe\uffff", "🙂", "👩‍💻 数据", "𠀀𪚥", "ｑｕｅｒｙ",
    "\r\n", "\t", "x" * 10_000, "数字经济 " * 2_000, "-" * 5_000, '"' * 3_001,
    "'; DROP TABLE documents_policy; --", "1' OR '1'='1", ") OR 1=1 --", "' UNION SELECT password FROM auth_user --",
    "<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg onload=alert(1)>", "javascript:alert(1)",
    "{{ 7*7 }}", "{% debug %}", "${7*7}", "]]>", "<!--", "&amp;&lt;", "%3Cscript%3E", "&#x3C;script&#x3E;",
]

MALFORMED = [
    {"page": "-1"}, {"page": "0"}, {"page": "99999999999999999999999"}, {"page": "1e9"}, {"page": "abc"},
    {"page": "1.5"}, {"page": ""}, {"page": "10000", "q": "数字经济"},
    {"page_size": "0"}, {"page_size": "-5"}, {"page_size": "1000000000"}, {"page_size": "x"},
    {"page_size": "99999999999999999999999"},
    {"year": "abc"}, {"year": "2024.0"}, {"year": "-1"}, {"year": "99999"}, {"year": "２０２４"},
    {"year": "99999999999999999999999"},
    {"province": "999999"}, {"province": "abc"}, {"province": "<script>x</script>"}, {"province": "' OR 1=1 --"},
    {"province": "440300"}, {"city": "440000"}, {"city": "x" * 5000},
    {"issuer": "abc"}, {"issuer": "-1"}, {"issuer": "99999999999999999999999"}, {"issuer": "1.5"},
    {"type": "不存在的类型"}, {"type": "<b>"}, {"sort": "random"}, {"sort": "-id"}, {"sort": ""},
    {"unknown": "x"}, {"script": "<x>"}, {"format": "xml"},
]

RAW_QUERY_STRINGS = [
    "q=%ff%fe", "q=%", "q=%zz", "q=%00", "q=a&q=b", "page=1&page=2", "q=%C0%AF", "%ff=1", "q", "=", "&&&",
    "q=" + "%E6%95%B0" * 3000, "year[]=1", "province[0]=440000",
]


def _check(response):
    assert response.status_code < 500, response.status_code
    content_type = response.get("Content-Type", "")
    if response.status_code in (301, 302):
        return
    body = response.content.decode("utf-8")
    if content_type.startswith("text/html"):
        assert_no_injected_markup(body)
    elif content_type.startswith("application/json"):
        json.loads(body)
    return body


SEARCH_URLS = ["/policies/", "/api/policies/", "/regions/440000/", "/feeds/policies/", "/policies/export.csv",
               "/policies/export.json", "/policies/export.bib", "/policies/export.ris"]


@pytest.mark.parametrize("url", SEARCH_URLS)
def test_odd_queries_never_fail(client, seeded, url):
    for q in ODD_QUERIES:
        _check(client.get(url, {"q": q}))


@pytest.mark.parametrize("url", SEARCH_URLS)
def test_malformed_parameters_get_a_400_with_a_message_never_a_500(client, seeded, url):
    for params in MALFORMED:
        response = client.get(url, params)
        body = _check(response)
        if response.status_code == 400 and url.startswith("/api/"):
            assert json.loads(body)["error"]
        elif response.status_code == 400:
            assert "有误" in body or "无效" in body or "应为" in body or "未知" in body, body[:500]


@pytest.mark.parametrize("url", SEARCH_URLS)
def test_raw_query_strings_with_broken_encoding_never_fail(client, seeded, url):
    for query_string in RAW_QUERY_STRINGS:
        _check(client.generic("GET", f"{url}?{query_string}"))


def test_page_size_is_capped_at_the_maximum(client, seeded):
    from documents.search.filters import MAX_PAGE_SIZE
    from documents.search.service import parse_search_params

    assert parse_search_params({"page_size": "1000000"}).page_size == MAX_PAGE_SIZE
    assert client.get("/api/policies/", {"page_size": "1000000"}).status_code == 200


def test_query_longer_than_the_limit_is_answered_quickly_and_bounded(client, seeded, settings):
    long_query = "数字经济发展" * 10_000
    response = client.get("/api/policies/", {"q": long_query})
    assert response.status_code in (200, 400)
    assert len(response.content) < 200_000


@pytest.mark.parametrize("path", [
    "/policies/0/", "/policies/99999999999999999999999/", "/api/policies/0/", "/api/policies/99999999999999999999999/",
    "/policies/99999999999999999999999/export.csv", "/regions/999999/", "/regions/%3Cscript%3E/",
    "/regions/" + "9" * 5000 + "/", "/regions/'%20OR%201=1/", "/policies/export.xml", "/policies/export.CSV",
    "/policies/export.", "/policies/1/export.pdf", "/api/policies/-1/", "/api/policies/abc/",
])
def test_unknown_ids_regions_and_formats_are_404(client, seeded, path):
    response = client.get(path)
    assert response.status_code == 404
    _check(response)


def test_other_methods_on_read_only_pages_never_fail(client):
    for url in ("/", "/policies/", "/api/policies/", "/feeds/policies/", "/policies/export.csv"):
        for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS"):
            _check(client.generic(method, url, b"q=x", content_type="application/x-www-form-urlencoded"))


# Property-based: hostile fragments mixed with arbitrary text (no lone surrogates: they cannot be sent as UTF-8).
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
FRAGMENT = st.one_of(TEXT, st.sampled_from([q for q in ODD_QUERIES if len(q) < 100]))
QUERY = st.lists(FRAGMENT, max_size=6).map(" ".join)
PARAM_VALUE = st.one_of(TEXT, st.integers(min_value=-(10**30), max_value=10**30).map(str),
                        st.sampled_from(["440000", "440100", "2024", "方案", "newest", "oldest", "1", "100"]))
PARAMS = st.dictionaries(st.sampled_from(["province", "city", "issuer", "year", "type", "sort", "page", "page_size"]),
                         PARAM_VALUE, max_size=4)
PROPERTY_SETTINGS = settings(max_examples=40, deadline=None,
                             suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


@PROPERTY_SETTINGS
@given(q=QUERY, params=PARAMS)
def test_search_page_and_api_survive_any_query_and_parameters(seeded, q, params):
    client = Client()
    for url in ("/policies/", "/api/policies/"):
        _check(client.get(url, {"q": q, **params}))


@PROPERTY_SETTINGS
@given(q=QUERY, params=PARAMS, fmt=st.sampled_from(["csv", "json", "bib", "ris"]))
def test_exports_and_feed_survive_any_query_and_parameters(seeded, q, params, fmt):
    client = Client()
    for url in (f"/policies/export.{fmt}", "/feeds/policies/"):
        _check(client.get(url, {"q": q, **params}))
