"""The fourteenth round of target-reading rules, each on the real sentence it was written from: the misses of
fixtures/targets/judged-17.jsonl (held out until this round as heldout-15: 蚌埠, 钦州 2024), and what the rules read in
other work reports. No rule and no sentence here comes from heldout-16.jsonl (扬州, 随州, 岳阳 2024), heldout-17.jsonl
(乐山, 宣城 2024; judged-20.jsonl since the seventeenth round) or heldout-18.jsonl (眉山, 益阳 2024). The figures every judged set scores, the held-out sets' and the
two judges' agreement are pinned at the end."""

from io import StringIO

import pytest
from django.core.management import call_command

from documents.evaluation import targets as evaluation
from documents.ingest.targets import find_targets
from tests.ingest.test_targets import SHARED, city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(name, words):
    return figures(in_sentence(targets_of(city(name)), words))


def test_a_growth_rates_change_against_last_year_is_no_target():
    found = read("蚌埠", "全年地区生产总值增长5.6%，比上年提高3.6个百分点")
    assert ("地区生产总值增长", "outcome", "growth", 2023, 5.6, "%", "") in found
    assert [f for f in found if f[5] == "个百分点"] == []
    assert read("铜仁", "提升3.3个百分点")[0] == ("地区生产总值增长", "outcome", "growth", 2023, 3.6, "%", "")
    # (a rate's own change in points is its growth)
    assert read("泸州", "提升0.55个百分点") == [("常住人口城镇化率", "outcome", "level", 2023, 51.9, "%", "达到"),
                                           ("常住人口城镇化率", "outcome", "growth", 2023, 0.55, "个百分点", "")]


def test_units_of_a_small_port_and_of_megawatts_and_trains_reached():
    assert read("蚌埠", "外贸集装箱吞吐量3427标箱") == [("外贸集装箱吞吐量", "outcome", "level", 2023, 3427, "标箱", "")]
    assert read("蚌埠", "光伏建筑装机容量607兆瓦") == [("光伏建筑装机容量", "outcome", "level", 2023, 607, "兆瓦", "")]
    assert ("西部陆海新通道海铁联运班列", "outcome", "level", 2023, 9500, "列", "突破") in read("钦州", "海铁联运班列突破9500列")
    assert read("济南", "年开行班列突破1000列") == [("年开行班列", "outcome", "level", 2023, 1000, "列", "突破")]
    # (trains run, with no name of what runs them, name nothing)
    assert [f for f in read("成都", "全年开行超5000列") if f[5] == "列"] == []


def test_livestock_kept_trade_dependence_and_a_labour_flow_alias():
    assert read("亳州", "肉牛饲养量达23万头") == [("肉牛饲养量", "outcome", "level", 2023, 23, "万头", "达到")]
    assert read("钦州", "全市外贸依存度38.7%") == [("全市外贸依存度", "outcome", "level", 2023, 38.7, "%", ""),
                                             ("全市外贸依存度提升", "outcome", "growth", 2023, 5.2, "个百分点", "")]
    assert ("农村劳动力转移就业", "outcome", "level", 2023, 2.63, "万人", "") in read("钦州", "农村劳动力新增转移就业2.63万人")


def test_a_share_of_what_is_newly_built_is_no_work_done():
    assert read("蚌埠", "新建绿色建筑占新建民用建筑比例100%") == [
        ("新建绿色建筑占新建民用建筑比例", "outcome", "share", 2023, 100, "%", "")]
    assert ("新建绿色建筑占比", "target", "share", 2024, 90, "%", "达到") in read("承德", "新建绿色建筑占比达到90%")


def test_new_market_entities_grow_like_registrations_and_their_total_is_the_stock():
    assert read("亳州", "新增市场主体11.6万户，增长17.3%") == [("新增市场主体增长", "outcome", "growth", 2023, 17.3, "%", "")]
    assert read("巴中", "新增市场主体2.1万户、增长15.2%") == [("新增市场主体增长", "outcome", "growth", 2023, 15.2, "%", ""),
                                                     ("市场主体", "outcome", "level", 2023, 16, "万户", "突破")]


