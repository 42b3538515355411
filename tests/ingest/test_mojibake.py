import re
from dataclasses import asdict
from pathlib import Path

from documents.ingest.annotations import PINYIN_LETTERS
from documents.ingest.mojibake import detect, garbled_spans, repair
from documents.ingest.pipeline import ingest_bytes


def test_gbk_text_read_one_byte_off_is_realigned():
    text, record = repair("打造具有國際競爭力的數字產業集群?!吨泄仓醒腙P(guān)於進一步")
    assert text == "打造具有國際競爭力的數字產業集群?《中共中央關(guān)於進一步"
    assert record.details == [{"position": 17, "original": "!吨泄仓醒腙P", "repaired": "《中共中央關"}]


def test_realignment_after_a_lost_full_width_character():
    text, _ = repair("基因技術、深??仗斓任磥韴鼍皯?yīng)用")
    assert "空天等未來場景" in text


def test_ordinary_text_is_never_realigned():
    text = "推动数字经济和实体经济深度融合，打造具有国际竞争力的数字产业集群。"
    assert repair(text) == (text, repair(text)[1])
    assert repair(text)[1].details == []


WORKREPORTS = Path(__file__).parents[2].parent / "shared/corpus/workreports"


def test_phrases_the_dictionary_lacks_between_full_width_characters_are_never_shifted():
    """Real reports whose runs between full-width punctuation read as noise to the dictionary: the text stays."""
    for name, phrase in [("provinces-2025/2025年内蒙古自治区政府工作报告.docx", "、绿氢绿氨、"),
                         ("provinces-2025/2025年四川省政府工作报告.docx", "“科创贴”"),
                         ("cities-2024/百色.docx", "“不返红”")]:
        path = WORKREPORTS / name
        result = ingest_bytes(path.read_bytes(), path.name)
        assert phrase in result.clean_text, name
        [stage] = [stage for stage in result.stages if stage.stage == "mojibake_repair"]
        assert stage.details == [], name


def test_a_shifted_run_beside_a_lost_byte_is_still_realigned():
    text, _ = repair("集群\ufffd!吨泄仓醒腙P(guān)於進一步")
    assert "《中共中央關" in text


def test_broken_annotation_is_flagged_with_its_position_not_removed():
    text = "工業和信息化部部長金壯龍?jiān)跁?huì)上表示"
    warnings, record = detect(text)
    assert [(w.kind, w.position) for w in warnings] == [("mojibake", 12)]
    assert "?jiān)跁?huì)" in warnings[0].message
    assert record.details[0]["position"] == 12


def test_replacement_characters_are_flagged():
    warnings, _ = detect("数字经济\ufffd\ufffd发展")
    assert [w.position for w in warnings] == [4]


def test_adjacent_broken_annotations_make_one_warning():
    warnings, _ = detect("布局?jǐn)?shù)據產業新賽道")
    assert len(warnings) == 1
    assert warnings[0].context.startswith("布局?jǐn)?shù)")


def test_clean_text_has_no_warnings():
    assert detect("通用人工智能(AGI)、量子計算？大數據！")[0] == []


# --- broken annotations whose pinyin names the lost character -------------------------------

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
PINYIN_TAIL = re.compile(f"\\?[(（]?[{PINYIN_LETTERS}]{{1,7}}[)）]")


def seed_text(prefix):
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text("utf-8")


def restored(record):
    return [(d["original"], d["repaired"], d["word"]) for d in record.details if "word" in d]


def test_seeds_restore_the_four_tails_the_pinyin_and_a_neighbour_decide():
    found = {prefix: restored(repair(seed_text(prefix))[1]) for prefix in ("000", "001", "002", "003", "004")}
    assert found == {
        "000": [("?yīng)", "應", "应用")],  # 未來場景?yīng)用 → 應用
        "001": [("?shù)", "數", "数据"), ("?shù)", "數", "数字")],
        "002": [],
        "003": [],
        "004": [("?huì)", "會", "会上")],  # 金壯龍?jiān)跁?huì)上表示 → 會上
    }


def test_seeds_have_eight_tails_and_the_four_undecided_stay_for_detection():
    texts = [seed_text(prefix) for prefix in ("000", "001", "002", "003", "004")]
    assert sum(len(PINYIN_TAIL.findall(text)) for text in texts) == 8
    left = [m.group() for text in texts for m in PINYIN_TAIL.finditer(repair(text)[0])]
    assert left == ["?jǐn)", "?dāng)", "?qū)", "?jiān)"]


