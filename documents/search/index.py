"""The search index: which published policies hold each frequent lexeme, as bitmaps kept exact by the writes.

Listing the matches of a common word from its GIN index visits every matching row, and so does
finding the newest of them for the candidate pools. The index holds, for every lexeme found in at
least SHARE of the published policies and MIN_LEXEME_DOCS of them (up to LEXEMES, most frequent
first), one bit per policy id: the policies whose vector holds the lexeme anywhere, in the title
(weight A) and in the title or a heading (A, B); and for such pair and triple lexemes (phrases of two
and three pieces) anywhere. A rarer lexeme's few matches are listed from the policies' GIN indexes in the
statement that reads the base, so any query without positions — lexemes ANDed, ORed, excluded — is
evaluated in memory, its counts, pools and tiers alike.

**Base and change log** (migration 0023). `rebuild()` writes the bitmaps (the base).
Every later write of a policy — save, publish, withdraw, delete, import, a change of its issuer links —
leaves the policy's current searchable state (published or not, the lexemes of its vectors) in
search_changes, one row per policy, from triggers in the writer's own transaction; writers of
different policies share no row. A read fetches the base bitmaps it needs and applies every logged
row to them in one statement (`fetch`): the changed policies are cleared and those that match now are
set, their matches found by the log's own GIN indexes. So the bitmaps are exact in every state: no
write waits for a rebuild, and a rebuild only folds the log back into the base (imports and reindex
do it; `manage.py refresh_search_stats` does it on demand) — a long log costs a read a little more,
never its correctness. Without a base (archives below MIN_ARCHIVE) nothing is logged and every query is
answered in SQL; the plan says so (service.plan).

Conditions are query.py's trees, walked as they are (no tsquery text is read back): lexemes with optional
weights, and, or, not. A phrase's positions (`Sequence`) are not answerable here: the search then lists its
matches in SQL.
"""

from __future__ import annotations

import array
import itertools
import time

import numpy as np
from django.db import connections, router, transaction
from pyroaring import BitMap

from documents.models import Policy
from documents.search.planner import index_scans
from documents.search.query import PAIRS, WORDS, AllOf, AnyOf, Lexeme, Match, Not, Sequence
from documents.search.vector import quote_lexeme

MIN_ARCHIVE = 5000  # imports and reindex build a base only for an archive of at least this many published policies
SHARE = 0.05  # bitmaps for lexemes found in at least this share of the published policies
MIN_LEXEME_DOCS = 1000  # … and in at least this many (the GIN index lists fewer in a few milliseconds)
LEXEMES = 6000  # at most, most frequent first (three bitmaps each: anywhere, titles, titles or headings)
PAIR_LEXEMES = 20_000  # pairs and triples at most (one bitmap each)
PAIR_SAMPLE = 2000  # policies whose pairs and triples are counted to choose them
CHUNK = 200

FIELDS = {"": "any", "A": "a", "AB": "ab"}  # a lexeme's weights → the bitmap that answers it
EVERY = (WORDS, "", "any")  # every published policy: browsing, and what an excluded word is taken from
# Where the log holds each bitmap's lexemes (migration 0023), and the policy's own expression for the base.
LOGGED = {(WORDS, "any"): "words", (WORDS, "a"): "title", (WORDS, "ab"): "headings", (PAIRS, "any"): "pairs"}
# Each bitmap's expression over the policy's own vectors (GIN-indexed): for the base, and for a lexeme it lacks.
EXPRESSIONS = {(WORDS, "any"): WORDS, (WORDS, "a"): "ts_filter(search_vector, '{a}')",
               (WORDS, "ab"): "ts_filter(search_vector, '{a,b}')", (PAIRS, "any"): PAIRS}


# --- Evaluating conditions over bitmaps (pure) ----------------------------------------------

