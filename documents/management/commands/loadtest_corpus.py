from django.core.management import call_command
from django.core.management.base import BaseCommand

from documents.benchmarks import search as bench
from documents.models import Policy


class Command(BaseCommand):
    help = ("Prepare the load-test database: N generated policies (the search benchmark's generator, "
            "documents/benchmarks/search.py) plus the five seeds, in a database of their own.")

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=10_000)
        parser.add_argument("--database", default="policyarchive_load", help="load-test database name")
        parser.add_argument("--rebuild", action="store_true")
        parser.add_argument("--workers", type=int, default=2)

    def handle(self, docs, database, rebuild, workers, **options):
        bench.use_database(database)
        call_command("migrate", verbosity=0)
        generated = Policy.objects.filter(source_key__startswith="bench/").count()
        if rebuild or generated != docs:
            self.stdout.write(f"Building {docs} policies in {database}…")
            self.stdout.write(f"Built: {bench.build(docs, workers=workers, progress=self.stdout.write)}")
        call_command("import_policies", "fixtures/seeds", quiet=True, stdout=self.stdout)
        self.stdout.write(f"{database}: {Policy.objects.published().count()} published policies")
