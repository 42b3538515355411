"""Quantitative-target extraction scored against the judged set (fixtures/targets/judged.jsonl).

Each line of the set is one sentence of a document's simplified text with every target and outcome
it holds, judged by hand (none for a sentence with numbers but no target). find_targets runs once per
document; an extracted target belongs to the judged sentence its start lies in, and extracted targets
outside judged sentences are not scored. Within a sentence, extracted and judged targets are paired so
that the agreeing fields are as many as possible; a pair must agree on the indicator or the value, else
the two are a spurious and a missed target. Per field, precision = extracted targets whose pair agrees
on it / extracted, recall = the same count / judged; a complete target agrees on every field.

No Django and no database: the documents are read with the ingestion pipeline, as the archive reads them.
"""

from __future__ import annotations

import csv
import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, is_dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import linear_sum_assignment

from documents.ingest.pipeline import ingest_part, split_input

BASE = Path(__file__).resolve().parents[2]
JUDGED = BASE / "fixtures" / "targets" / "judged.jsonl"
# The second judged set: read after the first round of fixes; the second round was written from its errors.
JUDGED_2 = BASE / "fixtures" / "targets" / "judged-2.jsonl"
# The first held-out set (山西 2026, 杭州 2024): scored unseen, then the third round of fixes was written from its errors.
JUDGED_3 = BASE / "fixtures" / "targets" / "judged-3.jsonl"
# Held out until the fourth round (then heldout-2 and heldout-3): 陕西 2026, 宁波 2024 and four plan rows; 黑龙江 2025.
# The fourth round of fixes was written from their errors.
JUDGED_4 = BASE / "fixtures" / "targets" / "judged-4.jsonl"
JUDGED_5 = BASE / "fixtures" / "targets" / "judged-5.jsonl"
# Held out until the fifth round (then heldout-4: 安徽 2025, 武汉 2024); the fifth round of fixes was written from its errors.
JUDGED_6 = BASE / "fixtures" / "targets" / "judged-6.jsonl"
# Held out until the sixth round (then heldout-5: 辽宁 2025, 无锡 2024, 常州 2024); the sixth round's rules were written from its errors.
JUDGED_7 = BASE / "fixtures" / "targets" / "judged-7.jsonl"
# Held out until the seventh round (then heldout-6: 天津 2026, 徐州 2024); the seventh round's rules were written from its errors.
JUDGED_8 = BASE / "fixtures" / "targets" / "judged-8.jsonl"
# Held out until the eighth round (then heldout-7: 广西 2026, 厦门 2024); the eighth round's rules were written from its errors.
JUDGED_9 = BASE / "fixtures" / "targets" / "judged-9.jsonl"
# Held out until the tenth round (then heldout-8: 内蒙古 2026, 盐城 2024, 泰州 2024); the tenth round's rules were written from its errors.
JUDGED_10 = BASE / "fixtures" / "targets" / "judged-10.jsonl"
# Held out until the eleventh round (then heldout-9: 宁夏 2026, 淮安 2024, and heldout-10: 十堰 2024, 德州 2024);
# the eleventh round's rules were written from their errors.
JUDGED_11 = BASE / "fixtures" / "targets" / "judged-11.jsonl"
JUDGED_12 = BASE / "fixtures" / "targets" / "judged-12.jsonl"
# Held out until the twelfth round (then heldout-11: 晋城, 淮北, 达州 2024, and heldout-12: 铜陵 2024); the twelfth round's
# rules were written from their errors.
JUDGED_13 = BASE / "fixtures" / "targets" / "judged-13.jsonl"
JUDGED_14 = BASE / "fixtures" / "targets" / "judged-14.jsonl"
# Judged blind while the twelfth round wrote its rules (then heldout-13: 吉安, 荆门, 黄石 2024), and twice over, by two
# judges apart, while the thirteenth wrote its rules (then heldout-14: 孝感, 六安, 泸州 2024); the thirteenth round's rules
# were written from their errors.
JUDGED_15 = BASE / "fixtures" / "targets" / "judged-15.jsonl"
JUDGED_16 = BASE / "fixtures" / "targets" / "judged-16.jsonl"
# Judged blind while the thirteenth round wrote its rules (then heldout-15: 蚌埠, 钦州 2024); the fourteenth round's rules
# were written from its errors.
JUDGED_17 = BASE / "fixtures" / "targets" / "judged-17.jsonl"
# Judged blind with heldout-19 and scored once (then heldout-20: 桂林, 菏泽; heldout-21: 银川, 丽水 2024); the sixteenth
# round's rules were written from their errors.
JUDGED_18 = BASE / "fixtures" / "targets" / "judged-18.jsonl"
JUDGED_19 = BASE / "fixtures" / "targets" / "judged-19.jsonl"
# Held out until the seventeenth round, whose rules were written from their errors: heldout-17 (乐山, 宣城 2024, judged
# blind in the fourteenth round) and heldout-22 (林芝, 广安 2024, judged blind in the sixteenth).
JUDGED_20 = BASE / "fixtures" / "targets" / "judged-20.jsonl"
JUDGED_21 = BASE / "fixtures" / "targets" / "judged-21.jsonl"
# Held out until the eighteenth round, whose rules were written from their errors: heldout-16 (扬州, 随州, 岳阳 2024,
# judged blind in the fourteenth round) and heldout-18 (眉山, 益阳 2024, judged blind beside it), the two oldest.
JUDGED_22 = BASE / "fixtures" / "targets" / "judged-22.jsonl"
JUDGED_23 = BASE / "fixtures" / "targets" / "judged-23.jsonl"
# Held out until the nineteenth round, whose rules were written from their errors: heldout-19 (柳州, 嘉兴 2024) and
# heldout-23 (聊城, 沈阳), judged blind in the sixteenth round, and heldout-24 (玉林, 黄冈), -25 (滨州, 潜江) and -26
# (黔西南, 绍兴), judged blind in the seventeenth.
JUDGED_24 = BASE / "fixtures" / "targets" / "judged-24.jsonl"
JUDGED_25 = BASE / "fixtures" / "targets" / "judged-25.jsonl"
JUDGED_26 = BASE / "fixtures" / "targets" / "judged-26.jsonl"
JUDGED_27 = BASE / "fixtures" / "targets" / "judged-27.jsonl"
JUDGED_28 = BASE / "fixtures" / "targets" / "judged-28.jsonl"
# The first blind set of plans (heldout-33 until the twentieth round: eleven plans and action programmes of
# Policies Data.xlsx, judged whole); scored once, then the twentieth round's rules were written from its errors.
JUDGED_29 = BASE / "fixtures" / "targets" / "judged-29.jsonl"
# The central sheet's row 26 (a national report on 2022), judged whole as part of heldout-35 and scored once with it; the
# twenty-first round's rules were written from its errors.
JUDGED_30 = BASE / "fixtures" / "targets" / "judged-30.jsonl"
# judged-31 and judged-32 were named heldout-34 (ShanDong policy measures, six central rows, three pkulaw exports and three
# seeds) and heldout-35 (nine national documents of the central sheet, judged with row 26 above) until the twenty-second
# round, whose rules were written from their errors.
JUDGED_31 = BASE / "fixtures" / "targets" / "judged-31.jsonl"
JUDGED_32 = BASE / "fixtures" / "targets" / "judged-32.jsonl"
# Sets judged twice over, by two judges apart: each judge's own set (agreement_between), by the set they became.
AGREEMENT = {
    "judged-16": (BASE / "fixtures" / "targets" / "agreement" / "heldout-14-A.jsonl",
                  BASE / "fixtures" / "targets" / "agreement" / "heldout-14-B.jsonl"),
    "judged-22": (BASE / "fixtures" / "targets" / "agreement" / "heldout-16-A.jsonl",
                  BASE / "fixtures" / "targets" / "agreement" / "heldout-16-B.jsonl"),
    "judged-23": (BASE / "fixtures" / "targets" / "agreement" / "heldout-18-A.jsonl",
                  BASE / "fixtures" / "targets" / "agreement" / "heldout-18-B.jsonl"),
}
# Judged blind while the eighteenth round wrote its rules from judged-22 and judged-23 (南通, 东营; 南京, 郴州; 宜春, 舟山
# 2024: reports no set had used, the least shown to the rules' author in listings of the corpus); scored after its
# last rule, and with the reader the round began from. heldout-27 is the oldest set still held out.
HELDOUT = BASE / "fixtures" / "targets" / "heldout-27.jsonl"
HELDOUT_28 = BASE / "fixtures" / "targets" / "heldout-28.jsonl"
HELDOUT_29 = BASE / "fixtures" / "targets" / "heldout-29.jsonl"
# Judged blind while the nineteenth round wrote its rules from judged-24 … judged-28 (遵义, 长治; 哈尔滨, 镇江; 黔东南, 威海
# 2024: reports no set had used, none of whose sentences the rules' author had seen this session); scored after its last
# rule, and with the eighteenth and seventeenth rounds' readers.
HELDOUT_30 = BASE / "fixtures" / "targets" / "heldout-30.jsonl"
HELDOUT_31 = BASE / "fixtures" / "targets" / "heldout-31.jsonl"
HELDOUT_32 = BASE / "fixtures" / "targets" / "heldout-32.jsonl"
# Judged blind at the twenty-second round's start, after the twenty-first round's last rule: eleven more national documents
# of the central sheet (rows 9, 20, 22, 13, 36, 30, 12, 43, 33, 56, 52), judged whole; scored with the twenty-first round's
# reader and after the twenty-second's last rule. It holds 2 targets: a measure of what the reader reads where there is nothing to read.
HELDOUT_36 = BASE / "fixtures" / "targets" / "heldout-36.jsonl"
VOCABULARY = BASE / "fixtures" / "targets" / "indicators.csv"
SHARED = BASE.parent / "shared"  # the judged files are named relative to it (corpus/…, seeds/…)

