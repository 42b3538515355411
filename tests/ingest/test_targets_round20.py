"""The twentieth round of target-reading rules, the first written for plans, each on the real sentence it was written
from: the errors of judged-29 (eleven plans and action programmes of Policies Data.xlsx, heldout-33 until this round).
No rule and no sentence here comes from heldout-34 (judged-31 since the twenty-second round) or from the work reports still held out. The figures are pinned in
test_targets_round14.py."""

from documents.ingest.targets import find_targets, plan_year
from tests.ingest.test_targets import CENTRAL, POLICIES, SHANDONG, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(sheet, row, words):
    return figures(in_sentence(targets_of(POLICIES, (sheet, row)), words))


def test_a_name_of_projects_or_applications_is_no_requirement_of_a_plan():
    # Sentences naming 项目 or 依申请 were read as project requirements and skipped whole.
    assert read(SHANDONG, 39, "试点示范项目运营成本降低20%") == [
        ("生产效率提高", "target", "growth", 2025, 20, "%", "以上"),
        ("产品不良品率降低", "target", "growth", 2025, -10, "%", ""),
        ("能源利用率提高", "target", "growth", 2025, 13, "%", "以上")]
    assert read(CENTRAL, 167, "带动支柱型雁阵集群营收规模年均增长8%左右") == [
        ("支柱型雁阵集群营收规模年均增长", "target", "growth", 2027, 8, "%", "左右")]
    assert read(SHANDONG, 7, "省级依申请政务服务事项网上可办率不低于90%")[0] == (
        "省级依申请政务服务事项网上可办率", "target", "share", 2019, 90, "%", "不低于")
    # (a project's own requirements are still skipped: 申报, 应当, 须 and the like keep their words)
    assert find_targets("到2025年，申报项目的产品良品率达到95%以上。", year=2022) == []


def test_a_plan_cited_at_the_opening_lends_its_period_to_no_one_and_an_annual_plan_is_for_its_year():
    # 数字山东2021行动方案 / 为贯彻落实《数字山东发展规划（2018—2022年）》，…: its goals are 2021's, not 2022's
    assert plan_year("数字山东2021行动方案\n为贯彻落实《数字山东发展规划（2018—2022年）》，全面推进数字强省建设。") == 2021
    assert plan_year("为贯彻落实《数字山东发展规划（2018-2022年）》，加快推进数字山东建设，制定本行动方案。") is None
    assert plan_year("山东省推动智能传感器产业发展行动计划（2021-2023年）\n为…") == 2023
    assert read(SHANDONG, 23, "力争建成并开通5G基站10万个") == [("5G基站", "target", "level", 2021, 10, "万个", "力争")]
    assert read(SHANDONG, 23, "全省充电桩保有量达到8万个以上") == [("全省充电桩保有量", "target", "level", 2021, 8, "万个", "以上")]


def test_a_plans_steps_carry_their_years():
    # 第一步，到2020年人工智能总体技术和应用与世界先进水平同步，… / 第二步，到2025年… / 第三步，到2030年…
    assert read(CENTRAL, 148, "人工智能核心产业规模超过1500亿元") == [
        ("人工智能核心产业规模", "target", "level", 2020, 1500, "亿元", "超过"),
        ("相关产业规模", "target", "level", 2020, 1, "万亿元", "超过")]
    assert read(CENTRAL, 148, "人工智能核心产业规模超过4000亿元")[0] == (
        "人工智能核心产业规模", "target", "level", 2025, 4000, "亿元", "超过")
    assert read(CENTRAL, 148, "人工智能核心产业规模超过1万亿元")[0] == (
        "人工智能核心产业规模", "target", "level", 2030, 1, "万亿元", "超过")


def test_a_plans_section_on_where_things_stand_reports_outcomes_of_the_year_before():
    # “十四五”智能制造发展规划 (2021), 一、现状与形势: …智能制造装备市场满足率超过 50%，… (its text is a PDF's lines)
    assert read(CENTRAL, 62, "智能制造装备市场满足率超过 50%") == [
        ("智能制造装备市场满足率", "outcome", "share", 2020, 50, "%", "超过")]
    text = "一、发展基础\n全省5G基站达到10万个。\n二、发展目标\n到2025年，全省5G基站达到30万个。"
    assert [(t.indicator, t.kind, t.measure, t.year, t.value_low, t.unit, t.modifier) for t in find_targets(text, year=2022)] == [
        ("5G基站", "outcome", "level", 2021, 10, "万个", "达到"),
        ("5G基站", "target", "level", 2025, 30, "万个", "达到")]