def test_villages_counted_above_an_income_however_long_the_name():
    assert read("蚌埠", "集体经济经营性收益100万元以上的村达20个") == [
        ("集体经济经营性收益100万元以上的村", "target", "level", 2024, 20, "个", "达到"),
        ("50万元以上的村", "target", "level", 2024, 240, "个", "达到")]
    assert read("长治", "农村集体经济收入超30万元的行政村") == [
        ("农村集体经济收入超30万元的行政村", "target", "level", 2024, 1800, "个", "以上")]


def test_clusters_listed_with_their_output_and_a_cluster_opening_its_paragraph():
    assert read("蚌埠", "五大产业集群分别实现产值") == [
        ("新能源产业集群产值", "outcome", "level", 2023, 148, "亿元", ""),
        ("新型显示产业集群产值", "outcome", "level", 2023, 113, "亿元", ""),
        ("智能传感产业集群产值", "outcome", "level", 2023, 52, "亿元", ""),
        ("生物化工产业集群产值", "outcome", "level", 2023, 315, "亿元", ""),
        ("汽车零部件产业集群产值", "outcome", "level", 2023, 300, "亿元", "")]
    assert read("攀枝花", "钒钛磁铁矿采选冶、绿色化工、装备制造")[0] == ("钒钛磁铁矿采选冶产值", "outcome", "level", 2023, 766.3, "亿元", "")
    assert read("蚌埠", "汽车零部件产业集群，重点发展") == [("汽车零部件产业集群产值", "target", "level", 2024, 330, "亿元", "突破")]
    assert read("芜湖", "航空航天产业，") == [("航空航天产业规模", "target", "level", 2024, 380, "亿元", "突破")]
    assert read("荆门", "新能源动力电池产业跻身国家级集群") == [("新能源动力电池产业产值", "outcome", "level", 2023, 600, "亿元", "突破")]
    # (a paragraph opening on a task names the industry after its verbs: test_targets_round16.py)


def test_investment_in_projects_begun_grows_like_a_target_and_firms_added_citywide_are_work_done():
    assert read("蚌埠", "新开工制造业投资增长27.2%") == [("新开工制造业投资增长", "outcome", "growth", 2023, 27.2, "%", "")]
    assert ("新开工制造业投资增长", "target", "growth", 2024, 10, "%", "以上") in read("黄山", "新开工制造业投资增长10%以上")
    assert read("蚌埠", "全市新增外贸实绩企业50家以上") == [("年进出口额过千万美元企业", "target", "level", 2024, 45, "家", "达到")]
    assert read("永州", "全市新增规模工业企业100家以上") == []
    assert read("北京", "全市新设企业")[0] == ("全市新设企业增长", "outcome", "growth", 2023, 20.3, "%", "")


# --- the figures (docs/targets.md, "Fourteenth round" … "Nineteenth round") -----------------------------------

FIGURES = {  # complete targets: (precision, recall) after the seventeenth round
    evaluation.JUDGED: (1.0, 0.983),
    evaluation.JUDGED_2: (1.0, 0.986),
    evaluation.JUDGED_3: (1.0, 1.0),
    evaluation.JUDGED_4: (1.0, 0.971),
    evaluation.JUDGED_5: (1.0, 0.982),
    evaluation.JUDGED_6: (1.0, 1.0),
    evaluation.JUDGED_7: (1.0, 1.0),
    evaluation.JUDGED_8: (1.0, 0.983),
    evaluation.JUDGED_9: (0.991, 1.0),
    evaluation.JUDGED_10: (0.983, 0.974),
    evaluation.JUDGED_11: (1.0, 0.935),
    evaluation.JUDGED_12: (0.976, 0.952),
    evaluation.JUDGED_13: (0.955, 0.927),
    evaluation.JUDGED_14: (0.977, 0.933),
    evaluation.JUDGED_15: (0.984, 0.938),
    evaluation.JUDGED_16: (0.991, 0.95),
    evaluation.JUDGED_17: (0.945, 0.958),
    evaluation.JUDGED_18: (0.983, 0.915),
    evaluation.JUDGED_19: (0.991, 0.957),
    evaluation.JUDGED_20: (0.991, 0.883),
    evaluation.JUDGED_21: (0.974, 0.894),
    evaluation.JUDGED_22: (0.994, 0.981),
    evaluation.JUDGED_23: (0.99, 1.0),
    evaluation.JUDGED_24: (1.0, 0.969),
    evaluation.JUDGED_25: (0.966, 0.935),
    evaluation.JUDGED_26: (0.955, 0.865),
    evaluation.JUDGED_27: (0.897, 0.876),
    evaluation.JUDGED_28: (0.965, 0.897),
    evaluation.JUDGED_29: (0.944, 0.63),
    evaluation.JUDGED_30: (0.812, 0.54),
    evaluation.JUDGED_31: (1.0, 0.583),
    evaluation.JUDGED_32: (0.875, 0.5),
}