FIELDS = ("indicator", "year", "value", "unit", "modifier", "kind", "measure")
KINDS = {"target", "outcome"}
MEASURES = {"growth", "level", "share"}
MODIFIERS = {"", "左右", "以上", "以内", "以下", "超过", "不低于", "不少于", "不超过", "力争", "突破", "达到", "约"}
CONNECTIVES = ("其中", "全年", "力争", "以及", "和", "、")
TARGET_KEYS = {"indicator", "indicator_text", "kind", "measure", "year", "value_low", "value_high", "unit", "modifier"}
LINE_KEYS = {"file", "row", "sentence", "targets"}
OPTIONAL_LINE_KEYS = {"note", "sheet"}
TOLERANCE = 1e-9
_DELIMITER = re.compile(r"[。！？]|\n")
_DIGIT = re.compile(r"[0-9０-９]")
_TYPOGRAPHY = str.maketrans("", "", "的“”‘’\"'")  # what a name is compared without: 的 and quotation marks
_FIRMS_TOTAL = re.compile(r"(?<=企业|主体|商户)(?:总数|总量)$")
_GROWTH_WORD = re.compile(r"(?:同比|比上年|较上年|比年初|年均)?(?:增长|增速|增幅|提升|提高|上升|下降|降低)$")


@dataclass
class Document:
    """One judged document as the archive has it: its simplified text, year, type, and sentences."""

    text: str
    year: int | None
    report: bool
    spans: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # sentence -> its (start, end)s


