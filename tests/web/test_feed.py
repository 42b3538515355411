import xml.etree.ElementTree as ET

import pytest

from documents.models import Policy

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def entries(response):
    root = ET.fromstring(response.content)
    return [(e.find(f"{ATOM}title").text, e.find(f"{ATOM}link").get("href")) for e in root.iter(f"{ATOM}entry")]


def test_feed_is_atom_with_the_filtered_newest_policies(client, make_policy):
    gd = make_policy("广东省数字经济促进条例", "数字经济", region="440000", year=2021)
    make_policy("江苏省数字经济促进条例", "数字经济", region="320000", year=2022)
    make_policy("广东省草稿", "数字经济", region="440000", status=Policy.Status.DRAFT)
    response = client.get("/feeds/policies/", {"q": "数字经济", "province": "440000"})
    assert response.status_code == 200 and response["Content-Type"].startswith("application/atom+xml")
    assert entries(response) == [("广东省数字经济促进条例", f"http://testserver/policies/{gd.pk}/")]


def test_feed_without_filters_lists_newest_first(client, make_policy):
    make_policy("先收录", year=2024)
    make_policy("后收录", year=2001)
    assert [title for title, _ in entries(client.get("/feeds/policies/"))] == ["后收录", "先收录"]


def test_feed_with_malformed_filters_is_400(client, db):
    assert client.get("/feeds/policies/", {"sort": "x"}).status_code == 400
