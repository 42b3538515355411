"""Triple lexemes in the phrase vectors: 'a b c' for every three abutting tokens (documents/search/vector.py).

A phrase of three pieces is then one lexeme the GIN index (or a bitmap) answers exactly; before, its
pairs only found the candidates and PostgreSQL decompressed each of their positional vectors
(docs/performance.md, design 25). The triples need the text's tokens, which the positional vector
holds only up to its caps (16,383 characters, 256 positions a lexeme), so each phrase vector is built
again from the text. Policies whose phrase vector already holds a triple are left as they are, and so are
those still waiting for their vectors (a benchmark database is emptied and generated again instead).

ANALYZE keeps ten times a column's statistics target of its most common elements, and the index takes
its pair and triple lexemes from them (index._posting_rows): with triples beside the pairs, the phrase
vector's target goes from 100 to 400.

The base of the search index is dropped (as 0023 did): its pair bitmaps predate the triples, and the
writes below are not logged without one. Imports and reindex rebuild it for a large archive,
`manage.py refresh_search_stats` for any.
"""

from django.db import migrations

BATCH = 200


def add_triples(apps, schema_editor):
    from documents.chinese import converter
    from documents.search.vector import tsvector_literal

    Policy = apps.get_model("documents", "Policy")
    TaskSection = apps.get_model("documents", "TaskSection")
    connection = schema_editor.connection
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_stats_state")
        cursor.execute("DELETE FROM search_term_postings")
        cursor.execute("DELETE FROM search_changes")
        cursor.execute("SELECT id FROM documents_policy WHERE phrase_vector IS NOT NULL AND NOT EXISTS "
                       "(SELECT FROM unnest(phrase_vector) WHERE lexeme LIKE '% % %') ORDER BY id")
        ids = [pk for (pk,) in cursor.fetchall()]
    t2s = converter("t2s")
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        headings: dict[int, list[str]] = {}
        for policy_id, heading in (TaskSection.objects.filter(policy_id__in=batch)
                                   .order_by("policy_id", "position").values_list("policy_id", "heading")):
            headings.setdefault(policy_id, []).append(t2s.convert(heading))
        rows = [(tsvector_literal(t2s.convert(title), headings.get(pk, []), text).pairs, pk)
                for pk, title, text in Policy.objects.filter(pk__in=batch).values_list("pk", "title", "simplified_text")]
        with connection.cursor() as cursor:
            cursor.executemany("UPDATE documents_policy SET phrase_vector = %s::tsvector WHERE id = %s", rows)


class Migration(migrations.Migration):
    dependencies = [("documents", "0023_search_change_log")]

    operations = [
        migrations.RunSQL("ALTER TABLE documents_policy ALTER COLUMN phrase_vector SET STATISTICS 400",
                          "ALTER TABLE documents_policy ALTER COLUMN phrase_vector SET STATISTICS -1"),
        migrations.RunPython(add_triples, migrations.RunPython.noop, elidable=True),
    ]