def load_judged(path: Path = JUDGED) -> list[dict]:
    """The judged sentences, one dict per line of the set."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def half(entry: Mapping) -> str:
    """"tune" or "test": the judged documents are split in two by their file name's hash. The extractor's
    later rules were tuned on the errors of the tune half; the test half was scored, never read."""
    return "test" if int(hashlib.md5(entry["file"].encode()).hexdigest(), 16) % 2 else "tune"


def load_vocabulary(path: Path = VOCABULARY) -> dict[str, str]:
    """Every canonical name and alias of fixtures/targets/indicators.csv -> its canonical name;
    empty when the file does not exist (evaluate reports the size it used)."""
    if not path.exists():
        return {}
    vocabulary = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row["name"].strip()
            vocabulary[name] = name
            for alias in (row.get("aliases") or "").split("|"):
                if alias.strip():
                    vocabulary.setdefault(alias.strip(), name)
    return vocabulary


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence: the text between 。！？ or line breaks, the delimiter kept when it
    is 。！？, whitespace at both ends left out; empty sentences dropped."""
    spans, start = [], 0
    for match in _DELIMITER.finditer(text):
        spans.append(_strip(text, start, match.start() if match.group() == "\n" else match.end()))
        start = match.end()
    spans.append(_strip(text, start, len(text)))
    return [span for span in spans if span[0] < span[1]]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    piece = text[start:end]
    if not piece.strip():
        return start, start
    return start + len(piece) - len(piece.lstrip()), end - (len(piece) - len(piece.rstrip()))


