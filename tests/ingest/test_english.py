import csv
import io
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from documents.gazetteer import NATIONAL_CODE
from documents.ingest import english

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
WORKBOOK = CORPUS / "policies" / "spreadsheets" / "Policies Data.xlsx"
# Every row of the workbook judged by reading its Chinese text: region, and the title it opens with.
JUDGED = Path(__file__).resolve().parent / "data" / "spreadsheet_judged.csv"
CENTRAL, SHANDONG = "Central Policies Table", "ShanDong Policies Table"


@pytest.fixture(scope="module")
def rows():
    """(sheet, row number, issuer_en, title_en, text) for every data row of the workbook."""
    book = CalamineWorkbook.from_filelike(io.BytesIO(WORKBOOK.read_bytes()))
    found = []
    for sheet in book.sheet_names:
        for number, cells in enumerate(book.get_sheet_by_name(sheet).to_python()[1:], start=2):
            found.append((sheet, number, str(cells[3]), str(cells[4]), str(cells[5])))
    return found


@pytest.fixture(scope="module")
def judged():
    with open(JUDGED, encoding="utf-8", newline="") as f:
        return {(r["sheet"], int(r["row"])): r for r in csv.DictReader(f)}


def precision_recall(pairs):
    """(got, expected) pairs, either may be empty: precision over answers, recall over expected."""
    answered = [(g, e) for g, e in pairs if g]
    correct = sum(1 for g, e in answered if g == e)
    expected = sum(1 for _, e in pairs if e)
    return correct / len(answered), correct / expected


# --- on the real workbook --------------------------------------------------------------------

def test_judged_table_covers_every_row_of_both_sheets(rows, judged):
    assert {(sheet, number) for sheet, number, *_ in rows} == set(judged)
    assert sum(1 for sheet, *_ in rows if sheet == CENTRAL) == 166
    assert sum(1 for sheet, *_ in rows if sheet == SHANDONG) == 55


def test_issuer_region_with_text_fallback_against_the_judged_rows(rows, judged):
    pairs = [(english.region_code(issuer, text), judged[(sheet, number)]["region_code"])
             for sheet, number, issuer, _, text in rows]
    precision, recall = precision_recall(pairs)
    assert precision == 1.0 and recall >= 0.99  # 220 of 221; the one left says no more than
    # "Degree Management and Graduate Education Department" and its text is not signed.


def test_english_title_settles_the_row_whose_issuer_names_no_ministry(rows, judged):
    pairs = [(english.region_code(issuer, text, title), judged[(sheet, number)]["region_code"])
             for sheet, number, issuer, title, text in rows]
    assert precision_recall(pairs) == (1.0, 1.0)


def test_chinese_title_against_the_judged_rows(rows, judged):
    pairs = [(english.chinese_title(text) or "", judged[(sheet, number)]["chinese_title"])
             for sheet, number, _, _, text in rows]
    precision, recall = precision_recall(pairs)
    assert sum(1 for _, e in pairs if e) == 35
    assert precision >= 0.97 and recall >= 0.97


def test_rows_of_the_shandong_sheet_from_national_bodies(rows, judged):
    national = {number for sheet, number, issuer, _, text in rows
                if sheet == SHANDONG and english.region_code(issuer, text) == NATIONAL_CODE}
    expected = {number for (sheet, number), r in judged.items()
                if sheet == SHANDONG and r["region_code"] == NATIONAL_CODE}
    assert national == expected == {27, 34}  # 中国证监会's fund approval; MIIT's 石化 guide


def test_shandong_body_in_the_central_sheet_is_found(rows):
    row = next(r for r in rows if r[:2] == (CENTRAL, 167))
    assert english.issuer_region(row[2]) == "370000"


def row_text(rows, sheet, number):
    return next(r[4] for r in rows if r[:2] == (sheet, number))


def test_title_of_the_jinan_digital_pioneer_city_plan(rows):
    text = row_text(rows, SHANDONG, 26)
    assert english.chinese_title(text) == "加快数字化高质量发展打造数字先锋城市推进方案"


def test_title_below_a_red_header_runs_over_two_lines(rows):
    # JNCR record code, three issuers, 文号 and 文件 stand above it.
    assert english.chinese_title(row_text(rows, SHANDONG, 33)) == (
        "关于印发《济南市智能网联汽车道路测试与示范应用管理办法（试行）》的通知")


@pytest.mark.parametrize(
    "sheet, number, issuer",
    [
        (CENTRAL, 12, "国家发展改革委"),  # first of four signatures above the date
        (CENTRAL, 37, "商务部"),  # 商务部关于公布…的通知
        (CENTRAL, 88, "中华人民共和国住房和城乡建设部"),  # first of thirteen signatures
        (CENTRAL, 139, "工业和信息化部"),  # 工业和信息化部  国家标准化管理委员会 on one line
        (SHANDONG, 7, "山东省人民政府办公厅"),  # print line: …办公厅2019年3月15日印发
        (SHANDONG, 27, "中国证券监督管理委员会"),
        (SHANDONG, 33, "济南市工业和信息化局"),
    ],
)
def test_chinese_issuer_of_real_rows(rows, sheet, number, issuer):
    assert english.chinese_issuer(row_text(rows, sheet, number)) == issuer


def test_chinese_issuer_is_none_for_an_unsigned_text(rows):
    assert english.chinese_issuer(row_text(rows, CENTRAL, 2)) is None


