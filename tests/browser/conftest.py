"""Browser tests: Playwright's Python package driving Debian's chromium against pytest-django's live_server."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.conftest import restore_migrated_data

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "docs" / "screenshots"
def ensure_chromium():
    """Install Debian's chromium when it is missing (playwright install cannot download browsers here)."""
    if not Path(CHROMIUM).exists() and shutil.which("apt-get"):
        subprocess.run([str(ROOT / "scripts" / "browser-deps.sh")], check=False)
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing and could not be installed: run scripts/browser-deps.sh as root")


@pytest.fixture(scope="module", autouse=True)
def allow_orm_beside_playwright():
    """Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from one unless told.
    Only while these tests run: the variable must not leak into processes later tests start (check --deploy)."""
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    yield
    if previous is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="module", autouse=True)
def migrated_data_after_flush(allow_orm_beside_playwright, django_db_setup, django_db_blocker):
    """The live server needs committed data, so these tests are transactional and each ends by
    flushing every table, including what migrations loaded; the tests that follow need it back.
    (pytest-django's serialized_rollback did not restore it when other modules ran first.)"""
    yield
    with django_db_blocker.unblock():
        restore_migrated_data()


@pytest.fixture
def archive_seeds(transactional_db):
    """The migrated data and the five seed pages, committed so the live server sees them."""
    restore_migrated_data()
    call_command("import_policies", "fixtures/seeds", quiet=True)


@pytest.fixture(scope="module")
def browser(allow_orm_beside_playwright):
    """Per module: Playwright's event loop must be gone before later (non-browser) tests touch the ORM."""
    ensure_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, locale="zh-CN",
                                  viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
