"""Targets (指标) read from real texts: work reports of the shared corpus and rows of Policies Data.xlsx,
each run through the pipeline as the archive reads it, then single sentences copied verbatim from
them; a few synthetic strings pin down shapes the development texts do not hold."""

import csv
from functools import cache
from pathlib import Path

import pytest

from documents.ingest.pipeline import ingest_part, split_input
from documents.ingest.targets import VOCABULARY, find_targets, report_parts

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
CORPUS = SHARED / "corpus"
REPORTS = CORPUS / "workreports"
POLICIES = CORPUS / "policies" / "spreadsheets" / "Policies Data.xlsx"
SHANDONG, CENTRAL = "ShanDong Policies Table", "Central Policies Table"  # the workbook's two sheets


@cache
def _parts(path: Path):
    return split_input(path.read_bytes(), path.name)


@cache
def document(path: Path, row: tuple[str, int] | None = None):
    """(simplified text, year, is a work report) of a file, or of one (sheet, row) of a table, as imported."""
    part = next(p for p in _parts(path) if (p.sheet, p.row) == row) if row is not None else _parts(path)[0]
    result = ingest_part(part)
    return result.simplified_text, result.date_year, result.policy_type == "政府工作报告"


def targets_of(path: Path, row: tuple[str, int] | None = None):
    text, year, report = document(path, row)
    return find_targets(text, year=year, report=report)


def in_sentence(targets, words: str):
    """The targets of the one sentence holding words, as (indicator, indicator_text, kind, measure,
    year, value_low, value_high, unit, modifier)."""
    sentences = {t.sentence for t in targets if words in t.sentence}
    assert len(sentences) <= 1, sentences
    return [(t.indicator, t.indicator_text, t.kind, t.measure, t.year, t.value_low, t.value_high, t.unit, t.modifier)
            for t in targets if words in t.sentence]


JIANGSU_2025 = REPORTS / "provinces-2025" / "2025年江苏省政府工作报告.docx"
JIANGSU_2026 = REPORTS / "provinces-2026" / "2026_江苏省_政府工作报告.csv"
JILIN_2026 = REPORTS / "provinces-2026" / "2026_吉林省_政府工作报告.csv"
ANHUI_2026 = REPORTS / "provinces-2026" / "2026_安徽省_政府工作报告.csv"
CITIES = REPORTS / "cities-2024"


def city(name: str) -> Path:
    return CITIES / f"{name}.docx"


# --- a work report's 预期目标 ----------------------------------------------------------------------

def test_every_target_of_a_full_expected_goals_sentence_is_read():
    # 今年经济社会发展主要预期目标是：地区生产总值增长5%以上，城镇新增就业120万人以上，居民消费价格涨幅2%左右，
    # 居民收入增长与经济增长基本同步，社会消费品零售总额增长5.5%左右，全社会研发投入强度达3.35%左右，
    # 单位地区生产总值能耗下降2%左右，粮食产量保持稳定。
    assert in_sentence(targets_of(JIANGSU_2025), "今年经济社会发展主要预期目标是") == [
        ("地区生产总值增长", "地区生产总值增长", "target", "growth", 2025, 5, 5, "%", "以上"),
        ("城镇新增就业", "城镇新增就业", "target", "level", 2025, 120, 120, "万人", "以上"),
        ("居民消费价格涨幅", "居民消费价格涨幅", "target", "growth", 2025, 2, 2, "%", "左右"),
        ("社会消费品零售总额增长", "社会消费品零售总额增长", "target", "growth", 2025, 5.5, 5.5, "%", "左右"),
        ("研发经费投入强度", "全社会研发投入强度", "target", "share", 2025, 3.35, 3.35, "%", "左右"),
        ("单位地区生产总值能耗下降", "单位地区生产总值能耗下降", "target", "growth", 2025, -2, -2, "%", "左右"),
    ]


