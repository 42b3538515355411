"""The sixth round of target-reading rules, each on the real sentence it was written from: the losses of
fixtures/targets/judged-7.jsonl (held out until this round as heldout-5.jsonl: 辽宁 2025, 无锡 2024, 常州 2024)
that docs/targets.md listed, and the other judged sets' misses. No rule and no sentence here comes from
heldout-6.jsonl (天津 2026, 徐州 2024)."""

from documents.ingest.targets import find_targets
from tests.ingest.test_targets import REPORTS, city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import SHAANXI_2026, figures

LIAONING_2025 = REPORTS / "provinces-2025" / "2025年辽宁省政府工作报告.docx"


# --- what is not a target -----------------------------------------------------------------------------

def test_the_investment_a_project_or_a_new_town_completes_is_project_money():
    found = targets_of(city("无锡"))
    assert in_sentence(found, "八大科技新城完成投资210亿元") == []
    assert in_sentence(found, "蠡湖未来城等新城投资170亿元以上") == []


def test_a_part_of_project_money_is_project_money():
    assert in_sentence(targets_of(city("无锡")), "市重大产业项目完成投资1450亿元、其中工业投资超1000亿元") == []


def test_a_sum_raised_is_funding_but_its_growth_is_a_target():
    assert figures(in_sentence(targets_of(LIAONING_2025), "企业债券融资增长28.5%")) == [
        ("国有大行实际贷款余额增长", "outcome", "growth", 2024, 8.8, "%", ""),
        ("企业债券融资增长", "outcome", "growth", 2024, 28.5, "%", "")]
    assert find_targets("到2025年，企业债券融资300亿元。", year=2023) == []


def test_programme_reach_and_a_yearly_increase_of_users_are_not_targets():
    found = targets_of(city("无锡"))
    assert ("城镇新增就业", "outcome", "level", 2023, 16.4, "万人", "") in figures(
        in_sentence(found, "职工医保门诊共济新政惠及超7000万人次"))
    assert len(in_sentence(found, "职工医保门诊共济新政惠及超7000万人次")) == 1
    assert in_sentence(found, "年增注册用户53.2万人") == []


def test_proposals_handled_are_counted_work_and_a_satisfaction_rate_names_what_it_rates():
    found = figures(in_sentence(targets_of(city("无锡")), "办理群众诉求3.1万件、建议超5000条"))
    assert found == [("“微幸福”民生工程重点督办事项办结满意率", "outcome", "share", 2023, 100, "%", "")]


# --- names --------------------------------------------------------------------------------------------

def test_research_spending_over_gdp_and_foreign_trade_are_the_vocabularys_names():
    assert ("研发经费投入强度", "target", "share", 2024, 3.43, "%", "达到") in figures(
        in_sentence(targets_of(city("常州")), "全社会研发经费占地区生产总值比重达3.43%"))
    assert figures(in_sentence(targets_of(city("无锡")), "完成外贸进出口7065亿元")) == [
        ("进出口总额", "outcome", "level", 2023, 7065, "亿元", "")]


def test_what_follows_de_in_the_last_listed_name_is_every_names():
    assert figures(in_sentence(targets_of(city("无锡")), "政协委员提案的办理满意率均达100%")) == [
        ("市人大代表建议办理满意率", "outcome", "share", 2023, 100, "%", "达到"),
        ("政协委员提案的办理满意率", "outcome", "share", 2023, 100, "%", "达到")]


def test_two_names_joined_by_he_before_one_share_are_each_that_share():
    assert figures(in_sentence(targets_of(LIAONING_2025), "清洁能源装机容量和发电量占比均超过50%")) == [
        ("清洁能源装机容量占比", "outcome", "share", 2024, 50, "%", "超过"),
        ("清洁能源发电量占比", "outcome", "share", 2024, 50, "%", "超过")]


def test_passenger_and_freight_throughput_written_as_one_with_lizheng_on_both():
    assert figures(in_sentence(targets_of(city("无锡")), "力争客货运吞吐量分别达920万人次、14.5万吨")) == [
        ("客运吞吐量", "target", "level", 2024, 920, "万人次", "力争"),
        ("货运吞吐量", "target", "level", 2024, 14.5, "万吨", "力争")]


# --- units --------------------------------------------------------------------------------------------

def test_a_satisfaction_score_in_points_is_a_level():
    assert figures(in_sentence(targets_of(LIAONING_2025), "公共服务质量满意度81.6分")) == [
        ("公共服务质量满意度", "outcome", "level", 2024, 81.6, "分", "")]


def test_points_are_a_unit_only_of_a_score():
    assert [(t.indicator, t.value_low, t.unit) for t in find_targets("到2025年，公共服务满意度达到90分。", year=2023)] == [
        ("公共服务满意度", 90, "分")]
    assert find_targets("到2025年，文化产业达到90分。", year=2023) == []


def test_money_per_village_is_the_regions_and_cun_jun_opens_no_list():
    assert figures(in_sentence(targets_of(city("无锡")), "力促村均集体经济经营性收入达到800万元")) == [
        ("村均集体经济经营性收入", "target", "level", 2024, 800, "万元", "达到")]


def test_trains_run_on_a_line_are_a_level_with_their_growth():
    assert figures(in_sentence(targets_of(SHAANXI_2026), "中欧班列（西安）开行6037列、增长21.1％")) == [
        ("中欧班列（西安）开行", "outcome", "level", 2025, 6037, "列", ""),
        ("中欧班列（西安）开行增长", "outcome", "growth", 2025, 21.1, "%", ""),
        ("陕西进出口", "outcome", "level", 2025, 415.4, "亿元", ""),
        ("陕西进出口增长", "outcome", "growth", 2025, 11.7, "%", "")]
