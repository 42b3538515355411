"""The third round of target-reading rules, each on the real sentence it was written from: the errors
of fixtures/targets/judged-3.jsonl (山西 2026, 杭州 2024) and of judged.jsonl / judged-2.jsonl."""

from tests.ingest.test_targets import REPORTS, city, in_sentence, targets_of

SHANXI_2026 = REPORTS / "provinces-2026" / "2026_山西省_政府工作报告.csv"
SICHUAN_2026 = REPORTS / "provinces-2026" / "2026_四川省_政府工作报告.csv"


def figures(found):
    return [(f[0], f[3], f[4], f[5], f[7], f[8]) for f in found]


def test_counts_in_units_of_things_and_years_are_levels():
    assert figures(in_sentence(targets_of(SHANXI_2026), "智能化煤矿达到400座")) == [
        ("智能化煤矿", "level", 2025, 400, "座", "达到"), ("煤炭先进产能占比", "share", 2025, 84, "%", "")]
    assert figures(in_sentence(targets_of(SHANXI_2026), "国际友城达到67对")) == [("国际友城", "level", 2025, 67, "对", "达到")]
    assert figures(in_sentence(targets_of(SHANXI_2026), "公共充电桩达到13万台")) == [
        ("公共充电桩", "level", 2025, 13, "万台", "达到")]
    assert figures(in_sentence(targets_of(SHANXI_2026), "推动人均预期寿命达到80岁")) == [
        ("人均预期寿命", "level", 2030, 80, "岁", "达到")]


def test_a_name_may_carry_a_digit_of_its_own():
    found = figures(in_sentence(targets_of(SHANXI_2026), "PM2.5浓度降至30微克/立方米"))
    assert ("PM2.5浓度", "level", 2025, 30, "微克/立方米", "") in found
    found = figures(in_sentence(targets_of(SHANXI_2026), "5G基站万人拥有量33.7座"))
    assert ("5G基站万人拥有量", "level", 2025, 33.7, "座", "") in found


def test_an_estimate_before_the_growth_word_is_the_same_indicator():
    found = in_sentence(targets_of(SHANXI_2026), "数字经济核心产业增加值预计增长10%")
    assert ("数字经济核心产业增加值增长", "growth", 2025, 10, "%", "") in figures(found)
    assert "数字经济核心产业增加值预计增长" in [f[1] for f in found]  # the phrase as written


def test_a_development_zone_is_no_work_done():
    found = in_sentence(targets_of(city("杭州")), "力争开发区（园区）工业总产值占全市比重75%以上")
    assert [(f[0], f[2], f[3], f[4], f[5], f[8]) for f in found] == [
        ("开发区（园区）工业总产值占全市比重", "target", "share", 2024, 75, "以上")]
    found = in_sentence(targets_of(SHANXI_2026), "开发区规上工业增加值、工业投资年均分别增长5.9%、6.7%")
    assert [(f[0], f[5]) for f in found] == [("开发区规上工业增加值年均增长", 5.9), ("工业投资年均增长", 6.7)]


def test_a_stock_stated_with_its_year_between_name_and_verb():
    found = figures(in_sentence(targets_of(SHANXI_2026), "高标准农田达到3050万亩"))
    assert found == [("高标准农田", "level", 2030, 3050, "万亩", "达到"), ("粮食综合生产能力", "level", 2030, 305, "亿斤", "达到")]


def test_work_done_on_farmland_stays_out():
    found = in_sentence(targets_of(SICHUAN_2026), "新（改）建高标准农田348.8万亩")
    assert "新（改）建高标准农田" not in [f[0] for f in found]
    assert ("粮食产量", 732.5) in [(f[0], f[5]) for f in found]


def test_an_increase_of_a_level_passes_its_subject_to_the_level_and_share_after_it():
    found = figures(in_sentence(targets_of(SHANXI_2026), "新能源和清洁能源装机同比增加1829万千瓦"))
    assert found == [("新能源和清洁能源装机", "level", 2025, 9048, "万千瓦", "达到"),
                     ("新能源和清洁能源装机占比", "share", 2025, 55.1, "%", "")]


# --- the misses left in judged.jsonl ----------------------------------------------------------------

PROVINCES_2025 = REPORTS / "provinces-2025"


def test_a_headless_item_after_a_level_of_the_same_unit_is_the_next_level():
    found = in_sentence(targets_of(PROVINCES_2025 / "2025年河南省政府工作报告.docx"), "力争整车产量200万辆")
    assert [(f[0], f[5], f[7], f[8]) for f in found] == [("整车产量", 200, "万辆", "力争"), ("新能源汽车", 140, "万辆", "力争")]


