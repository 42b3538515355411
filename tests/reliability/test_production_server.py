"""The archive as production runs it: gunicorn with several workers, DEBUG off, whitenoise static, on loopback.

One server for the module, on a scratch database with the seeds and a policy whose stored
title, text, sections, issuer and source carry `<script>` and `<img onerror>` markup. The
TLS proxy is emulated by X-Forwarded-Proto: https, as SECURE_PROXY_SSL_HEADER expects.
"""

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.reliability.conftest import PYTHON, ROOT, manage
from tests.reliability.markup import assert_no_injected_markup

GUNICORN = Path(sys.executable).parent / "gunicorn"
CHROMIUM = "/usr/bin/chromium"
PRODUCTION = {
    "DEBUG": "False",
    "SECRET_KEY": "test-only-production-style-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
    "ALLOWED_HOSTS": "127.0.0.1",
    "CSRF_TRUSTED_ORIGINS": "https://127.0.0.1",
    "EXPENSIVE_RATE_LIMIT": "1000",  # the limit itself is tested in test_limits.py
}
HTTPS = {"X-Forwarded-Proto": "https"}
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def fetch(url, headers=HTTPS):
    """(status, headers, body text) without following redirects."""
    request = urllib.request.Request(url, headers=headers)
    try:
        with OPENER.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode("utf-8", "replace")


@contextmanager
def gunicorn(env):
    """The production server on a free port, answering: its base URL, until the block ends."""
    port = free_port()
    process = subprocess.Popen([str(GUNICORN), "policyarchive.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2",
                                "--timeout", "30"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if fetch(base + "/")[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None and time.monotonic() < deadline, "gunicorn did not start"
            time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="module")
def server(scratch_databases, production_static):
    url = scratch_databases.new("server")
    env = {**os.environ, **PRODUCTION, "DATABASE_URL": url, "STATIC_ROOT": str(production_static)}
    manage("import_policies", "fixtures/seeds", "--quiet", env=env)
    evil = subprocess.run([PYTHON, "-m", "tests.reliability.evil_policy"], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=True)
    evil = json.loads(evil.stdout.strip().splitlines()[-1])
    with gunicorn(env) as base:
        yield {"base": base, **evil}


def test_security_headers_behind_tls(server):
    status, headers, _ = fetch(server["base"] + "/")
    assert status == 200
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    csp = headers["Content-Security-Policy"]
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'", "frame-ancestors 'none'",
                      "object-src 'none'", "form-action 'self'"):
        assert directive in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp


def test_plain_http_is_redirected_to_https_without_hsts(server):
    status, headers, _ = fetch(server["base"] + "/policies/?q=数字经济".replace("数字经济", "%E6%95%B0"), headers={})
    assert status == 301 and headers["Location"].startswith("https://127.0.0.1")
    assert "Strict-Transport-Security" not in headers


def test_static_files_come_from_whitenoise_with_long_cache(server):
    _, _, html = fetch(server["base"] + "/")
    css = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    assert css.startswith("/static/css/site.") and css != "/static/css/site.css"  # hashed by the manifest
    status, headers, _ = fetch(server["base"] + css)
    assert status == 200 and "max-age=315360000" in headers["Cache-Control"]


def test_admin_requires_login(server):
    status, headers, _ = fetch(server["base"] + "/admin/documents/policy/")
    assert status == 302 and "/admin/login/" in headers["Location"]


def test_oversized_request_line_is_refused_by_the_server_not_a_crash(server):
    status, _, _ = fetch(server["base"] + "/policies/?q=" + "%E6%95%B0" * 3000)
    assert 400 <= status < 500


def html_pages(server):
    pk, region = server["id"], server["region"]
    return ["/", "/policies/", "/policies/?q=数字经济", "/policies/?q=算力基础设施", "/policies/?q=数据要素市场",
            f"/policies/{pk}/", f"/policies/{pk}/?script=hant", f"/regions/{region}/", "/policies/?q=" + SCRIPT,
            "/policies/?province=440000&type=方案"]


def quoted(path):
    return urllib.request.quote(path, safe="/?=&")


def test_stored_markup_is_escaped_on_every_page(server):
    shown = 0
    for path in html_pages(server):
        status, headers, html = fetch(server["base"] + quoted(path))
        assert status == 200, path
        assert headers["Content-Type"].startswith("text/html")
        assert_no_injected_markup(html)
        shown += html.count("&lt;script&gt;alert(1)&lt;/script&gt;")
    assert shown >= 5  # the title is on the pages, escaped, not dropped


def test_stored_markup_is_data_in_the_api(server):
    pk = server["id"]
    for path in (f"/api/policies/{pk}/", "/api/policies/?q=数字经济", "/api/policies/?q=算力基础设施"):
        status, headers, body = fetch(server["base"] + quoted(path))
        assert status == 200 and headers["Content-Type"] == "application/json"
        assert headers["X-Content-Type-Options"] == "nosniff"
        data = json.loads(body)
        if "results" in data:
            hit = next(r for r in data["results"] if r["id"] == pk)
            assert SCRIPT in hit["title"]
            for snippet in hit["snippets"]:  # snippets are HTML: escaped text, only <mark> as markup
                assert "<script" not in snippet and "<img" not in snippet
        else:
            assert SCRIPT in data["title"]


def test_stored_markup_in_exports_is_data_in_an_attachment(server):
    for fmt in ("csv", "json", "bib", "ris"):
        for path in (f"/policies/export.{fmt}?province=440000", f"/policies/{server['id']}/export.{fmt}"):
            status, headers, body = fetch(server["base"] + path)
            assert status == 200
            assert headers["Content-Disposition"].startswith("attachment;")
            assert not headers["Content-Type"].startswith(("text/html", "image/svg"))
            assert headers["X-Content-Type-Options"] == "nosniff"
            assert "alert(1)" in body  # kept verbatim as data


def test_stored_markup_is_escaped_in_the_feed(server):
    status, headers, body = fetch(server["base"] + "/feeds/policies/?province=440000")
    assert status == 200 and "xml" in headers["Content-Type"]
    assert SCRIPT not in body and IMG not in body
    titles = [e.text for e in ET.fromstring(body).iter("{http://www.w3.org/2005/Atom}title")]
    assert any(title and SCRIPT in title for title in titles)  # escaped in XML, the text itself intact


@pytest.fixture(scope="module")
def chromium():
    from tests.browser.conftest import ensure_chromium

    ensure_chromium()  # a missing browser fails these tests: they are not optional
    from playwright.sync_api import sync_playwright

    # Only while this module runs: a leaked variable fails later `check --deploy` runs.
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                             args=["--headless", "--no-sandbox", "--disable-gpu"])
        yield browser
        browser.close()


