"""The search index kept exact by the writes themselves (documents/search/index.py).

The bitmaps of search_term_postings are a base (index.rebuild). From then on every write to a
policy (insert, update of what the search reads, delete) or to its issuer links leaves the policy's
current searchable state in search_changes — one row per policy, upserted by the writer, so
parallel writers of different policies share no row — and each read applies those rows to the base
in one statement. A rebuild of the base deletes the rows its snapshot saw.

This replaces the precomputed counts of migration 0006 (search_term_facets) and their dirty marks
(search_stats_dirty), which made the fast path vanish at the first write until a refresh.

Rows are written only while a base exists: an archive without one is searched in SQL and logs
nothing (an import into an empty archive pays nothing). TRUNCATE of policies drops the base.
"""

from django.db import migrations

# The columns a read of the index or of the facet arrays depends on (facet_registry.COLUMNS, the
# date order, publication and the two vectors); tests/search/test_index.py checks the list.
WATCHED = ("status", "search_vector", "phrase_vector", "province_id", "city_id", "date_year", "policy_type", "date")

SQL = f"""
DROP TRIGGER IF EXISTS search_stats_policy_dirty ON documents_policy;
DROP TRIGGER IF EXISTS search_stats_issuers_dirty ON documents_policy_issuers;
DROP FUNCTION IF EXISTS search_stats_mark_dirty();
-- The bitmaps are now Roaring bitmaps, and writes after the old base's snapshot were not logged: the
-- base is rebuilt (refresh_search_stats; imports and reindex do it for large archives).
DELETE FROM search_term_postings;
DELETE FROM search_stats_state;
DROP TABLE search_stats_dirty, search_term_facets;

-- Each upsert takes the next number (a sequence is not transactional: writers never wait on each other).
-- The count of rows and the sum of their numbers then change with every logged write, whatever order
-- writers commit in: the freshness token of the search cache and the facet arrays (search/cache.py).
CREATE SEQUENCE search_changes_seq;
CREATE TABLE search_changes (
    policy_id bigint PRIMARY KEY,
    xid xid8 NOT NULL,
    published boolean NOT NULL,
    words tsvector,     -- strip(search_vector): its lexemes
    title tsvector,     -- those of the title (weight A)
    headings tsvector,  -- those of the title and headings (A, B)
    pairs tsvector,     -- phrase_vector (position-free already)
    seq bigint NOT NULL DEFAULT nextval('search_changes_seq')
);
-- Every read looks the log's lexemes up here. Without GIN's fast update: a pending list is scanned whole by
-- every lookup (at 100,000 policies, 1,000 logged saves cost each page ~15 ms); each write inserts at once.
CREATE INDEX search_changes_words ON search_changes USING gin (words) WITH (fastupdate = off);
CREATE INDEX search_changes_title ON search_changes USING gin (title) WITH (fastupdate = off);
CREATE INDEX search_changes_headings ON search_changes USING gin (headings) WITH (fastupdate = off);
CREATE INDEX search_changes_pairs ON search_changes USING gin (pairs) WITH (fastupdate = off);

CREATE FUNCTION search_log_policy() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NOT EXISTS (SELECT FROM search_stats_state) THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'DELETE' THEN
        INSERT INTO search_changes (policy_id, xid, published) VALUES (OLD.id, pg_current_xact_id(), false)
        ON CONFLICT (policy_id) DO UPDATE SET xid = EXCLUDED.xid, published = false,
            words = NULL, title = NULL, headings = NULL, pairs = NULL, seq = EXCLUDED.seq;
    ELSE
        INSERT INTO search_changes (policy_id, xid, published, words, title, headings, pairs) VALUES (
            NEW.id, pg_current_xact_id(), NEW.status = 'published', strip(NEW.search_vector),
            strip(ts_filter(NEW.search_vector, '{{a}}')), strip(ts_filter(NEW.search_vector, '{{a,b}}')),
            NEW.phrase_vector)
        ON CONFLICT (policy_id) DO UPDATE SET xid = EXCLUDED.xid, published = EXCLUDED.published,
            words = EXCLUDED.words, title = EXCLUDED.title, headings = EXCLUDED.headings, pairs = EXCLUDED.pairs,
            seq = EXCLUDED.seq;
    END IF;
    RETURN NULL;
END $$;

-- An issuer link changes the policy's facet keys, not its text: the row only needs to exist and move on.
-- A link moved from one policy to another changes both.
CREATE FUNCTION search_log_issuer_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    IF NOT EXISTS (SELECT FROM search_stats_state) THEN
        RETURN NULL;
    END IF;
    FOREACH changed IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.policy_id]
                                         WHEN 'DELETE' THEN ARRAY[OLD.policy_id]
                                         ELSE ARRAY[OLD.policy_id, NEW.policy_id] END) LOOP
        UPDATE search_changes SET xid = pg_current_xact_id(), seq = nextval('search_changes_seq')
         WHERE policy_id = changed;
        IF NOT FOUND THEN
            INSERT INTO search_changes (policy_id, xid, published, words, title, headings, pairs)
            SELECT id, pg_current_xact_id(), status = 'published', strip(search_vector),
                   strip(ts_filter(search_vector, '{{a}}')), strip(ts_filter(search_vector, '{{a,b}}')), phrase_vector
              FROM documents_policy WHERE id = changed
            ON CONFLICT (policy_id) DO UPDATE SET xid = EXCLUDED.xid, seq = EXCLUDED.seq;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;

CREATE FUNCTION search_drop_base() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM search_stats_state;
    DELETE FROM search_term_postings;
    DELETE FROM search_changes;
    RETURN NULL;
END $$;

CREATE TRIGGER search_log_policy_written AFTER INSERT OR DELETE ON documents_policy
    FOR EACH ROW EXECUTE FUNCTION search_log_policy();
CREATE TRIGGER search_log_policy_updated AFTER UPDATE ON documents_policy FOR EACH ROW
    WHEN ({" OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in WATCHED)})
    EXECUTE FUNCTION search_log_policy();
CREATE TRIGGER search_log_issuer_link AFTER INSERT OR UPDATE OR DELETE ON documents_policy_issuers
    FOR EACH ROW EXECUTE FUNCTION search_log_issuer_link();
CREATE TRIGGER search_drop_base_policy AFTER TRUNCATE ON documents_policy
    FOR EACH STATEMENT EXECUTE FUNCTION search_drop_base();
CREATE TRIGGER search_drop_base_issuer_links AFTER TRUNCATE ON documents_policy_issuers
    FOR EACH STATEMENT EXECUTE FUNCTION search_drop_base();
"""

