"""Metadata of rows whose issuer and title were machine-translated into English.

A research spreadsheet gives each policy an English issuer and title beside the original Chinese
full text. Here the English issuer yields a region code (national bodies, or the province / city
it names), a tidy alias and, through the vocabulary in ``fixtures/issuers-en.csv``, the Chinese
names of the bodies; the Chinese text yields its own title (`stated_title`: where it opens with
it, issues it in a covering notice, or names itself) and issuer where it is signed. Pure:
strings in, strings out (the vocabulary is a file read once).
"""

from __future__ import annotations

import csv
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from documents import gazetteer
from documents.chinese import to_simplified
from documents.issuers import issuer_region_code

from .metadata import canonical_issuer, find_issuers

HAN = "\u4e00-\u9fff"
# Words only a central body's English name carries; a local one names its province or city,
# which is looked for first.
_NATIONAL_BODY = re.compile(
    r"\b(?:State Council|Central|Ministry|Ministries|National|State(?!-owned)|Supreme People's"
    r"|People's Bank|China|Chinese|PRC)\b",
    re.I,
)

# Last words of a title: the document type (…实施方案, …的通知, …的答复).
TITLE_ENDINGS = (
    "方案", "意见", "通知", "规划", "办法", "计划", "决定", "条例", "规定", "纲要", "指南", "措施",
    "细则", "公告", "通告", "函", "批复", "答复", "报告", "规范", "要点", "要求", "建议", "战略",
    "倡议", "倡议书", "政策", "目录", "清单", "名单", "框架", "白皮书", "指引", "准则", "导则",
    "守则", "规则", "章程", "决议", "标准", "令",
)
# Brackets after the type word belong to the title: （试行）, （2021 版）, （征求意见稿）, (2024-2025年).
_TRAILING_BRACKETS = re.compile(r"(?:[（(][^（）()]{1,20}[）)])+$")
_BRACKET_LINE = re.compile(r"^(?:[（(][^（）()]{1,20}[）)])+$")
# Sentence punctuation; inside quotes or 《》 it is part of a quoted name.
_SENTENCE_PUNCT = re.compile(r"[。，,；;：:！!？?]")
_QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\"[^\"]*\"")
# Headings and list items are not titles: 第一章, 一、, （一）, 1.
_HEADING = re.compile(rf"^(?:第[一二三四五六七八九十百零\d]+[章节条部分编]|[一二三四五六七八九十]+[、.．]"
                      rf"|[（(][一二三四五六七八九十\d]+[）)]|\d+[、.．\s])")
# What may stand above a title: 文号, a date, 附件, a record code, a heading issuer, 文件.
_DOC_NUMBER = re.compile(r"〔\s*(?:19|20)\d{2}\s*〕|\[\s*(?:19|20)\d{2}\s*\]|\d+\s*号\s*[）)]?$")
_DATE_LINE = re.compile(
    r"^(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{4}[-./]\d{1,2}[-./]\d{1,2})$"
)
_RECORD_CODE = re.compile(r"^[A-Z]{2,}[\s—–-]*\d[\d\s—–-]*$")
_ATTACHMENT = re.compile(r"^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?$")
_ORG_HEAD = re.compile(rf"^[{HAN}]{{2,30}}(?:人民政府|办公厅|办公室|委员会|局|厅|部|委|院|署)(?:文件)?$")
# A title glued to its first sentence on one line: 智能航运发展指导意见为认真贯彻…
_GLUED_TITLE = re.compile(
    rf"^([{HAN}“”《》（）()\w—-]{{6,40}}?(?:{'|'.join(TITLE_ENDINGS)}))(?=为|根据|按照)"
)
# An issuer opening its own title: 商务部关于公布…的通知, 民政部对“…”的答复.
_TITLE_ISSUER = re.compile(rf"^([{HAN}]{{2,30}}?)(?:关于|对“)")
# Print line under a signature: 山东省人民政府办公厅2019年3月15日印发.
_PRINT_DATE = re.compile(r"\s*(?:19|20|１９|２０)[\d０-９]{2}\s*年.*?日\s*(?:印发|发布)?$")
_SHORT_ORG = re.compile(rf"^[{HAN}]{{2,20}}(?:委|办)$")
_DATE_ONLY = re.compile(r"^[\d０-９\s年月日]+$")
TITLE_MAX_LINES = 3
HEADER_MAX_LINES = 8
COVER_LINES = 15  # opening lines where a covering notice may be signed
SIGNATURE_SEARCH = 40  # lines from the end where a signature block may stand
SIGNATURE_GAP = 6  # lines below it (date, 联系人, 此件主动公开)
_BELOW_SIGNATURE = ("抄送", "抄报", "分送", "发送", "附件", "联系")


