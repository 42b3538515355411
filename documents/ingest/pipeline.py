"""Compose the ingestion stages: bytes or pasted text in, IngestResult out. Pure: no Django, no DB."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePath

from documents.chinese import to_simplified

from . import english, mojibake, tabular, workreport
from .annotations import remove_annotations
from .boilerplate import strip_boilerplate
from .decode import decode
from .docnumber import find_effective_date, normalise_doc_number, takes_effect_on_issue
from .html import PageMetadata, html_to_text
from .metadata import Metadata, extract_metadata, find_policy_type
from .office import docx_to_text, pdf_to_text
from .pagination import join_pages, unwrap_lines
from .pkulaw import is_pkulaw, read_pkulaw
from .result import POLICY_TYPES, IngestError, IngestResult, QualityWarning, StageRecord
from .script import HAN_RE, normalise_script
from .sections import find_sections

TEXT_SUFFIXES = {"", ".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
OFFICE_SUFFIXES = {".docx": docx_to_text, ".pdf": pdf_to_text}  # text layer read first, then the usual stages
MIN_BODY_HAN = 10  # fewer Han characters than this after cleaning: nothing but page furniture
_ORDER_NUMBER = re.compile(r"^(.+?(?:人民政府|委员会))令第\d+号$")
_DATE_LINE = re.compile(r"^[\s\u3000]*(\d{4})年(\d{1,2})月(\d{1,2})日[\s\u3000]*$", re.M)
TABLE_SUFFIXES = {".csv", ".xlsx", ".xlsm", ".xls"}  # one document per row
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | OFFICE_SUFFIXES.keys() | TABLE_SUFFIXES | {".md", ".json"}


@dataclass(frozen=True)
class Part:
    """One document of an input file: the whole file, or one row of a table."""

    data: bytes  # kept verbatim by the import record: the file's bytes, or the row's cells as read
    filename: str
    sheet: str = ""
    row: int | None = None  # 1-based row number of a table row; None for a whole file

    @property
    def location(self) -> str:
        return self.filename if self.row is None else f"{self.filename}#{self.sheet + '!' if self.sheet else ''}{self.row}"


def split_input(data: bytes, filename: str) -> list[Part]:
    """The documents a file holds: a table's rows, else the file itself. Raises IngestError."""
    if PurePath(filename).suffix.lower() not in TABLE_SUFFIXES:
        return [Part(data, filename)]
    rows, _ = tabular.read_rows(data, filename)
    return [Part(row.to_bytes(), filename, row.sheet, row.row) for row in rows]


def ingest_part(part: Part) -> IngestResult:
    """The pipeline on one document of a file (what split_input gave, or an import record's bytes)."""
    if part.row is None:
        return ingest_bytes(part.data, part.filename)
    return ingest_row(tabular.TableRow.from_bytes(part.data), part.filename)


def ingest_bytes(data: bytes, filename: str) -> IngestResult:
    """Ingest an uploaded file; the extension picks the reader. Raises IngestError on bad input."""
    suffix = PurePath(filename).suffix.lower()
    if suffix not in SUFFIXES:
        raise IngestError(f"文件 {filename} 的类型 {suffix} 不受支持（可用 .txt、.html、.md、.json、.docx、.pdf、.csv、.xlsx、.xls）")
    if suffix in TABLE_SUFFIXES:
        parts = split_input(data, filename)
        if len(parts) != 1:
            raise IngestError(f"表格 {filename} 有 {len(parts)} 行，每行是一份文件：请逐行导入（split_input）")
        return ingest_part(parts[0])
    if suffix in OFFICE_SUFFIXES:
        if not data.strip():
            raise IngestError(f"文件 {filename} 为空")
        text, record = OFFICE_SUFFIXES[suffix](data, filename)
        return clean_and_extract(text, filename, suffix[1:], [record])
    text, encoding, decoded = decode(data, filename)
    if suffix == ".md":
        from .markdown import read_markdown  # the corpus reader; imported late, it is optional here

        result = read_markdown(text, filename, encoding)
        result.stages.insert(0, decoded)
        return result
    if suffix == ".json":
        return _ingest_json(text, filename, encoding, decoded)
    if suffix in HTML_SUFFIXES:
        body, page, record = html_to_text(text, filename)
        return clean_and_extract(text, filename, encoding, [decoded, record], body=body, page=page)
    if is_pkulaw(text):
        return _ingest_pkulaw(text, filename, encoding, decoded)
    return clean_and_extract(text, filename, encoding, [decoded])


