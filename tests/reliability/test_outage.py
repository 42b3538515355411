"""PostgreSQL stopped under a running production server: 503 with Retry-After, then recovery.

The database is a throwaway cluster of its own (scripts/replica.sh, the replica test's fixture;
only its primary is used), stopped and started with pg_ctl while gunicorn keeps running on it.
The main cluster under var/ is never touched.
"""

import json
import os
import subprocess
from urllib.parse import parse_qs, urlsplit

from tests.reliability.conftest import ROOT, manage
from tests.reliability.test_production_server import HTTPS, PRODUCTION, fetch, gunicorn
from tests.reliability.test_replica import cluster, wait_for_database  # noqa: F401 (the fixture)

PAGES = ["/", "/policies/?q=数字经济", "/regions/440000/"]
API = ["/api/policies/", "/api/policies/?q=数字经济"]


def pg_ctl(data_dir, *args):
    command = ["pg_ctl", "-D", data_dir, "-w", "-t", "60", *args]
    if os.getuid() == 0:  # the cluster belongs to postgres, as replica.sh made it
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, capture_output=True, timeout=90)


def quoted(path):
    from urllib.request import quote

    return quote(path, safe="/?=&")


def statuses(base, paths, headers=HTTPS):
    return {path: fetch(base + quoted(path), headers=headers) for path in paths}


def test_pages_and_api_answer_503_while_the_database_is_stopped_and_recover(cluster, production_static):
    url = cluster["primary"]
    socket_dir = parse_qs(urlsplit(url).query)["host"][0]
    data_dir = socket_dir.removesuffix(".sock")
    admin = url.replace("/archive?", "/postgres?")
    subprocess.run(["psql", admin, "-qc", "CREATE DATABASE archive"], check=True, timeout=30)
    env = {**os.environ, **PRODUCTION, "DATABASE_URL": url, "STATIC_ROOT": str(production_static)}
    manage("migrate", "--noinput", env=env)
    manage("import_policies", str(sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))[0]), "--quiet", env=env)

    with gunicorn(env) as base:
        # Both workers hold a connection (CONN_MAX_AGE): the stop must break live connections too.
        for _ in range(4):
            assert all(status == 200 for status, _, _ in statuses(base, PAGES + API).values())

        pg_ctl(data_dir, "-m", "fast", "stop")
        for _ in range(3):  # each worker, whether its connection was open or closed
            for path, (status, headers, body) in statuses(base, PAGES).items():
                assert status == 503, (path, status, body[:300])
                assert headers["Retry-After"] == "30"
                assert headers["Content-Type"].startswith("text/plain")
                assert "数据库暂时无法连接" in body and "30 秒后再试" in body
                assert headers["Strict-Transport-Security"] and headers["X-Content-Type-Options"] == "nosniff"
            for path, (status, headers, body) in statuses(base, API).items():
                assert status == 503 and headers["Retry-After"] == "30", (path, status, body[:300])
                assert headers["Content-Type"] == "application/json"
                assert json.loads(body) == {"error": "数据库暂时无法连接，档案暂停服务：请 30 秒后再试。", "fields": {}}
            # The traditional-script reader gets the message in 繁體, chosen as the pages choose it.
            status, headers, body = fetch(base + "/policies/", headers={**HTTPS, "Accept-Language": "zh-Hant"})
            assert status == 503 and "資料庫暫時無法連線" in body and headers["Content-Language"] == "zh-hant"
            # A logged-in curator's session cookie makes the session layer, not the view, meet the outage first.
            status, _, body = fetch(base + "/admin/documents/policy/",
                                    headers={**HTTPS, "Cookie": "sessionid=abcdefghijklmnopqrstuvwxyz012345"})
            assert status == 503 and "数据库暂时无法连接" in body

        pg_ctl(data_dir, "-l", f"{data_dir}.log", "-o",
               f"-c listen_addresses='' -c unix_socket_directories='{socket_dir}' -c fsync=off", "start")
        wait_for_database(url)
        for _ in range(4):
            for path, (status, _, body) in statuses(base, PAGES + API).items():
                assert status == 200, (path, status, body[:300])
