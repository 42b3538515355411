#!/usr/bin/env bash
# `make loadtest`: locust against gunicorn (production-style settings, loopback only) on the seeds
# plus a generated corpus in a database of its own, at each user count in LOAD_USERS. Bounded:
# LOAD_DURATION per run; the server is stopped on exit. Results: var/loadtest/summary.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
DOCS=${LOAD_DOCS:-10000}
DB=${LOAD_DB:-policyarchive_load}
USERS=${LOAD_USERS:-10 50}
DURATION=${LOAD_DURATION:-60s}
WORKERS=${LOAD_WORKERS:-4}
PORT=${LOAD_PORT:-8765}
export LOAD_WAIT=${LOAD_WAIT:-0.1 0.5}  # seconds between a user's requests (loadtest/locustfile.py)
OUT=var/loadtest
mkdir -p "$OUT"

LOAD_URL=$("$PY" scripts/pg_url.py --url "$DB")
"$PY" manage.py loadtest_corpus --docs "$DOCS" --database "$DB"

export DATABASE_URL="$LOAD_URL" DEBUG=False ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=False LOG_LEVEL=ERROR
export SECRET_KEY="load-test-only-secret-not-for-production-use-0123456789abcdefghijklmnop"
export STATIC_ROOT="$PWD/$OUT/static"
"$PY" manage.py collectstatic --noinput --verbosity 0
# The detail pages' policy ids, listed once here rather than by every simulated user through the API.
export LOAD_IDS="$OUT/ids.txt"
"$PY" manage.py shell --verbosity 0 -c "from django.db.models import F; from documents.models import Policy
print(*Policy.objects.published().order_by(F('date').desc(nulls_last=True), '-id').values_list('id', flat=True)[:2000])" >"$LOAD_IDS"

.venv/bin/gunicorn policyarchive.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --timeout 30 \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.2
done
# Warm each worker's caches (jieba, OpenCC, facet counts) before measuring.
for _ in $(seq 1 $((WORKERS * 4))); do curl -fs -o /dev/null "http://127.0.0.1:$PORT/policies/?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E"; done

SUMMARY="$OUT/summary.md"
{
  echo "| users | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
} > "$SUMMARY"
for users in $USERS; do
  rm -f "$OUT/u${users}"_*.csv  # a run that crashed must not report the previous one's figures
  .venv/bin/locust -f loadtest/locustfile.py --headless --users "$users" --spawn-rate "${LOAD_SPAWN:-$users}" \
    --run-time "$DURATION" --stop-timeout 10 --host "http://127.0.0.1:$PORT" --csv "$OUT/u$users" \
    --only-summary --loglevel WARNING >"$OUT/u$users.log" 2>&1 || true
  "$PY" - "$OUT/u${users}_stats.csv" "$users" >>"$SUMMARY" <<'PY'
import csv, sys
rows = {row["Name"]: row for row in csv.DictReader(open(sys.argv[1]))}
a = rows["Aggregated"]
print(f"| {sys.argv[2]} | {a['Request Count']} | {float(a['Requests/s']):.1f} | {a['50%']} | {a['95%']} | "
      f"{a['99%']} | {float(a['Max Response Time']):.0f} | {a['Failure Count']} |")
PY
done
echo "Load test on $DB ($DOCS generated policies + seeds), $WORKERS gunicorn workers, $DURATION per run, $LOAD_WAIT s between requests:"
cat "$SUMMARY"
