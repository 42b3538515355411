"""Snippets with the matched terms in <mark>, cut from a policy's original-script text (pure).

Matching happens on the simplified, normalised text; OpenCC t2s and normalise() map one
character to one character in almost every case, so the same offsets cut the original text.
When the lengths differ (a rare multi-character conversion) the snippet comes from the
simplified text instead, which is still the document's wording.
"""

import re
from bisect import bisect_left, bisect_right

from django.utils.html import escape, format_html

from documents.chinese import to_simplified
from documents.search.tokens import normalise

WIDTH = 120  # characters of a snippet
_SPACE = re.compile(r"\s")
_PLAIN_HAN = re.compile(r"[\u4e00-\u9fff]+")


def searchable(text: str, needles: list[str]) -> str:
    """The text to find needles in: normalise() only matters when a needle holds Latin letters, digits or signs."""
    return text if all(_PLAIN_HAN.fullmatch(n) for n in needles) else normalise(text)


def find_spans(haystack: str, needles: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, needle index) of every occurrence, longer needles first where they overlap."""
    spans = []
    for index, needle in enumerate(needles):
        if not needle:
            continue
        start = haystack.find(needle)
        while start != -1:
            spans.append((start, start + len(needle), index))
            start = haystack.find(needle, start + 1)
    return sorted(spans)


def merge(spans):
    merged = []
    for start, end, _ in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged


def mark(text: str, spans, offset: int = 0) -> str:
    """Escaped text with the spans (offsets into the full text) wrapped in <mark>."""
    out, cursor = [], 0
    for start, end in spans:
        start, end = max(start - offset, cursor), min(end - offset, len(text))
        if start >= end:
            continue
        out.append(escape(text[cursor:start]))
        out.append(format_html("<mark>{}</mark>", text[start:end]))
        cursor = end
    out.append(escape(text[cursor:]))
    return "".join(out)


def snippets(original: str, needles: list[str], *, simplified: str | None = None, count: int = 2,
             width: int = WIDTH) -> list[str]:
    """Up to `count` escaped HTML snippets of about `width` characters around the best matches.

    needles are simplified, normalised strings (ParsedQuery.highlight_strings()). Without any
    occurrence the opening of the text is returned, so a title-only match still shows context.
    """
    haystack = searchable(simplified if simplified is not None else to_simplified(original), needles)
    display = original if len(original) == len(haystack) else haystack
    spans = find_spans(haystack, needles)
    if not spans:
        opening = _SPACE.sub(" ", display[:width]).strip()
        return [escape(opening) + ("…" if len(display) > width else "")] if opening else []

    # Score a window at each occurrence by the distinct needles it holds; take the best that do not overlap.
    # Spans are sorted by start, so a window's spans are a run from its first occurrence on (a common
    # word occurs hundreds of times: no pass over all of them per window).
    starts = [start for start, _, _ in spans]
    windows = []
    for first, start in enumerate(starts):
        lo = max(0, start - width // 4)
        hi = min(len(display), lo + width)
        inside = {index for s, e, index in spans[bisect_left(starts, lo, hi=first):bisect_right(starts, hi)] if e <= hi}
        windows.append((-len(inside), lo, hi))
    chosen = []
    for _, lo, hi in sorted(windows):
        if all(hi <= c_lo or lo >= c_hi for c_lo, c_hi in chosen):
            chosen.append((lo, hi))
        if len(chosen) == count:
            break
    merged = merge(spans)
    result = []
    for lo, hi in sorted(chosen):
        marked = [(s, e) for s, e in merged if e > lo and s < hi]
        # Whitespace becomes one space character for character, so offsets hold in the cut piece.
        html = mark(_SPACE.sub(" ", display[lo:hi]), marked, offset=lo).strip()
        result.append(("…" if lo > 0 else "") + html + ("…" if hi < len(display) else ""))
    return result


def section_matches(sections, needles: list[str], *, traditional: bool = True, limit: int = 10) -> list:
    """The sections whose simplified heading or body contains a needle, in document order.

    Sections of a policy written in simplified script are searched as they are (no conversion).
    """
    if not needles:
        return []
    found = []
    for section in sections:
        text = f"{section.heading}\n{section.body}"
        text = searchable(to_simplified(text) if traditional else text, needles)
        if any(needle in text for needle in needles):
            found.append(section)
            if len(found) == limit:
                break
    return found
