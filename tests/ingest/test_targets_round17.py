"""The seventeenth round of target-reading rules, each on the real sentence it was written from: the errors of judged-20
(乐山, 宣城; heldout-17 until this round) and judged-21 (林芝, 广安; heldout-22 until this round). No rule and no sentence
here comes from heldout-16, -18, -19, -23, -24, -25 or -26. The figures are pinned in test_targets_round14.py."""

from tests.ingest.test_targets import REPORTS, city, in_sentence, targets_of
from tests.ingest.test_targets_round4 import figures


def read(name, words):
    return figures(in_sentence(targets_of(city(name)), words))


def test_a_sectors_investment_completed_is_work_done_and_its_growth_is_read():
    assert read("宣城", "完成公路水运投资106亿元") == []
    assert read("宣城", "完成水利投资42亿元") == []
    assert read("广安", "完成综合交通投资170亿元") == []
    assert ("交通投资增长", "outcome", "growth", 2023, 15.1, "%", "") in read("梧州", "交通投资")
    # (a level reached by a list of sectors stays: `交通、水利投资分别达到`, judged-4)


def test_projects_rates_name_no_target():
    assert read("宣城", "投资完成率126.2%、开工率105%、竣工率144.1%") == []
    assert read("宣城", "开工率98.2%、纳统率92.5%") == []
    # (a programme's own rate stays: `农村危房改造开工率达到100%`)
    assert any(f[0] == "农村危房改造开工率" for f in figures(
        in_sentence(targets_of(REPORTS / "provinces-2025" / "2025年江西省政府工作报告.docx"), "农村危房改造开工率")))


def test_visitors_products_and_homes():
    assert read("林芝", "累计接待国内外游客1317.7万人次") == [
        ("累计接待国内外游客", "outcome", "level", 2023, 1317.7, "万人次", ""), ("旅游收入", "outcome", "level", 2023, 116.67, "亿元", ""),
        ("累计接待国内外游客增长", "outcome", "growth", 2023, 100.3, "%", ""), ("旅游收入增长", "outcome", "growth", 2023, 106, "%", "")]
    assert read("林芝", "天然饮用水产销分别增长30%、25%") == [
        ("天然饮用水产量增长", "outcome", "growth", 2023, 30, "%", ""), ("天然饮用水销量增长", "outcome", "growth", 2023, 25, "%", "")]
    assert read("宣城", "力争接待游客数、旅游收入均增长16%") == [
        ("接待游客数增长", "target", "growth", 2024, 16, "%", "力争"), ("旅游收入增长", "target", "growth", 2024, 16, "%", "力争")]
    assert [f[0] for f in read("广安", "城乡居民可支配收入分别增长5％、7．4％")][-2:] == [
        "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]  # (an alias without 人均)


def test_shares_and_notes_in_names():
    assert ("出口绿茶总量占全省", "outcome", "share", 2023, 50, "%", "以上") in read("乐山", "出口绿茶总量占到全省50%以上")
    assert ("工业“五大产业”产值", "outcome", "level", 2023, 1800, "亿元", "超过") in read("乐山", "工业“五大产业”（5）产值超1800亿元")


def test_construction_land_is_no_work_and_government_investment_completed_is():
    assert read("宣城", "国控断面总体水质达标率、建设用地安全利用率保持100%")[-2:] == [
        ("国控断面总体水质达标率", "outcome", "share", 2023, 100, "%", ""), ("建设用地安全利用率", "outcome", "share", 2023, 100, "%", "")]
    assert read("林芝", "完成政府投资132亿元以上") == []
