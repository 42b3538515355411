"""Find mojibake, repair it only when the repair is unambiguous, flag the rest.

Two shapes occur in scraped pages:
- GBK bytes decoded one byte off: `?!吨泄仓醒腙P` is `。《中共中央關` shifted by a byte. Re-encoding
  the span as GBK and shifting by one byte gives the original back, which we accept only if the
  result reads as dictionary words and the span did not.
- broken pinyin annotations, where the character was lost and a `?` and its pinyin are left:
  `?jiān)跁?huì)`. The lost character cannot be known, so these are only flagged.
U+FFFD replacement characters are flagged too. Nothing is ever deleted.
"""

from __future__ import annotations

import re

from .annotations import PINYIN_LETTERS
from .result import QualityWarning, StageRecord
from .script import HAN, word_coverage

# A run of Han characters between non-Han neighbours; the neighbours hold the bytes the shift
# moved out of the run (e.g. `!` is the trail byte of a full-width character, `P` a GBK trail byte).
_HAN_RUN = re.compile(f"[{HAN}]{{3,}}")
_BROKEN_ANNOTATION = re.compile(f"\\?[(（]?[{PINYIN_LETTERS}]{{1,7}}[)）]")
_SUSPECT = re.compile(f"\\?+(?=[{HAN}!《“])|\ufffd+")

MIN_REPAIRED_COVERAGE = 0.5
MAX_GARBLED_COVERAGE = 0.25


def repair(text: str) -> tuple[str, StageRecord]:
    """Undo one-byte GBK misalignments that decode to real words; record every repair."""
    repairs = []
    pieces = []
    last = 0
    for match in _HAN_RUN.finditer(text):
        found = _realign(text, match.start(), match.end())
        if found is None or found[0] < last:
            continue
        start, end, replacement = found
        pieces.append(text[last:start])
        pieces.append(replacement)
        repairs.append({"position": start, "original": text[start:end], "repaired": replacement})
        last = end
    pieces.append(text[last:])
    return "".join(pieces), StageRecord(
        stage="mojibake_repair",
        summary=f"repaired {len(repairs)} misaligned GBK spans",
        details=repairs,
    )


def _realign(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """Shift the run by one byte; return (start, end, replacement) if that reads as Chinese."""
    span = text[start:end]
    if word_coverage(span) > MAX_GARBLED_COVERAGE:
        return None  # already reads as Chinese: most runs end here
    try:
        body = span.encode("gbk")
    except UnicodeEncodeError:
        return None
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    # The run's first byte belongs to the character before it. An ASCII character standing in
    # for a full-width form (！ is A3 A1, shown as `!`) still tells us that byte: code | 0x80.
    lead = bytes([ord(before) | 0x80]) if "\x21" <= before <= "\x7e" else b""
    # Its last byte pairs with the next one; a GBK trail byte in 0x40-0x7E shows as an ASCII letter.
    trail = after.encode() if "\x40" <= after <= "\x7e" else b""
    shifted = lead + (body if lead else body[1:]) + trail
    if len(shifted) % 2:
        shifted = shifted[:-1]  # the last byte's partner was lost; its place still shows as `?`
    try:
        decoded = shifted.decode("gbk")
    except UnicodeDecodeError:
        return None
    if word_coverage(decoded) < MIN_REPAIRED_COVERAGE:
        return None  # the shift gives noise too: leave it for the curator
    return start - len(lead), end + len(trail), decoded


def detect(text: str) -> tuple[list[QualityWarning], StageRecord]:
    """Flag what still looks like mojibake, with positions in text; adjacent spans are merged."""
    spans = [(m.start(), m.end()) for p in (_BROKEN_ANNOTATION, _SUSPECT) for m in p.finditer(text)]
    for match in _HAN_RUN.finditer(text):
        # A run with no dictionary word, next to a stray `?`, `!` or Latin letter, is mis-decoded
        # bytes. (Pages use ASCII commas as punctuation, so those do not count as stray.)
        neighbours = text[max(0, match.start() - 1):match.start()] + text[match.end():match.end() + 1]
        if (len(match.group()) >= 4 and any(ch in "?!" or ch.isascii() and ch.isalpha() for ch in neighbours)
                and word_coverage(match.group()) == 0):
            spans.append((match.start(), match.end()))
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    warnings = [_warning(text, start, end) for start, end in merged]
    return warnings, StageRecord(
        stage="mojibake",
        summary=f"flagged {len(warnings)} suspected mojibake spans",
        details=[{"position": w.position, "context": w.context} for w in warnings],
    )


def _warning(text: str, start: int, end: int) -> QualityWarning:
    return QualityWarning(
        kind="mojibake",
        message=f"第 {start} 个字符处疑似乱码：「{text[start:end]}」，请对照原文核对",
        position=start,
        context=text[max(0, start - 10):end + 10],
    )
