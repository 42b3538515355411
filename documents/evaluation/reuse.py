"""Text reuse scored against the judged pairs (fixtures/links/reuse.jsonl).

Each line is a pair of corpus files judged by reading them: `reuse` true when one text was drafted
from the other (or both from one model text): whole articles taken over, in order, with the place
names changed; false when they share only stock clauses (the purpose article's 根据…结合本市实际，
制定本条例, 本条例自…起施行, the penalty sentences every regulation repeats) or are versions of one
work. `shared` lists sentences checked by hand to be in both texts (for a false pair, the
boilerplate they do share). The archive's own path decides each pair: the signatures' LSH bands
and estimated containment, then the alignment and the shown thresholds; versions of one work (the
same title key in one province) are never reuse. precision = pairs shown that are judged reuse /
pairs shown; recall = judged reuse pairs shown / judged reuse pairs.

No Django and no database: texts come from the corpus files through the ingestion pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

from documents.curation.duplicates import shingles, signature
from documents.evaluation.citations import CORPUS, corpus_candidates, read_document
from documents.evaluation.targets import half as _half
from documents.ingest import reuse
from documents.evaluation.versions import one_work

BASE = Path(__file__).resolve().parents[2]
JUDGED = BASE / "fixtures" / "links" / "reuse.jsonl"
LINE_KEYS = {"a", "b", "reuse", "shared"}
OPTIONAL_LINE_KEYS = {"note"}


def load_judged(path: Path = JUDGED) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def half(entry: dict) -> str:
    """tune or test, by the hash of the pair's two file names."""
    return _half({"file": entry["a"] + "|" + entry["b"]})


def read_texts(entries: list[dict], root: Path = CORPUS) -> dict[str, str]:
    names = sorted({name for entry in entries for name in (entry["a"], entry["b"])})
    return {name: read_document(name, root=root).text for name in names}


def validate(entries: list[dict], texts: dict[str, str]) -> list[str]:
    """Keys, pairs judged twice, and hand-checked sentences that are not in both texts."""
    found, seen = [], set()
    for number, entry in enumerate(entries, 1):
        if not LINE_KEYS <= set(entry) <= LINE_KEYS | OPTIONAL_LINE_KEYS:
            found.append(f"line {number}: keys {sorted(entry)}")
            continue
        pair = tuple(sorted((entry["a"], entry["b"])))
        if pair in seen or entry["a"] == entry["b"]:
            found.append(f"line {number}: pair judged twice or a file with itself")
        seen.add(pair)
        for sentence in entry["shared"]:
            wanted = reuse.compact(sentence)[0]
            for name in (entry["a"], entry["b"]):
                if wanted not in reuse.compact(texts[name])[0]:
                    found.append(f"line {number}: {name} lacks {sentence[:40]}")
    return found


def decide(a: str, b: str, *, same_work: bool) -> dict:
    """What the archive makes of two texts: candidate or not, shared figures, shown or not."""
    sig_a, sig_b = signature(a), signature(b)
    agreement = float((sig_a.hashvalues == sig_b.hashvalues).mean())
    banded = bool(set(reuse.band_keys(sig_a.hashvalues)) & set(reuse.band_keys(sig_b.hashvalues)))
    candidate = (banded and not same_work
                 and reuse.is_candidate(agreement, len(shingles(a)), len(shingles(b))))
    shared = reuse.shared_passages(a, b)
    return {"candidate": candidate, "chars": shared.chars, "a_share": shared.a_share, "b_share": shared.b_share,
            "shown": candidate and reuse.is_shown(shared.chars, shared.a_share, shared.b_share),
            "passages": shared.passages, "agreement": agreement}


def _covered(sentence: str, text: str, passages, side: str) -> bool:
    """Whether the passages hold most of the sentence's characters where the text has it."""
    compacted, offsets = reuse.compact(text)
    wanted = reuse.compact(sentence)[0]
    at = compacted.find(wanted)
    if at < 0 or not wanted:
        return False
    start, end = offsets[at], offsets[at + len(wanted) - 1] + 1
    spans = [(p.a_start, p.a_end) if side == "a" else (p.b_start, p.b_end) for p in passages]
    inside = sum(max(0, min(end, e) - max(start, s)) for s, e in spans)
    return inside >= 0.8 * (end - start)


def evaluate(entries: list[dict], texts: dict[str, str]) -> dict:
    regions = {c.id: c.issuer for c in corpus_candidates()}
    titles = {name: texts[name].split("\n", 1)[0] for name in texts}
    rows = []
    for entry in entries:
        a, b = entry["a"], entry["b"]
        same_work = one_work(texts[a], titles[a], texts[b], titles[b]) and regions.get(a) == regions.get(b)
        decided = decide(texts[a], texts[b], same_work=same_work)
        sentences = [s for s in entry["shared"] if entry["reuse"]]
        found = sum(1 for s in sentences if _covered(s, texts[a], decided["passages"], "a")
                    and _covered(s, texts[b], decided["passages"], "b"))
        rows.append({"a": a, "b": b, "judged": entry["reuse"], "shown": decided["shown"],
                     "candidate": decided["candidate"], "chars": decided["chars"],
                     "a_share": round(decided["a_share"], 3), "b_share": round(decided["b_share"], 3),
                     "agreement": round(decided["agreement"], 3), "sentences": len(sentences),
                     "sentences_found": found, "half": half(entry), "note": entry.get("note", "")})
    shown = [r for r in rows if r["shown"]]
    judged = [r for r in rows if r["judged"]]
    correct = [r for r in shown if r["judged"]]
    sentences = sum(r["sentences"] for r in judged)
    return {
        "pairs": len(rows), "judged_reuse": len(judged), "shown": len(shown), "correct": len(correct),
        "precision": len(correct) / len(shown) if shown else None,
        "recall": len(correct) / len(judged) if judged else None,
        "sentences": sentences,
        "sentence_recall": sum(r["sentences_found"] for r in judged) / sentences if sentences else None,
        "rows": rows,
    }