def is_english(s: str) -> bool:
    """True when most letters in ``s`` are Latin (a machine-translated field), not Han."""
    latin = sum(1 for c in s if c.isascii() and c.isalpha())
    other = sum(1 for c in s if c.isalpha() and not c.isascii())
    return latin > 0 and latin > other


def issuer_alias(issuer_en: str) -> str:
    """The English issuer as a display name: spaces collapsed, spaced hyphens joined
    ("Urban - Rural" -> "Urban-Rural"), curly apostrophes straightened, trailing dots dropped."""
    name = re.sub(r"\s+", " ", issuer_en.replace("’", "'")).strip()
    name = re.sub(r"(?<=\w) - (?=\w)", "-", name)
    return name.rstrip(" .,;，。").strip()


def issuer_region(issuer_en: str) -> str | None:
    """Region code from an English issuer: the most specific province or city it names,
    "000000" for a central body (State Council, Ministry of …, National …, … of China),
    None when it says neither."""
    name = issuer_alias(issuer_en)
    entry = gazetteer.find_region_in_english(name)
    if entry is not None and entry.level != "national":
        return entry.code
    if entry is not None or _NATIONAL_BODY.search(name):
        return gazetteer.NATIONAL_CODE
    return None


def region_code(issuer_en: str, text: str, title_en: str = "") -> str | None:
    """Region code of a row: from the English issuer; else from the issuer the Chinese text
    names (signature, or the body opening its title); else from the region its Chinese title
    names; else from the English title ("Notice from … of the Ministry of Education …")."""
    code = issuer_region(issuer_en)
    if code:
        return code
    issuer = chinese_issuer(text)
    code = issuer_region_code(issuer) if issuer else None
    if code:
        return code
    entry = gazetteer.find_region_in_text(chinese_title(text) or "")
    if entry is not None:
        return entry.code
    return issuer_region(title_en) if title_en else None


def _squeeze(text: str) -> str:
    # PDF exports space out Han text (济 南 市, （2021 版）); spaces between Latin words stay.
    return re.sub(r"\s+(?![A-Za-z0-9])|(?<![A-Za-z0-9])\s+", "", text).strip()


def _is_title_text(text: str) -> bool:
    bare = _QUOTED.sub("", text)
    return not _SENTENCE_PUNCT.search(bare) and not _HEADING.match(text) and len(text) <= 100


def _ends_as_title(text: str) -> bool:
    core = _TRAILING_BRACKETS.sub("", text)
    # A subtitle after a dash: 申报指南--人工智能医疗器械方向.
    core = re.split(r"--|——|—", core)[0] if re.search(r"--|——", core) else core
    return core.endswith(TITLE_ENDINGS) and len(core) >= 4


def _is_header_line(line: str) -> bool:
    return bool(
        _DOC_NUMBER.search(line) or _DATE_LINE.match(line) or _RECORD_CODE.match(line)
        or _ATTACHMENT.match(line) or line == "文件" or _ORG_HEAD.match(line)
    )


def chinese_title(text: str) -> str | None:
    """The Chinese title the text opens with, or None when it opens with body prose.

    A title is one to three short lines without sentence punctuation (outside quotes) ending
    in a document-type word (方案, 意见, 通知…), with any bracketed qualifier after it
    (（试行）, （2021版）); 文号, dates, 附件 and heading issuers above it are skipped. Spaces
    between Han characters are removed.
    """
    lines = [_squeeze(line) for line in text.splitlines()[:60]]
    lines = [line for line in lines if line][: HEADER_MAX_LINES + TITLE_MAX_LINES + 2]
    start = 0
    while start < min(len(lines), HEADER_MAX_LINES) and _is_header_line(lines[start]):
        start += 1
    if start < len(lines) and (glued := _GLUED_TITLE.match(lines[start])):
        if not _is_title_text(lines[start]) and _is_title_text(glued.group(1)):
            return glued.group(1)
    title = ""
    for line in lines[start:start + TITLE_MAX_LINES]:
        if title and _BRACKET_LINE.match(line) and not _DOC_NUMBER.search(line):
            title += line
            continue
        if title and _ends_as_title(title):
            break
        if not _is_title_text(title + line) or (title and _HEADING.match(line)):
            return None
        title += line
    return title if title and _ends_as_title(title) else None