def _ingest_pkulaw(raw: str, filename: str, encoding: str, decoded: StageRecord) -> IngestResult:
    """A pkulaw export's header gives citation code, source, title and 文号; the body is cleaned as usual."""
    document = read_pkulaw(raw)
    record = StageRecord(stage="pkulaw", summary=f"pkulaw export {document.citation_code}",
                         details=[{"header_lines": document.header_lines}])
    result = clean_and_extract(raw, filename, encoding, [decoded, record], body=document.body)
    result.citation_code = document.citation_code
    result.source_url = document.source_url or result.source_url
    result.source_site = result.source_site or "北大法宝"
    if document.title:
        result.title = document.title
        result.warnings = [w for w in result.warnings if w.kind != "no_title"]
        result.policy_type = find_policy_type(to_simplified(document.title), result.simplified_text)
    result.doc_number = document.doc_number or result.doc_number
    order = _ORDER_NUMBER.match(result.doc_number)
    if order and not result.issuers:  # 上海市人民政府令第19号: an order is its government's
        result.issuers = [order.group(1)]
        result.warnings = [w for w in result.warnings if w.kind != "no_issuer"]
    signed = _DATE_LINE.search(document.body[:3000])
    if signed:  # the export's own date line (under the signature), not the meeting date the preamble cites
        result.date_year, result.date_month, result.date_day = map(int, signed.groups())
        result.date_precision = "day"
    return result


def ingest_row(row: tabular.TableRow, filename: str) -> IngestResult:
    """One row of a table: its text through the usual stages, then the columns fill what the text does not
    say. An English title or issuer (a translated spreadsheet) is kept as English, never taken for Chinese."""
    fields = tabular.row_fields(row)
    where = f"{filename} 第 {row.row} 行" + (f"（{row.sheet}）" if row.sheet else "")
    if len(HAN_RE.findall(fields.text)) < MIN_BODY_HAN:
        raise IngestError(f"{where}没有中文正文")
    given = {name: value for name, value in vars(fields).items() if isinstance(value, str) and value}
    record = StageRecord(stage="table_row", summary=f"{where}: columns {', '.join(given)}",
                         details=[{"sheet": row.sheet, "row": row.row, **{k: v for k, v in given.items() if k != "text"}}])
    hint = " ".join(filter(None, [fields.province, row.sheet, filename]))
    result = clean_and_extract(fields.text, filename, "table", [record], hint=hint)
    result.warnings += fields.warnings
    _apply_row_fields(result, fields, row)
    return result


