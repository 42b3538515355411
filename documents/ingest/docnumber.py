"""Document numbers (文号) and effective dates (施行日期) read from a policy's text (pure).

A 文号 comes in two shapes: issuer abbreviation, year in brackets, serial (`京经信发〔2022〕87号`,
`国发[2021]29号`, `国办发(2022)14号`), and an order or announcement (`上海市人民政府令（第19号）`,
in pkulaw exports split over three lines: `上海市人民政府令` / blank / `（第19号）`;
`杭州市第十一届人民代表大会常务委员会公告第17号`). Sources write the brackets every way, so
numbers are kept and compared in one canonical form (`normalise_doc_number`).

A text names many numbers: its own in the header, and the documents it cites or repeals in the
body (`《…的通知》（包府办发〔2022〕10号）`, `（中府办〔2012〕92号）同时废止`). Its own stands on a
line of its own near the top — alone, in brackets, after a label (`发文字号：`), or in a history
entry (`2000年9月25日 中华人民共和国国务院令第291号公布`); a cited one sits inside a sentence.
"""

from __future__ import annotations

import re
import unicodedata

from .sections import cn_to_int

HAN = r"\u4e00-\u9fff"
OPENING = "〔[［【(（"
CLOSING = "〕]］】)）"
CN_NUMBER = r"[\d〇零一二三四五六七八九十百千两]+"
# A number cited in running text is often glued to the words before it (按照国发〔2021〕29号…,
# 根据国务院令第588号); an abbreviation never holds these, a body's full name may hold 和 (共和国).
_VERBS = r"根据|按照|依据|依照|参照|印发了?|转发了?|详见"
_CUE = re.compile(rf"^.*(?:{_VERBS}|执行|落实|贯彻|见|和|及|与|或)")
_ORDER_CUE = re.compile(rf"^.*(?:{_VERBS})")
SPACE = r"[ \t\u3000\u00a0]*"  # within a number's line; only an order's serial may follow on a later line
# Where a number's issuer starts: after a non-Han character, or right after a date (…9日杭州市…公告).
_START = rf"(?:(?<![{HAN}])|(?<=\d日))(?![年月日])"
# Abbreviation + bracketed year + serial; the abbreviation starts where a run of Han characters does.
_BRACKETED = re.compile(
    rf"{_START}([{HAN}]{{1,16}}){SPACE}[{re.escape(OPENING)}]{SPACE}((?:19|20|１９|２０)\d{{2}}){SPACE}"
    rf"[{re.escape(CLOSING)}]{SPACE}第?{SPACE}(\d{{1,5}}){SPACE}号"
)
# An order (令) or announcement (公告) of a body, its serial possibly bracketed and on a later line.
_ORDER = re.compile(
    rf"{_START}([{HAN}、]{{1,48}}?(?:政府|国务院|委员会|常委会|委|部|总局|局|署|厅|办公室|银行|主席|院))"
    rf"{SPACE}(?:(令|公告)\s*[{re.escape(OPENING)}]?{SPACE}第{SPACE}({CN_NUMBER}){SPACE}号{SPACE}[{re.escape(CLOSING)}]?"
    rf"|第{SPACE}({CN_NUMBER}){SPACE}号{SPACE}令)"
)
_TERM = re.compile(rf"第{CN_NUMBER}届")
# Before the own number on its line: nothing, a label (发文字号：), or a history entry's date.
_LABEL = re.compile(r"^(?:发文字号|发文文号|文号|字号|发文号)\s*[:：]?$")
_DATED = re.compile(r"^[^。；;，,]*\d\s*日$")
# After it: nothing, or the rest of a history entry (…令第291号公布, …第12号发布  根据…, a revised
# text's …令第759号第二次修订), or a joint order's next number (…令第8号、国家体育运动委员会令第11号发布).
_AFTER_OWN = re.compile(
    rf"^(?:(?:(?:第{CN_NUMBER}次)?(?:修订|修正)(?:公布|发布)?|公布|发布|印发|颁布)(?:[\s。，,自]|根据|$).*|、.*)?$")
