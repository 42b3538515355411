"""The search benchmark: a generated corpus of realistic policies in a separate database.

Documents are recombined from real sentences (the shared lawrefbook corpus when present,
else the demo corpus and seeds): region, issuer, year, type and title vary; a quarter of
each body comes from sentences about the digital economy, data and technology, so common
terms such as 数字经济 match most documents, as in the real archive. Each sentence is
segmented once; a document's vector is assembled from its sentences' tokens (jieba never
joins words across 。, so this equals segmenting the whole text) and written with COPY.
raw_text is left empty to halve the write volume; searches never read it.
"""

from __future__ import annotations

import hashlib
import math
import random
import re
import statistics
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from documents.ingest.result import POLICY_TYPES
from documents.search import index as search_index
from documents.search.tokens import tokens
from documents.search.vector import literal_from_tokens

ROOT = Path(settings.BASE_DIR)
SOURCES = [ROOT.parent / "shared" / "corpus" / "lawrefbook", Path("/work/shared/corpus/lawrefbook"),
           ROOT / "fixtures" / "corpus", ROOT / "fixtures" / "seeds"]
TOPIC_WORDS = ("数字经济", "数据", "人工智能", "算力", "集成电路", "互联网", "信息化", "数字化", "网络", "智能",
               "电子商务", "科技创新", "营商环境", "大数据", "软件", "平台")
TOPICS = ["数字经济", "数字经济", "数字经济", "数据要素", "人工智能", "算力基础设施", "集成电路", "数字政府",
          "智慧城市", "营商环境", "专精特新", "新质生产力", "工业互联网", "电子商务", "软件和信息技术服务业",
          "大数据", "科技创新", "数字化转型", "低空经济", "数字贸易"]
TITLE_FORMS = ["关于加快{t}发展的{k}", "{t}高质量发展{k}", "关于推进{t}创新发展的{k}", "促进{t}发展{k}",
               "{t}三年{k}", "关于支持{t}的若干{k}"]
HEADING_FORMS = ["总体要求", "发展目标", "加快{t}发展", "强化{t}支撑", "培育{t}生态", "推动{t}应用",
                 "完善{t}治理", "保障措施", "组织实施", "加强{t}人才", "优化{t}布局", "深化{t}合作"]
NUMERALS = "一二三四五六七八九十"
ISSUER_FORMS = ["{r}人民政府", "{r}人民政府办公厅", "{r}发展和改革委员会", "{r}工业和信息化局", "{r}大数据局"]
_SENTENCE = re.compile(r"[^。！？；\n]{8,160}[。！？；]")


@dataclass
class Sentence:
    text: str
    tokens: list


def load_sentences(limit: int = 120_000, seed: int = 7) -> tuple[list[Sentence], list[Sentence]]:
    """(general, topical) sentences from the first corpus found, each segmented once."""
    for source in SOURCES:
        files = sorted(source.rglob("*.md")) + sorted(source.glob("*.txt")) if source.exists() else []
        if files:
            break
    rng = random.Random(seed)
    texts = set()
    for path in files:
        body = path.read_text(encoding="utf-8", errors="replace").split("<!-- INFO END -->")[-1]
        texts.update(m.group(0).strip() for m in _SENTENCE.finditer(body) if not m.group(0).startswith("#"))
    texts = sorted(texts)
    rng.shuffle(texts)
    texts = texts[:limit]
    general, topical = [], []
    for text in texts:
        sentence = Sentence(text, tokens(text))
        (topical if any(word in text for word in TOPIC_WORDS) else general).append(sentence)
    return general, topical