def test_a_full_width_percent_sign_is_a_percent_and_respective_lists_give_one_target_each():
    found = in_sentence(targets_of(city("六盘水")), "主要预期目标是：地区生产总值增长5.5％左右")
    assert found[:4] == [
        ("地区生产总值增长", "地区生产总值增长", "target", "growth", 2024, 5.5, 5.5, "%", "左右"),
        ("第一产业增加值增长", "一产、二产、三产", "target", "growth", 2024, 3.5, 3.5, "%", "左右"),
        ("第二产业增加值增长", "一产、二产、三产", "target", "growth", 2024, 6.5, 6.5, "%", "左右"),
        ("第三产业增加值增长", "一产、二产、三产", "target", "growth", 2024, 5, 5, "%", "左右"),
    ]
    assert ("城镇居民人均可支配收入增长", "城镇和农村居民人均可支配收入", "target", "growth", 2024, 6.5, 6.5, "%",
            "左右") in found
    assert ("农村居民人均可支配收入增长", "城镇和农村居民人均可支配收入", "target", "growth", 2024, 8.5, 8.5, "%",
            "左右") in found
    assert ("常住人口城镇化率", "常住人口城镇化率", "target", "level", 2024, 52, 52, "%", "左右") in found
    assert len(found) == 14  # 城镇调查失业率控制在国家调控范围内 has no number


def test_a_second_figure_after_lizheng_is_a_second_target_of_the_same_indicator():
    found = in_sentence(targets_of(city("临沂")), "力争6%以上")
    assert found[:3] == [
        ("地区生产总值增长", "地区生产总值增长", "target", "growth", 2024, 5.5, 5.5, "%", ""),
        ("地区生产总值增长", "地区生产总值增长", "target", "growth", 2024, 6, 6, "%", "以上"),
        ("一般公共预算收入增长", "一般公共预算收入增长", "target", "growth", 2024, 5.5, 5.5, "%", ""),
    ]
    assert len(found) == 10


def test_lizheng_daodao_after_a_subject_without_a_figure_is_its_growth_with_lizheng():
    # …固定资产投资保持稳定增长、力争达到3%，…
    found = in_sentence(targets_of(city("南京")), "力争达到3%")
    assert ("固定资产投资增长", "固定资产投资", "target", "growth", 2024, 3, 3, "%", "力争") in found
    assert len(found) == 4  # 外贸进出口总额力争正增长 and 实际使用外资稳中提质 have no number


def test_one_value_for_a_list_joined_by_jun_gives_each_listed_indicator():
    # 规模以上工业增加值、社会消费品零售总额、进出口总额均增长8%以上
    found = in_sentence(targets_of(city("亳州")), "均增长8%以上")
    assert [f[0] for f in found if f[5] == 8] == ["规模以上工业增加值增长", "社会消费品零售总额增长", "外贸进出口总额增长"]
    assert ("粮食产量", "粮食产量", "target", "level", 2024, 100, 100, "亿斤", "以上") in found


def test_a_hyphen_range_is_low_and_high():
    found = in_sentence(targets_of(city("吉林")), "规模工业增加值增长6%-7%")
    assert ("规模以上工业增加值增长", "规模工业增加值增长", "target", "growth", 2024, 6, 7, "%", "") in found


def test_growth_arranged_at_a_rate_is_the_growth_target():
    # 地区生产总值按增长5%安排，在实际工作中努力争取更好结果；…全社会研发投入强度3.42%左右；…
    found = in_sentence(targets_of(JIANGSU_2026), "按增长5%安排")
    assert found[0] == ("地区生产总值增长", "地区生产总值按增长", "target", "growth", 2026, 5, 5, "%", "")
    assert ("研发经费投入强度", "全社会研发投入强度", "target", "share", 2026, 3.42, 3.42, "%", "左右") in found
    assert len(found) == 7


# --- the review: outcomes of the year before --------------------------------------------------------

