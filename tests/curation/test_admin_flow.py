"""The whole curation flow through the admin: upload → review → correct → publish → visible; withdraw → gone."""

import hashlib

import pytest
from django.urls import reverse

from documents.models import ImportRecord, Policy
from tests.curation.conftest import review_data, review_url, seed, upload

pytestmark = pytest.mark.django_db


def test_upload_review_correct_publish_then_withdraw(publisher_client, django_capture_on_commit_callbacks):
    data = seed("004").read_bytes()
    response = upload(publisher_client, ("004.txt", data))
    record = ImportRecord.objects.get()
    assert response.status_code == 302 and response["Location"] == review_url(record)
    assert record.outcome == "pending" and bytes(record.raw_bytes) == data
    assert record.raw_sha256 == hashlib.sha256(data).hexdigest()

    review = publisher_client.get(review_url(record))
    page = review.content.decode()
    assert "工信部部長金壯龍" in page and "工业和信息化部" in page  # extracted title and issuer
    assert 'name="action" value="publish"' in page

    corrected = "工信部部长金壮龙：引导有条件的高新区建设未来产业先导区"
    response = publisher_client.post(review_url(record), review_data(review, title=corrected, action="publish"))
    policy = Policy.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("admin:documents_policy_change",
                                                                           args=[policy.pk])
    assert policy.title == corrected and policy.status == "published"
    assert policy.manual_fields == ["title"]
    assert policy.sections.count() == 3 and [i.name for i in policy.issuers.all()] == ["工业和信息化部"]
    record.refresh_from_db()
    assert record.policy == policy and record.outcome == "created"

    publisher_client.logout()
    api = publisher_client.get(f"/api/policies/{policy.pk}/")
    assert api.status_code == 200 and api.json()["title"] == corrected
    assert publisher_client.get(f"/policies/{policy.pk}/").status_code == 200
    assert publisher_client.get("/api/policies/", {"q": "金壮龙"}).json()["count"] == 1  # indexed on publish

    publisher_client.force_login(record_user("publisher"))
    with django_capture_on_commit_callbacks(execute=True):  # its commit starts a new search cache generation
        response = publisher_client.post(reverse("admin:documents_policy_changelist"),
                                         {"action": "withdraw", "_selected_action": [policy.pk]})
    assert response.status_code == 302
    policy.refresh_from_db()
    assert policy.status == "withdrawn"
    publisher_client.logout()
    assert publisher_client.get(f"/api/policies/{policy.pk}/").status_code == 404
    assert publisher_client.get(f"/policies/{policy.pk}/").status_code == 404
    assert publisher_client.get("/api/policies/", {"q": "金壮龙"}).json()["count"] == 0


def record_user(name):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.get(username=name)


def test_saving_as_draft_keeps_the_policy_off_public_pages(editor_client, client):
    upload(editor_client, ("001.txt", seed("001").read_bytes()))
    record = ImportRecord.objects.get()
    review = editor_client.get(review_url(record))
    editor_client.post(review_url(record), review_data(review, action="draft"))
    policy = Policy.objects.get()
    assert policy.status == "draft" and policy.manual_fields == []
    editor_client.logout()
    assert client.get(f"/policies/{policy.pk}/").status_code == 404
    assert client.get(f"/api/policies/{policy.pk}/").status_code == 404
    assert client.get("/api/policies/").json()["count"] == 0
    assert "<entry>" not in client.get("/feeds/policies/").content.decode()
    assert policy.title not in client.get("/policies/export.csv").content.decode()


def test_review_screen_shows_fields_warnings_sections_and_highlights_mojibake_escaped(editor_client):
    raw = seed("004").read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n"
    upload(editor_client, ("004.txt", raw.encode()))
    page = editor_client.get(review_url(ImportRecord.objects.get())).content.decode()
    assert '<mark class="mojibake">?jiān)跁</mark><mark class="mojibake">?huì)</mark>' in page
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "mojibake" in page and "疑似乱码" in page  # the warning with its message and context
    assert "一是" in page and "二是" in page  # the section tree
    assert "新闻发布" in page  # the policy type
    assert 'id="date-precision"' in page and "流水线识别精度：日" in page