REVERSE = """
DROP TRIGGER IF EXISTS search_log_policy_written ON documents_policy;
DROP TRIGGER IF EXISTS search_log_policy_updated ON documents_policy;
DROP TRIGGER IF EXISTS search_log_issuer_link ON documents_policy_issuers;
DROP TRIGGER IF EXISTS search_drop_base_policy ON documents_policy;
DROP TRIGGER IF EXISTS search_drop_base_issuer_links ON documents_policy_issuers;
DROP FUNCTION IF EXISTS search_log_policy(), search_log_issuer_link(), search_drop_base();
DROP TABLE IF EXISTS search_changes;
DROP SEQUENCE IF EXISTS search_changes_seq;
DELETE FROM search_term_postings;
DELETE FROM search_stats_state;
CREATE TABLE search_term_facets (
    lexeme text NOT NULL, facet text NOT NULL, key text NOT NULL, count integer NOT NULL,
    PRIMARY KEY (lexeme, facet, key)
);
CREATE TABLE search_stats_dirty (xid xid8 NOT NULL);
CREATE FUNCTION search_stats_mark_dirty() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_stats_dirty (xid) VALUES (pg_current_xact_id());
    RETURN NULL;
END $$;
CREATE TRIGGER search_stats_policy_dirty AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents_policy
    FOR EACH STATEMENT EXECUTE FUNCTION search_stats_mark_dirty();
CREATE TRIGGER search_stats_issuers_dirty AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents_policy_issuers
    FOR EACH STATEMENT EXECUTE FUNCTION search_stats_mark_dirty();
"""


class Migration(migrations.Migration):
    dependencies = [("documents", "0022_reuse_bands")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
