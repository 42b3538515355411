from documents.ingest.pagination import join_pages

PAGE = "加快数字基础设施建设，推动数据要素市场化配置改革，完善数字经济治理体系，提升公共服务数字化水平，"  # 48 chars


def test_page_marker_inside_a_word_is_joined():
    text = "1、" + PAGE * 2 + "为\n2、数字经济发展战略研究提供支撑。"
    joined, record = join_pages(text)
    assert joined == PAGE * 2 + "为数字经济发展战略研究提供支撑。"
    assert [d["marker"] for d in record.details] == ["1、", "2、"]


def test_first_page_marker_alone_is_removed_on_a_sharing_page():
    joined, _ = join_pages("1、" + PAGE + "。", paged=True)
    assert joined == PAGE + "。"


def test_genuine_numbered_list_is_kept():
    text = "主要任务如下：\n1、加强组织领导。\n2、完善政策体系。\n3、强化要素保障。"
    assert join_pages(text)[0] == text


def test_short_list_items_without_punctuation_are_kept():
    text = "1、加强组织领导\n2、完善政策体系\n3、强化要素保障"
    assert join_pages(text)[0] == text


def test_genuine_list_inside_a_page_survives_next_to_page_markers():
    text = (
        "1、" + PAGE * 2 + "要求：\n"
        "1、加强组织领导。\n"
        "2、完善政策体系。\n" + PAGE * 2 + "推动\n"
        "2、产业数字化转型。"
    )
    joined, record = join_pages(text)
    assert joined == (
        PAGE * 2 + "要求：\n1、加强组织领导。\n2、完善政策体系。\n" + PAGE * 2 + "推动产业数字化转型。"
    )
    assert len(record.details) == 2


def test_page_break_at_a_sentence_end_is_still_a_page_marker():
    text = "1、" + PAGE * 2 + "机\n2、制。" + PAGE * 2 + "。\n3、" + PAGE * 2 + "再\n4、推进。"
    joined, _ = join_pages(text)
    assert "\n" not in joined
    assert joined.startswith(PAGE)