def _org_line(line: str) -> str | None:
    """The issuer a whole line names (a signature), canonical and simplified, else None."""
    parts = line.split()
    if len(parts) > 1 and all(_org_line(part) for part in parts):
        line = parts[0]  # a joint signature on one line: 工业和信息化部  国家标准化管理委员会
    line = to_simplified(_PRINT_DATE.sub("", _squeeze(line)).strip("（）() "))
    if not line or _DATE_ONLY.match(line):
        return None
    # metadata's org lines, plus the short forms signatures use: 国家发展改革委, 中央网信办.
    if find_issuers(line) == [canonical_issuer(line)] or _SHORT_ORG.match(line):
        return canonical_issuer(line)
    return None


def chinese_issuer(text: str) -> str | None:
    """The issuer the Chinese text names itself: the body opening its title (商务部关于…的通知);
    else the signer of a covering notice near the top (an org line over a date); else the first
    name of the signature block at the end (国家发展改革委 / 国家数据局 / … / 2024年5月14日); else
    a heading issuer above the title. Canonical simplified name, or None."""
    title = chinese_title(text)
    if title and (match := _TITLE_ISSUER.match(to_simplified(title))):
        names = find_issuers(match.group(1))
        if names:
            return names[0]
    signers = chinese_signers(text)
    return signers[0] if signers else None


def chinese_signers(text: str) -> list[str]:
    """Every body of the signature `chinese_issuer` reads (a covering notice's, else the one at the
    end, else a heading issuer), in the order signed; [] for an unsigned text."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # A covering notice signed at the top (…现印发给你们。/ 教育部办公厅 / 2022年7月25日 / the
    # attachment): its signer issued the row, whoever signed the attachment at the end.
    for i, line in enumerate(lines[1:COVER_LINES], start=1):
        if i + 1 < len(lines) and _DATE_ONLY.match(_squeeze(lines[i + 1])) and _org_line(line):
            top = i
            while top > 0 and _org_line(lines[top - 1]):
                top -= 1
            return [_org_line(line) for line in lines[top:i + 1]]
    signature: list[str] = []
    gap = 0
    for line in reversed(lines[-SIGNATURE_SEARCH:]):
        name = _org_line(line)
        if name:
            signature.append(name)
        elif signature and not _DATE_ONLY.match(_squeeze(line)):
            break  # prose above the block
        elif not signature:
            gap += 1  # dates, 此件主动公开, contacts, 抄送 below the signature; not body sentences
            sentence = line.endswith("。") and not line.startswith(_BELOW_SIGNATURE)
            if gap > SIGNATURE_GAP or sentence:
                break
    if signature:
        return list(reversed(signature))
    for line in lines[:HEADER_MAX_LINES]:  # a red header: issuers above the title
        if not _is_header_line(_squeeze(line)):
            break
        if name := _org_line(line):
            return [name]
    return []


# An English title's document-type words (the translator's usual renderings), longest first.
ENGLISH_TYPES = (
    ("implementation plan", "实施方案"), ("implementation rules", "实施细则"), ("action plan", "行动计划"),
    ("opinions", "意见"), ("opinion", "意见"), ("notice", "通知"), ("circular", "通知"), ("measures", "办法"),
    ("regulations", "条例"), ("provisions", "规定"), ("decision", "决定"), ("plan", "规划"), ("programme", "方案"),
    ("program", "方案"),
)


def policy_type(title_en: str) -> str | None:
    """The document type an English title names by its first type word (`Notice on Issuing the Action Plan …`
    is a 通知), or None."""
    lowered = title_en.lower()
    found = [(lowered.find(word), -len(word), kind) for word, kind in ENGLISH_TYPES
             if re.search(rf"\b{word}\b", lowered)]
    return min(found)[2] if found else None


# --- the Chinese title a text states somewhere other than its first lines ---------------------

@dataclass(frozen=True)
class StatedTitle:
    """A Chinese title found in a row's text, and the rule that found it (for the audit record)."""

    title: str
    rule: str  # "opening" | "covering_notice" | "self_named"
    named: str = ""  # the document a covering notice issues or a text names itself, as written


