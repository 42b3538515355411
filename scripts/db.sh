#!/usr/bin/env bash
# The embedded PostgreSQL cluster under var/: `db.sh start` (idempotent) and `db.sh stop`.
# Data in var/postgres, Unix socket in var/run, no TCP port. initdb refuses to run as
# root, so under root the cluster runs as the `postgres` system user.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
DATA="$ROOT/var/postgres"
SOCK="$ROOT/var/run"
LOG="$ROOT/var/postgres.log"
DB_NAME=${DB_NAME:-policyarchive}

pg_bin() {
  if command -v "$1" >/dev/null 2>&1; then command -v "$1"; return; fi
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin/"$1" 2>/dev/null | sort -V | tail -n 1)
  [ -n "$found" ] || { echo "PostgreSQL's $1 was not found (install postgresql)" >&2; exit 1; }
  echo "$found"
}
INITDB=$(pg_bin initdb)
PG_CTL=$(pg_bin pg_ctl)
PSQL=$(pg_bin psql)

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

prepare_root() {
  # Root: the postgres user owns the cluster and must be able to reach it.
  id postgres >/dev/null 2>&1 || useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres
  mkdir -p "$DATA" "$SOCK"
  chown postgres: "$ROOT/var" "$DATA" "$SOCK"
  touch "$LOG" && chown postgres: "$LOG"
  local dir="$ROOT"
  while [ "$dir" != "/" ]; do
    if ! runuser -u postgres -- test -x "$dir"; then
      # A private parent (mktemp -d is 0700): let only the postgres user traverse it.
      if command -v setfacl >/dev/null 2>&1; then setfacl -m u:postgres:x "$dir"; else chmod o+x "$dir"; fi
    fi
    dir=$(dirname "$dir")
  done
}

start() {
  if [ "$(id -u)" = 0 ]; then prepare_root; else mkdir -p "$DATA" "$SOCK"; fi
  if [ ! -f "$DATA/PG_VERSION" ]; then
    echo "Initialising PostgreSQL cluster in var/postgres"
    as_owner "$INITDB" -D "$DATA" -U postgres -E UTF8 --locale=C --auth=trust >/dev/null
  fi
  if as_owner "$PG_CTL" -D "$DATA" status >/dev/null 2>&1; then
    :
  else
    as_owner "$PG_CTL" -D "$DATA" -l "$LOG" -w -t 60 \
      -o "-c listen_addresses='' -c unix_socket_directories='$SOCK' -c fsync=on" start >/dev/null
    echo "PostgreSQL started (socket in var/run)"
  fi
  if [ "$("$PSQL" -h "$SOCK" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname='$DB_NAME'")" != 1 ]; then
    "$PSQL" -h "$SOCK" -U postgres -d postgres -qc "CREATE DATABASE $DB_NAME"
    echo "Database $DB_NAME created"
  fi
}

stop() {
  if [ -f "$DATA/PG_VERSION" ] && as_owner "$PG_CTL" -D "$DATA" status >/dev/null 2>&1; then
    as_owner "$PG_CTL" -D "$DATA" -m fast -w stop >/dev/null
    echo "PostgreSQL stopped"
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
