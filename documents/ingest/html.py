"""Scraped HTML pages: main text and page metadata through trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .result import IngestError, StageRecord


@dataclass
class PageMetadata:
    title: str = ""
    date: str = ""  # ISO date as trafilatura found it, "" if none
    site: str = ""
    url: str = ""


def html_to_text(html: str, filename: str) -> tuple[str, PageMetadata, StageRecord]:
    """Main text of the page (navigation, scripts, footers dropped) and its <title>/date/site."""
    import trafilatura

    # favor_recall: policy pages are long runs of short paragraphs that precision mode may drop.
    text = trafilatura.extract(
        html, output_format="txt", include_comments=False, include_tables=True,
        favor_recall=True, deduplicate=False,
    )
    if not text or not text.strip():
        raise IngestError(f"文件 {filename} 是网页，但没有可提取的正文")
    found = trafilatura.extract_metadata(html)
    page = PageMetadata()
    if found is not None:
        page = PageMetadata(
            title=(found.title or "").strip(),
            date=found.date or "",
            site=(found.sitename or "").strip(),
            url=found.url or "",
        )
    # trafilatura renders list items as "- item"; the boilerplate stage treats such runs outside
    # the body as menus, which is what they are on these pages.
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text, page, StageRecord(
        stage="html",
        summary=f"extracted {len(text)} characters of main text",
        details=[{k: v for k, v in vars(page).items() if v}],
    )
