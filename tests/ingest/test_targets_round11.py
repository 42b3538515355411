"""The eleventh round of target-reading rules, each on the real sentence it was written from: the misses and
spurious targets of fixtures/targets/judged-11.jsonl and judged-12.jsonl (held out until this round as heldout-9:
宁夏 2026, 淮安 2024, and heldout-10: 十堰 2024, 德州 2024), and what the rules read in other work reports no
judged set uses. No rule and no sentence here comes from heldout-11.jsonl (晋城, 淮北, 达州 2024) or
heldout-12.jsonl (铜陵 2024), judged-13.jsonl and judged-14.jsonl since. The figures are pinned in test_targets_round13.py."""

import pytest

from documents.ingest.targets import find_targets
from tests.ingest.test_targets import REPORTS, city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures

NINGXIA = (REPORTS / "provinces-2026" / "2026_宁夏回族自治区_政府工作报告.csv", ("", 2))


@pytest.fixture(scope="module")
def ningxia():
    found = targets_of(*NINGXIA)
    return lambda words: figures(in_sentence(found, words))


def read(name, words):
    return figures(in_sentence(targets_of(city(name)), words))


# --- names listed before a shared head --------------------------------------------------------------

def test_listed_names_share_the_last_ones_loans_and_a_size_threshold_is_no_head(ningxia):
    assert read("淮安", "制造业、普惠小微贷款分别增长24.6%和27%") == [
        ("制造业贷款增长", "outcome", "growth", 2023, 24.6, "%", ""),
        ("普惠小微贷款增长", "outcome", "growth", 2023, 27, "%", "")]
    # 规模以上 says which firms, not what is measured: the 增加值 is every name's
    assert ningxia("规模以上高技术制造业和装备制造业增加值分别增长") == [
        ("规模以上高技术制造业增加值增长", "outcome", "growth", 2025, 13.8, "%", ""),
        ("装备制造业增加值增长", "outcome", "growth", 2025, 18.1, "%", "")]
    assert ("规模以上工业增加值增长", "outcome", "growth", 2023, 9.4, "%", "") in read("内江", "规模以上工业、服务业增加值分别增长")


def test_two_names_written_as_one_stay_whole():
    assert read("宁波", "本外币存贷款增速均达到12%") == [
        ("本外币存款增速", "target", "growth", 2024, 12, "%", "达到"),
        ("本外币贷款增速", "target", "growth", 2024, 12, "%", "达到")]


def test_rates_of_things_ending_with_the_same_word_each_take_the_rate(ningxia):
    assert ningxia("城市生活垃圾和建筑垃圾利用率均达60%以上")[:2] == [
        ("城市生活垃圾利用率", "outcome", "share", 2025, 60, "%", "以上"),
        ("建筑垃圾利用率", "outcome", "share", 2025, 60, "%", "以上")]


def test_a_rate_of_what_is_newly_built_is_no_work_done(ningxia):
    assert ningxia("新建居住区养老设施配建率均达100%") == [
        ("有意愿特困人员集中供养率", "outcome", "share", 2025, 100, "%", "达到"),
        ("新建居住区养老设施配建率", "outcome", "share", 2025, 100, "%", "达到")]


def test_names_before_their_main_indicators_are_what_grew(ningxia):
    assert ningxia("数字经济营业收入、智算规模等主要指标均增长3倍以上") == [
        ("数字经济营业收入五年累计增长", "outcome", "growth", 2025, 3, "倍", "以上"),
        ("智算规模五年累计增长", "outcome", "growth", 2025, 3, "倍", "以上")]


# --- vocabulary, heads and units --------------------------------------------------------------------

def test_rd_spending_over_gdp_and_urban_rural_income_growth_are_the_vocabularys():
    assert read("淮安", "全社会研发支出占GDP比重2.02%")[0] == ("研发经费投入强度", "outcome", "share", 2023, 2.02, "%", "")
    assert ("研发经费投入强度", "target", "share", 2024, 2.2, "%", "以上") in read("淮安", "研发支出占地区生产总值比重2.2%以上")
    assert ("居民人均可支配收入增长", "outcome", "growth", 2023, 6.2, "%", "") in read("德州", "城乡居民人均可支配收入增长6.2%")


def test_capacities_gas_in_fang_and_foreign_capital_paid_in_are_indicators(ningxia):
    assert ningxia("新型储能超过760万千瓦") == [
        ("新型储能", "outcome", "level", 2025, 760, "万千瓦", "超过"),
        ("绿氢产能", "outcome", "level", 2025, 3, "万吨", "约")]
    assert ningxia("天然气产能达到22亿方") == [("天然气产能", "target", "level", 2026, 22, "亿方", "达到")]
    assert ("注册外资实际到账增长", "target", "growth", 2024, 10, "%", "以上") in read("淮安", "注册外资实际到账增长10%以上")


def test_years_of_schooling_schools_and_pm25_are_levels_in_their_units():
    assert read("毕节", "15岁及以上人口平均受教育年限提升至8.26年") == [
        ("15岁及以上人口平均受教育年限", "outcome", "level", 2023, 8.26, "年", "")]
    assert read("德州", "体育设施开放学校达到400所") == [("体育设施开放学校", "target", "level", 2024, 400, "所", "达到")]
    assert read("淮安", "PM2.5年均浓度36微克/立方米")[0] == ("PM2.5年均浓度", "outcome", "level", 2023, 36, "微克/立方米", "")


