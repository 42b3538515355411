# The two commands: `make run` serves the archive, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
PORT ?= 8000

.PHONY: run test db db-stop setup install static browser-deps clean dataset

run: setup
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: install db browser-deps static
	$(PY) -m pytest

# Everything `make run` needs before serving.
setup: install db static
	$(MANAGE) migrate --noinput
	$(MANAGE) load_regions
	$(MANAGE) import_policies fixtures/seeds fixtures/corpus --quiet

install: $(VENV)/.installed

static: install
	$(MANAGE) collectstatic --noinput --verbosity 0

# Reinstall only when the dependency list changes.
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

# The published archive as an open dataset (docs/dataset.md), into OUT (default settings.DATASET_ROOT,
# var/dataset, which /data/ lists and serves).
dataset: install db
	$(MANAGE) export_dataset $(OUT)

# The embedded cluster, unless DATABASE_URL points at a server.
db:
ifeq ($(DATABASE_URL),)
	@scripts/db.sh start
else
	@echo "Using DATABASE_URL; no embedded cluster"
endif

db-stop:
	@scripts/db.sh stop

# Debian's chromium for the browser tests (Playwright cannot download browsers here).
browser-deps:
	@scripts/browser-deps.sh

clean: db-stop
	rm -rf $(VENV) var staticfiles

# --- Operations (docs/deployment.md) ---------------------------------------------------------
.PHONY: backup restore serve-prod loadtest loadtest-corpus

# pg_dump of the archive database (DATABASE_URL or the embedded one) to FILE, default var/backups/.
backup: install db
	@scripts/backup.sh $(FILE)

# Restore a `make backup` file into DATABASE_URL's database (new or empty; FORCE=1 replaces it).
restore: install db
	@test -n "$(FILE)" || { echo "usage: make restore FILE=var/backups/….dump [DATABASE_URL=…] [FORCE=1]"; exit 2; }
	@scripts/restore.sh $(FILE)

# Production-style server on loopback: gunicorn, DEBUG off, static files through whitenoise.
# Needs SECRET_KEY (and ALLOWED_HOSTS, TLS proxy settings) in the environment, as in production.
WORKERS ?= 4
serve-prod: setup
	DEBUG=False $(MANAGE) collectstatic --noinput --verbosity 0
	DEBUG=False $(VENV)/bin/gunicorn policyarchive.wsgi --bind 127.0.0.1:$(PORT) --workers $(WORKERS) \
		--access-logfile - --timeout 30 --graceful-timeout 10 --max-requests 2000 --max-requests-jitter 200

# Load test (a command, not a test): locust against `serve-prod`-style gunicorn on loopback, on the
# seeds plus LOAD_DOCS generated policies in database LOAD_DB; LOAD_USERS runs of LOAD_DURATION each.
loadtest: install db
	@$(PY) -c "import locust" 2>/dev/null || $(PY) -m pip install --quiet -e '.[load]'
	@scripts/loadtest.sh
