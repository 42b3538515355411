"""A policy's text prepared for reading (pure): script conversion and paragraphs carrying section anchors."""

from dataclasses import dataclass, field

from documents.chinese import to_simplified, to_traditional

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


NEEDLE = 24  # characters of a section's label and heading enough to find it


def _needles(section: dict) -> list[str]:
    """What a section's start looks like in the text, most specific first, without white space."""
    number, heading = section["number"], section["heading"]
    candidates = [number + heading[:NEEDLE], number + heading[:10], heading[:12]]
    if not heading:
        candidates.append(number + section["body"][:12])
    squeezed = ("".join(c.split()) for c in candidates)
    return [c for c in dict.fromkeys(squeezed) if len(c) >= 2]


def has_own_heading(section: dict) -> bool:
    """False where the heading is only the start of the body (an article 第一条 without a title of its
    own, whose stored heading is its first sentence cut): its label is then its number alone."""
    heading = "".join(section["heading"].removesuffix("…").split())
    return not heading or not "".join(section["body"].split()).startswith(heading)


def _label_length(section: dict, needle: str) -> int:
    """How much of the found needle is the section's label (shown as its heading)."""
    number = "".join(section["number"].split())
    own = section["own_heading"] if "own_heading" in section else has_own_heading(section)
    if number and needle.startswith(number) and not own:
        return len(number)
    return len(needle)


def _original_span(line: str, start: int, length: int) -> tuple[int, int]:
    """The [start, end) in line of the squeezed (white space removed) span [start, start + length)."""
    seen, begin = -1, None
    for i, ch in enumerate(line):
        if ch.isspace():
            continue
        seen += 1
        if seen == start:
            begin = i
        if seen == start + length - 1:
            return begin, i + 1
    raise ValueError("span outside the line")


def text_blocks(text: str, sections: list[dict]) -> list[list[Piece]]:
    """The text's non-empty lines as paragraphs of pieces, each section's anchor where it starts.

    sections are dicts with number, heading, body, anchor and level (and own_heading, where the
    caller has decided it), in document order, in the same script as text. Each section is looked for after the previous one, inside lines too
    (prose enumerations 一是…二是… share a paragraph). A section that is not found hands its
    anchor to the next one found, so every table-of-contents link lands.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    squeezed = ["".join(line.split()) for line in lines]
    starts: dict[int, list[tuple[int, int, list[str], int]]] = {}  # line -> (start, end, anchors, level)
    line_i, offset, pending = 0, 0, []
    for section in sections:
        found = None
        for needle in _needles(section):
            for i in range(line_i, len(lines)):
                k = squeezed[i].find(needle, offset if i == line_i else 0)
                if k >= 0:
                    found = (i, k + len(needle), *_original_span(lines[i], k, _label_length(section, needle)))
                    break
            if found:
                break
        if found is None:
            pending.append(section["anchor"])
            continue
        i, after, start, end = found
        starts.setdefault(i, []).append((start, end, pending + [section["anchor"]], section["level"]))
        pending = []
        line_i, offset = i, after
    blocks = []
    for i, line in enumerate(lines):
        pieces, cursor = [], 0
        for start, end, anchors, level in starts.get(i, []):
            if start > cursor:
                pieces.append(Piece(line[cursor:start]))
            pieces.append(Piece(line[start:end], anchors, level))
            cursor = end
        if cursor < len(line):
            pieces.append(Piece(line[cursor:]))
        blocks.append(pieces)
    if pending:
        blocks.append([Piece("", pending)])
    return blocks


@dataclass
class TocEntry:
    label: str
    anchor: str
    level: int
    children: list = field(default_factory=list)  # the entries under a chapter, flat, in order


# Above this many sections the table of contents lists the chapters and opens a chapter's articles on demand.
TOC_FLAT_LIMIT = 60


def toc_entries(sections: list[dict], flat_limit: int = TOC_FLAT_LIMIT) -> tuple[list[TocEntry], bool]:
    """The table of contents: every section in order, or, for a long text with top-level chapters,
    the chapters each holding the sections under them. Returns (entries, grouped)."""
    entries = [TocEntry(s["toc_label"], s["anchor"], s["level"]) for s in sections]
    top = min((e.level for e in entries), default=1)
    if len(entries) <= flat_limit or sum(e.level == top for e in entries) < 2:
        return entries, False
    grouped = []
    for entry in entries:
        if entry.level == top or not grouped:
            grouped.append(entry)
        else:
            grouped[-1].children.append(entry)
    return grouped, True
