"""The tsvector literal is built in Python from our own tokens: these tests need no database."""

import re

from documents.search.tokens import tokens
from documents.search.vector import literal_from_tokens, pairs, tsvector_literal

LEXEME = re.compile(r"'((?:[^']|'')*)':([0-9A-D,]+)")


def lexemes(literal: str) -> dict[str, str]:
    """{lexeme: positions} from a literal such as "'公共 数据':1A '数据':3A"."""
    return {lexeme.replace("''", "'"): positions for lexeme, positions in LEXEME.findall(literal)}


def test_abutting_tokens_are_indexed_as_pairs_at_the_first_ones_position():
    found = lexemes(literal_from_tokens([("C", tokens("公共数据开放"))]))
    assert found["公共 数据"] == "1C" and found["数据 开放"] == "3C"
    assert "公共 开放" not in found


def test_no_pair_across_punctuation_or_a_field_boundary():
    assert not [pair for pair, _ in pairs(tokens("数据。开放"))]
    found = lexemes(tsvector_literal("公共", ["数据"], "开放"))
    assert not [lexeme for lexeme in found if " " in lexeme]


def test_pairs_take_their_fields_weight():
    found = lexemes(literal_from_tokens([("A", tokens("国际一流")), ("C", tokens("国际一流"))]))
    assert [position[-1] for position in found["国际 一流"].split(",")] == ["A", "C"]
