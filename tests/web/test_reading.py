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


def test_an_article_whose_heading_is_its_first_sentence_is_labelled_by_its_number_alone():
    article = section("第一条", "为了促进数字经济发展，加快建设现代化经济体系，提…", "s1-1", level=2,
                      body="为了促进数字经济发展，加快建设现代化经济体系，提升核心竞争力，制定本条例。")
    chapter = section("第一章", "总则", "s1")
    blocks = text_blocks("第一章 总则\n第一条 为了促进数字经济发展，加快建设现代化经济体系，提升核心竞争力，制定本条例。",
                         [chapter, article])
    assert [(p.text, p.anchors) for p in blocks[1]] == [
        ("第一条", ["s1-1"]), (" 为了促进数字经济发展，加快建设现代化经济体系，提升核心竞争力，制定本条例。", [])]
    assert pieces(blocks)[0] == [("第一章 总则", ["s1"])]  # a heading of its own stays the label


def test_a_long_toc_groups_its_articles_under_the_chapters_and_a_short_one_stays_flat():
    from documents.reading import toc_entries
    sections = [{"toc_label": f"第{c}章", "anchor": f"s{c}", "level": 1} for c in range(1, 4)]
    long = []
    for chapter in sections:
        long.append(chapter)
        long += [{"toc_label": f"第{n}条", "anchor": f"{chapter['anchor']}-{n}", "level": 2} for n in range(30)]
    grouped, is_grouped = toc_entries(long)
    assert is_grouped and [e.label for e in grouped] == ["第1章", "第2章", "第3章"]
    assert [len(e.children) for e in grouped] == [30, 30, 30]
    flat, is_grouped = toc_entries(long[:40])
    assert not is_grouped and len(flat) == 40
