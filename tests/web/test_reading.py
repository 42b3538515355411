from documents.reading import convert, text_blocks


def section(number, heading, anchor, level=1, body=""):
    return {"number": number, "heading": heading, "body": body, "anchor": anchor, "level": level}


def pieces(blocks):
    return [[(p.text, p.anchors) for p in block] for block in blocks]


def test_heading_lines_get_their_anchor():
    blocks = text_blocks("前言。\n一、总体要求\n正文。", [section("一、", "总体要求", "s1")])
    assert pieces(blocks) == [[("前言。", [])], [("一、总体要求", ["s1"])], [("正文。", [])]]


def test_prose_enumeration_inside_a_paragraph_is_split_at_each_item():
    blocks = text_blocks("任务:一是建设网络。二是培育市场。", [section("一是", "建设网络", "s1"), section("二是", "培育市场", "s2")])
    assert pieces(blocks) == [[("任务:", []), ("一是建设网络", ["s1"]), ("。", []), ("二是培育市场", ["s2"]), ("。", [])]]


def test_a_section_found_only_later_keeps_order_and_unfound_anchors_are_not_lost():
    blocks = text_blocks("一、甲\n二、乙", [section("一、", "甲", "s1"), section("九、", "不存在的标题", "s9"),
                                           section("二、", "乙", "s2")])
    assert pieces(blocks) == [[("一、甲", ["s1"])], [("二、乙", ["s9", "s2"])]]


def test_anchor_of_a_section_missing_at_the_end_is_still_rendered():
    blocks = text_blocks("正文", [section("一、", "找不到", "s1")])
    assert pieces(blocks)[-1] == [("", ["s1"])]


def test_heading_repeated_in_the_preamble_matches_the_section_not_the_mention():
    text = "围绕总体要求，制定本方案。\n一、总体要求\n内容"
    blocks = text_blocks(text, [section("一、", "总体要求", "s1")])
    assert pieces(blocks)[1] == [("一、总体要求", ["s1"])]


def test_convert_between_scripts():
    assert convert("数字经济", "hans", "hant") == "數字經濟"
    assert convert("數字經濟", "hant", "hans") == "数字经济"
    assert convert("數字經濟", "hant", "hant") == "數字經濟"
