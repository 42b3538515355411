from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from documents.benchmarks import search as bench
from documents.evaluation import dumps
from documents.evaluation import search as evaluation


class Command(BaseCommand):
    help = ("Relevance of search over the judged queries in fixtures/search/judgements.json: recall@10, MRR, "
            "nDCG@10. Runs in its own database holding exactly the seeds and the demo corpus.")

    def add_arguments(self, parser):
        parser.add_argument("--database", default="policyarchive_eval",
                            help="evaluation database (created and filled on first use)")
        parser.add_argument("--current", action="store_true", help="evaluate the configured database as it is")
        parser.add_argument("--json", action="store_true")

    def handle(self, database, current, json, **options):
        say = self.stderr.write if json else self.stdout.write
        if not current:
            bench.use_database(database)
            call_command("migrate", verbosity=0)
            evaluation.import_sources(progress=say)
        result = evaluation.evaluate(evaluation.load_judgements())
        if json:
            self.stdout.write(dumps(result))
            return
        for row in result["rows"]:
            if "recall" in row:
                say(f"{row['kind']:12} {row['q']:24} recall@10 {row['recall']:.2f}  RR {row['rr']:.2f}  "
                    f"nDCG@10 {row['ndcg']:.2f}  ({row['count']} matches)"
                    + (f"  missing: {', '.join(row['missing'])}" if row["missing"] and row["recall"] < 1 else ""))
            else:
                say(f"{row['kind']:12} {row['q']:24} {'ok' if row['passed'] else 'FAILED'}  ({row['count']} matches)")
        say(f"{result['queries']} queries: recall@10 {result['recall@10']}  MRR {result['mrr']}  "
            f"nDCG@10 {result['ndcg@10']}  boilerplate {result['boilerplate_passed']}")
        passed, total = result["boilerplate_passed"].split("/")
        if passed != total:
            raise CommandError("a boilerplate-only query matched")