class Generator:
    """Deterministic documents number i = 0…N-1 (the same N gives the same corpus)."""

    def __init__(self, general, topical, regions, issuers, seed: int = 42):
        self.general, self.topical = general, topical
        self.regions = regions  # [(code, name, province_code, city_code)]
        self.issuers = issuers  # region code -> [issuer id]
        self.seed = seed
        self._title_tokens: dict[str, list] = {}

    def _tokens(self, text):
        if text not in self._title_tokens:
            self._title_tokens[text] = tokens(text)
        return self._title_tokens[text]

    def document(self, i: int) -> dict:
        rng = random.Random(self.seed * 1_000_003 + i)
        code, region_name, province, city = rng.choice(self.regions)
        topic = rng.choice(TOPICS)
        kind = rng.choice(["实施方案", "行动计划", "意见", "通知", "规划", "办法", "方案", "若干措施"])
        policy_type = next((t for t in POLICY_TYPES if kind.endswith(t)), "其他")
        title = region_name + rng.choice(TITLE_FORMS).format(t=topic, k=kind)
        length = int(math.exp(rng.uniform(math.log(2000), math.log(20000))))
        year = rng.randint(2015, 2025)
        month, day = rng.randint(1, 12), rng.randint(1, 28)
        section_count = rng.randint(4, 12)
        per_section = max(1, length // section_count)
        parts, body_tokens, sections = [], [], []
        offset = 0
        for s in range(section_count):
            number = NUMERALS[s % 10] + "、" if s < 10 else f"{s + 1}."
            heading = rng.choice(HEADING_FORMS).format(t=rng.choice([topic, rng.choice(TOPICS)]))
            line = f"{number}{heading}\n"
            for token, at in self._tokens(heading):
                body_tokens.append((token, offset + len(number) + at))
            parts.append(line)
            offset += len(line)
            section_start = len(parts)
            written = 0
            while written < per_section:
                sentence = rng.choice(self.topical if rng.random() < 0.25 else self.general)
                body_tokens += [(token, offset + at) for token, at in sentence.tokens]
                parts.append(sentence.text)
                offset += len(sentence.text)
                written += len(sentence.text)
            parts.append("\n")
            offset += 1
            sections.append((s, number, heading, "".join(parts[section_start:-1])))
        text = "".join(parts)
        vectors = literal_from_tokens(
            [("A", self._tokens(title))] + [("B", self._tokens(h)) for _, _, h, _ in sections] + [("C", body_tokens)]
        )
        issuers = self.issuers.get(code) or self.issuers.get(province) or []
        chosen = rng.sample(issuers, k=min(len(issuers), rng.choice([1, 1, 2])))
        return {
            "title": title, "text": text, "vectors": vectors, "region": code, "province": province, "city": city,
            "type": policy_type, "year": year, "month": month, "day": day, "sections": sections,
            "issuers": chosen,
        }


# --- building the benchmark database -------------------------------------------------------

def use_database(name: str) -> bool:
    """Point this process's default connection at a database of its own (benchmark, load test, evaluation),
    creating it if needed.

    A database built before the phrase vectors' triples (migration 0024) is emptied: rebuilding it is
    faster than the migration re-segmenting every text. Returns whether it was.
    """
    default = connections["default"]
    with default.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone()
    if not exists:
        with default.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
    default.close()
    default.settings_dict["NAME"] = name
    if _predates_triples():
        empty()
        return True
    return False


def _predates_triples() -> bool:
    """Whether the database holds policies whose vectors were built before migration 0024."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('django_migrations') IS NOT NULL "
                       "AND to_regclass('documents_policy') IS NOT NULL")
        if not cursor.fetchone()[0]:
            return False
        cursor.execute("SELECT NOT EXISTS (SELECT FROM django_migrations WHERE app = 'documents' "
                       "AND name = '0024_phrase_triples') AND EXISTS (SELECT FROM documents_policy)")
        return cursor.fetchone()[0]


def empty() -> None:
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE documents_tasksection, documents_policy_issuers, documents_importrecord, "
                       "documents_policy, documents_issuer RESTART IDENTITY CASCADE")


def build(n: int, *, workers: int = 2, progress=print) -> dict:
    """Replace the benchmark database's policies by n generated ones; returns build figures."""
    from multiprocessing import get_context

    from documents.models import Issuer, Region

    started = time.monotonic()
    general, topical = load_sentences()
    progress(f"{len(general)} general and {len(topical)} topical sentences segmented "
             f"in {time.monotonic() - started:.0f} s")
    empty()
    regions = []
    for region in Region.objects.exclude(level=Region.Level.COUNTY).select_related("parent"):
        if region.level == Region.Level.NATIONAL:
            regions.append((region.code, "", None, None))
        else:
            province = region.code if region.level == Region.Level.PROVINCE else region.parent_id
            city = region.code if region.level == Region.Level.PREFECTURE else None
            regions.append((region.code, region.name, province, city))
    regions.sort()
    names = {}
    for code, name, _, _ in regions:
        for form in ISSUER_FORMS:
            names.setdefault(form.format(r=name or "国务院").replace("国务院人民政府", "国务院"), code)
    created = Issuer.objects.bulk_create(Issuer(name=name, region_id=code) for name, code in names.items())
    issuers: dict[str, list[int]] = {}
    for issuer in created:
        issuers.setdefault(issuer.region_id, []).append(issuer.pk)
    global _GENERATOR
    _GENERATOR = Generator(general, topical, regions, issuers)

    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE documents_policy ALTER COLUMN search_vector SET COMPRESSION lz4")
        cursor.execute("ALTER TABLE documents_policy ALTER COLUMN phrase_vector SET COMPRESSION lz4")
        for index in SEARCH_INDEXES:
            cursor.execute(f"DROP INDEX IF EXISTS {index}")
    load_started = time.monotonic()
    global _EXTRA_COLUMNS
    _EXTRA_COLUMNS = required_extra_columns()
    params = connection.get_connection_params()
    dsn = {key: params[key] for key in ("dbname", "user", "host", "port", "password") if params.get(key)}
    connection.close()  # the workers fork: none of them may share this socket
    chunks = [(start, min(n, start + 1000)) for start in range(0, n, 1000)]
    done = 0
    with get_context("fork").Pool(workers, initializer=_connect, initargs=(dsn,)) as pool:
        for count in pool.imap_unordered(_load_chunk, chunks):
            done += count
            progress(f"{done}/{n} documents")
    load_seconds = time.monotonic() - load_started

    index_seconds = build_indexes(n)
    rebuilt = search_index.rebuild()
    return {"load_s": round(load_seconds, 1), "index_s": round(index_seconds, 1),
            "base_s": rebuilt["seconds"], "base_lexemes": rebuilt["lexemes"], **sizes()}


def build_indexes(n: int) -> float:
    """The search indexes, sequences and planner statistics after a load (or an interrupted build); seconds taken."""
    index_started = time.monotonic()
    with connection.cursor() as cursor:
        cursor.execute("SET maintenance_work_mem = '1GB'")
        for index, sql in zip(SEARCH_INDEXES, SEARCH_INDEX_SQL):
            cursor.execute(f"DROP INDEX IF EXISTS {index}")
            cursor.execute(sql)
        cursor.execute("SELECT setval(pg_get_serial_sequence('documents_policy', 'id'), %s)", [n + 1])
        cursor.execute("SELECT setval(pg_get_serial_sequence('documents_tasksection', 'id'), "
                       "(SELECT coalesce(max(id), 0) + 1 FROM documents_tasksection))")
        cursor.execute("SELECT setval(pg_get_serial_sequence('documents_policy_issuers', 'id'), "
                       "(SELECT coalesce(max(id), 0) + 1 FROM documents_policy_issuers))")
        cursor.execute("VACUUM ANALYZE documents_policy")
        cursor.execute("VACUUM ANALYZE documents_tasksection")
        cursor.execute("VACUUM ANALYZE documents_policy_issuers")
    return time.monotonic() - index_started


def missing_indexes() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = 'documents_policy'")
        present = {row[0] for row in cursor.fetchall()}
    return [index for index in SEARCH_INDEXES if index not in present]


SEARCH_INDEXES = ("policy_search_gin", "policy_phrase_gin", "policy_search_title_gin", "policy_search_heading_gin")
SEARCH_INDEX_SQL = (
    "CREATE INDEX policy_search_gin ON documents_policy USING gin (search_vector)",
    "CREATE INDEX policy_phrase_gin ON documents_policy USING gin (phrase_vector)",
    "CREATE INDEX policy_search_title_gin ON documents_policy USING gin (ts_filter(search_vector, '{a}'))",
    "CREATE INDEX policy_search_heading_gin ON documents_policy USING gin (ts_filter(search_vector, '{a,b}'))",
)


def sizes() -> dict:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_total_relation_size('documents_policy'), "
            + ", ".join(f"pg_relation_size('{index}')" for index in SEARCH_INDEXES)
        )
        total, *indexes = cursor.fetchone()
        cursor.execute("SELECT pg_total_relation_size('search_term_postings'), "
                       "pg_total_relation_size('search_changes')")
        term_postings, changes = cursor.fetchone()
    mb = 1024 * 1024
    return {"table_mb": round(total / mb), **{f"{name}_mb": round(size / mb, 1)
                                               for name, size in zip(SEARCH_INDEXES, indexes)},
            "search_term_postings_mb": round(term_postings / mb, 1), "search_changes_mb": round(changes / mb, 1)}


