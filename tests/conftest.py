import pytest
from django.core.management import call_command

SEEDS = "fixtures/seeds"


@pytest.fixture
def seeded(db):
    """The five seed pages imported and published."""
    call_command("import_policies", SEEDS, quiet=True)


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("curator", "curator@example.org", "pw-for-tests-only")
    client.force_login(user)
    return client