def test_review_shows_a_missing_year_as_such(editor_client):
    upload(editor_client, ("003.txt", seed("003").read_bytes()))
    review = editor_client.get(review_url(ImportRecord.objects.get()))
    assert review.context["form"].initial["date_month"] == 8 and review.context["form"].initial["date_year"] is None
    assert "日期缺少年份" in review.content.decode()


def test_correcting_the_date_marks_it_manual_and_derives_the_precision(publisher_client):
    upload(publisher_client, ("003.txt", seed("003").read_bytes()))
    record = ImportRecord.objects.get()
    review = publisher_client.get(review_url(record))
    publisher_client.post(review_url(record), review_data(review, date_year=2023, action="draft"))
    policy = Policy.objects.get()
    assert (policy.date_year, policy.date_month, policy.date_day, policy.date_precision) == (2023, 8, 31, "day")
    assert policy.manual_fields == ["date"]


def test_an_impossible_date_is_refused_with_a_message(publisher_client):
    upload(publisher_client, ("003.txt", seed("003").read_bytes()))
    record = ImportRecord.objects.get()
    review = publisher_client.get(review_url(record))
    response = publisher_client.post(review_url(record), review_data(review, date_year=2023, date_month=2,
                                                                      date_day=30, action="draft"))
    assert response.status_code == 200 and "不是有效日期" in response.content.decode()
    assert not Policy.objects.exists()


def test_several_files_and_a_paste_become_pending_reviews(editor_client):
    response = upload(editor_client, ("000.txt", seed("000").read_bytes()), ("002.txt", seed("002").read_bytes()),
                      text=seed("003").read_text(encoding="utf-8"))
    assert response.status_code == 302 and "outcome__exact=pending" in response["Location"]
    records = ImportRecord.objects.order_by("pk")
    assert [r.file_name for r in records] == ["000.txt", "002.txt", "粘贴文本.txt"]
    assert all(r.outcome == "pending" for r in records)
    listing = editor_client.get(response["Location"]).content.decode()
    assert all(review_url(r) in listing for r in records)


def test_a_bad_file_is_refused_with_a_message_and_nothing_stored(editor_client):
    response = upload(editor_client, ("empty.txt", b""), ("menu.txt", "- 首页\n- 新闻".encode()), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("empty.txt" in m for m in messages) and any("menu.txt" in m for m in messages)
    assert not ImportRecord.objects.exists()


def test_an_unsupported_file_type_is_refused(editor_client):
    response = upload(editor_client, ("scan.png", b"\x89PNG\r\n"), follow=True)
    assert any("不受支持" in str(m) for m in response.context["messages"])
    assert not ImportRecord.objects.exists()


def test_discarding_keeps_the_raw_bytes(editor_client):
    upload(editor_client, ("002.txt", seed("002").read_bytes()))
    record = ImportRecord.objects.get()
    editor_client.post(review_url(record), {"action": "discard"})
    record.refresh_from_db()
    assert record.outcome == "discarded" and bytes(record.raw_bytes) == seed("002").read_bytes()
    assert not Policy.objects.exists()
    raw = editor_client.get(reverse("admin:documents_importrecord_raw", args=[record.pk]))
    assert raw.status_code == 200 and raw.content == seed("002").read_bytes()


def test_a_reviewed_record_cannot_be_accepted_twice(publisher_client):
    upload(publisher_client, ("004.txt", seed("004").read_bytes()))
    record = ImportRecord.objects.get()
    review = publisher_client.get(review_url(record))
    data = review_data(review, action="draft")
    publisher_client.post(review_url(record), data)
    again = publisher_client.post(review_url(record), data)
    assert again.status_code == 302 and Policy.objects.count() == 1


def test_new_policies_in_the_admin_go_through_the_import(publisher_client):
    response = publisher_client.get(reverse("admin:documents_policy_add"))
    assert response.status_code == 302 and response["Location"] == reverse("admin:documents_importrecord_import")
