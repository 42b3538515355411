"""The tabular reader, on the 2026 work-report CSVs and the research workbook of ../shared/corpus."""

import datetime
import io
import struct
import zipfile
from dataclasses import replace
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from documents.ingest.result import IngestError
from documents.ingest.tabular import (
    TableRow,
    excel_serial_to_date,
    map_columns,
    parse_date,
    read_rows,
    row_fields,
    sheet_fields,
)

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
REPORTS_2026 = CORPUS / "workreports" / "provinces-2026"
WORKBOOK = CORPUS / "policies" / "spreadsheets" / "Policies Data.xlsx"
CENTRAL, SHANDONG = "Central Policies Table", "ShanDong Policies Table"
REPORT_HEADER = ["province", "year", "title", "source_url", "publish_date", "full_text"]
WORKBOOK_COLUMNS = {"title": 4, "text": 5, "date": 1, "source_url": 2, "issuer": 3}


@pytest.fixture(scope="module")
def workbook():
    return read_rows(WORKBOOK.read_bytes(), WORKBOOK.name)


@pytest.fixture(scope="module")
def workbook_fields(workbook):
    rows, _record = workbook
    return {(r.sheet, r.row): (r, f) for r, f in zip(rows, sheet_fields(rows))}


# --- the 31 provincial CSVs -------------------------------------------------------------------

def test_every_2026_report_csv_reads_to_one_row_with_its_columns():
    paths = sorted(REPORTS_2026.glob("*.csv"))
    assert len(paths) == 31
    with_chrome = 0
    for path in paths:
        rows, record = read_rows(path.read_bytes(), path.name)
        assert len(rows) == 1, path.name
        [row] = rows
        assert (row.sheet, row.row, row.header) == ("", 2, REPORT_HEADER)  # the BOM is not in the header
        assert record.details[0]["columns"] == {
            "title": 2, "text": 5, "date": 4, "source_url": 3, "province": 0, "year": 1}
        fields = row_fields(row)
        assert fields.province == path.name.split("_")[1]
        assert fields.year == "2026"
        assert "政府工作报告" in fields.title
        assert fields.date_precision == "day" and fields.date_parts[0] == 2026, fields.date
        assert fields.date_parts[1] in (1, 2)
        assert fields.source_url.startswith("http")
        assert len(fields.text) > 9000 and "\n" in fields.text  # the quoted multi-line text, whole
        assert fields.warnings == []
        with_chrome += fields.text.startswith("下载\n打印\n全屏\n收藏")
    assert with_chrome == 23  # the other 8 open with a breadcrumb (您的位置) or the title


def test_shanghai_report_fields():
    path = REPORTS_2026 / "2026_上海市_政府工作报告.csv"
    [row], _record = read_rows(path.read_bytes(), path.name)
    fields = row_fields(row)
    assert (fields.title, fields.date, fields.date_parts) == ("2026年上海市政府工作报告", "2026-02-09", (2026, 2, 9))
    assert fields.text.startswith("下载\n打印\n全屏\n收藏\n【字号：")


# --- the research workbook ----------------------------------------------------------------------

def test_workbook_sheets_hold_166_and_55_rows(workbook):
    rows, record = workbook
    assert [(d["sheet"], d["rows"]) for d in record.details] == [(CENTRAL, 166), (SHANDONG, 55)]
    assert record.stage == "table"
    assert [r.row for r in rows if r.sheet == CENTRAL] == list(range(2, 168))
    assert [r.cells[0] for r in rows if r.sheet == SHANDONG] == [str(n) for n in range(1, 56)]  # "1", not "1.0"


def test_workbook_english_headers_are_mapped(workbook):
    rows, record = workbook
    assert [d["columns"] for d in record.details] == [WORKBOOK_COLUMNS, WORKBOOK_COLUMNS]
    assert rows[0].header == ["No.", "Release Time", "Policy Source", "Release Department", "Policy Title",
                              "Policy Content"]
    assert rows[-1].header[3] == "Policy Release Department"