def test_restored_character_goes_in_and_its_neighbouring_tail_stays():
    text, _ = repair(seed_text("001"))
    assert "“布局?jǐn)數據(jù)產(chǎn)業(yè)新賽道”" in text  # 盡數 would be a word, but 數 belongs to 數據
    assert "‘?dāng)數字灣區(qū)’" in text
    warnings, _ = detect(text)
    assert any("?jǐn)" in w.message for w in warnings) and any("?dāng)" in w.message for w in warnings)


def test_every_repair_position_points_at_the_original_in_the_input():
    for prefix in ("000", "001", "004"):
        raw = seed_text(prefix)
        for detail in repair(raw)[1].details:
            assert raw.startswith(detail["original"], detail["position"])


def test_position_after_a_shortening_realignment_is_in_input_coordinates():
    raw = "打造具有國際競爭力的數字產業集群?!吨泄仓醒腙P(guān)於進一步推進數字經濟?yīng)用"
    text, record = repair(raw)
    [detail] = [d for d in record.details if "word" in d]
    assert raw[detail["position"]:].startswith("?yīng)")
    assert text.endswith("數字經濟應用")


def test_simplified_page_gets_the_simplified_character():
    assert repair("加快布局?shù)据产业新赛道")[0] == "加快布局数据产业新赛道"


def test_traditional_page_gets_the_form_the_word_needs():
    # 发 is 發 or 髮 in traditional script; 理发师 needs 髮.
    assert repair("這位理?fà)師說，數字經濟發展的關係")[0].startswith("這位理髮師說")


def test_two_readings_that_both_make_words_are_left_alone():
    text, record = repair("我們在公?sī)工作")  # 公司 and 公私 both fit
    assert text == "我們在公?sī)工作" and record.details == []
    assert [w.position for w in detect(text)[0]] == [4]


def test_tail_without_han_neighbours_is_left_alone():
    text = "“?shù)”"
    assert repair(text)[0] == text


def test_annotations_between_context_characters_are_skipped():
    # 據(jù) still carries its annotation when this stage runs.
    assert repair("推進?shù)據(jù)產(chǎn)業(yè)")[0] == "推進數據(jù)產(chǎn)業(yè)"


# --- garbled spans for display -------------------------------------------------------------

def test_garbled_spans_mark_what_the_warnings_point_at_and_join_back():
    text = "工業和信息化部部長金壯龍?jiān)跁?huì)上表示"
    warnings, _ = detect(text)
    pieces = garbled_spans(text, warnings)
    assert pieces == [("工業和信息化部部長金壯龍", False), ("?jiān)跁?huì)", True), ("上表示", False)]
    assert "".join(piece for piece, _ in pieces) == text


def test_garbled_spans_read_stored_warning_dicts_of_a_whole_seed():
    result = ingest_bytes(seed_text("004").encode("utf-8"), "004.txt")
    stored = [asdict(w) for w in result.warnings]
    garbled = [piece for piece, is_garbled in garbled_spans(result.clean_text, stored) if is_garbled]
    assert garbled == ["?jiān)跁"]


def test_warning_that_no_longer_matches_the_text_marks_nothing():
    warnings, _ = detect("金壯龍?jiān)跁會上表示")
    edited = "金壯龍在會上表示"  # a curator fixed it by hand
    assert garbled_spans(edited, warnings) == [(edited, False)]


def test_other_warnings_and_warnings_without_a_quoted_span_mark_nothing():
    text = "数字经济?jiān发展"
    warnings = [{"kind": "no_title", "message": "疑似乱码：「?jiān」，请对照原文核对", "position": 4},
                {"kind": "mojibake", "message": "疑似乱码", "position": 4}]
    assert garbled_spans(text, warnings) == [(text, False)]


def test_line_breaks_stay_outside_garbled_pieces():
    text = "数字经济\n?jiān\n发展"
    warning = {"kind": "mojibake", "message": "第 4 个字符处疑似乱码：「\n?jiān」，请对照原文核对", "position": 4}
    assert garbled_spans(text, [warning]) == [("数字经济\n", False), ("?jiān", True), ("\n发展", False)]
