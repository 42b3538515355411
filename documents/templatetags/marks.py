"""The reading text with spans marked for readers: the sentences that hold the policy's targets
(each with its anchor, for the links of /targets/), and what is still flagged as mojibake."""

from dataclasses import dataclass, field, replace

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join

from documents.ingest.mojibake import garbled_spans
from documents.reading import Piece, convert

from .archive import policy_text

register = template.Library()

GARBLED_LABEL = "此处原文疑似乱码"


@dataclass(frozen=True)
class Mark:
    """A span of the shown text to wrap in an element; an outer mark (lower depth) encloses an inner one."""

    start: int
    end: int
    tag: str
    attrs: tuple = ()  # (name, value) pairs on every part of the span
    first: tuple = field(default=(), compare=False)  # and on its first part only (an id)
    depth: int = 0


@register.simple_tag
def policy_text_marked(blocks, policy, script, targets=(), citations=()):
    """policy_text of blocks (text_blocks of the policy's text in script) with the marks of
    sentence_marks (targets), citation_marks and garbled_marks, every text escaped."""
    shown = convert(policy.clean_text, policy.script, script)
    marks = (sentence_marks(shown, policy.simplified_text, targets, script)
             + citation_marks(shown, policy.simplified_text, citations, script)
             + garbled_marks(shown, policy.clean_text, policy.quality_warnings or [], policy.script, script))
    return policy_text(mark_blocks(blocks, shown, marks))


def sentence_marks(shown: str, simplified: str, targets, script: str) -> list[Mark]:
    """<mark id=anchor> around each target's sentence (once per sentence), found at its offset in the
    simplified text when the shown text lines up with it, else looked for near there."""
    marks, done = [], set()
    for target in targets:
        if target.anchor in done or not target.sentence:
            continue
        start = _find(shown, simplified, target.sentence, target.position, script)
        if start is None:
            continue
        done.add(target.anchor)
        marks.append(Mark(start, start + len(convert(target.sentence, "hans", script)), "mark",
                          (("class", "target-sentence"),), (("id", target.anchor),), depth=0))
    return marks


def citation_marks(shown: str, simplified: str, citations, script: str) -> list[Mark]:
    """Each cited title a link: to the document it resolves to, else to a search for it; its id is
    what the page's 本文引用 list links to."""
    marks = []
    for citation in citations:
        written = simplified[citation.position:citation.position + len(citation.title) + 2]
        start = _find(shown, simplified, written, citation.position, script)
        if start is None:
            continue
        href = citation.cited.get_absolute_url() if citation.cited_id else citation.search_url
        kind = "cite-ref" if citation.cited_id else "cite-ref unresolved"
        marks.append(Mark(start, start + len(convert(written, "hans", script)), "a",
                          (("href", href), ("class", kind)), (("id", citation.anchor),), depth=2))
    return marks


def _find(shown: str, simplified: str, sentence: str, position: int, script: str) -> int | None:
    if len(shown) == len(simplified) and simplified.startswith(sentence, position):
        return position
    converted = convert(sentence, "hans", script)
    found = shown.find(converted, max(0, position - 200))
    return found if found >= 0 else None


def garbled_marks(shown: str, text: str, warnings: list, source: str, target: str) -> list[Mark]:
    """A span around each piece a mojibake warning still points at: the reader sees it is not the source's wording."""
    pieces = garbled_spans(text, warnings)
    if not any(garbled for _, garbled in pieces):
        return []
    marks, at = [], 0
    for piece, garbled in pieces:
        converted = convert(piece, source, target)
        if garbled:
            # Converting piece by piece can differ from converting the whole text by a phrase.
            found = shown.find(converted, max(0, at - 20), at + len(converted) + 20)
            if found >= 0:
                marks.append(Mark(found, found + len(converted), "span",
                                  (("class", "garbled"), ("title", GARBLED_LABEL)), depth=1))
        at += len(converted)
    return marks


def mark_blocks(blocks: list[list[Piece]], shown: str, marks: list[Mark]) -> list[list[Piece]]:
    """blocks with every piece that a mark covers turned into safe HTML; the rest untouched."""
    if not marks:
        return blocks
    opened = set()  # marks whose first part is written (it carries the id)
    marked = []
    for pieces_of_line, at in zip(blocks, _line_starts(shown)):
        line = "".join(piece.text for piece in pieces_of_line)
        if not shown.startswith(line, at):  # not the line text_blocks was expected to cut: leave it plain
            marked.append(pieces_of_line)
            continue
        row = []
        for piece in pieces_of_line:
            end = at + len(piece.text)
            inside = [m for m in marks if m.start < end and at < m.end]
            row.append(replace(piece, text=_html(piece.text, at, inside, opened)) if inside else piece)
            at = end
        marked.append(row)
    return marked


def _line_starts(shown: str):
    """Where each line text_blocks makes a paragraph of starts in shown (its non-empty stripped lines)."""
    at = 0
    for line in shown.splitlines(keepends=True):
        if line.strip():
            yield at + len(line) - len(line.lstrip())
        at += len(line)
    yield len(shown)  # the trailing block of anchors whose sections were not found: no text


def _html(text: str, offset: int, marks: list[Mark], opened: set):
    """text (starting at offset of the shown text) escaped, cut where any mark starts or ends, each
    part wrapped in the marks covering it, outermost first."""
    cuts = sorted({0, len(text), *(max(0, m.start - offset) for m in marks), *(min(len(text), m.end - offset)
                                                                             for m in marks)})
    parts = []
    for a, b in zip(cuts, cuts[1:]):
        html = conditional_escape(text[a:b])
        covering = sorted((m for m in marks if m.start - offset <= a and b <= m.end - offset), key=lambda m: m.depth)
        for mark in reversed(covering):
            attrs = mark.attrs + (mark.first if mark not in opened else ())
            opened.add(mark)
            html = format_html("<{}{}>{}</{}>", mark.tag,
                               format_html_join("", ' {}="{}"', attrs), html, mark.tag)
        parts.append(html)
    return format_html_join("", "{}", ((part,) for part in parts))
