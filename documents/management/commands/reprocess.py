from django.core.management.base import BaseCommand, CommandError

from documents.curation.reprocess import ReprocessError, reprocess
from documents.models import Policy


class Command(BaseCommand):
    help = ("Re-run the ingestion pipeline on policies' stored raw bytes; updates derived fields, "
            "never a field a curator edited by hand.")

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="policy ids")
        parser.add_argument("--all", action="store_true", help="every policy")
        parser.add_argument("--quiet", action="store_true", help="print only changes, failures and the total")

    def handle(self, *args, ids, all=False, quiet=False, **options):
        if bool(ids) == bool(all):
            raise CommandError("give policy ids or --all (not both)")
        policies = Policy.objects.order_by("pk")
        if ids:
            policies = policies.filter(pk__in=ids)
            missing = set(ids) - set(policies.values_list("pk", flat=True))
            if missing:
                raise CommandError(f"no such policy: {', '.join(map(str, sorted(missing)))}")
        counts = {"changed": 0, "unchanged": 0, "failed": 0}
        for policy in policies.iterator(chunk_size=100):
            try:
                done = reprocess(policy)
            except ReprocessError as error:
                counts["failed"] += 1
                self.stderr.write(f"failed #{policy.pk}: {error}")
                continue
            counts["changed" if done.changed else "unchanged"] += 1
            if done.changed or not quiet:
                kept = f" (kept manual: {', '.join(done.kept)})" if done.kept else ""
                what = ", ".join(done.changed) or "nothing"
                self.stdout.write(f"#{policy.pk} {policy.title}: changed {what}{kept}")
        self.stdout.write("Reprocessed: " + ", ".join(f"{n} {name}" for name, n in counts.items()))
        if counts["failed"]:
            raise CommandError(f"{counts['failed']} policy(ies) failed")
