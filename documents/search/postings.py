"""Which published policies hold each frequent lexeme, as bitmaps: text matches without heap visits.

Listing the matches of a common word from its GIN index visits every matching row, and so does
finding the newest of them for the candidate pools. stats.refresh() therefore also stores, for
every lexeme that ts_stat finds in at least stats.POSTING_SHARE of the published policies and
stats.POSTING_MIN_DOCS of them (up to stats.POSTING_LEXEMES, most frequent first), one bit per
policy id: the policies whose vector holds the lexeme anywhere, in the title (weight A) and in the
title or a heading (A, B); and for such pair lexemes (phrases of two pieces) anywhere. A query
made only of such lexemes — ANDed, ORed, excluded — is then evaluated in memory, from bitmaps
fetched in one statement and valid exactly while the precomputed counts are (no write since their
snapshot). Figures: docs/performance.md, design 20.

The tsqueries this reads are the ones query.py builds: quoted lexemes, optional weights, & | !
and parentheses. Anything else (a phrase's positions, `<N>`) is not answerable here: the
search then lists its matches in SQL.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
from django.db import connections, router

from documents.models import Policy
from documents.search.query import PAIRS, WORDS, AllOf, AnyOf, Match, Not

FIELDS = {"": "any", "A": "a", "AB": "ab"}  # a lexeme's weights → the bitmap that answers it
EVERY = (WORDS, "", "any")  # every published policy: what an excluded word is taken from


@dataclass(frozen=True)
class Lexeme:
    word: str
    weights: str = ""


@dataclass(frozen=True)
class Op:
    kind: str  # "&", "|" or "!"
    parts: tuple


def parse_tsquery(text: str):
    """A tsquery string of quoted lexemes, & | ! and parentheses as a tree (Lexeme, Op); None for
    anything else (phrase distances, prefixes)."""
    tokens = _tokens(text)
    if tokens is None:
        return None
    position = 0

    def expression(operator: str):
        nonlocal position
        lower = "&" if operator == "|" else None
        parts = [expression(lower) if lower else unary()]
        while position < len(tokens) and tokens[position] == operator:
            position += 1
            parts.append(expression(lower) if lower else unary())
        return parts[0] if len(parts) == 1 else Op(operator, tuple(parts))

    def unary():
        nonlocal position
        if position >= len(tokens):
            raise ValueError("unexpected end")
        token = tokens[position]
        position += 1
        if token == "!":
            return Op("!", (unary(),))
        if token == "(":
            inner = expression("|")
            if position >= len(tokens) or tokens[position] != ")":
                raise ValueError("unbalanced")
            position += 1
            return inner
        if isinstance(token, Lexeme):
            return token
        raise ValueError(f"unexpected {token}")

    try:
        tree = expression("|")
    except ValueError:
        return None
    return tree if position == len(tokens) else None


def _tokens(text: str) -> list | None:
    out: list = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch in "&|!()":
            out.append(ch)
            i += 1
        elif ch == "'":
            word, i = _quoted(text, i + 1)
            if word is None:
                return None
            weights = ""
            if i < n and text[i] == ":":
                end = i + 1
                while end < n and text[end] in "ABCD":
                    end += 1
                weights = text[i + 1 : end]
                if weights not in FIELDS or not weights:
                    return None  # another field, or a prefix match (:*)
                i = end
            out.append(Lexeme(word, weights))
        else:
            return None  # <N>, <->, bare words
    return out


def _quoted(text: str, i: int) -> tuple[str | None, int]:
    """The lexeme from after its opening quote, as quote_lexeme escaped it, and where it ends."""
    chars = []
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text):
            chars.append(text[i + 1])
            i += 2
        elif ch == "'":
            if text[i + 1 : i + 2] == "'":
                chars.append("'")
                i += 2
            else:
                return "".join(chars), i + 1
        else:
            chars.append(ch)
            i += 1
    return None, i


def keys(condition, field: str = "any") -> set[tuple[str, str, str]] | None:
    """The bitmaps (vector, lexeme, field) a condition needs; None if bitmaps cannot answer it.

    field: "a" or "ab" to match within titles (and headings), as ts_filter'ed vectors do.
    """
    needed: set = set()

    def walk_tsquery(tree, vector: str) -> bool:
        if isinstance(tree, Lexeme):
            if tree.weights and (vector != WORDS or field != "any"):
                return False
            chosen = FIELDS[tree.weights] if tree.weights else field
            if vector == PAIRS and chosen != "any":
                return False
            needed.add((vector, tree.word, chosen))
            return True
        if tree.kind == "!":
            needed.add(EVERY)
        return all(walk_tsquery(part, vector) for part in tree.parts)

    def walk(node) -> bool:
        if isinstance(node, Match):
            tree = parse_tsquery(node.tsquery)
            return tree is not None and walk_tsquery(tree, node.vector)
        if isinstance(node, Not):
            needed.add(EVERY)
            return walk(node.part)
        return all(walk(part) for part in node.parts)

    return needed if condition is not None and walk(condition) else None


def evaluate(condition, bitmaps: dict, field: str = "any") -> np.ndarray:
    """The condition over bool arrays by id (bitmaps from `keys()`'s keys, all of one length)."""
    every = bitmaps.get(EVERY)

    def over_tsquery(tree, vector: str) -> np.ndarray:
        if isinstance(tree, Lexeme):
            return bitmaps[(vector, tree.word, FIELDS[tree.weights] if tree.weights else field)]
        if tree.kind == "!":
            return every & ~over_tsquery(tree.parts[0], vector)
        parts = [over_tsquery(part, vector) for part in tree.parts]
        return np.logical_and.reduce(parts) if tree.kind == "&" else np.logical_or.reduce(parts)

    def over(node) -> np.ndarray:
        if isinstance(node, Match):
            return over_tsquery(parse_tsquery(node.tsquery), node.vector)
        if isinstance(node, Not):
            return every & ~over(node.part)
        parts = [over(part) for part in node.parts]
        return np.logical_and.reduce(parts) if isinstance(node, AllOf) else np.logical_or.reduce(parts)

    assert isinstance(condition, (Match, Not, AllOf, AnyOf))
    return over(condition)


def encode(ids: np.ndarray, size: int) -> bytes:
    """The ids below `size` as bits (a policy committed during a refresh is newer: its writer's dirty
    row keeps these bitmaps unused anyway)."""
    bits = np.zeros(size, dtype=bool)
    bits[ids[ids < size]] = True
    return np.packbits(bits, bitorder="little").tobytes()


def decode(data: bytes, size: int) -> np.ndarray:
    return np.unpackbits(np.frombuffer(data, dtype=np.uint8), count=size, bitorder="little").astype(bool)


def fetch(wanted: set[tuple[str, str, str]]) -> dict:
    """Those of the bitmaps that are stored, from the database the page reads; none unless fresh."""
    if not wanted:
        return {}
    vectors, words, fields = zip(*sorted(wanted))
    with connections[router.db_for_read(Policy)].cursor() as cursor:
        cursor.execute(
            """
            SELECT p.vector, p.lexeme, p.field, p.size, p.bits
              FROM search_term_postings p
              JOIN unnest(%s::text[], %s::text[], %s::text[]) AS w (vector, lexeme, field)
                   USING (vector, lexeme, field)
             WHERE EXISTS (SELECT FROM search_stats_state WHERE id = 1)
               AND NOT EXISTS (SELECT FROM search_stats_dirty)
            """,
            [list(vectors), list(words), list(fields)],
        )
        rows = cursor.fetchall()
    return {(vector, word, field): decode(bytes(bits), size) for vector, word, field, size, bits in rows}


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


class Matches:
    """A query's text matches from bitmaps, when they can answer it; looked up once, on first use."""

    def __init__(self, parsed, *, include_unpublished: bool):
        self.parsed = parsed
        self.usable = not include_unpublished  # bitmaps hold published policies only
        self._bitmaps: dict | None = None

    def _needed(self, condition, field="any"):
        return keys(condition, field) if self.usable else None

    def _fetch(self):
        if self._bitmaps is None:
            needed = self._condition_keys()
            parts = (needed, *self._pool_keys(), *self._tier_keys())
            wanted = set().union(*[part for part in parts if part is not None])
            self._bitmaps = fetch(wanted) if needed is not None else {}
        return self._bitmaps

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
        return [Match(WORDS, self.parsed.tsquery(weights, with_excluded=False)) for weights in ("A", "AB")]

    def _relaxed(self):
        return (self.parsed.condition(with_excluded=False, relaxed=True),
                Match(WORDS, self.parsed.tsquery(with_excluded=False, relaxed=True)))

    def ids(self) -> np.ndarray | None:
        """The matching ids, or None when bitmaps cannot say."""
        if not self._has(self._condition_keys()):
            return None
        if self.parsed.is_empty:
            return np.flatnonzero(self._fetch()[EVERY])
        return np.flatnonzero(evaluate(self.parsed.condition(), self._fetch()))

    def pools(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Bool arrays of the relaxed matches anywhere, in titles, and in titles or headings."""
        if not self._has(*self._pool_keys()):
            return None
        bitmaps = self._fetch()
        anywhere, words = self._relaxed()
        return evaluate(anywhere, bitmaps), evaluate(words, bitmaps, "a"), evaluate(words, bitmaps, "ab")

    def tiers(self) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Bool arrays of the exact matches, those matched in titles, and in titles or headings (the
        ranking's tiers), when bitmaps can tell: not for phrases, whose tiers need positions."""
        if not self._has(*self._tier_keys()):
            return None
        bitmaps = self._fetch()
        title, headings = self._tiers()
        return evaluate(self.parsed.condition(), bitmaps), evaluate(title, bitmaps), evaluate(headings, bitmaps)
