"""Cached facet counts are left behind by a change made in any process, not only in the one that cached them."""

import pytest
from django.conf import settings

from documents.models import Policy
from documents.search.service import SearchParams, search_policies

from tests.search.conftest import make_policy  # noqa: F401 — the fixture

from .conftest import database_url, manage

pytestmark = pytest.mark.django_db


def province_counts(page):
    return {item["code"]: item["count"] for item in page.facets["province"]}


def test_a_change_in_another_process_invalidates_this_process_cached_counts(make_policy):  # noqa: F811
    make_policy("广州数字经济方案", "正文。", region="440100")
    moved = make_policy("杭州数字经济方案", "正文。", region="330100")
    assert province_counts(search_policies(SearchParams(q="数字经济"))) == {"440000": 1, "330000": 1}

    # As another process sees it: the row changes without this process's signals (an import, another
    # web worker), and that process starts a new generation in the database both share.
    Policy.objects.filter(pk=moved.pk).update(region_id="440300", province_id="440000", city_id="440300")
    assert province_counts(search_policies(SearchParams(q="数字经济"))) == {"440000": 1, "330000": 1}  # cached
    manage("shell", "-c", "from documents.search.cache import invalidate; invalidate()",
           env={"DATABASE_URL": database_url(settings.DATABASES["default"]["NAME"])})
    assert province_counts(search_policies(SearchParams(q="数字经济"))) == {"440000": 2}