DocumentKey = tuple[str, int | None, str | None]


def document_key(entry: Mapping) -> DocumentKey:
    """The key of the document a judged line is from: (file, row, sheet); sheet is None where the line names none
    (read_documents gives such a key the last sheet that has the row)."""
    return entry.get("file"), entry.get("row"), entry.get("sheet")


def read_documents(entries: list[dict], root: Path = SHARED) -> dict[DocumentKey, Document]:
    """document_key -> Document for every document the entries name that exists (validate names the
    others); each file is split once. A key without a sheet is the last sheet's that has the row (in Policies Data.xlsx,
    the ShanDong sheet's for rows 2–56, which both sheets have)."""
    wanted: dict[str, set[tuple[int | None, str | None]]] = {}
    for entry in entries:
        name, row, sheet = document_key(entry)
        wanted.setdefault(name, set()).add((row, sheet))
    documents = {}
    for name, rows in wanted.items():
        path = root / str(name)
        if not path.is_file():
            continue
        for part in split_input(path.read_bytes(), path.name):
            keys = [(name, row, sheet) for row, sheet in rows if row == part.row and sheet in (None, part.sheet)]
            if keys:
                result = ingest_part(part)
                text = result.simplified_text
                spans: dict[str, list[tuple[int, int]]] = {}
                for start, end in sentence_spans(text):
                    spans.setdefault(text[start:end], []).append((start, end))
                for key in keys:  # (a later part with the row replaces an earlier one where no sheet is named)
                    documents[key] = Document(text, result.date_year, result.policy_type == "政府工作报告", spans)
    return documents


def problems(entry: Mapping) -> list[str]:
    """What is wrong with one judged line on its own (its keys and the values of its fields)."""
    found = []
    keys = set(entry)
    if not LINE_KEYS <= keys <= LINE_KEYS | OPTIONAL_LINE_KEYS:
        return [f"keys {sorted(keys)}"]
    if not isinstance(entry["file"], str) or not entry["file"].startswith(("corpus/", "seeds/")):
        found.append(f"file {entry['file']!r}")
    if entry["row"] is not None and not (isinstance(entry["row"], int) and entry["row"] >= 1):
        found.append(f"row {entry['row']!r}")
    if "sheet" in entry and not (isinstance(entry["sheet"], str) and entry["sheet"] and entry["row"] is not None):
        found.append(f"sheet {entry['sheet']!r} (a sheet's name, with a row)")
    sentence = entry["sentence"]
    if not isinstance(sentence, str) or not sentence or sentence != sentence.strip() \
            or _DELIMITER.search(sentence[:-1]):
        found.append("sentence is not one stripped sentence")
        return found
    for target in entry["targets"]:
        found += [f"{target.get('indicator_text')}: {p}" for p in _target_problems(target, sentence)]
    return found


