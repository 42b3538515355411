"""Print the libpq connection string for DATABASE_URL (or the embedded database), optionally for another dbname.

Shared by backup.sh, restore.sh and replica.sh so none of them parses URLs by hand:
`pg_url.py` → the archive's database, `pg_url.py --dbname postgres` → the server's maintenance database,
`pg_url.py --name` → just the database name, `pg_url.py --url NAME` → a DATABASE_URL for database NAME.
"""

import os
import sys
from pathlib import Path

import dj_database_url
from psycopg.conninfo import make_conninfo

ROOT = Path(__file__).resolve().parent.parent
url = os.environ.get("DATABASE_URL") or f"postgres://postgres@/policyarchive?host={ROOT / 'var' / 'run'}"
config = dj_database_url.parse(url)
options = dict(config.get("OPTIONS") or {})
params = {
    "dbname": config["NAME"], "user": config.get("USER") or None, "password": config.get("PASSWORD") or None,
    "host": config.get("HOST") or options.pop("host", None), "port": config.get("PORT") or options.pop("port", None),
    **{key: value for key, value in options.items() if key in ("sslmode", "sslrootcert", "connect_timeout")},
}
if sys.argv[1:2] == ["--name"]:
    print(config["NAME"])
elif sys.argv[1:2] == ["--url"]:
    base, _, query = url.partition("?")
    print(base.rsplit("/", 1)[0] + "/" + sys.argv[2] + (f"?{query}" if query else ""))
else:
    if sys.argv[1:2] == ["--dbname"]:
        params["dbname"] = sys.argv[2]
    print(make_conninfo(**{key: str(value) for key, value in params.items() if value not in (None, "")}))
