from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
IMPORT_URL = "admin:documents_importrecord_import"


def seed(prefix: str) -> Path:
    return next(SEEDS.glob(f"{prefix}_*.txt"))


def rescraped(prefix: str) -> bytes:
    """The seed as another site would serve it: its menus and footers gone, other ones in their place."""
    lines = seed(prefix).read_text(encoding="utf-8").splitlines()
    body = [line for line in lines
            if not line.startswith("- ") and not any(mark in line for mark in ("公網安備", "政務微博", "鶴山政府網"))]
    header = ["首页 | 政务公开 | 政务服务 | 互动交流", "当前位置：首页 > 政策文件 > 省级政策"]
    footer = ["主办单位：广东省工业和信息化厅 联系电话：020-12345678", "版权所有 © 广东省工业和信息化厅 网站标识码4400000099"]
    return "\n".join(header + body + footer).encode("utf-8")


@pytest.fixture
def curator_groups(db):
    """The editor and publisher groups as the data migration makes them (a flushing browser test may have removed them)."""
    from importlib import import_module

    from django.apps import apps

    import_module("documents.migrations.0004_curator_groups").create_groups(apps, None)
    import_module("documents.migrations.0018_targets").grant(apps, None)


def commit():
    """Run and drop the on-commit callbacks waiting in the test's transaction, as a real commit would.

    (captureOnCommitCallbacks runs them but leaves them queued, and the search signals then skip a
    rebuild for a policy that seems to be waiting already.)
    """
    from django.db import connection

    waiting, connection.run_on_commit[:] = connection.run_on_commit[:], []
    for _, callback, _ in waiting:
        callback()


def curator(django_user_model, name, *groups):
    user = django_user_model.objects.create_user(name, f"{name}@example.org", "pw-for-tests-only", is_staff=True)
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(curator_groups, django_user_model):
    return curator(django_user_model, "editor", "editor")


@pytest.fixture
def publisher(curator_groups, django_user_model):
    return curator(django_user_model, "publisher", "editor", "publisher")


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(client, publisher):
    client.force_login(publisher)
    return client


def upload(client, *files, text="", follow=False):
    """POST files ((name, bytes) pairs) and/or pasted text to the admin import form."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    data = {"files": [SimpleUploadedFile(name, content) for name, content in files], "text": text}
    return client.post(reverse(IMPORT_URL), data, follow=follow)


def review_url(record) -> str:
    return reverse("admin:documents_importrecord_review", args=[record.pk])


def review_data(response, **changes) -> dict:
    """The review form's initial values (what the pipeline extracted) with the curator's changes."""
    form = response.context["form"]
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name)
        if name == "region":
            value = value.pk if value else ""
        data[name] = "" if value is None else value
    data.update(changes)
    return data


# The search tests' policy factory (a policy with no import record), shared rather than written twice.
from tests.search.conftest import make_policy  # noqa: E402, F401
