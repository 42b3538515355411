"""Join the page chunks of document-sharing sites back together, and the lines of a printed copy.

Those sites print `1、`, `2、`, … at the start of each page's text, wherever the page break fell,
often mid-sentence or mid-word (`…为` / `2、数字经济发展战略研究…`). Page markers form the
sequence 1, 2, 3… at line starts, the first on the first line, and each follows a long chunk that
does not end a sentence. A genuine list (`要求：` / `1、加强…。` / `2、…`) fails those tests.

A report saved from its printed copy breaks every line at the page's width, mid-word
(`规模以上工` / `业增加值增长8.3%`), and carries the page numbers (`— 9 —`). Most of its lines are then
as long as the page is wide and end no sentence; a paragraph ends at a shorter line.
"""

from __future__ import annotations

import re

from .result import StageRecord

_MARKER = re.compile(r"^\s*(\d{1,3})、")
_SENTENCE_END = tuple("。！？；：:;!?…”」』）)")
MIN_PAGE_CHARS = 80  # a page chunk is a page of text; list items are much shorter


def join_pages(text: str, paged: bool = False) -> tuple[str, StageRecord]:
    """Remove page markers and join each page to the previous one; keep genuine numbered items.

    `paged` says the page came from a document-sharing site (its banner was seen), which lets a
    single `1、` on the first line count as a page marker.
    """
    lines = text.split("\n")
    pages = _page_marker_lines(lines)
    if len(pages) < 2 and not (paged and pages):
        return text, StageRecord(stage="pagination", summary="no page markers", details=[])
    joined: list[str] = []
    details = []
    for i, line in enumerate(lines):
        if i not in pages:
            joined.append(line)
            continue
        marker = _MARKER.match(line)
        rest = line[marker.end():]
        details.append({"line": i + 1, "marker": marker.group(0).strip(), "joined": bool(joined)})
        # Join onto the previous non-empty line: the break was the site's, not the author's.
        while joined and not joined[-1].strip():
            joined.pop()
        if joined:
            joined[-1] = joined[-1].rstrip() + rest.lstrip()
        else:
            joined.append(rest)
    return "\n".join(joined), StageRecord(
        stage="pagination",
        summary=f"joined {len(details)} pages",
        details=details,
    )


def _page_marker_lines(lines: list[str]) -> set[int]:
    markers = [(i, int(m.group(1))) for i, line in enumerate(lines) if (m := _MARKER.match(line))]
    first_text = next((i for i, line in enumerate(lines) if line.strip()), None)
    chosen: dict[int, int] = {}  # page number -> line index
    expected = 1
    for position, (i, number) in enumerate(markers):
        if number != expected:
            continue
        if number == 1:
            if i != first_text:
                return set(chosen.values()) if len(chosen) >= 2 else set()
        elif not _follows_a_page(lines, i, chosen[number - 1]):
            continue
        elif _ends_a_sentence(lines, i):
            # A page may end exactly at a sentence end; accept the marker anyway if the next page
            # marker follows before any other marker with this number.
            later = [n for _, n in markers[position + 1:] if n in (number, number + 1)]
            if not later or later[0] != number + 1:
                continue
        chosen[number] = i
        expected += 1
    return set(chosen.values())


def _follows_a_page(lines: list[str], index: int, previous_marker: int) -> bool:
    return len("\n".join(lines[previous_marker:index]).strip()) >= MIN_PAGE_CHARS


def _ends_a_sentence(lines: list[str], index: int) -> bool:
    previous = next((line for line in reversed(lines[:index]) if line.strip()), "")
    return previous.rstrip().endswith(_SENTENCE_END)


_PAGE_NUMBER = re.compile(r"^\s*[—－–-]+\s*\d{1,3}\s*[—－–-]+\s*$")
_CLOSES = tuple("。！？!?…")
MIN_WRAPPED_LINES = 40  # a page or two of text before a width can be told from chance
WRAPPED_SHARE = 0.6  # of the lines, at the page's width and ending no sentence
INDENT = 3  # a paragraph's first line is shorter by its indent, and still runs to the edge


def unwrap_lines(text: str) -> tuple[str, StageRecord]:
    """Join the lines a printed copy broke at the page's width, and drop its page numbers; other
    texts come back unchanged."""
    lines = text.split("\n")
    body = [line.strip() for line in lines if line.strip() and not _PAGE_NUMBER.match(line)]
    width = _page_width(body)
    if width is None:
        return text, StageRecord(stage="line_wraps", summary="no fixed-width lines", details=[])
    joined: list[str] = []
    open_line = False  # the last kept line ran to the page's edge without closing a sentence
    dropped = wraps = 0
    for line in lines:
        if _PAGE_NUMBER.match(line):
            dropped += 1
            continue
        stripped = line.strip()
        if not stripped:
            continue  # a page's blank margin; paragraphs end at short lines
        if open_line and joined:
            joined[-1] += stripped
            wraps += 1
        else:
            joined.append(line.rstrip())
        open_line = len(stripped) >= width - INDENT and not stripped.endswith(_CLOSES)
    return "\n".join(joined), StageRecord(
        stage="line_wraps", summary=f"joined {wraps} lines wrapped at {width} characters, dropped {dropped} page numbers",
        details=[{"width": width, "joined": wraps, "page_numbers": dropped}],
    )


def _page_width(lines: list[str]) -> int | None:
    """The width most lines are broken at, if the text is a printed copy's."""
    if len(lines) < MIN_WRAPPED_LINES:
        return None
    lengths: dict[int, int] = {}
    for line in lines:
        lengths[len(line)] = lengths.get(len(line), 0) + 1
    width = max(lengths, key=lambda n: (lengths[n], n))
    wrapped = sum(1 for line in lines if abs(len(line) - width) <= 1 and not line.endswith(_CLOSES))
    return width if width >= 12 and wrapped >= WRAPPED_SHARE * len(lines) else None
