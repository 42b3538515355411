"""The targets table in a real browser: the grid and its chart render, and a figure's link lands on its
sentence, marked in the policy's text. Screenshot in docs/screenshots/targets.png."""

from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.browser.conftest import AVAILABLE_APPS, SCREENSHOTS

pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE_APPS)

REPORTS_2026 = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "workreports" / "provinces-2026"


def test_a_target_links_to_its_marked_sentence(page, archive_seeds):
    call_command("import_policies", str(REPORTS_2026), quiet=True)
    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto("/targets/?indicator=地区生产总值增长")
    grid = page.locator("table.targets-grid")
    expect(grid).to_be_visible()
    expect(page.locator("svg.targets-chart rect.target").first).to_be_visible()
    shanghai = grid.locator("tr", has=page.locator("th", has_text="上海市"))
    expect(shanghai.locator("a.target")).to_have_text("目标 5%左右")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SCREENSHOTS / "targets.png", full_page=True)
    assert (SCREENSHOTS / "targets.png").stat().st_size > 10_000

    shanghai.locator("a.outcome").click()  # 实际 5.4%: the 2026 report's review of 2025
    anchor = page.url.split("#")[1]
    sentence = page.locator(f"mark.target-sentence#{anchor}")
    expect(sentence).to_be_in_viewport()
    expect(sentence).to_contain_text("5.4%")
    expect(page.locator(".policy-targets")).to_contain_text("本文量化目标")