def test_the_review_reports_outcomes_of_the_year_before_the_report():
    # …，2024年地区生产总值达13.7万亿元、增长5.8%、增量全国第一，…
    assert in_sentence(targets_of(JIANGSU_2025), "2024年地区生产总值达13.7万亿元") == [
        ("地区生产总值", "地区生产总值", "outcome", "level", 2024, 13.7, 13.7, "万亿元", "达到"),
        ("地区生产总值增长", "地区生产总值", "outcome", "growth", 2024, 5.8, 5.8, "%", ""),
    ]
    # A 2024 city report: its review is of 2023.
    assert in_sentence(targets_of(city("三亚")), "全市地区生产总值971.3亿元") == [
        ("地区生产总值", "全市地区生产总值", "outcome", "level", 2023, 971.3, 971.3, "亿元", ""),
        ("地区生产总值增长", "全市地区生产总值", "outcome", "growth", 2023, 12, 12, "%", ""),
        ("一般公共预算收入", "地方一般公共预算收入", "outcome", "level", 2023, 147.4, 147.4, "亿元", ""),
        ("一般公共预算收入增长", "地方一般公共预算收入", "outcome", "growth", 2023, 23.4, 23.4, "%", ""),
        ("社会消费品零售总额", "社会消费品零售总额", "outcome", "level", 2023, 492.9, 492.9, "亿元", ""),
        ("社会消费品零售总额增长", "社会消费品零售总额", "outcome", "growth", 2023, 14, 14, "%", ""),
    ]


def test_a_milestone_passes_its_subject_to_the_value_reached():
    # …实现地区生产总值3806.6亿元、增长7.5%，地方一般公共预算收入突破300亿元大关、达313.9亿元、增长13.8%；…
    found = in_sentence(targets_of(city("宜宾")), "突破300亿元大关")
    assert found[:4] == [
        ("地区生产总值", "地区生产总值", "outcome", "level", 2023, 3806.6, 3806.6, "亿元", ""),
        ("地区生产总值增长", "地区生产总值", "outcome", "growth", 2023, 7.5, 7.5, "%", ""),
        ("一般公共预算收入", "地方一般公共预算收入", "outcome", "level", 2023, 313.9, 313.9, "亿元", "达到"),
        ("一般公共预算收入增长", "地方一般公共预算收入", "outcome", "growth", 2023, 13.8, 13.8, "%", ""),
    ]


def test_gaps_to_another_place_are_not_targets():
    # 全市实现地区生产总值1303.8亿元，增长6.5%，较全省高0.5个百分点，…
    found = in_sentence(targets_of(city("攀枝花")), "较全省高0.5个百分点")
    assert all(f[7] != "个百分点" for f in found)
    assert ("规模以上工业增加值增长", "规上工业增加值增长", "outcome", "growth", 2023, 7.8, 7.8, "%", "") in found


def test_a_2026_report_reviews_2025_plans_2026_and_its_fifteenth_plan_section_is_for_2030():
    targets = targets_of(JILIN_2026)
    assert in_sentence(targets, "一般公共预算收入增长13.3%")[:2] == [
        ("地区生产总值增长", "地区生产总值增长", "outcome", "growth", 2025, 5, 5, "%", ""),
        ("一般公共预算收入增长", "一般公共预算收入增长", "outcome", "growth", 2025, 13.3, 13.3, "%", ""),
    ]
    assert in_sentence(targets, "今年经济社会发展主要预期目标是")[0] == (
        "地区生产总值增长", "地区生产总值增长", "target", "growth", 2026, 5, 5, "%", "左右")
    # 主要目标包括：地区生产总值年均增长5%以上，其中制造业增加值占比25%左右，… (三、“十五五”时期主要目标任务)
    found = in_sentence(targets, "主要目标包括")
    assert ("制造业增加值占比", "制造业增加值占比", "target", "share", 2030, 25, 25, "%", "左右") in found
    assert ("常住人口城镇化率", "常住人口城镇化率", "target", "level", 2030, 69, 69, "%", "达到") in found