def test_workbook_serial_dates_become_days(workbook_fields):
    # sheet1.xml stores B2 as <v>41507</v>, and B26 as <v>45122.04</v> (a time of day too)
    first, fields = workbook_fields[(CENTRAL, 2)]
    assert first.cells[1] == "2013-08-21"
    assert (fields.date_parts, fields.date_precision) == ((2013, 8, 21), "day")
    assert fields.title == "Guiding Opinions on the Development of Smart Forestry in China"
    assert fields.issuer == "State Forestry Administration"  # the cell has a leading space
    with_time, fields = workbook_fields[(CENTRAL, 26)]
    assert with_time.cells[1] == "2023-07-15 00:57:36"
    assert fields.date_parts == (2023, 7, 15)
    assert all(f.date_precision == "day" for _r, f in workbook_fields.values())
    assert all(2013 <= f.date_parts[0] <= 2024 for _r, f in workbook_fields.values())


def test_the_three_texts_at_the_cell_limit_are_warned(workbook_fields):
    warned = {key: f.warnings for key, (_r, f) in workbook_fields.items() if f.warnings}
    assert set(warned) == {(CENTRAL, 160), (SHANDONG, 3), (SHANDONG, 21)}
    for [warning] in warned.values():
        assert warning.kind == "cell_truncated"
        assert warning.position == 32767
        assert warning.message == "正文恰好 32767 个字符（Excel 单元格上限），可能被截断"
    assert len(workbook_fields[(CENTRAL, 26)][1].text) == 32524  # long, but under the limit


def test_pku_law_database_is_a_source_site_not_a_url(workbook_fields):
    fields = [f for _r, f in workbook_fields.values()]
    assert sum(f.source_site == "北大法宝" for f in fields) == 95
    assert all(bool(f.source_url) != bool(f.source_site) for f in fields)
    assert all(f.source_url.startswith(("http://", "https://")) for f in fields if f.source_url)


def test_the_workbook_without_its_header_is_mapped_by_shape(workbook):
    rows, _record = workbook
    for sheet in (CENTRAL, SHANDONG):
        headerless = [replace(r, header=[]) for r in rows if r.sheet == sheet]
        # the issuer is a short English line like the title: shape cannot tell it apart
        assert map_columns([], headerless) == {"title": 4, "text": 5, "date": 1, "source_url": 2}


# --- synthetic CSVs -----------------------------------------------------------------------------

BODY_A = "为贯彻落实国家数字经济发展战略，加快推进数字产业化和产业数字化，现提出如下意见。" * 3
BODY_B = "一、总体要求\n坚持以习近平新时代中国特色社会主义思想为指导，推动数据要素市场化配置改革。" * 3


def _csv(text: str, encoding: str = "utf-8") -> bytes:
    return text.encode(encoding)


def test_a_headerless_csv_is_mapped_by_shape():
    data = _csv(
        f'1,45336,https://www.gov.cn/a.html,关于加快数字经济发展的意见,"{BODY_A}"\n'
        f'2,45337,http://www.sd.gov.cn/b.html,山东省数据条例,"{BODY_B}"\n')
    rows, record = read_rows(data, "list.csv")
    assert [(r.row, r.header) for r in rows] == [(1, []), (2, [])]
    mapping = record.details[0]["columns"]
    assert mapping == {"title": 3, "text": 4, "date": 1, "source_url": 2}
    first, second = sheet_fields(rows)
    assert (first.title, first.date_parts, first.source_url) == (
        "关于加快数字经济发展的意见", (2024, 2, 14), "https://www.gov.cn/a.html")
    assert second.text == BODY_B  # the quoted multi-line cell, verbatim
    assert first.warnings == []


def test_a_csv_with_chinese_headers_in_gb18030():
    data = _csv(
        "标题,发布日期,正文,链接,发文机关,文号,省份,年份\n"
        f'关于数据要素的通知,2024年3月5日,"{BODY_A}",https://x.gov.cn/1.html,山东省人民政府,鲁政发〔2024〕3号,山东省,2024\n'
        f'数字政府规划,2024年3月,"{BODY_B}",北大法宝,山东省大数据局,,山东,\n', "gb18030")
    rows, record = read_rows(data, "政策.csv")
    assert record.details[0]["columns"] == {"title": 0, "text": 2, "date": 1, "source_url": 3, "issuer": 4,
                                           "province": 6, "doc_number": 5, "year": 7}
    first, second = sheet_fields(rows)
    assert (first.title, first.date, first.date_parts, first.date_precision) == (
        "关于数据要素的通知", "2024年3月5日", (2024, 3, 5), "day")
    assert (first.issuer, first.doc_number, first.province, first.year) == (
        "山东省人民政府", "鲁政发〔2024〕3号", "山东省", "2024")
    assert (second.date_parts, second.date_precision) == ((2024, 3, None), "month")
    assert (second.source_url, second.source_site, second.doc_number, second.year) == ("", "北大法宝", "", "")


