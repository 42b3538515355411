"""The scale path: with DATABASE_REPLICA_URL, reads go to a streaming replica and writes to the primary.

A real primary and a real hot standby (pg_basebackup -R) run on Unix sockets under var/ for
this test only (scripts/replica.sh); Django in a subprocess records where each query went.
"""

import json
import os
import subprocess
import tempfile
import time

import pytest

from tests.reliability.conftest import PYTHON, ROOT, manage, query



@pytest.fixture
def cluster():
    directory = tempfile.mkdtemp(dir=ROOT / "var", prefix="replica-test-")
    try:
        started = subprocess.run([str(ROOT / "scripts" / "replica.sh"), "start", directory], capture_output=True,
                                 text=True, timeout=120)
        assert started.returncode == 0, started.stdout + started.stderr
        yield {"primary": f"postgres://postgres@/archive?host={directory}/primary.sock",
               "replica": f"postgres://postgres@/archive?host={directory}/replica.sock"}
    finally:
        subprocess.run([str(ROOT / "scripts" / "replica.sh"), "stop", directory], capture_output=True, timeout=120)
        subprocess.run(["rm", "-rf", directory], check=False)


def wait_for_database(url, seconds=20):
    deadline = time.monotonic() + seconds
    while True:
        try:
            return query(url, "SELECT count(*) FROM django_migrations")
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def test_reads_go_to_the_replica_and_writes_to_the_primary(cluster):
    admin = cluster["primary"].replace("/archive?", "/postgres?")
    query(admin, "SELECT 1")  # the server answers
    subprocess.run(["psql", admin, "-qc", "CREATE DATABASE archive"], check=True, timeout=30)
    manage("migrate", "--noinput", env={"DATABASE_URL": cluster["primary"]})
    wait_for_database(cluster["replica"])  # the schema arrives by streaming replication, not by migrate

    env = {**os.environ, "DATABASE_URL": cluster["primary"], "DATABASE_REPLICA_URL": cluster["replica"]}
    result = subprocess.run([PYTHON, "-m", "tests.reliability.replica_probe"], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])

    assert report["primary_in_recovery"] is False and report["replica_in_recovery"] is True
    assert report["read_outside_requests"] == "default"  # commands and shells read their own writes
    assert report["read_in_public_request"] == "replica"
    primary, replica = report["import"]
    assert primary > 0 and replica == 0  # an import reads and writes on the primary
    for page in ("home", "search", "detail", "api_list", "api_detail"):
        assert report[f"{page}_status"] == 200, page
        primary, replica = report[page]
        assert replica > 0 and primary == 0, (page, report[page])
    assert report["update"] == [1, 0]
    primary, replica = report["admin_changelist"]
    assert primary > 0 and replica == 0  # curators see their own writes: the admin stays on the primary
