import json
from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from documents.benchmarks import search as bench
from documents.models import Policy
from documents.search import index


class Command(BaseCommand):
    help = ("Benchmark the search result page against the naive SearchRank ordering on N generated policies "
            "in a separate database (reused when it already holds N policies).")

    def add_arguments(self, parser):
        parser.add_argument("--docs", type=int, default=10_000)
        parser.add_argument("--runs", type=int, default=3, help="timed runs per query")
        parser.add_argument("--database", help="benchmark database name (default: policyarchive_bench for "
                                               "20,000 policies, policyarchive_bench_100k for 100,000…)")
        parser.add_argument("--rebuild", action="store_true")
        parser.add_argument("--workers", type=int, default=2)
        parser.add_argument("--json", action="store_true")
        parser.add_argument("--phrases", action="store_true",
                            help="only count phrases by pair lexemes and by positions, on the database as it is")
        parser.add_argument("--research", action="store_true",
                            help="only time /diffusion/ and /compare/ on the configured database as it is (no "
                                 "switch, no migrate: DATABASE_URL's, e.g. the imported corpus)")
        parser.add_argument("--out", help="also write the --research figures as JSON to this file (docs/…)")

    def handle(self, docs, runs, database, rebuild, workers, json, phrases, research, out, **options):
        say = self.stderr.write if json else self.stdout.write
        if research:
            return self.research(runs, json, out, say)
        database = database or default_database(docs)
        if bench.use_database(database):
            say(f"{database} was built without triple lexemes: emptied for a rebuild")
        call_command("migrate", verbosity=0)
        if phrases:
            rows = bench.phrase_counts(runs=runs)
            if json:
                self.stdout.write(dumps({"docs": Policy.objects.published().count(), "phrases": rows}))
            for row in [] if json else rows:
                say(f"{row['q']:10} {row['matches']:>7} matches ({row['matches_by_positions']} by positions)  "
                    f"pairs {row['pairs_ms']:>7} ms  positions {row['positions_ms']:>8} ms  {row['ratio']:>4}×  "
                    f"page {row['page_ms']:>6} ms  warm {row['warm_ms']:>6} ms")
            return
        built = None
        if rebuild or Policy.objects.count() != docs:
            say(f"Building {docs} policies in {database}…")
            built = bench.build(docs, workers=workers, progress=say)
            say(f"Built: {built}")
        elif bench.missing_indexes():  # a build interrupted after loading
            say(f"Building the search indexes: {bench.build_indexes(docs):.0f} s; index: {index.rebuild()}")
        elif index.state() is None:  # a database built before migration 0023, or changed before it
            say(f"The search index's base: {index.rebuild()}")
        result = {"docs": Policy.objects.count(), **bench.measure(runs=runs), "build": built or bench.sizes()}
        if json:
            self.stdout.write(dumps(result))
            return
        for row in result["queries"]:
            say(f"{row['kind']:14} {row['q'] or '（浏览）':12} {row['filters']!s:34} {row['count']:>7} matches  "
                f"page {row['page_ms']:>7} ms  warm {row['warm_ms']:>6} ms  live {row['live_ms']:>7} ms  "
                f"naive {row['naive_ms']:>7} ms")
        say(f"{result['docs']} policies, {runs} runs per query")
        for name in ("page", "page_warm", "live", "naive"):
            figures = result[name]
            say(f"{name:6} p50 {figures['p50_ms']} ms  p95 {figures['p95_ms']} ms  max {figures['max_ms']} ms")
        say(f"common terms: {result['common_terms_speedup']}× faster than naive")
        edits = result["live_edits"]
        say(f"live: after {edits['policies']} saves (p50 {edits['save']['p50_ms']} ms, p95 {edits['save']['p95_ms']} ms),"
            f" {edits['logged_changes']} logged changes; resident memory {result['rss_mb']} MB")
        for row in result["diffusion"]["queries"]:
            say(f"diffusion {row['q']:10} {row['matches']:>7} matches  {row['rows']} rows × {row['years']} years  "
                f"cold {row['cold_ms']:>7} ms")
        figures = result["diffusion"]
        say(f"diffusion p50 {figures['p50_ms']} ms  p95 {figures['p95_ms']} ms  max {figures['max_ms']} ms")


    def research(self, runs, json, out, say):
        result = {"docs": Policy.objects.published().count(), "runs": runs, **bench.diffusion_timings(runs=runs)}
        if out:
            Path(out).write_text(dumps(result) + "\n", encoding="utf-8")
        if json:
            self.stdout.write(dumps(result))
            return
        for row in result["queries"]:
            say(f"diffusion {row['q']:8} {row['filters']!s:26} {row['matches']:>6} matches {row['rows']:>3} rows "
                f"{row['years']:>3} years  counts {row['counts_ms']:>6} ms  page {row['page_ms']:>6} ms  "
                f"warm {row['warm_ms']:>6} ms")
        for row in result["comparisons"]:
            say(f"compare {row['regions']:28} page {row['page_ms']:>6} ms  warm {row['warm_ms']:>6} ms")
        say(f"{result['docs']} published policies, {runs} runs each (cold: search cache cleared)")
        for name in ("diffusion_counts", "diffusion_page", "compare_page"):
            figures = result[name]
            say(f"{name:16} p50 {figures['p50_ms']} ms  p95 {figures['p95_ms']} ms  max {figures['max_ms']} ms")


def default_database(docs: int) -> str:
    if docs == 20_000:
        return "policyarchive_bench"
    return f"policyarchive_bench_{docs // 1000}k" if docs % 1000 == 0 else f"policyarchive_bench_{docs}"


def dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