def test_a_year_a_period_or_a_threshold_is_no_value():
    found = read("崇左", "全市地区生产总值由103.97亿元增加到1117.56亿元")
    assert found[:2] == [("地区生产总值", "outcome", "level", 2003, 103.97, "亿元", ""),
                         ("地区生产总值", "outcome", "level", 2023, 1117.56, "亿元", "")]
    assert not [f for f in read("长治", "全面开展产能120万吨及以上煤矿智能化改造") if f[4] == 120]
    text = "二、2024年工作安排\n连续5年开展抓发展攻坚行动，用3年时间建成一批项目。"
    assert find_targets(text, year=2024, report=True) == []


# --- verbs, adverbs and milestones ------------------------------------------------------------------

def test_stably_kept_at_and_raised_on_average_are_the_verb_and_the_change(ningxia):
    assert ningxia("确保粮食总产量稳定保持在76亿斤以上") == [("粮食产量", "target", "level", 2026, 76, "亿斤", "以上")]
    assert read("淮安", "一本达线率平均提高9.6个百分点") == [
        ("14所重点县域高中一本达线率提高", "outcome", "growth", 2023, 9.6, "个百分点", "")]
    assert read("镇江", "村集体经营性收入平均增长5%") == [("村集体经营性收入增长", "outcome", "growth", 2023, 5, "%", "")]


def test_a_round_milestone_in_words_keeps_the_subject_for_the_figure_reached():
    assert read("淮安", "规上工业投资首次突破千亿、达1148亿元") == [
        ("规上工业投资", "outcome", "level", 2023, 1148, "亿元", "达到"),
        ("规上工业投资增长", "outcome", "growth", 2023, 24, "%", "")]
    assert read("湖州", "银行贷款余额突破万亿元，增长19.9%")[0] == ("银行贷款余额增长", "outcome", "growth", 2023, 19.9, "%", "")


def test_lizheng_opening_a_sentence_before_its_figures_bounds_them(ningxia):
    assert ningxia("人均受教育年限达到11.7年") == [("人均受教育年限", "target", "level", 2030, 11.7, "年", "力争")]


# --- baselines and the five years past --------------------------------------------------------------

def test_a_baseline_of_the_year_before_is_that_years_level(ningxia):
    assert ningxia("常住人口由上年729万人增加到732万人")[:2] == [
        ("常住人口", "outcome", "level", 2024, 729, "万人", ""), ("常住人口", "outcome", "level", 2025, 732, "万人", "")]


def test_a_change_from_one_level_to_another_in_the_five_years_past_gives_both(ningxia):
    assert ningxia("人均地区生产总值从5.6万元增至7.8万元") == [
        ("人均地区生产总值", "outcome", "level", 2020, 5.6, "万元", ""),
        ("人均地区生产总值", "outcome", "level", 2025, 7.8, "万元", ""),
        ("人均地区生产总值", "outcome", "level", 2025, 1, "万美元", "超过"),
        ("人均地区生产总值年均增长", "outcome", "growth", 2025, 5.4, "%", "")]
    heilongjiang = targets_of(REPORTS / "provinces-2026" / "2026_黑龙江省_政府工作报告.csv", ("", 2))
    assert figures(in_sentence(heilongjiang, "全国重点实验室由7家增至16家")) == [
        ("全国重点实验室", "outcome", "level", 2020, 7, "家", ""), ("全国重点实验室", "outcome", "level", 2025, 16, "家", "")]


def test_a_listed_growth_in_bei_in_the_five_years_past_is_theirs(ningxia):
    assert ningxia("游客人次、旅游花费分别增长2.5倍、3倍") == [
        ("游客人次五年累计增长", "outcome", "growth", 2025, 2.5, "倍", ""),
        ("旅游花费五年累计增长", "outcome", "growth", 2025, 3, "倍", "")]


# --- work done and what is no indicator -------------------------------------------------------------

def test_a_flow_the_region_counts_after_new_urban_jobs_is_no_work_done(ningxia):
    assert ningxia("农村劳动力转移就业86万人") == [
        ("城镇新增就业", "outcome", "level", 2025, 8.55, "万人", ""),
        ("农村劳动力转移就业", "outcome", "level", 2025, 86, "万人", "")]
    assert ("农村劳动力转移就业", "outcome", "level", 2023, 3.96, "万人", "") in read("郴州", "农村劳动力转移就业3.96万人")


def test_registered_firms_after_firms_added_are_a_stock_and_listed_firms_added_are_work_done():
    assert read("十堰", "入库科技型中小企业2400家以上") == [("入库科技型中小企业", "target", "level", 2024, 2400, "家", "以上")]
    assert read("十堰", "有资质的建筑业企业、房地产开发经营企业70家") == []


def test_clicks_and_central_bank_relending_are_no_indicators():
    assert read("十堰", "网络点击量超2.8亿人次") == []
    assert read("十堰", "支农再贷款余额50.3亿元") == []
