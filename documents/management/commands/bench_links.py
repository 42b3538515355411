"""Links on the current database: every link from scratch (optional), the cost a policy's import adds
(its citations and reuse pairs rebuilt, as store_result does), and the pages that show links."""

import random
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Count, Q
from django.test import Client, override_settings
from django.utils import timezone

from documents import reuse
from documents.citations import save_citations
from documents.management.commands.bench_pages import write_section
from documents.models import Citation, Policy, Reuse

HEADING = "## Links"
DEFAULT_OUTPUT = Path(settings.BASE_DIR) / "docs" / "performance.md"


class Command(BaseCommand):
    help = ("Time every link from scratch (--from-scratch), the per-import cost on a seeded sample of policies, "
            "and the pages with the most links; print them and write the “Links” section of docs/performance.md.")

    def add_arguments(self, parser):
        parser.add_argument("--from-scratch", action="store_true", help="also rebuild every citation and reuse pair")
        parser.add_argument("--imports", type=int, default=60, help="policies whose links are rebuilt and timed")
        parser.add_argument("--repeat", type=int, default=10, help="timed requests per page (after one warm-up)")
        parser.add_argument("--output", default=str(DEFAULT_OUTPUT))
        parser.add_argument("--no-write", action="store_true", help="only print")

    def handle(self, from_scratch, imports, repeat, output, no_write, **options):
        policies = list(Policy.objects.order_by("pk").values_list("pk", flat=True))
        if not policies:
            raise CommandError("No policies: import some first")
        lines = []
        if from_scratch:
            lines += self.from_scratch()
        lines += self.per_import(random.Random(18).sample(policies, min(imports, len(policies))))
        lines += self.pages(repeat)
        section = "\n".join([
            HEADING, "",
            f"Measured by `python manage.py bench_links{' --from-scratch' if from_scratch else ''}` on "
            f"{timezone.localdate().isoformat()}: {len(policies)} policies, {Citation.objects.count()} references, "
            f"{Reuse.objects.count()} stored reuse pairs ({Reuse.objects.filter(reuse.shown_q()).count()} shown). "
            "Reasons and the projection to 100,000 policies: docs/links.md.", "", *lines]) + "\n"
        self.stdout.write(section)
        if not no_write:
            write_section(Path(output), section, HEADING)
            self.stdout.write(f"Wrote the “{HEADING[3:]}” section of {output}")

    def from_scratch(self):
        started = time.perf_counter()
        for policy in Policy.objects.order_by("pk").iterator(chunk_size=200):
            save_citations(policy)
        citations = time.perf_counter() - started
        costs = []
        result = reuse.rebuild_all(report=lambda policy, pairs, seconds: costs.append(seconds))
        return ["| from scratch | seconds |", "|---|---:|",
                f"| citations of every policy | {citations:.1f} |",
                f"| reuse: signatures of every policy | {result['signature_seconds']:.1f} |",
                f"| reuse: candidates and alignment (each pair once; a policy {spread(costs)}) | "
                f"{result['seconds'] - result['signature_seconds']:.1f} |",
                f"| all links | {citations + result['seconds']:.1f} |", ""]

    def per_import(self, sample):
        citing, reusing, pairs = [], [], []
        for pk in sample:
            policy = Policy.objects.get(pk=pk)
            at = time.perf_counter()
            save_citations(policy)
            citing.append(time.perf_counter() - at)
            at = time.perf_counter()
            pairs.append(reuse.save_reuse(policy))
            reusing.append(time.perf_counter() - at)
        return [f"Per import ({len(sample)} policies, seeded sample; what store_result adds):", "",
                "| step | p50 (ms) | p95 (ms) | max (ms) |", "|---|---:|---:|---:|",
                f"| citations (resolve, relink waiting references) | {row(citing)} |",
                f"| reuse (signature, LSH candidates, alignment; {statistics.mean(pairs):.1f} pairs a policy) | "
                f"{row(reusing)} |", ""]

    def pages(self, repeat):
        published = Policy.objects.published()
        most_reused = (Reuse.objects.filter(reuse.shown_q()).values("derived").annotate(n=Count("id"))
                       .order_by("-n").first())
        cited = published.annotate(n=Count("cited_by__citing", distinct=True)).order_by("-n", "pk").first()
        pair = Reuse.objects.filter(reuse.shown_q()).order_by("-shared_chars", "pk").first()
        pages = []
        if most_reused:
            policy = Policy.objects.get(pk=most_reused["derived"])
            n = Reuse.objects.filter(reuse.shown_q()).filter(Q(source=policy) | Q(derived=policy)).count()
            pages += [(f"detail, {n} reuse pairs", policy.get_absolute_url()),
                      (f"API detail, {n} reuse pairs", f"/api/policies/{policy.pk}/")]
        if cited:
            pages += [(f"detail, cited by {cited.n}", cited.get_absolute_url()),
                      (f"API detail, cited by {cited.n}", f"/api/policies/{cited.pk}/")]
        if pair:
            pages.append((f"shared passages ({pair.shared_chars} characters)",
                          f"/policies/{pair.source_id}/compare/{pair.derived_id}/"))
        client, lines = Client(), ["| page | median (ms) | max (ms) | URL |", "|---|---:|---:|---|"]
        with override_settings(ALLOWED_HOSTS=[*settings.ALLOWED_HOSTS, "testserver"], SECURE_SSL_REDIRECT=False):
            for label, url in pages:
                client.get(url)
                times = []
                for _ in range(repeat):
                    at = time.perf_counter()
                    status = client.get(url).status_code
                    times.append((time.perf_counter() - at) * 1000)
                if status != 200:
                    raise CommandError(f"{url} answered {status}")
                lines.append(f"| {label} | {statistics.median(times):.1f} | {max(times):.1f} | `{url}` |")
        return lines


def row(costs) -> str:
    ordered = sorted(costs)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"{statistics.median(ordered) * 1000:.1f} | {p95 * 1000:.1f} | {ordered[-1] * 1000:.1f}"


def spread(costs) -> str:
    if not costs:
        return "none"
    return "p50 {} / p95 {} / max {} ms".format(*row(costs).split(" | "))
