"""The fifth round of target-reading rules, each on the real sentence it was written from: the misses of
fixtures/targets/judged-6.jsonl (held out until this round as heldout-4.jsonl: 安徽 2025, 武汉 2024), of the
other judged sets, and the losses docs/targets.md listed. No rule and no sentence here comes from
heldout-5.jsonl (辽宁 2025, 无锡 2024, 常州 2024)."""

from tests.ingest.test_targets import REPORTS, city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import HEILONGJIANG_2025, figures

ANHUI_2025 = REPORTS / "provinces-2025" / "2025年安徽省政府工作报告.docx"


def test_a_parcel_volume_in_hundreds_of_millions_is_a_level():
    assert figures(in_sentence(targets_of(ANHUI_2025), "快递业务量突破60亿件")) == [
        ("实物商品网上零售额增长", "outcome", "growth", 2024, 11.1, "%", ""),
        ("快递业务量", "outcome", "level", 2024, 60, "亿件", "突破")]


def test_a_registry_and_the_firms_on_it_listed_without_fenbie():
    found = figures(in_sentence(targets_of(city("武汉")), "接入企业数突破185亿个、2.1万家"))
    assert found == [("工业互联网（武汉）国家顶级节点标识注册量", "outcome", "level", 2023, 185, "亿个", "突破"),
                     ("接入企业数", "outcome", "level", 2023, 2.1, "万家", "突破")]


def test_firms_entered_in_the_registry_are_a_level():
    assert figures(in_sentence(targets_of(city("武汉")), "科技型中小企业评价入库1.25万家，实现两年翻番")) == [
        ("科技型中小企业评价入库", "outcome", "level", 2023, 1.25, "万家", "")]
    assert ("科技型中小企业评价入库", "target", "level", 2024, 1.3, "万家", "力争") in figures(
        in_sentence(targets_of(city("武汉")), "力争科技型中小企业评价入库1.3万家"))


def test_buildings_counted_with_a_threshold_in_their_name_are_a_level():
    assert ("纳税亿元以上商务楼宇", "outcome", "level", 2023, 100, "栋", "达到") in figures(
        in_sentence(targets_of(city("武汉")), "纳税亿元以上商务楼宇达100栋"))


def test_shengzhi_is_a_verb_of_the_value():
    assert figures(in_sentence(targets_of(ANHUI_2025), "专业点占比升至64.9%")) == [
        ("省属高校与新兴产业紧密相关的专业点占比", "outcome", "share", 2024, 64.9, "%", "")]


def test_an_age_inside_a_name_is_not_a_figure():
    assert ("每千人口拥有3岁以下婴幼儿托位数增长", "outcome", "growth", 2024, 27.8, "%", "") in figures(
        in_sentence(targets_of(HEILONGJIANG_2025), "每千人口拥有3岁以下婴幼儿托位数增长27.8%"))
