"""Word and PDF uploads: their text goes through the same stages; broken files are refused with a reason."""

import io

import pytest

from documents.ingest.pipeline import ingest_bytes
from documents.ingest.result import IngestError
from documents.models import ImportRecord
from tests.curation.conftest import review_url, upload

LINES = ["广东省人民政府关于印发广东省数字经济发展规划的通知", "粤府〔2024〕12号", "一、总体要求",
         "推动数字经济和实体经济深度融合，培育新质生产力。", "二、重点任务", "（一）建设数据要素市场。"]


def docx_bytes(lines=LINES) -> bytes:
    from docx import Document

    document = Document()
    for line in lines:
        document.add_paragraph(line)
    table = document.add_table(rows=1, cols=2)
    table.rows[0].cells[0].text, table.rows[0].cells[1].text = "指标", "目标值"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_bytes(lines=LINES, encrypt=None) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))  # built into reportlab: no font file needed
    out = io.BytesIO()
    page = canvas.Canvas(out, encrypt=encrypt)
    page.setFont("STSong-Light", 12)
    for i, line in enumerate(lines):
        page.drawString(50, 800 - 20 * i, line)
    page.save()
    return out.getvalue()


@pytest.mark.parametrize("name, make", [("plan.docx", docx_bytes), ("plan.pdf", pdf_bytes)])
def test_office_files_yield_title_doc_number_and_sections(name, make):
    result = ingest_bytes(make(), name)
    assert result.title == LINES[0] and result.doc_number == "粤府〔2024〕12号"
    assert [s.number for s in result.sections] == ["一、", "二、", "（一）"]
    assert result.stages[0].stage == name.rsplit(".", 1)[1]


def test_docx_tables_are_read_in_order():
    assert "指标\t目标值" in ingest_bytes(docx_bytes(), "plan.docx").raw_text


@pytest.mark.parametrize("name, data, reason", [
    ("broken.docx", b"PK\x03\x04not really a zip", "无法作为 .docx 读取"),
    ("fake.docx", b"plain text", "不是有效的 .docx"),
    ("broken.pdf", b"%PDF-1.4", "无法作为 PDF 读取"),
    ("fake.pdf", b"plain text", "不是有效的 PDF"),
    ("empty.pdf", b"", "为空"),
])
def test_broken_office_files_are_refused_with_a_reason(name, data, reason):
    with pytest.raises(IngestError, match=reason):
        ingest_bytes(data, name)


def test_a_pdf_without_a_text_layer_is_refused_with_a_hint():
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(10, 10, 100, 100)  # a drawing, as a scan would be an image: no text
    page.save()
    with pytest.raises(IngestError, match="OCR"):
        ingest_bytes(out.getvalue(), "scan.pdf")


@pytest.mark.django_db
def test_admin_upload_of_docx_and_pdf_keeps_the_bytes_and_reviews_the_text(editor_client):
    docx, pdf = docx_bytes(), pdf_bytes()
    upload(editor_client, ("plan.docx", docx), ("plan.pdf", pdf))
    records = {r.file_name: r for r in ImportRecord.objects.all()}
    assert bytes(records["plan.docx"].raw_bytes) == docx and bytes(records["plan.pdf"].raw_bytes) == pdf
    page = editor_client.get(review_url(records["plan.pdf"])).content.decode()
    assert "广东省数字经济发展规划" in page and "粤府〔2024〕12号" in page
