from pathlib import Path

from documents.ingest.office import docx_to_text
from documents.ingest.pagination import join_pages, unwrap_lines

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


CHENGDE = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "workreports" / "cities-2024" / "承德.docx"
SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
SAMPLES = SEEDS.parent / "corpus-samples"  # laws as lawrefbook prints them


def test_a_printed_copy_has_its_lines_joined_and_its_page_numbers_dropped():
    printed, _ = docx_to_text(CHENGDE.read_bytes(), CHENGDE.name)
    assert "规模以上工\n业增加值增长8.3%" in printed and "\n— 9 —\n" in printed
    text, record = unwrap_lines(printed)
    assert "全市地区生产总值增长5.6%，一般公共预算收入增长8.1%，规模以上工业增加值增长8.3%，" in text
    assert "\n今年经济社会发展主要预期目标是：地区生产总值增长6%左右，一般公共预算收入增长5%左右，" in text
    assert "— 9 —" not in text
    assert record.details == [{"width": 29, "joined": 442, "page_numbers": 22}]
    # paragraphs and headings stay lines of their own
    assert "\n一、2023年工作回顾\n刚刚过去的一年，" in text


def test_texts_not_printed_to_a_width_are_left_as_they_are():
    texts = sorted(SEEDS.iterdir()) + sorted(SAMPLES.glob("*.md"))
    for path in texts:
        text = path.read_text(encoding="utf-8", errors="replace")
        assert unwrap_lines(text) == (text, unwrap_lines("")[1]), path.name
    assert len(texts) > 10
