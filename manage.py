#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyarchive.settings")
    from django.core.management import execute_from_command_line
    from django.db.utils import OperationalError

    try:
        execute_from_command_line(sys.argv)
    except OperationalError as error:
        # One clear line instead of a traceback when the cluster is down or unreachable.
        first_line = str(error).strip().splitlines()[0] if str(error).strip() else "connection failed"
        sys.exit(f"Database unreachable ({first_line}): run `make db` or set DATABASE_URL")


if __name__ == "__main__":
    main()
