import pytest

from documents.models import Policy


def get_json(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status
    return response.json()


@pytest.mark.django_db
def test_policy_detail_api_gives_every_field(client, seeded_module):
    policy = Policy.objects.get(title__startswith="廣東省國家數字經濟")
    data = get_json(client, f"/api/policies/{policy.pk}/")
    assert data["id"] == policy.pk and data["url"].endswith(f"/policies/{policy.pk}/")
    assert data["region"] == {"code": "440000", "name": "广东省"}
    assert data["province"] == {"code": "440000", "name": "广东省"}
    assert data["issuers"] == [{"name": "广东省人民政府"}]
    assert data["date"] is None and data["date_precision"] == "unknown"
    assert data["policy_type"] == "方案"
    assert data["script"] == "hant"
    assert "數字經濟" in data["text"] and "政務微博" not in data["text"]
    assert [s["number"] for s in data["sections"]] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert all(s["anchor"] and s["level"] == 1 for s in data["sections"])
    assert set(data["source"]) == {"site", "url"}
    assert data["title_en"] == "" and data["citation_code"] == "" and data["effective_date"] is None
    assert "quality_warnings" not in data  # only staff see what the pipeline was unsure about


@pytest.mark.django_db
def test_staff_see_quality_warnings_with_positions(staff_client, seeded_module):
    policy = Policy.objects.get(title__startswith="全省數字經濟")
    data = get_json(staff_client, f"/api/policies/{policy.pk}/")
    kinds = {w["kind"] for w in data["quality_warnings"]}
    assert "date_year_unknown" in kinds
    assert data["date"] == "--08-31" and data["date_precision"] == "day"
    assert data["province"]["code"] == "370000"
    assert all(isinstance(w["position"], (int, type(None))) for w in data["quality_warnings"])


@pytest.mark.django_db
def test_section_tree_of_the_suzhou_plan(client, seeded_module):
    policy = Policy.objects.get(title="打造国际一流的数字创新生态实施方案")
    sections = get_json(client, f"/api/policies/{policy.pk}/")["sections"]
    top = [s for s in sections if s["level"] == 1]
    assert [s["number"] for s in top] == ["一、", "二、"]
    children = {t["anchor"]: [s for s in sections if s["parent"] == t["anchor"]] for t in top}
    assert [len(children[t["anchor"]]) for t in top] == [5, 3]
    assert get_json(client, f"/api/policies/{policy.pk}/")["region"]["code"] == "320500"


@pytest.mark.django_db
def test_drafts_and_unknown_ids_are_404_for_the_public(client, seeded_module):
    policy = Policy.objects.first()
    Policy.objects.filter(pk=policy.pk).update(status="draft")
    assert client.get(f"/api/policies/{policy.pk}/").status_code == 404
    assert client.get("/api/policies/999999/").status_code == 404
