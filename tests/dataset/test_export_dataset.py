"""`export_dataset` on real files (the seeds, a city's work report, a local regulation, a pkulaw
export), every output read back as a researcher's tool reads it and compared with the database
and the API."""

import asyncio
import csv
import hashlib
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from django.core.management import CommandError, call_command

from documents import dataset
from documents.importing import import_document
from documents.models import Citation, Issuer, Policy, Region, Reuse, Target, TaskSection
from documents.reuse import shown_q

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
FILES = [
    "workreports/cities-2024/合肥.docx",
    "lawrefbook/DLC/广东地方法规/地方性法规/广东/深圳经济特区数据条例(2021-07-06).md",
    "policies/pkulaw/广东省公共数据管理办法(FBM-CLI.11.4619854).txt",
]
DRAFT = "lawrefbook/DLC/浙江地方法规/地方性法规/浙江/浙江省数字经济促进条例(2020-12-24).md"
BASE_URL = "http://testserver"  # what the test client's absolute URLs start with


def import_file(relative: str, *, publish=True) -> Policy:
    path = CORPUS / relative
    return import_document(path.read_bytes(), path.name, source_key=relative, publish=publish).policy


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, tmp_path_factory):
    """The files imported (one of them left a draft) and exported once; these tests only read."""
    from django.db import transaction

    with django_db_blocker.unblock():
        with transaction.atomic():
            for seed in sorted((SHARED / "seeds").iterdir()):
                import_document(seed.read_bytes(), seed.name, source_key=seed.name)
            for relative in FILES:
                import_file(relative)
            draft = import_file(DRAFT, publish=False)
            out = tmp_path_factory.mktemp("export") / "dataset"
            call_command("export_dataset", str(out), base_url=BASE_URL, stdout=open("/dev/null", "w"))
            yield {"out": out, "draft": draft}
            transaction.set_rollback(True)


@pytest.fixture
def db_file(archive):
    connection = sqlite3.connect(archive["out"] / "archive.db")
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def published_counts() -> dict:
    published = Policy.objects.published()
    return {
        "regions": Region.objects.count(),
        "issuers": Issuer.objects.filter(policies__in=published).distinct().count(),
        "policies": published.count(),
        "policy_issuers": Policy.issuers.through.objects.filter(policy__in=published).count(),
        "sections": TaskSection.objects.filter(policy__in=published).count(),
        "targets": Target.objects.filter(policy__in=published, rejected=False).count(),
        "citations": Citation.objects.filter(citing__in=published).count(),
        "reuse": Reuse.objects.filter(shown_q(), source__in=published, derived__in=published).count(),
    }


def test_the_archive_has_what_the_test_expects(archive):
    counts = published_counts()
    assert counts["policies"] == 5 + len(FILES)
    assert counts["sections"] > 100 and counts["targets"] > 10 and counts["issuers"] >= 5


def test_sqlite_counts_equal_the_databases_and_the_apis(client, archive, db_file):
    counts = published_counts()
    assert {t.name: db_file.execute(f'SELECT count(*) FROM "{t.name}"').fetchone()[0] for t in dataset.TABLES} == counts
    assert client.get("/api/policies/").json()["count"] == counts["policies"]
    manifest = json.loads((archive["out"] / "manifest.json").read_text())
    assert manifest["counts"] == counts


