"""Run in a subprocess by test_replica.py with DATABASE_URL (primary) and DATABASE_REPLICA_URL (replica).

Prints one JSON object: where each kind of request's queries went, as Django recorded them.
"""

import json
import os
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "policyarchive.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connections  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from documents.importing import import_document  # noqa: E402
from policyarchive.routers import replica_reads  # noqa: E402
from documents.models import Policy  # noqa: E402


def captured(function):
    """Run function; return (queries on the primary, queries on the replica)."""
    with CaptureQueriesContext(connections["default"]) as primary, CaptureQueriesContext(connections["replica"]) as replica:
        function()
    return len(primary), len(replica)


def in_recovery(alias):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery()")
        return cursor.fetchone()[0]


report = {"primary_in_recovery": in_recovery("default"), "replica_in_recovery": in_recovery("replica")}

seed = sorted(os.listdir("fixtures/seeds"))[0]
policy_id = None


def write():
    global policy_id
    with open(f"fixtures/seeds/{seed}", "rb") as file:
        policy_id = import_document(file.read(), seed, source_key=seed).policy.pk


report["import"] = captured(write)

started = time.monotonic()
while not Policy.objects.using("replica").filter(pk=policy_id).exists():
    if time.monotonic() - started > 20:
        raise SystemExit("the replica never received the imported policy")
    time.sleep(0.05)
report["replication_lag_s"] = round(time.monotonic() - started, 3)

client = Client()
report["read_outside_requests"] = Policy.objects.all().db
with replica_reads():
    report["read_in_public_request"] = Policy.objects.all().db
for name, url in [("home", "/"), ("search", "/policies/?q=数字经济&sort=newest"), ("detail", f"/policies/{policy_id}/"),
                  ("api_list", "/api/policies/?q=数字经济"), ("api_detail", f"/api/policies/{policy_id}/")]:
    response = None

    def get(url=url):
        global response
        response = client.get(url)

    report[name] = captured(get)
    report[f"{name}_status"] = response.status_code

report["update"] = captured(lambda: Policy.objects.filter(pk=policy_id).update(title="改过的标题"))

admin = get_user_model().objects.create_superuser("ops", "ops@example.org", "pw-for-tests-only")
client.force_login(admin)
report["admin_changelist"] = captured(lambda: client.get("/admin/documents/policy/"))
print(json.dumps(report))
