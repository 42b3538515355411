"""A policy whose title and text carry markup shows it as text everywhere: pages, exports, feed."""

import json

import pytest

from documents.models import Issuer, Policy

pytestmark = pytest.mark.django_db

EVIL_TITLE = '数字经济<script>alert(1)</script>方案'
EVIL_TEXT = '一、总体<img src=x onerror=alert(2)>要求\n数字经济"><svg onload=alert(3)>发展。'


@pytest.fixture
def evil(make_policy):
    policy = make_policy(EVIL_TITLE, EVIL_TEXT, sections=[("一、", "总体<img src=x onerror=alert(2)>要求", "")],
                         region="440000", issuers=['<b onmouseover="x">机构</b>'], year=2024)
    Policy.objects.filter(pk=policy.pk).update(
        doc_number="<i>号</i>", source_site="<script>s</script>", source_url="https://example.org/?a=<x>",
        quality_warnings=[{"kind": "<k>", "message": "<script>w</script>", "position": 1, "context": "<img>"}])
    return policy


def assert_inert(html):
    for raw in ("<script>alert", "<img src=x", "<svg onload", "<b onmouseover", "<i>号", "<script>s<", "<script>w<"):
        assert raw not in html


@pytest.mark.parametrize("url", ["/", "/policies/", "/policies/?q=数字经济", "/policies/?q=总体要求",
                                 "/regions/440000/", "/policies/?q=script", "/policies/?q=<script>alert(1)</script>"])
def test_listing_pages_escape_markup(client, evil, url):
    html = client.get(url).content.decode()
    assert_inert(html)


def test_detail_escapes_markup_for_staff_and_in_both_scripts(staff_client, evil):
    for script in ("hans", "hant"):
        html = staff_client.get(evil.get_absolute_url(), {"script": script}).content.decode()
        assert_inert(html)
        assert "&lt;script&gt;" in html


def test_search_by_issuer_escapes_the_chip(client, evil):
    issuer = Issuer.objects.get(name__contains="机构")
    assert_inert(client.get("/policies/", {"issuer": issuer.pk}).content.decode())


def test_feed_escapes_markup(client, evil):
    body = client.get("/feeds/policies/").content.decode()
    assert_inert(body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_exports_carry_the_text_verbatim_as_data_not_markup(client, evil):
    data = json.loads(client.get("/policies/export.json").content)
    assert data["policies"][0]["title"] == EVIL_TITLE  # JSON strings are data; the API consumer escapes
    for fmt in ("csv", "bib", "ris"):
        response = client.get(f"/policies/export.{fmt}")
        assert response["Content-Disposition"].startswith("attachment;")
        assert not response["Content-Type"].startswith("text/html")
        assert response["X-Content-Type-Options"] == "nosniff"


def test_malformed_parameter_message_escapes_the_value(client, evil):
    html = client.get("/policies/", {"province": "<script>x</script>"}).content.decode()
    assert "<script>x" not in html
