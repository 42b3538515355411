#!/usr/bin/env bash
# `make backup [FILE=…]`: the whole archive database (policies, sections, import records with the
# raw files, history, accounts) as one pg_dump custom-format file. Online: pg_dump reads one
# consistent snapshot while the archive keeps serving.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
DSN=$("$PY" scripts/pg_url.py)
FILE=${1:-var/backups/$("$PY" scripts/pg_url.py --name)-$(date +%Y%m%d-%H%M%S).dump}
mkdir -p "$(dirname "$FILE")"
TMP="$FILE.partial"
# Written under a temporary name first: an interrupted dump never looks like a finished one.
pg_dump --format=custom --compress=6 --no-owner --no-privileges --file="$TMP" "$DSN"
pg_restore --list "$TMP" >/dev/null  # the archive's table of contents must read back
mv "$TMP" "$FILE"
echo "Backup written to $FILE ($(du -h "$FILE" | cut -f1))"