def keys(condition, field: str = "any") -> set[tuple[str, str, str]] | None:
    """The bitmaps (vector, lexeme, field) a condition (query.py's tree) needs; None if bitmaps cannot answer it
    (a phrase's positions).

    field: "a" or "ab" to match within titles (and headings), as ts_filter'ed vectors do.
    """
    needed: set = set()

    def walk_query(node, vector: str) -> bool:
        if isinstance(node, Lexeme):
            if node.weights and (vector != WORDS or field != "any"):
                return False
            chosen = FIELDS[node.weights] if node.weights else field
            if vector == PAIRS and chosen != "any":
                return False
            needed.add((vector, node.word, chosen))
            return True
        if isinstance(node, Sequence):
            return False
        if isinstance(node, Not):
            needed.add(EVERY)
            return walk_query(node.part, vector)
        return all(walk_query(part, vector) for part in node.parts)

    def walk(node) -> bool:
        if isinstance(node, Match):
            return node.query is not None and walk_query(node.query, node.vector)
        if isinstance(node, Not):
            needed.add(EVERY)
            return walk(node.part)
        return all(walk(part) for part in node.parts)

    return needed if condition is not None and walk(condition) else None


def evaluate(condition, bitmaps: dict, field: str = "any") -> np.ndarray:
    """The condition over bool arrays by id (bitmaps from `keys()`'s keys, all of one length)."""
    every = bitmaps.get(EVERY)

    def over_query(node, vector: str) -> np.ndarray:
        if isinstance(node, Lexeme):
            return bitmaps[(vector, node.word, FIELDS[node.weights] if node.weights else field)]
        if isinstance(node, Not):
            return every & ~over_query(node.part, vector)
        parts = [over_query(part, vector) for part in node.parts]
        return np.logical_and.reduce(parts) if isinstance(node, AllOf) else np.logical_or.reduce(parts)

    def over(node) -> np.ndarray:
        if isinstance(node, Match):
            return over_query(node.query, node.vector)
        if isinstance(node, Not):
            return every & ~over(node.part)
        parts = [over(part) for part in node.parts]
        return np.logical_and.reduce(parts) if isinstance(node, AllOf) else np.logical_or.reduce(parts)

    assert isinstance(condition, (Match, Not, AllOf, AnyOf))
    return over(condition)


def encode(ids: np.ndarray, size: int) -> bytes:
    """The ids below `size` as a serialized Roaring bitmap (a policy committed during a rebuild is newer:
    the log holds it). Roaring stores a sparse bitmap — most title and heading ones — as its ids, a dense one
    as bits: at 100,000 policies a dense array would be 12.5 kB whatever it holds."""
    kept = np.unique(ids[(ids >= 0) & (ids < size)]).astype(np.uint32)
    members = array.array("I")
    members.frombytes(kept.tobytes())
    return BitMap(members).serialize()


def decode(data: bytes, size: int) -> np.ndarray:
    """A bool array of `size` from encode()'s bytes."""
    rows = np.zeros(size, dtype=bool)
    rows[np.frombuffer(BitMap.deserialize(data).to_array(), dtype=np.uint32)] = True
    return rows


def apply_changes(base: np.ndarray, changed: np.ndarray, matching: np.ndarray, size: int) -> np.ndarray:
    """A base bitmap brought up to date: the changed policies cleared, those matching now set (`size` ids)."""
    rows = np.zeros(size, dtype=bool)
    rows[: min(size, base.size)] = base[:size]
    rows[changed] = False
    rows[matching] = True
    return rows


# --- Reading the index --------------------------------------------------------------------

