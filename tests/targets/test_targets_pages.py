"""Targets read off the real work reports and seeds, as the archive stores and shows them: the
/targets/ table, the policy page's list and marked sentences, the API and the exports."""

import csv
import io
import json
import re
from pathlib import Path

import pytest
from django.utils.html import strip_tags

from documents.models import Policy, Region, Target

pytestmark = pytest.mark.django_db
REPORTS = Path("fixtures/corpus/workreports")


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Every province's 2025 and 2026 report and the seeds, imported once (these tests only read)."""
    from django.core.management import call_command
    from django.db import connection, transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            call_command("import_policies", str(REPORTS / "provinces-2025"), str(REPORTS / "provinces-2026"),
                         "fixtures/seeds", quiet=True)
            # The import's deferred foreign keys checked once here, not again by every test's teardown.
            connection.check_constraints()
            yield
            transaction.set_rollback(True)


def gdp(client, **params):
    return client.get("/targets/", {"indicator": "地区生产总值增长", **params})


def test_every_province_has_its_2025_and_2026_gdp_targets_and_its_2025_outcome(client, archive):
    response = gdp(client)
    assert response.status_code == 200
    table = response.context["table"]
    assert table.indicator == "地区生产总值增长"
    rows = {row.region.code: row for row in table.rows if row.region}
    provinces = set(Region.objects.filter(level=Region.Level.PROVINCE).values_list("code", flat=True))
    provinces -= {"710000", "810000", "820000"}  # the corpus has the 31 mainland provinces' reports
    assert len(provinces) == 31 and provinces <= set(rows)
    for code in provinces:
        cells = rows[code].cells
        assert cells[2025].targets and cells[2026].targets, rows[code].label
    # What each 2026 report says of 2025 (湖南's `达到5.53万亿元、稳居全国前十强、增长4.8%` included).
    without_outcome = {rows[code].label for code in provinces if not rows[code].cells[2025].outcomes}
    assert without_outcome == set(), without_outcome
    shanghai = rows["310000"].cells
    assert [t.value_display for t in shanghai[2026].targets] == ["5%左右"]
    assert [t.value_display for t in shanghai[2025].outcomes] == ["5.4%"]
    assert [t.value_display for t in shanghai[2025].targets] == ["5%左右"]
    html = response.content.decode()
    assert "目标 5%左右" in html and "实际 5.4%" in html
    assert '<svg class="chart targets-chart" role="img"' in html


def test_a_cell_links_to_its_sentence_marked_on_the_policy_page(client, archive):
    table = gdp(client).context["table"]
    target = next(row for row in table.rows if row.region and row.region.code == "310000").cells[2025].outcomes[0]
    url, anchor = target.get_absolute_url().split("#")
    assert url == target.policy.get_absolute_url()
    page = client.get(url).content.decode()
    marked = re.search(rf'<mark class="target-sentence" id="{anchor}">(.*?)</mark>', page)
    assert marked and "5.4%" in strip_tags(marked.group(1))
    assert "本文量化目标" in page and f'href="#{anchor}"' in page


def test_the_seed_plans_2027_digital_economy_share_target_is_in_the_table(client, archive):
    response = client.get("/targets/", {"indicator": "数字经济核心产业增加值占地区生产总值比重"})
    guangdong = next(row for row in response.context["table"].rows if row.region and row.region.code == "440000")
    [target] = guangdong.cells[2027].targets
    assert (target.value_low, target.unit, target.modifier, target.kind) == (16, "%", "超过", "target")
    assert target.policy.title.startswith("廣東省國家數字經濟創新發展試驗區建設方案")


def test_a_province_shows_its_own_row_and_filters_narrow_the_table(client, archive):
    response = gdp(client, province="310000")
    assert [row.label for row in response.context["table"].rows] == ["上海市"]
    outcomes = gdp(client, kind="outcome").context["table"]
    assert all(not cell.targets for row in outcomes.rows for cell in row.cells.values())
    assert gdp(client, year="2026").context["table"].years == [2026]


@pytest.mark.parametrize("params", [{"year": "20x5"}, {"kind": "plan"}, {"province": "999999"},
                                    {"page_size": "1000"}, {"indicator": "指" * 300}])
def test_malformed_parameters_get_a_400_with_a_message(client, archive, params):
    # (A NUL in any parameter is refused before the view reads it: tests/reliability/test_probes.py.)
    page = client.get("/targets/", params)
    assert page.status_code == 400 and "检索条件有误" in page.content.decode()
    api = client.get("/api/targets/", params)
    assert api.status_code == 400
    body = api.json()
    assert set(body["fields"]) == set(params) and body["error"]


def test_api_lists_targets_with_their_policy_region_and_indicator_counts(client, archive):
    body = client.get("/api/targets/", {"indicator": "地区生产总值增长", "province": "310000", "page_size": 2}).json()
    assert body["count"] == Target.objects.filter(indicator="地区生产总值增长", policy__province="310000").count()
    assert len(body["results"]) == 2
    first = body["results"][0]
    assert set(first) == {"id", "policy", "region", "province", "indicator", "indicator_text", "kind", "measure",
                          "year", "value_low", "value_high", "unit", "modifier", "sentence", "anchor"}
    assert first["province"] == {"code": "310000", "name": "上海市"}
    assert set(first["policy"]) == {"id", "title", "date", "url"}
    assert first["sentence"] in Policy.objects.get(pk=first["policy"]["id"]).simplified_text
    names = {entry["name"]: entry["count"] for entry in body["indicators"]}
    assert names["地区生产总值增长"] == body["count"] and len(names) > 5
    second = client.get("/api/targets/", {"indicator": "地区生产总值增长", "province": "310000", "page_size": 2,
                                          "page": 2}).json()
    assert {r["id"] for r in second["results"]}.isdisjoint(r["id"] for r in body["results"])


def test_exports_hold_the_tables_targets(client, archive):
    table = gdp(client).context["table"]
    expected = table.targets.count()
    data = json.loads(client.get("/targets/export.json", {"indicator": "地区生产总值增长"}).content)
    assert data["count"] == expected == len(data["targets"])
    response = client.get("/targets/export.csv", {"indicator": "地区生产总值增长"})
    assert response["Content-Disposition"].startswith('attachment; filename="targets-')
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert len(rows) == expected
    assert {row["指标"] for row in rows} == {"地区生产总值增长"}
    assert all(row["原句链接"].startswith("http://testserver/policies/") and "#t-" in row["原句链接"] for row in rows)
