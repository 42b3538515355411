import csv
import hashlib
import re
from pathlib import Path

import pytest

from documents import gazetteer
from documents.ingest.boilerplate import strip_boilerplate
from documents.ingest.office import docx_to_text
from documents.ingest.sections import find_sections
from documents.ingest.workreport import is_work_report, read_work_report, region_from_hint

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
WORKREPORTS = CORPUS / "workreports"
FOLDERS = ("provinces-2025", "provinces-2026", "cities-2024")
# The city files whose text is not the named city's: the State Council's 2024 report, three times.
STATE_COUNCIL_COPIES = {"台州.docx", "襄阳.docx", "贵阳.docx"}


def _text(path: Path) -> str:
    if path.suffix == ".docx":
        return docx_to_text(path.read_bytes(), path.name)[0]
    csv.field_size_limit(10**8)
    with open(path, encoding="utf-8-sig", newline="") as f:
        [row] = list(csv.DictReader(f))
    return row["full_text"]


@pytest.fixture(scope="module")
def texts() -> dict[str, dict[str, str]]:
    """Every file's text, read once: {folder: {file name: text}} (the 174 .docx take ~5 s)."""
    return {folder: {p.name: _text(p) for p in sorted((WORKREPORTS / folder).iterdir())} for folder in FOLDERS}


@pytest.fixture(scope="module")
def reports(texts):
    return {folder: {name: read_work_report(text, name) for name, text in files.items()}
            for folder, files in texts.items()}


def duplicate_groups(texts: dict[str, str]) -> list[list[str]]:
    """Names whose texts are the same once whitespace is ignored, groups of two or more."""
    groups: dict[str, list[str]] = {}
    for name, text in texts.items():
        groups.setdefault(hashlib.sha256(re.sub(r"\s+", "", text).encode()).hexdigest(), []).append(name)
    return sorted(sorted(names) for names in groups.values() if len(names) > 1)


def test_the_corpus_holds_205_reports(texts):
    assert {folder: len(files) for folder, files in texts.items()} == {
        "provinces-2025": 31, "provinces-2026": 31, "cities-2024": 143}


def test_every_real_report_is_recognised(reports):
    missed = [name for files in reports.values() for name, report in files.items() if report is None]
    assert missed == []


def test_other_corpus_documents_are_not_work_reports():
    laws = sorted((CORPUS / "lawrefbook").rglob("*.md"))[::20]
    others = laws + sorted((CORPUS / "policies" / "pkulaw").glob("*.txt"))
    assert len(others) > 140
    assert [p.name for p in others if is_work_report(p.read_text(encoding="utf-8", errors="replace"))] == []


def test_every_provincial_region_comes_from_the_text_and_matches_the_file_name(reports):
    for folder in ("provinces-2025", "provinces-2026"):
        agree = [name for name, r in reports[folder].items()
                 if r.region_source == "text" and r.region_code == region_from_hint(name).code]
        assert len(agree) == 31, folder
        assert all(gazetteer.get(r.region_code).level == "province" for r in reports[folder].values())


def test_city_regions_agree_with_file_names_except_the_state_council_copies(reports):
    cities = reports["cities-2024"]
    # 吉林.docx names 吉林省 as a hint but 吉林市 as a city's file: the short name is what it says
    agree = {name for name, r in cities.items() if r.region_code == region_from_hint(name).code
             or gazetteer.get(r.region_code).short_name == name.removesuffix(".docx")}
    assert len(agree) == 140
    assert set(cities) - agree == STATE_COUNCIL_COPIES
    for name in STATE_COUNCIL_COPIES:
        report = cities[name]
        assert (report.region_code, report.region_source, report.issuer) == ("000000", "text", "国务院")
        assert report.notes == [f"“{name}”与正文不符：正文是国务院的报告，按正文归档"]


def test_city_regions_come_from_the_text_not_the_file_name(reports):
    assert [name for name, r in reports["cities-2024"].items() if r.region_source != "text"] == []


