"""A curator in a real browser: log in, upload a scraped page, review it beside the raw text, correct, publish."""

import re
import time

import pytest
from playwright.sync_api import expect

from documents.models import Policy
from tests.conftest import AVAILABLE_APPS, restore_migrated_data
from tests.curation.conftest import curator, seed

# The live server runs in another thread, so the data must be committed.
pytestmark = pytest.mark.django_db(transaction=True, available_apps=AVAILABLE_APPS)

PASSWORD = "pw-for-tests-only"


@pytest.fixture
def publisher(transactional_db, django_user_model):
    from importlib import import_module

    from django.apps import apps

    restore_migrated_data()
    import_module("documents.migrations.0004_curator_groups").create_groups(apps, None)
    return curator(django_user_model, "publisher", "editor", "publisher")


@pytest.fixture
def scraped_page(tmp_path):
    """Seed 004 (mojibake, pinyin, menus) with a script tag a hostile page might carry."""
    path = tmp_path / "金壮龙讲话.txt"
    path.write_text(seed("004").read_text(encoding="utf-8") + "\n<script>window.pwned = 1</script>\n",
                    encoding="utf-8")
    return path


def log_in(page, user):
    page.goto("/admin/login/?next=/admin/documents/importrecord/import/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()
    expect(page.locator("h1")).to_have_text("导入政策文件")


def test_upload_review_correct_region_and_publish_in_the_browser(page, publisher, scraped_page):
    violations = []
    page.on("console", lambda message: "Content Security Policy" in message.text and violations.append(message.text))
    log_in(page, publisher)

    started = time.monotonic()
    page.locator("input[name=files]").set_input_files(scraped_page)
    page.get_by_role("button", name="运行流水线并审核").click()

    # The review screen: raw input with the mojibake marked, escaped; warnings; extracted fields; sections.
    expect(page.locator("h1")).to_contain_text("审核导入")
    mark = page.locator("#raw-text mark.mojibake").first
    expect(mark).to_be_visible()
    expect(mark).to_have_text("?jiān)跁")  # the broken character and the stray byte; ?huì) is marked apart
    expect(page.locator("#raw-text")).to_contain_text("<script>window.pwned = 1</script>")
    assert page.locator("#raw-text script").count() == 0 and page.evaluate("window.pwned") is None
    expect(page.locator("#warnings li").first).to_contain_text("疑似乱码")
    expect(page.locator("#id_title")).to_have_value(re.compile("^工信部部長金壯龍"))
    expect(page.locator("#id_issuers")).to_have_value("工业和信息化部")
    expect(page.locator("#sections li")).to_have_count(3)
    expect(page.locator("#date-precision")).to_contain_text("日")

    # Correct the title, and the region with search-as-you-type over the gazetteer.
    page.locator("#id_title").fill("工信部部长金壮龙：引导有条件的高新区建设未来产业先导区")
    page.locator(".field-region .select2-selection").click()
    page.locator(".select2-search__field").fill("苏州")
    page.locator(".select2-results__option", has_text="苏州市").first.click()
    expect(page.locator(".field-region .select2-selection__rendered")).to_have_text(re.compile("苏州市"))
    page.get_by_role("button", name="发布").click()

    expect(page.locator(".messagelist")).to_contain_text("已发布")
    elapsed = time.monotonic() - started
    policy = Policy.objects.get()
    assert policy.status == "published" and policy.region_id == "320500"
    assert sorted(policy.manual_fields) == ["region", "title"]
    print(f"\nupload → published in the browser: {elapsed:.1f} s")
    assert violations == []

    page.goto(f"/policies/{policy.pk}/")
    expect(page.locator("h1")).to_have_text("工信部部长金壮龙：引导有条件的高新区建设未来产业先导区")


def test_editor_review_offers_no_publish_button(page, publisher, scraped_page, django_user_model):
    editor = curator(django_user_model, "editor", "editor")
    log_in(page, editor)
    page.locator("input[name=files]").set_input_files(scraped_page)
    page.get_by_role("button", name="运行流水线并审核").click()
    expect(page.get_by_role("button", name="保存为草稿")).to_be_visible()
    expect(page.get_by_role("button", name="发布")).to_have_count(0)