POLICY_COLUMNS = ("id", "title", "doc_number", "region_id", "province_id", "city_id", "policy_type", "date_year",
                  "date_month", "date_day", "date_precision", "date", "source_site", "source_url", "source_key",
                  "script",
                  "raw_text", "clean_text", "simplified_text", "status", "content_hash", "quality_warnings",
                  "search_vector", "phrase_vector", "created", "updated")
EMPTY_VALUES = {"ARRAY": "{}", "json": "[]", "jsonb": "[]", "boolean": "f", "integer": "0", "smallint": "0",
                "bigint": "0", "text": "", "character varying": ""}
_GENERATOR: Generator | None = None
_CONNECTION = None
_EXTRA_COLUMNS: list[tuple[str, str]] = []


def required_extra_columns() -> list[tuple[str, str]]:
    """NOT NULL columns without a database default that the generator does not fill (fields added later)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'documents_policy' "
            "AND is_nullable = 'NO' AND column_default IS NULL"
        )
        return [(name, EMPTY_VALUES.get(kind, "")) for name, kind in cursor.fetchall() if name not in POLICY_COLUMNS]


def _connect(params):
    import psycopg

    global _CONNECTION
    _CONNECTION = psycopg.connect(**params)


def _load_chunk(bounds) -> int:
    start, end = bounds
    now = datetime.now(timezone.utc)
    policy_rows, section_rows, issuer_rows = [], [], []
    for i in range(start, end):
        doc = _GENERATOR.document(i)
        pk = i + 1
        text = doc["text"]
        policy_rows.append((
            pk, doc["title"], "", doc["region"], doc["province"], doc["city"], doc["type"], doc["year"], doc["month"],
            doc["day"],
            "day", date(doc["year"], doc["month"], doc["day"]), "", "", f"bench/{pk}", "hans", "", text, text,
            "published", hashlib.sha256(f"bench {pk}".encode()).hexdigest(), "[]", *doc["vectors"], now, now,
            *[value for _, value in _EXTRA_COLUMNS],
        ))
        for position, number, heading, body in doc["sections"]:
            section_rows.append((pk * 64 + position, pk, position, number, 1, heading, body, f"s{position + 1}"))
        for issuer in doc["issuers"]:
            issuer_rows.append((pk * 4 + len(issuer_rows) % 4, pk, issuer))
    with _CONNECTION.cursor() as cursor:
        columns = ", ".join([*POLICY_COLUMNS, *[name for name, _ in _EXTRA_COLUMNS]])
        with cursor.copy(f"COPY documents_policy ({columns}) FROM STDIN") as copy:
            for row in policy_rows:
                copy.write_row(row)
        with cursor.copy("COPY documents_tasksection (id, policy_id, position, number, level, heading, body, anchor) "
                         "FROM STDIN") as copy:
            for row in section_rows:
                copy.write_row(row)
        seen = set()
        with cursor.copy("COPY documents_policy_issuers (policy_id, issuer_id) FROM STDIN") as copy:
            for _, policy, issuer in issuer_rows:
                if (policy, issuer) not in seen:
                    seen.add((policy, issuer))
                    copy.write_row((policy, issuer))
    _CONNECTION.commit()
    return end - start


# --- measuring -----------------------------------------------------------------------------

QUERIES = [
    # (kind, q, filters)
    ("common", "数字经济", {}),
    ("common", "发展", {}),
    ("common", "数据", {}),
    ("common", "经济", {}),
    ("common", "人民政府", {}),
    ("rare", "粤菜", {}),
    ("rare", "地理标志", {}),
    ("rare", "中医药", {}),
    ("rare", "矿产资源", {}),
    ("rare", "无人驾驶", {}),
    ("and", "人工智能 集成电路", {}),
    ("and", "数据 安全", {}),
    ("and", "数字经济 营商环境", {}),
    ("and", "算力 人才", {}),
    ("phrase", '"公共数据"', {}),
    ("phrase", '"个人信息"', {}),
    ("phrase", "数据安全", {}),
    ("phrase3", '"公共数据开放"', {}),  # three pieces: one triple lexeme
    ("common+facets", "数字经济", {"province": "440000"}),
    ("common+facets", "数据", {"year": 2023, "type": "方案"}),
    ("common+facets", "发展", {"province": "330000", "year": 2022}),
    ("and+facets", "人工智能 集成电路", {"province": "110000"}),
    ("browse", "", {}),
    ("browse", "", {"province": "370000"}),
    ("browse", "", {"year": 2024, "type": "意见"}),
]


def _timed(function) -> float:
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def summary(times: list[float]) -> dict:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {"p50_ms": round(statistics.median(ordered), 1), "p95_ms": round(p95, 1), "max_ms": round(ordered[-1], 1)}


def naive_page(q: str, filters: dict) -> None:
    """Django's documented way: rank every match with SearchRank and take the top 20."""
    from django.contrib.postgres.search import SearchRank
    from django.db.models import F

    from documents.models import Policy
    from documents.search.query import LexemeQuery, parse
    from documents.search.service import SearchParams, apply_filters

    parsed = parse(q)
    matches = apply_filters(Policy.objects.published(), SearchParams(**filters))
    if not parsed.is_empty:
        query = LexemeQuery(parsed.tsquery())
        matches = matches.filter(search_vector=query).annotate(rank=SearchRank(F("search_vector"), query))
        matches = matches.order_by("-rank")
    list(matches.select_related("region")[:20])
    matches.count()


