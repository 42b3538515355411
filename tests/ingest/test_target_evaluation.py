import re
from collections import Counter
from pathlib import Path

import pytest

from documents.evaluation import targets as evaluation
from documents.evaluation.targets import Document
from documents.ingest.targets import Target

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
# Copied verbatim from corpus/workreports/provinces-2025/2025年福建省政府工作报告.docx.
FUJIAN = ("今年经济社会发展的主要预期目标是：全省地区生产总值增长5.0%—5.5%，根据实际情况争取更好的结果，"
          "固定资产投资增长5%左右，社会消费品零售总额增长5.5%左右，出口增长3%左右，城镇调查失业率5%左右，"
          "居民消费价格涨幅2%左右，居民收入增长与经济增长保持同步，粮食产量511万吨以上，单位地区生产总值能耗保持下降。")
VOCABULARY = {"地区生产总值增长": "地区生产总值增长", "全省地区生产总值增长": "地区生产总值增长",
              "固定资产投资增长": "固定资产投资增长", "城镇调查失业率": "城镇调查失业率"}


def judged(indicator, text, value, high=None, *, unit="%", modifier="", kind="target", measure="growth", year=2025):
    return {"indicator": indicator, "indicator_text": text, "kind": kind, "measure": measure, "year": year,
            "value_low": value, "value_high": value if high is None else high, "unit": unit, "modifier": modifier}


def extracted(target, start=0, **changes):
    fields = {**target, **changes}
    return Target(**fields, sentence=FUJIAN, position=0, start=start, end=start + 1)


FUJIAN_TARGETS = [
    judged("地区生产总值增长", "全省地区生产总值增长", 5.0, 5.5),
    judged("固定资产投资增长", "固定资产投资增长", 5, modifier="左右"),
    judged("城镇调查失业率", "城镇调查失业率", 5, modifier="左右", measure="level"),
]


def scored(found, targets=FUJIAN_TARGETS):
    return evaluation.score([evaluation.judge_sentence(found, targets, VOCABULARY)])


def test_a_perfect_prediction_scores_one_on_every_field():
    result = scored([extracted(t) for t in FUJIAN_TARGETS])
    assert all(f["precision"] == f["recall"] == 1.0 for f in result["fields"].values())
    assert result["complete"]["precision"] == result["complete"]["recall"] == 1.0


@pytest.mark.parametrize("field, change", [
    ("indicator", {"indicator": "一般公共预算收入增长"}),
    ("year", {"year": 2024}),
    ("value", {"value_high": 5.0}),
    ("unit", {"unit": "个百分点"}),
    ("modifier", {"modifier": "左右"}),
    ("kind", {"kind": "outcome"}),
    ("measure", {"measure": "share"}),
])
def test_a_wrong_field_lowers_exactly_that_field(field, change):
    found = [extracted(FUJIAN_TARGETS[0], **change), *(extracted(t) for t in FUJIAN_TARGETS[1:])]
    result = scored(found)
    for name, figures in result["fields"].items():
        expected = 2 / 3 if name == field else 1.0
        assert figures["precision"] == figures["recall"] == round(expected, 4), name
    assert result["complete"]["agree"] == 2
    assert result["counts"]["paired"] == 3


def test_a_vocabulary_indicator_needs_its_canonical_name():
    assert evaluation.indicator_agrees("地区生产总值增长", "地区生产总值增长", VOCABULARY)
    assert not evaluation.indicator_agrees("全省地区生产总值增长", "地区生产总值增长", VOCABULARY)
    # a judged alias counts as its canonical name
    assert evaluation.indicator_agrees("地区生产总值增长", "全省地区生产总值增长", VOCABULARY)
    # without the vocabulary both are phrases, and one ends with the other
    assert evaluation.indicator_agrees("全省地区生产总值增长", "地区生产总值增长", {})


