"""Query parsing is pure: these tests need no database."""

import pytest

from documents.search.query import MAX_TERMS, PAIRS, WORDS, AllOf, AnyOf, Match, Not, parse


def test_traditional_and_simplified_queries_parse_to_the_same_tsquery():
    assert parse("數字經濟 -蘇州").tsquery() == parse("数字经济 -苏州").tsquery() == "'数字经济' & !'苏州'"


def test_space_separated_words_are_anded():
    assert parse("新质生产力 专精特新").tsquery() == "'新质生产力' & '专精特新'"


def test_a_phrase_of_two_abutting_pieces_is_one_pair_lexeme():
    assert parse('"国际一流"').condition() == Match(PAIRS, "'国际 一流'")
    assert parse('"国际一流"').tsquery() == "('国际' <2> '一流')"  # for ranking, on the positional vector


def test_a_phrase_of_three_abutting_pieces_is_one_triple_lexeme():
    assert parse('"公共数据开放"').condition() == Match(PAIRS, "'公共 数据 开放'")
    assert parse('"公共数据开放"').condition(relaxed=True) == Match(PAIRS, "'公共 数据 开放'")
    assert parse('"公共数据开放"').tsquery() == "('公共' <2> '数据' <2> '开放')"  # ranking: positions
    assert parse('"公共数据开放"').tsquery(relaxed=True) == "'公共' & '数据' & '开放'"


def test_longer_phrases_need_their_triples_and_their_positions():
    exact = AllOf((Match(PAIRS, "'公共 数据 开放' & '数据 开放 共享'"),
                   Match(WORDS, "('公共' <2> '数据' <2> '开放' <2> '共享')")))
    assert parse('"公共数据开放共享"').condition() == exact
    assert parse('"公共数据开放共享"').condition(relaxed=True) == Match(PAIRS, "'公共 数据 开放' & '数据 开放 共享'")


def test_pieces_apart_in_a_phrase_keep_their_distance():
    assert parse('"数字 经济"').condition() == Match(WORDS, "('数字' <3> '经济')")
    assert parse('"数字 经济"').condition(relaxed=True) == Match(WORDS, "'数字' & '经济'")


def test_run_split_by_jieba_must_occur_as_contiguous_text():
    assert parse("高新区新闻").condition() == Match(PAIRS, "'高新区 新闻'")


def test_conditions_on_one_vector_are_merged_into_one_tsquery():
    parsed = parse('"公共数据" OR 个人信息 数据 -"数据开放平台" -苏州')
    assert parsed.condition() == AllOf((
        Match(WORDS, "'数据' & !'苏州'"),
        Match(PAIRS, "!'数据 开放 平台'"),  # an excluded phrase of three pieces is one lexeme too
        AnyOf((Match(PAIRS, "'公共 数据'"), Match(WORDS, "'个人信息'"))),
    ))
    assert parsed.condition(with_excluded=False) == AllOf((
        Match(WORDS, "'数据'"), AnyOf((Match(PAIRS, "'公共 数据'"), Match(WORDS, "'个人信息'")))
    ))


def test_or_binds_tighter_than_and():
    assert parse("数字经济 长三角 OR 粤港澳").tsquery() == "'数字经济' & ('长三角' | '粤港澳')"


def test_pipe_is_or_too():
    assert parse("长三角 | 粤港澳").tsquery() == parse("长三角 OR 粤港澳").tsquery()


def test_lowercase_or_is_a_word_not_an_operator():
    assert parse("长三角 or 粤港澳").tsquery() == "'长三角' & 'or' & '粤港澳'"


def test_exclusion_of_a_phrase():
    assert parse('数字经济 -"高新区新闻"').condition() == AllOf((Match(WORDS, "'数字经济'"),
                                                              Match(PAIRS, "!'高新区 新闻'")))


def test_full_width_quotes_and_minus_work():
    assert parse("“国际一流” －苏州").condition() == AllOf((Match(PAIRS, "'国际 一流'"), Match(WORDS, "!'苏州'")))


def test_a_part_of_a_dictionary_word_is_its_own_lexeme():
    assert parse("经济").tsquery() == "'经济'"


def test_apostrophes_separate_words_and_never_reach_the_tsquery():
    assert parse("it's").tsquery() == "('it' <3> 's')"


@pytest.mark.parametrize("text", ["", "   ", "，。！？", "\"\"", "-", "OR", "OR OR |", "😀🎉", "\x00", "-\"\""])
def test_queries_without_words_are_empty_and_browse_everything(text):
    parsed = parse(text)
    assert parsed.is_empty
    assert parsed.tsquery() == ""


def test_unbalanced_quote_runs_to_the_end():
    assert parse('数字经济 "国际一流').tsquery() == "'数字经济' & ('国际' <2> '一流')"


def test_nul_and_control_characters_separate_words():
    assert parse("数字经济\x00专精特新\x07").tsquery() == "'数字经济' & '专精特新'"


def test_very_long_queries_are_cut_not_refused():
    parsed = parse("数字经济 " * 5000)
    assert parsed.tsquery() == "'数字经济'"
    many = parse(" ".join(f"词{i}" for i in range(1000)))
    assert len(many.clauses) <= MAX_TERMS


def test_only_exclusions_is_not_empty():
    parsed = parse("-苏州")
    assert not parsed.is_empty and not parsed.has_positive
    assert parsed.tsquery() == "!'苏州'"


def test_dangling_or_is_ignored():
    assert parse("OR 数字经济 OR").tsquery() == "'数字经济'"


def test_highlight_strings_are_simplified_longest_first():
    assert parse('數據要素 "國際一流"').highlight_strings() == ["数据要素", "国际一流"]


def test_latin_letters_are_folded_to_lower_case():
    assert parse("ＡＩ 5G").tsquery() == "'ai' & '5g'"