def test_an_em_dash_range_in_the_fifteenth_plan_section():
    # 全省地区生产总值年均增长5%—5.5%，…
    assert in_sentence(targets_of(ANHUI_2026), "全省地区生产总值年均增长5%—5.5%") == [
        ("地区生产总值年均增长", "全省地区生产总值年均增长", "target", "growth", 2030, 5, 5.5, "%", ""),
    ]  # a period's average growth is an indicator of its own, not set beside one year's growth


def test_report_parts_follow_the_headings():
    text, year, _ = document(JIANGSU_2025)
    parts = [(part, text[at:].split("\n", 1)[0]) for at, part in report_parts(text, year)]
    assert parts == [("review", "2025年江苏省政府工作报告"), ("plan", "二、2025年工作总体要求和目标任务")]


# --- plans and other documents ------------------------------------------------------------------------

def test_a_plans_goals_are_for_the_year_it_names():
    # 到2027年，全社会研发经费投入强度达到2.8%左右；…新增国家、省级高层次人才2400人；全省高新技术企业达到5万家，
    # 其中标志性产业链领域占比达到80%；规上高新技术产业产值占规上工业产值的比重达到55%左右，…
    assert in_sentence(targets_of(POLICIES, (SHANDONG, 51)), "到2027年，全社会研发经费投入强度") == [
        ("研发经费投入强度", "全社会研发经费投入强度", "target", "share", 2027, 2.8, 2.8, "%", "左右"),
        ("全省高新技术企业", "全省高新技术企业", "target", "level", 2027, 5, 5, "万家", "达到"),
        ("标志性产业链领域占比", "标志性产业链领域占比", "target", "share", 2027, 80, 80, "%", "达到"),
        ("规上高新技术产业产值占规上工业产值的比重", "规上高新技术产业产值占规上工业产值的比重", "target", "share",
         2027, 55, 55, "%", "左右"),
    ]
    # 到2025年，全省新型研发机构总量达到1000家，其中省级新型研发机构超过500家。
    assert in_sentence(targets_of(POLICIES, (SHANDONG, 21)), "省级新型研发机构超过500家") == [
        ("全省新型研发机构", "全省新型研发机构总量", "target", "level", 2025, 1000, 1000, "家", "达到"),
        ("省级新型研发机构", "省级新型研发机构", "target", "level", 2025, 500, 500, "家", "超过"),
    ]


def test_a_goal_year_opening_a_paragraph_reaches_the_goals_listed_after_it():
    # `到2026年，…` opens the plan's goals; a later paragraph: 推动算力基础设施高质量发展，算力总规模达到12EFLOPS。
    assert in_sentence(targets_of(POLICIES, (SHANDONG, 49)), "算力总规模达到12EFLOPS") == [
        ("算力规模", "算力总规模", "target", "level", 2026, 12, 12, "EFLOPS", "达到"),
    ]


@pytest.mark.parametrize(("path", "row", "words"), [
    # A subsidy's share and ceiling: 对跨行业跨领域工业互联网平台，按不超过平台建设总投入的３０％予以资助，最高资助２０００万元。
    (POLICIES, (SHANDONG, 8), "最高资助２０００万元"),
    # An article number and a reward: 第十三条　 对获得各级人工智能领域奖项的企业，按照上级到位资金的30%给予奖励，每家企业不超过50万元。
    (POLICIES, (SHANDONG, 44), "第十三条"),
    # Eligibility thresholds: …人工智能核心产业规模超过50亿元，人工智能相关产业规模超过200亿元。
    (POLICIES, (CENTRAL, 84), "人工智能核心产业规模超过50亿元"),
    # A fund's size: 设立总规模500亿元的省战略性新兴产业母基金。
    (JIANGSU_2025, None, "母基金"),
    # Work done: 办好人民满意的教育，新增学位2.5万个，4.6万名小学适龄儿童平稳有序入学，…
    (city("东营"), None, "新增学位2.5万个"),
    # A date: 11月13日,在第十五届中国开发区数字化年会上,…
    (SHARED / "seeds" / "000_ddfdcc8aa8b64dac.txt", None, "11月13日"),
])
def test_numbers_that_are_no_targets_give_nothing(path, row, words):
    text, _, _ = document(path, row)
    assert words in text
    assert in_sentence(targets_of(path, row), words) == []


