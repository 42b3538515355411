"""`make backup` and `make restore` (scripts/backup.sh, scripts/restore.sh) round-trip the whole archive."""

import os
import subprocess

from tests.reliability.conftest import ROOT, manage, query

CHECKED = ["documents_policy", "documents_tasksection", "documents_importrecord", "documents_issuer",
           "documents_policy_issuers", "documents_historicalpolicy", "documents_historicaltasksection", "auth_user"]


def run(script, *args, url, **env):
    environment = {**os.environ, "DATABASE_URL": url, **env}
    return subprocess.run([str(ROOT / "scripts" / script), *args], cwd=ROOT, env=environment,
                          capture_output=True, text=True, timeout=120)


def fingerprint(url):
    """Rows and an md5 over every row of each checked table."""
    return {
        table: query(url, f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) "
                          f"FROM {table} t")[0]
        for table in CHECKED
    }


def test_a_restored_backup_holds_every_policy_section_and_history_record(scratch_databases, tmp_path):
    source = scratch_databases.new("backup_source")
    env = {"DATABASE_URL": source}
    manage("import_policies", "fixtures/seeds", "--quiet", env=env)
    # A curator's edit: one more history record for a policy and one for a section.
    manage("shell", "-c", "from documents.models import Policy\n"
                          "p = Policy.objects.order_by('id').first(); p.title += '（修订）'; p.save()\n"
                          "s = p.sections.order_by('position').first(); s.heading += '（修订）'; s.save()", env=env)
    before = fingerprint(source)
    assert before["documents_policy"][0] == 5
    assert before["documents_tasksection"][0] > 0
    assert before["documents_historicalpolicy"][0] >= 6 and before["documents_historicaltasksection"][0] > 0

    dump = tmp_path / "archive.dump"
    backup = run("backup.sh", str(dump), url=source)
    assert backup.returncode == 0, backup.stderr
    assert dump.exists() and not (tmp_path / "archive.dump.partial").exists()

    # Into a fresh, empty database, as on a new server.
    target = scratch_databases.new("restored", empty=True)
    restore = run("restore.sh", str(dump), url=target)
    assert restore.returncode == 0, restore.stderr
    assert fingerprint(target) == before
    assert manage("migrate", "--check", env={"DATABASE_URL": target}, check=False).returncode == 0

    # Restoring over a database with data is refused unless asked for, and the data stays.
    again = run("restore.sh", str(dump), url=target)
    assert again.returncode == 1 and "FORCE=1" in again.stderr
    assert fingerprint(target) == before


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, scratch_databases):
    bogus = tmp_path / "bogus.dump"
    bogus.write_text("not a dump")
    result = run("restore.sh", str(bogus), url=scratch_databases.new("bogus", empty=True))
    assert result.returncode == 2 and "not a pg_dump" in result.stderr
