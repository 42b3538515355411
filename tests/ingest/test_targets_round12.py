"""The twelfth round of target-reading rules, each on the real sentence it was written from: the misses of
fixtures/targets/judged-13.jsonl and judged-14.jsonl (held out until this round as heldout-11: 晋城, 淮北, 达州 2024, and
heldout-12: 铜陵 2024), and what the rules read in other work reports no judged set uses. No rule and no sentence here
came from heldout-13.jsonl (吉安, 荆门, 黄石 2024; judged-15.jsonl since). The figures are pinned in test_targets_round13.py."""

from tests.ingest.test_targets import city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(name, words):
    return figures(in_sentence(targets_of(city(name)), words))


def test_what_a_name_leaves_out_in_brackets_is_no_part_of_it():
    assert read("达州", "固定资产投资（不含农户）完成1457.8亿元") == [
        ("固定资产投资", "outcome", "level", 2023, 1457.8, "亿元", ""),
        ("固定资产投资增长", "outcome", "growth", 2023, 5.9, "%", "")]


def test_the_growth_of_what_is_newly_certified_or_signed_is_a_target():
    assert ("新认定科技型中小企业增长", "outcome", "growth", 2023, 88, "%", "") in read("铜陵", "新认定科技型中小企业769家，增长88%")
    assert ("新签约亿元以上产业项目增长", "outcome", "growth", 2023, 26.2, "%", "") in read("铜陵", "新签约亿元以上产业项目419个、增长26.2%")
    # (a registration without what is registered names nothing)
    assert read("深圳", "新登记56.5万户、增长26.4%") == [("商事主体", "outcome", "level", 2023, 422.6, "万户", "达到")]


def test_a_count_of_firms_is_named_without_its_total_word():
    assert ("高新技术企业", "outcome", "level", 2023, 475, "家", "达到") in read("铜陵", "高新技术企业总数达475家")
    assert ("个体工商户", "outcome", "level", 2023, 10, "万户", "突破") in read("铜陵", "个体工商户总量突破10万户")
    assert read("青岛", "上市公司总数达到85家") == [("上市公司", "outcome", "level", 2023, 85, "家", "达到")]
    assert ("人才总量", "outcome", "level", 2023, 300, "万人", "超过") in read("杭州", "人才总量超过300万人")  # (a stock's own name)


def test_energy_per_10000_yuan_of_gdp_is_the_vocabularys():
    assert ("单位地区生产总值能耗下降", "outcome", "growth", 2023, -4, "%", "") in read("铜陵", "万元GDP能耗下降4%")


def test_money_per_mu_is_the_regions_and_technology_absorbed_is_no_work_done():
    assert read("铜陵", "规上工业企业亩均税收达20.2万元") == [("规上工业企业亩均税收", "outcome", "level", 2023, 20.2, "万元", "达到")]
    assert ("吸纳技术成交额增长", "outcome", "growth", 2023, 200, "%", "") in read("淮北", "吸纳技术成交额增长200%")
    assert read("马鞍山", "吸纳技术合同成交额超300亿元") == [
        ("吸纳技术合同成交额", "outcome", "level", 2023, 300, "亿元", "超过"),
        ("吸纳技术合同成交额增长", "outcome", "growth", 2023, 1.6, "倍", "")]