PHRASES = ['"公共数据"', '"个人信息"', "地理标志", '"国际一流"', '"公共数据开放"']


def phrase_counts(queries=PHRASES, runs: int = 5) -> list[dict]:
    """Each phrase's matches counted as the page counts them (pair lexemes) and by positions alone
    (PostgreSQL's <N> on the positional vector, as before pair lexemes), and its full page cold and
    warm: medians in ms, in the same process and database."""
    from django.core.cache import cache

    from documents.models import Policy
    from documents.search.planner import index_scans
    from documents.search.query import LexemeQuery, parse
    from documents.search.service import SearchParams, search_policies, text_matches

    def median(function):
        return round(statistics.median(_timed(function) for _ in range(runs)), 1)

    rows = []
    for q in queries:
        parsed = parse(q)
        published = Policy.objects.published()
        by_pairs = text_matches(published, parsed)
        by_positions = published.filter(search_vector=LexemeQuery(parsed.tsquery()))
        with index_scans():
            counts = by_pairs.count(), by_positions.count()
            pairs_ms, positions_ms = median(by_pairs.count), median(by_positions.count)
        params = SearchParams(q=q)
        cold_ms = median(lambda: (cache.clear(), search_policies(params)))
        warm_ms = median(lambda: search_policies(params))
        rows.append({"q": q, "matches": counts[0], "matches_by_positions": counts[1], "pairs_ms": pairs_ms,
                     "positions_ms": positions_ms, "ratio": round(positions_ms / max(pairs_ms, 0.001)),
                     "page_ms": cold_ms, "warm_ms": warm_ms})
    return rows