def test_a_rank_is_no_target_but_the_level_beside_it_is():
    # 9家高新区进入国家高新区综合评价前50强，启动科技成果“先使用后付费”改革，技术合同成交额超5000亿元。
    assert in_sentence(targets_of(JIANGSU_2025), "9家高新区进入") == [
        ("技术合同成交额", "技术合同成交额", "outcome", "level", 2024, 5000, 5000, "亿元", "超过"),
    ]


# --- shapes the development texts do not hold ----------------------------------------------------------

def plan_sentence(sentence: str, year: int = 2025):
    """A sentence as the plan of a report of year (its heading before it)."""
    text = f"二、{year}年工作安排\n{sentence}"
    return [(t.indicator, t.value_low, t.value_high, t.unit, t.modifier, t.year, t.kind)
            for t in find_targets(text, year=year, report=True)]


def test_a_range_followed_by_a_hope_for_better_has_no_modifier():
    assert plan_sentence("主要预期目标是：地区生产总值增长5.0%—5.5%，根据实际情况争取更好的结果。") == [
        ("地区生产总值增长", 5.0, 5.5, "%", "", 2025, "target")]


def test_lizheng_daodao_is_lizheng_and_a_bound_wins_over_it():
    assert plan_sentence("力争数字经济核心产业增加值占地区生产总值比重达到8%。")[0][4] == "力争"
    assert plan_sentence("力争数字经济核心产业增加值占地区生产总值比重达到8%以上。")[0][4] == "以上"


@pytest.mark.parametrize("written", ["5%～5.5%", "5%至5.5%", "5%到5.5%", "5-5.5%", "5％—5.5％"])
def test_every_range_sign_gives_low_and_high(written):
    assert plan_sentence(f"今年地区生产总值增长{written}。") == [("地区生产总值增长", 5, 5.5, "%", "", 2025, "target")]


def test_a_plans_year_phrase_wins_over_the_part_it_stands_in():
    assert plan_sentence("到2027年，数字经济核心产业增加值占地区生产总值比重超过16%，5G基站达到25万个。") == [
        ("数字经济核心产业增加值占地区生产总值比重", 16, 16, "%", "超过", 2027, "target"),
        ("5G基站", 25, 25, "万个", "达到", 2027, "target"),
    ]


# --- the vocabulary ----------------------------------------------------------------------------------

