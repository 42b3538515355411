"""The eighth round of target-reading rules, each on the real sentence it was written from: the misses of
fixtures/targets/judged-9.jsonl (held out until this round as heldout-7.jsonl: 广西 2026, 厦门 2024) and figures the
reader missed or misread in other work reports that no judged set uses. No rule and no sentence here comes from
heldout-8.jsonl (内蒙古 2026, 盐城 2024, 泰州 2024). The figures every judged set scores are pinned in
test_targets_round10.py."""

from documents.ingest.targets import find_targets
from tests.ingest.test_targets import REPORTS, city, in_sentence, targets_of
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


# --- judged-9.jsonl's misses: names and verbs ---------------------------------------------------------

def test_a_real_growth_is_the_growth_and_town_and_country_income_is_per_head_disposable_income():
    assert figures(in_sentence(targets_of(GUANGXI_2026), "居民人均可支配收入实际增长5.4%")) == [
        ("居民人均可支配收入增长", "outcome", "growth", 2025, 5.4, "%", ""),
        ("农村居民人均可支配收入增长", "outcome", "growth", 2025, 6.3, "%", ""),
        ("城镇居民人均可支配收入增长", "outcome", "growth", 2025, 4.4, "%", "")]


def test_a_bare_tax_opening_a_sentence_is_the_regions_and_after_a_subject_the_subjects():
    assert figures(in_sentence(targets_of(GUANGXI_2026), "税收增长3.9%，其中工业税收增长7.3%")) == [
        ("税收增长", "outcome", "growth", 2025, 3.9, "%", ""), ("工业税收增长", "outcome", "growth", 2025, 7.3, "%", "")]
    assert ("一般公共预算税收增长", "outcome", "growth", 2023, 45.1, "%", "") in figures(
        in_sentence(targets_of(city("淮南")), "税收增长45.1%"))


def test_a_baseline_of_part_of_the_year_is_no_figure_of_the_year():
    assert figures(in_sentence(targets_of(GUANGXI_2026), "年末城镇调查失业率从上半年5.5%降到5.3%")) == [
        ("城镇新增就业", "outcome", "level", 2025, 42.3, "万人", ""), ("城镇调查失业率", "outcome", "level", 2025, 5.3, "%", "")]


def test_what_a_measure_pushes_up_is_the_indicator():
    assert figures(in_sentence(targets_of(GUANGXI_2026), "推动企业反映问题解决率提高到93%")) == [
        ("企业反映问题解决率", "outcome", "share", 2025, 93, "%", "")]


def test_how_safe_people_feel_is_a_share():
    assert figures(in_sentence(targets_of(GUANGXI_2026), "人民群众安全感达98.2%")) == [
        ("人民群众安全感", "outcome", "share", 2025, 98.2, "%", "达到")]
    assert figures(in_sentence(targets_of(city("南京")), "群众安全感达99.3%")) == [
        ("群众安全感", "outcome", "share", 2023, 99.3, "%", "达到")]


def test_an_item_after_work_done_with_a_level_verb_of_its_own_is_a_level():
    assert figures(in_sentence(targets_of(GUANGXI_2026), "人形机器人产量突破5000台")) == [
        ("人形机器人产量", "target", "level", 2026, 5000, "台", "突破")]
    assert ("技术合同成交额", "target", "level", 2024, 300, "亿元", "以上") in figures(
        in_sentence(targets_of(city("宜昌")), "技术合同成交额达到300亿元以上"))
    # 超 is no level verb of its own: the firms are still work done
    assert in_sentence(targets_of(city("滁州")), "新增高新技术企业超200家、科技型中小企业超300家") == []


def test_money_saved_is_the_effect_of_a_policy():
    assert in_sentence(targets_of(GUANGXI_2026), "电力市场交易为用户节约用电成本超100亿元") == []
    assert in_sentence(targets_of(city("雅安")), "为企业降低用电成本8.4亿元") == []


def test_facilities_built_in_the_year_are_work_done_but_a_stock_built_is_a_level():
    assert in_sentence(targets_of(city("厦门")), "建成家庭养老床位900张") == []
    assert figures(in_sentence(targets_of(city("厦门")), "累计建成5G基站1.4万个")) == [
        ("5G基站", "outcome", "level", 2023, 1.4, "万个", "")]


# --- judged-9.jsonl's misses: lists of water bodies, a contribution ------------------------------------

def test_water_bodies_before_a_rate_of_water_quality_each_take_the_rate():
    assert figures(in_sentence(targets_of(city("厦门")), "集中式饮用水水源地、主要流域国省控断面水质达标率保持100%")) == [
        ("集中式饮用水水源地水质达标率", "outcome", "share", 2023, 100, "%", ""),
        ("主要流域国省控断面水质达标率", "outcome", "share", 2023, 100, "%", "")]
    assert ("地表水水质优良比例", "outcome", "share", 2025, 96.9, "%", "达到") in figures(
        in_sentence(targets_of(REPORTS / "provinces-2026" / "2026_海南省_政府工作报告.csv"), "地表水、近岸海域水质优良比例"))
    # a level of control before the last one's: what follows it is each one's; 力争 after the names is on each
    assert figures(in_sentence(targets_of(city("马鞍山")), "国控、省控断面水质优良率力争保持100%")) == [
        ("国控断面水质优良率", "target", "share", 2024, 100, "%", "力争"),
        ("省控断面水质优良率", "target", "share", 2024, 100, "%", "力争")]
    # `市、县两级` is one rate of both levels
    assert figures(in_sentence(targets_of(city("南宁")), "市、县两级饮用水水源水质达标率保持100%"))[-1] == (
        "市、县两级饮用水水源水质达标率", "outcome", "share", 2023, 100, "%", "")