def fetch(wanted: set[tuple[str, str, str]]) -> tuple[dict, set, str | None]:
    """(bitmaps, listed, why): the current bitmaps of the keys, from the database the page reads, in one
    statement — each base bitmap with every logged change applied, and each key the base lacks (a lexeme too
    rare for it; in `listed`) from the policies' own GIN indexes, in the same snapshot. ({}, set(), why)
    without a base, with a base built without lexemes, or while a changed published policy still waits for its
    vectors (`!x` and SQL would disagree on such a policy)."""
    if not wanted:
        return {}, set(), None
    wanted = sorted(wanted)
    columns, params = [], []
    for vector, lexeme, field in wanted:
        stored = "SELECT bits FROM search_term_postings WHERE vector = %s AND lexeme = %s AND field = %s"
        columns.append(f"({stored})")
        params += [vector, lexeme, field]
        if lexeme:
            columns.append(f"ARRAY(SELECT policy_id FROM search_changes WHERE published "
                           f"AND {LOGGED[(vector, field)]} @@ %s::tsquery)")
            columns.append(f"CASE WHEN lexemes > 0 AND NOT EXISTS ({stored}) THEN coalesce(("
                           f"SELECT string_agg(id::text, ',') FROM documents_policy WHERE status = 'published' "
                           f"AND {EXPRESSIONS[(vector, field)]} @@ %s::tsquery), '') END")
            params += [quote_lexeme(lexeme), vector, lexeme, field, quote_lexeme(lexeme)]
        else:
            columns.append("ARRAY(SELECT policy_id FROM search_changes WHERE published)")
            columns.append("NULL")
    # The log is small in pages (its vectors are TOASTed), so the planner would scan it and decompress every
    # row's vectors for each lexeme instead of asking its GIN indexes (docs/performance.md, design 25).
    with index_scans(), connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(
            f"""
            SELECT (SELECT size FROM search_term_postings WHERE vector = %s AND lexeme = '' AND field = 'any'),
                   ARRAY(SELECT policy_id FROM search_changes),
                   EXISTS (SELECT FROM search_changes WHERE published AND (words IS NULL OR pairs IS NULL)),
                   {", ".join(columns)}
              FROM search_stats_state WHERE id = 1
            """,
            [WORDS, *params],
        )
        row = cursor.fetchone()
    if row is None or row[0] is None:
        return {}, set(), (f"no index built yet: imports build one for {MIN_ARCHIVE} published policies or more, "
                           "refresh_search_stats for any archive")
    if row[2]:
        return {}, set(), "a changed published policy waits for its search vector"
    base_size, changed, _, *found = row
    if any(bits is None and ids is None for bits, ids in zip(found[::3], found[2::3])):
        return {}, set(), ("the base holds no lexemes (a published policy had no search vector when it was built): "
                           "text is matched in SQL until a reindex")
    changed = np.array(changed, dtype=np.int64)
    listed = {key: np.array(ids.split(",") if ids else [], dtype=np.int64)
              for key, ids in zip(wanted, found[2::3]) if ids is not None}
    size = max(base_size, int(changed.max()) + 1 if changed.size else 0,
               *(int(ids.max()) + 1 for ids in listed.values() if ids.size))
    bitmaps = {}
    for key, bits, matching in zip(wanted, found[::3], found[1::3]):
        if bits is not None:
            bitmaps[key] = apply_changes(decode(bytes(bits), base_size), changed,
                                         np.array(matching, dtype=np.int64), size)
        elif key in listed:
            bitmaps[key] = np.zeros(size, dtype=bool)
            bitmaps[key][listed[key]] = True
    return bitmaps, set(listed), None