def test_an_indicator_outside_the_vocabulary_agrees_without_connectives_or_as_a_suffix():
    assert evaluation.indicator_agrees("其中民间投资增长", "民间投资增长", VOCABULARY)
    assert evaluation.indicator_agrees("技术合同成交额", "全省技术合同成交额", VOCABULARY)
    assert not evaluation.indicator_agrees("额", "全省技术合同成交额", VOCABULARY)
    assert not evaluation.indicator_agrees("民间投资", "工业投资增长", VOCABULARY)


def test_an_indicator_outside_the_vocabulary_agrees_without_its_growth_word_or_gdp_spelt_out():
    # 税收收入179.2亿元，增长13.9%: the growth takes the level's name; the measure field says it is growth
    assert evaluation.indicator_agrees("税收收入增长", "税收收入", VOCABULARY)
    assert evaluation.indicator_agrees("城镇化率提升", "城镇化率", {})
    assert evaluation.indicator_agrees("全省地区生产总值年均增长", "地区生产总值", {})
    assert evaluation.indicator_agrees("海洋生产总值占GDP比重", "海洋生产总值占地区生产总值比重", VOCABULARY)
    assert not evaluation.indicator_agrees("税收收入增长", "一般公共预算收入", {})


def test_a_range_agrees_only_when_both_ends_do():
    target = FUJIAN_TARGETS[0]
    assert evaluation.agreement(extracted(target, value_high=5.5 + 1e-12).__dict__, target, VOCABULARY)["value"]
    assert not evaluation.agreement(extracted(target, value_low=5.5).__dict__, target, VOCABULARY)["value"]


def test_pairing_keeps_the_pairs_with_most_agreeing_fields():
    # both extracted targets say 5% 左右; the one named 城镇调查失业率 belongs with the judged one
    found = [extracted(FUJIAN_TARGETS[2], measure="growth"), extracted(FUJIAN_TARGETS[1])]
    pairs = evaluation.pair([t.__dict__ for t in found], FUJIAN_TARGETS[1:], VOCABULARY)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1), (1, 0)]


def test_targets_agreeing_on_neither_indicator_nor_value_are_missed_and_spurious():
    wrong = extracted(FUJIAN_TARGETS[1], indicator="出口增长", value_low=3, value_high=3)
    judgement = evaluation.judge_sentence([wrong], FUJIAN_TARGETS[1:2], VOCABULARY)
    assert judgement["pairs"] == []
    assert len(judgement["missed"]) == len(judgement["spurious"]) == 1


def test_a_target_found_in_a_sentence_without_targets_lowers_precision_only():
    sentence = evaluation.judge_sentence([extracted(FUJIAN_TARGETS[1])], [], VOCABULARY)
    perfect = evaluation.judge_sentence([extracted(t) for t in FUJIAN_TARGETS], FUJIAN_TARGETS, VOCABULARY)
    result = evaluation.score([perfect, sentence])
    assert result["fields"]["value"]["precision"] == 0.75
    assert result["fields"]["value"]["recall"] == 1.0
    assert result["counts"]["sentences_without_targets"] == 1


def test_sentences_end_at_delimiters_and_line_breaks_and_are_stripped():
    text = "  一、2024年工作回顾\n增长5%！真的？ 是。\n\n"
    assert [text[s:e] for s, e in evaluation.sentence_spans(text)] == ["一、2024年工作回顾", "增长5%！", "真的？", "是。"]


def test_each_extracted_target_goes_to_the_sentence_its_start_lies_in():
    text = "回顾。" + FUJIAN
    document = Document(text, 2025, True, {"回顾。": [(0, 3)], FUJIAN: [(3, len(text))]})
    entries = [{"file": "f", "row": None, "sentence": "回顾。", "targets": []},
               {"file": "f", "row": None, "sentence": FUJIAN, "targets": FUJIAN_TARGETS[1:2]}]
    start = text.index("固定资产投资")
    calls = []

    def find(text, *, year, report):
        calls.append((year, report))
        return [extracted(FUJIAN_TARGETS[1], start=start), extracted(FUJIAN_TARGETS[1], start=1)]

    result = evaluation.evaluate(entries, {("f", None, None): document}, find, VOCABULARY)
    assert calls == [(2025, True)]
    assert [len(s["spurious"]) for s in result["sentences"]] == [1, 0]
    assert result["complete"]["recall"] == 1.0
    assert result["complete"]["precision"] == 0.5


