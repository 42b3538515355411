import pytest

from documents.ingest.annotations import remove_annotations


def clean(text):
    return remove_annotations(text)[0]


def test_pinyin_after_each_character_is_removed():
    assert clean("數(shù)字經(jīng)濟(jì)") == "數字經濟"


@pytest.mark.parametrize("text, expected", [
    ("綠(lǜ)色", "綠色"),
    ("旅(lǚ)遊", "旅遊"),
    ("女(nǚ)性", "女性"),
    ("略(lüè)", "略"),
    ("長(zhǎng)", "長"),
    ("業(yè)", "業"),
])
def test_every_tone_mark_and_u_umlaut_is_recognised(text, expected):
    assert clean(text) == expected


def test_full_width_parentheses_around_pinyin_are_removed():
    assert clean("經（jīng）濟（jì）") == "經濟"


@pytest.mark.parametrize("text", [
    "建設方案(2025-2027年)",
    "（一）健全統籌協調機制",
    "(一)健全",
    "(以下簡稱《建設方案》)",
    "通用人工智能(AGI)",
    "一人(團隊)一策",
    "蘇州(相城)數字經濟",
    "第(a)項",  # an unannotated page: toneless letters are not pinyin here
])
def test_real_parentheses_are_kept(text):
    assert clean(text) == text


def test_neutral_tone_syllables_are_removed_on_an_annotated_page():
    text = "我們(men)的(de)經(jīng)濟(jì)發(fā)展"
    assert clean(text) == "我們的經濟發展"


def test_annotation_after_a_non_han_character_is_left_for_the_mojibake_stage():
    assert clean("龍?jiān)跁") == "龍?jiān)跁"


def test_record_counts_removals_and_keeps_samples():
    _, record = remove_annotations("經(jīng)濟(jì)" * 30)
    assert record.details[0]["count"] == 60
    assert record.details[0]["samples"][0]["annotation"] == "(jīng)"
    assert len(record.details[0]["samples"]) <= 20