def state(using: str | None = None) -> dict | None:
    """The base's figures and the log's length (the plan reports them); None without a base."""
    with connections[using or router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute("SELECT built, lexemes, min_docs, (SELECT count(*) FROM search_changes) "
                       "FROM search_stats_state WHERE id = 1")
        row = cursor.fetchone()
    return None if row is None else {"built": row[0], "lexemes": row[1], "min_docs": row[2], "changes": row[3]}


def changed_since_base(using: str) -> tuple[object, list[int]] | None:
    """(the base's build time, the ids the log holds), for the facet arrays to catch up; None without a base."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT built, ARRAY(SELECT policy_id FROM search_changes) FROM search_stats_state WHERE id = 1")
        row = cursor.fetchone()
    return None if row is None else (row[0], row[1])


class Matches:
    """A query's text matches from the index, when it can answer them; looked up once, on first use."""

    def __init__(self, parsed, *, include_unpublished: bool):
        self.parsed = parsed
        self.usable = not include_unpublished  # the index holds published policies only
        self._bitmaps: dict | None = None
        self._listed: set = set()
        self._unanswered: str | None = None

    def _needed(self, condition, field="any"):
        return keys(condition, field) if self.usable else None

    def _fetch(self):
        if self._bitmaps is None:
            needed = self._condition_keys()
            parts = (needed, *self._pool_keys(), *self._tier_keys())
            wanted = set().union(*[part for part in parts if part is not None])
            self._bitmaps, self._listed, self._unanswered = fetch(wanted) if needed is not None else ({}, set(), None)
        return self._bitmaps

    def listed(self) -> list[str]:
        """The query's lexemes the base has no bitmap for (listed from the GIN indexes), for the plan."""
        self._fetch()
        return sorted({lexeme for _, lexeme, _ in self._listed})

    def why_not(self) -> str | None:
        """Why the index cannot list this query's matches (None: it can), for the plan."""
        if not self.usable:
            return "drafts and withdrawn policies are included: the index holds published policies only"
        needed = self._condition_keys()
        if needed is None:
            return "the query needs positions (a phrase of four or more pieces, or pieces apart)"
        self._fetch()
        return self._unanswered

    def _condition_keys(self):
        """The bitmaps the matches need: every published policy for no query words (browsing)."""
        if self.parsed.is_empty:
            return {EVERY} if self.usable else None
        return self._needed(self.parsed.condition())

    def _has(self, *needed) -> bool:
        bitmaps = self._fetch()
        return all(part is not None and part <= bitmaps.keys() for part in needed)

    def _pool_keys(self):
        anywhere, words = self._relaxed()
        return [self._needed(anywhere), self._needed(words, "a"), self._needed(words, "ab")]

    def _tier_keys(self):
        return [self._needed(self.parsed.condition()), *map(self._needed, self._tiers())]

    def _tiers(self):
        return [Match.of(WORDS, self.parsed.query(weights, with_excluded=False)) for weights in ("A", "AB")]

    def _relaxed(self):
        return (self.parsed.condition(with_excluded=False, relaxed=True),
                Match.of(WORDS, self.parsed.query(with_excluded=False, relaxed=True)))

    def ids(self) -> np.ndarray | None:
        """The matching ids, or None when the index cannot say."""
        exact = self.exact()
        return None if exact is None else np.flatnonzero(exact)

    def exact(self) -> np.ndarray | None:
        """A bool array of the matching ids, or None when the index cannot say."""
        if not self._has(self._condition_keys()):
            return None
        if self.parsed.is_empty:
            return self._fetch()[EVERY]
        return evaluate(self.parsed.condition(), self._fetch())

    def pools(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Bool arrays of the relaxed matches anywhere, in titles, and in titles or headings."""
        if not self._has(*self._pool_keys()):
            return None
        bitmaps = self._fetch()
        anywhere, words = self._relaxed()
        return evaluate(anywhere, bitmaps), evaluate(words, bitmaps, "a"), evaluate(words, bitmaps, "ab")

    def tiers(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Bool arrays of the policies matched in titles, and in titles or headings (the ranking's tiers,
        beside exact()), when the index can tell: not for phrases, whose tiers need positions."""
        if not self._has(*self._tier_keys()):
            return None
        bitmaps = self._fetch()
        title, headings = self._tiers()
        return evaluate(title, bitmaps), evaluate(headings, bitmaps)


# --- Building the base ------------------------------------------------------------------------

def rebuild(*, min_share: float = SHARE, min_docs: int = MIN_LEXEME_DOCS, using: str = "default") -> dict:
    """Write the base and drop the log rows it accounts for; returns figures for logs.

    The statements run in READ COMMITTED, each in its own snapshot, all at least as new as the one
    recorded: a writer that snapshot did not see may be in some bitmaps and not others, but it keeps its
    log row (only rows of writers the recorded snapshot saw are deleted), and that row overrides every
    bitmap for its policy. One rebuild at a time (an advisory lock): a second one waits, then rebuilds.
    """
    started = time.monotonic()
    if not connections[using].in_atomic_block:
        _start_logging(using)
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [REBUILD_LOCK])
        cursor.execute("SET LOCAL work_mem = '256MB'")
        cursor.execute("SET LOCAL enable_seqscan = off")  # each lexeme's policies from the GIN indexes
        cursor.execute("SELECT pg_current_snapshot(), count(*) FROM documents_policy WHERE status = 'published'")
        snapshot, published = cursor.fetchone()
        threshold = max(min_docs, int(published * min_share))
        bitmaps = store(cursor, _posting_rows(cursor, published, threshold))
        cursor.execute("SELECT count(*) FROM search_term_postings WHERE field = 'any' AND lexeme <> ''")
        lexemes = cursor.fetchone()[0]
        cursor.execute(
            "INSERT INTO search_stats_state (id, snapshot, min_docs, lexemes, built) "
            "VALUES (1, %s, %s, %s, clock_timestamp()) ON CONFLICT (id) DO UPDATE SET snapshot = EXCLUDED.snapshot, "
            "min_docs = EXCLUDED.min_docs, lexemes = EXCLUDED.lexemes, built = EXCLUDED.built",
            [snapshot, threshold, lexemes],
        )
        # Writers the snapshot saw, and this transaction's own earlier writes, are in the base; a writer that
        # commits later keeps its row (a row it is still writing is waited for, then re-checked).
        cursor.execute("DELETE FROM search_changes WHERE pg_visible_in_snapshot(xid, %s::pg_snapshot) "
                       "OR xid = pg_current_xact_id_if_assigned()", [snapshot])
    return {"lexemes": lexemes, "min_docs": threshold, "bitmaps": bitmaps, "seconds": round(time.monotonic() - started, 1)}


REBUILD_LOCK = 7_220_023  # pg_advisory_xact_lock key of rebuild()


def _start_logging(using: str) -> None:
    """Before a first base: the triggers log only while search_stats_state has a row, so commit one (no
    bitmaps yet: reads still go to SQL), then wait until every writer whose trigger ran before it was
    visible — and so logged nothing — has ended, before the base's snapshot is taken."""
    with transaction.atomic(using=using), connections[using].cursor() as cursor:
        cursor.execute("INSERT INTO search_stats_state (id, snapshot, min_docs, lexemes, built) "
                       "VALUES (1, pg_current_snapshot(), 0, 0, clock_timestamp()) ON CONFLICT (id) DO NOTHING")
        started = cursor.rowcount == 1
    if started:
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute("LOCK TABLE documents_policy, documents_policy_issuers IN SHARE MODE")


def rebuild_if_useful(using: str = "default") -> dict | None:
    """Rebuild after an import or reindex when the archive is large enough for the index to matter."""
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT count(*) FROM documents_policy WHERE status = 'published'")
        if cursor.fetchone()[0] < MIN_ARCHIVE:
            return None
    return rebuild(using=using)


def store(cursor, rows) -> int:
    """Replace every bitmap with rows of (vector, lexeme, field, ids as a comma-separated string or None)."""
    cursor.execute("DELETE FROM search_term_postings")
    cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM documents_policy")
    size = cursor.fetchone()[0]
    stored, records = 0, []
    for vector, word, field, listed in itertools.chain(rows, [(None, None, None, None)]):
        if vector is not None:
            ids = np.array(listed.split(","), dtype=np.int64) if listed else np.zeros(0, dtype=np.int64)
            records.append((vector, word, field, size, encode(ids, size)))
        if records and (len(records) == 500 or vector is None):  # in batches: all of them at once would fill memory
            cursor.executemany("INSERT INTO search_term_postings (vector, lexeme, field, size, bits) "
                               "VALUES (%s, %s, %s, %s, %s)", records)
            stored, records = stored + len(records), []
    return stored


def _posting_rows(cursor, published: int, threshold: int):
    """(vector, lexeme, field, ids) for store(): every published policy (''), each lexeme found
    in at least `threshold` of them anywhere, in titles and in titles or headings (their GIN expression
    indexes), and such pair lexemes anywhere.

    The lexemes come from ts_stat's exact document counts, most frequent first: in a large archive
    ANALYZE's 1,000 most common elements are all in about half of the policies. The pairs and triples,
    ten times as many, from ts_stat over a sample (frequent_pairs), each then kept only if its listing
    holds `threshold` policies. Lexemes are listed CHUNK at a time, one statement a chunk and field.
    """
    cursor.execute("SELECT string_agg(id::text, ',') FROM documents_policy WHERE status = 'published'")
    yield WORDS, "", "any", cursor.fetchone()[0]
    cursor.execute("SELECT EXISTS (SELECT FROM documents_policy WHERE status = 'published' "
                   "AND (search_vector IS NULL OR phrase_vector IS NULL))")
    if cursor.fetchone()[0]:  # `!x` leaves such a policy out, a negated filter keeps it: no lexemes until reindexed
        return
    cursor.execute("SELECT word FROM ts_stat(%s) WHERE ndoc >= %s ORDER BY ndoc DESC, word LIMIT %s",
                   ["SELECT search_vector FROM documents_policy WHERE status = 'published'", threshold, LEXEMES])
    words = [word for (word,) in cursor.fetchall()]
    pairs = frequent_pairs(cursor, published, threshold)
    for vector, lexemes in ((WORDS, words), (PAIRS, pairs)):
        for chunk in range(0, len(lexemes), CHUNK):
            part = lexemes[chunk : chunk + CHUNK]
            for (of, field), expression in EXPRESSIONS.items():
                if of != vector:
                    continue
                cursor.execute(f"""
                    SELECT w.word, (SELECT string_agg(id::text, ',') FROM documents_policy
                                     WHERE {expression} @@ w.q AND status = 'published')
                      FROM unnest(%s::text[], %s::tsquery[]) AS w (word, q)
                """, [part, [quote_lexeme(word) for word in part]])
                for word, ids in cursor.fetchall():
                    if vector == WORDS or (ids or "").count(",") + 1 >= threshold:  # ANALYZE only estimates
                        yield vector, word, field, ids


def frequent_pairs(cursor, published: int, threshold: int) -> list[str]:
    """The pair and triple lexemes estimated in about `threshold` published policies or more, most frequent
    first (store() keeps those that are): ts_stat over a fixed sample of PAIR_SAMPLE of them. Over every policy
    it takes minutes at 100,000, and ANALYZE's most common elements stop at 4,000 of the ~15,000 such lexemes
    there (docs/performance.md, design 27)."""
    share = min(1.0, PAIR_SAMPLE / max(published, 1))
    tablesample = f" TABLESAMPLE BERNOULLI ({100 * share:.6f}) REPEATABLE (0)" if share < 1 else ""
    source = f"FROM documents_policy{tablesample} WHERE status = 'published'"
    cursor.execute(f"SELECT count(*) {source}")
    sampled = max(cursor.fetchone()[0], 1)
    # Estimated in at least 80% of `threshold` policies: store() drops those its exact listing finds below it.
    cursor.execute("SELECT word FROM ts_stat(%s) WHERE ndoc * %s >= %s * 0.8 ORDER BY ndoc DESC, word LIMIT %s",
                   [f"SELECT {PAIRS} {source}", published, threshold * sampled, PAIR_LEXEMES])
    return [word for (word,) in cursor.fetchall()]
