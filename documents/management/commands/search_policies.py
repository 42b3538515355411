import json
import time

from django.core.management.base import BaseCommand, CommandError

from documents.search.facet_registry import NAMES
from documents.search import index
from documents.search.service import (
    SearchParamsError, explain, parse_search_params, search_page_to_dict, search_policies,
)


class Command(BaseCommand):
    help = "Search the archive as the API does; --json prints the API's body (without next/previous: use --page)."

    def add_arguments(self, parser):
        parser.add_argument("q", nargs="?", default="")
        for name in (*NAMES, "page", "page_size"):
            parser.add_argument(f"--{name.replace('_', '-')}", dest=name)
        parser.add_argument("--sort", default="relevance")
        parser.add_argument("--all", action="store_true", help="include drafts and withdrawn policies")
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--explain", action="store_true",
                            help="print how the search was answered: its plan, each statement and its time")

    def handle(self, q, json=False, all=False, explain=False, **options):
        data = {"q": q, "sort": options["sort"]}
        data.update({name: options[name] for name in (*NAMES, "page", "page_size") if options[name] is not None})
        try:
            params = parse_search_params(data)
        except SearchParamsError as error:
            raise CommandError(str(error)) from None
        if explain:
            return self.explain(params, all)
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


    def explain(self, params, include_unpublished):
        started = time.perf_counter()
        page, statements = explain(params, include_unpublished=include_unpublished)
        total = (time.perf_counter() - started) * 1000
        state = index.state()
        self.stdout.write(f"matches: {page.plan.matches} — {page.plan.reason}")
        self.stdout.write("index: " + (f"base of {state['lexemes']} lexemes built {state['built']:%Y-%m-%d %H:%M}, "
                                       f"{state['changes']} changed policies logged since" if state else "none"))
        for step in page.plan.steps:
            self.stdout.write(step)
        for number, statement in enumerate(statements, start=1):
            self.stdout.write(f"{number:>3}. {statement['ms']:>8.2f} ms  {statement['sql'][:300]}")
        self.stdout.write(f"{page.count} 条结果; {len(statements)} statements, "
                          f"{sum(s['ms'] for s in statements):.1f} ms in the database, {total:.1f} ms in all")


def dumps(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
