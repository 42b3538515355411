"""The change log's rows numbered, issuer links moved between policies logged on both sides, and the log's
GIN indexes without a pending list.

Each upsert of a search_changes row takes the next number of a sequence (not transactional: writers do not
wait on each other). The count of rows and the sum of their numbers then change with every logged write,
whatever order writers commit in — the freshness token the search cache and the facet arrays compare
(documents/search/cache.py), so that writes the model's signals never see (QuerySet.update, raw SQL,
an issuer's deletion) are caught up on too.
"""

from django.db import migrations

# Every read looks the log's lexemes up in these GIN indexes: with GIN's fast update, a writer's entries wait
# in a pending list that every lookup scans whole (at 100,000 policies, 1,000 logged saves cost each page
# ~15 ms); without it each write inserts its entries at once.
FAST_UPDATE_OFF = "".join(f"ALTER INDEX search_changes_{column} SET (fastupdate = off); "
                          f"SELECT gin_clean_pending_list('search_changes_{column}'::regclass);\n"
                          for column in ("words", "title", "headings", "pairs"))

SQL = FAST_UPDATE_OFF + """
CREATE SEQUENCE search_changes_seq;
ALTER TABLE search_changes ADD COLUMN seq bigint NOT NULL DEFAULT nextval('search_changes_seq');

CREATE OR REPLACE FUNCTION search_log_policy() RETURNS trigger LANGUAGE plpgsql AS $$
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
            strip(ts_filter(NEW.search_vector, '{a}')), strip(ts_filter(NEW.search_vector, '{a,b}')),
            NEW.phrase_vector)
        ON CONFLICT (policy_id) DO UPDATE SET xid = EXCLUDED.xid, published = EXCLUDED.published,
            words = EXCLUDED.words, title = EXCLUDED.title, headings = EXCLUDED.headings, pairs = EXCLUDED.pairs,
            seq = EXCLUDED.seq;
    END IF;
    RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION search_log_issuer_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint;
BEGIN
    IF NOT EXISTS (SELECT FROM search_stats_state) THEN
        RETURN NULL;
    END IF;
    -- A link moved from one policy to another changes both.
    FOREACH changed IN ARRAY (CASE TG_OP WHEN 'INSERT' THEN ARRAY[NEW.policy_id]
                                         WHEN 'DELETE' THEN ARRAY[OLD.policy_id]
                                         ELSE ARRAY[OLD.policy_id, NEW.policy_id] END) LOOP
        UPDATE search_changes SET xid = pg_current_xact_id(), seq = nextval('search_changes_seq')
         WHERE policy_id = changed;
        IF NOT FOUND THEN
            INSERT INTO search_changes (policy_id, xid, published, words, title, headings, pairs)
            SELECT id, pg_current_xact_id(), status = 'published', strip(search_vector),
                   strip(ts_filter(search_vector, '{a}')), strip(ts_filter(search_vector, '{a,b}')), phrase_vector
              FROM documents_policy WHERE id = changed
            ON CONFLICT (policy_id) DO UPDATE SET xid = EXCLUDED.xid, seq = EXCLUDED.seq;
        END IF;
    END LOOP;
    RETURN NULL;
END $$;
"""

# Back to 0023's functions: the same bodies without the numbering (and links logged on their new side only).
REVERSE = (SQL.split("CREATE OR REPLACE FUNCTION search_log_issuer_link()")[0].replace(FAST_UPDATE_OFF, "")
           .replace(", seq = EXCLUDED.seq", "").replace(",\n            seq = EXCLUDED.seq", "")
           .replace("CREATE SEQUENCE search_changes_seq;\n", "")
           .replace("ALTER TABLE search_changes ADD COLUMN seq bigint NOT NULL DEFAULT nextval('search_changes_seq');\n",
                    "")
           + """
CREATE OR REPLACE FUNCTION search_log_issuer_link() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.policy_id ELSE NEW.policy_id END;
BEGIN
    IF NOT EXISTS (SELECT FROM search_stats_state) THEN
        RETURN NULL;
    END IF;
    UPDATE search_changes SET xid = pg_current_xact_id() WHERE policy_id = changed;
    IF NOT FOUND THEN
        INSERT INTO search_changes (policy_id, xid, published, words, title, headings, pairs)
        SELECT id, pg_current_xact_id(), status = 'published', strip(search_vector),
               strip(ts_filter(search_vector, '{a}')), strip(ts_filter(search_vector, '{a,b}')), phrase_vector
          FROM documents_policy WHERE id = changed
        ON CONFLICT (policy_id) DO UPDATE SET xid = EXCLUDED.xid;
    END IF;
    RETURN NULL;
END $$;
ALTER TABLE search_changes DROP COLUMN seq;
DROP SEQUENCE search_changes_seq;
""")


class Migration(migrations.Migration):
    dependencies = [("documents", "0023_search_change_log")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
