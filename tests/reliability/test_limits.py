"""Bounds on what one client can ask of the server, each with a message that says what to do."""

import pytest
from django.core.cache import cache
from django.test import Client

from documents.models import Policy

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()
    yield
    cache.clear()


def test_request_body_over_the_upload_limit_is_refused_before_any_view(client, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    response = client.generic("POST", "/admin/login/", b"x" * 1025, content_type="application/octet-stream")
    assert response.status_code == 413
    assert "上传内容过大" in response.content.decode()
    assert client.generic("POST", "/admin/login/", b"x" * 100, content_type="text/plain").status_code != 413


def test_invalid_content_length_is_a_400(client):
    assert client.generic("POST", "/admin/login/", b"", CONTENT_LENGTH="-5").status_code == 400


def test_exports_and_feeds_are_rate_limited_per_client(settings, seeded_module):
    settings.EXPENSIVE_RATE_LIMIT = 3
    first, second = Client(REMOTE_ADDR="192.0.2.1"), Client(REMOTE_ADDR="192.0.2.2")
    urls = ["/policies/export.csv", "/feeds/policies/", "/policies/export.json"]
    assert [first.get(url).status_code for url in urls] == [200, 200, 200]
    refused = first.get(f"/policies/{Policy.objects.earliest('pk').pk}/export.ris")  # ids depend on earlier tests
    assert refused.status_code == 429 and refused["Retry-After"] == "60"
    assert "过于频繁" in refused.content.decode()
    assert second.get("/policies/export.csv").status_code == 200  # another client is not affected
    assert first.get("/policies/").status_code == 200  # pages and the API are not throttled
    assert first.get("/api/policies/").status_code == 200


def test_rate_limit_counts_the_address_a_trusted_proxy_appended(settings, seeded_module):
    settings.EXPENSIVE_RATE_LIMIT, settings.TRUSTED_PROXY_COUNT = 1, 1
    proxy = "10.0.0.1"
    alice = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="forged, 198.51.100.1")
    bob = Client(REMOTE_ADDR=proxy, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert alice.get("/feeds/policies/").status_code == 200
    assert alice.get("/feeds/policies/").status_code == 429
    assert bob.get("/feeds/policies/").status_code == 200


def test_export_larger_than_the_maximum_is_refused_with_advice(client, settings, seeded_module):
    settings.EXPORT_MAX_ROWS = 2
    response = client.get("/policies/export.csv")
    assert response.status_code == 400
    html = response.content.decode()
    assert "超过单次导出上限 2 篇" in html and "缩小范围" in html


def test_feed_has_a_bounded_number_of_entries(client, seeded_module):
    from documents.feeds import FEED_SIZE

    assert 0 < FEED_SIZE <= 100
    assert client.get("/feeds/policies/").content.decode().count("<entry>") <= FEED_SIZE


def test_failed_admin_logins_lock_out_that_user_from_that_address(django_user_model, settings):
    django_user_model.objects.create_superuser("curator", "c@example.org", "correct-horse-battery")
    client = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post("/admin/login/?next=/admin/", {"username": "curator", "password": "wrong"})
        assert response.status_code == 200  # the form again, with Django's error
    locked = client.post("/admin/login/?next=/admin/", {"username": "curator", "password": "wrong"})
    assert locked.status_code == 429 and "登录已暂停" in locked.content.decode()
    # Even the right password is refused during the cool-off…
    assert client.post("/admin/login/", {"username": "curator", "password": "correct-horse-battery"}).status_code == 429
    # …but only for that user from that address.
    other = Client(REMOTE_ADDR="203.0.113.10")
    assert other.post("/admin/login/", {"username": "curator", "password": "correct-horse-battery"}).status_code == 302