# --- synthetic edge cases --------------------------------------------------------------------

@pytest.mark.parametrize(
    "text, expected",
    [("State Council", True), ("Qingdao 青岛", True), ("国务院", False), ("国务院 AI", False),
     ("2024-05-14", False), ("", False)],
)
def test_is_english(text, expected):
    assert english.is_english(text) is expected


@pytest.mark.parametrize(
    "raw, alias",
    [
        ("  Jinan Housing and Urban - Rural Development Bureau. ",
         "Jinan Housing and Urban-Rural Development Bureau"),
        ("People’s Bank of China", "People's Bank of China"),
        ("State\u00a0Council\n", "State Council"),
        ("Three - Year", "Three-Year"),
    ],
)
def test_issuer_alias_cleans_spacing_and_trailing_dots(raw, alias):
    assert english.issuer_alias(raw) == alias


@pytest.mark.parametrize(
    "issuer, code",
    [
        ("State Council", NATIONAL_CODE),
        ("General Office of the State Council", NATIONAL_CODE),
        ("Ministry of Industry and Information Technology", NATIONAL_CODE),
        ("National Development and Reform Commission, National Data Bureau", NATIONAL_CODE),
        ("Cyberspace Administration of China", NATIONAL_CODE),
        ("Central Committee of the Communist Party", NATIONAL_CODE),
        ("National Data Administration", NATIONAL_CODE),
        ("People's Bank of China", NATIONAL_CODE),
        ("Supreme People's Court", NATIONAL_CODE),
        ("State Post Bureau", NATIONAL_CODE),
        ("Qingdao Municipal People's Government", "370200"),
        ("General Office of the Jinan Municipal People's Government", "370100"),
        ("Eight Departments including Shandong Provincial Department of Industry", "370000"),
        ("Jinan Department of Industry and Information Technology, Ministry of Industry", "370100"),
        ("Shanghai Municipal Commission of Economy and Informatization", "310000"),
        ("Degree Management and Graduate Education Department", None),
        ("Municipal Bureau of Commerce", None),
        ("", None),
    ],
)
def test_issuer_region(issuer, code):
    assert english.issuer_region(issuer) == code


@pytest.mark.parametrize(
    "text, title",
    [
        ("山东省“十四五”科技创新规划\n为深入实施科教强鲁战略，制定本规划。", "山东省“十四五”科技创新规划"),
        # A title over two lines, a version line and a date under it; spaces of a PDF export.
        ("石化行业智能制造标准体系\n建设指南\n（2022 版）\n2022 年 5 月\n一、总体要求", "石化行业智能制造标准体系建设指南（2022版）"),
        # 文号 under the title is not part of it.
        ("教育部关于实施试点工作的通知\n（教师函〔2021〕13号）\n各省、自治区：", "教育部关于实施试点工作的通知"),
        # 附件, a date and a 文号 above it are skipped.
        ("附件2\n2023年11月\n鲁政办字〔2023〕5号\n山东省数据开放实施细则\n第一章 总则", "山东省数据开放实施细则"),
        # A comma inside quotes belongs to the quoted name.
        ("民政部对“关于应对老龄社会，强化关爱的建议”的答复\n民函〔2021〕742号", "民政部对“关于应对老龄社会，强化关爱的建议”的答复"),
        ("2021年揭榜挂帅申报指南--人工智能医疗器械方向\n一、范围", "2021年揭榜挂帅申报指南--人工智能医疗器械方向"),
        # The title runs into the first sentence.
        ("智能航运发展指导意见为认真贯彻党的十九大精神，制定本意见。", "智能航运发展指导意见"),
    ],
)
def test_chinese_title(text, title):
    assert english.chinese_title(text) == title


@pytest.mark.parametrize(
    "text",
    [
        "为贯彻落实党的十八大精神，现就开展试点工作提出以下意见：\n一、总体要求",
        "各省、自治区、直辖市人民政府：\n关于加快发展的通知",
        "第一章　总则\n第一条　为规范管理，制定本办法。",
        "一、总体要求\n（一）指导思想",
        # A prose line broken by the export: no type word closes it.
        "持续推进数字技术适老化是践行积极应对人口老龄化\n战略的重要举措，也是内在要求。",
        "摘 要\n为贯彻落实要求，本文件给出方法。",
        "",
    ],
)
def test_chinese_title_is_none_when_the_text_opens_with_prose(text):
    assert english.chinese_title(text) is None


def test_chinese_issuer_from_the_signature_block():
    text = "为推进建设，提出以下意见。\n一、总体要求\n加强组织领导。\n国家发展改革委\n国 家 数 据 局\n2024年5月14日\n（此件主动公开）"
    assert english.chinese_issuer(text) == "国家发展改革委"


def test_chinese_issuer_from_the_title():
    assert english.chinese_issuer("商务部关于公布首批智慧商圈名单的通知\n各省：\n现予公布。") == "商务部"


def test_chinese_issuer_ignores_an_org_name_inside_prose():
    text = "为推进建设，提出以下意见。\n山东省人民政府\n近日，山东省人民政府印发通知，要求各地落实。"
    assert english.chinese_issuer(text) is None


def test_region_code_falls_back_to_the_chinese_signature():
    text = "为推进建设，提出以下意见。\n山东省人民政府办公厅\n2024年5月14日"
    assert english.region_code("Degree Office", text) == "370000"
    assert english.region_code("Qingdao Education Bureau", text) == "370200"
