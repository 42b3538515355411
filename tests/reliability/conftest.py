"""Real processes against real databases: scratch databases cloned from one migrated template.

The pytest-django test database lives inside a transaction that other processes cannot see,
so tests that run manage.py, pg_dump or a server in a subprocess use a scratch database:
`CREATE DATABASE … TEMPLATE` of a template migrated once per session (4 s), then dropped.
"""

import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable


def connect_kwargs(config: dict, dbname: str | None = None) -> dict:
    """psycopg.connect() arguments for a Django database config (dj-database-url keeps a socket host in OPTIONS)."""
    options = config.get("OPTIONS") or {}
    return {
        "dbname": dbname or config["NAME"], "user": config.get("USER") or "postgres",
        "password": config.get("PASSWORD") or None, "host": config.get("HOST") or options.get("host"),
        "port": config.get("PORT") or options.get("port") or None,
    }


def database_url(name: str, base: dict | None = None) -> str:
    """A DATABASE_URL for database `name` on the same server as the configured default database."""
    params = connect_kwargs(base or settings.DATABASES["default"], name)
    user = quote(params["user"])
    password = f":{quote(params['password'])}" if params["password"] else ""
    host, port = params["host"] or "", params["port"] or ""
    if not host or host.startswith("/"):
        query = f"?host={host}" + (f"&port={port}" if port else "") if host else ""
        return f"postgres://{user}{password}@/{name}{query}"
    return f"postgres://{user}{password}@{host}{':' + str(port) if port else ''}/{name}"


def admin_connection():
    return psycopg.connect(**connect_kwargs(settings.DATABASES["default"], "postgres"), autocommit=True)


def manage(*args, env=None, check=True, timeout=300, **kwargs):
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(env or {})
    result = subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True,
                            text=True, timeout=timeout, **kwargs)
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


class ScratchDatabases:
    def __init__(self):
        # Named after the configured database, so each engineer's DATABASE_URL keeps their scratch apart.
        self.prefix = f"{settings.DATABASES['default']['NAME']}_scratch_{os.getpid()}"
        self.template = f"{self.prefix}_template"
        self.created = []

    def _create(self, name, template=None):
        with admin_connection() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.created.append(name)

    def build_template(self):
        self._create(self.template)
        manage("migrate", "--noinput", env={"DATABASE_URL": database_url(self.template)})

    def new(self, label: str, *, empty=False) -> str:
        """A fresh database (migrated unless empty); returns its DATABASE_URL."""
        name = f"{self.prefix}_{label}_{uuid.uuid4().hex[:6]}"
        self._create(name, None if empty else self.template)
        return database_url(name)

    def drop_all(self):
        with admin_connection() as conn:
            for name in reversed(self.created):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def scratch_databases(django_db_blocker):
    databases = ScratchDatabases()
    with django_db_blocker.unblock():
        databases.build_template()
        yield databases
        databases.drop_all()


@pytest.fixture(scope="session")
def production_static(tmp_path_factory):
    """STATIC_ROOT as collectstatic fills it for production (hashed names, a manifest), once for the session's servers."""
    from tests.reliability.test_production_server import PRODUCTION

    root = tmp_path_factory.mktemp("static")
    manage("collectstatic", "--noinput", "--verbosity", "0", env={**PRODUCTION, "STATIC_ROOT": str(root)})
    return root


def query(url: str, sql: str, params=()):
    """Rows of one SQL statement on the database at url (a separate connection, as another process sees it)."""
    import dj_database_url

    with psycopg.connect(**connect_kwargs(dj_database_url.parse(url))) as conn:
        return conn.execute(sql, params).fetchall()
