"""Bitmaps of the frequent lexemes' policies (documents/search/postings.py), filled by stats.refresh().

Like search_term_facets, a table only the search code reads, valid while search_stats_dirty is
empty: one row per (vector, lexeme, field) with one bit per policy id up to `size`.
"""

from django.db import migrations

SQL = """
CREATE TABLE search_term_postings (
    vector text NOT NULL,
    lexeme text NOT NULL,
    field text NOT NULL,
    size integer NOT NULL,
    bits bytea NOT NULL,
    PRIMARY KEY (vector, lexeme, field)
);
"""


class Migration(migrations.Migration):
    dependencies = [("documents", "0014_facet_keys_index")]

    operations = [migrations.RunSQL(SQL, "DROP TABLE IF EXISTS search_term_postings")]
