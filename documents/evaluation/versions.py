"""Versions of one work scored against the judged pairs (fixtures/links/versions.jsonl).

Each line is a pair of corpus files judged by reading their front matter: `same_work` true when the
later text is the earlier one amended or revised (its front matter lists the earlier adoption or
amendment), under the same title or another (a work renamed, 莱芜's regulation taken over by 济南);
false for different works however alike their titles or texts (a decision amending several laws at
once, sister cities' regulations on one subject, a province's rule implementing a national law).
The archive's rule (links.one_work on texts) decides each pair: the same title key in one province,
or a text of that province saying it amends the other's title (ingest.versions.amended_titles).
precision = pairs linked that are judged one work / pairs linked; recall = judged pairs linked /
judged pairs.

No Django and no database: texts come from the corpus files through the ingestion pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

from documents.evaluation.citations import corpus_candidates, read_document
from documents.evaluation.targets import half as _half
from documents.ingest.citations import title_key
from documents.ingest.versions import amended_titles

BASE = Path(__file__).resolve().parents[2]
JUDGED = BASE / "fixtures" / "links" / "versions.jsonl"
LINE_KEYS = {"a", "b", "same_work", "note"}


def load_judged(path: Path = JUDGED) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def half(entry: dict) -> str:
    return _half({"file": entry["a"] + "|" + entry["b"]})


def one_work(a: str, a_title: str, b: str, b_title: str) -> bool:
    """links.one_work on two texts of one province: the same title key, or one says it amends the other's."""
    def keys(text, title):
        return {title_key(t) for t in amended_titles(text, title)}
    a_key, b_key = title_key(a_title), title_key(b_title)
    a_amends, b_amends = keys(a, a_title), keys(b, b_title)
    return a_key == b_key or a_key in b_amends or b_key in a_amends or bool(a_amends & b_amends)


def evaluate(entries: list[dict]) -> dict:
    candidates = {c.id: c for c in corpus_candidates()}
    rows = []
    for entry in entries:
        a, b = (read_document(name, candidates=candidates) for name in (entry["a"], entry["b"]))
        linked = (candidates[entry["a"]].issuer == candidates[entry["b"]].issuer
                  and one_work(a.text, a.title, b.text, b.title))
        by_title = title_key(a.title) == title_key(b.title)
        rows.append({**entry, "linked": linked, "by_title": by_title, "half": half(entry)})
    linked = [r for r in rows if r["linked"]]
    judged = [r for r in rows if r["same_work"]]
    correct = [r for r in linked if r["same_work"]]
    renamed = [r for r in judged if not r["by_title"]]
    return {
        "pairs": len(rows), "judged_versions": len(judged), "renamed": len(renamed), "linked": len(linked),
        "correct": len(correct),
        "precision": len(correct) / len(linked) if linked else None,
        "recall": len(correct) / len(judged) if judged else None,
        "renamed_recall": sum(r["linked"] for r in renamed) / len(renamed) if renamed else None,
        "rows": rows,
    }


def validate(entries: list[dict]) -> list[str]:
    candidates = {c.id for c in corpus_candidates()}
    found = []
    for number, entry in enumerate(entries, 1):
        if set(entry) != LINE_KEYS:
            found.append(f"line {number}: keys {sorted(entry)}")
        elif entry["a"] not in candidates or entry["b"] not in candidates:
            found.append(f"line {number}: not a corpus document")
    return found
