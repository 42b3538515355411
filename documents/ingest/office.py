"""Office uploads: the text of .docx (python-docx) and .pdf (pdfminer.six) files. Pure: no Django.

The text these return is what the cleaning stages see and what a curator reviews as the "raw
text"; the file's bytes themselves are kept verbatim by the import record.
"""

from __future__ import annotations

import io
import re

from .result import IngestError, StageRecord

DOCX_SIGNATURE = b"PK\x03\x04"
PDF_SIGNATURE = b"%PDF"


def docx_to_text(data: bytes, filename: str) -> tuple[str, StageRecord]:
    """Paragraphs and table rows of a Word document, in document order, one per line."""
    if not data.startswith(DOCX_SIGNATURE):
        raise IngestError(f"文件 {filename} 不是有效的 .docx 文件")
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises zipfile, KeyError and lxml errors for broken files
        raise IngestError(f"文件 {filename} 无法作为 .docx 读取：{error}") from error
    lines, tables = [], 0
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            lines.append(block.text)
        elif isinstance(block, Table):
            tables += 1
            for row in block.rows:
                # merged cells repeat in python-docx; keep each distinct cell text once per row
                cells = list(dict.fromkeys(cell.text.strip() for cell in row.cells))
                lines.append("\t".join(cell for cell in cells if cell))
    text = "\n".join(lines).strip()
    _require_text(text, filename)
    return text, StageRecord(
        stage="docx", summary=f"read {len(document.paragraphs)} paragraphs and {tables} tables",
        details=[{"paragraphs": len(document.paragraphs), "tables": tables}],
    )


def pdf_to_text(data: bytes, filename: str) -> tuple[str, StageRecord]:
    """The text layer of a PDF, page by page; a scanned PDF without one is refused with a reason."""
    if not data.lstrip().startswith(PDF_SIGNATURE):
        raise IngestError(f"文件 {filename} 不是有效的 PDF 文件")
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.psexceptions import PSException

    pages = []
    try:
        for layout in extract_pages(io.BytesIO(data)):
            pages.append("".join(el.get_text() for el in layout if isinstance(el, LTTextContainer)))
    except (PDFEncryptionError, PDFPasswordIncorrect) as error:
        raise IngestError(f"文件 {filename} 已加密，请提供未加密的 PDF") from error
    except (PSException, ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
        # pdfminer's own errors (syntax, truncated streams) and the Python ones malformed files raise
        raise IngestError(f"文件 {filename} 无法作为 PDF 读取：{error}") from error
    # pdfminer ends pages with form feeds and leaves blank lines between boxes; keep one newline.
    text = re.sub(r"\n\s*\n+", "\n", "\n".join(pages).replace("\x0c", "\n")).strip()
    if not text:
        raise IngestError(f"文件 {filename} 没有文字层（可能是扫描件），请先做文字识别（OCR）")
    _require_text(text, filename)
    return text, StageRecord(stage="pdf", summary=f"read {len(pages)} pages", details=[{"pages": len(pages)}])


def _require_text(text: str, filename: str) -> None:
    if not text.strip():
        raise IngestError(f"文件 {filename} 没有文字内容")
