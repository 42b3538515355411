"""lz4 for search vectors, and GIN indexes on the title-only and title-and-headings parts of them.

A result page with many matches ranks a bounded candidate set; these indexes find the
policies matching in their titles or headings without reading any vector from the table
(see documents/search/service.py and docs/performance.md). Expression indexes on the
existing column: no model field changes.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_curator_groups")]

    operations = [
        # lz4 decompresses several times faster than the default pglz: ranking candidates and
        # checking phrase positions read whole vectors. Applies to vectors written from now on.
        migrations.RunSQL(
            "ALTER TABLE documents_policy ALTER COLUMN search_vector SET COMPRESSION lz4",
            "ALTER TABLE documents_policy ALTER COLUMN search_vector SET COMPRESSION pglz",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS policy_search_title_gin ON documents_policy "
            "USING gin (ts_filter(search_vector, '{a}'))",
            "DROP INDEX IF EXISTS policy_search_title_gin",
        ),
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS policy_search_heading_gin ON documents_policy "
            "USING gin (ts_filter(search_vector, '{a,b}'))",
            "DROP INDEX IF EXISTS policy_search_heading_gin",
        ),
    ]
