"""The research pages in chromium: the diffusion heat map's cells open the search they count, and
screenshots of /diffusion/ and /compare/ for docs/diffusion.md (docs/screenshots/)."""

import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from documents.models import Policy
from tests.browser.conftest import SCREENSHOTS
from tests.conftest import AVAILABLE_APPS, restore_migrated_data

pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE_APPS)

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus"


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """Every province's 2025 and 2026 work reports, Guangdong's and Zhejiang's local regulations and the
    seeds, committed so the live server sees them. Module-scoped so that it is imported before Playwright
    starts: import_policies's forked workers do not survive beside Playwright's thread, and without them
    the import is most of this module's time. The test's transactional flush empties the tables after it;
    the flush here covers a test that never got that far."""
    folders = ("workreports/provinces-2025", "workreports/provinces-2026", "lawrefbook/DLC/广东地方法规",
               "lawrefbook/DLC/浙江地方法规")
    with django_db_blocker.unblock():
        restore_migrated_data()
        call_command("import_policies", "fixtures/seeds", *(str(CORPUS / folder) for folder in folders), quiet=True)
    yield
    with django_db_blocker.unblock():
        if Policy.objects.exists():
            call_command("flush", interactive=False, inhibit_post_migrate=True)


def test_a_heat_map_cell_opens_the_search_it_counts_and_screenshots(archive, browser, live_server):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 1000}, locale="zh-CN")
    page = context.new_page()
    page.goto("/diffusion/?q=具身智能&type=政府工作报告")
    heat = page.locator("svg.heat")
    expect(heat).to_be_visible()
    expect(page.locator(".diffusion-facts")).to_contain_text("2025年")
    page.screenshot(path=SCREENSHOTS / "diffusion.png", full_page=True)

    cell = heat.locator('a[href*="province=440000"][href$="year=2026"]')
    shown = cell.locator("text.n").text_content()
    cell.click()
    expect(page).to_have_url(re.compile(r"/policies/\?q=.*province=440000.*year=2026"))
    expect(page.locator("#results-title .count")).to_have_text(f"共 {shown} 篇")

    page.goto("/compare/?regions=440000,330000")
    expect(page.locator(".term-columns")).to_be_visible()
    expect(page.locator("#targets-heading")).to_be_visible()
    page.screenshot(path=SCREENSHOTS / "compare.png", full_page=True)
    context.close()

    phone = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844}, device_scale_factor=2,
                                locale="zh-CN")
    small = phone.new_page()
    small.goto("/diffusion/?q=具身智能&type=政府工作报告")
    expect(small.locator("svg.heat")).to_be_visible()
    small.screenshot(path=SCREENSHOTS / "diffusion-phone.png")
    phone.close()
    for name in ("diffusion", "compare", "diffusion-phone"):
        assert (SCREENSHOTS / f"{name}.png").stat().st_size > 10_000
