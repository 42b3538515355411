"""The eighth round of target-reading rules, each on the real sentence it was written from: the misses of
fixtures/targets/judged-9.jsonl (held out until this round as heldout-7.jsonl: 广西 2026, 厦门 2024) and the other
judged sets' misses. No rule and no sentence here comes from heldout-8.jsonl (内蒙古 2026, 盐城 2024, 泰州 2024).
The figures every judged set scores are pinned at the end."""

import pytest

from documents.evaluation import targets as evaluation
from documents.ingest.targets import find_targets
from tests.ingest.test_targets import REPORTS, SHARED, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures

GUANGXI_2026 = REPORTS / "provinces-2026" / "2026_广西壮族自治区_政府工作报告.csv"
BEIJING_2026 = REPORTS / "provinces-2026" / "2026_北京市_政府工作报告.csv"
HENAN_2026 = REPORTS / "provinces-2026" / "2026_河南省_政府工作报告.csv"


# --- judged-9.jsonl's misses: a part that reviews five years, then plans the next five -----------------

def test_a_part_headed_by_the_five_years_past_and_the_period_ahead_reviews_until_the_period_is_named():
    # 二、“十四五”时期发展成就和“十五五”时期主要目标任务: 过去五年… are outcomes of 2025, the 纲要's targets are for 2030
    assert figures(in_sentence(targets_of(GUANGXI_2026), "地区生产总值年均增长4.8%")) == [
        ("地区生产总值年均增长", "outcome", "growth", 2025, 4.8, "%", "")]
    assert figures(in_sentence(targets_of(GUANGXI_2026), "提出地区生产总值年均增长5%左右")) == [
        ("地区生产总值年均增长", "target", "growth", 2030, 5, "%", "左右")]
    assert ("地区生产总值年均增长", "target", "growth", 2030, 4.5, "%", "") in figures(
        in_sentence(targets_of(BEIJING_2026), "地区生产总值年均增速4.5%-5%"))
    assert ("地区生产总值年均增长", "outcome", "growth", 2025, 5.2, "%", "") in figures(
        in_sentence(targets_of(BEIJING_2026), "地区生产总值年均增长5.2%"))


def test_a_change_over_the_five_years_in_points_is_the_five_years_growth():
    found = figures(in_sentence(targets_of(GUANGXI_2026), "常住人口城镇化率五年提高3.89个百分点"))
    assert ("常住人口城镇化率五年累计增长", "outcome", "growth", 2025, 3.89, "个百分点", "") in found


def test_the_income_gap_narrowed_from_a_baseline_in_the_five_years_passage_gives_both_years():
    found = figures(in_sentence(targets_of(GUANGXI_2026), "城乡居民收入倍差从2.42缩小至2.12"))
    assert ("城乡居民收入比", "outcome", "level", 2020, 2.42, "", "") in found
    assert ("城乡居民收入比", "outcome", "level", 2025, 2.12, "", "") in found
    # outside that passage the baseline's year is not told: only the figure reached
    assert [(t.year, t.value_low) for t in find_targets("城乡居民收入比从2.50:1缩小至2.27:1。", year=2026, report=True)] == [
        (2025, 2.27)]


def test_a_threshold_naming_what_is_counted_is_part_of_the_name():
    assert ("经济总量超500亿元的县域", "outcome", "level", 2025, 12, "个", "") in figures(
        in_sentence(targets_of(GUANGXI_2026), "经济总量超500亿元的县域增至12个"))


def test_an_indicator_ranked_before_its_figure_is_the_figures_subject_and_distances_run_in_10000_km():
    assert ("高速公路通车里程", "outcome", "level", 2025, 1, "万公里", "突破") in figures(
        in_sentence(targets_of(GUANGXI_2026), "高速公路通车里程全国第四、突破1万公里"))
    assert ("综合交通网总规模", "outcome", "level", 2025, 29.5, "万公里", "") in figures(
        in_sentence(targets_of(HENAN_2026), "综合交通网总规模29.5万公里"))


def test_pm25_written_with_a_subscript_mark_is_a_name():
    assert ("PM_2.5平均浓度", "outcome", "level", 2025, 25.9, "微克/立方米", "") in figures(
        in_sentence(targets_of(GUANGXI_2026), "PM_2.5平均浓度25.9微克/立方米"))


# --- the figures of every judged set (docs/targets.md, 'Eighth round') --------------------------------

FIGURES = {  # complete targets: (precision, recall) after the eighth round
    evaluation.JUDGED: (1.0, 0.98),
    evaluation.JUDGED_2: (1.0, 0.972),
    evaluation.JUDGED_3: (1.0, 1.0),
    evaluation.JUDGED_4: (1.0, 0.971),
    evaluation.JUDGED_5: (1.0, 0.982),
    evaluation.JUDGED_6: (1.0, 1.0),
    evaluation.JUDGED_7: (1.0, 1.0),
    evaluation.JUDGED_8: (1.0, 0.983),
    evaluation.JUDGED_9: (0.952, 0.892),
}


def scored(path):
    entries = evaluation.load_judged(path)
    return evaluation.evaluate(entries, evaluation.read_documents(entries, SHARED), find_targets,
                               evaluation.load_vocabulary())


@pytest.mark.parametrize("path", list(FIGURES), ids=lambda p: p.stem)
def test_each_tuned_set_scores_its_documented_figures(path):
    result = scored(path)
    assert (round(result["complete"]["precision"], 3), round(result["complete"]["recall"], 3)) == FIGURES[path]


def test_the_heldout_set_is_the_eighth_rounds():
    """heldout-8.jsonl (内蒙古 2026, 盐城 2024, 泰州 2024) was scored before this round (0.894 / 0.802) and is scored once
    more at its end; no rule is written from it, so its figure is not pinned while the round's rules change."""
    assert evaluation.HELDOUT.name == "heldout-8.jsonl"
    assert sum(len(entry["targets"]) for entry in evaluation.load_judged(evaluation.HELDOUT)) == 116
