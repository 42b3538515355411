"""The twenty-second round of target-reading rules, each on the real sentence it was written from: the errors of judged-31
(policy measures and short documents, heldout-34 until this round) and judged-32 (nine national documents of the central
sheet, heldout-35 until this round). No rule and no sentence here comes from heldout-36 or from the work reports still held
out. The figures are pinned in test_targets_round14.py."""

from documents.ingest.targets import plan_year
from tests.ingest.test_targets import CENTRAL, POLICIES, SHANDONG, SHARED, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures

BAOTOU = SHARED / "corpus" / "policies" / "pkulaw" / "包头市人民政府办公室关于印发《包头市2022年数...(FBM-CLI.12.5115678).txt"


def read(path, row, words):
    return figures(in_sentence(targets_of(path, row), words))


def test_a_year_within_n_years_and_an_annual_plans_title_among_its_opening_lines():
    # ShanDong row 53 (2024): 力争三年内，数字经济占全省GDP比重超过50%，数字经济核心产业增加值占全省GDP比重达到10%。
    assert read(POLICIES, (SHANDONG, 53), "力争三年内") == [
        ("数字经济占全省GDP比重", "target", "share", 2026, 50, "%", "超过"),
        ("数字经济核心产业增加值占地区生产总值比重", "target", "share", 2026, 10, "%", "力争")]
    # …and the next sentence, under the same cue: …规模以上工业企业关键环节全面数字化率达到70%…
    assert read(POLICIES, (SHANDONG, 53), "关键环节全面数字化率达到70%")[0] == (
        "规模以上工业企业关键环节全面数字化率", "target", "share", 2026, 70, "%", "达到")
    # 包头: 按照市政府2022年第4次常务会议和《…数字政府建设行动方案（2021—2023年）…》 / 包头市2022年数字政府建设考评办法
    assert read(BAOTOU, None, "各级大厅综合一窗率达90%以上") == [("各级大厅综合一窗率", "target", "share", 2022, 90, "%", "以上")]
    assert plan_year("各旗、县、区人民政府：\n按照市政府第4次常务会议和《关于印发数字政府建设行动方案（2021—2023年）的通知》\n"
                     "2022年4月14日\n包头市2022年数字政府建设考评办法\n一、考评对象") == 2022


def test_as_of_a_month_past_and_a_baseline_after_the_subjects_growth():
    # 截至2022年7月，…累计建成开通5G基站达196.8万个 (a report of October 2022)
    assert read(POLICIES, (CENTRAL, 41), "累计建成开通5G基站达196.8万个")[-1] == (
        "5G基站", "outcome", "level", 2022, 196.8, "万个", "达到")
    assert read(POLICIES, (CENTRAL, 41), "我国电子商务交易额保持快速增长") == [
        ("我国电子商务交易额", "outcome", "level", 2012, 8, "万亿元", ""),
        ("我国电子商务交易额", "outcome", "level", 2021, 42.3, "万亿元", ""),
        ("我国电子商务交易额年均增长", "outcome", "growth", 2021, 20.3, "%", "")]


def test_patents_are_no_requirement_of_a_project():
    # 2021年我国数字经济核心产业发明专利授权量达27.6万件，占同期全社会发明专利授权量的39.6%。
    assert read(POLICIES, (CENTRAL, 41), "发明专利授权量达27.6万件")[0] == (
        "我国数字经济核心产业发明专利授权量", "outcome", "level", 2021, 27.6, "万件", "达到")
