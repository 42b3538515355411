"""The nineteenth round of target-reading rules, each on the real sentence it was written from: the errors of judged-24
… judged-28 (柳州, 嘉兴; 聊城, 沈阳; 玉林, 黄冈; 滨州, 潜江; 黔西南, 绍兴: heldout-19, -23 … -26 until this round). No rule
and no sentence here comes from heldout-27 … -32. The figures are pinned in test_targets_round14.py."""

from tests.ingest.test_targets import city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(name, words):
    return figures(in_sentence(targets_of(city(name)), words))


def test_units_of_capacity_heads_of_capacity_and_power_generated():
    assert read("柳州", "已建成电池产能40.5GWh")[0] == ("电池产能", "outcome", "level", 2023, 40.5, "GWh", "")
    assert read("黔西南", "煤炭储备能力达30万吨") == [("煤炭储备能力", "outcome", "level", 2023, 30, "万吨", "达到")]
    assert read("潜江", "小龙虾年加工能力达70万吨") == [("小龙虾年加工能力", "outcome", "level", 2023, 70, "万吨", "达到")]
    assert read("黔西南", "全年发电407.19亿千瓦时") == [
        ("发电量", "outcome", "level", 2023, 407.19, "亿千瓦时", ""), ("火电发电量", "outcome", "level", 2023, 246.9, "亿千瓦时", ""),
        ("火电发电量增长", "outcome", "growth", 2023, 33.58, "%", "")]


def test_a_fall_written_as_negative_growth_and_a_change_since_the_year_before_named_by_its_year():
    assert ("固定资产投资增长", "outcome", "growth", 2023, -3.8, "%", "") in read("黔西南", "固定资产投资增长-3.8%")
    assert read("黔西南", "较2022年提升5.2个百分点") == [
        ("全州产业投资占比", "outcome", "share", 2023, 49.3, "%", ""),
        ("全州产业投资占比提升", "outcome", "growth", 2023, 5.2, "个百分点", ""),
        ("工业投资占比", "outcome", "share", 2023, 36.8, "%", ""),
        ("工业投资占比提升", "outcome", "growth", 2023, 1.3, "个百分点", ""),
        ("非税占比", "outcome", "share", 2023, 46.7, "%", ""),
        ("非税占比下降", "outcome", "growth", 2023, -15.5, "个百分点", "")]


def test_state_firms_heads_shares_after_work_and_a_bound_written_过():
    assert read("滨州", "利润总额、上缴税费分别增长") == [("市属国企利润总额增长", "outcome", "growth", 2023, 12.5, "%", ""),
                                                ("市属国企上缴税费增长", "outcome", "growth", 2023, 14, "%", "")]
    assert ("实施垃圾分类自然村占比", "outcome", "share", 2023, 42, "%", "") in read("黄冈", "实施垃圾分类自然村占比42%")
    assert read("黄冈", "力争建材行业产值过800亿元") == [("建材行业产值", "target", "level", 2024, 800, "亿元", "超过")]
    assert ("签约项目个数增长", "outcome", "growth", 2023, 21, "%", "") in read("黄冈", "签约项目个数增长21%")


def test_clusters_counted_in_a_list_two_rates_of_one_figure_and_part_of_a_stock():
    assert read("滨州", "两大产业集群营收分别突破") == [
        ("食品加工产业集群营收", "target", "level", 2024, 2000, "亿元", "突破"),
        ("畜牧水产产业集群营收", "target", "level", 2024, 1600, "亿元", "突破")]
    assert read("沈阳", "重点建设用地安全利用率和危险废物安全处置率保持100%")[-2:] == [
        ("重点建设用地安全利用率", "outcome", "share", 2023, 100, "%", ""), ("危险废物安全处置率", "outcome", "share", 2023, 100, "%", "")]
    assert read("柳州", "其中民营企业9.3万户") == [("全市市场经营主体", "outcome", "level", 2023, 37.2, "万户", "达到"),
                                             ("民营企业", "outcome", "level", 2023, 9.3, "万户", "")]


def test_capacity_added_then_its_total():
    assert read("滨州", "新增新能源发电装机容量110万千瓦，总规模超过600万千瓦") == [
        ("新能源发电装机容量", "outcome", "level", 2023, 600, "万千瓦", "超过")]
