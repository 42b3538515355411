"""Join the page chunks of document-sharing sites back together.

Those sites print `1、`, `2、`, … at the start of each page's text, wherever the page break fell,
often mid-sentence or mid-word (`…为` / `2、数字经济发展战略研究…`). Page markers form the
sequence 1, 2, 3… at line starts, the first on the first line, and each follows a long chunk that
does not end a sentence. A genuine list (`要求：` / `1、加强…。` / `2、…`) fails those tests.
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