def test_a_contribution_to_growth_without_its_rate_word_is_a_share():
    assert ("新产业、新产品对工业增长贡献", "outcome", "share", 2025, 50, "%", "超过") in figures(
        in_sentence(targets_of(GUANGXI_2026), "新产业、新产品对工业增长贡献超50%"))


def test_the_growth_of_investment_and_projects_from_taiwan_is_a_target_but_a_count_of_projects_is_not():
    assert figures(in_sentence(targets_of(city("厦门")), "新批台资项目数、实际使用台资分别增长64%和408.3%")) == [
        ("新批台资项目数增长", "outcome", "growth", 2023, 64, "%", ""),
        ("实际使用台资增长", "outcome", "growth", 2023, 408.3, "%", "")]
    assert find_targets("新批台资项目数120个。", year=2024, report=True) == []


# --- other work reports: figures the reader missed -----------------------------------------------------

def test_containers_counted_in_standard_boxes_written_out():
    assert ("集装箱吞吐量", "outcome", "level", 2023, 2218, "万标准箱", "达到") in figures(
        in_sentence(targets_of(city("天津")), "集装箱吞吐量达到2218万标准箱"))


def test_a_contribution_to_growth_after_a_figure_is_the_figures_subjects():
    assert ("非烟非能工业增加值对规模以上工业增长贡献率", "outcome", "share", 2025, 72.9, "%", "达到") in figures(
        in_sentence(targets_of(REPORTS / "provinces-2026" / "2026_云南省_政府工作报告.csv"), "对规模以上工业增长贡献率达72.9%"))


def test_a_known_indicators_expected_target_is_its_target():
    assert figures(in_sentence(targets_of(city("台州")), "经济增长预期目标为5%左右")) == [
        ("地区生产总值增长", "target", "growth", 2024, 5, "%", "左右")]


def test_after_a_count_of_work_done_the_total_is_the_stock_of_whatever_was_counted():
    assert figures(in_sentence(targets_of(city("杭州")), "新增上市公司22家、总数达302家"))[-1] == (
        "上市公司", "outcome", "level", 2023, 302, "家", "达到")
    assert figures(in_sentence(targets_of(city("北海")), "全市新增登记市场主体3.67万户，总数达22.6万户")) == [
        ("市场主体", "outcome", "level", 2023, 22.6, "万户", "达到"), ("市场主体增长", "outcome", "growth", 2023, 9.7, "%", "")]


def test_a_growth_on_a_like_for_like_basis_after_a_level_is_the_levels_growth():
    assert ("一般公共预算收入增长", "outcome", "growth", 2023, 13.6, "%", "") in figures(
        in_sentence(targets_of(city("德阳")), "一般公共预算收入183.6亿元，同口径增长13.6%"))


def test_electricity_generated_standing_alone_is_the_regions_and_quantities_sent_or_processed_are_heads():
    assert figures(in_sentence(targets_of(city("阳泉")), "全年发电量276.9亿千瓦时")) == [
        ("发电量", "outcome", "level", 2023, 276.9, "亿千瓦时", ""), ("发电量增长", "outcome", "growth", 2023, 5.5, "%", ""),
        ("外送电量", "outcome", "level", 2023, 175.3, "亿千瓦时", ""), ("外送电量增长", "outcome", "growth", 2023, 7.3, "%", "")]
    names = [f[0] for f in figures(in_sentence(targets_of(REPORTS / "provinces-2025" / "2025年陕西省政府工作报告.docx"),
                                               "原油加工量、天然气产量、发电量"))]
    assert {"原油加工量增长", "天然气产量增长", "发电量增长"} <= set(names)


def test_a_scenic_grade_is_part_of_a_name_and_new_foreign_firms_grow():
    assert figures(in_sentence(targets_of(REPORTS / "provinces-2026" / "2026_重庆市_政府工作报告.csv"),
                               "国家5A级旅游景区增至12家"))[:1] == [("国家5A级旅游景区", "outcome", "level", 2025, 12, "家", "")]
    assert ("新设外资企业数量增长", "outcome", "growth", 2025, 19.5, "%", "") in figures(
        in_sentence(targets_of(BEIJING_2026), "新设外资企业数量增长19.5%"))


def test_energy_intensity_is_energy_used_per_unit_of_output():
    assert figures(in_sentence(targets_of(city("长治")), "能耗强度下降1.8%以上")) == [
        ("单位地区生产总值能耗下降", "target", "growth", 2024, -1.8, "%", "以上")]


def test_how_far_farming_is_mechanised_is_a_share():
    assert figures(in_sentence(targets_of(city("永州")), "水稻综合机械化水平达到84%")) == [
        ("水稻综合机械化水平", "target", "share", 2024, 84, "%", "达到")]
