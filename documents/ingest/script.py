"""Script (traditional / simplified) detection, and whether text reads as Chinese, for the stages.

OpenCC does the conversion and jieba's dictionary tells real words from noise (both from documents.chinese).
"""

from __future__ import annotations

import re

from documents.chinese import dictionary_words, plain_tokenizer, to_simplified, to_traditional

from .result import StageRecord

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RE = re.compile(f"[{HAN}]")


def detect_script(text: str, simplified: str | None = None) -> str:
    """'hant' when converting to simplified changes more characters than converting to traditional."""
    simplified = to_simplified(text) if simplified is None else simplified
    if simplified == text:  # nothing to simplify: the common case, decided without a second pass
        return "hans"
    to_hans = _count_changes(text, simplified)
    to_hant = _count_changes(text, to_traditional(text))
    # A simplified text still has characters s2t rewrites, and vice versa; compare both ways
    # so a few shared variants do not decide the script.
    return "hant" if to_hans > to_hant else "hans"


def _count_changes(a: str, b: str) -> int:
    if len(a) != len(b):  # OpenCC phrase conversion can change length; fall back to a rough count
        return abs(len(a) - len(b)) + sum(x != y for x, y in zip(a, b))
    return sum(x != y for x, y in zip(a, b))


def normalise_script(text: str) -> tuple[str, str, StageRecord]:
    """Return (script, simplified_text, record); the original text is never changed."""
    simplified = to_simplified(text)
    script = detect_script(text, simplified)
    changed = _count_changes(text, simplified)
    record = StageRecord(
        stage="script",
        summary=f"script={script}, {changed} characters differ in the simplified form",
        details=[{"script": script, "changed_characters": changed}],
    )
    return script, simplified, record


def word_coverage(text: str) -> float:
    """Share of Han characters that sit in dictionary words of two or more characters.

    Real Chinese scores high (typically > 0.5); mojibake and mis-decoded bytes score near 0.
    """
    simplified = to_simplified(text)
    total = len(HAN_RE.findall(simplified))
    if not total:
        return 0.0
    freq = plain_tokenizer().FREQ
    covered = sum(
        len(word)
        for word in dictionary_words(simplified)
        if len(word) >= 2 and freq.get(word) and HAN_RE.match(word)
    )
    return covered / total
