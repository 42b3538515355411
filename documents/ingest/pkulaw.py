"""Reader for pkulaw (北大法宝) text exports (../shared/corpus/policies/pkulaw) (pure).

An export looks like::

        【法宝引证码】 CLI.11.1535062
    原文链接：https://www.pkulaw.com/lar/….html
    中国(上海)自由贸易试验区临港新片区管理办法
    上海市人民政府令

    （第19号）
    　　《中国（上海）自由贸易试验区临港新片区管理办法》已经……

The title is sometimes given twice, once with half-width and once with full-width brackets
(and a different dash); the 文号 follows, alone (`包府办发〔2022〕43号`), in brackets
(`（皖政办秘〔2021〕82号）`) or as an order over three lines. Files mix CRLF, LF and lone CR.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .docnumber import leading_doc_number

CITATION_MARK = "【法宝引证码】"
_CITATION = re.compile(rf"^\s*{CITATION_MARK}\s*(\S+)\s*$")
_SOURCE = re.compile(r"^\s*原文链接\s*[:：]\s*(\S*)\s*$")
_DASHES = re.compile(r"[—–－―‐-]+")


@dataclass
class PkulawDocument:
    citation_code: str  # 法宝引证码, e.g. CLI.11.1535062
    source_url: str  # 原文链接, "" when the export has none
    title: str  # the full-width form when the export gives the title twice
    doc_number: str  # canonical (docnumber.normalise_doc_number), "" when none is given
    body: str  # everything after the header lines, with \n line ends
    header_lines: list[str] = field(default_factory=list)  # the non-blank lines taken off, stripped


def normalise_line_ends(text: str) -> str:
    """CRLF and lone CR → LF (a CR before CRLF, as in `总则\\r\\r\\n`, is a line end of its own)."""
    return re.sub(r"\r\n?", "\n", text)


def is_pkulaw(text: str) -> bool:
    """Whether the text is a pkulaw export: its first non-blank line is the 法宝引证码."""
    first = next((line for line in normalise_line_ends(text).lstrip("\ufeff").split("\n") if line.strip()), "")
    return bool(_CITATION.match(first))


def read_pkulaw(text: str) -> PkulawDocument:
    """Split an export into its header fields and body; raise ValueError if it is not one."""
    text = normalise_line_ends(text).lstrip("\ufeff")
    lines = text.split("\n")
    taken: list[str] = []
    index = 0

    def next_line() -> str | None:
        """The next non-blank line, consumed; None at the end."""
        nonlocal index
        while index < len(lines) and not lines[index].strip():
            index += 1
        if index == len(lines):
            return None
        index += 1
        return lines[index - 1].strip()

    def peek() -> str | None:
        rest = (line.strip() for line in lines[index:])
        return next((line for line in rest if line), None)

    first = next_line()
    citation = _CITATION.match(first or "")
    if citation is None:
        raise ValueError("不是北大法宝导出文件：第一行不是“【法宝引证码】”")
    taken.append(first)
    source_url = ""
    if (line := peek()) is not None and (source := _SOURCE.match(line)):
        source_url = source.group(1)
        taken.append(next_line())
    title = next_line() or ""
    taken.append(title)
    if (line := peek()) is not None and _same_title(line, title):  # repeated, maybe with full-width brackets
        title = next_line()
        taken.append(title)
    doc_number = ""
    rest = "\n".join(lines[index:])
    leading = leading_doc_number(rest)
    if leading is not None:
        doc_number, end = leading
        taken.extend(line.strip() for line in rest[:end].split("\n") if line.strip())
        rest = rest[end:]
    return PkulawDocument(
        citation_code=citation.group(1),
        source_url=source_url,
        title=title,
        doc_number=doc_number,
        body=rest.lstrip("\n").rstrip(),
        header_lines=taken,
    )


def _same_title(a: str, b: str) -> bool:
    """Equal once bracket width, dashes and spaces are folded: (2021—2023年) = （2021-2023年）."""
    def folded(s: str) -> str:
        return re.sub(r"\s+", "", _DASHES.sub("-", unicodedata.normalize("NFKC", s)))

    return folded(a) == folded(b)
