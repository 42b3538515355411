"""An import that fails half-way keeps every earlier document and leaves no half-written one.

Faults: bad files inside a folder, a real PostgreSQL error raised after a document's rows
were written, and the import process killed with SIGKILL in the middle of a folder. After
each, the stored policies are checked against what the pure pipeline makes of their files,
and running the same import again completes it without duplicates.
"""

import os
import random
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from documents import importing
from documents.ingest.pipeline import ingest_bytes
from documents.models import ImportRecord, Policy, TaskSection
from tests.reliability.conftest import PYTHON, ROOT, query

SEEDS = ROOT / "fixtures" / "seeds"
CORPUS = ROOT / "fixtures" / "corpus" / "lawrefbook"


def expected_sections(path: Path) -> int:
    return len(ingest_bytes(path.read_bytes(), path.name).sections)


@pytest.fixture
def folder(tmp_path):
    for path in sorted(SEEDS.glob("*.txt")):
        shutil.copy(path, tmp_path / path.name)
    return tmp_path


@pytest.mark.django_db
def test_bad_files_in_a_folder_are_refused_and_the_rest_imported(folder):
    (folder / "001a_empty.txt").write_bytes(b"")
    (folder / "002a_binary.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (folder / "003a_nul.txt").write_bytes("数字经济".encode() + b"\x00" * 200)
    (folder / "004a_unknown.docx.exe").write_bytes(b"MZ")  # not a policy suffix: not even tried
    with pytest.raises(CommandError, match="3 document"):
        call_command("import_policies", str(folder), quiet=True)
    assert Policy.objects.count() == 5
    assert ImportRecord.objects.count() == 5
    for path in sorted(SEEDS.glob("*.txt")):
        assert Policy.objects.get(source_key=path.name).sections.count() == expected_sections(path)

    for bad in ("001a_empty.txt", "002a_binary.txt", "003a_nul.txt"):
        (folder / bad).unlink()
    call_command("import_policies", str(folder), quiet=True)  # no CommandError: complete now
    assert Policy.objects.count() == 5 and ImportRecord.objects.count() == 5


@pytest.mark.django_db
def test_database_error_after_a_documents_rows_are_written_rolls_that_document_back(folder, monkeypatch):
    paths = sorted(SEEDS.glob("*.txt"))
    victim = paths[2].name
    real_save_sections = importing.save_sections

    def failing_save_sections(policy, sections):
        real_save_sections(policy, sections)  # the policy, its issuers and sections are written…
        if policy.source_key == victim:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 / 0")  # …then PostgreSQL itself fails

    monkeypatch.setattr(importing, "save_sections", failing_save_sections)
    with pytest.raises(CommandError, match="1 document"):
        call_command("import_policies", str(folder), quiet=True)
    assert sorted(Policy.objects.values_list("source_key", flat=True)) == sorted(p.name for p in paths if p.name != victim)
    assert not ImportRecord.objects.filter(source_key=victim).exists()
    assert TaskSection.objects.count() == sum(expected_sections(p) for p in paths if p.name != victim)
    assert Policy.history.filter(source_key=victim).count() == 0

    monkeypatch.setattr(importing, "save_sections", real_save_sections)
    call_command("import_policies", str(folder), quiet=True)
    assert Policy.objects.count() == 5
    assert Policy.objects.get(source_key=victim).sections.count() == expected_sections(paths[2])
    assert TaskSection.objects.count() == sum(expected_sections(p) for p in paths)


def stored(url):
    return query(url, """
        SELECT p.source_key, (SELECT count(*) FROM documents_tasksection s WHERE s.policy_id = p.id),
               (SELECT count(*) FROM documents_importrecord r WHERE r.policy_id = p.id)
        FROM documents_policy p ORDER BY p.source_key""")


def run_and_kill(folder, url, after_lines):
    """Start a folder import in a real process; SIGKILL it once it has reported after_lines more documents."""
    env = {**os.environ, "DATABASE_URL": url, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen([PYTHON, "manage.py", "import_policies", str(folder)], cwd=ROOT, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    created = 0
    for line in process.stdout:
        if line.startswith(("created", "updated")):
            created += 1
        if created >= after_lines:
            time.sleep(random.uniform(0, 0.05))  # somewhere inside the next document: pipeline or transaction
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    process.stdout.close()
    return process.returncode


def test_import_killed_mid_folder_keeps_whole_documents_and_completes_on_rerun(scratch_databases, tmp_path):
    url = scratch_databases.new("kill")
    files = sorted(CORPUS.rglob("*.md"))[:45]
    for path in files:
        target = tmp_path / path.relative_to(CORPUS)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, target)
    by_key = {str(path.relative_to(CORPUS)): path for path in files}

    seen = 0
    for round_ in range(3):
        assert run_and_kill(tmp_path, url, after_lines=6) == -signal.SIGKILL
        rows = stored(url)
        assert len(rows) > seen, "each run adds documents before it is killed"
        seen = len(rows)
        for source_key, sections, records in rows:
            assert records == 1, f"{source_key}: {records} import records"
            assert sections == expected_sections(by_key[source_key]), f"{source_key}: half-written sections"

    env = {**os.environ, "DATABASE_URL": url}
    finished = subprocess.run([PYTHON, "manage.py", "import_policies", str(tmp_path), "--quiet"], cwd=ROOT, env=env,
                              capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    rows = stored(url)
    assert {row[0] for row in rows} == set(by_key)
    assert all(sections == expected_sections(by_key[key]) and records == 1 for key, sections, records in rows)
    assert query(url, "SELECT count(*) FROM documents_tasksection WHERE policy_id NOT IN "
                      "(SELECT id FROM documents_policy)") == [(0,)]


def test_parallel_import_stores_each_content_once_and_reruns_unchanged(scratch_databases, tmp_path):
    """Two workers meeting the same content (a copy under another name) or the same new issuer:
    one stores it, the other's transaction is rolled back and retried, finding the stored rows."""
    url = scratch_databases.new("parallel")
    files = sorted(CORPUS.rglob("*.md"))[:30]
    for path in files:
        shutil.copy(path, tmp_path / path.name)
    for path in files[:3]:  # the same bytes: the same input, recorded once
        shutil.copy(path, tmp_path / f"copy-{path.name}")
    for path in files[3:6]:  # other bytes, the same content: recorded, stored once
        (tmp_path / f"copy-{path.name}").write_bytes(path.read_bytes() + b"\n\n")
    env = {**os.environ, "DATABASE_URL": url}
    command = [PYTHON, "manage.py", "import_policies", str(tmp_path), "--quiet", "--jobs", "3"]
    first = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "36 files" in first.stdout and "30 created" in first.stdout
    # The same bytes again are unchanged; the same content in other bytes is a duplicate, named with its original.
    assert "3 unchanged" in first.stdout and "3 duplicate," in first.stdout
    assert first.stdout.count("\nduplicate ") == 3
    rows = stored(url)
    assert len(rows) == 30
    assert query(url, "SELECT count(*) FROM documents_importrecord") == [(33,)]
    assert query(url, "SELECT count(*) FROM (SELECT name FROM documents_issuer GROUP BY name HAVING count(*) > 1) d") \
        == [(0,)]
    by_name = {path.name: path for path in files}
    for source_key, sections, records in rows:
        assert sections == expected_sections(by_name[source_key.removeprefix("copy-")])

    again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0 and "36 unchanged" in again.stdout, again.stdout + again.stderr
    assert query(url, "SELECT count(*) FROM documents_importrecord") == [(33,)]
