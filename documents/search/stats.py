"""Precomputed facet counts for the most frequent lexemes and for browsing (migration 0006), and
the frequent lexemes' bitmaps (migration 0015, postings.py), refreshed together.

Counting the facets of a term that most policies contain means reading every match
(docs/performance.md, design 23). Those terms are few, and their counts change only
when policies do, so `refresh()` counts them once for all: for every lexeme found in at
least MIN_SHARE of the published policies (and at least MIN_DOCS) among the candidates — the
TOP_LEXEMES most common lexemes by ANALYZE's statistics and the policy vocabulary
(fixtures/vocabulary.txt: 数字经济, 人工智能…) — and for '' (every published policy, i.e.
browsing): the total and the count of each province, city, year and type and of the
ISSUER_KEEP most frequent issuers. Each lexeme's policies come from the GIN index (no vector
is read); one GROUPING SETS statement counts them all.

`lookup()` returns them for a query that is one plain lexeme (or none), but only while they
are fresh: statement triggers add a row (the writer's transaction id) to search_stats_dirty
for every statement that writes policies or their issuer links; `refresh()` deletes the rows
of the transactions its snapshot saw, so the counts are fresh exactly while no row is
visible (a writer committed after the snapshot, or a later write in the refreshing
transaction, leaves one). Writers share no row lock. Any later change makes them stale
(the search then counts live, with the same results) until the next refresh; imports, reindex
and the benchmark build refresh them.
"""

from __future__ import annotations

import time

from django.db import connections, router, transaction

from documents.chinese import VOCABULARY
from documents.models import Policy
from documents.search import postings
from documents.search.facet_registry import BY_NAME, COLUMNS, NAMES
from documents.search.query import PAIRS, WORDS
from documents.search.tokens import normalise
from documents.search.vector import quote_lexeme

MIN_SHARE = 0.3  # a lexeme found in fewer policies is counted live (at most MIN_SHARE × N rows)
MIN_DOCS = 5000
TOP_LEXEMES = 300  # the most frequent lexemes (ANALYZE's most common elements of the vector)
POSTING_SHARE = 0.05  # bitmaps (postings.py) for lexemes found in at least this share of the policies
POSTING_MIN_DOCS = 1000  # … and in at least this many (the GIN index lists fewer in a few milliseconds)
POSTING_LEXEMES = 6000  # at most, most frequent first (three bitmaps each: anywhere, titles, titles or headings)
ISSUER_KEEP = 100  # issuers kept per lexeme, most frequent first (the page shows 50)


def available(using=None) -> bool:
    with connections[using or "default"].cursor() as cursor:
        cursor.execute("SELECT to_regclass('search_stats_state') IS NOT NULL")
        return cursor.fetchone()[0]


def candidates(cursor, published: int, threshold: int) -> list[str]:
    """The policy vocabulary's words and the TOP_LEXEMES most common lexemes, from ANALYZE's statistics."""
    common = most_common(cursor, WORDS, published, threshold)
    vocabulary = [line.split()[0] for line in VOCABULARY.read_text(encoding="utf-8").splitlines() if line.strip()]
    return list(dict.fromkeys(common + [normalise(word) for word in vocabulary]))


def most_common(cursor, column: str, published: int, threshold: int, top: int = TOP_LEXEMES) -> list[str]:
    """The `top` lexemes of a vector column that ANALYZE estimates in about `threshold` policies or more."""
    query = ("SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
             "WHERE tablename = 'documents_policy' AND attname = %s")
    cursor.execute(query, [column])
    row = cursor.fetchone()
    if row is None or row[0] is None:
        cursor.execute(f"ANALYZE documents_policy ({column})")
        cursor.execute(query, [column])
        row = cursor.fetchone()
    if row is None or row[0] is None:
        return []
    pairs = sorted(zip(row[0], row[1]), key=lambda pair: -pair[1])
    return [word for word, share in pairs if share * published >= threshold * 0.8][:top]


