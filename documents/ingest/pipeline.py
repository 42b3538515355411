"""Compose the ingestion stages: bytes or pasted text in, IngestResult out. Pure: no Django, no DB."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import PurePath

from . import mojibake
from .annotations import remove_annotations
from .boilerplate import strip_boilerplate
from .decode import decode
from .html import PageMetadata, html_to_text
from .metadata import Metadata, extract_metadata
from .office import docx_to_text, pdf_to_text
from .pagination import join_pages
from .result import POLICY_TYPES, IngestError, IngestResult, QualityWarning, StageRecord
from .script import HAN_RE, normalise_script
from .sections import find_sections

TEXT_SUFFIXES = {"", ".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm"}
OFFICE_SUFFIXES = {".docx": docx_to_text, ".pdf": pdf_to_text}  # text layer read first, then the usual stages
MIN_BODY_HAN = 10  # fewer Han characters than this after cleaning: nothing but page furniture
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
    from . import tabular

    rows, _ = tabular.read_rows(data, filename)
    return [Part(row.to_bytes(), filename, row.sheet, row.row) for row in rows]


def ingest_part(part: Part) -> IngestResult:
    """The pipeline on one document of a file (what split_input gave, or an import record's bytes)."""
    if part.row is None:
        return ingest_bytes(part.data, part.filename)
    from . import tabular

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
    return clean_and_extract(text, filename, encoding, [decoded])


def ingest_text(text: str, filename: str = "pasted.txt") -> IngestResult:
    """Ingest text a curator pasted; the same stages as a .txt upload."""
    cleaned = text.lstrip("\ufeff").replace("\x00", "")
    if not cleaned.strip():
        raise IngestError(f"{filename} 为空")
    record = StageRecord(stage="decode", summary="pasted text, no decoding needed",
                         details=[{"nul_bytes_removed": text.count("\x00")}])
    return clean_and_extract(text, filename, "utf_8", [record])


def clean_and_extract(raw: str, filename: str, encoding: str, stages: list[StageRecord], *,
                      body: str | None = None, page: PageMetadata | None = None) -> IngestResult:
    """Run the text stages on body (default: raw) and build the result; raw_text stays verbatim."""
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
    script, simplified, record = normalise_script(text)
    stages.append(record)
    return IngestResult(
        filename=filename, raw_text=raw, encoding=encoding, clean_text=text,
        simplified_text=simplified, script=script, **meta.policy_fields(), sections=sections,
        warnings=warnings + meta.warnings, stages=stages,
    )


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