def _target_problems(target: Mapping, sentence: str) -> list[str]:
    if set(target) != TARGET_KEYS:
        return [f"keys {sorted(target)}"]
    found = []
    text = target["indicator_text"]
    if not target["indicator"] or not isinstance(target["indicator"], str):
        found.append("indicator is empty")
    if not text or text not in sentence:
        found.append("indicator_text is not in the sentence")
    elif text.startswith(CONNECTIVES):
        found.append("indicator_text starts with a connective")
    if target["kind"] not in KINDS:
        found.append(f"kind {target['kind']!r}")
    if target["measure"] not in MEASURES:
        found.append(f"measure {target['measure']!r}")
    if target["modifier"] not in MODIFIERS:
        found.append(f"modifier {target['modifier']!r}")
    year = target["year"]
    if year is not None and not (isinstance(year, int) and 1949 <= year <= 2100):
        found.append(f"year {year!r}")
    low, high = target["value_low"], target["value_high"]
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)) or low > high:
        found.append(f"values {low!r}, {high!r}")
    unit = target["unit"]
    if not isinstance(unit, str) or unit != unit.strip() or "％" in unit or _DIGIT.search(unit):
        found.append(f"unit {unit!r}")
    return found


def validate(entries: list[dict], documents: Mapping[DocumentKey, Document]) -> list[str]:
    """Every problem of the set: bad fields, repeated lines, and sentences that are not exactly one
    sentence of their document's simplified text."""
    found, seen = [], set()
    for number, entry in enumerate(entries, 1):
        where = f"line {number} ({entry.get('file')}#{entry.get('row')})"
        found += [f"{where}: {p}" for p in problems(entry)]
        key = (*document_key(entry), entry.get("sentence"))
        if key in seen:
            found.append(f"{where}: repeats an earlier line")
        seen.add(key)
        document = documents.get(document_key(entry))
        if document is None:
            found.append(f"{where}: no such document")
            continue
        count = len(document.spans.get(entry.get("sentence"), []))
        if count != 1:
            found.append(f"{where}: the sentence is {count} sentences of the text, not one")
    return found


def as_mapping(target) -> Mapping:
    """A Target (the extractor's dataclass) or a judged dict, read the same way."""
    return asdict(target) if is_dataclass(target) else target


def bare(phrase: str) -> str:
    """phrase without leading connectives (其中, 全年, 和, …)."""
    while phrase.startswith(CONNECTIVES):
        phrase = phrase[next(len(c) for c in CONNECTIVES if phrase.startswith(c)):]
    return phrase


def plain(phrase: str) -> str:
    """An indicator phrase outside the vocabulary as it is compared: without leading connectives, 的,
    quotation marks (`“标准地”出让覆盖率`: the judged sets write them both ways) and a closing growth word (whether a figure is growth is the measure field's to say: `税收收入179.2亿元，
    增长13.9%` and `税收收入增长13.9%` name one indicator), GDP spelt 地区生产总值, and a share of a whole
    named after 占 without the 比重 it leaves unwritten (`民生支出占一般公共预算支出80%`: the judged sets write
    it both ways), and a count of firms without the 总数 or 总量 it may be named with (`“五上”企业总数增长`, `市场主体总量、…均增长`:
    both ways again)."""
    phrase = _GROWTH_WORD.sub("", bare(phrase).translate(_TYPOGRAPHY).replace("GDP", "地区生产总值"))
    if phrase.endswith(("比重", "比例")) and "占" in phrase[1:-3]:
        phrase = phrase[:-2]
    return _FIRMS_TOTAL.sub("", phrase)


