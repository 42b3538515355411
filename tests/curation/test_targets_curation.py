"""A curator's corrections and deletions of targets survive re-import and reprocessing; a corrected
date or type rebuilds the rest from the text."""

from pathlib import Path

import pytest
from django.urls import reverse

from documents.curation.reprocess import reprocess
from documents.models import Policy, Target
from tests.conftest import shared_rows
from tests.curation.test_permissions import management_forms
from tests.importing.test_import_command import run_import

pytestmark = pytest.mark.django_db
SHANGHAI_2026 = Path("fixtures/corpus/workreports/provinces-2026/2026_上海市_政府工作报告.csv")
SHAANXI_2026 = Path("fixtures/corpus/workreports/provinces-2026/2026_陕西省_政府工作报告.csv")


@pytest.fixture(scope="module")
def imported_report(django_db_setup, django_db_blocker):
    """The report's key, imported once for the module and rolled back after it."""
    with shared_rows(django_db_blocker) as done:
        out, err, failed = run_import(SHANGHAI_2026)
        assert not failed, err
        done()
        yield Policy.objects.get().pk


@pytest.fixture
def report(imported_report):
    """The report as stored; each test's corrections are rolled back by its `db` savepoint."""
    return Policy.objects.get(pk=imported_report)


def change_page(client, policy):
    url = reverse("admin:documents_policy_change", args=[policy.pk])
    page = client.get(url)
    form = page.context["adminform"].form
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data["issuers"] = [i.pk for i in policy.issuers.all()]
    data.update(management_forms(page))
    return url, page, data


def inline_index(page, target):
    formset = next(f.formset for f in page.context["inline_admin_formsets"] if f.formset.model is Target)
    return next(i for i, form in enumerate(formset.forms) if form.instance.pk == target.pk)


def gdp_target(policy):
    return policy.targets.get(indicator="地区生产总值增长", kind="target", year=2026)


def test_a_corrected_target_and_a_deleted_one_survive_reimport_and_reprocess(publisher_client, report):
    corrected, deleted = gdp_target(report), report.targets.filter(kind="outcome").first()
    total = report.targets.count()
    url, page, data = change_page(publisher_client, report)
    data[f"targets-{inline_index(page, corrected)}-value_low"] = "4.5"
    data[f"targets-{inline_index(page, deleted)}-DELETE"] = "on"
    response = publisher_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    corrected.refresh_from_db()
    assert corrected.curated and corrected.value_low == 4.5
    assert Target.objects.get(pk=deleted.pk).rejected  # kept as rejected, shown nowhere
    assert deleted.anchor not in [t.anchor for t in report.targets.filter(rejected=False) if t.pk == deleted.pk]
    for rebuild in (lambda: reprocess(report), lambda: run_import(SHANGHAI_2026)):
        rebuild()
        assert report.targets.count() == total  # nothing found again beside the curator's rows
        assert report.targets.get(pk=corrected.pk).value_low == 4.5
        assert report.targets.filter(rejected=False, key=deleted.key).count() == 0
    api = publisher_client.get("/api/targets/", {"indicator": "地区生产总值增长", "year": 2026}).json()
    assert [r["value_low"] for r in api["results"] if r["kind"] == "target"] == [4.5]


def test_correcting_the_year_rebuilds_the_targets_for_it(publisher_client, report):
    url, page, data = change_page(publisher_client, report)
    data["date_year"] = "2027"
    response = publisher_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    report.refresh_from_db()
    assert report.targets.filter(indicator="地区生产总值增长", kind="target", year=2027).exists()
    assert not report.targets.filter(indicator="地区生产总值增长", kind="target", year=2026).exists()


def test_reprocessing_an_unchanged_policy_changes_no_target(report):
    ids = list(report.targets.values_list("id", flat=True))
    assert ids and reprocess(report).changed == []
    assert list(report.targets.values_list("id", flat=True)) == ids  # ids (and so links) stay


def test_an_editor_cannot_touch_the_targets_of_a_published_policy(editor_client, report):
    target = gdp_target(report)
    url, page, data = change_page(editor_client, report)
    editor_client.post(url, {**data, "targets-0-value_low": "1"})
    target.refresh_from_db()
    assert target.value_low == 5 and not target.curated


def test_the_report_with_the_most_targets_saves_from_its_admin_page(publisher_client):
    """陕西's 2026 report has the corpus's most targets, each ~16 fields inline: Django's default of 1,000 fields
    refused its save with a 400."""
    out, err, failed = run_import(SHAANXI_2026)
    assert not failed, err
    policy = Policy.objects.get(title__contains="陕西")
    targets = policy.targets.count()
    assert targets >= 120
    url, page, data = change_page(publisher_client, policy)
    index = inline_index(page, policy.targets.first())
    data[f"targets-{index}-value_low"] = data[f"targets-{index}-value_high"] = "9.9"
    assert len(data) > 1000
    response = publisher_client.post(url, data)
    assert response.status_code == 302, response.context and [f.formset.errors for f in response.context["inline_admin_formsets"]]
    assert policy.targets.count() == targets and policy.targets.filter(value_low=9.9, curated=True).count() == 1
