from django.core.management.base import BaseCommand

from documents.search import index


class Command(BaseCommand):
    help = ("Rebuild the search index's base (documents/search/index.py): the bitmaps of the frequent lexemes, "
            "written in one snapshot, with the change log folded into them. The index is exact without it; "
            "a long log only costs each read a little more. Imports and reindex do it for large archives.")

    def add_arguments(self, parser):
        parser.add_argument("--min-docs", type=int, default=index.MIN_LEXEME_DOCS,
                            help="bitmaps for lexemes in at least this many published policies …")
        parser.add_argument("--min-share", type=float, default=index.SHARE, help="… and at least this share of them")

    def handle(self, min_docs, min_share, **options):
        self.stdout.write(f"{index.rebuild(min_docs=min_docs, min_share=min_share)}")
