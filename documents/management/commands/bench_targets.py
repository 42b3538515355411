"""What targets cost on the current database: reading them off every policy's text, storing them as an
import does, and rendering the /targets/ pages; printed and written to docs/targets.md."""

import os
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import Count
from django.test import Client, override_settings
from django.utils import timezone

from documents.management.commands.bench_pages import measure, write_section
from documents.models import Policy, Region, Target
from documents.targets import extract, save_targets

HEADING = "## Speed"
DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "docs" / "targets.md"
INDICATOR = "地区生产总值增长"
# What save_targets reads; loading only these keeps the timing to the targets' own work.
FIELDS = ("pk", "simplified_text", "date_year", "policy_type")


class Command(BaseCommand):
    help = ("Time find_targets on every policy, save_targets from no stored targets (rolled back: nothing "
            "changes) and the /targets/ pages; print the figures and write them to docs/targets.md.")

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="timed requests per page (after one warm-up)")
        parser.add_argument("--import-seconds", type=float,
                            help="wall time of importing the same documents, to give the targets' share of it")
        parser.add_argument("--workers", type=int, default=2, help="workers that import ran with")
        parser.add_argument("--output", default=str(DEFAULT_OUTPUT), help="Markdown file whose section is replaced")
        parser.add_argument("--no-write", action="store_true", help="only print")

    def handle(self, *args, repeat, import_seconds, workers, output, no_write, **options):
        if repeat < 1 or workers < 1:
            raise CommandError("--repeat and --workers must be at least 1")
        policies = list(Policy.objects.only(*FIELDS).order_by("pk"))
        if not policies:
            raise CommandError("No policies: import some first")
        load = os.getloadavg()[0]
        table = []  # the pages first: the rolled-back rebuild below leaves dead rows until a vacuum
        for label, url in pages():
            status, ms = self.page(url, repeat)
            if status != 200:
                raise CommandError(f"{url} answered {status}")
            table.append(f"| {label} | {statistics.median(ms):.1f} | {max(ms):.1f} | `{url}` |")
        times, found = [], 0
        for policy in policies:
            start = time.perf_counter()
            found += len(extract(policy))
            times.append(time.perf_counter() - start)
        stored, store_seconds = self.store_all(policies)
        lines = [
            f"{len(policies)} policies ({sum(len(p.simplified_text) for p in policies) / len(policies):,.0f} characters "
            f"on average), load average {load:.1f} at the start.",
            "",
            f"* **Reading** (`find_targets`): {found:,} targets in {sum(times):.1f} s; per policy p50 "
            f"{percentile(times, 50):.2f} ms, p95 {percentile(times, 95):.2f} ms, max {max(times) * 1000:.1f} ms.",
            f"* **Storing as an import does** (`save_targets` on a policy without targets: read, key, insert, link "
            f"to sections; in a transaction rolled back afterwards): {stored:,} rows in {store_seconds:.1f} s, "
            f"{store_seconds / len(policies) * 1000:.1f} ms a policy.",
        ]
        if import_seconds:
            share = store_seconds / workers / import_seconds
            lines.append(f"* **Share of the import** ({import_seconds:.1f} s with {workers} workers): "
                         f"{share:.1%} spread over the workers, {store_seconds / import_seconds:.1%} if it all fell "
                         f"on one (the issue allows 10%).")
        lines += ["", "| page | median (ms) | max (ms) | URL |", "|---|---:|---:|---|", *table]
        lines.append("")
        lines.append(f"Load average {os.getloadavg()[0]:.1f} at the end.")
        section = "\n".join([
            HEADING, "",
            f"Measured by `manage.py bench_targets` on {timezone.localdate().isoformat()}; pages as `bench_pages` "
            f"times them ({repeat} requests after one warm-up, Django's test client).", "", *lines]) + "\n"
        self.stdout.write(section)
        if not no_write:
            write_section(Path(output), section, HEADING)
            self.stdout.write(f"Wrote the “{HEADING[3:]}” section of {output}")

    def store_all(self, policies) -> tuple[int, float]:
        with transaction.atomic():
            Target.objects.filter(policy__in=policies, curated=False, rejected=False).delete()
            start = time.perf_counter()
            for policy in policies:
                save_targets(policy)
            seconds = time.perf_counter() - start
            stored = Target.objects.count()
            transaction.set_rollback(True)
        return stored, seconds

    def page(self, url, repeat):
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], SECURE_SSL_REDIRECT=False):
            return measure(Client(), url, repeat)


def pages() -> list[tuple[str, str]]:
    """(label, url): the GDP-growth table over every province and year, one province's, the API, the CSV."""
    province = (Region.objects.filter(level=Region.Level.PROVINCE)
                .annotate(n=Count("province_policies__targets")).order_by("-n", "code").first())
    return [
        ("目标 every province and year", f"/targets/?indicator={INDICATOR}"),
        (f"目标 {province.name} and its cities", f"/targets/?indicator={INDICATOR}&province={province.code}"),
        ("目标 outcomes only", f"/targets/?indicator={INDICATOR}&kind=outcome"),
        ("接口 API", f"/api/targets/?indicator={INDICATOR}"),
        ("导出 CSV", f"/targets/export.csv?indicator={INDICATOR}"),
    ]


def percentile(seconds: list[float], p: int) -> float:
    return statistics.quantiles(seconds, n=100)[p - 1] * 1000 if len(seconds) > 1 else seconds[0] * 1000
