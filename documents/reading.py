"""A policy's text prepared for reading (pure): script conversion and paragraphs carrying section anchors."""

from dataclasses import dataclass, field

from documents.search.script import to_simplified, to_traditional

SCRIPTS = ("hans", "hant")


def convert(text: str, source: str, target: str) -> str:
    """Text in the target script; unchanged when it is already there."""
    if source == target or not text:
        return text
    return to_traditional(text) if target == "hant" else to_simplified(text)


@dataclass
class Piece:
    text: str
    anchors: list[str] = field(default_factory=list)  # sections starting here (usually one)
    level: int = 0  # the section's level when this piece is a section's label and heading


def _needles(section: dict) -> list[str]:
    label = section["number"] + section["heading"]
    candidates = [label, section["number"] + section["heading"][:10], section["heading"][:12]]
    if not section["heading"]:
        candidates.append(section["number"] + section["body"][:12])
    return [c for c in dict.fromkeys(candidates) if len(c.strip()) >= 2]


def text_blocks(text: str, sections: list[dict]) -> list[list[Piece]]:
    """The text's non-empty lines as paragraphs of pieces, each section's anchor where it starts.

    sections are dicts with number, heading, body, anchor and level, in document order, in the
    same script as text. Each section is looked for after the previous one, inside lines too
    (prose enumerations 一是…二是… share a paragraph). A section that is not found hands its
    anchor to the next one found, so every table-of-contents link lands.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    starts: dict[int, list[tuple[int, int, list[str], int]]] = {}  # line -> (offset, length, anchors, level)
    line_i, offset, pending = 0, 0, []
    for section in sections:
        found = None
        for needle in _needles(section):
            for i in range(line_i, len(lines)):
                k = lines[i].find(needle, offset if i == line_i else 0)
                if k >= 0:
                    found = (i, k, len(needle))
                    break
            if found:
                break
        if found is None:
            pending.append(section["anchor"])
            continue
        i, k, length = found
        starts.setdefault(i, []).append((k, length, pending + [section["anchor"]], section["level"]))
        pending = []
        line_i, offset = i, k + length
    blocks = []
    for i, line in enumerate(lines):
        pieces, cursor = [], 0
        for k, length, anchors, level in starts.get(i, []):
            if k > cursor:
                pieces.append(Piece(line[cursor:k]))
            pieces.append(Piece(line[k : k + length], anchors, level))
            cursor = k + length
        if cursor < len(line):
            pieces.append(Piece(line[cursor:]))
        blocks.append(pieces)
    if pending:
        blocks.append([Piece("", pending)])
    return blocks
