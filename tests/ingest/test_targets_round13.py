"""The thirteenth round of target-reading rules, each on the real sentence it was written from: the misses of
fixtures/targets/judged-15.jsonl and judged-16.jsonl (held out until this round as heldout-13: 吉安, 荆门, 黄石 2024, and
heldout-14: 孝感, 六安, 泸州 2024), and what the rules read in other work reports. No rule and no sentence here comes
from heldout-15.jsonl (蚌埠, 钦州 2024; judged-17.jsonl since). The figures are pinned in test_targets_round14.py."""

import pytest

from documents.ingest.targets import report_parts
from tests.ingest.test_targets import city, document, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(name, words):
    return figures(in_sentence(targets_of(city(name)), words))


@pytest.mark.parametrize("name, plan", [("泸州", "2024年工作安排建议"), ("潍坊", "二、2024年政府工作安排"),
                                        ("枣庄", "二、2024年工作安排")])
def test_a_report_run_in_without_line_breaks_is_cut_at_its_headings(name, plan):
    """Three reports' docx files are one paragraph each: their parts start at headings inside the run of text."""
    text, year, _ = document(city(name))
    assert "\n" not in text
    parts = report_parts(text, year)
    assert [part for _, part in parts] == ["review", "plan"]
    assert text[parts[1][0]:].lstrip().startswith(plan)


def test_the_review_of_a_run_in_report_gives_outcomes_and_its_plan_targets():
    assert ("地区生产总值增长", "outcome", "growth", 2023, 6.4, "%", "") in read("枣庄", "全市地区生产总值增长6.4%")
    assert read("潍坊", "完成技改投资480亿元以上") == [("技改投资", "target", "level", 2024, 480, "亿元", "以上")]


def test_a_notes_number_is_no_part_of_a_name():
    assert read("泸州", "经费投入强度[26]达1.2%") == [("研发经费投入强度", "target", "share", 2024, 1.2, "%", "力争")]


def test_livestock_slaughtered_is_named_animal_first():
    assert read("泸州", "出栏生猪400万头以上") == [("生猪出栏", "target", "level", 2024, 400, "万头", "以上")]
    assert read("遂宁", "出栏生猪380.7万头") == [("生猪出栏", "outcome", "level", 2023, 380.7, "万头", ""),
                                              ("生猪出栏增长", "outcome", "growth", 2023, 2, "%", "")]
    assert read("安顺", "出栏肉牛14.8万头") == [("肉牛出栏", "outcome", "level", 2023, 14.8, "万头", ""),
                                            ("生猪出栏", "outcome", "level", 2023, 130, "万头", "")]  # (家禽 in 万羽: no unit)


def test_people_insured_are_a_level_and_the_newly_insured_no_target():
    assert read("孝感", "城镇职工基本养老保险参保96.5万人") == [
        ("城镇职工基本养老保险参保", "outcome", "level", 2023, 96.5, "万人", ""),
        ("基本医疗保险参保", "outcome", "level", 2023, 409.8, "万人", "")]
    assert read("盐城", "企业职工养老保险新增参保突破9万人") == [("城镇新增就业", "outcome", "level", 2023, 7, "万人", "超过")]


def test_industries_listed_before_a_shared_chanye_are_each_an_industry():
    assert read("黄石", "有色金属、医药化工、食品饮料等产业分别增长") == [
        ("有色金属产业增长", "outcome", "growth", 2023, 36.5, "%", ""),
        ("医药化工产业增长", "outcome", "growth", 2023, 6.4, "%", ""),
        ("食品饮料产业增长", "outcome", "growth", 2023, 6.75, "%", "")]
    assert ("循环经济产业增长", "outcome", "growth", 2023, 28, "%", "") in read("十堰", "循环经济、清洁能源、卫浴产业分别增长")


