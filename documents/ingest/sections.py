"""Find the numbered task structure of a policy: 第一章 > 第一条, 一、 > （一） > 1. > (1), 一是…二是….

Government work reports may also divide themselves by unnumbered lines of their own
(`2024年工作回顾`, `2025年工作安排建议`, `加强政府自身建设`, `附件2 名词解释`): those are report
parts, above 一、.

Headings on scraped pages often run into the text (`一、健全保障机制（一）健全统筹协调机制按照…`),
so markers are also recognised inside a line, but only where a numbering sequence continues
(一、 after 。, then 二、…) — that is what tells `统一、规范` or `2025年` from a real marker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .result import Section

CN_DIGITS = "零〇一二三四五六七八九十百两"
_CN = f"[{CN_DIGITS}]{{1,4}}"
# (kind, rank, pattern); a lower rank is a higher level in the tree.
KINDS = (
    ("chapter", 0, re.compile(f"第{_CN}章")),
    ("part", 1, re.compile(f"第{_CN}节")),
    ("article", 2, re.compile(f"第{_CN}条")),
    # A work report's unnumbered part: a whole line, so it never matches inside a numbered heading.
    ("report_part", 3, re.compile(
        r"(?m)^[^\S\n]*(?:(?:(?:19|20)\d{2}\s*年|过去的?一年|今年|“十[一二三四五六七八九]五”时期)[^。，,；;：:\n]{0,16}?"
        r"(?:工作回顾|工作总结|工作安排|工作安排建议|主要工作|重点工作|主要任务|重点任务|目标任务|工作建议)"
        r"|(?:努力|全力)?做好(?:19|20)\d{2}\s*年各项工作|(?:全面|切实|持续|大力|进一步)?加强政府自身建设|名词解释"
        r"|附件[^\S\n]*\d{0,2}(?:[^\S\n]+[^。，,；;：:\n]{1,20})?)[^\S\n]*$"
    )),
    ("han", 4, re.compile(f"{_CN}、")),
    ("paren_han", 5, re.compile(f"[（(]{_CN}[）)]")),
    ("prose", 6, re.compile(f"{_CN}是")),
    ("arabic", 7, re.compile(r"\d{1,2}[.．、](?![\d.．])")),
    ("paren_arabic", 8, re.compile(r"[（(]\d{1,2}[）)]")),
)
RANK = {kind: rank for kind, rank, _ in KINDS}
CONTINUOUS = {"chapter", "article"}  # numbered through the document, not restarted per parent
LINE_START_ONLY = {"chapter", "part", "article", "arabic", "paren_arabic"}
UNNUMBERED = {"report_part"}  # each one accepted where it stands; no sequence to continue
_SENTENCE_END = "。！？；!?;"
_HEADING_END = re.compile(r"[。！？；：!?;:]")
MAX_HEADING = 60
_HEADING_GAP = re.compile(r"(?<=\S)[^\S\n]+(?=\S)")
# A report part's heading (a year and 工作回顾…), which may run into its text after one space.
_PART_HEADING = re.compile(r"^(?:(?:19|20)\d{2}\s*年)?[^。，,；;：:\s]{0,16}(?:工作回顾|工作安排|政府自身建设|重点工作|主要任务)$")


@dataclass
class _Marker:
    start: int
    end: int
    kind: str
    number: int


def cn_to_int(numeral: str) -> int:
    """一 → 1, 十二 → 12, 二十 → 20, 一百零五 → 105."""
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "两": 2}
    total, current = 0, 0
    for char in numeral:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = digits[char]
    return total + current


def _number(label: str) -> int:
    arabic = re.search(r"\d+", label)
    if arabic:
        return int(arabic.group())
    return cn_to_int("".join(c for c in label if c in CN_DIGITS))


_WELL_FORMED_CN = re.compile("^(?:[一二三四五六七八九两]?百)?(?:[零〇]?[一二三四五六七八九两]?十)?[零〇]?[一二三四五六七八九两]?$")


def _well_formed(label: str) -> bool:
    """A numeral as a list is numbered: 十二, 二十, 一百零五 — not 五一 (a holiday) or 二三."""
    digits = "".join(c for c in label if c in CN_DIGITS)
    return not digits or bool(_WELL_FORMED_CN.match(digits))


def _candidates(text: str) -> list[_Marker]:
    found = []
    for kind, _, pattern in KINDS:
        for match in pattern.finditer(text):
            if kind in UNNUMBERED:
                # The line itself is the heading: the marker is empty, except an annex's 附件2.
                start = match.start() + len(match.group()) - len(match.group().lstrip())
                label = re.match(r"附件[^\S\n]*\d{0,2}", text[start:match.end()])
                if found and found[-1].kind == kind and found[-1].end < start and not text[found[-1].end:start].strip():
                    continue  # `附件2` then `名词解释` on the next line: that line is the annex's heading
                found.append(_Marker(start, start + (label.end() if label else 0), kind, 0))
                continue
            if not _well_formed(match.group()):
                continue
            start = match.start()
            line_start = text.rfind("\n", 0, start) + 1
            at_line_start = not text[line_start:start].strip()
            before = text[start - 1] if start else "\n"
            if kind in LINE_START_ONLY and not at_line_start:
                continue
            if kind == "han" and not (at_line_start or before in _SENTENCE_END or before.isspace()):
                continue
            if kind == "han" and re.match(f"{_CN}、", text[match.end():]):
                continue  # 一、二、三产业: numerals listed in a sentence, not a heading
            if kind == "prose" and not (at_line_start or before in _SENTENCE_END + "，,：:" or before.isspace()):
                continue
            found.append(_Marker(start, match.end(), kind, _number(match.group())))
    # A lone 一是 is ordinary prose ("其一是", "唯一是"); an enumeration needs 二是 as well.
    prose_numbers = {m.number for m in found if m.kind == "prose"}
    if not {1, 2} <= prose_numbers:
        found = [m for m in found if m.kind != "prose"]
    found.sort(key=lambda m: (m.start, RANK[m.kind]))
    return found


def _accept(candidates: list[_Marker]) -> list[tuple[_Marker, int, int | None]]:
    """Keep markers that continue or start a numbering sequence; return (marker, level, parent)."""
    accepted: list[tuple[_Marker, int, int | None]] = []
    stack: list[tuple[_Marker, int]] = []  # open sections: (marker, index in accepted)
    last_number: dict[str, int] = {}
    last_end = -1
    for marker in candidates:
        if marker.start < last_end:
            continue  # overlapping match of another kind
        sibling = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0].kind == marker.kind), None)
        if marker.kind in UNNUMBERED:
            while stack and RANK[stack[-1][0].kind] >= RANK[marker.kind]:
                stack.pop()
        elif sibling is not None and marker.number == stack[sibling][0].number + 1:
            del stack[sibling:]
        elif marker.kind in CONTINUOUS and marker.number == last_number.get(marker.kind, 0) + 1:
            # 第三条 right after 第二章: articles number through the whole document.
            while stack and RANK[stack[-1][0].kind] >= RANK[marker.kind]:
                stack.pop()
        elif marker.number == 1:
            while stack and RANK[stack[-1][0].kind] >= RANK[marker.kind]:
                stack.pop()
        else:
            continue
        parent = stack[-1][1] if stack else None
        accepted.append((marker, len(stack) + 1, parent))
        last_number[marker.kind] = marker.number
        stack.append((marker, len(accepted) - 1))
        last_end = marker.end
    return accepted


def find_sections(text: str) -> list[Section]:
    """Return the task sections of text in document order, with levels, parents and anchors."""
    accepted = _accept(_candidates(text))
    sections: list[Section] = []
    child_counts: dict[int | None, int] = {}
    for index, (marker, level, parent) in enumerate(accepted):
        end = accepted[index + 1][0].start if index + 1 < len(accepted) else len(text)
        heading, body = split_heading(text[marker.end:end])
        child_counts[parent] = child_counts.get(parent, 0) + 1
        prefix = sections[parent].anchor + "-" if parent is not None else "s"
        sections.append(Section(
            number=text[marker.start:marker.end],
            level=level,
            heading=heading,
            body=body,
            position=index,
            parent=parent,
            anchor=f"{prefix}{child_counts[parent]}",
        ))
    return sections


def split_heading(segment: str) -> tuple[str, str]:
    """Heading and body of the text after a marker.

    A short line of its own is the heading (`一、凝聚…共识`); otherwise the first sentence, cut at
    the first comma when that sentence is too long to be a heading.
    """
    segment = segment.strip()
    first_line, _, rest = segment.partition("\n")
    first_line = first_line.strip()
    # A text whose lines were lost keeps a gap after the heading: `2023年工作回顾　　过去的一年，…`.
    end = _HEADING_END.search(first_line)
    gap = _HEADING_GAP.search(first_line[:min(end.start() if end else len(first_line), MAX_HEADING + 1)])
    if gap and (len(gap.group()) > 1 or gap.group() == "\u3000" or _PART_HEADING.match(first_line[:gap.start()])):
        return first_line[:gap.start()].strip(), segment[gap.end():].strip()
    if len(first_line) <= MAX_HEADING and not _HEADING_END.search(first_line.rstrip("。")):
        return first_line.rstrip("。"), rest.strip()
    match = _HEADING_END.search(segment)
    cut = match.start() if match else len(segment)
    if cut > MAX_HEADING:
        comma = re.search(r"[，,]", segment)
        cut = comma.start() if comma and comma.start() <= MAX_HEADING else MAX_HEADING
    heading = segment[:cut].strip()
    body = segment[cut:].lstrip("。！？；：!?;:，, \n").strip()
    return heading, body
