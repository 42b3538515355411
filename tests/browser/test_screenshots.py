"""Screenshots of the home, search and detail pages for the README (docs/screenshots/), desktop and phone."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from documents.importing import import_document
from documents.models import Policy
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import AVAILABLE_APPS

pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE_APPS)

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"
TOPICAL = re.compile("数字|数据|信息|人工智能|网络|电子|科技")


@pytest.fixture
def archive(archive_seeds):
    """The seeds and the corpus's digital-economy laws: enough to fill the pages."""
    for path in sorted(p for p in CORPUS.rglob("*.md") if TOPICAL.search(p.name))[:40]:
        import_document(path.read_bytes(), path.name, source_key=str(path.relative_to(CORPUS)))


DEVICES = [("", (1280, 1000), 1), ("-phone", (390, 844), 2)]


def test_screenshots_of_home_search_and_detail(browser, live_server, archive):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    policy = Policy.objects.get(title__startswith="廣東省國家數字經濟創新發展試驗區")
    for device, (width, height), scale in DEVICES:
        context = browser.new_context(base_url=live_server.url, viewport={"width": width, "height": height},
                                      device_scale_factor=scale, locale="zh-CN")
        page = context.new_page()
        page.goto("/")
        expect(page.locator(".tilemap a").first).to_be_visible()
        page.screenshot(path=SCREENSHOTS / f"home{device}.png")

        page.goto("/policies/?q=数字经济&province=440000")
        expect(page.locator(".hit").first).to_be_visible()
        page.screenshot(path=SCREENSHOTS / f"search{device}.png")

        page.goto(policy.get_absolute_url())
        expect(page.locator(".toc")).to_be_visible()
        page.screenshot(path=SCREENSHOTS / f"detail{device}.png")
        context.close()
        for name in ("home", "search", "detail"):
            assert (SCREENSHOTS / f"{name}{device}.png").stat().st_size > 10_000