def test_a_money_threshold_names_the_firms_or_villages_counted():
    assert ("10亿元企业", "target", "level", 2024, 25, "家", "力争") in read("六安", "10亿元企业达25家")
    assert read("德州", "营收10亿元以上企业达到25家") == [("营收10亿元以上企业", "target", "level", 2024, 25, "家", "力争")]
    assert read("黄石", "经营性收入10万元以上的村级集体经济组织比例") == [
        ("全市经营性收入10万元以上的村级集体经济组织比例", "target", "share", 2024, 70, "%", "以上")]


def test_a_share_named_by_its_members_is_no_work_done():
    assert ("实施垃圾分类的自然村占比", "target", "share", 2024, 45, "%", "达到") in read("黄石", "实施垃圾分类的自然村占比")


def test_what_the_budget_spends_on_a_purpose_is_money_and_its_share_or_growth_the_figure():
    assert read("六安", "财政民生支出527.6亿元") == [("财政民生支出占一般公共预算支出", "outcome", "share", 2023, 86.7, "%", "")]
    assert read("六安", "一般公共预算教育支出105.1亿元") == [("一般公共预算教育支出增长", "outcome", "growth", 2023, 7.9, "%", "")]
    assert read("内江", "民生支出204.98亿元") == [("民生支出占一般公共预算支出", "outcome", "share", 2023, 66.4, "%", "")]
    # (the budget's whole spending is the region's figure)
    assert ("一般公共预算支出", "outcome", "level", 2023, 463.4, "亿元", "") in read("泰安", "一般公共预算支出463.4亿元")
    assert ("工业投资占全市固定资产投资", "outcome", "share", 2023, 63, "%", "") in read("北海", "占全市固定资产投资的63%")


def test_a_ratio_in_bei_to_something_else_and_a_projects_annual_investment_are_no_targets():
    assert read("孝感", "目录库规模稳定在") == []
    assert read("吉安", "完成年度投资3000亿元左右") == []
    assert read("宜春", "完成年度投资1600亿元左右") == []


def test_grain_sown_area_is_the_vocabularys_and_a_grain_list_keeps_both_names():
    assert read("吉安", "全市粮食播面、总产分别达")[:2] == [("粮食播种面积", "outcome", "level", 2023, 960.8, "万亩", "达到"),
                                                       ("粮食产量", "outcome", "level", 2023, 74.6, "亿斤", "达到")]
    assert read("吉安", "粮食播面和总产分别稳定在") == [("粮食播种面积", "target", "level", 2024, 960, "万亩", "以上"),
                                                  ("粮食产量", "target", "level", 2024, 74, "亿斤", "以上")]
    assert read("天门", "粮食种植面积") == [("粮食播种面积", "target", "level", 2024, 240, "万亩", "以上")]
    assert read("黄石", "粮食总产量增长1.99％") == [("粮食产量", "outcome", "growth", 2023, 1.99, "%", "")]


def test_new_aliases_and_heads():
    assert ("农村劳动力转移就业", "outcome", "level", 2023, 6.76, "万人", "") in read("吉安", "新增转移农村劳动力6.76万人")
    assert ("城镇新增就业", "target", "level", 2024, 5, "万人", "以上") in read("黄石", "城镇累计新就业5万人以上")
    assert ("粮食产量", "outcome", "level", 2023, 72.45, "亿斤", "") in read("六安", "产粮72.45亿斤")
    assert read("孝感", "电子商务网络零售增长34%") == [("全市电子商务网络零售增长", "outcome", "growth", 2023, 34, "%", "")]
    assert read("内江", "肉牛羊产业实现综合产值80亿元") == [("肉牛羊产业综合产值", "outcome", "level", 2023, 80, "亿元", "")]


def test_work_done_in_a_list_and_what_it_leaves_to_the_stock():
    assert read("六安", "评价入库科技型中小企业1278家") == [("评价入库科技型中小企业", "outcome", "level", 2023, 1278, "家", "")]
    assert read("孝感", "医疗床位2200张") == []  # (`全市新增学位3.2万个、医疗床位2200张`)
    assert read("孝感", "收储污染物排放总量1.4万吨") == []