def test_city_files_sharing_one_text_are_the_state_council_copies(texts):
    assert duplicate_groups(texts["cities-2024"]) == [sorted(STATE_COUNCIL_COPIES)]


def test_city_reports_are_2024_except_chizhou_which_is_2023(reports):
    years = {name: r.year for name, r in reports["cities-2024"].items()}
    assert {name for name, year in years.items() if year != 2024} == {"池州.docx"}
    assert years["池州.docx"] == 2023  # 一、2022年工作回顾: the 2023 report
    assert all(r.year_source == "text" for r in reports["cities-2024"].values())


def test_city_report_of_shenzhen_reads_its_body_and_year(reports):
    report = reports["cities-2024"]["深圳.docx"]
    assert (report.region_code, report.issuer, report.year, report.date_precision) == (
        "440300", "深圳市人民政府", 2024, "year")
    assert report.title == "2024年深圳市政府工作报告"


def test_county_level_bodies_keep_their_name_and_file_under_the_prefecture_or_province(reports):
    cities = reports["cities-2024"]
    assert (cities["恩施.docx"].issuer, cities["恩施.docx"].region_code) == ("恩施市人民政府", "422800")
    assert (cities["黄山.docx"].issuer, cities["黄山.docx"].region_code) == ("黄山区人民政府", "341000")
    assert (cities["天门.docx"].issuer, cities["天门.docx"].region_code) == ("天门市人民政府", "420000")
    assert (cities["锡林郭勒.docx"].issuer, cities["锡林郭勒.docx"].region_code) == ("锡林郭勒盟行政公署", "152500")
    assert all(cities[name].notes for name in ("恩施.docx", "黄山.docx", "天门.docx"))


def test_2025_provincial_reports_are_dated_by_their_session_line(reports):
    files = reports["provinces-2025"]
    assert {r.year for r in files.values()} == {2025}
    assert sum(r.date_precision == "day" for r in files.values()) == 31
    guangdong = files["2025年广东省政府工作报告.docx"]
    assert guangdong.date == (2025, 1, 15)
    assert (guangdong.issuer, guangdong.title, guangdong.speaker) == (
        "广东省人民政府", "2025年广东省政府工作报告", "广东省省长 王伟中")
    assert files["2025年新疆政府工作报告.docx"].issuer == "新疆维吾尔自治区人民政府"
    assert files["2025年上海市政府工作报告.docx"].speaker == "上海市市长 龚正"  # ----2025年1月15日龚正市长在…


def test_2026_provincial_reports_are_for_2026_with_session_days(reports):
    files = reports["provinces-2026"]
    assert {r.year for r in files.values()} == {2026}
    assert sum(r.date_precision == "day" for r in files.values()) == 31
    assert files["2026_甘肃省_政府工作报告.csv"].date == (2026, 1, 27)  # 二〇二六年一月二十七日
    assert files["2026_广东省_政府工作报告.csv"].date == (2026, 1, 26)  # the session line broken in two
    assert files["2026_北京市_政府工作报告.csv"].region_code == "110000"


def test_every_provincial_report_names_its_speaker(reports):
    speakers = [r.speaker for folder in ("provinces-2025", "provinces-2026") for r in reports[folder].values()]
    assert all(re.fullmatch(r"\S+(省长|市长|主席) \S{2,9}", s) for s in speakers), speakers


def test_reading_after_the_chrome_is_stripped_gives_the_same_report(texts, reports):
    for name, text in texts["provinces-2026"].items():
        clean = read_work_report(strip_boilerplate(text)[0], name)
        before = reports["provinces-2026"][name]
        assert (clean.region_code, clean.year, clean.date, clean.issuer) == (
            before.region_code, before.year, before.date, before.issuer), name


def test_real_report_structure_is_the_section_tree(texts):
    sections = find_sections(texts["provinces-2025"]["2025年广东省政府工作报告.docx"])
    top = [(s.number, s.heading) for s in sections if s.level == 1]
    assert top[:2] == [("一、", "2024年工作回顾"), ("二、", "2025年工作安排")]
    plan = [s.number for s in sections if s.level == 2 and sections[s.parent].heading == "2025年工作安排"]
    assert plan == [f"（{n}）" for n in "一二三四五六七八九十"] + ["（十一）", "（十二）"]
    assert [h for _, h in top[2:]] == ["2025年省十件民生实事", "名词解释"]  # 附件1, 附件2