# How far a document's own number may stand from the top: the header, not the body.
HEADER_LINES = 20
HEADER_CHARS = 2000
OPENING_CHARS = 200
_LINE_END = re.compile(r"[\r\n]")
_NAMES_NEXT = re.compile(r"[ \t\u3000]*[）)]?(?:公布|发布|印发|颁布)?的")
# A title holds none of these; a sentence citing 《…》（国发〔2021〕29号） does.
_SENTENCE = re.compile(r"[。，,；;：:！？《》〈〉]")


def normalise_doc_number(s: str) -> str:
    """The canonical form of a 文号, for storing and comparing.

    Full-width characters folded (NFKC), spaces removed, any bracket around the year → 〔〕,
    `令（第19号）` → `令第19号`, `第4号令` → `令第4号`; in orders and announcements the
    `中华人民共和国` and the `第十一届` of the body's name are dropped (how they are cited:
    国务院令第291号). A string that holds no 文号 comes back folded and without spaces.
    """
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", s or ""))
    match = _BRACKETED.search(text) or _ORDER.search(text)
    if match is None or not _whole(text, match):
        return text
    return _canonical(match)


def looks_like_doc_number(query: str) -> bool:
    """Whether a search query is nothing but one 文号 (brackets, if any, around it)."""
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", query or ""))
    match = _BRACKETED.search(text) or _ORDER.search(text)
    return match is not None and _whole(text, match)


def find_doc_number(text: str) -> str:
    """The document's own 文号, canonical (normalise_doc_number); "" when its header has none.

    The first number standing on its own line among the first HEADER_LINES lines (and
    HEADER_CHARS characters): alone, in brackets, after a 文号 label or a title, or as a history
    entry's order (`2000年9月25日 中华人民共和国国务院令第291号公布`). Failing that, the first one
    in the first OPENING_CHARS characters that is not a citation (after 《…》 or 根据, 按照…).
    Numbers inside the body's sentences are citations of other documents and never count.
    """
    head = _header(text)
    matches = sorted((m for pattern in (_BRACKETED, _ORDER) for m in pattern.finditer(head)), key=lambda m: m.start())
    own = next((m for m in matches if _stands_alone(head, m)), None)
    # A page flattened into one line: its opening still names its own number before any citation.
    own = own or next((m for m in matches if m.start() < OPENING_CHARS and not _cited(head, m)), None)
    return _canonical(own) if own else ""


def leading_doc_number(text: str) -> tuple[str, int] | None:
    """The 文号 the text starts with (after blank space), canonical, and the offset where it ends.

    Accepts what find_doc_number accepts on the first line(s): `（皖政办秘〔2021〕82号）`,
    `包府办发〔2022〕43号`, `上海市人民政府令\\n\\n（第19号）`. For readers that take header lines off.
    """
    start = len(text) - len(text.lstrip())
    for pattern in (_BRACKETED, _ORDER):
        match = pattern.match(text, start + (1 if text[start:start + 1] in OPENING + "(" else 0))
        if match and _stands_alone(text, match):
            end = match.end()
            rest = text[end:]
            end += len(rest) - len(rest.lstrip(" \u3000" + CLOSING))
            return _canonical(match), end
    return None


def _header(text: str) -> str:
    lines = text[:HEADER_CHARS].splitlines(keepends=True)
    seen = 0
    for index, line in enumerate(lines):
        seen += bool(line.strip())
        if seen > HEADER_LINES:
            return "".join(lines[:index])
    return "".join(lines)


def _stands_alone(text: str, match: re.Match) -> bool:
    """Whether the number is its line's whole content (brackets, a label, a history entry's date aside),
    or closes a title line in brackets (国务院关于某意见（国发〔2024〕3号）)."""
    line_start = max(text.rfind("\n", 0, match.start()), text.rfind("\r", 0, match.start())) + 1
    line_end = _LINE_END.search(text, match.end())
    raw_before = text[line_start:match.start()].rstrip(" \t\u3000")
    before = _strip(raw_before)
    after = _strip(text[match.end():line_end.start() if line_end else len(text)])
    if not _AFTER_OWN.match(after):
        return False
    titled = raw_before[-1:] in OPENING and not after and not _SENTENCE.search(before)
    return not before or titled or bool(_LABEL.match(before) or _DATED.match(before))


