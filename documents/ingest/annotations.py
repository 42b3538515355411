"""Remove inline pinyin annotations that some sites add after characters: 經(jīng)濟(jì) → 經濟."""

from __future__ import annotations

import re
import unicodedata

from .result import StageRecord
from .script import HAN

TONED_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
PINYIN_LETTERS = f"a-zü{TONED_VOWELS}"

# Every valid toneless pinyin syllable: initial + final (plus the initial-less forms).
_SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|üan|van|ai|ei|ao|ou|an|en|er|in|un|ün"
    r"|ia|ie|iu|ua|uo|ui|ue|üe|ve|a|o|e|i|u|ü|v)|ng|hm|hng|m|n",
)

# A Han character, then a parenthesised lowercase word, ASCII or full-width parentheses.
_CANDIDATE = re.compile(f"(?<=[{HAN}])[(（]([{PINYIN_LETTERS}]{{1,7}})[)）]")


def _base(syllable: str) -> str:
    """Strip tone marks: lǜ → lü, jīng → jing."""
    decomposed = unicodedata.normalize("NFD", syllable)
    kept = "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0308")
    return unicodedata.normalize("NFC", kept)


def is_pinyin(word: str, *, require_tone: bool) -> bool:
    """True if word is one pinyin syllable; tone marks required unless the page is annotated."""
    if not _SYLLABLE.fullmatch(_base(word)):
        return False
    return not require_tone or any(ch in TONED_VOWELS for ch in word)


def remove_annotations(text: str) -> tuple[str, StageRecord]:
    """Drop (pinyin) after Han characters; real parentheses such as (2025-2027年) or (團隊) stay."""
    toned = [m for m in _CANDIDATE.finditer(text) if is_pinyin(m.group(1), require_tone=True)]
    # Neutral-tone syllables carry no mark: (men), (de). Accept them only on a page that is
    # already annotated, so an ordinary "(a)" in an unannotated text is never touched.
    require_tone = len(toned) < 3
    removed: list[dict] = []

    def replace(match: re.Match) -> str:
        if not is_pinyin(match.group(1), require_tone=require_tone):
            return match.group(0)
        if len(removed) < 20:
            start = match.start()
            removed.append({"position": start, "annotation": match.group(0),
                            "context": text[max(0, start - 2):match.end() + 2]})
        else:
            removed.append(None)  # counted, sample list kept short
        return ""

    cleaned = _CANDIDATE.sub(replace, text)
    count = len(removed)
    samples = [r for r in removed if r]
    return cleaned, StageRecord(
        stage="annotations",
        summary=f"removed {count} pinyin annotations",
        details=[{"count": count, "samples": samples}],
    )
