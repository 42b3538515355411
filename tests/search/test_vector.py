"""The tsvector literal is built in Python from our own tokens: these tests need no database."""

import re

from documents.search.tokens import tokens
from documents.search.vector import literal_from_tokens, pairs, tsvector_literal

LEXEME = re.compile(r"'((?:[^']|'')*)':([0-9A-D,]+)")


def lexemes(literal: str) -> dict[str, str]:
    """{lexeme: positions} from a literal such as "'公共 数据':1A '数据':3A"."""
    return {lexeme.replace("''", "'"): positions for lexeme, positions in LEXEME.findall(literal)}


def test_abutting_tokens_are_indexed_as_pairs_and_triples_without_positions():
    vectors = literal_from_tokens([("C", tokens("公共数据开放"))])
    pair_lexemes = set(re.findall(r"'([^']*)'", vectors.pairs))
    assert {"公共 数据", "数据 开放", "公共 数据 开放", "公共数据 开放"} <= pair_lexemes
    assert "公共 开放" not in pair_lexemes and "公共数据 数据 开放" not in pair_lexemes  # 数据 is inside 公共数据
    assert re.fullmatch(r"('[^' ]+ [^' ]+( [^' ]+)?' ?)+", vectors.pairs)  # no positions
    words = lexemes(vectors.words)
    assert (words["公共"], words["数据"], words["开放"]) == ("1C", "3C", "5C")
    assert not [lexeme for lexeme in words if " " in lexeme]


def test_no_pair_across_punctuation_or_a_field_boundary():
    assert pairs(tokens("数据。开放")) == []
    assert tsvector_literal("公共", ["数据"], "开放").pairs == ""


def test_no_triple_across_a_gap_or_punctuation():
    assert "数字 经济 发展" not in pairs(tokens("数字经济，发展")) and "经济 高质量 发展" in pairs(tokens("经济高质量发展"))


def test_a_pair_in_several_fields_is_listed_once():
    assert literal_from_tokens([("A", tokens("国际一流")), ("C", tokens("国际一流"))]).pairs == "'国际 一流'"
