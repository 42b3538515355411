"""One search_stats_dirty row per writing statement, not per transaction (see stats.py).

With one row per transaction, a write made later in the same transaction as a refresh
(tests, scripts that import and then edit) was not seen. Now every statement that writes
policies or issuer links adds a row; a refresh deletes the rows whose transaction its
snapshot saw (its own earlier ones included), so the counts are fresh exactly while no
such row is visible.
"""

from django.db import migrations

SQL = """
ALTER TABLE search_stats_dirty DROP CONSTRAINT search_stats_dirty_pkey;
CREATE OR REPLACE FUNCTION search_stats_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_stats_dirty (xid) VALUES (pg_current_xact_id());
    RETURN NULL;
END $$;
"""

REVERSE = """
DELETE FROM search_stats_dirty;
ALTER TABLE search_stats_dirty ADD PRIMARY KEY (xid);
CREATE OR REPLACE FUNCTION search_stats_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_stats_dirty (xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
"""


class Migration(migrations.Migration):
    dependencies = [("documents", "0006_search_term_facets")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
