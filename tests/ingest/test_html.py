import pytest

from documents.ingest.html import html_to_text
from documents.ingest.pipeline import ingest_bytes
from documents.ingest.result import IngestError

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>某市数字经济发展行动方案</title>
<meta name="date" content="2024-05-20">
</head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">高新区新闻</a></li></ul></nav>
<article>
<h1>某市数字经济发展行动方案</h1>
<p>为加快推进数字经济高质量发展，推动数字经济和实体经济深度融合，结合本市实际，制定本方案。</p>
<p>一、加强数字基础设施建设</p>
<p>加快建设新型数据中心和算力网络，推动千兆光网和第五代移动通信网络深度覆盖，提升数字基础设施服务能力。</p>
<p>二、推进产业数字化转型</p>
<p>实施制造业数字化转型行动，培育一批智能工厂和数字化车间，推动中小企业上云用数赋智，提升产业链供应链韧性。</p>
</article>
<footer>版权所有 某市人民政府 粤ICP备12345678号</footer>
</body></html>"""


def test_main_text_and_page_metadata_are_extracted():
    text, page, record = html_to_text(PAGE, "page.html")
    assert "推进产业数字化转型" in text
    assert "版权所有" not in text
    assert page.title == "某市数字经济发展行动方案"
    assert page.date == "2024-05-20"
    assert record.stage == "html"


def test_html_upload_goes_through_all_stages():
    result = ingest_bytes(PAGE.encode("utf-8"), "page.html")
    assert result.title == "某市数字经济发展行动方案"
    assert (result.date_year, result.date_month, result.date_day, result.date_precision) == (2024, 5, 20, "day")
    assert [s.number for s in result.sections] == ["一、", "二、"]
    assert "高新区新闻" not in result.clean_text
    assert result.raw_text.startswith("<!DOCTYPE html>")
    assert [s.stage for s in result.stages][:2] == ["decode", "html"]


def test_html_page_with_only_navigation_is_refused():
    with pytest.raises(IngestError, match="empty.html"):
        ingest_bytes("<html><body><nav><a href='/'>首页</a></nav></body></html>".encode(), "empty.html")