def test_the_vocabulary_names_the_required_indicators_with_valid_measures():
    with open(VOCABULARY, encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert {r["measure"] for r in rows} <= {"growth", "level", "share"}
    names = {r["name"] for r in rows}
    assert {"地区生产总值增长", "城镇调查失业率", "居民消费价格涨幅", "一般公共预算收入增长", "固定资产投资增长",
            "社会消费品零售总额增长", "规模以上工业增加值增长", "研发经费投入强度", "城镇新增就业", "粮食产量",
            "数字经济核心产业增加值占地区生产总值比重", "数字经济规模", "5G基站", "算力规模"} <= names
    aliases = [a for r in rows for a in r["aliases"].split("|") if a]
    assert len(aliases) == len(set(aliases)) and not set(aliases) & names


# --- shapes read off the judged set's errors (2026-12-03) ---------------------------------------------

FUJIAN_2025 = REPORTS / "provinces-2025" / "2025年福建省政府工作报告.docx"
HUNAN_2026 = REPORTS / "provinces-2026" / "2026_湖南省_政府工作报告.csv"
GUIZHOU_2026 = REPORTS / "provinces-2026" / "2026_贵州省_政府工作报告.csv"


def test_listed_names_without_a_head_take_the_last_ones():
    found = in_sentence(targets_of(FUJIAN_2025), "城镇居民、农村居民人均可支配收入分别增长4.6%、6.7%")
    assert [(f[0], f[2], f[4], f[5]) for f in found if f[0].endswith("人均可支配收入增长")] == [
        ("城镇居民人均可支配收入增长", "outcome", 2024, 4.6), ("农村居民人均可支配收入增长", "outcome", 2024, 6.7)]
    assert ("出口增长", "出口增长", "outcome", "growth", 2024, 5.3, 5.3, "%", "") in found  # the vocabulary's
    found = in_sentence(targets_of(REPORTS / "provinces-2026" / "2026_江西省_政府工作报告.csv"),
                        "集成电路、汽车零配件、锂电池出口分别增长107.9%、46.7%、57.4%")
    assert [f[0] for f in found if f[5] > 40] == ["集成电路出口增长", "汽车零配件出口增长", "锂电池出口增长"]
    # 跨境电商、服务贸易和生产型外贸企业进出口均增长10%以上: one value for all three
    found = in_sentence(targets_of(city("长沙")), "生产型外贸企业进出口均增长10%以上")
    assert [f[0] for f in found if f[5] == 10] == ["跨境电商进出口增长", "服务贸易进出口增长", "生产型外贸企业进出口增长"]


def test_a_second_respective_list_takes_the_first_ones_names():
    found = in_sentence(targets_of(city("泰安")), "金融机构存贷款余额分别达到6252亿元、4520亿元，分别比年初增长12.2%、13.9%")
    assert [(f[0], f[3], f[5]) for f in found if "余额" in f[0]] == [
        ("金融机构存款余额", "level", 6252), ("金融机构贷款余额", "level", 4520),
        ("金融机构存款余额增长", "growth", 12.2), ("金融机构贷款余额增长", "growth", 13.9)]


def test_sectors_written_together_are_three_indicators():
    found = in_sentence(targets_of(GUIZHOU_2026), "其中一二三产增加值年均分别增长3.5%左右、6%左右、5%左右")
    assert [f[0] for f in found if f[0].endswith("年均增长")] == [
        "地区生产总值年均增长", "第一产业增加值年均增长", "第二产业增加值年均增长", "第三产业增加值年均增长"]
    found = in_sentence(targets_of(GUIZHOU_2026), "其中一二三产增加值分别增长3.5%左右、6%左右、5%左右")
    assert [(f[0], f[4], f[5], f[8]) for f in found][1:] == [
        ("第一产业增加值增长", 2026, 3.5, "左右"), ("第二产业增加值增长", 2026, 6, "左右"), ("第三产业增加值增长", 2026, 5, "左右")]


def test_a_baseline_takes_the_year_the_sentence_opens_with():
    found = in_sentence(targets_of(GUIZHOU_2026), "工业投资占固定资产投资比重从17.9%提升到35.5%")
    assert [(f[0], f[4], f[5]) for f in found][:2] == [("工业投资占固定资产投资比重", 2020, 17.9),
                                                       ("工业投资占固定资产投资比重", 2025, 35.5)]


def test_a_milestone_passed_before_the_value_reached_is_no_target():
    found = in_sentence(targets_of(GUIZHOU_2026), "全省地区生产总值突破2万亿元、达到23562亿元")
    assert [(f[0], f[5], f[8]) for f in found if f[7] == "亿元"] == [("地区生产总值", 23562, "达到")]


def test_a_level_written_straight_before_its_growth():
    found = in_sentence(targets_of(REPORTS / "provinces-2025" / "2025年河南省政府工作报告.docx"),
                        "社会消费品零售总额2.76万亿元增长6.1%")
    assert ("社会消费品零售总额", "社会消费品零售总额", "outcome", "level", 2024, 2.76, 2.76, "万亿元", "") in found
    assert ("社会消费品零售总额增长", "社会消费品零售总额", "outcome", "growth", 2024, 6.1, 6.1, "%", "") in found


def test_a_share_without_a_subject_is_the_share_of_the_clause_before():
    found = in_sentence(targets_of(city("深圳")), "全社会研发投入1880.5亿元、增长11.8%，占地区生产总值比重提升至5.81%")
    assert [(f[0], f[3], f[5]) for f in found] == [
        ("全社会研发投入", "level", 1880.5), ("全社会研发投入增长", "growth", 11.8), ("研发经费投入强度", "share", 5.81)]


def test_grain_output_after_its_sown_area():
    found = in_sentence(targets_of(REPORTS / "provinces-2025" / "2025年浙江省政府工作报告.docx"), "确保粮食播种面积1520万亩、总产125亿斤")
    assert [(f[0], f[2], f[4], f[5], f[7]) for f in found if f[0] == "粮食产量"] == [("粮食产量", "target", 2025, 125, "亿斤")]


def test_a_change_of_a_rate_in_points_is_the_rates_growth():
    found = in_sentence(targets_of(REPORTS / "provinces-2025" / "2025年甘肃省政府工作报告.docx"), "常住人口城镇化率达到56.83%、提高1.34个百分点")
    assert [(f[0], f[3], f[5], f[7]) for f in found] == [
        ("常住人口城镇化率", "level", 56.83, "%"), ("常住人口城镇化率", "growth", 1.34, "个百分点")]


def test_computing_power_in_pf():
    found = in_sentence(targets_of(HUNAN_2026), "总算力突破1.3万PF、增长20倍")
    assert [(f[0], f[3], f[5], f[7], f[8]) for f in found][:4] == [
        ("算力规模", "level", 1.3, "万PF", "突破"), ("算力规模五年累计增长", "growth", 20, "倍", ""),  # (the five years')
        ("智能算力", "level", 4800, "PF", "达到"), ("超算算力", "level", 228, "PF", "达到")]


def test_a_part_headed_about_the_year_after_the_fifteenth_plan_is_the_years_plan():
    # 三、关于2026年工作 follows 二、“十五五”时期主要目标任务
    found = in_sentence(targets_of(HUNAN_2026), "力争数字经济核心产业增加值增长10%")
    assert [(f[2], f[4]) for f in found] == [("target", 2026)]
    assert [part for _, part in report_parts(document(HUNAN_2026)[0], 2026)][:3] == ["review", "period", "plan"]


def test_a_fifteenth_plan_part_under_a_slogan_heading_is_for_2030():
    # 二、一张蓝图绘到底，…: the part opens with “十五五”时期是…; 今年经济社会发展的主要预期目标 starts the plan
    targets = targets_of(REPORTS / "provinces-2026" / "2026_福建省_政府工作报告.csv")
    [(indicator, _, *rest)] = in_sentence(targets, "包括地区生产总值年均增长5%左右")
    assert (indicator, *rest) == ("地区生产总值年均增长", "target", "growth", 2030, 5, 5, "%", "左右")
    assert in_sentence(targets, "今年经济社会发展的主要预期目标是")[0][4] == 2026


def test_an_unemployment_rate_given_as_an_average():
    found = in_sentence(targets_of(city("重庆")), "全年城镇调查失业率平均值5.4%")
    assert ("城镇调查失业率", "outcome", "level", 2023, 5.4) in [(f[0], f[2], f[3], f[4], f[5]) for f in found]


def test_a_goal_written_as_a_count_then_a_higher_aim():
    found = in_sentence(targets_of(POLICIES, (SHANDONG, 21)), "确保实现全省高新技术企业2.5万家目标，力争达到3万家左右")
    assert [(f[0], f[4], f[5], f[8]) for f in found] == [("全省高新技术企业", 2025, 2.5, ""), ("全省高新技术企业", 2025, 3, "左右")]


def test_a_comment_between_a_level_and_its_growth_keeps_the_subject():
    found = in_sentence(targets_of(HUNAN_2026), "全省地区生产总值达到5.53万亿元、稳居全国前十强、增长4.8%")
    assert [(f[0], f[2], f[4], f[5]) for f in found][:2] == [
        ("地区生产总值", "outcome", 2025, 5.53), ("地区生产总值增长", "outcome", 2025, 4.8)]


# --- shapes read off the first held-out batch's errors (fixtures/targets/judged-2.jsonl) --------------

SICHUAN_2026 = REPORTS / "provinces-2026" / "2026_四川省_政府工作报告.csv"
YUNNAN_2025 = REPORTS / "provinces-2025" / "2025年云南省政府工作报告.docx"


def test_a_milestone_without_digits_gives_the_next_clause_its_subject():
    found = in_sentence(targets_of(SICHUAN_2026), "经济总量跨过两个万亿元大关、超过6万亿元")
    assert [(f[0], f[3], f[5], f[7], f[8]) for f in found][:2] == [
        ("地区生产总值", "level", 6, "万亿元", "超过"), ("地区生产总值年均增长", "growth", 5.7, "%", "")]


def test_heads_of_power_livestock_and_coverage():
    found = in_sentence(targets_of(YUNNAN_2025), "西电东送电量分别增长10.6%、10.9%、22.9%")
    assert [f[0] for f in found][:3] == ["规模以上工业发电量增长", "全社会用电量增长", "西电东送电量增长"]
    found = in_sentence(targets_of(YUNNAN_2025), "基本养老保险覆盖面达95%，基本医保参保率达97.6%")
    assert [(f[0], f[3], f[5]) for f in found] == [("基本养老保险覆盖面", "share", 95), ("基本医疗保险参保率", "share", 97.6)]
    found = in_sentence(targets_of(SICHUAN_2026), "生猪出栏6248万头")
    assert ("生猪出栏", "level", 6248, "万头") in [(f[0], f[3], f[5], f[7]) for f in found]


def test_a_streak_of_years_is_no_part_of_the_phrase():
    found = in_sentence(targets_of(YUNNAN_2025), "法治建设群众满意率连续5年保持97%以上")
    assert [(f[0], f[2], f[4], f[5], f[8]) for f in found] == [("法治建设群众满意率", "outcome", 2024, 97, "以上")]


def test_an_inner_shi_xian_is_no_part_of_the_indicator():
    found = in_sentence(targets_of(city("成都")), "休闲农业实现营业收入445亿元、增长15.8%")
    assert [f[0] for f in found] == ["休闲农业营业收入", "休闲农业营业收入增长"]


def test_a_harvest_remark_does_not_join_the_grain_output():
    found = in_sentence(targets_of(city("成都")), "粮食生产再获丰收、产量231.9万吨")
    assert ("粮食产量", "outcome", 2023, 231.9, "万吨") in [(f[0], f[2], f[4], f[5], f[7]) for f in found]


def test_a_ratio_of_a_cost_to_gdp_is_a_share():
    found = in_sentence(targets_of(YUNNAN_2025), "社会物流总费用与地区生产总值的比率降至15%左右")
    assert [(f[0], f[2], f[3], f[4], f[5], f[8]) for f in found] == [
        ("社会物流总费用与地区生产总值的比率", "target", "share", 2025, 15, "左右")]


def test_good_air_days_in_days_and_a_deposit_loan_ratio():
    found = in_sentence(targets_of(city("成都")), "力争空气质量优良天数300天以上")
    assert ("空气质量优良天数", "level", 300, "天", "以上") in [(f[0], f[3], f[5], f[7], f[8]) for f in found]
    found = in_sentence(targets_of(city("青岛")), "存贷比达到111%、提高4个百分点")
    assert [(f[0], f[3], f[5], f[7]) for f in found][-2:] == [("存贷比", "level", 111, "%"), ("存贷比", "growth", 4, "个百分点")]