def test_headers_match_whatever_the_case_spacing_or_ending():
    header = ["Policy  TITLE", "Full Text", " Release_Date ", "文件标题", "Issuing Authority", "发布部门"]
    assert map_columns(header, []) == {"title": 0, "text": 1, "date": 2, "issuer": 4}
    # a header that only ends with a known name
    assert map_columns(["文件标题", "发文日期", "主办部门"], []) == {"title": 0, "date": 1, "issuer": 2}


def test_a_column_with_an_unknown_header_is_mapped_by_shape():
    data = _csv(f'标题,备注,说明\n数据条例,https://a.gov.cn/1,"{BODY_A}"\n数据办法,https://a.gov.cn/2,"{BODY_B}"\n')
    rows, record = read_rows(data, "x.csv")
    assert record.details[0]["columns"] == {"title": 0, "text": 2, "source_url": 1}
    assert [r.header for r in rows] == [["标题", "备注", "说明"]] * 2


def test_blank_rows_are_skipped_and_rows_keep_the_spreadsheet_numbering():
    data = _csv(f'title,text\n\n"多行\n标题","{BODY_A}"\n,\n第二份,"{BODY_B}"\n')
    rows, _record = read_rows(data, "x.csv")
    # records, not lines: the blank line is row 2, the quoted title spans two lines but is row 3
    assert [(r.row, r.cells[0]) for r in rows] == [(3, "多行\n标题"), (5, "第二份")]


def test_row_fields_without_a_mapping_reads_the_rows_own_header():
    row = TableRow(sheet="", row=2, header=["日期", "标题"], cells=["2026/2/9", "某某通知"])
    fields = row_fields(row)
    assert (fields.title, fields.date_parts, fields.date_precision) == ("某某通知", (2026, 2, 9), "day")


def test_an_unreadable_date_is_warned():
    row = TableRow(sheet="", row=2, header=["date", "title"], cells=["二月上旬", "某通知"])
    fields = row_fields(row)
    assert fields.date_precision == "unknown"
    assert [w.kind for w in fields.warnings] == ["date_unknown"]


def test_only_a_text_of_exactly_32767_characters_is_warned():
    def warnings(length):
        return row_fields(TableRow("", 2, ["title", "text"], ["某通知", "数" * length])).warnings
    assert [w.position for w in warnings(32767)] == [32767]
    assert warnings(32766) == [] and warnings(32768) == []


# --- dates --------------------------------------------------------------------------------------

@pytest.mark.parametrize("value, day", [
    (41507, datetime.date(2013, 8, 21)),
    ("41507.0", datetime.date(2013, 8, 21)),
    (45122.04, datetime.date(2023, 7, 15)),
    (1, datetime.date(1900, 1, 1)),
    (59, datetime.date(1900, 2, 28)),
    (61, datetime.date(1900, 3, 1)),  # after Excel's phantom 1900-02-29
])
def test_excel_serial_to_date(value, day):
    assert excel_serial_to_date(value) == day


@pytest.mark.parametrize("value", ["abc", "", 0, -3, 60])
def test_excel_serial_to_date_refuses_what_is_not_a_day(value):
    with pytest.raises(IngestError):
        excel_serial_to_date(value)


@pytest.mark.parametrize("value, parts, precision", [
    ("2026-02-09", (2026, 2, 9), "day"),
    ("2026/2/9", (2026, 2, 9), "day"),
    ("2026年2月9日", (2026, 2, 9), "day"),
    ("2026 年 2 月", (2026, 2, None), "month"),
    ("2026-02", (2026, 2, None), "month"),
    ("2026", (2026, None, None), "year"),
    ("2026年", (2026, None, None), "year"),
    ("41507", (2013, 8, 21), "day"),
    ("2023-07-15 00:57:36", (2023, 7, 15), "day"),
    ("2026-02-30", (None, None, None), "unknown"),
    ("12345", (None, None, None), "unknown"),  # a 5-digit number outside the serial range
    ("不详", (None, None, None), "unknown"),
])
def test_parse_date(value, parts, precision):
    assert parse_date(value) == (parts, precision)


# --- raw bytes, refusals, determinism ------------------------------------------------------------

