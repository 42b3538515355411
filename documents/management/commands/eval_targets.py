from itertools import groupby
from operator import itemgetter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from documents.evaluation import dumps, show
from documents.evaluation import targets as evaluation
from documents.ingest.targets import find_targets


class Command(BaseCommand):
    help = ("Target extraction against the judged sentences in fixtures/targets/judged.jsonl: per-field "
            "precision and recall, complete targets, counts. Reads the corpus files; no database.")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--errors", action="store_true", help="list every missed, spurious and wrong target")
        parser.add_argument("--judged", type=Path, default=evaluation.JUDGED)
        parser.add_argument("--heldout", action="store_const", dest="judged", const=evaluation.HELDOUT,
                            help="score the held-out set (fixtures/targets/heldout-27.jsonl) instead")
        parser.add_argument("--against", type=Path,
                            help="score this second judge's set of the same sentences against --judged, not the reader")
        parser.add_argument("--half", choices=["tune", "test"],
                            help="only the judged documents whose rules were tuned on their errors, or only the others")
        parser.add_argument("--root", type=Path, default=evaluation.SHARED, help="folder the judged entries' file paths are relative to")

    def handle(self, json, errors, judged, root, half, against, **options):
        entries = evaluation.load_judged(judged)
        if half:
            entries = [entry for entry in entries if evaluation.half(entry) == half]
        documents = evaluation.read_documents(entries, root)
        problems = evaluation.validate(entries, documents)
        other = evaluation.load_judged(against) if against else []
        if other:
            problems += [f"--against: {problem}" for problem in evaluation.validate(other, evaluation.read_documents(other, root))]
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"the judged set has {len(problems)} problems")
        if against:
            result = evaluation.agreement_between(entries, other, evaluation.load_vocabulary())
        else:
            result = evaluation.evaluate(entries, documents, find_targets, evaluation.load_vocabulary())
        listed = evaluation.errors(result) if errors else []
        if json:
            output = {key: value for key, value in result.items() if key != "sentences"}
            if errors:
                output["errors"] = listed
            self.stdout.write(dumps(output))
            return
        for (name, row, sentence), items in groupby(listed, key=itemgetter("file", "row", "sentence")):
            self.stdout.write(f"{name}{'#' + str(row) if row else ''}: {sentence}")
            for item in items:
                if "extracted" in item:
                    self.stdout.write(f"  spurious  {item['extracted']}")
                else:
                    self.stdout.write(f"  {item['error']:9} {item['judged']}")
                for field, values in item.get("fields", {}).items():
                    self.stdout.write(f"            {field}: {values} (judged / extracted)")
        self.stdout.write(f"{'field':10} {'precision':>9} {'recall':>7} {'F1':>6} {'agree':>6}")
        for name, figures in [*result["fields"].items(), ("complete", result["complete"])]:
            self.stdout.write(f"{name:10} {show(figures['precision']):>9} {show(figures['recall']):>7} "
                              f"{show(figures['f1']):>6} {figures['agree']:>6}")
        counts = result["counts"]
        self.stdout.write(
            f"{counts['sentences']} sentences ({counts['sentences_without_targets']} without targets), "
            f"{counts['judged']} judged, {counts['extracted']} extracted, {counts['paired']} paired, "
            f"{counts['missed']} missed, {counts['spurious']} spurious; "
            f"vocabulary of {result['vocabulary']} indicators")
        if against:
            alone = result["judged_alone"]
            self.stdout.write(f"(the second judge's targets stand for the extracted; sentences judged by one only: "
                              f"{alone['judged']} in --judged, {alone['other']} in --against)")

