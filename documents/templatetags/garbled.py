"""The reading text with the spans still flagged as mojibake marked for readers."""

from dataclasses import replace

from django import template
from django.utils.html import conditional_escape, format_html, format_html_join

from documents.ingest.mojibake import garbled_spans
from documents.reading import Piece, convert

from .archive import policy_text

register = template.Library()

GARBLED_LABEL = "此处原文疑似乱码"


@register.simple_tag
def policy_text_marked(blocks, policy, script):
    """policy_text of blocks (text_blocks of the policy's text in script), garbled spans marked.

    Each span a mojibake warning still points at is kept, escaped, inside
    <span class="garbled" title="此处原文疑似乱码">: the reader sees it is not the source's wording.
    """
    return policy_text(mark_garbled(blocks, policy.clean_text, policy.quality_warnings or [], policy.script, script))


def mark_garbled(blocks: list[list[Piece]], text: str, warnings: list, source: str, target: str) -> list[list[Piece]]:
    """blocks with every piece that holds a garbled span turned into safe HTML; the rest untouched."""
    pieces = garbled_spans(text, warnings)
    if not any(garbled for _, garbled in pieces):
        return blocks
    shown = convert(text, source, target)  # what blocks were cut from
    ranges = _shown_ranges(pieces, shown, source, target)
    if not ranges:
        return blocks
    marked = []
    for pieces_of_line, at in zip(blocks, _line_starts(shown)):
        line = "".join(piece.text for piece in pieces_of_line)
        if not shown.startswith(line, at):  # not the line text_blocks was expected to cut: leave it plain
            marked.append(pieces_of_line)
            continue
        row = []
        for piece in pieces_of_line:
            end = at + len(piece.text)
            inside = [(max(a, at) - at, min(b, end) - at) for a, b in ranges if a < end and at < b]
            row.append(replace(piece, text=_html(piece.text, inside)) if inside else piece)
            at = end
        marked.append(row)
    return marked


def _shown_ranges(pieces, shown: str, source: str, target: str) -> list[tuple[int, int]]:
    """[start, end) of each garbled piece in the shown text; a piece not found there is left out."""
    ranges, at = [], 0
    for piece, garbled in pieces:
        converted = convert(piece, source, target)
        if garbled:
            # Converting piece by piece can differ from converting the whole text by a phrase.
            found = shown.find(converted, max(0, at - 20), at + len(converted) + 20)
            if found >= 0:
                ranges.append((found, found + len(converted)))
        at += len(converted)
    return ranges


def _line_starts(shown: str):
    """Where each line text_blocks makes a paragraph of starts in shown (its non-empty stripped lines)."""
    at = 0
    for line in shown.splitlines(keepends=True):
        if line.strip():
            yield at + len(line) - len(line.lstrip())
        at += len(line)
    yield len(shown)  # the trailing block of anchors whose sections were not found: no text


def _html(text: str, inside: list[tuple[int, int]]):
    """text escaped, with each [start, end) in inside wrapped in the garbled span."""
    parts, last = [], 0
    for start, end in inside:
        parts.append(conditional_escape(text[last:start]))
        parts.append(format_html('<span class="garbled" title="{}">{}</span>', GARBLED_LABEL, text[start:end]))
        last = end
    parts.append(conditional_escape(text[last:]))
    return format_html_join("", "{}", ((part,) for part in parts))
