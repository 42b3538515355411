"""The twenty-first round of target-reading rules, each on the real sentence it was written from: the errors of judged-30
(the central sheet's row 26 of Policies Data.xlsx, a national report on 2022, judged whole; part of heldout-35 until this
round). No rule and no sentence here comes from the rest of heldout-35 (judged-32 since), from heldout-34 (judged-31) or from the work reports still held
out. The figures are pinned in test_targets_round14.py."""

from documents.ingest.targets import find_targets
from tests.ingest.test_targets import CENTRAL, POLICIES, REPORTS, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures

GUANGDONG_2025 = REPORTS / "provinces-2025" / "2025年广东省政府工作报告.docx"


def national(words):
    return figures(in_sentence(targets_of(POLICIES, (CENTRAL, 26)), words))


def test_a_document_opening_with_a_review_of_a_year_reports_on_that_year_as_of_its_end():
    # 一、2022年数字中国建设取得显著成效 / 截至2022年底，累计建成开通5G基站231.2万个，5G用户达5.61亿户，… (a 2023 document)
    assert national("累计建成开通5G基站231.2万个")[:2] == [("5G基站", "outcome", "level", 2022, 231.2, "万个", ""),
                                                   ("5G用户", "outcome", "level", 2022, 5.61, "亿户", "达到")]
    # a later section with no year of its own (二、数据资源体系加快建设) reports on 2022 too
    assert national("2022年我国数据产量达8.1ZB")[:2] == [("我国数据产量", "outcome", "level", 2022, 8.1, "ZB", "达到"),
                                                   ("我国数据产量增长", "outcome", "growth", 2022, 22.7, "%", "")]
    # (`到2025年` stays a target, and so does `截至` the document's own year: only 截至 a past year, or a month of the
    # document's year, is an outcome)
    for text, kind, year in (("到2025年，全省5G基站达到30万个。", "target", 2025), ("截至2023年底，全省5G基站达到30万个。", "target", 2023),
                             ("截至2022年底，全省5G基站达到30万个。", "outcome", 2022)):
        assert [(t.kind, t.year) for t in find_targets(text, year=2023)] == [(kind, year)]


def test_a_nations_units_and_names():
    assert national("我国数据中心机架总规模超过650万标准机架")[0] == (
        "我国数据中心机架总规模", "outcome", "level", 2022, 650, "万标准机架", "超过")
    assert national("活跃用户数超7亿") == [("活跃用户数", "outcome", "level", 2022, 7, "亿", "超过"),
                                       ("移动网络IPv6流量占比", "outcome", "share", 2022, 50, "%", "约")]
    # 我国 is a scope word before a vocabulary name, and a nominal growth is the level's growth
    assert national("2022年我国数字经济规模达50.2万亿元")[:2] == [
        ("数字经济规模", "outcome", "level", 2022, 50.2, "万亿元", "达到"),
        ("我国数字经济规模增长", "outcome", "growth", 2022, 10.3, "%", "")]


def test_a_bare_yi_counts_a_nations_people_only_outside_work_reports():
    # 广东 2025: …营商环境优良，实时人口1.5亿左右，新出生人口数量居全国第一 (a description, not a target)
    assert figures(in_sentence(targets_of(GUANGDONG_2025), "实时人口1.5亿左右")) == []
