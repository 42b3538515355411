"""Who may do what: editors import and edit drafts; publishers publish and withdraw; anonymous users log in first."""

import pytest
from django.urls import reverse

from documents.models import ImportRecord, Policy
from tests.curation.conftest import review_data, review_url, seed, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def pending(editor_client):
    upload(editor_client, ("004.txt", seed("004").read_bytes()))
    return ImportRecord.objects.get()


def test_editor_sees_no_publish_button_and_cannot_publish_from_the_review(editor_client, pending):
    review = editor_client.get(review_url(pending))
    assert 'value="publish"' not in review.content.decode() and 'value="draft"' in review.content.decode()
    response = editor_client.post(review_url(pending), review_data(review, action="publish"))
    assert response.status_code == 403
    assert not Policy.objects.exists()


def test_editor_cannot_run_the_publish_action(editor_client, pending):
    review = editor_client.get(review_url(pending))
    editor_client.post(review_url(pending), review_data(review, action="draft"))
    policy = Policy.objects.get()
    changelist = editor_client.get(reverse("admin:documents_policy_changelist"))
    assert 'value="publish"' not in changelist.content.decode()
    editor_client.post(reverse("admin:documents_policy_changelist"),
                       {"action": "publish", "_selected_action": [policy.pk]})
    policy.refresh_from_db()
    assert policy.status == "draft"


def test_editor_cannot_change_the_status_field(editor_client, pending):
    review = editor_client.get(review_url(pending))
    editor_client.post(review_url(pending), review_data(review, action="draft"))
    policy = Policy.objects.get()
    form = editor_client.get(reverse("admin:documents_policy_change", args=[policy.pk]))
    assert 'name="status"' not in form.content.decode()  # shown read-only


def test_editor_edits_drafts_but_only_views_published_policies(editor_client, pending):
    review = editor_client.get(review_url(pending))
    editor_client.post(review_url(pending), review_data(review, action="draft"))
    policy = Policy.objects.get()
    url = reverse("admin:documents_policy_change", args=[policy.pk])
    assert 'name="title"' in editor_client.get(url).content.decode()
    Policy.objects.filter(pk=policy.pk).update(status="published")
    page = editor_client.get(url)
    assert page.status_code == 200 and 'name="title"' not in page.content.decode()
    editor_client.post(url, {"title": "改掉"})
    policy.refresh_from_db()
    assert policy.title != "改掉"


def test_publisher_publishes_from_the_review(publisher_client):
    upload(publisher_client, ("004.txt", seed("004").read_bytes()))
    record = ImportRecord.objects.get()
    review = publisher_client.get(review_url(record))
    publisher_client.post(review_url(record), review_data(review, action="publish"))
    assert Policy.objects.get().status == "published"


def test_publisher_can_withdraw_by_editing_the_status(publisher_client):
    upload(publisher_client, ("004.txt", seed("004").read_bytes()))
    record = ImportRecord.objects.get()
    review = publisher_client.get(review_url(record))
    publisher_client.post(review_url(record), review_data(review, action="publish"))
    policy = Policy.objects.get()
    url = reverse("admin:documents_policy_change", args=[policy.pk])
    form = publisher_client.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(status="withdrawn", issuers=[i.pk for i in policy.issuers.all()])
    data.update(management_forms(publisher_client.get(url)))
    response = publisher_client.post(url, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    policy.refresh_from_db()
    assert policy.status == "withdrawn"


def management_forms(response) -> dict:
    """The inline formsets' management fields, unchanged."""
    data = {}
    for formset in response.context["inline_admin_formsets"]:
        for field in formset.formset.management_form:
            data[field.html_name] = field.value()
        for form in formset.formset.forms:
            for field in form:
                value = field.value()
                if value is not None and value is not False:
                    data[field.html_name] = value.pk if hasattr(value, "pk") else value
    return data


@pytest.mark.parametrize("name", ["admin:documents_importrecord_import", "admin:documents_policy_changelist"])
def test_anonymous_users_are_sent_to_the_login(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_anonymous_users_cannot_review_an_import(client, pending):
    client.logout()  # the same client uploaded as an editor
    response = client.get(review_url(pending))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_staff_without_the_import_permission_cannot_import(client, django_user_model):
    user = django_user_model.objects.create_user("reader", "r@example.org", "pw-for-tests-only", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("admin:documents_importrecord_import")).status_code == 403


def test_the_groups_carry_the_custom_permissions(editor, publisher):
    assert editor.has_perm("documents.add_importrecord") and editor.has_perm("documents.change_policy")
    assert not editor.has_perm("documents.publish_policy") and not editor.has_perm("documents.withdraw_policy")
    assert publisher.has_perm("documents.publish_policy") and publisher.has_perm("documents.withdraw_policy")


def test_anonymous_users_never_see_quality_warnings(publisher_client):
    client = publisher_client
    upload(publisher_client, ("004.txt", seed("004").read_bytes()))
    record = ImportRecord.objects.get()
    review = publisher_client.get(review_url(record))
    publisher_client.post(review_url(record), review_data(review, action="publish"))
    policy = Policy.objects.get()
    assert policy.quality_warnings
    client.logout()  # anonymous from here on
    assert "quality_warnings" not in client.get(f"/api/policies/{policy.pk}/").json()
    public = client.get(f"/policies/{policy.pk}/").content.decode()
    assert "质量警告" not in public and "请对照原文核对" not in public  # readers see the span marked, not the warnings
