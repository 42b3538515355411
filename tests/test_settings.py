import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "False",
    "SECRET_KEY": "a-long-random-production-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "policies.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://policies.example.org",
}


def manage(*args, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS")}
    environment.update(env)
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=environment, capture_output=True, text=True)


def test_check_deploy_is_clean_with_production_values():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = dict(PRODUCTION_ENV)
    env.pop("SECRET_KEY")
    result = manage("check", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_debug_accepts_only_boolean_values():
    result = manage("check", DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be True or False" in result.stderr


def test_unreachable_database_gives_one_clear_line():
    result = manage("migrate", "--check", DATABASE_URL="postgres://nobody@/nowhere?host=/nonexistent-socket-dir")
    assert result.returncode != 0
    assert "run `make db` or set DATABASE_URL" in result.stderr
    assert "Traceback" not in result.stderr


def test_database_url_selects_the_server(settings):
    import dj_database_url

    config = dj_database_url.parse("postgres://archive:secret@db.example.org:5433/archive")
    assert config["HOST"] == "db.example.org" and config["PORT"] == 5433 and config["NAME"] == "archive"
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"
