"""Median render time of each public page, measured with Django's test client on the current database."""

import platform
import re
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count
from django.test import Client, override_settings
from django.utils import timezone

from documents.models import Policy, Region

HEADING = "## Page render times"
DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "docs" / "performance.md"


class Command(BaseCommand):
    help = "Request each public page repeatedly with the test client; print medians and write them to docs/performance.md."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="timed requests per page (after one warm-up)")
        parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="Markdown file whose section is replaced")
        parser.add_argument("--no-write", action="store_true", help="only print")

    def handle(self, *args, repeat, output, no_write, **options):
        if repeat < 1:
            raise CommandError("--repeat must be at least 1")
        pages = sample_pages()
        if not pages:
            raise CommandError("No published policies: import some first (make setup)")
        client = Client()
        rows = []
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], SECURE_SSL_REDIRECT=False):
            for label, url in pages:
                status, times = measure(client, url, repeat)
                if status != 200:
                    raise CommandError(f"{url} answered {status}")
                row = (label, url, statistics.median(times), max(times))
                rows.append(row)
                self.stdout.write(f"{label:<28} median {row[2]:7.1f} ms   max {row[3]:7.1f} ms   {url}")
        if not no_write:
            write_section(Path(output), render_section(rows, repeat))
            self.stdout.write(f"Wrote the “{HEADING[3:]}” section of {output}")


def sample_pages():
    """(label, url) of each page kind, on representative objects of the current database."""
    published = Policy.objects.published()
    policy = published.annotate(n=Count("sections")).order_by("-n", "pk").first()
    if policy is None:
        return []
    province = (Region.objects.filter(level=Region.Level.PROVINCE)
                .annotate(n=Count("province_policies")).order_by("-n").first())
    city = Region.objects.filter(level=Region.Level.PREFECTURE).annotate(n=Count("policies")).order_by("-n").first()
    other_script = "hant" if policy.script == "hans" else "hans"
    report = published.annotate(n=Count("targets")).order_by("-n", "pk").first()
    report_targets = report.n if report else 0
    pages = [
        ("首页 home", "/"),
        ("检索 browse", "/policies/"),
        ("检索 query", "/policies/?q=数字经济"),
        ("检索 query + facets", f"/policies/?q=数据&province={province.code}&sort=newest"),
        ("检索 no result", "/policies/?q=数据&year=1901"),
        (f"详情 detail ({policy.sections.count()} sections)", policy.get_absolute_url()),
        ("详情 detail, other script", f"{policy.get_absolute_url()}?script={other_script}"),
        ("地区 province", province.get_absolute_url()),
        ("地区 city", city.get_absolute_url()),
        ("导出 CSV (query)", "/policies/export.csv?q=数字经济"),
        ("目标 targets (GDP growth)", "/targets/?indicator=地区生产总值增长"),
        ("目标 targets of a province", f"/targets/?indicator=地区生产总值增长&province={province.code}"),
        (f"详情 detail with targets ({report_targets} targets)", report.get_absolute_url()) if report else None,
        ("接口 API targets", "/api/targets/?indicator=地区生产总值增长"),
        ("订阅 Atom feed", "/feeds/policies/?q=数字经济"),
    ]
    return [page for page in pages if page]


def measure(client, url, repeat):
    status = client.get(url).status_code  # warm-up: caches, connection, templates
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        status = response.status_code
    return status, times


def render_section(rows, repeat):
    published = Policy.objects.published().count()
    lines = [
        HEADING,
        "",
        f"Measured by `python manage.py bench_pages` on {timezone.localdate().isoformat()}: the median and maximum of "
        f"{repeat} requests per page (after one warm-up) through Django's test client, so template rendering and "
        f"queries are included and the network is not. Database: {published} published policies; "
        f"Python {platform.python_version()} on {platform.machine()}.",
        "",
        "| page | median (ms) | max (ms) | URL |",
        "|---|---:|---:|---|",
    ]
    lines += [f"| {label} | {median:.1f} | {worst:.1f} | `{url}` |" for label, url, median, worst in rows]
    return "\n".join(lines) + "\n"


def write_section(path, section, heading=HEADING):
    """Replace the section under heading (up to the next level-2 heading) of the file, or append it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    pattern = re.compile(rf"^{re.escape(heading)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: section + "\n", text, count=1).rstrip() + "\n"
    else:
        text = text.rstrip() + "\n\n" + section
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