def test_a_rank_between_figures_keeps_the_subject_and_a_bare_head_takes_it():
    found = in_sentence(targets_of(PROVINCES_2025 / "2025年湖北省政府工作报告.docx"), "总量达到60013亿元")
    assert [(f[0], f[3], f[5]) for f in found][:2] == [("地区生产总值增长", "growth", 5.8), ("地区生产总值", "level", 60013)]
    found = in_sentence(targets_of(city("苏州")), "规模以上工业总产值达到4.43万亿元，增加值增长3.6%")
    assert [(f[0], f[5]) for f in found] == [("规模以上工业总产值", 4.43), ("规模以上工业增加值增长", 3.6)]


def test_each_year_is_no_part_of_the_phrase():
    found = in_sentence(targets_of(REPORTS / "provinces-2026" / "2026_贵州省_政府工作报告.csv"), "粮食综合生产能力每年稳定在")
    assert [(f[0], f[4], f[5], f[8]) for f in found] == [("粮食综合生产能力", 2030, 1121, "以上"), ("能源综合生产能力", 2030, 2.3, "左右")]


def test_two_names_joined_by_he_and_two_figures_are_a_respective_list():
    found = in_sentence(targets_of(city("泰安")), "粮食种植面积和产量稳定在557万亩、262万吨以上")
    assert [(f[0], f[5], f[7], f[8]) for f in found] == [("粮食播种面积", 557, "万亩", "以上"), ("粮食产量", 262, "万吨", "以上")]
    found = in_sentence(targets_of(PROVINCES_2025 / "2025年福建省政府工作报告.docx"), "粮食播种面积1266.6万亩、产量514.4万吨")
    assert [(f[0], f[5]) for f in found] == [("粮食播种面积", 1266.6), ("粮食产量", 514.4)]


# --- the misses left in judged-2.jsonl --------------------------------------------------------------

YUNNAN_2025 = PROVINCES_2025 / "2025年云南省政府工作报告.docx"
HAINAN_2026 = REPORTS / "provinces-2026" / "2026_海南省_政府工作报告.csv"


def test_the_income_ratio_is_a_level_without_unit():
    found = in_sentence(targets_of(SICHUAN_2026), "城乡居民收入比降至2.2")
    assert ("城乡居民收入比", "outcome", "level", 2025, 2.2, "", "") in [(f[0], f[2], f[3], f[4], f[5], f[7], f[8]) for f in found]
    found = in_sentence(targets_of(HAINAN_2026), "城乡居民收入比收窄至2：1以内")
    assert ("城乡居民收入比", 2, "", "以内") in [(f[0], f[5], f[7], f[8]) for f in found]


def test_a_headless_listed_name_takes_the_head_of_the_next_name():
    found = in_sentence(targets_of(YUNNAN_2025), "农村卫生户厕、生活垃圾处理设施覆盖率和生活污水治理（管控）率分别达75%、92%、57%")
    assert [(f[0], f[5]) for f in found] == [
        ("农村卫生户厕覆盖率", 75), ("生活垃圾处理设施覆盖率", 92), ("生活污水治理（管控）率", 57)]
    found = in_sentence(targets_of(city("成都")), "规模以上装备制造、医药健康产业分别增长8.1%、10.1%")
    assert [(f[0], f[5]) for f in found][:2] == [("规模以上装备制造产业增长", 8.1), ("医药健康产业增长", 10.1)]


def test_rural_labour_moved_is_the_vocabulary_indicator():
    found = in_sentence(targets_of(SICHUAN_2026), "农村劳动力转移稳定在2500万人以上")
    assert ("农村劳动力转移就业", 2500, "万人", "以上") in [(f[0], f[5], f[7], f[8]) for f in found]


def test_a_name_starting_with_the_subjects_head_is_the_subjects():
    found = in_sentence(targets_of(PROVINCES_2025 / "2025年海南省政府工作报告.docx"), "预计研发经费投入增长25%、投入强度提升至1.4%")
    assert [(f[0], f[3], f[5]) for f in found] == [("研发经费投入增长", "growth", 25), ("研发经费投入强度", "share", 1.4)]


def test_growth_in_a_passage_on_the_five_years_past_is_the_five_years_growth():
    found = in_sentence(targets_of(REPORTS / "provinces-2026" / "2026_吉林省_政府工作报告.csv"), "达到1.5万亿元、增长19.8%")
    assert [(f[0], f[4], f[5]) for f in found] == [("地区生产总值", 2025, 1.5), ("地区生产总值五年累计增长", 2025, 19.8)]
    found = in_sentence(targets_of(SICHUAN_2026), "全省贷款余额13万亿元，增长83%")
    assert [(f[0], f[5]) for f in found] == [("全省贷款余额", 13), ("全省贷款余额五年累计增长", 83)]
