import statistics
import time

from django.core.management.base import BaseCommand

from documents import reuse
from documents.citations import save_citations
from documents.models import Policy, Reuse


class Command(BaseCommand):
    help = ("Every link of the archive from scratch: each policy's citations, then the text reuse pairs "
            "(signatures, then each policy aligned with its LSH candidates). Prints the time of each and "
            "the cost per policy.")

    def add_arguments(self, parser):
        parser.add_argument("--skip-citations", action="store_true", help="only the reuse pairs")

    def handle(self, skip_citations, **options):
        if not skip_citations:
            started, costs = time.perf_counter(), []
            for policy in Policy.objects.order_by("pk").iterator(chunk_size=200):
                at = time.perf_counter()
                save_citations(policy)
                costs.append(time.perf_counter() - at)
            self.stdout.write(f"citations: {len(costs)} policies in {time.perf_counter() - started:.1f} s "
                              f"({_spread(costs)})")
        costs, slowest = [], []

        def report(policy, pairs, seconds):
            costs.append(seconds)
            slowest.append((seconds, policy.pk))

        result = reuse.rebuild_all(report=report)
        shown = Reuse.objects.filter(reuse.shown_q()).count()
        self.stdout.write(f"reuse: {result['policies']} policies, {result['pairs']} pairs stored, {shown} shown, "
                          f"in {result['seconds']:.1f} s (signatures {result['signature_seconds']:.1f} s; candidates and alignment a policy: {_spread(costs)}; slowest: "
                          + ", ".join(f"#{pk} {cost:.1f} s" for cost, pk in sorted(slowest, reverse=True)[:3]) + ")")


def _spread(costs) -> str:
    if not costs:
        return "none"
    ordered = sorted(costs)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return (f"p50 {statistics.median(ordered) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
            f"max {ordered[-1] * 1000:.0f} ms a policy")