def test_to_bytes_round_trips(workbook):
    rows, _record = workbook
    for row in rows:
        assert TableRow.from_bytes(row.to_bytes()) == row
    assert TableRow.from_bytes(memoryview(rows[0].to_bytes())) == rows[0]
    data = rows[0].to_bytes()
    assert data.startswith(b'{"sheet":"Central Policies Table","row":2,"header":["No.",')
    assert "第一章".encode() in data  # compact JSON keeps Chinese as UTF-8, not \u escapes


@pytest.mark.parametrize("data", [
    b"", b"\xff\xfe", b"not json", b"[]", b'{"sheet":"","row":2,"header":[]}',
    b'{"sheet":"","row":0,"header":[],"cells":[]}', b'{"sheet":"","row":2,"header":[],"cells":[1]}',
    b'{"sheet":"","row":"2","header":[],"cells":[]}',
])
def test_from_bytes_refuses_what_to_bytes_did_not_write(data):
    with pytest.raises(IngestError) as error:
        TableRow.from_bytes(data)
    assert "表格行数据" in str(error.value)


@pytest.mark.parametrize("data, name", [
    (WORKBOOK.read_bytes()[:20000], "Policies Data.xlsx"),  # cut short
    (b"PK\x03\x04 not really a zip", "x.xlsx"),
    (b"", "x.xlsx"),
    (b"", "empty.csv"),
    (b"\xef\xbb\xbf\r\n", "bom-only.csv"),
    (b"title,text\r\n", "header-only.csv"),
    (b"a,b", "x.ods"),
])
def test_unreadable_or_empty_files_are_refused_naming_the_file(data, name):
    with pytest.raises(IngestError) as error:
        read_rows(data, name)
    assert name in str(error.value)


def test_same_bytes_give_identical_rows():
    data = WORKBOOK.read_bytes()
    (rows_a, record_a), (rows_b, record_b) = read_rows(data, WORKBOOK.name), read_rows(data, WORKBOOK.name)
    assert [r.to_bytes() for r in rows_a] == [r.to_bytes() for r in rows_b]
    assert record_a == record_b
    assert sheet_fields(rows_a) == sheet_fields(rows_b)


# --- synthetic workbooks: .xlsx written with zipfile, .xls (BIFF8) written with struct ----------