def test_sqlite_rows_equal_the_database_field_for_field(archive, db_file):
    policy = Policy.objects.published().get(source_key=FILES[0])
    row = dict(db_file.execute("SELECT * FROM policies WHERE id = ?", [policy.pk]).fetchone())
    assert row == {
        "id": policy.pk, "title": policy.title, "title_en": policy.title_en, "doc_number": policy.doc_number,
        "title_key": policy.title_key,
        "region_code": policy.region_id, "province_code": policy.province_id, "city_code": policy.city_id,
        "policy_type": policy.policy_type, "date": policy.date_iso, "date_year": policy.date_year,
        "date_month": policy.date_month, "date_day": policy.date_day, "date_precision": policy.date_precision,
        "effective_date": policy.effective_date.isoformat() if policy.effective_date else None,
        "source_site": policy.source_site, "source_url": policy.source_url, "citation_code": policy.citation_code,
        "script": policy.script, "url": f"{BASE_URL}/policies/{policy.pk}/", "text": policy.clean_text,
        "simplified_text": policy.simplified_text,
    }
    assert row["city_code"] == "340100"  # 合肥市
    section = policy.sections.exclude(parent=None).order_by("position").first()
    assert dict(db_file.execute("SELECT * FROM sections WHERE id = ?", [section.pk]).fetchone()) == {
        "id": section.pk, "policy_id": policy.pk, "position": section.position, "number": section.number,
        "level": section.level, "heading": section.heading, "body": section.body, "anchor": section.anchor,
        "parent_id": section.parent_id,
    }
    target = Target.objects.filter(policy=policy).first()
    assert dict(db_file.execute("SELECT * FROM targets WHERE id = ?", [target.pk]).fetchone()) == {
        "id": target.pk, "policy_id": policy.pk, "section_id": target.section_id, "indicator": target.indicator,
        "indicator_text": target.indicator_text, "kind": target.kind, "measure": target.measure,
        "year": target.year, "value_low": target.value_low, "value_high": target.value_high, "unit": target.unit,
        "modifier": target.modifier, "sentence": target.sentence, "position": target.position,
        "curated": int(target.curated),
    }
    issuer = policy.issuers.first()
    assert tuple(db_file.execute("SELECT * FROM issuers WHERE id = ?", [issuer.pk]).fetchone()) == (
        issuer.pk, issuer.name, issuer.kind, issuer.region_id)
    assert tuple(db_file.execute("SELECT * FROM regions WHERE code = '340100'").fetchone()) == (
        "340100", "合肥市", "合肥市", "合肥", "prefecture", "340000")


def test_foreign_keys_are_declared_indexed_and_hold(db_file):
    assert db_file.execute("PRAGMA foreign_key_check").fetchall() == []
    declared = {(t.name, c.name) for t in dataset.TABLES for c in t.columns if c.references}
    found = {(t.name, row["from"]) for t in dataset.TABLES
             for row in db_file.execute(f'PRAGMA foreign_key_list("{t.name}")')}
    assert found == declared and ("sections", "parent_id") in found
    indexed = {(t.name, db_file.execute(f'PRAGMA index_info("{index["name"]}")').fetchone()["name"])
               for t in dataset.TABLES for index in db_file.execute(f'PRAGMA index_list("{t.name}")')}
    assert declared <= indexed


def test_the_trigram_index_finds_a_policy_by_three_or_more_characters(db_file):
    def search(query):
        return [row[0] for row in db_file.execute(
            "SELECT policies.title FROM policies_fts JOIN policies ON policies.id = policies_fts.rowid "
            "WHERE policies_fts MATCH ?", [query])]

    assert "深圳经济特区数据条例" in search('"数据处理者"')
    assert "深圳经济特区数据条例" in search('title:"特区数据"')
    assert search('"数据"') == []  # two characters are shorter than a trigram: no match (docs say LIKE)


def as_sqlite(column, value):
    """A Parquet value as archive.db stores it."""
    if value is None:
        return None
    if column.type == "date":
        return value.isoformat()
    if column.type == "boolean":
        return int(value)
    return value


def as_csv(value) -> str:
    return "" if value is None else str(value)


def test_parquet_and_csv_hold_the_same_rows_as_sqlite(archive, db_file):
    for t in dataset.TABLES:
        # Every file holds the rows in the order they were read (the sqlite rows are put in it).
        rows = [tuple(row) for row in db_file.execute(f'SELECT * FROM "{t.name}"')]
        parquet = pq.read_table(archive["out"] / "parquet" / f"{t.name}.parquet")
        assert parquet.column_names == t.column_names
        parquet_rows = [tuple(as_sqlite(c, row[c.name]) for c in t.columns) for row in parquet.to_pylist()]
        assert sorted(rows, key=parquet_rows.index) == parquet_rows, t.name
        rows = parquet_rows
        path = archive["out"] / "csv" / f"{t.name}.csv"
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM Excel needs
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        assert list(frame.columns) == t.column_names
        booleans = [i for i, c in enumerate(t.columns) if c.type == "boolean"]
        expected = [tuple(("true" if v else "false") if i in booleans else as_csv(v) for i, v in enumerate(row))
                    for row in rows]
        assert list(frame.itertuples(index=False, name=None)) == expected, t.name
    assert pd.read_parquet(archive["out"] / "parquet" / "targets.parquet")["value_low"].dtype == "float64"