def test_unnumbered_report_parts_are_the_top_of_the_tree(texts):
    sections = find_sections(texts["cities-2024"]["成都.docx"])
    assert [s.heading for s in sections if s.level == 1] == ["2023年工作回顾", "2024年工作安排建议", "全面加强政府自身建设"]
    assert all(s.level == 2 for s in sections if s.number.startswith("（"))


# Synthetic edge cases

SESSION_ONLY = (
    "政府工作报告\n——二〇二四年一月十六日在亳州市第五届人民代表大会第三次会议上\n市人民政府市长 秦凤玉\n"
    "各位代表：\n现在，我代表市人民政府向大会报告工作，请予审议。\n一、2023年工作回顾\n过去一年，我们砥砺前行。"
)


def test_chinese_numeral_session_date_is_a_day():
    report = read_work_report(SESSION_ONLY)
    assert (report.date, report.date_precision, report.year) == ((2024, 1, 16), "day", 2024)


def test_city_named_only_in_the_session_line_is_the_region():
    report = read_work_report(SESSION_ONLY, "三亚.docx")
    assert (report.region_code, report.region_source, report.issuer) == ("341600", "text", "亳州市人民政府")
    assert report.speaker == "亳州市市长 秦凤玉"
    assert report.title == "政府工作报告"
    assert report.notes == ["“三亚.docx”与正文不符：正文是亳州市的报告，按正文归档"]


def test_region_only_in_the_hint_is_noted():
    text = "各位代表：\n现在，我代表市人民政府向大会报告工作。\n一、2023年工作回顾\n二、2024年工作安排\n"
    report = read_work_report(text, "三亚.docx")
    assert (report.region_code, report.region_source, report.year, report.year_source) == ("460200", "hint", 2024, "text")
    assert report.title == "2024年三亚市政府工作报告"
    assert report.notes == ["正文未写明地区，地区取自“三亚.docx”：三亚市"]


def test_year_only_in_the_hint_is_noted():
    text = "各位代表：\n现在，我代表深圳市人民政府向大会报告工作，请予审议。"
    report = read_work_report(text, "2026_广东省_政府工作报告.csv")
    assert (report.region_code, report.year, report.year_source, report.date_precision) == ("440300", 2026, "hint", "year")
    assert report.notes[-1] == "正文未写明年份，年份取自“2026_广东省_政府工作报告.csv”：2026"


def test_time_line_dates_a_report_without_a_session_date():
    text = "2026年某省政府工作报告\n时间：2026-02-09\n各位代表：\n我代表海南省人民政府，向大会报告工作。\n一、2025年工作回顾"
    report = read_work_report(text)
    assert (report.date, report.date_precision, report.region_code) == ((2026, 2, 9), "day", "460000")


def test_spaced_session_line_and_plan_year():
    text = "——2025年 1月 14日在 青海省第十四届 人民代表大会第三次会议上\n各位代表：\n我代表省人民政府向大会报告工作。\n2025年工作安排"
    report = read_work_report(text)
    assert (report.date, report.region_code, report.issuer) == ((2025, 1, 14), "630000", "青海省人民政府")


def test_news_about_a_report_is_not_a_work_report():
    news = "本报讯 1月15日，市长在政府工作报告中提出，2024年要推动数字经济发展。"
    assert is_work_report(news) is False
    assert read_work_report(news, "三亚.docx") is None
    assert is_work_report(news, title="2024年三亚市政府工作报告") is True


def test_hints_name_regions_in_every_corpus_form():
    assert [region_from_hint(h).code for h in ("三亚.docx", "2026_上海市_政府工作报告.csv",
                                               "2025年广西政府工作报告.docx", "天门.docx", "宁夏回族自治区")] == [
        "460200", "310000", "450000", "420000", "640000"]
    assert region_from_hint("") is None