TITLE_RULES = ("opening", "covering_notice", "self_named")
PREAMBLE_CHARS = 1500  # where a text names itself: the lead before its first heading
# 现将《X》印发给你们 / 《X》已经…审议通过，现印发给你们 / 现发布《X》: a covering notice issuing X.
_COVER_AFTER = re.compile(r"《([^《》]{4,120})》[^。《》]{0,60}?(?:现|予以|现予)?(?:印发给?你们|印发施行|予以印发|现予印发|现予发布|现予公布)")
_COVER_BEFORE = re.compile(r"(?:现|特此|现予)(印发|发布|公布)《([^《》]{4,120})》[。，,]")
# 特制定《X》（以下简称《指南》） / 组织编制了《X》。 / 形成了《X》（征求意见稿）。: the text naming itself.
_SELF_NAMED = re.compile(
    r"(?:(?:特|现)(?:制定|编制|印发|发布|出台)|(?:制定|编制|印发|发布|出台|形成)了)《([^《》]{4,120})》"
    r"(?=(?:[（(]征求意见稿[）)])?(?:[（(]以下简称|[。，,]?现予|。))"
    r"|[，,](?:特)?制定《([^《》]{4,120})》(?=。)"
)
_NEWS_LEAD = re.compile(r"^\s*(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日")
_FIRST_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|第[一二三四五六七八九十]+章)", re.M)
_ISSUING_NOTICE = re.compile(r"\b(?:issu\w*|print\w*|distribut\w*|releas\w*|publish\w*)\b", re.I)


def _named(raw: str) -> str:
    # a PDF export breaks lines inside the name: 《…服务资源供给⏎办法（V1.0）》
    return _squeeze(raw.replace("\n", ""))


def _notice_of(named: str, verb: str, title_en: str, issuer: str) -> str:
    """The covering notice's own title where the English title calls the row such a notice
    (`Notice … on Issuing …`), else the document it issues."""
    if policy_type(title_en) != "通知" or not _ISSUING_NOTICE.search(title_en):
        return named
    return f"{issuer}关于{verb}《{named}》的通知"


def stated_title(text: str, *, title_en: str = "", issuer: str = "") -> StatedTitle | None:
    """The Chinese title a row's text states, or None where it states none.

    In order: the title the text opens with (`chinese_title`); the document a covering notice near
    the top issues (现将《X》印发给你们, 现发布《X》), as that notice's title 《issuer》关于印发《X》的通知
    when the English title says the row is the notice (issuer: the notice's signer, else `issuer`),
    else as X; the text naming itself in its lead (特制定《X》（以下简称…）, 组织编制了《X》。), not
    in a news report (a lead opening with its date). X must end as a title does (方案, 指南…).
    """
    if own := chinese_title(text):
        return StatedTitle(own, "opening")
    lead = text[:PREAMBLE_CHARS]
    if heading := _FIRST_HEADING.search(lead):
        lead = lead[:heading.start()]
    cover = text[:PREAMBLE_CHARS]
    # joint signers stand side by side in a title: 工业和信息化部 国家标准化管理委员会关于印发…
    signer = " ".join(dict.fromkeys(body_name(name) for name in chinese_signers(text))) or issuer
    for match in _COVER_AFTER.finditer(cover):
        named = _named(match.group(1))
        if _ends_as_title(named):
            return StatedTitle(_notice_of(named, "印发", title_en, signer), "covering_notice", named)
    for match in _COVER_BEFORE.finditer(cover):
        named = _named(match.group(2))
        if _ends_as_title(named):
            return StatedTitle(_notice_of(named, match.group(1), title_en, signer), "covering_notice", named)
    if _NEWS_LEAD.match(text):
        return None
    for match in _SELF_NAMED.finditer(lead):
        named = _named(match.group(1) or match.group(2))
        if _ends_as_title(named) and "解读" not in lead[match.end():match.end() + 30]:
            if "印发" not in match.group(0):
                return StatedTitle(named, "self_named", named)
            actor = _body_before(lead[:match.start()]) or signer
            return StatedTitle(_notice_of(named, "印发", title_en, actor), "self_named", named)
    return None


