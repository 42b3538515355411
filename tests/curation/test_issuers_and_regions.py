"""Issuer aliases merged in the admin; a policy's region reassigned from the gazetteer with search-as-you-type."""

import pytest
from django.urls import reverse

from documents.curation.issuers import merge_issuers
from documents.importing import save_issuers
from documents.models import Issuer, Policy
from tests.curation.test_history import published  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def aliases(make_policy):
    full = Issuer.objects.create(name="广东省人民政府", kind="government")
    short = Issuer.objects.create(name="广东省政府", aliases=["粤府"])
    a = make_policy("甲方案", "正文" * 10, issuers=["广东省人民政府"])
    b = make_policy("乙方案", "正文" * 11, issuers=["广东省政府"])
    both = make_policy("丙方案", "正文" * 12, issuers=["广东省人民政府", "广东省政府"])
    return full, short, (a, b, both)


def test_merge_moves_policies_and_keeps_the_names_as_aliases(aliases):
    full, short, (a, b, both) = aliases
    assert merge_issuers(full, [short]) == 1
    full.refresh_from_db()
    assert full.aliases == ["广东省政府", "粤府"]
    assert not Issuer.objects.filter(name="广东省政府").exists()
    for policy in (a, b, both):
        assert [i.name for i in policy.issuers.all()] == ["广东省人民政府"]
    assert b.history.first().history_change_reason == "合并发布机构：广东省政府 → 广东省人民政府"


def test_a_merged_alias_resolves_to_the_issuer_at_the_next_import(aliases):
    full, short, (a, *_) = aliases
    merge_issuers(full, [short])
    save_issuers(a, ["广东省政府"])
    assert list(a.issuers.all()) == [full]


def test_merge_action_asks_for_the_name_to_keep_then_merges(publisher_client, aliases):
    full, short, _ = aliases
    url = reverse("admin:documents_issuer_changelist")
    selected = {"action": "merge", "_selected_action": [full.pk, short.pk]}
    page = publisher_client.post(url, selected)
    content = page.content.decode()
    assert page.status_code == 200 and content.count('name="target"') == 2 and "广东省政府" in content
    assert Issuer.objects.count() == 2  # nothing merged before the choice
    response = publisher_client.post(url, {**selected, "target": full.pk})
    assert response.status_code == 302
    assert list(Issuer.objects.values_list("name", flat=True)) == ["广东省人民政府"]


def test_editors_cannot_merge_issuers(editor_client, aliases):
    full, short, _ = aliases
    editor_client.post(reverse("admin:documents_issuer_changelist"),
                       {"action": "merge", "_selected_action": [full.pk, short.pk], "target": full.pk})
    assert Issuer.objects.count() == 2


def test_region_search_as_you_type_finds_prefecture_cities(editor_client):
    response = editor_client.get(reverse("admin:autocomplete"), {
        "app_label": "documents", "model_name": "policy", "field_name": "region", "term": "苏州"})
    assert response.status_code == 200
    assert {"id": "320500", "text": "苏州市"} in response.json()["results"]


def test_the_policy_form_uses_autocomplete_for_region_and_issuers(publisher_client, published):  # noqa: F811
    page = publisher_client.get(reverse("admin:documents_policy_change", args=[published.pk])).content.decode()
    assert 'data-field-name="region"' in page and 'data-field-name="issuers"' in page
    assert "admin-autocomplete" in page


def test_reassigning_the_region_updates_the_province_and_marks_it_manual(publisher_client, published):  # noqa: F811
    from tests.curation.test_history import edit

    edit(publisher_client, published, region="320500")
    published.refresh_from_db()
    assert published.region_id == "320500" and published.province_id == "320000"
    assert "region" in published.manual_fields
    assert Policy.objects.filter(province_id="320000").count() == 1
