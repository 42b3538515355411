import pytest
from django.urls import reverse

MODELS = ["region", "issuer", "policy", "tasksection", "importrecord"]


@pytest.mark.django_db
@pytest.mark.parametrize("model", MODELS)
def test_admin_changelist_loads_for_a_superuser(staff_client, model):
    response = staff_client.get(reverse(f"admin:documents_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.django_db
def test_admin_search_and_filters_work(staff_client):
    response = staff_client.get(reverse("admin:documents_region_changelist"), {"q": "苏州", "level": "prefecture"})
    assert response.status_code == 200
    assert "苏州市" in response.content.decode()


def test_admin_requires_login(client):
    response = client.get(reverse("admin:documents_policy_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
