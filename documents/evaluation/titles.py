"""The Chinese titles the pipeline gives rows of the research workbook whose titles are English,
against the hand-judged rows of fixtures/titles/workbook-titles.csv (precision and recall per half)."""

from __future__ import annotations

import csv
import re
from collections import Counter
from pathlib import Path

from documents.ingest import tabular
from documents.ingest.pipeline import ingest_row

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
JUDGED = FIXTURES / "titles" / "workbook-titles.csv"
WORKBOOK = FIXTURES / "corpus" / "policies" / "spreadsheets" / "Policies Data.xlsx"
HALVES = ("tune", "heldout")


def load_judged(path: Path = JUDGED) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as f:
        entries = [dict(r, row=int(r["row"])) for r in csv.DictReader(f)]
    for entry in entries:
        entry["accepted"] = [t for t in (entry["title"], *entry["also"].split("|")) if t]
    return entries


def same_title(got: str, wanted: str) -> bool:
    """Equal but for 《》, spaces and the width of brackets: 关于印发《X》的通知 and 关于印发X的通知 are one title."""
    def key(title: str) -> str:
        return re.sub(r"[《》〈〉\s]", "", title).replace("（", "(").replace("）", ")")
    return key(got) == key(wanted)


def read_workbook(path: Path = WORKBOOK) -> dict[tuple[str, int], tabular.TableRow]:
    rows, _ = tabular.read_rows(path.read_bytes(), path.name)
    return {(row.sheet, row.row): row for row in rows}


def proposed_title(row: tabular.TableRow, filename: str) -> tuple[str, str]:
    """(Chinese title the pipeline gives the row, the rule that found it); ("", "") where it kept the English."""
    result = ingest_row(row, filename)
    if any(w.kind == "title_english" for w in result.warnings):
        return "", ""
    rule = next((stage.details[0]["rule"] for stage in result.stages if stage.stage == "english"), "chinese_cell")
    return result.title, rule


def evaluate(entries: list[dict], rows: dict[tuple[str, int], tabular.TableRow], filename: str = WORKBOOK.name) -> dict:
    """Per half and overall: rows, expected titles, proposals, correct ones, precision, recall, and each row's outcome."""
    outcomes = []
    for entry in entries:
        got, rule = proposed_title(rows[(entry["sheet"], entry["row"])], filename)
        correct = bool(got) and any(same_title(got, wanted) for wanted in entry["accepted"])
        outcomes.append({"sheet": entry["sheet"], "row": entry["row"], "half": entry["half"], "expected": entry["title"],
                         "got": got, "rule": rule, "correct": correct})
    figures = {half: _figures([o for o in outcomes if o["half"] == half], entries) for half in HALVES}
    figures["all"] = _figures(outcomes, entries)
    return {"figures": figures, "rows": outcomes}


def _figures(outcomes: list[dict], entries: list[dict]) -> dict:
    judged = {(e["sheet"], e["row"]): e for e in entries}
    expected = sum(1 for o in outcomes if judged[(o["sheet"], o["row"])]["title"])
    proposed = sum(1 for o in outcomes if o["got"])
    correct = sum(1 for o in outcomes if o["correct"])
    return {"rows": len(outcomes), "expected": expected, "proposed": proposed, "correct": correct,
            "precision": correct / proposed if proposed else None, "recall": correct / expected if expected else None}


def english_rows_by_rule(rows: dict[tuple[str, int], tabular.TableRow], filename: str = WORKBOOK.name) -> Counter:
    """Over every row whose title cell is English: how many got a Chinese title by each rule ("" = none found)."""
    from documents.ingest import english

    counts: Counter = Counter()
    for row in rows.values():
        if english.is_english(tabular.row_fields(row).title):
            counts[proposed_title(row, filename)[1]] += 1
    return counts
