"""Precomputed facet counts for the most frequent lexemes (documents/search/stats.py).

Tables only the search code reads (no models): search_term_facets holds, for each frequent
lexeme and for '' (every published policy), the total and the count of each facet key;
search_stats_state holds the snapshot the counts were computed in. Statement triggers on
policies and their issuer links record each writing transaction in search_stats_dirty, so
the counts are used only while no transaction committed after that snapshot changed a
policy (see stats.fresh()). No row locks are shared between writers: each inserts its own xid.
"""

from django.db import migrations

SQL = """
CREATE TABLE search_term_facets (
    lexeme text NOT NULL,
    facet text NOT NULL,
    key text NOT NULL,
    count integer NOT NULL,
    PRIMARY KEY (lexeme, facet, key)
);
CREATE TABLE search_stats_state (
    id integer PRIMARY KEY CHECK (id = 1),
    snapshot pg_snapshot NOT NULL,
    min_docs integer NOT NULL,
    lexemes integer NOT NULL,
    built timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE search_stats_dirty (xid xid8 PRIMARY KEY);
CREATE FUNCTION search_stats_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_stats_dirty (xid) VALUES (pg_current_xact_id()) ON CONFLICT DO NOTHING;
    RETURN NULL;
END $$;
CREATE TRIGGER search_stats_policy_dirty AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents_policy
    FOR EACH STATEMENT EXECUTE FUNCTION search_stats_mark_dirty();
CREATE TRIGGER search_stats_issuers_dirty AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents_policy_issuers
    FOR EACH STATEMENT EXECUTE FUNCTION search_stats_mark_dirty();
"""

REVERSE = """
DROP TRIGGER IF EXISTS search_stats_policy_dirty ON documents_policy;
DROP TRIGGER IF EXISTS search_stats_issuers_dirty ON documents_policy_issuers;
DROP FUNCTION IF EXISTS search_stats_mark_dirty();
DROP TABLE IF EXISTS search_stats_dirty, search_stats_state, search_term_facets;
"""


class Migration(migrations.Migration):
    dependencies = [("documents", "0005_search_field_indexes")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