def indicator_agrees(extracted: str, judged: str, vocabulary: Mapping[str, str]) -> bool:
    """A judged vocabulary indicator (or an alias of one) needs the same canonical name; a judged
    indicator outside the vocabulary agrees with a phrase equal to it once both are plain(), or one
    of the two ending with the other, the shorter of at least 2 characters."""
    judged = vocabulary.get(judged, judged)
    if judged in vocabulary:
        return extracted == judged
    a, b = plain(extracted), plain(judged)
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return len(shorter) >= 2 and longer.endswith(shorter)


def _same_value(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOLERANCE


def agreement(extracted: Mapping, judged: Mapping, vocabulary: Mapping[str, str]) -> dict[str, bool]:
    """Field -> whether the extracted target agrees with the judged one on it."""
    return {
        "indicator": indicator_agrees(extracted["indicator"], judged["indicator"], vocabulary),
        "year": extracted["year"] == judged["year"],
        "value": _same_value(extracted["value_low"], judged["value_low"])
        and _same_value(extracted["value_high"], judged["value_high"]),
        "unit": extracted["unit"] == judged["unit"],
        "modifier": extracted["modifier"] == judged["modifier"],
        "kind": extracted["kind"] == judged["kind"],
        "measure": extracted["measure"] == judged["measure"],
    }


def pair(extracted: list[Mapping], judged: list[Mapping], vocabulary: Mapping[str, str]) -> list[tuple[int, int, dict]]:
    """(extracted index, judged index, agreement) of the pairing with the most agreeing fields; only
    pairs agreeing on the indicator or the value can be formed."""
    if not extracted or not judged:
        return []
    agreements = [[agreement(e, j, vocabulary) for j in judged] for e in extracted]
    weights = np.array([[sum(a.values()) if a["indicator"] or a["value"] else 0 for a in row] for row in agreements])
    rows, columns = linear_sum_assignment(weights, maximize=True)
    return [(int(i), int(j), agreements[i][j]) for i, j in zip(rows, columns) if weights[i, j] > 0]


def judge_sentence(extracted: list, judged: list, vocabulary: Mapping[str, str]) -> dict:
    """The pairs of one sentence, its missed (judged, unpaired) and spurious (extracted, unpaired) targets."""
    extracted = [as_mapping(t) for t in extracted]
    pairs = pair(extracted, judged, vocabulary)
    paired_extracted = {i for i, _, _ in pairs}
    paired_judged = {j for _, j, _ in pairs}
    return {
        "pairs": [(extracted[i], judged[j], a) for i, j, a in pairs],
        "missed": [t for j, t in enumerate(judged) if j not in paired_judged],
        "spurious": [t for i, t in enumerate(extracted) if i not in paired_extracted],
        "extracted": len(extracted),
        "judged": len(judged),
    }


def _ratio(count: int, total: int) -> float | None:
    return round(count / total, 4) if total else None


def _f1(precision: float | None, recall: float | None) -> float | None:
    if not precision or not recall:
        return None if precision is None or recall is None else 0.0
    return round(2 * precision * recall / (precision + recall), 4)


def score(judgements: list[dict]) -> dict:
    """Per-field and complete-target precision, recall and F1 over judge_sentence results, with counts."""
    extracted = sum(j["extracted"] for j in judgements)
    judged = sum(j["judged"] for j in judgements)
    agreements = [a for j in judgements for _, _, a in j["pairs"]]

    def figures(count: int) -> dict:
        precision, recall = _ratio(count, extracted), _ratio(count, judged)
        return {"agree": count, "precision": precision, "recall": recall, "f1": _f1(precision, recall)}

    return {
        "fields": {name: figures(sum(a[name] for a in agreements)) for name in FIELDS},
        "complete": figures(sum(all(a.values()) for a in agreements)),
        "counts": {
            "sentences": len(judgements),
            "sentences_without_targets": sum(1 for j in judgements if not j["judged"]),
            "judged": judged,
            "extracted": extracted,
            "paired": len(agreements),
            "missed": sum(len(j["missed"]) for j in judgements),
            "spurious": sum(len(j["spurious"]) for j in judgements),
        },
    }


def evaluate(entries: list[dict], documents: Mapping[DocumentKey, Document],
             find: Callable[..., list], vocabulary: Mapping[str, str]) -> dict:
    """Run find once per document, give each extracted target to the judged sentence its start lies in,
    and score. The result holds score()'s figures and, under "sentences", each sentence's judgement."""
    by_document: dict[DocumentKey, list[dict]] = {}
    for entry in entries:
        by_document.setdefault(document_key(entry), []).append(entry)
    judgements = []
    for key, group in by_document.items():
        document = documents[key]
        found = find(document.text, year=document.year, report=document.report)
        for entry in group:
            [(start, end)] = document.spans[entry["sentence"]]
            inside = [t for t in found if start <= as_mapping(t)["start"] < end]
            judgement = judge_sentence(inside, entry["targets"], vocabulary)
            judgements.append({"file": entry["file"], "row": entry["row"], "sentence": entry["sentence"], **judgement})
    result = score(judgements)
    result["vocabulary"] = len(set(vocabulary.values()))
    result["sentences"] = judgements
    return result


def agreement_between(judged: list[dict], other: list[dict], vocabulary: Mapping[str, str]) -> dict:
    """A second judge's set scored against judged, like an extractor's targets, on the sentences both judged:
    how far two people reading the same sentences agree (score()'s figures, "sentences" as evaluate() gives them,
    and how many sentences each judged alone)."""
    # (a judge may write a vocabulary indicator by an alias; the reader names it by its canonical name)
    theirs = {(e["file"], e["row"], e["sentence"]): [{**t, "indicator": vocabulary.get(t["indicator"], t["indicator"])}
                                                    for t in e["targets"]] for e in other}
    ours = {(e["file"], e["row"], e["sentence"]) for e in judged}
    judgements = [{"file": e["file"], "row": e["row"], "sentence": e["sentence"],
                   **judge_sentence(theirs[key], e["targets"], vocabulary)}
                  for e in judged if (key := (e["file"], e["row"], e["sentence"])) in theirs]
    result = score(judgements)
    result["vocabulary"] = len(set(vocabulary.values()))
    result["sentences"] = judgements
    result["judged_alone"] = {"judged": len(ours - theirs.keys()), "other": len(theirs.keys() - ours)}
    return result


def describe(target: Mapping) -> str:
    """One target on one line: indicator, kind/measure, year, value and unit, modifier."""
    low, high = target["value_low"], target["value_high"]
    value = f"{low:g}" if low == high and low is not None else f"{low}–{high}"
    return (f"{target['indicator']} [{target['kind']}/{target['measure']}] {target['year']} "
            f"{value}{target['unit']} {target['modifier'] or '-'}")


def errors(result: dict) -> list[dict]:
    """Each missed, spurious or wrong target of an evaluate() result, with its sentence; a wrong
    target lists the fields it gets wrong as (judged, extracted)."""
    found = []
    for sentence in result["sentences"]:
        where = {"file": sentence["file"], "row": sentence["row"], "sentence": sentence["sentence"]}
        found += [{**where, "error": "missed", "judged": describe(t)} for t in sentence["missed"]]
        found += [{**where, "error": "spurious", "extracted": describe(t)} for t in sentence["spurious"]]
        for extracted, judged, agrees in sentence["pairs"]:
            wrong = {name: f"{_field(judged, name)} / {_field(extracted, name)}"
                     for name in FIELDS if not agrees[name]}
            if wrong:
                found.append({**where, "error": "wrong", "judged": describe(judged), "fields": wrong})
    return found


def _field(target: Mapping, name: str) -> str:
    if name == "value":
        return f"{target['value_low']}–{target['value_high']}"
    return str(target[name])
