"""Targets read off real sentences of the shared work reports, the seeds and the research spreadsheet
(developed on these documents; eval_targets measures it on held-out ones)."""

from pathlib import Path

import pytest

from documents.ingest.pipeline import ingest_part, split_input
from documents.ingest.targets import find_targets

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
REPORTS = CORPUS / "workreports"


def read(path: Path, part: int = 0):
    return ingest_part(split_input(path.read_bytes(), path.name)[part])


def shown(target) -> tuple:
    return (target.indicator, target.kind, target.measure, target.year, target.value_low, target.value_high,
            target.unit, target.modifier)


def report_targets(path: Path):
    result = read(path)
    return result.simplified_text, find_targets(result.simplified_text, year=result.date_year, report=True)


def in_sentence(text, targets, words):
    at = text.index(words)
    return [shown(t) for t in targets if t.position <= at < t.position + len(t.sentence)]


@pytest.fixture(scope="module")
def shanghai_2025():
    return report_targets(REPORTS / "provinces-2025" / "2025年上海市政府工作报告.docx")


def test_every_target_of_a_goals_sentence_is_read(shanghai_2025):
    text, targets = shanghai_2025
    assert in_sentence(text, targets, "建议今年全市经济社会发展的主要预期目标是") == [
        ("地区生产总值增长", "target", "growth", 2025, 5, 5, "%", "左右"),
        ("一般公共预算收入增长", "target", "growth", 2025, 2, 2, "%", ""),
        ("研发经费投入强度", "target", "share", 2025, 4.5, 4.5, "%", "左右"),
        ("城镇调查失业率", "target", "level", 2025, 5, 5, "%", "以内"),
        ("居民消费价格涨幅", "target", "growth", 2025, 2, 2, "%", "左右"),
    ]  # 居民人均可支配收入增长与经济增长保持同步 and 能耗…进一步下降 have no number: no target


def test_the_review_reports_outcomes_of_the_year_before(shanghai_2025):
    text, targets = shanghai_2025
    assert in_sentence(text, targets, "地方一般公共预算收入达到8374.2亿元") == [
        ("一般公共预算收入", "outcome", "level", 2024, 8374.2, 8374.2, "亿元", "达到"),
        ("一般公共预算收入增长", "outcome", "growth", 2024, 0.7, 0.7, "%", ""),  # `、增长0.7%` takes the subject
        ("城镇调查失业率", "outcome", "level", 2024, 4.2, 4.2, "%", ""),  # 平均为: an average is the level
    ]
    target = next(t for t in targets if t.value_low == 8374.2)
    assert text[target.start:target.end] == "地方一般公共预算收入达到8374.2亿元"
    assert text[target.position:].startswith(target.sentence)


def test_budgeted_growth_and_a_range_with_a_rider():
    text, targets = report_targets(REPORTS / "provinces-2026" / "2026_江苏省_政府工作报告.csv")
    assert in_sentence(text, targets, "地区生产总值按增长5%安排")[0] == (
        "地区生产总值增长", "target", "growth", 2026, 5, 5, "%", "")
    text, targets = report_targets(REPORTS / "provinces-2025" / "2025年福建省政府工作报告.docx")
    assert in_sentence(text, targets, "全省地区生产总值增长5.0%—5.5%，根据实际情况争取更好的结果")[0] == (
        "地区生产总值增长", "target", "growth", 2025, 5.0, 5.5, "%", "")


def test_a_floor_and_an_aim_and_respectively():
    text, targets = report_targets(REPORTS / "provinces-2025" / "2025年西藏政府工作报告.docx")
    found = in_sentence(text, targets, "地区生产总值增长7%以上、力争达到8%")
    assert found[:2] == [("地区生产总值增长", "target", "growth", 2025, 7, 7, "%", "以上"),
                         ("地区生产总值增长", "target", "growth", 2025, 8, 8, "%", "力争")]
    assert ("城镇调查失业率", "target", "level", 2025, 5, 5, "%", "以内") in found  # 分别控制在5%和3%以内
    assert ("居民消费价格涨幅", "target", "growth", 2025, 3, 3, "%", "以内") in found


def test_full_width_percent_is_percent():
    text, targets = report_targets(REPORTS / "provinces-2025" / "2025年湖北省政府工作报告.docx")
    found = in_sentence(text, targets, "经济增长6％左右")
    assert found[0] == ("地区生产总值增长", "target", "growth", 2025, 6, 6, "%", "左右")
    assert ("粮食产量", "target", "level", 2025, 500, 500, "亿斤", "以上") in found


def test_a_2026_report_reviews_2025_and_sets_2026():
    text, targets = report_targets(REPORTS / "provinces-2026" / "2026_上海市_政府工作报告.csv")
    gdp = [(t.kind, t.year, t.value_low, t.modifier) for t in targets if t.indicator == "地区生产总值增长"]
    assert ("outcome", 2025, 5.4, "") in gdp and ("target", 2026, 5, "左右") in gdp


def test_a_city_report_with_year_on_year_growth():
    text, targets = report_targets(REPORTS / "cities-2024" / "三亚.docx")
    assert in_sentence(text, targets, "全市地区生产总值971.3亿元") [:2] == [
        ("地区生产总值", "outcome", "level", 2023, 971.3, 971.3, "亿元", ""),
        ("地区生产总值增长", "outcome", "growth", 2023, 12, 12, "%", ""),  # 同比增长 is growth of the same
    ]


@pytest.mark.parametrize("sentence", [
    "对跨行业跨领域工业互联网平台省级给予奖补，最高3000万元。",  # a reward ceiling
    "支持一批纳入省工业互联网（云）服务商资源池的企业，按照服务中小企业的数量和质量省级给予一次性奖补，最高100万元。",
    "本办法自2021年11月25日起施行。",  # a date
    "第十二条 营业收入超过1亿元的企业，按规定申报。",  # a threshold
    "居民人均可支配收入增长与经济增长保持同步。",  # no number
])
def test_numbers_that_are_not_targets(sentence):
    assert find_targets(sentence, year=2025) == []