DIFFUSION_QUERIES = [
    ("数字经济", {}), ("数据", {}), ("发展", {}), ("人工智能", {}), ("数据要素", {}), ('"公共数据"', {}),
    ("数字经济", {"province": "440000"}), ("数据", {"type": "方案"}), ("具身智能", {"type": "政府工作报告"}),
]
COMPARISONS = ["440000,330000", "110000,310000,440000,330000"]


def diffusion_timings(runs: int = 3) -> dict:
    """The research views, cold (search cache cleared) and warm: /diffusion/'s counts (the grid, first
    policies and the yearly counts, documents.research.diffusion.cached_diffusion) and its whole page,
    and /compare/'s whole page; medians in ms per query, with p50/p95/max over all of them."""
    from django.core.cache import cache
    from django.test import RequestFactory

    from documents.research import diffusion, views

    factory = RequestFactory()

    def page(view, query):
        response = view(factory.get("/", query))
        assert response.status_code == 200, response.status_code

    def median(function, *, cold: bool):
        def run():
            if cold:
                cache.clear()
            function()
        return round(statistics.median(_timed(run) for _ in range(runs)), 1)

    rows, cold_counts, cold_pages, compare_pages = [], [], [], []
    for q, filters in DIFFUSION_QUERIES:
        params = diffusion.parse_diffusion_params({"q": q, **filters})
        result, _ = diffusion.cached_diffusion(params)  # warm-up: dictionaries, facet arrays
        counts = median(lambda: diffusion.cached_diffusion(params), cold=True)
        whole = median(lambda: page(views.diffusion_page, {"q": q, **filters}), cold=True)
        warm = median(lambda: page(views.diffusion_page, {"q": q, **filters}), cold=False)
        cold_counts.append(counts)
        cold_pages.append(whole)
        rows.append({"q": q, "filters": filters, "matches": sum(r.total for r in [result.national, *result.rows]),
                     "rows": len(result.rows), "years": len(result.years), "counts_ms": counts, "page_ms": whole,
                     "warm_ms": warm})
    compared = []
    for regions in COMPARISONS:
        page(views.compare_page, {"regions": regions})
        cold = median(lambda: page(views.compare_page, {"regions": regions}), cold=True)
        warm = median(lambda: page(views.compare_page, {"regions": regions}), cold=False)
        compare_pages.append(cold)
        compared.append({"regions": regions, "page_ms": cold, "warm_ms": warm})
    return {"diffusion_counts": summary(cold_counts), "diffusion_page": summary(cold_pages),
            "compare_page": summary(compare_pages), "queries": rows, "comparisons": compared}


