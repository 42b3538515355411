#!/usr/bin/env bash
# `make restore FILE=…`: restore a `make backup` file into the database DATABASE_URL names (the
# embedded one by default). It must be new or empty unless FORCE=1 (which drops and recreates it).
# One transaction: a failed restore leaves the database as it was.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
FILE=${1:?usage: restore.sh FILE.dump}
[ -f "$FILE" ] || { echo "No such backup file: $FILE" >&2; exit 2; }
pg_restore --list "$FILE" >/dev/null || { echo "$FILE is not a pg_dump custom-format file" >&2; exit 2; }
DSN=$("$PY" scripts/pg_url.py)
ADMIN=$("$PY" scripts/pg_url.py --dbname postgres)
NAME=$("$PY" scripts/pg_url.py --name)
exists=$(psql "$ADMIN" -tAc "SELECT 1 FROM pg_database WHERE datname = '$NAME'")
if [ "$exists" = 1 ]; then
  tables=$(psql "$DSN" -tAc "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
  if [ "$tables" != 0 ]; then
    if [ "${FORCE:-0}" != 1 ]; then
      echo "Database $NAME already has $tables tables: restore into a new database (DATABASE_URL=…)," >&2
      echo "or run with FORCE=1 to drop and recreate it (stop the server first)." >&2
      exit 1
    fi
    psql "$ADMIN" -qc "DROP DATABASE \"$NAME\" WITH (FORCE)"
    exists=""
  fi
fi
[ "$exists" = 1 ] || psql "$ADMIN" -qc "CREATE DATABASE \"$NAME\""
pg_restore --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$DSN" "$FILE"
echo "Restored $FILE into $NAME: $(psql "$DSN" -tAc 'SELECT count(*) FROM documents_policy') policies"
