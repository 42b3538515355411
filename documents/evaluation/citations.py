"""Citation resolution scored against the judged set (fixtures/links/citations.jsonl).

Each line of the set is one reference a corpus document makes: the citing file (relative to
shared/corpus), the offset of the marked title in the document's simplified text as the ingestion
pipeline produces it, the title as written, and the cited file (null when the corpus does not hold
the cited document). The resolver runs on every judged document with the index of the corpus's own
titles; precision = correct links / links made, recall = correct links / references whose target is
in the corpus. A judged reference find_references does not return counts as unresolved.

No Django and no database: titles and dates come from the corpus files (lawrefbook's `# title` line,
which wins over its file name, and the `(YYYY-MM-DD)` of the file name or, failing it, the last date
of the front matter; pkulaw exports through the pipeline).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from documents.evaluation.targets import SHARED, half
from documents.ingest import citations
from documents.ingest.pipeline import ingest_part, split_input

BASE = Path(__file__).resolve().parents[2]
JUDGED = BASE / "fixtures" / "links" / "citations.jsonl"
CORPUS = SHARED / "corpus"
LINE_KEYS = {"file", "start", "written", "target"}
OPTIONAL_LINE_KEYS = {"note", "row", "also"}
KINDS = ("exact", "short", "alias", "version", "absent")


_FILE_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.md$")
_TEXT_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_REGION = re.compile(r"DLC/([^/]+?)地方法规/")


@dataclass(frozen=True)
class Candidate:
    id: str  # the file, relative to shared/corpus
    title: str
    date: str | None
    issuer: str  # the province of a local regulation (北京), '' for national texts


def lawrefbook_candidate(path: Path, root: Path = CORPUS) -> Candidate | None:
    """The candidate a lawrefbook file is: None for the site's _index.md scaffolding."""
    if path.name == "_index.md":
        return None
    text = path.read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    title = first.lstrip("# ").strip()
    name = path.relative_to(root).as_posix()
    match = _FILE_DATE.search(path.name)
    date = match.group(1) if match else None
    if date is None:  # the front matter lists adoption and amendment dates; the last is this version's
        front = rest.split("<!-- INFO END -->", 1)[0]
        dates = [f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in _TEXT_DATE.findall(front)]
        date = max(dates) if dates else None
    region = _REGION.search(name)
    return Candidate(name, title, date, region.group(1) if region else "")


def _result_date(result) -> str | None:
    if result.date_year and result.date_month and result.date_day:
        return f"{result.date_year}-{result.date_month:02d}-{result.date_day:02d}"
    return None


def corpus_candidates(root: Path = CORPUS) -> list[Candidate]:
    """Every document of lawrefbook and the pkulaw exports as a candidate citation target. Work
    reports are left out: their titles (政府工作报告) name no single document."""
    found = []
    for path in sorted((root / "lawrefbook").rglob("*.md")):
        candidate = lawrefbook_candidate(path, root)
        if candidate:
            found.append(candidate)
    for path in sorted((root / "policies" / "pkulaw").glob("*.txt")):
        for part in split_input(path.read_bytes(), path.name):
            result = ingest_part(part)
            found.append(Candidate(path.relative_to(root).as_posix(), result.title, _result_date(result), ""))
    return found


def build_index(candidates: list[Candidate]) -> citations.TitleIndex:
    return citations.TitleIndex((c.id, c.title, c.date, c.issuer) for c in candidates)


@dataclass
class Document:
    text: str  # the pipeline's simplified text
    title: str
    date: str | None
    issuer: str


def read_document(name: str, row: int | None = None, root: Path = CORPUS,
                  candidates: Mapping[str, Candidate] | None = None) -> Document:
    """A citing document as the archive has it; its date and issuer from its candidate entry when it
    is one (a lawrefbook version's date is in its file name), else from the pipeline."""
    path = root / name
    parts = [part for part in split_input(path.read_bytes(), path.name) if row is None or part.row == row]
    result = ingest_part(parts[0])
    candidate = (candidates or {}).get(name)
    if candidate:
        return Document(result.simplified_text, candidate.title, candidate.date, candidate.issuer)
    return Document(result.simplified_text, result.title, _result_date(result), "")


def load_judged(path: Path = JUDGED) -> list[dict]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def read_documents(entries: list[dict], candidates: Mapping[str, Candidate], root: Path = CORPUS) -> dict:
    keys = {(entry["file"], entry.get("row")) for entry in entries}
    return {key: read_document(key[0], key[1], root, candidates) for key in sorted(keys, key=str)}