def _xlsx(sheets: dict[str, list[list]]) -> bytes:
    """A minimal .xlsx: inline strings and plain numbers, one worksheet part per sheet."""
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rels = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"'
    office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    ct = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    def cell(ref, v):
        if isinstance(v, (int, float)):
            return f'<c r="{ref}"><v>{v}</v></c>'
        return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(v)}</t></is></c>'

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            f'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{ct}.sheet.main+xml"/>'
            + "".join(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{ct}.worksheet+xml"/>'
                      for i in range(1, len(sheets) + 1)) + "</Types>"))
        z.writestr("_rels/.rels", f'<Relationships {rels}><Relationship Id="rId1" '
                   f'Type="{office}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="{office}"><sheets>' + "".join(
            f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>' for i, name in enumerate(sheets, 1))
            + "</sheets></workbook>")
        z.writestr("xl/_rels/workbook.xml.rels", f"<Relationships {rels}>" + "".join(
            f'<Relationship Id="rId{i}" Type="{office}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, len(sheets) + 1)) + "</Relationships>")
        for i, values in enumerate(sheets.values(), 1):
            xml_rows = "".join(
                f'<row r="{r}">' + "".join(cell(f"{'ABCDEFGH'[c]}{r}", v) for c, v in enumerate(cells) if v != "")
                + "</row>" for r, cells in enumerate(values, 1) if any(v != "" for v in cells))
            z.writestr(f"xl/worksheets/sheet{i}.xml", f"<worksheet {ns}><sheetData>{xml_rows}</sheetData></worksheet>")
    return buf.getvalue()


def _record(typ: int, data: bytes) -> bytes:
    return struct.pack("<HH", typ, len(data)) + data


def _xls(sheets: dict[str, list[list]]) -> bytes:
    """A minimal BIFF8 .xls in a version-3 compound file: LABEL and NUMBER cells; a datetime.date is
    written as its serial with XF 1 (built-in format 14, a date), as Excel stores dates."""
    def bof(kind):
        return _record(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 0x06))

    bodies = []
    for values in sheets.values():
        body = bof(0x0010)
        for r, cells in enumerate(values):
            for c, v in enumerate(cells):
                if isinstance(v, datetime.date):
                    body += _record(0x0203, struct.pack("<HHHd", r, c, 1, (v - datetime.date(1899, 12, 30)).days))
                elif isinstance(v, (int, float)):
                    body += _record(0x0203, struct.pack("<HHHd", r, c, 0, v))
                elif v:
                    body += _record(0x0204, struct.pack("<HHHHB", r, c, 0, len(v), 1) + v.encode("utf-16-le"))
        bodies.append(body + _record(0x000A, b""))

    def workbook_globals(positions):
        g = bof(0x0005) + _record(0x0042, struct.pack("<H", 1200))  # code page: UTF-16
        g += _record(0x00E0, struct.pack("<HH16x", 0, 0)) + _record(0x00E0, struct.pack("<HH16x", 0, 14))
        for name, pos in zip(sheets, positions):
            g += _record(0x0085, struct.pack("<IBBBB", pos, 0, 0, len(name), 1) + name.encode("utf-16-le"))
        return g + _record(0x000A, b"")

    positions, offset = [], len(workbook_globals([0] * len(sheets)))
    for body in bodies:
        positions.append(offset)
        offset += len(body)
    stream = workbook_globals(positions) + b"".join(bodies)
    # streams under 4096 bytes would belong in the mini stream; padding keeps one sector chain
    stream = stream.ljust(max(4096, -(-len(stream) // 512) * 512), b"\0")
    sectors = len(stream) // 512
    end, free, fat_sector, none = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD, 0xFFFFFFFF
    fat = [fat_sector, end] + list(range(3, sectors + 2)) + [end]  # sector 0 FAT, 1 directory, 2… stream
    fat += [free] * (128 - len(fat))
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(16)
              + struct.pack("<HHHHH6xIIIIIIIII", 0x3E, 3, 0xFFFE, 9, 6, 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)

    def entry(name, kind, child, start, size):
        raw = (name + "\0").encode("utf-16-le") if name else b""
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, none, none, child)
                + bytes(36) + struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, end, 0) + entry("Workbook", 2, none, 2, len(stream))
                 + entry("", 0, none, 0, 0) * 2)
    return header + struct.pack("<128I", *fat) + directory + stream


def test_an_xlsx_with_several_sheets_blank_rows_and_a_header_only_sheet():
    data = _xlsx({
        "数据": [[], ["标题", "日期", "正文"], [], ["关于X的通知", 41507, BODY_A], ["关于Y的意见", 45336, BODY_B]],
        "空表": [["标题", "日期"]],
        "Sheet3": [],
    })
    rows, record = read_rows(data, "t.xlsx")
    assert [(r.sheet, r.row) for r in rows] == [("数据", 4), ("数据", 5)]  # row 1 blank, row 2 the header
    assert [(d["sheet"], d["rows"]) for d in record.details] == [("数据", 2), ("空表", 0), ("Sheet3", 0)]
    assert rows[0].cells[1] == "41507"  # no date format: the serial as written
    assert [f.date_parts for f in sheet_fields(rows)] == [(2013, 8, 21), (2024, 2, 14)]


def test_a_workbook_of_header_only_sheets_is_refused():
    with pytest.raises(IngestError, match="没有数据行"):
        read_rows(_xlsx({"空表": [["标题", "日期"]]}), "空.xlsx")


def test_an_xls_is_read_like_an_xlsx():
    data = _xls({
        "政策": [["标题", "日期", "来源", "正文"],
                 ["关于X的通知", datetime.date(2013, 8, 21), "PKU Law Database", BODY_A],
                 [],
                 ["关于Y的意见", 45336, "https://www.gov.cn/y.html", BODY_B]],
        "说明": [["title"]],
    })
    assert data.startswith(b"\xd0\xcf\x11\xe0")
    rows, record = read_rows(data, "政策.xls")
    assert [(r.sheet, r.row) for r in rows] == [("政策", 2), ("政策", 4)]
    assert rows[0].cells[:3] == ["关于X的通知", "2013-08-21", "PKU Law Database"]  # a date cell, as ISO
    assert rows[1].cells[1] == "45336"
    first, second = sheet_fields(rows)
    assert (first.date_parts, first.source_site, first.text) == ((2013, 8, 21), "北大法宝", BODY_A)
    assert (second.date_parts, second.source_url) == ((2024, 2, 14), "https://www.gov.cn/y.html")
    assert [(d["sheet"], d["rows"]) for d in record.details] == [("政策", 2), ("说明", 0)]
