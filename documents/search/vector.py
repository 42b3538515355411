"""The weighted tsvector of a policy, built from our own tokens (pure).

Title tokens weigh A, section headings B, body C (as djangoproject.com's docs search
weighs title, table of contents and body). Positions are character offsets so phrase
queries can ask for exact distances; each field starts at its own base so that no
phrase spans two fields. PostgreSQL caps positions at 16383.

Besides the tokens, every two tokens that abut in the text (the second starts where the
first ends) are indexed as one pair lexeme, 'a b', and every three as one triple, 'a b c', in a
second, position-free vector (the policy's phrase_vector; migration 0024 added the triples). A phrase
of two or three pieces is then one lexeme its GIN index answers exactly, without reading any vector;
PostgreSQL's own phrase operator must decompress every vector that holds all the pieces. Kept apart,
the pairs leave the positional vector — the one ranking decompresses — short (docs/performance.md,
design 9). A space never occurs inside a token.
"""

from typing import NamedTuple

from documents.search.tokens import tokens

MAX_POSITION = 16383
FIELD_GAP = 50
MAX_POSITIONS_PER_LEXEME = 256


def quote_lexeme(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


class Vectors(NamedTuple):
    """The two tsvector literals of a policy: weighted tokens at positions, and its pair lexemes."""

    words: str
    pairs: str


def tsvector_literal(title: str, headings: list[str], body: str) -> Vectors:
    """The tsvectors in PostgreSQL's input syntax for already simplified texts."""
    return literal_from_tokens([("A", tokens(title))] + [("B", tokens(h)) for h in headings] + [("C", tokens(body))])


def pair_lexeme(*pieces: str) -> str:
    return " ".join(pieces)


def pairs(field_tokens) -> list[str]:
    """'a b' for every two tokens of a field where b starts where a ends, and 'a b c' where c then
    starts where b ends."""
    starting: dict[int, list[str]] = {}
    for token, offset in field_tokens:
        starting.setdefault(offset, []).append(token)
    joined = []
    for token, offset in field_tokens:
        end = offset + len(token)
        for second in starting.get(end, ()):
            joined.append(pair_lexeme(token, second))
            joined.extend(pair_lexeme(token, second, third) for third in starting.get(end + len(second), ()))
    return joined


def literal_from_tokens(fields) -> Vectors:
    """The literals from (weight, [(token, offset)]) fields in order: title, headings…, body."""
    positions: dict[str, dict[int, str]] = {}
    abutting: dict[str, None] = {}
    base = 1
    for weight, field_tokens in fields:
        end = base
        for token, offset in field_tokens:
            stop = base + offset + len(token)
            if stop > end:
                end = stop
        for pair in pairs(field_tokens):
            if _storable(pair):
                abutting[pair] = None
        for token, offset in field_tokens:
            if not _storable(token):
                continue
            pos = base + offset
            if pos > MAX_POSITION:
                pos = MAX_POSITION
            slots = positions.get(token)
            if slots is None:
                positions[token] = {pos: weight}
            elif pos not in slots and len(slots) < MAX_POSITIONS_PER_LEXEME:
                slots[pos] = weight
        base = end + FIELD_GAP
    words = " ".join(
        quote_lexeme(lexeme) + ":" + ",".join([f"{pos}{weight}" for pos, weight in sorted(slots.items())])
        for lexeme, slots in positions.items()
    )
    return Vectors(words, " ".join(map(quote_lexeme, abutting)))


def _storable(lexeme: str) -> bool:
    """Whether PostgreSQL accepts a lexeme this long (under 2,046 bytes)."""
    return len(lexeme) <= 500 or len(lexeme.encode()) < 2046
