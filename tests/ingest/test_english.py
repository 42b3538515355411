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


# --- titles stated below the opening, and English issuers mapped (issue 15's walk-through) ------------

def row_cells(rows, sheet, number):
    return next(r for r in rows if r[:2] == (sheet, number))


def test_a_covering_notice_gives_the_notice_title_when_the_english_title_is_that_notice(rows):
    _, _, issuer, title_en, text = row_cells(rows, CENTRAL, 40)
    found = english.stated_title(text, title_en=title_en)
    assert (found.title, found.rule) == ("工业和信息化部办公厅关于印发《中小企业数字化转型指南》的通知", "covering_notice")
    assert found.named == "中小企业数字化转型指南"


def test_a_covering_notice_gives_the_document_when_the_english_title_names_the_document(rows):
    # 现发布《…》。: the research team titled the row by the guide, not by the notice
    _, _, _, title_en, text = row_cells(rows, CENTRAL, 139)
    assert english.stated_title(text, title_en=title_en).title == "国家车联网产业标准体系建设指南（智能网联汽车）"


def test_joint_signers_of_a_covering_notice_stand_side_by_side_in_its_title(rows):
    _, _, _, title_en, text = row_cells(rows, CENTRAL, 155)
    assert english.stated_title(text, title_en=title_en).title == (
        "工业和信息化部 国家标准化管理委员会关于印发《国家智能制造标准体系建设指南（2015年版）》的通知")


def test_a_name_broken_over_four_pdf_lines_is_joined(rows):
    _, _, _, title_en, text = row_cells(rows, SHANDONG, 24)
    found = english.stated_title(text, title_en=title_en)
    assert found.named == "济南“鲲鹏+昇腾”生态创新中心、华为（济南）软件开发云创新中心、华为（济南）人工智能创新中心服务资源供给办法（V1.0）"
    assert found.title.startswith("济南市工业和信息化局关于印发《")


@pytest.mark.parametrize("sheet, number, title", [
    (CENTRAL, 87, "国家新一代人工智能标准体系建设指南"),  # …，制定《…》。
    (CENTRAL, 165, "国家人工智能产业综合标准化体系建设指南"),  # the same, over a line break
    (CENTRAL, 33, "智能汽车基础地图标准体系建设指南（2023版）"),  # 组织编制了《…》（以下简称《建设指南》）
    (CENTRAL, 138, "国家智能制造标准体系建设指南（2018年版）"),  # 形成了《…》（征求意见稿）。
])
def test_a_text_naming_itself_in_its_lead(rows, sheet, number, title):
    _, _, _, title_en, text = row_cells(rows, sheet, number)
    found = english.stated_title(text, title_en=title_en)
    assert (found.title, found.rule) == (title, "self_named")


def test_the_body_before_the_verb_issues_a_self_named_notice(rows):
    # 商务部办公厅近日印发了《…》（以下简称《指南》）: the general office, not the ministry
    _, _, _, title_en, text = row_cells(rows, CENTRAL, 74)
    assert english.stated_title(text, title_en=title_en).title == "商务部办公厅关于印发《智慧商店建设技术指南（试行）》的通知"


@pytest.mark.parametrize("sheet, number", [
    (CENTRAL, 58),  # 组织编制《智能建造试点实施方案》: what applicant cities must write, in section 三
    (CENTRAL, 143),  # a news report of a white paper's release
    (CENTRAL, 43),  # 《…实施方案》详见附件1: an attachment
    (CENTRAL, 44),  # the attached points below the reply's date
    (SHANDONG, 25),  # an interpretation: 印发了《…规划》（以下简称《规划》），现解读如下
    (SHANDONG, 9),  # a forwarding notice: the forwarded notice's title under 附件
    (CENTRAL, 3),  # 特制定本行动计划 names no title
])
def test_no_title_where_the_text_states_none(rows, sheet, number):
    _, _, _, title_en, text = row_cells(rows, sheet, number)
    assert english.stated_title(text, title_en=title_en) is None


def test_an_opening_title_is_found_first(rows):
    found = english.stated_title(row_text(rows, SHANDONG, 26))
    assert (found.title, found.rule) == ("加快数字化高质量发展打造数字先锋城市推进方案", "opening")


def test_the_vocabulary_knows_every_body_the_workbook_names_but_one(rows):
    unknown = {name for _, _, issuer, _, _ in rows for name in english.map_issuers(issuer).unknown}
    assert unknown == {"Jinan Bureau of Private Economy Development"}  # no such body found to map it to


@pytest.mark.parametrize("cell, names", [
    ("Ministry of Industry and Information Technology of the People's Republic of China", ["工业和信息化部"]),
    ("State Council", ["国务院"]),
    ("General Office of the State Council", ["国务院办公厅"]),
    ("National Development and Reform Commission, National Data Bureau", ["国家发展和改革委员会", "国家数据局"]),
    # an "and" between two bodies splits; the one inside a name does not
    ("Qingdao Department of Industry and Information Technology and Qingdao Finance Bureau",
     ["青岛市工业和信息化局", "青岛市财政局"]),
    ("Shandong Provincial Science and Technology Department, Shandong Provincial Department of Industry and "
     "Information Technology, and Shandong Provincial Big Data Bureau", ["山东省科学技术厅", "山东省工业和信息化厅", "山东省大数据局"]),
    ("Eight Departments including Shandong Provincial Department of Industry and Information Technology", ["山东省工业和信息化厅"]),
    ("Ministry of Industry and Information Technology, National Medical Products Administration (Changed)",
     ["工业和信息化部", "国家药品监督管理局"]),
    ("Jinan Housing and Urban - Rural Development Bureau", ["济南市住房和城乡建设局"]),
    ("General Office of the Ministry of Transport", ["交通运输部办公厅"]),  # X's 办公厅 where the file lists none
])
def test_english_issuers_map_to_the_chinese_names_of_the_bodies(cell, names):
    mapped = english.map_issuers(cell)
    assert mapped.names == names and mapped.unknown == []


def test_an_unknown_english_issuer_is_kept_as_written():
    mapped = english.map_issuers("Municipal Bureau of Commerce, State Council")
    assert mapped.names == ["Municipal Bureau of Commerce", "国务院"]
    assert mapped.unknown == ["Municipal Bureau of Commerce"]
    assert mapped.english["国务院"] == "State Council"


@pytest.mark.parametrize("name, body", [
    ("国家发展改革委", "国家发展和改革委员会"), ("中华人民共和国住房和城乡建设部", "住房和城乡建设部"),
    ("工业和信息化部", "工业和信息化部"), ("某某市商务局", "某某市商务局"),
])
def test_a_short_or_long_chinese_name_is_the_vocabularys_body(name, body):
    assert english.body_name(name) == body


def test_a_joint_signature_gives_every_signer(rows):
    assert english.chinese_signers(row_text(rows, CENTRAL, 12))[:2] == ["国家发展改革委", "国家数据局"]
