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


def normalise(text: str) -> str:
    """Full-width to half-width and lower case, keeping the length (one char for one char)."""
    out = []
    for ch in text:
        folded = unicodedata.normalize("NFKC", ch)
        out.append(folded.lower() if len(folded) == 1 else ch)
    return "".join(out)


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
