"""The sixteenth round of target-reading rules, each on the real sentence it was written from: the key indicators
(GDP growth, budget revenue) that the reader missed in work reports no judged set uses, found by listing the reports
without them. No rule and no sentence here comes from a held-out set (heldout-16 … heldout-21)."""

from tests.ingest.test_targets import REPORTS, city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(path, words):
    return figures(in_sentence(targets_of(path), words))


def test_a_note_on_how_a_figure_was_counted_does_not_hide_it():
    assert read(city("长沙"), "全市地区生产总值增长5%左右(预计数，下同)") == [
        ("地区生产总值增长", "outcome", "growth", 2023, 5, "%", "左右"),
        ("一般公共预算收入增长", "outcome", "growth", 2023, 7.03, "%", "")]
    assert read(city("芜湖"), "全市实现地区生产总值4800亿元左右（预计数，下同），增长6%")[:2] == [
        ("地区生产总值", "outcome", "level", 2023, 4800, "亿元", "左右"),
        ("地区生产总值增长", "outcome", "growth", 2023, 6, "%", "")]
    assert ("地区生产总值增长", "outcome", "growth", 2023, 8, "%", "") in read(city("绵阳"), "同比增长（以下简称增长）8%")


def test_the_sentence_is_shown_with_its_note():
    sentences = {t.sentence for t in targets_of(city("长沙")) if "预计数" in t.sentence}
    assert len(sentences) == 1 and "全市地区生产总值增长5%左右(预计数，下同)，地方一般公共预算收入同口径增长7.03%(剔除" in sentences.pop()


def test_a_region_word_and_the_full_year_before_a_name_are_no_part_of_it():
    assert read(city("黔东南"), "全州全年地区生产总值完成1329.65亿元、增长4%")[:2] == [
        ("地区生产总值", "outcome", "level", 2023, 1329.65, "亿元", ""),
        ("地区生产总值增长", "outcome", "growth", 2023, 4, "%", "")]
    xinjiang = REPORTS / "provinces-2025" / "2025年新疆政府工作报告.docx"
    assert read(xinjiang, "全疆地区生产总值同比增长6.1%")[0] == ("地区生产总值增长", "outcome", "growth", 2024, 6.1, "%", "")


def test_the_budget_revenue_of_local_finance_is_the_budget_revenue():
    assert ("一般公共预算收入增长", "target", "growth", 2024, 7, "%", "以上") in read(
        city("阿坝"), "地方财政一般公共预算收入增长7%以上")


def test_a_printed_copy_is_read_across_its_line_breaks():
    assert read(city("承德"), "今年经济社会发展主要预期目标是")[:3] == [
        ("地区生产总值增长", "target", "growth", 2024, 6, "%", "左右"),
        ("一般公共预算收入增长", "target", "growth", 2024, 5, "%", "左右"),
        ("规模以上工业增加值增长", "target", "growth", 2024, 6.5, "%", "左右")]
    assert read(city("承德"), "全市地区生产总值增长5.6%")[0] == ("地区生产总值增长", "outcome", "growth", 2023, 5.6, "%", "")


def test_the_year_after_the_quarters_of_the_economy_is_its_growth():
    assert read(city("武汉"), "经济增速逐季回升，一季度增长4.5%")[0] == ("地区生产总值增长", "outcome", "growth", 2023, 5.7, "%", "")
    assert read(city("荆门"), "全年累计增长6.7%")[0] == ("地区生产总值增长", "outcome", "growth", 2023, 6.7, "%", "")
    hunan = REPORTS / "provinces-2025" / "2025年湖南省政府工作报告.docx"
    assert read(hunan, "全年增长4.8%、总量达5.3万亿元")[:2] == [
        ("地区生产总值增长", "outcome", "growth", 2024, 4.8, "%", ""),
        ("地区生产总值", "outcome", "level", 2024, 5.3, "万亿元", "达到")]
    # (a sector's quarters are no economy's: `服务业增加值增速连续四个季度居全省第1位、全年增长9.2%`)
    assert "地区生产总值增长" not in [f[0] for f in read(city("绵阳"), "连续四个季度居全省第1位、全年增长9.2%")]