def test_problems_names_values_outside_the_conventions():
    bad = judged("粮食产量", "粮食总产", 740, unit="亿斤", modifier="大约", measure="level")
    entry = {"file": "corpus/x.docx", "row": None, "sentence": FUJIAN, "targets": [bad]}
    assert evaluation.problems(entry) == ["粮食总产: indicator_text is not in the sentence", "粮食总产: modifier '大约'"]
    reversed_range = {**FUJIAN_TARGETS[0], "value_low": 5.5, "value_high": 5.0, "unit": "％"}
    assert len(evaluation.problems({**entry, "targets": [reversed_range]})) == 2
    assert evaluation.problems({**entry, "sentence": "甲。乙。"}) == ["sentence is not one stripped sentence"]


def test_a_line_naming_a_sheet_reads_that_sheets_row():
    # Both sheets of Policies Data.xlsx have a row 2; a line without a sheet means the last (ShanDong's).
    workbook = "corpus/policies/spreadsheets/Policies Data.xlsx"
    central = {"file": workbook, "row": 2, "sheet": "Central Policies Table", "sentence": "一、智慧林业内涵及特征", "targets": []}
    shandong = {**central, "sentence": "一、充分认识开展“智慧山东”试点工作的重要性"}
    del shandong["sheet"]
    assert evaluation.validate([central, shandong], evaluation.read_documents([central, shandong], SHARED)) == []
    unsheeted = {k: v for k, v in central.items() if k != "sheet"}
    assert evaluation.validate([unsheeted], evaluation.read_documents([unsheeted], SHARED)) == [
        f"line 1 ({workbook}#2): the sentence is 0 sentences of the text, not one"]
    assert evaluation.problems({**central, "row": None}) == ["sheet 'Central Policies Table' (a sheet's name, with a row)"]


def test_validate_names_sentences_not_found_once_in_their_document():
    document = Document("回顾。回顾。" + FUJIAN, 2025, True, {"回顾。": [(0, 3), (3, 6)], FUJIAN: [(6, 6 + len(FUJIAN))]})
    entries = [{"file": "corpus/a.docx", "row": None, "sentence": "回顾。", "targets": []},
               {"file": "corpus/a.docx", "row": None, "sentence": FUJIAN, "targets": FUJIAN_TARGETS},
               {"file": "corpus/a.docx", "row": None, "sentence": FUJIAN, "targets": FUJIAN_TARGETS},
               {"file": "corpus/b.docx", "row": None, "sentence": FUJIAN, "targets": []}]
    assert evaluation.validate(entries, {("corpus/a.docx", None, None): document}) == [
        "line 1 (corpus/a.docx#None): the sentence is 2 sentences of the text, not one",
        "line 3 (corpus/a.docx#None): repeats an earlier line",
        "line 4 (corpus/b.docx#None): no such document",
    ]


def test_the_vocabulary_maps_names_and_aliases_to_the_name(tmp_path):
    path = tmp_path / "indicators.csv"
    path.write_text("name,measure,unit,aliases\n地区生产总值增长,growth,%,经济增长|GDP增长\n", encoding="utf-8")
    assert evaluation.load_vocabulary(path) == {"地区生产总值增长": "地区生产总值增长", "经济增长": "地区生产总值增长",
                                                "GDP增长": "地区生产总值增长"}


@pytest.fixture(scope="module")
def judged_set():
    entries = evaluation.load_judged()
    return entries, evaluation.read_documents(entries, SHARED)