def test_a_policys_text_with_quotes_and_newlines_survives_the_csv(archive, db_file):
    policy = Policy.objects.published().get(source_key=FILES[1])
    with open(archive["out"] / "csv" / "policies.csv", encoding="utf-8-sig", newline="") as f:
        row = next(row for row in csv.DictReader(f) if row["id"] == str(policy.pk))
    assert "\n" in policy.clean_text and row["text"] == policy.clean_text


def test_each_jsonl_line_is_the_apis_detail_json_with_the_targets(client, archive, db_file):
    lines = [json.loads(line) for line in (archive["out"] / "policies.jsonl").read_text().splitlines()]
    assert [line["id"] for line in lines] == sorted(Policy.objects.published().values_list("pk", flat=True))
    for line in lines:
        targets = line.pop("targets")
        detail = client.get(f"/api/policies/{line['id']}/").json()
        detail.pop("links")  # versions are read off the policies table (title_key), not repeated per line
        assert line == detail, line["title"]
        assert [t["id"] for t in targets] == [row[0] for row in db_file.execute(
            "SELECT id FROM targets WHERE policy_id = ? ORDER BY position, id", [line["id"]])]
    report = next(line for line in lines if line["id"] == Policy.objects.get(source_key=FILES[0]).pk)
    assert report["sections"] and any(s["parent"] for s in report["sections"])


def test_the_jsonl_targets_are_the_apis_targets_without_the_policy_repeated(client, archive):
    line = next(json.loads(line) for line in (archive["out"] / "policies.jsonl").read_text().splitlines()
                if json.loads(line)["targets"])
    target = line["targets"][0]
    listed = client.get("/api/targets/", {"indicator": target["indicator"], "page_size": 100}).json()["results"]
    match = next(t for t in listed if t["id"] == target["id"])
    assert {k: v for k, v in match.items() if k not in dataset.TARGET_KEYS_OF_THE_POLICY} == target


def test_the_manifest_lists_every_file_with_its_checksum_and_a_citation(archive):
    out = archive["out"]
    manifest = json.loads((out / "manifest.json").read_text())
    on_disk = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != "manifest.json")
    assert [f["path"] for f in manifest["files"]] == on_disk
    for entry in manifest["files"]:
        data = (out / entry["path"]).read_bytes()
        assert entry["bytes"] == len(data) and entry["sha256"] == hashlib.sha256(data).hexdigest()
    assert {"parquet/policies.parquet", "csv/targets.csv", "archive.db", "policies.jsonl", "README.md",
            "metadata.json"} <= set(on_disk)
    assert manifest["exported_at"].endswith("Z")
    assert manifest["data_version"]["latest_policy_update"] and manifest["data_version"]["search_generation"] >= 0
    citation = manifest["suggested_citation"]
    assert "[DS/OL]" in citation["gb_t_7714"] and "[Data set]" in citation["apa"]
    assert "著作权法" in manifest["licence"]
    readme = (out / "README.md").read_text()
    assert citation["apa"] in readme and f"| `sections` | 任务章节" in readme


def test_datasette_opens_the_database_with_its_metadata_and_searches_it(archive):
    from datasette.app import Datasette

    out = archive["out"]

    async def browse():
        ds = Datasette([str(out / "archive.db")], metadata=json.loads((out / "metadata.json").read_text()))
        await ds.invoke_startup()
        rows = (await ds.client.get("/archive/policies.json?_shape=array&_size=max")).json()
        found = (await ds.client.get("/archive/policies.json?_shape=array&_search=数据处理者")).json()
        page = (await ds.client.get("/archive/policies")).text
        home = (await ds.client.get("/")).text
        return rows, found, page, home

    rows, found, page, home = asyncio.run(browse())
    assert len(rows) == Policy.objects.published().count()
    assert "深圳经济特区数据条例" in [row["title"] for row in found]
    assert 'name="_search"' in page  # the search box, on the trigram index
    assert "著作权法" in home and dataset.TITLE.split(" —")[0] in home


