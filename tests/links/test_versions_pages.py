"""Versions as a reader meets them: 北京市机动车停车条例 2021 and 2024 from the shared corpus, the
timeline on each page with the version in force, the API's links.versions, and the comparison."""

import datetime
from pathlib import Path

import pytest
from django.test import Client

from documents.importing import import_document
from documents.models import Policy

pytestmark = pytest.mark.django_db
BEIJING = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook/DLC/北京地方法规/地方性法规/北京"


@pytest.fixture
def parking(db):
    def load(name):
        return import_document((BEIJING / name).read_bytes(), name, source_key=name).policy
    return load("北京市机动车停车条例(2021-09-24).md"), load("北京市机动车停车条例(2024-03-29).md")


def test_each_version_lists_both_and_marks_the_2024_text_in_force(client, parking):
    old, new = parking
    for policy in parking:
        html = client.get(f"/policies/{policy.pk}/").content.decode()
        assert "版本" in html and html.count("现行有效") == 1
        compare = f"/policies/{old.pk}/compare/{new.pk}/"
        assert compare in html  # the other version, compared with this one (older on the left)
    html = client.get(f"/policies/{old.pk}/").content.decode()
    assert html.index("现行有效") > html.index(new.get_absolute_url())


def test_the_api_lists_the_versions_with_the_one_in_force(client, parking):
    old, new = parking
    links = client.get(f"/api/policies/{old.pk}/").json()["links"]
    assert [(v["id"], v["in_force"]) for v in links["versions"]] == [(old.pk, False), (new.pk, True)]
    assert links["versions"][0]["compare_url"] is None
    assert links["versions"][1]["compare_url"] == f"http://testserver/policies/{old.pk}/compare/{new.pk}/"


def test_a_version_not_yet_in_effect_is_not_in_force(parking):
    from documents.links import versions_of
    old, new = parking
    before = versions_of(new, today=datetime.date(2024, 1, 1))
    assert [v.in_force for v in before] == [True, False]


def test_the_comparison_marks_changed_words_and_escapes_everything(client, parking):
    old, new = parking
    response = client.get(f"/policies/{old.pk}/compare/{new.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "未改 40 · 移动 0 · 修改 3 · 新增 0 · 删除 0" in html
    assert "<ins>由</ins>" in html and "<del>" in html
    Policy.objects.filter(pk=new.pk).update(title="<script>x</script>")
    html = client.get(f"/policies/{old.pk}/compare/{new.pk}/").content.decode()
    assert "<script>x" not in html and "&lt;script&gt;x" in html


def test_unknown_or_unpublished_policies_are_404(parking):
    old, new = parking
    Policy.objects.filter(pk=new.pk).update(status=Policy.Status.DRAFT)
    public = Client()
    assert public.get(f"/policies/{old.pk}/compare/{new.pk}/").status_code == 404
    assert public.get(f"/policies/{old.pk}/compare/999999/").status_code == 404
    assert public.get(f"/api/policies/{old.pk}/").json()["links"]["versions"] == []  # a draft is no version to see
