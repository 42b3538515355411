"""Segmenting simplified Chinese into index tokens with character offsets (pure).

Each token carries the offset of its first character. Besides jieba's words we emit the
dictionary words inside each word (经济 inside 数字经济) at their own offsets, so that a
part finds the whole and segmentation differences between a query and a document do not
matter: phrases are matched by character distance, not by word count.
"""

import re
import unicodedata
from functools import lru_cache

from documents.chinese import SEGMENTED_RUN, tokenizer
_WORDLIKE = re.compile(r"[\w\u3400-\u9fff]", re.UNICODE)
MAX_SUBWORD = 6


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
    """jieba's words of already normalised text with their offsets, punctuation and spaces left out.

    jieba segments each run of 汉字, letters and digits on its own (SEGMENTED_RUN), so the runs
    are segmented here one at a time and remembered: a law's article headings repeat its sentences,
    and stock clauses repeat across documents. The words are jieba's own, run for run."""
    result = []
    offset = 0
    for block in _BLOCK.split(text):
        if not block:
            continue
        if _BLOCK.match(block):
            result.extend((word, offset + start) for word, start in _block_words(block))
        else:
            at = offset
            for word in tokenizer().cut(block, HMM=True):
                if _is_word(word) and not word.isspace():
                    result.append((word, at))
                at += len(word)
        offset += len(block)
    return result


_BLOCK = SEGMENTED_RUN


@lru_cache(maxsize=50_000)
def _block_words(block: str) -> tuple[tuple[str, int], ...]:
    found, offset = [], 0
    for word in tokenizer().cut(block, HMM=True):
        if _is_word(word):
            found.append((word, offset))
        offset += len(word)
    return tuple(found)


@lru_cache(maxsize=50_000)
def subwords(word: str) -> tuple[tuple[str, int], ...]:
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
    return tuple(parts)


def tokens(text: str) -> list[tuple[str, int]]:
    """(token, offset) pairs for simplified text: jieba words and the dictionary words inside them."""
    result = []
    for word, offset in words(normalise(text)):
        result.append((word, offset))
        result.extend((part, offset + start) for part, start in subwords(word))
    return result
