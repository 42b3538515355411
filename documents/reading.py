"""A policy's text prepared for reading (pure): script conversion and paragraphs carrying section anchors."""

from dataclasses import dataclass

from documents.search.script import to_simplified, to_traditional

SCRIPTS = ("hans", "hant")


def convert(text: str, source: str, target: str) -> str:
    """Text in the target script; unchanged when it is already there."""
    if source == target or not text:
        return text
    return to_traditional(text) if target == "hant" else to_simplified(text)


@dataclass
class Block:
    text: str
    anchors: list[str]  # section anchors that start at this paragraph (usually 0 or 1)
    level: int = 0  # the section level when this paragraph is a section's first line


def _key(text: str) -> str:
    return "".join(text.split())


def text_blocks(text: str, sections: list[dict]) -> list[Block]:
    """The text's non-empty lines as paragraphs; each section's anchor on the line where it starts.

    sections are dicts with number, heading, body, anchor, level, in document order (headings in
    the same script as text). Sections are looked for in order, each after the previous one; a
    section whose line is not found keeps its anchor on the next found one so every link lands.
    """
    blocks = [Block(line.strip(), []) for line in text.splitlines() if line.strip()]
    keys = [_key(block.text) for block in blocks]
    start = 0
    pending: list[str] = []
    for section in sections:
        label = _key(section["number"] + section["heading"])
        probe = label[:24] or _key(section["body"])[:24]
        found = None
        if probe:
            for i in range(start, len(blocks)):
                if keys[i].startswith(probe) or (len(probe) >= 6 and probe in keys[i]):
                    found = i
                    break
        if found is None:
            pending.append(section["anchor"])
            continue
        blocks[found].anchors.extend(pending + [section["anchor"]])
        blocks[found].level = blocks[found].level or section["level"]
        pending = []
        start = found + 1 if len(keys[found]) <= len(label) + 2 else found
    if pending:
        blocks.append(Block("", pending))
    return blocks