def _cited(text: str, match: re.Match) -> bool:
    """Whether the number follows a document's name (《…》（国发〔2021〕29号）) or a citing verb, or
    names the document that follows (…令第71号公布的《规定》)."""
    before = text[max(0, match.start() - 3):match.start()].rstrip(" \t\u3000" + OPENING)
    cue = _CUE if match.re is _BRACKETED else _ORDER_CUE
    return (before[-1:] in ("》", "〉") or bool(cue.match(match.group(1)))
            or bool(_NAMES_NEXT.match(text, match.end())))


def _strip(part: str) -> str:
    return part.strip(" \t\u3000\u2002\u00a0" + OPENING + CLOSING)


def _whole(text: str, match: re.Match) -> bool:
    return not _strip(text[:match.start()]) and not _strip(text[match.end():])


def _canonical(match: re.Match) -> str:
    return unicodedata.normalize("NFKC", _joined(match))  # full-width digits (第９号) folded


def _joined(match: re.Match) -> str:
    if match.re is _BRACKETED:
        prefix = _CUE.sub("", match.group(1)) or match.group(1)
        return f"{prefix}〔{match.group(2)}〕{match.group(3)}号"
    body = re.sub(r"\s+", "", match.group(1))
    body = _TERM.sub("", _ORDER_CUE.sub("", body) or body).replace("中华人民共和国", "")
    kind = match.group(2) or "令"
    return f"{body}{kind}第{match.group(3) or match.group(4)}号"


# --- effective dates ---------------------------------------------------------------------

_EFFECT = r"(?:施行|实施|执行|生效|试行)"
_DATE = (r"(?:(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
         r"|([〇零一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日)")
_ISSUE = r"(?:公布|发布|印发|颁布|发文|下发|签发|公告)"
# 自2021年11月25日起施行 / 2012年1月1日 施行 / 自公布之日起施行; not "…起施行的《…》" (another document).
_CLAUSE = re.compile(rf"(?:自\s*)?(?:{_DATE}|({_ISSUE})之日)\s*起?\s*{_EFFECT}(?!的)")
_SUBJECT = re.compile(rf"本[{HAN}]{{1,8}}\s*$")
_PROMULGATION = re.compile(r"现予(?:公布|印发|发布)[，,]?\s*$")
_HISTORY_LINE = re.compile(rf"^\s*{_DATE}\s*{_EFFECT}\s*$")
_YEAR_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}


def find_effective_date(text: str) -> tuple[int, int, int] | None:
    """(year, month, day) the text says it takes effect; None when it names no date.

    A text that takes effect on its issue date (`自公布之日起施行`) names none: the caller uses
    the issue date, and learns that it may from takes_effect_on_issue(). Which clause governs:
    the promulgation sentence (`…现予公布，自2019年8月20日起施行`), else the document's own
    article (`本办法自…起施行`), else a history line (`2012年1月1日 施行`), else the first other one.
    """
    clause = _governing_clause(text)
    if clause is None or clause.group(7):
        return None
    year, month, day = clause.group(1, 2, 3)
    if year is None:
        year = "".join(_YEAR_DIGITS[c] for c in clause.group(4))
        month, day = cn_to_int(clause.group(5)), cn_to_int(clause.group(6))
    found = int(year), int(month), int(day)
    return found if 1 <= found[1] <= 12 and 1 <= found[2] <= 31 else None


def takes_effect_on_issue(text: str) -> bool:
    """Whether the governing clause is `自公布（发布、印发…）之日起施行`: effective on the issue date."""
    clause = _governing_clause(text)
    return clause is not None and clause.group(7) is not None


def _governing_clause(text: str) -> re.Match | None:
    ranked = []
    for match in _CLAUSE.finditer(text):
        sentence = text[max(0, match.start() - 40):match.start()]
        sentence = re.split(r"[。；;\n]", sentence)[-1]
        line_start = text.rfind("\n", 0, match.start()) + 1
        line_end = text.find("\n", match.end())
        line = text[line_start:len(text) if line_end == -1 else line_end]
        if _PROMULGATION.search(sentence):
            rank = 0
        elif _SUBJECT.search(sentence):
            rank = 1
        elif _HISTORY_LINE.match(line):
            rank = 2
        else:
            rank = 3
        ranked.append((rank, match.start(), match))
    return min(ranked, key=lambda r: r[:2])[2] if ranked else None
