"""The policies' search GIN indexes take each write's keys at once (fastupdate = off), as the change log's do.

With fast updates a write's keys go to a pending list, and the write that finds the list over
gin_pending_list_limit (4 MB) merges all of it into the index before it returns. A curator's save adds
thousands of keys to the phrase index, so every few saves one waited seconds: at 100,000 policies 200
saves took p50 82 ms, p95 2.0 s, max 8.9 s; without the pending list 216 ms, 501 ms and 955 ms
(docs/performance.md, design 28). Searches no longer scan a pending list either.

The indexes are altered, not built again (at 100,000 policies the phrase index alone takes most of an
hour); the pending lists are merged first, since fastupdate = off leaves them in place.
"""

import django.contrib.postgres.indexes
from django.db import migrations

INDEXES = ("policy_search_gin", "policy_phrase_gin", "policy_search_title_gin", "policy_search_heading_gin")


class Migration(migrations.Migration):
    dependencies = [("documents", "0024_phrase_triples")]

    operations = [
        migrations.RunSQL(
            [f"SELECT gin_clean_pending_list('{name}'::regclass)" for name in INDEXES]
            + [f"ALTER INDEX {name} SET (fastupdate = off)" for name in INDEXES],
            [f"ALTER INDEX {name} RESET (fastupdate)" for name in INDEXES],
            state_operations=[
                migrations.RemoveIndex(model_name="policy", name="policy_search_gin"),
                migrations.AddIndex(model_name="policy", index=django.contrib.postgres.indexes.GinIndex(
                    fastupdate=False, fields=["search_vector"], name="policy_search_gin")),
                migrations.RemoveIndex(model_name="policy", name="policy_phrase_gin"),
                migrations.AddIndex(model_name="policy", index=django.contrib.postgres.indexes.GinIndex(
                    fastupdate=False, fields=["phrase_vector"], name="policy_phrase_gin")),
            ],
        ),
    ]