def _body_before(prose: str) -> str | None:
    """The vocabulary's body a sentence names just before its verb (商务部办公厅近日印发了…), else None."""
    prose = re.sub(r"(?:近日|日前|近期|正式|联合)+$", "", prose)
    names = _vocabulary()[1]
    found = max((name for name in names if prose.endswith(name)), key=len, default=None)
    return names[found] if found else None


# --- English issuer names → the Chinese names of the bodies ----------------------------------

ISSUERS_CSV = Path(__file__).resolve().parents[2] / "fixtures" / "issuers-en.csv"
_COUNTED_BODIES = re.compile(r"^(?:\w+|\d+) (?:departments|ministries|bodies) including (?:the )?(.+)$")
_GENERAL_OFFICE = re.compile(r"^general offices? of (?:the )?(.+)$")


def _english_key(name: str) -> str:
    """Case, spacing, "the", a trailing "of the People's Republic of China" and parentheses
    ("(Changed)", "(formerly …)") ignored."""
    name = re.sub(r"\([^()]*\)", " ", issuer_alias(name)).casefold()
    name = re.sub(r"\s+of the people's republic of china$", "", name.strip())
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"\s+", " ", name).strip(" .,;")


@functools.cache
def _vocabulary() -> tuple[dict[str, str], dict[str, str]]:
    """(English key → Chinese name, Chinese alias → Chinese name) from fixtures/issuers-en.csv."""
    english_names: dict[str, str] = {}
    chinese_names: dict[str, str] = {}
    with open(ISSUERS_CSV, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = row["name"].strip()
            for english_name in filter(None, row["english"].split("|")):
                english_names[_english_key(english_name)] = name
            for alias in filter(None, row["aliases"].split("|")):
                chinese_names[alias.strip()] = name
            chinese_names[name] = name
    return english_names, chinese_names


def body_name(name: str) -> str:
    """The vocabulary's name of a body a Chinese text names in a short or long form
    (国家发展改革委 → 国家发展和改革委员会); other names unchanged."""
    return _vocabulary()[1].get(name, name)


def map_issuer(english_name: str) -> str | None:
    """The Chinese name of one body named in English, or None when the vocabulary does not know it.
    "General Office of X" is X's 办公厅 where the vocabulary lists none; "Eight Departments including X"
    is X, the lead body."""
    key = _english_key(english_name)
    known = _vocabulary()[0]
    if key in known:
        return known[key]
    if match := _COUNTED_BODIES.match(key):
        return map_issuer(match.group(1))
    if (match := _GENERAL_OFFICE.match(key)) and (body := map_issuer(match.group(1))):
        return body if body.endswith(("办公厅", "办公室")) else body + "办公厅"
    return None


def split_issuers(cell: str) -> list[str]:
    """The English names of the bodies one cell lists: split at commas and semicolons, and at an
    "and" only where both sides are known bodies (the and of "Industry and Information Technology" stays)."""
    names: list[str] = []
    for part in re.split(r"[,;]\s*", issuer_alias(cell)):
        part = re.sub(r"^and\s+", "", part.strip())
        if not part:
            continue
        if map_issuer(part) is None:
            words = part.split(" and ")
            cut = next((i for i in range(1, len(words))
                        if map_issuer(" and ".join(words[:i])) and map_issuer(" and ".join(words[i:]))), None)
            if cut is not None:
                names += [" and ".join(words[:cut]), " and ".join(words[cut:])]
                continue
        names.append(part)
    return names


@dataclass(frozen=True)
class MappedIssuers:
    """An English issuer cell read through the vocabulary: the bodies in order, each by its Chinese
    name where known, else as written; `english` gives each name's English original."""

    names: list[str]
    unknown: list[str]  # English names the vocabulary lacks (kept as written in `names`)
    english: dict[str, str]


def map_issuers(cell: str) -> MappedIssuers:
    names: list[str] = []
    unknown: list[str] = []
    english: dict[str, str] = {}
    for part in split_issuers(cell):
        name = map_issuer(part)
        if name is None:
            unknown.append(part)
            name = part
        if name not in names:
            names.append(name)
            english[name] = part
    return MappedIssuers(names, unknown, english)