def _apply_row_fields(result: IngestResult, fields, row) -> None:
    """Columns fill what the text leaves open; a work report's own reading (region, date) stands."""
    report = result.policy_type == "政府工作报告"
    issuers_en = _english_issuers(result, fields)  # first: a covering notice's title names its issuer
    if fields.title and english.is_english(fields.title):
        result.title_en = fields.title
        stated = english.stated_title(result.clean_text, title_en=fields.title,
                                      issuer=result.issuers[0] if result.issuers else "")
        own = stated.title if stated else None
        if stated:
            result.title = own
            result.stages.append(StageRecord(stage="english", summary=f"Chinese title from the text ({stated.rule})",
                                             details=[{"rule": stated.rule, "title": own, "named": stated.named,
                                                       "title_en": fields.title}]))
        elif not result.title or not report:
            result.title = fields.title
            result.warnings.append(QualityWarning(
                kind="title_english", message="正文开头没有中文标题，暂以英文标题代替，请核对并填写中文标题"))
        if not report:  # the type word of the Chinese title, else of the English one, else the text's guess
            result.policy_type = (find_policy_type(to_simplified(own), result.simplified_text) if own
                                  else english.policy_type(fields.title) or result.policy_type)
    elif fields.title:
        # A report's own title line, unless it is the bare 政府工作报告 and the column names year and region.
        keep_own = report and result.title and result.title != "政府工作报告"
        result.title = result.title if keep_own else fields.title
    result.warnings = [w for w in result.warnings if not (w.kind == "no_title" and result.title)]
    if not issuers_en and fields.issuer and fields.issuer not in result.issuers:
        result.issuers.insert(0, fields.issuer)
    if result.issuers:
        result.warnings = [w for w in result.warnings if w.kind != "no_issuer"]
    if not report:
        code = english.issuer_region(fields.issuer) if issuers_en else None
        # The issuer the row names decides (a national body in the Shandong sheet is national);
        # the text's own mention of a region only where the issuer says nothing.
        result.region_code = code or result.region_code or _hint_region(fields.province or row.sheet, result)
        if fields.date_precision != "unknown":
            year, month, day = fields.date_parts
            result.date_year, result.date_month, result.date_day = year, month, day
            result.date_precision = fields.date_precision
            result.warnings = [w for w in result.warnings if not w.kind.startswith("date_")]
    if result.region_code:
        result.warnings = [w for w in result.warnings if w.kind != "no_region"]
    result.source_url = fields.source_url or result.source_url
    result.source_site = fields.source_site or result.source_site
    result.doc_number = normalise_doc_number(fields.doc_number) if fields.doc_number else result.doc_number


MAX_ROW_ISSUERS = 20  # the longest joint cell of the workbook names 13 bodies


def _english_issuers(result: IngestResult, fields) -> bool:
    """An English issuer cell read through the vocabulary (fixtures/issuers-en.csv) into result.issuers;
    False when the cell is not English. The text's own issuer (its signature or header) comes first and
    decides where it differs from the cell; a name the vocabulary lacks is kept in English, with a warning."""
    if not (fields.issuer and english.is_english(fields.issuer)):
        return False
    mapped = english.map_issuers(fields.issuer)
    own = english.chinese_issuer(result.clean_text)
    own = english.body_name(own) if own else None
    names = list(mapped.names)
    if own:
        # 工业和信息化部办公厅 signed what the cell calls the ministry's: one body, named as signed
        same = [n for n in names if n == own or own.startswith(n) or n.startswith(own)]
        names = [own] + [n for n in names if n not in same] if same else [own]
        if not same:
            result.warnings.append(QualityWarning(
                kind="issuer_english_differs",
                message=f"正文落款为{own}，与表格的英文发布机构“{english.issuer_alias(fields.issuer)}”不同，以正文为准"))
    result.issuers = names[:MAX_ROW_ISSUERS]
    first = result.issuers[0] if result.issuers else ""
    result.issuer_en = mapped.english.get(first, "") or (english.issuer_alias(fields.issuer) if not own else "")
    for name in mapped.unknown:
        result.warnings.append(QualityWarning(
            kind="issuer_english", message=f"英文发布机构“{name}”不在机构对照表中，暂按英文原样保存，请核对中文名称",
            context=name))
    result.stages.append(StageRecord(
        stage="english_issuers", summary=f"{len(mapped.names) - len(mapped.unknown)} of {len(mapped.names)} English issuer(s) mapped"
        + (f"; the text names {own}" if own else ""),
        details=[{"english": mapped.english[n], "name": n, "mapped": n not in mapped.unknown} for n in mapped.names]))
    return True


