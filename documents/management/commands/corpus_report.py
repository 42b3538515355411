import json

from django.core.management.base import BaseCommand

from documents.reports import corpus_report


class Command(BaseCommand):
    help = "Quality report over everything imported: provinces, types, sources, dates, gaps, warnings, agreement of the regions read with the file names."

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", dest="as_json")

    def handle(self, *args, as_json=False, **options):
        report = corpus_report()
        if as_json:
            self.stdout.write(json.dumps(report, ensure_ascii=False, indent=2))
            return
        out = self.stdout.write
        out(f"Policies: {report['policies']}")
        for title, key in [("By province", "by_province"), ("By type", "by_type"),
                           ("Date precision", "date_precision"), ("Quality warnings", "warnings")]:
            out(f"\n{title}:")
            for name, n in report[key].items():
                out(f"  {name}\t{n}")
        out(f"\nWithout region: {report['without_region']}")
        out(f"Without issuer: {report['without_issuer']}")
        out(f"Without sections: {report['without_sections']}")
        out("\nBy source folder (documents, policies made, duplicates of another; types):")
        for name, folder in report["by_source"].items():
            types = ", ".join(f"{kind} {n}" for kind, n in folder["types"].items())
            out(f"  {name}\t{folder['documents']}\t{folder['created']}\t{folder['duplicates']}\t{types}")
        for level in ("province", "city"):
            agreement = report[f"{level}_agreement"]
            if agreement["checked"]:
                out(f"\n{level.capitalize()} read from the text agrees with the file's path: "
                    f"{agreement['agree']}/{agreement['checked']} = {agreement['ratio']:.1%}")
        for key, named, region in report["disagreements"]:
            out(f"  {key}: path names {named}, text gives {region or '（无）'}")