def test_the_judged_set_is_valid(judged_set):
    entries, documents = judged_set
    assert evaluation.validate(entries, documents) == []
    targets = [t for e in entries for t in e["targets"]]
    assert len(targets) >= 150
    assert sum(1 for e in entries if not e["targets"] and re.search(r"[0-9０-９]", e["sentence"])) >= 40
    folders = Counter(e["file"].split("/")[2] for e in {e["file"]: e for e in entries}.values()
                      if e["file"].startswith("corpus/workreports/"))
    assert min(folders[f] for f in ("provinces-2025", "provinces-2026", "cities-2024")) >= 10
    seed = [e for e in entries if e["file"].startswith("seeds/001_")]
    assert any(t["value_low"] == 16 and t["year"] == 2027 for e in seed for t in e["targets"])


LATER_SETS = [evaluation.JUDGED_2, evaluation.JUDGED_3, evaluation.JUDGED_4, evaluation.JUDGED_5, evaluation.JUDGED_6,
              evaluation.JUDGED_7, evaluation.JUDGED_8, evaluation.JUDGED_9, evaluation.JUDGED_10, evaluation.JUDGED_11,
              evaluation.JUDGED_12, evaluation.JUDGED_13, evaluation.JUDGED_14, evaluation.JUDGED_15, evaluation.JUDGED_16,
              evaluation.JUDGED_17, evaluation.JUDGED_22, evaluation.JUDGED_20, evaluation.JUDGED_23, evaluation.JUDGED_24,
              evaluation.JUDGED_18, evaluation.JUDGED_19, evaluation.JUDGED_21, evaluation.JUDGED_25,
              evaluation.JUDGED_26, evaluation.JUDGED_27, evaluation.JUDGED_28, evaluation.HELDOUT,
              evaluation.HELDOUT_28, evaluation.HELDOUT_29, evaluation.HELDOUT_30, evaluation.HELDOUT_31,
              evaluation.HELDOUT_32, evaluation.JUDGED_29, evaluation.JUDGED_31, evaluation.JUDGED_30,
              evaluation.JUDGED_32, evaluation.HELDOUT_36]


@pytest.mark.parametrize("path", LATER_SETS)
def test_the_later_sets_are_valid_and_from_documents_no_earlier_set_uses(judged_set, path):
    entries = evaluation.load_judged(path)
    assert evaluation.validate(entries, evaluation.read_documents(entries, SHARED)) == []
    # (plans and policy measures hold few targets: their sets are whole documents, every sentence with a digit)
    assert sum(len(e["targets"]) for e in entries) >= 40 or len(entries) >= 300
    # A document is a file, or one row of a spreadsheet.
    earlier = {evaluation.document_key(e) for e in judged_set[0]}
    for before in LATER_SETS[:LATER_SETS.index(path)]:
        earlier |= {evaluation.document_key(e) for e in evaluation.load_judged(before)}
    assert not {evaluation.document_key(e) for e in entries} & earlier


def test_an_extractor_finding_exactly_the_judged_targets_scores_one(judged_set):
    entries, documents = judged_set
    by_text, vocabulary = {}, evaluation.load_vocabulary()
    for entry in entries:
        document = documents[evaluation.document_key(entry)]
        [(start, end)] = document.spans[entry["sentence"]]
        by_text.setdefault(id(document.text), []).extend(
            # A perfect extractor names a vocabulary indicator by its canonical name.
            Target(**{**t, "indicator": vocabulary.get(t["indicator"], t["indicator"])}, sentence=entry["sentence"],
                   position=start, start=start, end=end) for t in entry["targets"])

    result = evaluation.evaluate(entries, documents, lambda text, **_: by_text.get(id(text), []),
                                 evaluation.load_vocabulary())
    assert result["complete"]["precision"] == result["complete"]["recall"] == 1.0
    assert result["counts"]["extracted"] == result["counts"]["judged"]
