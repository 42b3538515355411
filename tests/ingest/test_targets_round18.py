"""The eighteenth round of target-reading rules, each on the real sentence it was written from: the errors of judged-22
(扬州, 随州, 岳阳; heldout-16 until this round) and judged-23 (眉山, 益阳; heldout-18 until this round). No rule and no
sentence here comes from heldout-19, -23 … -29. The figures are pinned in test_targets_round14.py."""

from documents.evaluation.targets import plain
from documents.ingest.targets import find_targets
from tests.ingest.test_targets import city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(name, words):
    return figures(in_sentence(targets_of(city(name)), words))


def reported(sentence):
    """What the reader finds in sentence standing in a 2024 report's review of 2023."""
    return [(t.indicator, t.kind, t.measure, t.year, t.value_low, t.unit, t.modifier)
            for t in find_targets("一、2023年工作回顾\n" + sentence, year=2024, report=True)]


def test_the_growth_after_a_count_of_work_done_is_the_works_growth():
    assert read("随州", "净增规上工业企业49家") == [
        ("市场主体", "outcome", "level", 2023, 30, "万户", "突破"),
        ("新入库“四上”企业增长", "outcome", "growth", 2023, 14.4, "%", ""),
        ("净增规上工业企业增长", "outcome", "growth", 2023, 122.7, "%", "")]
    assert read("眉山", "新增外贸主体66家") == [("新增外贸主体增长", "outcome", "growth", 2023, 88.6, "%", ""),
                                            ("进出口总额", "outcome", "level", 2023, 130, "亿元", "")]
    # (the count itself stays work done, and the stock after a count is still the stock: `新增上市公司22家、总数达302家`)
    assert reported("新增上市公司22家、总数达302家。") == [("上市公司", "outcome", "level", 2023, 302, "家", "达到")]


def test_a_clause_of_counts_after_work_done_is_more_of_the_work():
    assert read("随州", "省级“两化融合”示范企业3家以上") == []
    assert read("随州", "科技型中小企业入库440家") == [("科技型中小企业入库", "target", "level", 2024, 440, "家", "力争")]
    assert read("眉山", "备案科技型中小企业260家") == [("备案科技型中小企业", "target", "level", 2024, 260, "家", "")]


def test_numbering_and_a_leading_verb_are_no_part_of_a_name():
    assert read("岳阳", "⑨建设高标准农田37.84万亩") == []
    assert read("岳阳", "落实粮食播种面积728.3万亩") == [("粮食播种面积", "outcome", "level", 2023, 728.3, "万亩", "")]


def test_groups_counted_industries_before_a_bare_head_and_trade_with_a_bloc():
    assert ("6大主导产业集群总产值", "outcome", "level", 2023, 6400, "亿元", "达到") in read("扬州", "6大主导产业集群总产值达6400亿元")
    assert read("随州", "农产品加工业全链条升级，产值增长6%") == [("农产品加工业产值增长", "outcome", "growth", 2023, 6, "%", "")]
    assert read("随州", "推进农产品加工业链式升级行动") == [("农产品加工业产值增长", "target", "growth", 2024, 6, "%", "以上")]
    assert read("岳阳", "对RCEP成员国、东盟十国贸易额分别增长") == [
        ("对RCEP成员国贸易额增长", "outcome", "growth", 2023, 30.8, "%", ""),
        ("东盟十国贸易额增长", "outcome", "growth", 2023, 48.8, "%", "")]


def test_insurance_rates_and_other_names_of_the_vocabulary():
    assert read("随州", "城乡基本养老、医保参保率分别达到") == [
        ("基本养老保险参保率", "outcome", "share", 2023, 97.2, "%", "达到"),
        ("基本医疗保险参保率", "outcome", "share", 2023, 98.8, "%", "达到")]
    assert read("随州", "基本养老、医保参保率均稳定在95%以上") == [
        ("基本养老保险参保率", "target", "share", 2024, 95, "%", "以上"), ("基本医疗保险参保率", "target", "share", 2024, 95, "%", "以上")]
    assert read("眉山", "单位GDP综合能耗下降8.7%") == [("单位地区生产总值能耗下降", "outcome", "growth", 2023, -8.7, "%", "")]
    assert read("随州", "外贸出口总额115亿元") == [("出口总额", "outcome", "level", 2023, 115, "亿元", "")]
    assert read("益阳", "实现外贸进出口额增长6%以上") == [("外贸进出口总额增长", "target", "growth", 2024, 6, "%", "以上")]


def test_a_second_share_is_the_first_ones_subjects():
    assert read("眉山", "占全省工业投资比重6.2%") == [
        ("工业投资占全社会固定资产投资比重", "outcome", "share", 2023, 36, "%", ""),
        ("工业投资占全社会固定资产投资比重提升", "outcome", "growth", 2023, 8, "个百分点", ""),
        ("工业投资占全省工业投资比重", "outcome", "share", 2023, 6.2, "%", ""),
        ("工业投资占全省工业投资比重提升", "outcome", "growth", 2023, 1.1, "个百分点", "")]


def test_trains_poultry_bags_storage_and_the_verb_of_two_levels():
    assert read("眉山", "开行国际班列106列") == [("国际班列", "outcome", "level", 2023, 106, "列", "")]
    assert read("眉山", "开行国际班列130列以上") == [("国际班列", "target", "level", 2024, 130, "列", "以上")]
    assert ("家禽出笼", "target", "level", 2024, 7500, "万只", "") in read("随州", "家禽出笼7500万只")
    assert ("香菇种植规模", "target", "level", 2024, 3.6, "亿袋", "力争") in read("随州", "香菇种植规模扩大到3.6亿袋")
    assert read("随州", "确保年储存能力达到55万吨") == [("年储存能力", "target", "level", 2024, 55, "万吨", "达到")]
    assert ("技术合同成交额", "outcome", "level", 2023, 55, "亿元", "达到") in read("随州", "技术合同成交额55亿元")


def test_work_on_base_stations_and_infrastructure_and_a_projects_conversion_rate_are_no_targets():
    assert read("益阳", "建设5G基站900个") == []
    assert read("益阳", "完成中心城区基础设施建设投资120亿元") == []
    assert read("随州", "开工注册转化率65%以上") == []
    # (5G stations built to date stay the stock: `累计建设5G基站3356个`, judged-13)
    assert reported("全市累计建设5G基站3356个。") == [("5G基站", "outcome", "level", 2023, 3356, "个", "")]


def test_a_total_of_firms_grows_under_the_firms_name():
    assert read("随州", "市场主体总量、新登记企业户数均增长10%以上")[0] == ("市场主体增长", "target", "growth", 2024, 10, "%", "以上")
    # (and the scorer reads the two ways the judged sets write it as one: `“五上”企业总数增长`, judged-4)
    assert plain("“五上”企业总数增长") == plain("“五上”企业增长")
