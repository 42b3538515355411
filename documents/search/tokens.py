"""Segmenting simplified Chinese into index tokens with character offsets (pure).

Each token carries the offset of its first character. Besides jieba's words we emit the
dictionary words inside each word (经济 inside 数字经济) at their own offsets, so that a
part finds the whole and segmentation differences between a query and a document do not
matter: phrases are matched by character distance, not by word count.
"""

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import jieba

VOCABULARY = Path(__file__).resolve().parents[2] / "fixtures" / "vocabulary.txt"
_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
MAX_SUBWORD = 6


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    instance = jieba.Tokenizer()
    instance.initialize()
    instance.load_userdict(str(VOCABULARY))
    return instance


def _is_word(token: str) -> bool:
    return bool(_WORDLIKE.search(token))


def _fold(ch: str) -> str:
    folded = unicodedata.normalize("NFKC", ch)
    folded = folded.lower() if len(folded) == 1 else ch
    return folded if len(folded) == 1 else ch  # one char for one char, always


_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@lru_cache(maxsize=1)
def _folding() -> list[str]:
    """A str.translate table for the whole BMP (a list: no lookup ever misses, so it is fast)."""
    return [chr(code) if 0xD800 <= code <= 0xDFFF else _fold(chr(code)) for code in range(0x10000)]


def normalise(text: str) -> str:
    """Full-width to half-width and lower case, keeping the length (one char for one char)."""
    text = text.translate(_folding())
    return _ASTRAL.sub(lambda match: _fold(match.group()), text) if _ASTRAL.search(text) else text


def words(text: str) -> list[tuple[str, int]]:
    """jieba's words of already normalised text with their offsets, punctuation and spaces left out."""
    result = []
    offset = 0
    for word in tokenizer().cut(text, HMM=True):
        if _is_word(word) and not word.isspace():
            result.append((word, offset))
        offset += len(word)
    return result


def subwords(word: str) -> list[tuple[str, int]]:
    """The dictionary words strictly inside a word (经济 in 数字经济), with offsets within it."""
    freq = tokenizer().FREQ
    length = len(word)
    parts = []
    if length > 2:
        for size in range(2, min(length, MAX_SUBWORD + 1)):
            for start in range(0, length - size + 1):
                part = word[start : start + size]
                if part != word and freq.get(part):
                    parts.append((part, start))
    return parts


def tokens(text: str) -> list[tuple[str, int]]:
    """(token, offset) pairs for simplified text: jieba words and the dictionary words inside them."""
    result = []
    for word, offset in words(normalise(text)):
        result.append((word, offset))
        result.extend((part, offset + start) for part, start in subwords(word))
    return result
