"""A btree index on Policy.doc_number: a query that is a 文号 finds that policy (search/service.py).

The search ORs `doc_number = …` with the text match; without this index that OR cannot be a
BitmapOr of two index scans, and the planner reads the whole table, checking every policy's
vector. Raw SQL, like 0005's indexes: the model declares no index of its own for it.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("documents", "0016_coverage_fields")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS policy_doc_number ON documents_policy (doc_number)",
            "DROP INDEX IF EXISTS policy_doc_number",
        ),
    ]
