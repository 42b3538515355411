import time

from django.core.management.base import BaseCommand

from documents.indexing import update_search_vector
from documents.models import Policy
from documents.search.cache import invalidate
from documents.search.index import rebuild_if_useful


class Command(BaseCommand):
    help = "Rebuild the search vector of every policy (or of the given ids)."

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int)

    def handle(self, ids, **options):
        policies = Policy.objects.order_by("pk")
        if ids:
            policies = policies.filter(pk__in=ids)
        started = time.monotonic()
        done = 0
        for policy in policies.only("pk", "title", "simplified_text").iterator(chunk_size=200):
            update_search_vector(policy)
            done += 1
            if done % 1000 == 0:
                self.stdout.write(f"{done} policies…")
        invalidate()
        refreshed = rebuild_if_useful()
        if refreshed:
            self.stdout.write(f"Search index rebuilt: {refreshed}")
        self.stdout.write(f"Reindexed {done} policies in {time.monotonic() - started:.1f} s")
