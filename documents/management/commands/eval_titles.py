from django.core.management.base import BaseCommand

from documents.evaluation import dumps, show
from documents.evaluation import titles as evaluation


class Command(BaseCommand):
    help = ("Chinese titles of the research workbook's English-titled rows against the judged rows in "
            "fixtures/titles/workbook-titles.csv: precision and recall per half (tune / heldout), and how many "
            "of all English-titled rows got a Chinese title by which rule. Reads the workbook; no database.")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--errors", action="store_true", help="list every wrong, missed and spurious title")

    def handle(self, json=False, errors=False, **options):
        entries = evaluation.load_judged()
        rows = evaluation.read_workbook()
        result = evaluation.evaluate(entries, rows)
        by_rule = evaluation.english_rows_by_rule(rows)
        if json:
            self.stdout.write(dumps({"figures": result["figures"], "english_rows_by_rule": dict(by_rule)}))
            return
        for half, f in result["figures"].items():
            self.stdout.write(f"{half:8} rows {f['rows']:3}  titles stated {f['expected']:3}  proposed {f['proposed']:3}  "
                              f"correct {f['correct']:3}  P {show(f['precision'])}  R {show(f['recall'])}")
        total = sum(by_rule.values())
        found = total - by_rule.get("", 0)
        self.stdout.write(f"English-titled rows: {total}; Chinese title found for {found} ("
                          + ", ".join(f"{rule} {n}" for rule, n in sorted(by_rule.items()) if rule) + f"), none stated {by_rule.get('', 0)}")
        if errors:
            for o in result["rows"]:
                if not o["correct"] and (o["got"] or o["expected"]):
                    self.stdout.write(f"  {o['sheet']}!{o['row']} ({o['half']}): got “{o['got']}” want “{o['expected']}”")
