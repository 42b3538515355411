"""Find mojibake, repair it only when the repair is unambiguous, flag the rest.

Two shapes occur in scraped pages:
- GBK bytes decoded one byte off: `?!吨泄仓醒腙P` is `。《中共中央關` shifted by a byte. Re-encoding
  the span as GBK and shifting by one byte gives the original back, which we accept only if the
  result reads as dictionary words and the span did not.
- broken pinyin annotations, where the character and its `(` were lost and a `?` and the pinyin
  are left: `?jiān)跁?huì)上`. The pinyin and the neighbouring characters often leave one
  character that reads as a word (`?huì)上` → 會, in 会上); that one is put back, the rest flagged.
U+FFFD replacement characters are flagged too. Nothing is deleted without a record.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache

from documents.chinese import dictionary_words, plain_tokenizer, to_simplified, to_traditional

from .annotations import PINYIN_LETTERS
from .result import QualityWarning, StageRecord
from .script import HAN, HAN_RE, detect_script, word_coverage

# A run of Han characters between non-Han neighbours; the neighbours hold the bytes the shift
# moved out of the run (e.g. `!` is the trail byte of a full-width character, `P` a GBK trail byte).
_HAN_RUN = re.compile(f"[{HAN}]{{3,}}")
# `?` (the lost character, often with its `(`), the pinyin, `)`: what a broken annotation leaves.
_BROKEN_ANNOTATION = re.compile(f"\\?[(（]?([{PINYIN_LETTERS}]{{1,7}})[)）]")
_SUSPECT = re.compile(f"\\?+(?=[{HAN}!《“])|\ufffd+")

MIN_REPAIRED_COVERAGE = 0.5
MAX_GARBLED_COVERAGE = 0.25


def repair(text: str) -> tuple[str, StageRecord]:
    """Undo one-byte GBK misalignments, then restore characters a broken annotation names unambiguously.

    Every repair is recorded with its position in text (the input), the original span, its
    replacement and, for a restored character, the dictionary word that decided it.
    """
    text, realigned = _realign_all(text)
    text, restored = _restore_pinyin_tails(text)
    for detail in restored:
        detail["position"] = _input_position(detail["position"], realigned)
    repairs = sorted(realigned + restored, key=lambda detail: detail["position"])
    return text, StageRecord(
        stage="mojibake_repair",
        summary=f"repaired {len(realigned)} misaligned GBK spans, restored {len(restored)} characters from pinyin",
        details=repairs,
    )


def _input_position(position: int, realigned: list[dict]) -> int:
    """A position in the realigned text, as a position in the text before realignment."""
    for detail in realigned:
        end = detail["position"] + len(detail["repaired"])
        if end > position:
            break
        position -= len(detail["repaired"]) - len(detail["original"])
    return position


def _realign_all(text: str) -> tuple[str, list[dict]]:
    repairs = []
    pieces = []
    last = 0
    for match in _HAN_RUN.finditer(text):
        if not _may_be_shifted(text, match.start(), match.end()):
            continue
        found = _realign(text, match.start(), match.end())
        if found is None or found[0] < last:
            continue
        start, end, replacement = found
        pieces.append(text[last:start])
        pieces.append(replacement)
        repairs.append({"position": start, "original": text[start:end], "repaired": replacement})
        last = end
    pieces.append(text[last:])
    return "".join(pieces), repairs


def _may_be_shifted(text: str, start: int, end: int) -> bool:
    """Whether the run could be bytes decoded one byte off. A shifted stretch turns every two-byte character,
    full-width punctuation included, into other Han characters, so it ends only at a one-byte (ASCII)
    character, a lost byte (U+FFFD) or the text's ends. A run between other characters is text as written:
    shifting it anyway "repaired" phrases the dictionary lacks (`、绿氢绿氨、` became `糖饴贪`)."""
    return _may_border(text[start - 1] if start else "") and _may_border(text[end] if end < len(text) else "")


def _may_border(ch: str) -> bool:
    return not ch or ch.isascii() or ch == "\ufffd"


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


_ANNOTATION = re.compile(f"[(（][{PINYIN_LETTERS}]{{1,7}}[)）]")
CONTEXT = 4  # Han characters read on each side of a lost one: enough for the word it sits in


@lru_cache(maxsize=1)
def _characters_by_pinyin() -> dict[str, frozenset[str]]:
    """Toned syllable → every character pypinyin reads that way (jǐn → 僅, 儘, 緊, 锦, …)."""
    from pypinyin.pinyin_dict import pinyin_dict

    found = defaultdict(set)
    for code, readings in pinyin_dict.items():
        for syllable in readings.split(","):
            found[syllable].add(chr(code))
    return {syllable: frozenset(chars) for syllable, chars in found.items()}


@lru_cache(maxsize=None)
def _simplified_readings(syllable: str) -> tuple[str, ...]:
    """The distinct simplified characters among those read as syllable, in code point order."""
    converted = (to_simplified(ch) for ch in sorted(_characters_by_pinyin().get(syllable, ())))
    return tuple(dict.fromkeys(ch for ch in converted if len(ch) == 1))


def _restore_pinyin_tails(text: str) -> tuple[str, list[dict]]:
    """Put back each lost character whose pinyin and neighbours leave exactly one dictionary word.

    A tail next to another (`?jǐn)?shù)據`) is decided again once its neighbour is restored:
    the restored character is context for it.
    """
    tails = list(_BROKEN_ANNOTATION.finditer(text))
    if not tails:
        return text, []
    script = detect_script(text)
    by_end = {tail.end(): k for k, tail in enumerate(tails)}
    by_start = {tail.start(): k for k, tail in enumerate(tails)}
    restored: dict[int, tuple[str, str]] = {}  # tail index -> (character, deciding word)
    pending = list(range(len(tails)))
    while pending:
        i = pending.pop(0)
        if i in restored:
            continue
        left = _context(text, tails, by_end, restored, tails[i].start(), -1)
        right = _context(text, tails, by_start, restored, tails[i].end(), +1)
        found = _decide(left, tails[i].group(1), right, script)
        if found:
            restored[i] = found
            pending += [k for k in (by_end.get(tails[i].start()), by_start.get(tails[i].end())) if k is not None]
    pieces, last, details = [], 0, []
    for i, tail in enumerate(tails):
        if i in restored:
            character, word = restored[i]
            pieces += [text[last:tail.start()], character]
            details.append({"position": tail.start(), "original": tail.group(), "repaired": character,
                            "word": word})
            last = tail.end()
    pieces.append(text[last:])
    return "".join(pieces), details


def _context(text: str, tails: list[re.Match], adjacent: dict[int, int], restored: dict, at: int, step: int) -> str:
    """Up to CONTEXT Han characters from at on (step -1: before it), skipping annotations.

    A tail on the way contributes its restored character; an unresolved one ends the context.
    """
    found: list[str] = []
    while len(found) < CONTEXT:
        neighbour = adjacent.get(at)
        if neighbour is not None:
            if neighbour not in restored:
                break
            found.append(restored[neighbour][0])
            at = tails[neighbour].start() if step < 0 else tails[neighbour].end()
            continue
        if step < 0:
            annotation = _ANNOTATION.search(text, max(0, at - 9), at)
            annotates = annotation and annotation.start() and HAN_RE.match(text[annotation.start() - 1])
            if annotates and annotation.end() == at:
                at = annotation.start()
            elif at and HAN_RE.match(text[at - 1]):
                found.append(text[at - 1])
                at -= 1
            else:
                break
        else:
            annotation = _ANNOTATION.match(text, at)
            if annotation and found:  # it annotates the character just read
                at = annotation.end()
            elif at < len(text) and HAN_RE.match(text[at]):
                found.append(text[at])
                at += 1
            else:
                break
    return "".join(reversed(found) if step < 0 else found)


@lru_cache(maxsize=4096)
def _decide(left: str, syllable: str, right: str, script: str) -> tuple[str, str] | None:
    """(character in the page's script, deciding word) if exactly one reading makes a word here."""
    if not left and not right:
        return None
    left, right = _simplified_context(left), _simplified_context(right)
    fitting = {}  # simplified character -> (word, its index in the word)
    for candidate in _simplified_readings(syllable):
        found = _word_at(left + candidate + right, len(left))
        if found:
            fitting[candidate] = found
    if len(fitting) != 1:
        return None
    [(simplified, (word, index))] = fitting.items()
    character = _in_script(simplified, word, index, syllable, script)
    return (character, word) if character else None


def _simplified_context(chars: str) -> str:
    converted = to_simplified(chars)
    return converted if len(converted) == len(chars) else "".join(to_simplified(ch)[:1] for ch in chars)


def _word_at(text: str, index: int) -> tuple[str, int] | None:
    """(word, index in it) if jieba's segmentation puts text[index] in a dictionary word of 2+ characters."""
    frequencies = plain_tokenizer().FREQ
    start = 0
    for word in dictionary_words(text):
        if start <= index < start + len(word):
            return (word, index - start) if len(word) >= 2 and frequencies.get(word) else None
        start += len(word)
    return None


def _in_script(simplified: str, word: str, index: int, syllable: str, script: str) -> str | None:
    """The character as the page writes it; None when its traditional form is not certain."""
    readings = _characters_by_pinyin()[syllable]
    if script != "hant":
        return simplified if simplified in readings else None
    # OpenCC's phrase table picks the form a word needs (头发 → 頭髮, not 發).
    converted = to_traditional(word)
    traditional = converted[index] if len(converted) == len(word) else ""
    return traditional if traditional in readings and to_simplified(traditional) == simplified else None


def detect(text: str) -> tuple[list[QualityWarning], StageRecord]:
    """Flag what still looks like mojibake, with positions in text; adjacent spans are merged."""
    spans = [(m.start(), m.end()) for m in _SUSPECT.finditer(text)]
    spans += [_widen(text, m.start(), m.end()) for m in _BROKEN_ANNOTATION.finditer(text)]
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


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """A broken annotation's span with the characters beside it no dictionary knows (跁 in `?jiān)跁`)."""
    while start and _unknown_character(text[start - 1]):
        start -= 1
    while end < len(text) and _unknown_character(text[end]):
        end += 1
    return start, end


def _unknown_character(ch: str) -> bool:
    return bool(HAN_RE.match(ch)) and not plain_tokenizer().FREQ.get(to_simplified(ch))


def _warning(text: str, start: int, end: int) -> QualityWarning:
    return QualityWarning(
        kind="mojibake",
        message=f"第 {start} 个字符处疑似乱码：「{text[start:end]}」{_MESSAGE_END}",
        position=start,
        context=text[max(0, start - 10):end + 10],
    )


_MESSAGE_END = "，请对照原文核对"
_SPAN_IN_MESSAGE = re.compile(f"疑似乱码：「(.+)」{_MESSAGE_END}$", re.DOTALL)


def garbled_spans(text: str, warnings) -> list[tuple[str, bool]]:
    """text cut into (piece, is_garbled), in order; the pieces join back to text exactly.

    warnings are QualityWarnings or their dicts (a policy's quality_warnings). A mojibake
    warning marks the span its message quotes, at its position, if the text still reads so
    there (a curator may have edited it since). Line breaks are never inside a garbled piece.
    """
    spans = []
    for warning in warnings:
        get = warning.get if isinstance(warning, dict) else lambda name: getattr(warning, name, None)
        position, match = get("position"), _SPAN_IN_MESSAGE.search(str(get("message") or ""))
        if get("kind") != "mojibake" or not isinstance(position, int) or not match or position < 0:
            continue
        if text.startswith(match.group(1), position):
            spans.append((position, position + len(match.group(1))))
    pieces: list[tuple[str, bool]] = []
    last = 0
    for start, end in sorted(spans):
        if start < last:
            continue  # overlaps the span before it
        _append(pieces, text[last:start], False)
        for part in re.split(r"(\s+)", text[start:end]):
            _append(pieces, part, not part.isspace())
        last = end
    _append(pieces, text[last:], False)
    return pieces


def _append(pieces: list[tuple[str, bool]], piece: str, garbled: bool) -> None:
    if not piece:
        return
    if pieces and pieces[-1][1] == garbled:
        pieces[-1] = (pieces[-1][0] + piece, garbled)
    else:
        pieces.append((piece, garbled))
