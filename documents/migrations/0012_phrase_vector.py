"""Pair lexemes in a column of their own, without positions (documents/search/vector.py).

Migration 0010 put the pair lexemes ('公共 数据') into the positional search vector, which
made every vector 2.2 times longer to decompress when ranking. They move here to
`phrase_vector`, in SQL: the lexemes with a space inside are exactly the pairs (a token never
holds a space), so no text is segmented again. Going back drops the column: run
`manage.py reindex` after that to put the pairs back into the vectors.
"""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
from django.db import migrations

PAIRS = "ARRAY(SELECT lexeme FROM unnest(search_vector) WHERE strpos(lexeme, ' ') > 0)"
# The vector's GIN indexes, rebuilt after the split rather than updated row by row (faster, and
# without the pairs' dead entries).
INDEXES = {
    "policy_search_gin": "search_vector",
    "policy_search_title_gin": "ts_filter(search_vector, '{a}')",
    "policy_search_heading_gin": "ts_filter(search_vector, '{a,b}')",
}


class Migration(migrations.Migration):
    dependencies = [("documents", "0011_policy_city")]

    operations = [
        migrations.AddField(
            model_name="policy",
            name="phrase_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(
            "ALTER TABLE documents_policy ALTER COLUMN phrase_vector SET COMPRESSION lz4",
            migrations.RunSQL.noop,
        ),
        migrations.RunSQL(
            [f"DROP INDEX IF EXISTS {name}" for name in INDEXES]
            + [f"UPDATE documents_policy SET phrase_vector = array_to_tsvector({PAIRS}), "
               f"search_vector = ts_delete(search_vector, {PAIRS}) WHERE search_vector IS NOT NULL"]
            + [f"CREATE INDEX {name} ON documents_policy USING gin ({expression})"
               for name, expression in INDEXES.items()],
            migrations.RunSQL.noop,
            elidable=True,
        ),
        migrations.AddIndex(
            model_name="policy",
            index=django.contrib.postgres.indexes.GinIndex(fields=["phrase_vector"], name="policy_phrase_gin"),
        ),
    ]