WATCH_CSP = """
window.__csp = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__csp.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sourceFile || '') + ':' + e.lineNumber);
});
"""


def test_pages_satisfy_the_content_security_policy_in_chromium(server, chromium):
    context = chromium.new_context(base_url=server["base"], extra_http_headers=HTTPS, locale="zh-CN")
    page = context.new_page()
    page.add_init_script(WATCH_CSP)
    console, dialogs = [], []
    page.on("console", lambda message: console.append(message.text) if message.type in ("error", "warning") else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    pk = server["id"]
    visited = [*html_pages(server), "/regions/110000/", "/admin/login/", "/admin/login/?next=/admin/"]
    try:
        for path in visited:
            response = page.goto(path)
            assert response.status == 200, path
            page.wait_for_load_state("load")
            violations = page.evaluate("window.__csp")
            assert violations == [], (path, violations)
        page.goto(f"/policies/{pk}/")
        assert page.evaluate("document.querySelectorAll('script:not([src])').length") == 0
        # site.js ran under the policy: the copy button it reveals is visible.
        assert page.locator("button[data-copy]").first.is_visible()
        reported = [text for text in console if "Content Security Policy" in text]
        # The watcher sees violations, and the policy stops an injected handler even if escaping ever failed.
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=alert(2)>')")
        page.wait_for_function("window.__csp.length > 0")
        assert any(v.startswith("script-src") for v in page.evaluate("window.__csp"))
    finally:
        context.close()
    assert not dialogs, dialogs
    assert not reported, reported
