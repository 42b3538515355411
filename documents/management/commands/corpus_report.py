import json

from django.core.management.base import BaseCommand

from documents.reports import corpus_report


class Command(BaseCommand):
    help = "Quality report over everything imported: provinces, types, dates, gaps, warnings, folder agreement."

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
        agreement = report["province_agreement"]
        if agreement["checked"]:
            out(f"\nProvince agrees with the folder: {agreement['agree']}/{agreement['checked']}"
                f" = {agreement['ratio']:.1%}")
            for key, province in report["disagreements"]:
                out(f"  {key}: extracted {province or '（无）'}")