def validate(entries: list[dict], documents: Mapping, candidates: Mapping[str, Candidate]) -> list[str]:
    """What is wrong with the judged lines: keys, offsets that do not hold the written title,
    targets that are not corpus files, a reference judged twice."""
    found, seen = [], set()
    for number, entry in enumerate(entries, 1):
        keys = set(entry)
        if not LINE_KEYS <= keys <= LINE_KEYS | OPTIONAL_LINE_KEYS:
            found.append(f"line {number}: keys {sorted(keys)}")
            continue
        document = documents[entry["file"], entry.get("row")]
        start, written = entry["start"], entry["written"]
        if document.text[start:start + len(written)] != written:
            found.append(f"line {number}: {entry['file']} has no {written} at {start}")
        for target in [entry["target"], *entry.get("also", [])]:
            if target is not None and target not in candidates:
                found.append(f"line {number}: target {target} is not a candidate")
        key = (entry["file"], entry.get("row"), start)
        if key in seen:
            found.append(f"line {number}: judged twice")
        seen.add(key)
    return found


def kind(entry: Mapping, document: Document, candidates: Mapping[str, Candidate], versions: Mapping[str, int]) -> str:
    """What the judged reference tests, from its judged target (not from the resolver): 'absent' (no
    target), 'version' (the target's work has several versions), 'short' (the written key is a short form of the
    target's, 《数据安全法》), 'alias' (only a name the text defined leads to it, 《条例》), else 'exact'."""
    target = entry["target"]
    if target is None:
        return "absent"
    if versions.get(target, 1) > 1:
        return "version"
    written = citations.title_key(entry["written"])
    if written == citations.title_key(candidates[target].title):
        return "exact"
    if written in citations.short_keys(candidates[target].title):
        return "short"
    names = {citations.title_key(name) for name in citations.aliases(document.text)}
    return "alias" if written in names else "short"


def version_counts(candidates: list[Candidate]) -> dict[str, int]:
    """Candidate id -> how many dated versions its work (title key and issuer) has."""
    works: dict[tuple[str, str], set] = {}
    for c in candidates:
        works.setdefault((citations.title_key(c.title), c.issuer), set()).add(c.date or "")
    return {c.id: len(works[citations.title_key(c.title), c.issuer]) for c in candidates}


def _ratio(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def evaluate(entries: list[dict], documents: Mapping, index: citations.TitleIndex,
             candidates: list[Candidate]) -> dict:
    """Precision and recall overall and per kind, counts, and every judged reference with its outcome."""
    by_id = {c.id: c for c in candidates}
    versions = version_counts(candidates)
    resolved: dict[tuple, dict[int, tuple]] = {}
    for key, document in documents.items():
        pairs = index.resolve_all(document.text, title=document.title, citing_date=document.date,
                                  self_id=key[0], citing_issuer=document.issuer)
        resolved[key] = {reference.start: (reference, resolution) for reference, resolution in pairs}
    judged_starts = {(e["file"], e.get("row"), e["start"]) for e in entries}
    rows = []
    for entry in entries:
        key = (entry["file"], entry.get("row"))
        found = resolved[key].get(entry["start"])
        link = found[1].id if found else None
        accepted = {entry["target"], *entry.get("also", [])} - {None}
        rows.append({"file": entry["file"], "start": entry["start"], "written": entry["written"],
                     "target": entry["target"], "link": link, "how": found[1].how if found else None,
                     "found": found is not None, "correct": link is not None and link in accepted,
                     "kind": kind(entry, documents[key], by_id, versions),
                     "sentence": found[0].sentence if found else ""})
    unjudged = [(key, start) for key, refs in resolved.items() for start in refs
                if (key[0], key[1], start) not in judged_starts]
    result = {"overall": _figures(rows), "kinds": {name: _figures([r for r in rows if r["kind"] == name]) for name in KINDS},
              "counts": {"documents": len(documents), "references": len(rows),
                         "with_target": sum(1 for r in rows if r["target"]), "not_found": sum(1 for r in rows if not r["found"]),
                         "unjudged_found": len(unjudged)},
              "index": len(index), "references": rows}
    return result


def _figures(rows: list[dict]) -> dict:
    made = sum(1 for r in rows if r["link"] is not None)
    correct = sum(1 for r in rows if r["correct"])
    wanted = sum(1 for r in rows if r["target"] is not None)
    return {"references": len(rows), "links": made, "correct": correct, "with_target": wanted,
            "precision": _ratio(correct, made), "recall": _ratio(correct, wanted)}


def errors(result: dict) -> list[dict]:
    """The wrong links (precision) and the missed ones (recall)."""
    return [r for r in result["references"] if (r["link"] is not None and not r["correct"])
            or (r["target"] is not None and not r["correct"])]
