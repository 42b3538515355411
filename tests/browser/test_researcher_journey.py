"""A researcher in a real browser: search, facets, chips, detail, sections, script toggle, exports."""

import csv
import io
import re

import pytest
import rispy
from playwright.sync_api import expect

from documents.models import Policy
from tests.conftest import AVAILABLE_APPS

# The live server runs in another thread, so the data must be committed (see conftest.migrated_data).
pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE_APPS)


def test_type_a_query_apply_and_remove_a_facet(page, archive_seeds):
    page.goto("/")
    page.get_by_label("检索政策全文").fill("数字经济")
    page.get_by_label("检索政策全文").press("Enter")
    expect(page).to_have_url(re.compile(r"/policies/\?q=%E6%95%B0%E5%AD%97%E7%BB%8F%E6%B5%8E$"))
    expect(page.locator(".hit").first).to_be_visible()
    all_hits = page.locator(".hit").count()
    assert all_hits >= 3
    expect(page.locator(".hit mark").first).to_have_text(re.compile("数字经济|數字經濟"))

    page.get_by_role("region", name="省份").get_by_role("link", name=re.compile("^广东省")).click()
    expect(page).to_have_url(re.compile(r"province=440000"))
    chip = page.get_by_role("link", name="移除条件 省份：广东省")
    expect(chip).to_be_visible()
    assert page.locator(".hit").count() < all_hits
    expect(page.locator(".hit h3").first).to_contain_text("廣東省")

    chip.click()
    expect(page).not_to_have_url(re.compile(r"province="))
    expect(page.locator(".hit")).to_have_count(all_hits)


def test_open_a_detail_page_jump_to_a_section_and_toggle_the_script(page, archive_seeds):
    page.goto("/policies/?q=数字创新生态")
    page.locator(".hit h3 a").first.click()
    expect(page.locator("h1")).to_have_text("打造国际一流的数字创新生态实施方案")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hans")

    toc_link = page.locator(".toc a").nth(3)
    anchor = toc_link.get_attribute("href")
    toc_link.click()
    expect(page).to_have_url(re.compile(re.escape(anchor) + "$"))
    target = page.locator(anchor)
    expect(target).to_be_in_viewport()
    assert target.evaluate("el => el.matches(':target')")

    page.get_by_role("link", name="繁體").click()
    expect(page).to_have_url(re.compile(r"script=hant"))
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("h1")).to_have_text("打造國際一流的數字創新生態實施方案")
    page.get_by_role("link", name="简体").click()
    expect(page.locator("h1")).to_have_text("打造国际一流的数字创新生态实施方案")


def test_matched_section_link_lands_on_the_section(page, archive_seeds):
    page.goto("/policies/?q=数字经济")
    link = page.locator(".matched a").first
    href = link.get_attribute("href")
    link.click()
    anchor = href.split("#", 1)[1]
    expect(page.locator(f"[id='{anchor}']")).to_be_in_viewport()


def test_download_exports_of_the_filtered_results(page, archive_seeds):
    page.goto("/policies/?province=440000")
    expected = Policy.objects.published().filter(province="440000").count()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    content = Path_read(download.path())
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(rows) == expected and all(row["省份"] == "广东省" for row in rows)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="RIS", exact=True).click()
    records = rispy.loads(Path_read(download_info.value.path()).decode())
    assert len(records) == expected and records[0]["type_of_reference"] == "GOVDOC"


def test_copy_citation_button_appears_with_javascript(page, archive_seeds):
    policy = Policy.objects.published().first()
    page.goto(policy.get_absolute_url())
    expect(page.locator("#citation-text")).to_contain_text("[EB/OL]")
    expect(page.locator("#citation-apa")).to_contain_text("数字经济政策档案. http")
    expect(page.get_by_role("button", name="复制 GB/T 7714 引用")).to_be_visible()
    expect(page.get_by_role("button", name="复制 APA 引用")).to_be_visible()


def Path_read(path):
    with open(path, "rb") as handle:
        return handle.read()