def measure(runs: int = 3) -> dict:
    """p50/p95/max of the full result page — cold (search cache cleared) right after a rebuild of the index's
    base, warm (cached), and live (cold, after editing LIVE_SHARE of the policies through the normal save path,
    with no rebuild) — and of the naive page; the resident memory of the process after the run."""
    from django.core.cache import cache

    from documents.search.service import SearchParams, search_policies

    if (search_index.state() or {}).get("changes", 1):  # cold means right after a rebuild: fold an earlier run's log in
        search_index.rebuild()

    def cold():
        cache.clear()  # facet counts are cached: a cold page counts them again
        search_policies(params)

    page_times, warm_times, naive_times, rows = [], [], [], []
    common_page, common_naive = [], []
    for kind, q, filters in QUERIES:
        params = SearchParams(q=q, **filters)
        count = search_policies(params).count  # warm-up: caches, parsed dictionaries
        page = [_timed(cold) for _ in range(runs)]
        warm = [_timed(lambda: search_policies(params)) for _ in range(runs)]
        warm_times += warm
        naive = [_timed(lambda: naive_page(q, filters)) for _ in range(runs)]
        page_times += page
        naive_times += naive
        if kind == "common":
            common_page += page
            common_naive += naive
        rows.append({"kind": kind, "q": q, "filters": filters, "count": count,
                     "page_ms": round(statistics.median(page), 1), "warm_ms": round(statistics.median(warm), 1),
                     "naive_ms": round(statistics.median(naive), 1)})
    speedup = statistics.median(common_naive) / max(statistics.median(common_page), 0.001)
    live_times, edits = [], {"originals": [], "save_ms": []}
    try:
        edit_policies(edits)
        for (kind, q, filters), row in zip(QUERIES, rows):
            params = SearchParams(q=q, **filters)
            live = [_timed(cold) for _ in range(runs)]  # no warm-up: the first one catches up on the edits
            live_times += live
            row["live_ms"] = round(statistics.median(live), 1)
    finally:
        restore(edits["originals"])
    changes = search_index.state()["changes"]
    search_index.rebuild()
    return {"page": summary(page_times), "page_warm": summary(warm_times), "live": summary(live_times),
            "naive": summary(naive_times), "common_terms_speedup": round(speedup, 1),
            "live_edits": {"policies": len(edits["originals"]), "save": summary(edits["save_ms"]),
                           "logged_changes": changes},
            "rss_mb": resident_mb(), "queries": rows, "diffusion": diffusion_of_common_terms(runs)}


