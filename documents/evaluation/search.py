"""Relevance evaluation over the judged query set (fixtures/search/judgements.json).

Documents are named by their file name without extension, as imported from fixtures/seeds
and fixtures/corpus. recall@10 divides by min(|relevant|, 10), so a query with 17 relevant
policies can still reach 1.0; MRR is the reciprocal rank of the first relevant policy (0 when
none is in the first 20); nDCG@10 uses gains 2^grade - 1. Queries without relevant documents
(navigation boilerplate) pass only when they match nothing at all.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from django.conf import settings

from documents.models import ImportRecord
from documents.search.service import SearchParams, search_policies

JUDGEMENTS = Path(settings.BASE_DIR) / "fixtures" / "search" / "judgements.json"
SOURCES = [Path(settings.BASE_DIR) / "fixtures" / "seeds", Path(settings.BASE_DIR) / "fixtures" / "corpus"]
K = 10


def load_judgements(path: Path = JUDGEMENTS) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8"))["queries"]


def import_sources(progress=None) -> int:
    """Import the seeds and the demo corpus (idempotent: files already imported are skipped quickly)."""
    from documents.importing import IngestError, import_document

    done = 0
    for folder in SOURCES:
        for path in sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md") and p.name != "README.md"):
            try:
                import_document(path.read_bytes(), path.name, source_key=str(path.relative_to(folder)))
            except IngestError:
                continue  # e.g. the corpus's _index.md scaffolding pages
            done += 1
            if progress and done % 50 == 0:
                progress(f"{done} files imported…")
    return done


def document_names() -> dict[int, str]:
    """policy id -> file name without extension."""
    return {
        policy_id: Path(name).stem
        for policy_id, name in ImportRecord.objects.filter(policy__isnull=False).values_list("policy_id", "file_name")
    }


def ndcg(ranked: list[str], relevant: dict[str, int]) -> float:
    dcg = sum((2 ** relevant.get(name, 0) - 1) / math.log2(i + 2) for i, name in enumerate(ranked[:K]))
    ideal = sorted(relevant.values(), reverse=True)[:K]
    best = sum((2 ** grade - 1) / math.log2(i + 2) for i, grade in enumerate(ideal))
    return dcg / best if best else 0.0


def evaluate(queries: list[dict]) -> dict:
    names = document_names()
    rows = []
    for query in queries:
        page = search_policies(SearchParams(q=query["q"], page_size=20))
        ranked = [names.get(hit.policy.pk, f"#{hit.policy.pk}") for hit in page.hits]
        relevant = query["relevant"]
        row = {"q": query["q"], "kind": query["kind"], "count": page.count, "top": ranked[:K]}
        if relevant:
            found = [name for name in ranked[:K] if name in relevant]
            first = next((i for i, name in enumerate(ranked) if name in relevant), None)
            row.update(
                recall=len(found) / min(len(relevant), K),
                rr=1 / (first + 1) if first is not None else 0.0,
                ndcg=ndcg(ranked, relevant),
                missing=[name for name in relevant if name not in ranked[:K]][:5],
            )
        else:
            row["passed"] = page.count == 0
        rows.append(row)
    judged = [row for row in rows if "recall" in row]
    negatives = [row for row in rows if "passed" in row]

    def mean(key, subset):
        return round(sum(row[key] for row in subset) / len(subset), 3) if subset else None

    by_kind = {}
    for kind in dict.fromkeys(row["kind"] for row in judged):
        subset = [row for row in judged if row["kind"] == kind]
        by_kind[kind] = {"queries": len(subset), "recall@10": mean("recall", subset), "mrr": mean("rr", subset),
                         "ndcg@10": mean("ndcg", subset)}
    return {
        "queries": len(rows),
        "recall@10": mean("recall", judged),
        "mrr": mean("rr", judged),
        "ndcg@10": mean("ndcg", judged),
        "boilerplate_passed": f"{sum(row['passed'] for row in negatives)}/{len(negatives)}",
        "by_kind": by_kind,
        "rows": rows,
    }