def _hint_region(hint: str, result: IngestResult) -> str | None:
    """A sheet's or column's region, used only when neither the issuer nor the text names one, and said so."""
    from documents import gazetteer

    entry = (gazetteer.lookup_region(hint) or gazetteer.lookup_english(hint)) if hint else None
    if entry is None:
        return None
    result.warnings.append(QualityWarning(kind="region_from_hint",
                                          message=f"正文未写明地区，按表格的“{hint}”归入{entry.name}"))
    return entry.code


def ingest_text(text: str, filename: str = "pasted.txt") -> IngestResult:
    """Ingest text a curator pasted; the same stages as a .txt upload."""
    cleaned = text.lstrip("\ufeff").replace("\x00", "")
    if not cleaned.strip():
        raise IngestError(f"{filename} 为空")
    record = StageRecord(stage="decode", summary="pasted text, no decoding needed",
                         details=[{"nul_bytes_removed": text.count("\x00")}])
    return clean_and_extract(text, filename, "utf_8", [record])


def clean_and_extract(raw: str, filename: str, encoding: str, stages: list[StageRecord], *,
                      body: str | None = None, page: PageMetadata | None = None, hint: str = "") -> IngestResult:
    """Run the text stages on body (default: raw) and build the result; raw_text stays verbatim.
    hint (default: the file name) names a region or year the text may be silent about."""
    text = body if body is not None else raw
    text = text.replace("\x00", "").lstrip("\ufeff")
    text, record = mojibake.repair(text)  # before annotations: a repair can expose one (關(guān))
    stages.append(record)
    text, record = remove_annotations(text)
    stages.append(record)
    text, furniture = strip_boilerplate(text)
    stages.append(furniture)
    paged = any(line["rule"] == "sharing_banner" for line in furniture.details)
    text, record = join_pages(text, paged=paged)
    stages.append(record)
    text, record = unwrap_lines(text)
    stages.append(record)
    if len(HAN_RE.findall(text)) < MIN_BODY_HAN:
        raise IngestError(f"文件 {filename} 只有导航、页眉页脚等网页模板内容，没有正文")
    warnings, record = mojibake.detect(text)
    stages.append(record)
    sections = find_sections(text)
    stages.append(StageRecord(
        stage="sections", summary=f"found {len(sections)} sections",
        details=[{"number": s.number, "level": s.level, "anchor": s.anchor} for s in sections],
    ))
    meta, record = extract_metadata(text, furniture.details)
    stages.append(record)
    if page:
        _apply_page_metadata(meta, page)
    _effective_date(meta, text)
    report = workreport.read_work_report(text, hint or filename)
    if report is not None:
        _apply_work_report(meta, report)
        stages.append(StageRecord(stage="work_report", summary=f"{report.title}: region from {report.region_source}, "
                                  f"year from {report.year_source}", details=[report.__dict__]))
    script, simplified, record = normalise_script(text)
    stages.append(record)
    return IngestResult(
        filename=filename, raw_text=raw, encoding=encoding, clean_text=text,
        simplified_text=simplified, script=script, **meta.policy_fields(), sections=sections,
        warnings=warnings + meta.warnings, stages=stages,
    )


def _effective_date(meta: Metadata, text: str) -> None:
    found = find_effective_date(text)
    if found:
        meta.effective_date = "%04d-%02d-%02d" % found
    elif takes_effect_on_issue(text) and meta.date_precision == "day" and meta.date_year:
        meta.effective_date = "%04d-%02d-%02d" % (meta.date_year, meta.date_month, meta.date_day)


def _apply_work_report(meta: Metadata, report: workreport.WorkReport) -> None:
    """A work report is issued by its region's government and dated by its session (else its year)."""
    meta.policy_type = "政府工作报告"
    meta.title = report.title or meta.title
    meta.issuers = [report.issuer] if report.issuer else meta.issuers
    meta.region_code = report.region_code or meta.region_code
    meta.effective_date = ""
    if report.date and report.date_precision != "unknown":
        year, month, day = report.date
        meta.date_year, meta.date_month, meta.date_day = year, month, day
        meta.date_precision = report.date_precision
    drop = {"no_title", "no_region", "no_issuer", "date_unknown", "date_year_unknown"}
    meta.warnings = [w for w in meta.warnings if w.kind not in drop or (w.kind == "no_region" and not meta.region_code)]
    meta.warnings += [QualityWarning(kind="work_report_hint", message=note) for note in report.notes]