def refresh(*, min_share: float = MIN_SHARE, min_docs: int = MIN_DOCS, using: str = "default") -> dict:
    """Recount the frequent lexemes' facets in one snapshot; returns figures for logs."""
    started = time.monotonic()
    conn = connections[using]
    # Read committed is enough: a statement may see writes committed after the snapshot, but
    # their transactions are not in it, so their dirty rows keep these counts stale.
    with transaction.atomic(using=using):
        with conn.cursor() as cursor:
            cursor.execute("SET LOCAL work_mem = '256MB'")
            cursor.execute("DROP TABLE IF EXISTS search_frequent, search_keys, search_frequent_docs")
            cursor.execute("SET LOCAL enable_seqscan = off")  # each lexeme's policies from the GIN index
            cursor.execute("SELECT pg_current_snapshot(), count(*) FROM documents_policy WHERE status = 'published'")
            snapshot, published = cursor.fetchone()
            threshold = max(min_docs, int(published * min_share))
            words = candidates(cursor, published, threshold)
            cursor.execute("CREATE TEMP TABLE search_frequent (word text, q tsquery) ON COMMIT DROP")
            cursor.executemany("INSERT INTO search_frequent VALUES (%s, %s::tsquery)",
                               [(word, quote_lexeme(word)) for word in words])
            cursor.execute(f"CREATE TEMP TABLE search_keys ON COMMIT DROP AS {_KEYS_SQL}")
            # (lexeme, policy) for every candidate found in at least `threshold` policies, and ('', policy).
            cursor.execute("""
                CREATE TEMP TABLE search_frequent_docs ON COMMIT DROP AS
                SELECT f.word, p.id FROM search_frequent f
                 CROSS JOIN LATERAL (SELECT id FROM documents_policy
                                      WHERE search_vector @@ f.q AND status = 'published') AS p
            """)
            cursor.execute("DELETE FROM search_frequent_docs WHERE word IN (SELECT word FROM search_frequent_docs "
                           "GROUP BY word HAVING count(*) < %s)", [threshold])
            cursor.execute("INSERT INTO search_frequent_docs SELECT '', id FROM search_keys")
            cursor.execute("ANALYZE search_frequent_docs")
            cursor.execute("DELETE FROM search_term_facets")
            cursor.execute(f"""
                INSERT INTO search_term_facets (lexeme, facet, key, count)
                SELECT d.word, CASE {_WHICH_KEY} ELSE 'total' END, coalesce({_KEYS_AS_TEXT}, ''), count(*)
                  FROM search_frequent_docs d JOIN search_keys k ON k.id = d.id
                 GROUP BY GROUPING SETS ((d.word), {_WORD_AND_KEY})
                HAVING GROUPING({_KEYS}) = {(1 << len(COLUMNS)) - 1} OR coalesce({_KEYS_AS_TEXT}) IS NOT NULL
            """)
            cursor.execute("""
                INSERT INTO search_term_facets (lexeme, facet, key, count)
                SELECT word, 'issuer', issuer_id::text, n FROM (
                    SELECT d.word, link.issuer_id, count(*) AS n,
                           row_number() OVER (PARTITION BY d.word ORDER BY count(*) DESC, link.issuer_id) AS place
                      FROM search_frequent_docs d JOIN documents_policy_issuers link ON link.policy_id = d.id
                     GROUP BY d.word, link.issuer_id) AS ranked
                 WHERE place <= %s
            """, [ISSUER_KEEP])
            bitmaps = postings.store(cursor, _posting_rows(
                cursor, published, min(threshold, max(POSTING_MIN_DOCS, int(published * POSTING_SHARE)))))
            cursor.execute("SELECT count(DISTINCT word) FROM search_frequent_docs")
            lexemes = cursor.fetchone()[0] - 1
            cursor.execute(
                "INSERT INTO search_stats_state (id, snapshot, min_docs, lexemes, built) VALUES (1, %s, %s, %s, now()) "
                "ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, min_docs = EXCLUDED.min_docs, "
                "lexemes = EXCLUDED.lexemes, built = EXCLUDED.built",
                [snapshot, threshold, lexemes],
            )
            # Writers the snapshot saw, and this transaction's earlier writes, are accounted for;
            # later ones stay and make the counts stale.
            cursor.execute("DELETE FROM search_stats_dirty WHERE pg_visible_in_snapshot(xid, %s::pg_snapshot) "
                           "OR xid = pg_current_xact_id_if_assigned()", [snapshot])
    return {"lexemes": lexemes, "min_docs": threshold, "bitmaps": bitmaps, "seconds": round(time.monotonic() - started, 1)}