LIVE_SHARE = 0.01
EDITED = "数据要素市场化配置改革，推进公共数据授权运营。"


def edit_policies(edits: dict, share: float = LIVE_SHARE) -> None:
    """Edit every (1/share)-th policy through the curators' save path (model save, the signals' vector
    rebuild): a sentence added to its text and its title; every tenth one withdrawn instead. Records in
    `edits` each original as it goes (for restore(), even after a failure) and each save's time in ms."""
    from documents.models import Policy

    originals, times = edits["originals"], edits["save_ms"]
    ids = list(Policy.objects.order_by("id").values_list("id", flat=True)[:: round(1 / share)])
    for number, pk in enumerate(ids):
        policy = Policy.objects.get(pk=pk)
        originals.append((pk, policy.title, policy.clean_text, policy.simplified_text, policy.status))
        if number % 10 == 9:
            policy.status = Policy.Status.WITHDRAWN
        else:
            policy.title = f"{policy.title}（修订）"
            policy.clean_text = f"{policy.clean_text}\n{EDITED}"
            policy.simplified_text = f"{policy.simplified_text}\n{EDITED}"
        times.append(_timed(policy.save))  # autocommit: the vector rebuild runs at once, inside the timing


def restore(originals) -> None:
    from documents.models import Policy

    for pk, title, clean_text, simplified_text, status in originals:
        policy = Policy.objects.get(pk=pk)
        policy.title, policy.clean_text, policy.simplified_text, policy.status = title, clean_text, simplified_text, status
        policy.save()


def resident_mb() -> float:
    """This process's resident memory now (VmRSS), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def diffusion_of_common_terms(runs: int = 3) -> dict:
    """/diffusion/'s counts of each common term (province × year grid, first policies, yearly counts),
    cold: p50/p95/max over all runs, and the median per term."""
    from django.core.cache import cache

    from documents.research import diffusion

    times, rows = [], []
    for kind, q, filters in QUERIES:
        if kind != "common":
            continue
        params = diffusion.parse_diffusion_params({"q": q})
        result, _ = diffusion.cached_diffusion(params)  # warm-up
        runs_ms = [_timed(lambda: (cache.clear(), diffusion.cached_diffusion(params))) for _ in range(runs)]
        times += runs_ms
        rows.append({"q": q, "matches": sum(row.total + row.undated for row in result.all_rows),
                     "rows": len(result.rows), "years": len(result.years), "cold_ms": round(statistics.median(runs_ms), 1)})
    return {**summary(times), "queries": rows}
