"""The weighted tsvector of a policy, built from our own tokens (pure).

Title tokens weigh A, section headings B, body C (as djangoproject.com's docs search
weighs title, table of contents and body). Positions are character offsets so phrase
queries can ask for exact distances; each field starts at its own base so that no
phrase spans two fields. PostgreSQL caps positions at 16383.
"""

from documents.search.tokens import tokens

MAX_POSITION = 16383
FIELD_GAP = 50
MAX_POSITIONS_PER_LEXEME = 256


def quote_lexeme(lexeme: str) -> str:
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(title: str, headings: list[str], body: str) -> str:
    """A tsvector in PostgreSQL's input syntax for already simplified texts."""
    positions: dict[str, dict[int, str]] = {}
    base = 1

    def add(text: str, weight: str) -> int:
        end = base
        for token, offset in tokens(text):
            if len(token.encode()) >= 2046:
                continue
            pos = min(base + offset, MAX_POSITION)
            slots = positions.setdefault(token, {})
            if pos not in slots and len(slots) < MAX_POSITIONS_PER_LEXEME:
                slots[pos] = weight
            end = max(end, base + offset + len(token))
        return end

    base = add(title, "A") + FIELD_GAP
    for heading in headings:
        base = add(heading, "B") + FIELD_GAP
    add(body, "C")
    return " ".join(
        quote_lexeme(lexeme) + ":" + ",".join(f"{pos}{weight}" for pos, weight in sorted(slots.items()))
        for lexeme, slots in positions.items()
    )