def test_an_unpublished_policy_is_nowhere_in_the_dump(archive, db_file):
    draft = archive["draft"]
    assert draft.status == Policy.Status.DRAFT and draft.sections.exists()
    assert db_file.execute("SELECT count(*) FROM policies WHERE id = ?", [draft.pk]).fetchone()[0] == 0
    assert db_file.execute("SELECT count(*) FROM sections WHERE policy_id = ?", [draft.pk]).fetchone()[0] == 0
    assert draft.pk not in pq.read_table(archive["out"] / "parquet" / "policies.parquet").column("id").to_pylist()
    assert draft.title not in (archive["out"] / "policies.jsonl").read_text()


def export(out, **kwargs):
    call_command("export_dataset", str(out), base_url=BASE_URL, stdout=open("/dev/null", "w"), **kwargs)


def test_a_second_export_replaces_the_first_and_leaves_nothing_beside_it(archive, tmp_path):
    out = tmp_path / "dataset"
    export(out)
    (out / "stale.txt").write_text("from an older dump")
    withdrawn = Policy.objects.published().order_by("pk").first()
    Policy.objects.filter(pk=withdrawn.pk).update(status=Policy.Status.WITHDRAWN)
    export(out)
    assert not (out / "stale.txt").exists()
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["counts"]["policies"] == Policy.objects.published().count() == 5 + len(FILES) - 1
    with sqlite3.connect(out / "archive.db") as connection:
        assert connection.execute("SELECT count(*) FROM policies WHERE id = ?", [withdrawn.pk]).fetchone()[0] == 0
    assert [p.name for p in tmp_path.iterdir()] == ["dataset"]


def test_a_failing_export_leaves_the_previous_dump_and_says_why(archive, tmp_path, monkeypatch):
    out = tmp_path / "dataset"
    export(out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}

    def disk_full(self, table, chunk):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(dataset.CsvOutput, "write", disk_full)
    with pytest.raises(CommandError, match="left as it was: .*No space left on device"):
        export(out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before
    assert [p.name for p in tmp_path.iterdir()] == ["dataset"]


def test_an_out_dir_under_a_file_is_a_clear_error(archive, tmp_path):
    (tmp_path / "file").write_text("not a directory")
    with pytest.raises(CommandError, match="cannot write beside"):
        export(tmp_path / "file" / "dataset")


def test_the_command_prints_rows_per_table_and_the_total(archive, tmp_path):
    import io

    stdout = io.StringIO()
    call_command("export_dataset", str(tmp_path / "dataset"), stdout=stdout)
    printed = stdout.getvalue()
    assert f"policies: {Policy.objects.published().count()} rows" in printed and "regions: " in printed
    assert "Exported to" in printed and " MB in " in printed
    with sqlite3.connect(tmp_path / "dataset" / "archive.db") as connection:
        url = connection.execute("SELECT url FROM policies LIMIT 1").fetchone()[0]
    from django.conf import settings
    assert url.startswith(settings.SITE_URL + "/policies/")


def test_citations_are_exported_resolved_only_to_published_policies(archive, db_file):
    rows = db_file.execute("SELECT citing_id, cited_id, title FROM citations").fetchall()
    assert len(rows) == Citation.objects.filter(citing__status=Policy.Status.PUBLISHED).count() >= 5
    pkulaw = Policy.objects.get(source_key=FILES[2])  # 广东省公共数据管理办法 names itself: not a citation
    assert [row for row in rows if row["citing_id"] == pkulaw.pk and row["title"] == pkulaw.title] == []
    published = set(Policy.objects.published().values_list("pk", flat=True))
    assert all(row["cited_id"] in published for row in rows if row["cited_id"])
    draft = archive["draft"]
    assert not db_file.execute("SELECT 1 FROM citations WHERE citing_id = ? OR cited_id = ?", [draft.pk, draft.pk]).fetchall()
