from documents.ingest.mojibake import detect, repair


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