def _posting_rows(cursor, published: int, threshold: int):
    """(vector, lexeme, field, ids) for postings.store(): every published policy (''), each lexeme found
    in at least `threshold` of them anywhere, in titles and in titles or headings (their GIN expression
    indexes), and such pair lexemes anywhere.

    The lexemes come from ts_stat's exact document counts, most frequent first: in a large archive
    ANALYZE's 1,000 most common elements are all in about half of the policies. The pairs, ten times
    as many, come from ANALYZE (ts_stat over them is too slow; docs/performance.md, design 20), so
    only the most common have bitmaps. Lexemes are listed CHUNK at a time, one statement a chunk and field.
    """
    cursor.execute("SELECT EXISTS (SELECT FROM documents_policy WHERE status = 'published' "
                   "AND (search_vector IS NULL OR phrase_vector IS NULL))")
    if cursor.fetchone()[0]:  # `!x` leaves such a policy out, a negated filter keeps it: no bitmaps until reindexed
        return
    cursor.execute("SELECT string_agg(id::text, ',') FROM documents_policy WHERE status = 'published'")
    yield WORDS, "", "any", cursor.fetchone()[0]
    cursor.execute("SELECT word FROM ts_stat(%s) WHERE ndoc >= %s ORDER BY ndoc DESC, word LIMIT %s",
                   ["SELECT search_vector FROM documents_policy WHERE status = 'published'", threshold,
                    POSTING_LEXEMES])
    words = [word for (word,) in cursor.fetchall()]
    pairs = most_common(cursor, PAIRS, published, threshold, POSTING_LEXEMES)  # ANALYZE keeps 1,000
    for vector, fields, lexemes in ((WORDS, FIELD_VECTORS, words), (PAIRS, {"any": PAIRS}, pairs)):
        for chunk in range(0, len(lexemes), CHUNK):
            part = lexemes[chunk : chunk + CHUNK]
            for field, expression in fields.items():
                cursor.execute(f"""
                    SELECT w.word, (SELECT string_agg(id::text, ',') FROM documents_policy
                                     WHERE {expression} @@ w.q AND status = 'published')
                      FROM unnest(%s::text[], %s::tsquery[]) AS w (word, q)
                """, [part, [quote_lexeme(word) for word in part]])
                for word, ids in cursor.fetchall():
                    if vector == WORDS or (ids or "").count(",") + 1 >= threshold:  # ANALYZE only estimates
                        yield vector, word, field, ids


FIELD_VECTORS = {"any": WORDS, "a": "ts_filter(search_vector, '{a}')", "ab": "ts_filter(search_vector, '{a,b}')"}
CHUNK = 200


# The facet keys of every published policy's own row (facet_registry.COLUMNS), as facets.count_facets
# computes them, and the pieces of the statement counting them per lexeme.
_KEYS = ", ".join(f"k_{name}" for name in COLUMNS)
_KEYS_SQL = f"""
    SELECT p.id, {", ".join(f"p.{column} AS k_{name}" for name, column in COLUMNS.items())}
      FROM documents_policy p
     WHERE p.status = 'published'
"""
_WHICH_KEY = " ".join(f"WHEN GROUPING(k_{name}) = 0 THEN '{name}'" for name in COLUMNS)
_KEYS_AS_TEXT = ", ".join(f"k_{name}::text" for name in COLUMNS)
_WORD_AND_KEY = ", ".join(f"(d.word, k_{name})" for name in COLUMNS)


def is_fresh(using: str = "default") -> bool:
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT NOT EXISTS (SELECT FROM search_stats_dirty) FROM search_stats_state WHERE id = 1")
        row = cursor.fetchone()
    return bool(row and row[0])


def plain_lexeme(parsed) -> str | None:
    """The lexeme when the query is exactly one lexeme of the positional vector, '' when there is
    no query, else None."""
    if parsed.is_empty:
        return ""
    if parsed.excluded or len(parsed.clauses) != 1 or len(parsed.clauses[0]) != 1:
        return None
    return parsed.clauses[0][0].single_lexeme()


def lookup(lexeme: str) -> tuple[int, dict[str, dict]] | None:
    """(total, {facet: {key: count}}) for a precomputed lexeme while fresh, else None."""
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(
            """
            SELECT facet, key, count FROM search_term_facets
             WHERE lexeme = %s AND EXISTS (SELECT FROM search_stats_state WHERE id = 1)
               AND NOT EXISTS (SELECT FROM search_stats_dirty)
            """,
            [lexeme],
        )
        rows = cursor.fetchall()
    if not rows:
        return None
    total = 0
    raw: dict[str, dict] = {name: {} for name in NAMES}
    for facet, key, count in rows:
        if facet == "total":
            total = count
        else:
            raw[facet][BY_NAME[facet].key_type(key)] = count
    return total, raw


def refresh_if_useful(using: str = "default") -> dict | None:
    """Refresh after an import or reindex when the archive is large enough for counting to cost."""
    if not available(using):
        return None
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM documents_policy WHERE status = 'published'")
        if cursor.fetchone()[0] < MIN_DOCS:
            return None
    return refresh(using=using)

