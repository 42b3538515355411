"""Reader for tabular files (CSV, .xlsx/.xlsm/.xls) that hold one policy per row (pure).

Two sources in ../shared/corpus use it: the 2026 provincial work reports (one CSV per province,
`province,year,title,source_url,publish_date,full_text`, a multi-line quoted full text) and the
research workbook `policies/spreadsheets/Policies Data.xlsx` (English headers, dates stored as
Excel serials, source `PKU Law Database` where there is no URL, texts cut at Excel's cell limit).

`read_rows` turns a file into `TableRow`s, which are what the archive keeps as a row's raw input
(`TableRow.to_bytes`). Columns are found per sheet by `map_columns` (header names in Chinese or
English, else the shape of the values); `row_fields` reads one row with that mapping.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from dataclasses import asdict, dataclass, field

from python_calamine import CalamineError, CalamineWorkbook

from .decode import decode
from .result import IngestError, QualityWarning, StageRecord
from .script import HAN_RE

CSV_SUFFIXES = (".csv",)
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls")
EXCEL_CELL_LIMIT = 32767  # characters an Excel cell holds; a longer text was cut on saving

# field → header names, compared after _header_key (case, spaces, _ and - ignored).
COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "title": ("标题", "名称", "政策标题", "文件名称", "title", "policy title", "name"),
    "text": ("正文", "全文", "内容", "政策内容", "full_text", "content", "text", "policy content", "body"),
    "date": ("日期", "发布日期", "成文日期", "发布时间", "发文日期", "date", "publish_date",
             "release date", "release time", "publication date"),
    "source_url": ("来源", "链接", "网址", "原文链接", "source", "source_url", "url", "link", "policy source"),
    "issuer": ("发布机构", "发文机关", "发文机构", "发布部门", "发文单位", "issuer", "issuing authority",
               "department", "release department", "policy release department"),
    "province": ("省份", "地区", "省", "province", "region"),
    "doc_number": ("文号", "发文字号", "发文文号", "doc_number", "document number"),
    "year": ("年份", "年度", "year"),
}
FIELDS = tuple(COLUMN_NAMES)
# A header that ends with one of these names the field too ("文件标题", "Policy Release Department").
COLUMN_SUFFIXES: dict[str, tuple[str, ...]] = {
    "title": ("标题", "名称", "title"),
    "text": ("正文", "全文", "内容", "content", "text"),
    "date": ("日期", "时间", "date", "time"),
    "source_url": ("来源", "链接", "source", "url", "link"),
    "issuer": ("机构", "机关", "部门", "单位", "issuer", "authority", "department"),
    "doc_number": ("文号", "字号"),
}
# Source cells that name a database instead of giving a URL.
SOURCE_SITES = {"pkulawdatabase": "北大法宝", "pkulaw": "北大法宝", "北大法宝": "北大法宝"}

_URL = re.compile(r"^https?://\S+$", re.I)
_SERIAL = re.compile(r"^(\d{5})(?:\.\d+)?$")
SERIAL_RANGE = (20000, 60000)  # 1954-10-03 … 2064-04-08: the dates a policy table can hold
_ISO_DAY = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_ISO_MONTH = re.compile(r"^(\d{4})[-/.](\d{1,2})$")
_YEAR = re.compile(r"^(\d{4})\s*年?$")
_CN_DATE = re.compile(r"^(\d{4})\s*年\s*(?:(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日)?)?$")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
# "Mostly" in the shape rules: this share of a column's non-empty values.
SHAPE_SHARE = 0.8


@dataclass
class TableRow:
    """One data row as read: `row` is the 1-based row number a spreadsheet shows (header = 1)."""

    sheet: str  # "" for CSV
    row: int
    header: list[str]  # as written; [] when the sheet has no header row
    cells: list[str]

    def to_bytes(self) -> bytes:
        """Compact UTF-8 JSON of sheet, row, header, cells: the row's raw input in the archive."""
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":")).encode("utf-8")

    @classmethod
    def from_bytes(cls, data: bytes | memoryview) -> TableRow:
        """The row `to_bytes` wrote (a database may hand back a memoryview); IngestError when the
        bytes are not such a row."""
        try:
            obj = json.loads(bytes(data).decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IngestError(f"表格行数据不是有效的 JSON：{exc}") from None
        if not isinstance(obj, dict) or set(obj) != {"sheet", "row", "header", "cells"}:
            raise IngestError("表格行数据应恰好包含 sheet、row、header、cells 四项")
        sheet, row, header, cells = obj["sheet"], obj["row"], obj["header"], obj["cells"]
        if not isinstance(sheet, str) or type(row) is not int or row < 1:
            raise IngestError("表格行数据的工作表名或行号无效")
        for name, values in (("header", header), ("cells", cells)):
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                raise IngestError(f"表格行数据的 {name} 应为字符串列表")
        return cls(sheet=sheet, row=row, header=header, cells=cells)


@dataclass
class RowFields:
    """What one row says; every str is "" when the row does not give it."""

    title: str = ""
    text: str = ""  # the cell verbatim
    date: str = ""  # as written
    source_url: str = ""
    source_site: str = ""  # a source cell that names a site or database instead of a URL
    issuer: str = ""
    province: str = ""
    doc_number: str = ""
    year: str = ""
    date_parts: tuple[int | None, int | None, int | None] = (None, None, None)
    date_precision: str = "unknown"
    warnings: list[QualityWarning] = field(default_factory=list)


def read_rows(data: bytes, filename: str) -> tuple[list[TableRow], StageRecord]:
    """Every non-blank data row of every sheet, in order, and a record of sheets, counts and columns.

    Raises IngestError (naming the file) for an unknown suffix, a corrupt or empty file, or a file
    with no data row at all. A sheet with only a header row contributes no rows.
    """
    suffix = "." + filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if suffix in CSV_SUFFIXES:
        sheets = [("", _csv_values(data, filename))]
    elif suffix in WORKBOOK_SUFFIXES:
        sheets = _workbook_values(data, filename)
    else:
        raise IngestError(f"文件 {filename} 不是表格文件（应为 .csv、.xlsx、.xlsm 或 .xls）")
    rows: list[TableRow] = []
    details = []
    for sheet, values in sheets:
        sheet_rows = _sheet_rows(sheet, values)
        header = sheet_rows[0].header if sheet_rows else _header_of(values)
        mapping = map_columns(header, sheet_rows)
        details.append({"sheet": sheet, "rows": len(sheet_rows), "header": header,
                        "columns": mapping})
        rows.extend(sheet_rows)
    if not rows:
        raise IngestError(f"文件 {filename} 没有数据行")
    summary = f"{len(rows)} rows in {len(sheets)} sheet(s): " + "; ".join(
        f"{d['sheet'] or 'csv'} {d['rows']} rows, columns " +
        (", ".join(f"{name}={index}" for name, index in d["columns"].items()) or "none")
        for d in details)
    return rows, StageRecord(stage="table", summary=summary, details=details)


def map_columns(header: list[str], rows: list[TableRow]) -> dict[str, int]:
    """Field name → 0-based column index for one sheet.

    Header names decide first (exact, then by ending); fields still missing are found among the
    other columns by the shape of the rows' values: the longest mostly-Han column is the text,
    Excel serials or ISO/Chinese dates the date, http(s) URLs (in at least half the rows) the source,
    the longest short line the title.
    Pass all rows of a sheet: the shape rules judge whole columns.
    """
    mapping: dict[str, int] = {}
    keys = [_header_key(h) for h in header]
    for names, match in ((COLUMN_NAMES, lambda key, name: key == name),
                         (COLUMN_SUFFIXES, lambda key, name: key.endswith(name))):
        for fieldname, aliases in names.items():
            if fieldname in mapping:
                continue
            wanted = {_header_key(a) for a in aliases}
            for index, key in enumerate(keys):
                if key and index not in mapping.values() and any(match(key, name) for name in wanted):
                    mapping[fieldname] = index
                    break
    width = max([len(header)] + [len(r.cells) for r in rows])
    free = [i for i in range(width) if i not in mapping.values()]
    columns = {i: [r.cells[i].strip() for r in rows if i < len(r.cells) and r.cells[i].strip()] for i in free}
    columns = {i: values for i, values in columns.items() if values}
    for fieldname, test in (("source_url", _is_url_column), ("date", _is_date_column),
                            ("text", _is_text_column), ("title", _is_title_column)):
        if fieldname in mapping:
            continue
        candidates = [i for i, values in columns.items() if i not in mapping.values() and test(values)]
        if candidates:
            # the longest column on average: the text among Han columns, the title among short lines
            mapping[fieldname] = max(candidates, key=lambda i: (_mean_length(columns[i]), -i))
    return {name: mapping[name] for name in FIELDS if name in mapping}


def row_fields(row: TableRow, mapping: dict[str, int] | None = None) -> RowFields:
    """The fields of one row. Without a mapping the row's own header and values decide
    (`map_columns(row.header, [row])`), which for a headerless sheet judges shape on this row alone."""
    if mapping is None:
        mapping = map_columns(row.header, [row])
    cell = {name: row.cells[i] if i < len(row.cells) else "" for name, i in mapping.items()}
    fields = RowFields(
        title=cell.get("title", "").strip(),
        text=cell.get("text", ""),
        date=cell.get("date", "").strip(),
        issuer=cell.get("issuer", "").strip(),
        province=cell.get("province", "").strip(),
        doc_number=cell.get("doc_number", "").strip(),
        year=cell.get("year", "").strip(),
    )
    source = cell.get("source_url", "").strip()
    if _URL.match(source):
        fields.source_url = source
    elif source:
        fields.source_site = SOURCE_SITES.get(_header_key(source), source)
    if fields.date:
        fields.date_parts, fields.date_precision = parse_date(fields.date)
        if fields.date_precision == "unknown":
            fields.warnings.append(QualityWarning(
                kind="date_unknown", message=f"日期“{fields.date}”无法识别", context=fields.date))
    # Excel counts UTF-16 code units; a non-BMP character counts twice there.
    if EXCEL_CELL_LIMIT in (len(fields.text), len(fields.text.encode("utf-16-le")) // 2):
        fields.warnings.append(QualityWarning(
            kind="cell_truncated",
            message=f"正文恰好 {len(fields.text)} 个字符（Excel 单元格上限），可能被截断",
            position=len(fields.text), context=fields.text[-20:]))
    return fields


def sheet_fields(rows: list[TableRow]) -> list[RowFields]:
    """`row_fields` for every row, each sheet's columns mapped once over all of its rows."""
    mappings: dict[str, dict[str, int]] = {}
    for sheet in dict.fromkeys(r.sheet for r in rows):
        sheet_rows = [r for r in rows if r.sheet == sheet]
        mappings[sheet] = map_columns(sheet_rows[0].header, sheet_rows)
    return [row_fields(r, mappings[r.sheet]) for r in rows]


def excel_serial_to_date(value: str | int | float) -> datetime.date:
    """The day an Excel serial names in the 1900 date system (41507 → 2013-08-21); a time part is
    dropped. Raises IngestError for what is not a serial, and for 60, Excel's nonexistent 1900-02-29."""
    try:
        serial = float(value)
    except (TypeError, ValueError):
        raise IngestError(f"“{value}”不是 Excel 日期序号") from None
    if not 1 <= serial < 2958466:  # 2958465 is 9999-12-31
        raise IngestError(f"“{value}”超出 Excel 日期序号范围")
    day = int(serial)
    if day == 60:
        raise IngestError("Excel 日期序号 60 对应不存在的 1900-02-29")
    # Excel treats 1900 as a leap year, so serials after 60 are one day ahead of a plain count.
    return datetime.date(1899, 12, 31 if day < 60 else 30) + datetime.timedelta(days=day)


def parse_date(value: str) -> tuple[tuple[int | None, int | None, int | None], str]:
    """(year, month, day) and precision ("day"/"month"/"year"/"unknown") of a date cell:
    an Excel serial, `2026-02-09` (with or without a time), `2026/2/9`, `2026年2月9日`, `2026-02`, `2026`."""
    value = value.strip()
    serial = _SERIAL.match(value)
    if serial and SERIAL_RANGE[0] <= int(serial.group(1)) <= SERIAL_RANGE[1]:
        day = excel_serial_to_date(value)
        return (day.year, day.month, day.day), "day"
    if m := _ISO_DAY.match(value):
        parts = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    elif m := _CN_DATE.match(value):
        parts = tuple(int(g) if g else None for g in m.groups())
    elif m := _ISO_MONTH.match(value):
        parts = (int(m.group(1)), int(m.group(2)), None)
    elif m := _YEAR.match(value):
        parts = (int(m.group(1)), None, None)
    else:
        return (None, None, None), "unknown"
    year, month, day = parts
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return (None, None, None), "unknown"
    if not 1900 <= year <= 2100:
        return (None, None, None), "unknown"
    return parts, "day" if day else "month" if month else "year"


def _csv_values(data: bytes, filename: str) -> list[list[str]]:
    text, _encoding, _record = decode(data, filename)
    # full texts run past the csv module's default 128 KiB field limit
    csv.field_size_limit(max(csv.field_size_limit(), 2**31 - 1))
    try:
        return list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise IngestError(f"文件 {filename} 不是有效的 CSV：{exc}") from None


def _workbook_values(data: bytes, filename: str) -> list[tuple[str, list[list[str]]]]:
    if not data.strip():
        raise IngestError(f"文件 {filename} 为空")
    try:
        workbook = CalamineWorkbook.from_filelike(io.BytesIO(data))
        # skip_empty_area=False keeps leading blank rows, so indices are the spreadsheet's rows
        return [(name, [[_cell_str(v) for v in values]
                        for values in workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)])
                for name in workbook.sheet_names]
    except CalamineError as exc:
        raise IngestError(f"文件 {filename} 无法作为 Excel 工作簿读取（文件损坏或格式不对）：{exc}") from None


def _cell_str(value) -> str:
    """A calamine value as text: integral numbers without ".0", dates and times as ISO."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    return str(value)


def _sheet_rows(sheet: str, values: list[list[str]]) -> list[TableRow]:
    numbered = [(n, cells) for n, cells in enumerate(values, start=1) if any(c.strip() for c in cells)]
    if not numbered:
        return []
    header: list[str] = []
    if _is_header(numbered[0][1]):
        header = numbered[0][1]
        numbered = numbered[1:]
    return [TableRow(sheet=sheet, row=n, header=list(header), cells=list(cells)) for n, cells in numbered]


def _header_of(values: list[list[str]]) -> list[str]:
    first = next((cells for cells in values if any(c.strip() for c in cells)), [])
    return first if first and _is_header(first) else []


def _is_header(cells: list[str]) -> bool:
    """A header names a known column, or is all short labels (no URL, date, number or long text)."""
    keys = [_header_key(c) for c in cells]
    known = {_header_key(a) for aliases in COLUMN_NAMES.values() for a in aliases}
    if any(key in known for key in keys):
        return True
    filled = [c.strip() for c in cells if c.strip()]
    return all(len(c) <= 30 and "\n" not in c and not _URL.match(c) and not _NUMBER.match(c)
               and parse_date(c)[1] == "unknown" for c in filled)


def _header_key(name: str) -> str:
    return re.sub(r"[\s_\-:：\ufeff]+", "", name).casefold()


def _share(values: list[str], test) -> float:
    return sum(1 for v in values if test(v)) / len(values)


def _mean_length(values: list[str]) -> float:
    return sum(len(v) for v in values) / len(values)


def _han_share(value: str) -> float:
    chars = [ch for ch in value if not ch.isspace()]
    return sum(1 for ch in chars if HAN_RE.match(ch)) / len(chars) if chars else 0.0


def _is_url_column(values: list[str]) -> bool:
    # half, not "mostly": rows without a URL name their database instead (`PKU Law Database`)
    return (_share(values, lambda v: bool(_URL.match(v))) >= 0.5
            and all(len(v) <= 2000 and "\n" not in v for v in values))


def _is_date_column(values: list[str]) -> bool:
    return _share(values, lambda v: parse_date(v)[1] != "unknown" and not _YEAR.match(v)) >= SHAPE_SHARE


def _is_text_column(values: list[str]) -> bool:
    # a body is longer than a title line; 50 characters keeps titles out
    return _mean_length(values) >= 50 and _share(values, lambda v: _han_share(v) >= 0.5) >= SHAPE_SHARE


def _is_title_column(values: list[str]) -> bool:
    def short_line(v: str) -> bool:
        return (2 <= len(v) <= 200 and "\n" not in v and not _URL.match(v) and not _NUMBER.match(v)
                and parse_date(v)[1] == "unknown")
    return _share(values, short_line) >= SHAPE_SHARE
