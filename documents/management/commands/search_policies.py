import json

from django.core.management.base import BaseCommand, CommandError

from documents.search.facet_registry import NAMES
from documents.search.service import SearchParamsError, parse_search_params, search_page_to_dict, search_policies


class Command(BaseCommand):
    help = "Search the archive as the API does; --json prints the API's body (without next/previous: use --page)."

    def add_arguments(self, parser):
        parser.add_argument("q", nargs="?", default="")
        for name in (*NAMES, "page", "page_size"):
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name)
        parser.add_argument("--sort", default="relevance")
        parser.add_argument("--all", action="store_true", help="include drafts and withdrawn policies")
        parser.add_argument("--json", action="store_true")

    def handle(self, q, json=False, all=False, **options):
        data = {"q": q, "sort": options["sort"]}
        data.update({name: options[name] for name in (*NAMES, "page", "page_size") if options[name] is not None})
        try:
            params = parse_search_params(data)
        except SearchParamsError as error:
            raise CommandError(str(error)) from None
        page = search_policies(params, include_unpublished=all)
        if json:
            self.stdout.write(dumps(search_page_to_dict(page)))
            return
        for hit in page.hits:
            policy = hit.policy
            rank = f"{hit.rank:.3f}" if hit.rank is not None else "-"
            region = policy.region.name if policy.region else "—"
            self.stdout.write(f"#{policy.pk} [{rank}] {policy.title} · {region} · {policy.date_display}")
            sections = "、".join(f"{s['number']}{s['heading'][:20]}" for s in hit.matched_sections[:3])
            if sections:
                self.stdout.write(f"    章节：{sections}")
        self.stdout.write(f"{page.count} 条结果，第 {params.page}/{page.num_pages} 页")


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
