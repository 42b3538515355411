"""/data/ as a researcher meets it: the latest dump's files, counts, checksums and citation, every
file downloadable as it lies on disk, a new export seen without a restart, and no request ever
building a dump."""

import hashlib
import json
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from django.test import Client

from documents.importing import import_document
from documents.search import cache

pytestmark = pytest.mark.django_db
SHARED = Path(__file__).parents[2].parent / "shared"


@pytest.fixture
def archive(db):
    for seed in sorted((SHARED / "seeds").iterdir()):
        import_document(seed.read_bytes(), seed.name, source_key=seed.name)


@pytest.fixture
def dataset_root(settings, tmp_path):
    settings.DATASET_ROOT = tmp_path / "dataset"
    return settings.DATASET_ROOT


def export(root):
    call_command("export_dataset", str(root), base_url="http://testserver", stdout=open("/dev/null", "w"))


def download(client, url) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Disposition"] == "attachment"
    return b"".join(response.streaming_content)


def test_before_any_export_the_page_says_how_to_make_one_and_builds_nothing(archive, dataset_root):
    response = Client().get("/data/")
    assert response.status_code == 200
    assert "尚未导出数据集" in response.content.decode() and "make dataset" in response.content.decode()
    assert not dataset_root.exists()
    assert Client().get("/data/files/archive.db").status_code == 404


def test_the_page_lists_every_file_with_its_size_and_checksum_and_serves_it(archive, dataset_root):
    export(dataset_root)
    client = Client()
    page = client.get("/data/").content.decode()
    manifest = json.loads(download(client, "/data/files/manifest.json"))
    assert manifest["counts"]["policies"] == client.get("/api/policies/").json()["count"] == 5
    listed = re.findall(r'<a href="/data/files/([^"]+)" download>', page)
    assert sorted(listed) == sorted([entry["path"] for entry in manifest["files"]] + ["manifest.json"])
    for entry in manifest["files"]:
        assert entry["sha256"] in page
        body = download(client, "/data/files/" + entry["path"])
        assert len(body) == entry["bytes"] and hashlib.sha256(body).hexdigest() == entry["sha256"]
    assert client.get("/data/files/parquet/policies.parquet")["Content-Type"] == "application/vnd.apache.parquet"
    assert manifest["suggested_citation"]["apa"] in page.replace("&amp;", "&")
    assert f"<dt>policies</dt><dd>{manifest['counts']['policies']} 行</dd>" in page


def test_a_new_export_is_served_by_the_running_server_and_the_page_notes_later_changes(archive, dataset_root):
    export(dataset_root)
    client = Client()
    first = download(client, "/data/files/manifest.json")
    assert "导出之后，档案已有修改" not in client.get("/data/").content.decode()
    law = SHARED / "corpus/lawrefbook/DLC/广东地方法规/地方性法规/广东/深圳经济特区数据条例(2021-07-06).md"
    import_document(law.read_bytes(), law.name, source_key=law.name)
    cache.invalidate()  # what the commit hook does after an import outside this test's transaction
    assert "导出之后，档案已有修改" in client.get("/data/").content.decode()
    export(dataset_root)
    second = download(client, "/data/files/manifest.json")
    assert first != second and b'"policies": 6' in second
    assert "导出之后，档案已有修改" not in client.get("/data/").content.decode()


def test_paths_outside_the_dump_are_not_served(archive, dataset_root):
    export(dataset_root)
    (dataset_root.parent / "secret.txt").write_text("not part of the dump")
    client = Client()
    for path in ("/data/files/../secret.txt", "/data/files/%2e%2e/secret.txt", "/data/files/", "/data/files/csv/"):
        assert client.get(path).status_code == 404, path