def scored(path):
    entries = evaluation.load_judged(path)
    return evaluation.evaluate(entries, evaluation.read_documents(entries, SHARED), find_targets,
                               evaluation.load_vocabulary())


def complete(result):
    return round(result["complete"]["precision"], 3), round(result["complete"]["recall"], 3)


@pytest.mark.parametrize("path", list(FIGURES), ids=lambda p: p.stem)
def test_each_tuned_set_scores_its_documented_figures(path):
    assert complete(scored(path)) == FIGURES[path]


@pytest.mark.parametrize("path, targets, figure", [(evaluation.HELDOUT, 67, (0.969, 0.925)),
                                                   (evaluation.HELDOUT_28, 109, (0.896, 0.789)),
                                                   (evaluation.HELDOUT_29, 112, (0.97, 0.866)),
                                                   (evaluation.HELDOUT_30, 161, (0.922, 0.807)),
                                                   (evaluation.HELDOUT_31, 91, (0.954, 0.901)),
                                                   (evaluation.HELDOUT_32, 107, (0.917, 0.925))],
                         ids=["heldout-27", "heldout-28", "heldout-29", "heldout-30", "heldout-31", "heldout-32"])
def test_the_heldout_sets_score_their_documented_figures(path, targets, figure):
    """heldout-27, -28 and -29 were judged blind while the eighteenth round wrote its rules, and scored after its last
    rule and with the reader it began from (the same figures); heldout-30, -31 and -32 while the nineteenth wrote its
    rules, and scored after its last rule and with the three last rounds' readers (heldout-30 lost one complete target to
    the eighteenth round; nothing else moved). Their errors were never listed. A change to the reader
    that moves a figure is to be documented, not tuned away. (The sets held out before them became judged-22 … judged-28
    when the eighteenth and nineteenth rounds wrote rules from their errors.)"""
    result = scored(path)
    assert result["counts"]["judged"] == targets
    assert complete(result) == figure


def test_the_heldout_national_documents_without_targets_give_nothing():
    """heldout-36 (eleven national documents, 392 sentences, 2 targets) was judged blind at the twenty-second round's start
    and scored with the twenty-first round's reader and after the twenty-second's last rule: nothing read, right or wrong,
    both times. (The
    sets of plans and national documents held out before it became judged-29 … judged-32.)"""
    result = scored(evaluation.HELDOUT_36)
    assert result["counts"]["judged"] == 2
    assert (result["counts"]["extracted"], result["complete"]["agree"]) == (0, 0)


@pytest.mark.parametrize("name, alone, sentences, figure", [("judged-16", {"judged": 2, "other": 2}, 272, (0.983, 0.975)),
                                                            ("judged-22", {"judged": 1, "other": 1}, 291, (1.0, 1.0)),
                                                            ("judged-23", {"judged": 0, "other": 1}, 228, (0.979, 0.979))])
def test_two_judges_reading_the_same_sentences_apart_agree_on_the_documented_figure(name, alone, sentences, figure):
    first, second = (evaluation.load_judged(path) for path in evaluation.AGREEMENT[name])
    result = evaluation.agreement_between(first, second, evaluation.load_vocabulary())
    assert result["judged_alone"] == alone
    assert result["counts"]["sentences"] == sentences
    assert complete(result) == figure
    assert complete(evaluation.agreement_between(first, first, evaluation.load_vocabulary())) == (1.0, 1.0)


def test_eval_targets_scores_a_second_judge_against_the_first():
    out = StringIO()
    first, second = evaluation.AGREEMENT["judged-16"]
    call_command("eval_targets", judged=first, against=second, stdout=out)
    lines = out.getvalue().splitlines()
    assert [line.split() for line in lines if line.startswith("complete")] == [["complete", "0.983", "0.975", "0.979", "115"]]
    assert lines[-1] == ("(the second judge's targets stand for the extracted; sentences judged by one only: "
                         "2 in --judged, 2 in --against)")
