#!/usr/bin/env bash
# A throwaway primary and streaming replica on Unix sockets (no TCP), for the router test and for
# trying the scale path by hand (docs/deployment.md):
#   replica.sh start DIR   → primary socket DIR/primary.sock, replica socket DIR/replica.sock
#   replica.sh stop DIR
# The replica is made the standard way: pg_basebackup -R (standby.signal + primary_conninfo).
set -euo pipefail
DIR=$(realpath "${2:?usage: replica.sh start|stop DIR}")

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start() {
  mkdir -p "$DIR/primary.sock" "$DIR/replica.sock"
  if [ "$(id -u)" = 0 ]; then chown -R postgres: "$DIR"; fi
  as_owner initdb -D "$DIR/primary" -U postgres -E UTF8 --locale=C --auth=trust >/dev/null
  as_owner pg_ctl -D "$DIR/primary" -l "$DIR/primary.log" -w -t 60 -o "-c listen_addresses='' \
    -c unix_socket_directories='$DIR/primary.sock' -c wal_level=replica -c max_wal_senders=4 -c fsync=off" start >/dev/null
  as_owner pg_basebackup -h "$DIR/primary.sock" -U postgres -D "$DIR/replica" -R --checkpoint=fast \
    --wal-method=stream
  as_owner pg_ctl -D "$DIR/replica" -l "$DIR/replica.log" -w -t 60 -o "-c listen_addresses='' \
    -c unix_socket_directories='$DIR/replica.sock' -c hot_standby=on -c fsync=off" start >/dev/null
  echo "primary: postgres://postgres@/DBNAME?host=$DIR/primary.sock"
  echo "replica: postgres://postgres@/DBNAME?host=$DIR/replica.sock"
}

stop() {
  for node in replica primary; do
    if [ -f "$DIR/$node/PG_VERSION" ]; then as_owner pg_ctl -D "$DIR/$node" -m immediate -w stop >/dev/null 2>&1 || true; fi
  done
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
