"""History: who changed what and when, visible in the admin and revertible; a revert re-indexes the policy."""

import pytest
from django.urls import reverse

from documents.models import ImportRecord, Policy, TaskSection
from tests.curation.conftest import commit, review_data, review_url, seed, upload
from tests.curation.test_permissions import management_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(publisher_client):
    upload(publisher_client, ("004.txt", seed("004").read_bytes()))
    record = ImportRecord.objects.get()
    review = publisher_client.get(review_url(record))
    publisher_client.post(review_url(record), review_data(review, action="publish"))
    commit()
    return Policy.objects.get()


def edit(client, policy, **changes):
    url = reverse("admin:documents_policy_change", args=[policy.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["issuers"] = [i.pk for i in policy.issuers.all()]
    data.update(management_forms(page))
    data.update(changes)
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    return response


def test_an_admin_edit_is_recorded_with_who_when_and_what(publisher_client, publisher, published):
    original = published.title
    edit(publisher_client, published, title="数字园区建设的新标题")
    latest = published.history.first()
    assert latest.title == "数字园区建设的新标题" and latest.history_user == publisher
    delta = latest.diff_against(latest.prev_record)
    changes = {change.field: change for change in delta.changes}
    assert set(changes) == {"title", "manual_fields"}  # the edit also marks the title as hand-made
    assert changes["title"].old == original
    page = publisher_client.get(reverse("admin:documents_policy_history", args=[published.pk])).content.decode()
    assert "publisher" in page and "数字园区建设的新标题" in page


def test_an_admin_edit_marks_the_field_manual(publisher_client, published):
    edit(publisher_client, published, doc_number="工信部〔2024〕1号")
    published.refresh_from_db()
    assert published.manual_fields == ["doc_number"]


def test_reverting_restores_the_old_title_and_reindexes(publisher_client, published):
    original = published.title
    edit(publisher_client, published, title="量子纠缠测试标题")
    commit()
    assert found(publisher_client, "量子纠缠") == 1
    old = published.history.filter(title=original).first()
    url = reverse("admin:documents_policy_simple_history", args=[published.pk, old.history_id])
    page = publisher_client.get(url)
    assert page.status_code == 200
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["issuers"] = [i.pk for i in published.issuers.all()]
    response = publisher_client.post(url, data)
    commit()
    assert response.status_code == 302
    published.refresh_from_db()
    assert published.title == original
    assert found(publisher_client, "量子纠缠") == 0  # the reverted title left the index
    assert found(publisher_client, "金壮龙") == 1
    assert published.history.first().title == original  # the revert is itself in the history


def found(client, query) -> int:
    return client.get("/api/policies/", {"q": query}).json()["count"]


def test_status_changes_are_in_the_history(publisher_client, published):
    publisher_client.post(reverse("admin:documents_policy_changelist"),
                          {"action": "withdraw", "_selected_action": [published.pk]})
    assert [h.status for h in published.history.all()[:2]] == ["withdrawn", "published"]


def test_section_edits_are_recorded_and_mark_sections_manual(publisher_client, publisher, published):
    section = published.sections.order_by("position").first()
    assert section.history.count() == 1  # created by the import
    url = reverse("admin:documents_tasksection_change", args=[section.pk])
    form = publisher_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["heading"] = "增强产业科技创新能力（已校对）"
    assert publisher_client.post(url, data).status_code == 302
    section.refresh_from_db()
    assert section.history.first().history_user == publisher and section.history.count() == 2
    published.refresh_from_db()
    assert "sections" in published.manual_fields
    history = publisher_client.get(reverse("admin:documents_tasksection_history", args=[section.pk]))
    assert history.status_code == 200


def test_issuer_changes_are_recorded(publisher_client, published):
    issuer = published.issuers.get()
    assert issuer.history.count() == 1
    assert publisher_client.get(reverse("admin:documents_issuer_history", args=[issuer.pk])).status_code == 200


def test_sections_deleted_by_a_reimport_leave_history(published):
    from documents.importing import save_sections

    section_ids = list(published.sections.values_list("pk", flat=True))
    save_sections(published, [])
    assert not TaskSection.objects.filter(pk__in=section_ids).exists()
    assert TaskSection.history.filter(id__in=section_ids, history_type="-").count() == len(section_ids)