def _apply_page_metadata(meta: Metadata, page: PageMetadata) -> None:
    """The page's <title> and date fill what the text itself does not say."""
    if page.title and not meta.title:
        meta.title = page.title
        meta.warnings = [w for w in meta.warnings if w.kind != "no_title"]
    if page.date and meta.date_precision == "unknown":
        _set_date(meta, page.date)
    meta.source_site = meta.source_site or page.site
    meta.source_url = meta.source_url or page.url


def _set_date(meta: Metadata, value: str) -> bool:
    """Set an ISO date, year-month or year; False if value is none of those."""
    match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value.strip())
    if not match:
        return False
    year, month, day = (int(g) if g else None for g in match.groups())
    meta.date_year, meta.date_month, meta.date_day = year, month, day
    meta.date_precision = "day" if day else "month" if month else "year"
    meta.warnings = [w for w in meta.warnings if not w.kind.startswith("date_")]
    return True


def _ingest_json(raw: str, filename: str, encoding: str, decoded: StageRecord) -> IngestResult:
    """A JSON record gives its fields directly; its text still goes through the cleaning stages."""
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        raise IngestError(f"文件 {filename} 不是有效的 JSON：{error}") from error
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise IngestError(f"文件 {filename} 缺少 text 字段（正文）")
    result = clean_and_extract(raw, filename, encoding, [decoded], body=record["text"])
    given = _apply_json_fields(result, record)
    result.stages.append(StageRecord(stage="json_fields", summary=f"fields given: {', '.join(given)}",
                                     details=[{k: record[k] for k in given}]))
    return result


def _apply_json_fields(result: IngestResult, record: dict) -> list[str]:
    from documents import gazetteer

    given = []
    for name in ("title", "doc_number", "source_site", "source_url"):
        if isinstance(record.get(name), str) and record[name].strip():
            setattr(result, name, record[name].strip())
            given.append(name)
    result.doc_number = normalise_doc_number(result.doc_number) if result.doc_number else ""
    issuers = record.get("issuers")
    if isinstance(issuers, str):
        issuers = [issuers]
    if isinstance(issuers, list) and issuers:
        result.issuers = [str(i).strip() for i in issuers if str(i).strip()]
        given.append("issuers")
    if record.get("policy_type"):
        if record["policy_type"] in POLICY_TYPES:
            result.policy_type = record["policy_type"]
            given.append("policy_type")
        else:
            result.warnings.append(QualityWarning(
                kind="bad_field", message=f"未知的政策类型“{record['policy_type']}”，已改用自动识别的类型"))
    if record.get("region"):
        value = str(record["region"]).strip()
        entry = gazetteer.get(value) if value.isdigit() else gazetteer.lookup_region(value)
        if entry:
            result.region_code = entry.code
            given.append("region")
        else:
            result.warnings.append(QualityWarning(kind="bad_field", message=f"未知的地区“{value}”"))
    if record.get("date"):
        meta = Metadata(warnings=result.warnings)
        if _set_date(meta, str(record["date"])):
            result.date_year, result.date_month, result.date_day = meta.date_year, meta.date_month, meta.date_day
            result.date_precision = meta.date_precision
            result.warnings = meta.warnings
            given.append("date")
        else:
            result.warnings.append(QualityWarning(kind="bad_field", message=f"无法识别的日期“{record['date']}”"))
    if "title" in given:
        result.warnings = [w for w in result.warnings if w.kind != "no_title"]
    if "issuers" in given:
        result.warnings = [w for w in result.warnings if w.kind != "no_issuer"]
    if "region" in given:
        result.warnings = [w for w in result.warnings if w.kind != "no_region"]
    return given
