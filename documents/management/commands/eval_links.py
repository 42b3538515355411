import time

from django.core.management.base import BaseCommand, CommandError

from documents.evaluation import dumps, show
from documents.evaluation import citations as evaluation
from documents.evaluation import reuse as reuse_evaluation
from documents.evaluation import versions as versions_evaluation


class Command(BaseCommand):
    help = ("Citation resolution against the judged references in fixtures/links/citations.jsonl: precision "
            "and recall overall and per kind (exact, short, alias, version, absent); text reuse against the "
            "judged pairs of fixtures/links/reuse.jsonl: precision and recall of the pairs shown; versions "
            "against fixtures/links/versions.jsonl (by title and by amendment under another title). Reads "
            "the corpus files; no database.")

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--errors", action="store_true", help="list every wrong and every missed link")
        parser.add_argument("--judged", default=str(evaluation.JUDGED))
        parser.add_argument("--half", choices=["tune", "test"],
                            help="only the citing documents (reuse: pairs) the rules were tuned on, or only the others")
        parser.add_argument("--only", choices=["citations", "versions", "reuse"], help="one kind of link")
        parser.add_argument("--reuse-judged", default=str(reuse_evaluation.JUDGED))

    def handle(self, json, errors, judged, half, only, reuse_judged, **options):
        output = {}
        if only in (None, "citations"):
            output["citations"] = self.citations(json, errors, judged, half)
        if only in (None, "versions"):
            output["versions"] = self.versions(json, errors, half)
        if only in (None, "reuse"):
            output["reuse"] = self.reuse(json, errors, reuse_judged, half)
        if json:
            self.stdout.write(dumps(output if not only else output[only]))

    def versions(self, json, errors, half):
        started = time.perf_counter()
        entries = versions_evaluation.load_judged()
        if half:
            entries = [entry for entry in entries if versions_evaluation.half(entry) == half]
        problems = versions_evaluation.validate(entries)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"the judged version pairs have {len(problems)} problems")
        result = versions_evaluation.evaluate(entries)
        wrong = [row for row in result["rows"] if row["linked"] != row["same_work"]]
        if json:
            return {**{key: value for key, value in result.items() if key != "rows"},
                    **({"errors": wrong} if errors else {})}
        for row in wrong if errors else []:
            self.stdout.write(f"{'wrong ' if row['linked'] else 'missed'} {row['a']} | {row['b']} ({row['note']})")
        self.stdout.write(f"versions: {result['pairs']} judged pairs ({result['judged_versions']} one work, "
                          f"{result['renamed']} of them under another title), {result['linked']} linked, "
                          f"{result['correct']} correct: precision {show(result['precision'])}, recall "
                          f"{show(result['recall'])} (renamed: {show(result['renamed_recall'])}); "
                          f"{time.perf_counter() - started:.1f} s")
        return None

    def reuse(self, json, errors, judged, half):
        started = time.perf_counter()
        entries = reuse_evaluation.load_judged(judged)
        if half:
            entries = [entry for entry in entries if reuse_evaluation.half(entry) == half]
        texts = reuse_evaluation.read_texts(entries)
        problems = reuse_evaluation.validate(entries, texts)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"the judged reuse pairs have {len(problems)} problems")
        result = reuse_evaluation.evaluate(entries, texts)
        wrong = [row for row in result["rows"] if row["shown"] != row["judged"]]
        if json:
            return {**{key: value for key, value in result.items() if key != "rows"},
                    **({"errors": wrong} if errors else {})}
        for row in wrong if errors else []:
            what = "wrong " if row["shown"] else "missed"
            self.stdout.write(f"{what} {row['a']} | {row['b']}: {row['chars']} chars, shares {row['a_share']:.3f} / "
                              f"{row['b_share']:.3f}{'' if row['candidate'] else ', not a candidate'}")
        self.stdout.write(f"reuse: {result['pairs']} judged pairs ({result['judged_reuse']} reuse), "
                          f"{result['shown']} shown, {result['correct']} correct: precision {show(result['precision'])}, "
                          f"recall {show(result['recall'])}; hand-checked sentences of the reuse pairs inside the "
                          f"passages found: {show(result['sentence_recall'])} of {result['sentences']}; "
                          f"{time.perf_counter() - started:.1f} s")
        return None

    def citations(self, json, errors, judged, half):
        started = time.perf_counter()
        entries = evaluation.load_judged(judged)
        if half:
            entries = [entry for entry in entries if evaluation.half(entry) == half]
        candidates = evaluation.corpus_candidates()
        by_id = {candidate.id: candidate for candidate in candidates}
        documents = evaluation.read_documents(entries, by_id)
        problems = evaluation.validate(entries, documents, by_id)
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"the judged set has {len(problems)} problems")
        result = evaluation.evaluate(entries, documents, evaluation.build_index(candidates), candidates)
        listed = evaluation.errors(result) if errors else []
        if json:
            output = {key: value for key, value in result.items() if key != "references"}
            if errors:
                output["errors"] = listed
            return output
        for item in listed:
            wrong = "wrong " if item["link"] else "missed"
            self.stdout.write(f"{wrong} {item['kind']:7} {item['file']}@{item['start']} {item['written']} -> "
                              f"{item['link']} (judged {item['target']})\n        {item['sentence']}")
        self.stdout.write(f"{'kind':8} {'refs':>5} {'links':>5} {'correct':>7} {'precision':>9} {'recall':>7}")
        for name, figures in [*result["kinds"].items(), ("all", result["overall"])]:
            self.stdout.write(f"{name:8} {figures['references']:>5} {figures['links']:>5} {figures['correct']:>7} "
                              f"{show(figures['precision']):>9} {show(figures['recall']):>7}")
        counts = result["counts"]
        self.stdout.write(f"{counts['documents']} citing documents, {counts['references']} judged references "
                          f"({counts['with_target']} with a target in the corpus, {counts['not_found']} not found), "
                          f"{counts['unjudged_found']} found but not judged; index of {result['index']} documents; "
                          f"{time.perf_counter() - started:.1f} s")

