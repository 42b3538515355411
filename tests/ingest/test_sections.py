from documents.ingest.sections import cn_to_int, find_sections, split_heading


def shape(sections):
    return [(s.number, s.level, s.parent, s.anchor) for s in sections]


def test_chinese_numerals_convert():
    assert [cn_to_int(n) for n in ("一", "十", "十二", "二十", "一百零五")] == [1, 10, 12, 20, 105]


def test_line_headings_nest_three_levels():
    text = "一、总体要求\n（一）指导思想\n1.坚持创新。\n2.坚持开放。\n（二）主要目标\n二、重点任务\n（一）建设平台"
    assert shape(find_sections(text)) == [
        ("一、", 1, None, "s1"), ("（一）", 2, 0, "s1-1"), ("1.", 3, 1, "s1-1-1"), ("2.", 3, 1, "s1-1-2"),
        ("（二）", 2, 0, "s1-2"), ("二、", 1, None, "s2"), ("（一）", 2, 5, "s2-1"),
    ]


def test_line_heading_is_the_whole_line():
    [section] = find_sections("一、凝聚数字智慧开发区高质量发展共识\n充分认识高质量发展的重要性。")
    assert section.heading == "凝聚数字智慧开发区高质量发展共识"
    assert section.body == "充分认识高质量发展的重要性。"


def test_inline_headings_running_into_the_text_are_found():
    text = "走出一条发展道路。一、健全保障机制(一)健全统筹协调机制按照部署,发挥作用。(二)完善制度标准体系加快立法。二、打造创新生态深入实施。(一)营造环境推动建设。"
    sections = find_sections(text)
    assert shape(sections) == [
        ("一、", 1, None, "s1"), ("(一)", 2, 0, "s1-1"), ("(二)", 2, 0, "s1-2"),
        ("二、", 1, None, "s2"), ("(一)", 2, 3, "s2-1"),
    ]
    assert sections[0].heading == "健全保障机制"


def test_prose_enumeration_on_one_line():
    text = "提出三大任务：一是推进改革，强化供给。 围绕制度。 二是优化布局。 三是加快突破。"
    sections = find_sections(text)
    assert [s.number for s in sections] == ["一是", "二是", "三是"]
    assert sections[0].heading == "推进改革，强化供给"
    assert sections[0].body == "围绕制度。"


def test_lone_yi_shi_is_ordinary_prose():
    assert find_sections("统一是基础，其一是关键。") == []


def test_han_numeral_inside_a_sentence_is_not_a_marker():
    assert find_sections("推动标准统一、规范发展，做到统一、高效。") == []


def test_numbers_that_break_the_sequence_are_ignored():
    assert find_sections("三、不是开头\n五、也不是") == []


def test_chapters_contain_articles():
    text = "第一章 总则\n第一条 为了规范数据。\n第二条 本条例适用于本省。\n第二章 数据资源\n第三条 数据分类。"
    assert shape(find_sections(text)) == [
        ("第一章", 1, None, "s1"), ("第一条", 2, 0, "s1-1"), ("第二条", 2, 0, "s1-2"),
        ("第二章", 1, None, "s2"), ("第三条", 2, 3, "s2-1"),
    ]


def test_article_reference_inside_a_sentence_is_not_a_section():
    assert len(find_sections("第一条 依照本条例第二条规定执行。\n第二条 适用范围。")) == 2


def test_long_first_sentence_heading_is_cut_at_a_comma():
    heading, body = split_heading("健全统筹协调机制按照苏州市数字经济和数字化领导小组的工作部署,发挥苏州市数字经济和数字化发展工作联席会议制度的作用,加强顶层设计。")
    assert heading == "健全统筹协调机制按照苏州市数字经济和数字化领导小组的工作部署"
    assert body.startswith("发挥")


def test_unnumbered_report_parts_are_top_level_above_numbered_lists():
    text = "各位代表：\n2023年工作回顾\n一、经济稳中有进\n二、改革持续深化\n2024年工作安排建议\n（一）扩大内需\n全面加强政府自身建设\n附件2 名词解释\n1.四新：新技术。"
    sections = find_sections(text)
    assert [(s.number, s.heading, s.level) for s in sections] == [
        ("", "2023年工作回顾", 1), ("一、", "经济稳中有进", 2), ("二、", "改革持续深化", 2),
        ("", "2024年工作安排建议", 1), ("（一）", "扩大内需", 2), ("", "全面加强政府自身建设", 1),
        ("附件2", "名词解释", 1), ("1.", "四新", 2)]


def test_annex_heading_on_the_next_line_is_the_annex_title():
    sections = find_sections("附件1\n名词解释\n1.四新：新技术。")
    assert [(s.number, s.heading) for s in sections] == [("附件1", "名词解释"), ("1.", "四新")]


def test_listed_numerals_and_holidays_are_not_markers():
    assert find_sections("全市一、二、三产业分别增长4.6%、5.1%和6.2%。五一、端午期间游客增长。") == []


def test_heading_running_into_its_text_after_a_gap_is_cut_there():
    [section] = find_sections("一、2023年工作回顾\u3000\u3000过去的一年，极不寻常。")
    assert (section.heading, section.body) == ("2023年工作回顾", "过去的一年，极不寻常。")
    [section] = find_sections("一、2023年工作回顾 2023 年是开局之年，成绩显著。")
    assert section.heading == "2023年工作回顾"
