from django.core.management.base import BaseCommand

from documents.search import stats


class Command(BaseCommand):
    help = ("Recount the precomputed facet counts of the most frequent lexemes and of browsing "
            "(documents/search/stats.py); imports and reindex do it when the archive is large enough.")

    def add_arguments(self, parser):
        parser.add_argument("--min-docs", type=int, default=stats.MIN_DOCS)
        parser.add_argument("--min-share", type=float, default=stats.MIN_SHARE)

    def handle(self, min_docs, min_share, **options):
        self.stdout.write(f"{stats.refresh(min_docs=min_docs, min_share=min_share)}")
