"""OpenCC's script conversion and jieba's segmentation, for every stage (pure: no Django).

Each converter and each segmenter is loaded once per process, here; ingest, search and the gazetteer
all take them from this module, and forked import workers share what the parent loaded.
"""

import gc
import logging
from functools import lru_cache
from pathlib import Path

import jieba
import opencc

# Policy terms jieba's dictionary lacks (数据要素, 低空经济…): the search index's words.
VOCABULARY = Path(__file__).resolve().parent.parent / "fixtures" / "vocabulary.txt"

# jieba segments each run of these characters on its own; what lies between runs it yields a character at a time.
SEGMENTED_RUN = jieba.re_han_default

jieba.setLogLevel(logging.WARNING)


@lru_cache(maxsize=None)
def converter(config: str) -> opencc.OpenCC:
    """OpenCC with one of its configurations: "t2s", "s2t"…"""
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    """OpenCC t2s of text; non-Han characters are left alone."""
    return converter("t2s").convert(text)


def to_traditional(text: str) -> str:
    return converter("s2t").convert(text)


@lru_cache(maxsize=1)
def tokenizer() -> jieba.Tokenizer:
    """The archive's segmenter: jieba's dictionary and the policy vocabulary. The search index holds its words."""
    instance = jieba.Tokenizer()
    instance.initialize()
    instance.load_userdict(str(VOCABULARY))
    return _kept_for_good(instance)


@lru_cache(maxsize=1)
def plain_tokenizer() -> jieba.Tokenizer:
    """jieba's own dictionary alone: whether bytes read as Chinese (decoding, mojibake) must not depend on
    the archive's vocabulary."""
    jieba.initialize()
    return _kept_for_good(jieba.dt)


def _kept_for_good(loaded):
    """Move everything the process holds so far — the dictionaries above all — out of the garbage collector's
    sight: they live as long as the process, and each full collection would walk them again, pausing whatever
    request it falls in (docs/performance.md, design 26)."""
    gc.freeze()
    return loaded


def dictionary_words(text: str):
    """jieba's segmentation of text by its own dictionary, without guessing unknown words (no HMM)."""
    return plain_tokenizer().cut(text, HMM=False)
