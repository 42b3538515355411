"""Citations between documents (pure): the `《…》` references a text makes, the names it defines for
them (`（以下简称《建设方案》）`), the key a title is matched by, and a resolver from a title as
written to one document of an index of titles — the version in force at the citing document's date.

Precision comes first: a reference resolves only to a document whose title key (or a short form of it,
or an alias the citing text defines) is the written one; a short form that two different works share,
and a title that two issuers share when the citing issuer is neither, resolve to nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from documents.chinese import to_simplified
from documents.ingest.versions import version_key

# Book-title marks: 《…》 at the top level; 〈…〉 and <…> mostly nest inside it
# (《关于修改〈杭州市燃气管理条例〉的决定》), and stand alone only rarely.
_MARKS = re.compile(r"[《》〈〉<>\n]")
_OPENING = {"》": "《", "〉": "〈", ">": "<"}
_LONGEST = 120  # a longer span between marks is a stray mark, not a title
# A stand-alone <…> is a title only when it reads like one: Han text ending in a document type.
_DOCUMENT_END = re.compile(r"[\u4e00-\u9fff）)]*(?:法|条例|规定|办法|细则|决定|规则|意见|通知|方案|规划|纲要|章程|标准)[）)]?$")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# Newspapers and journals (人民日报, 求是 is too short to tell), and gazettes a text is published in.
_PUBLICATION = re.compile(r"(?:(?<!通)报|公报|学报|周刊|月刊|杂志|期刊|年鉴|求是)$")
# Certificates, licences and forms named in 《》 (《企业法人营业执照》, 《医疗机构执业许可证》,
# 《进口药品通关单》): they are not documents an archive holds. 清单 and 白皮书 are documents.
_FORM = re.compile(r"(?:证|证书|执照|证明|证明书|卡|簿|(?<!清)单|(?<!白皮)书|登记表|申请表|审批表|牌照|标志)$")
# （以下简称《建设方案》） / （以下简称“条例”） / (以下称著作权法): the name a text gives the title before it.
_ALIAS = re.compile(r"\s*[（(]\s*以下(?:简称|称)[:：]?\s*(?:《([^《》]{1,40})》|[“\"「]([^”\"」]{1,40})[”\"」]|([^（）()《》“”、，,。；\s]{1,20}))\s*[）)]")
_SENTENCE_END = re.compile(r"[。！？；\n]")
_SPACES = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")
_INNER_MARKS = re.compile(r"[《》〈〉<>“”\"「」『』]")
# Trailing notes version_key leaves: （修订）, （2019年修正本）, （2018年修正文本）, （修正案）is a different act.
_MORE_NOTES = re.compile(r"（\s*(?:\d{4}\s*年?\s*)?(?:修订|修正|修改)(?:本|文本)?\s*）$")
_NOTE_YEAR = re.compile(r"[（(]\s*(\d{4})\s*年?\s*(?:修订|修正|修改|版|第[一二三四五六七八九十]+次修正)?(?:本|文本)?\s*[）)]\s*$")
_PRC = "中华人民共和国"
_STATE_COUNCIL = "国务院关于"


@dataclass(frozen=True)
class Reference:
    """A title a text cites: `title` as written between the marks, `start`/`end` the offsets of the
    whole marked span (`written`) in the text, and the sentence around it."""

    title: str
    written: str
    start: int
    end: int
    sentence: str
    sentence_start: int


@dataclass(frozen=True)
class Resolution:
    """The document a reference resolves to, or None, and how: 'exact' (title key), 'short' (a short
    form such as 数据安全法), 'alias' (a name the citing text defined), 'version' (the title matched a
    work with several versions and the citing date chose one); `versions` is how many the work has."""

    id: object | None
    how: str | None
    versions: int = 0


def _strip_outer(title: str) -> str:
    return title.strip().strip("《》〈〉<>")


def title_key(title: str) -> str:
    """The form two titles of one document share: simplified script, no whitespace, book-title marks
    and quotes dropped, brackets full-width, a trailing revision note (（2021年修订）, （修正）) cut.
    （试行） and （草案） stay: a trial rule and a draft are not the final document."""
    key = _SPACES.sub("", to_simplified(title or ""))
    key = _INNER_MARKS.sub("", key).replace("(", "（").replace(")", "）")
    key = version_key(key)
    return _MORE_NOTES.sub("", key)


def short_keys(title: str) -> set[str]:
    """The keys of the shorter forms a title is cited by in the corpus: without 中华人民共和国
    (《数据安全法》, 《北京市实施〈水法〉办法》), and a State Council text without 国务院. Empty when there is none."""
    key = title_key(title)
    found = set()
    if _PRC in key and len(key.replace(_PRC, "")) >= 2:
        found.add(key.replace(_PRC, ""))
    if key.startswith(_STATE_COUNCIL):  # 《关于开展全民义务植树运动的实施办法》 is the State Council's
        found |= {short[len("国务院"):] for short in found | {key}}
    return found


def _note_year(title: str) -> int | None:
    match = _NOTE_YEAR.search(_SPACES.sub("", title))
    return int(match.group(1)) if match else None


def is_document_title(title: str) -> bool:
    """False for what 《》 marks but no archive holds: newspapers, journals, gazettes, certificates,
    licences and forms."""
    key = title_key(title)
    return bool(_HAN.search(key)) and not _PUBLICATION.search(key) and not _FORM.search(key)


def _title_spans(text: str) -> Iterable[tuple[int, int]]:
    """(start, end) of every outermost marked title; unbalanced marks are skipped."""
    stack: list[tuple[str, int]] = []
    for match in _MARKS.finditer(text):
        mark, at = match.group(), match.start()
        if mark == "\n":
            stack.clear()  # a title does not run over a line break: the opening mark was stray
        elif mark in "《〈" or (mark == "<" and stack):
            stack.append((mark, at))
        elif mark == "<":
            close = text.find(">", at + 1, at + _LONGEST)
            inner = text[at + 1:close] if close > 0 else ""
            if inner and "\n" not in inner and "<" not in inner and _HAN.match(inner) and _DOCUMENT_END.search(inner):
                yield at, close + 1
        elif stack and stack[-1][0] == _OPENING[mark]:
            _, start = stack.pop()
            if not stack and at - start <= _LONGEST:
                yield start, at + 1
        elif mark == "》" and stack and stack[0][0] == "《":
            # an inner mark left open (《关于修改〈某条例的决定》): the outer title still ends here
            start = stack[0][1]
            stack.clear()
            if at - start <= _LONGEST:
                yield start, at + 1


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    before = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, start - 400), start)), default=max(0, start - 400))
    after = _SENTENCE_END.search(text, end)
    stop = after.end() if after and after.group() != "\n" else (after.start() if after else len(text))
    piece = text[before:stop]
    lead = len(piece) - len(piece.lstrip())
    return piece.strip(), before + lead


def _alias_definitions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, alias, full title) of every （以下简称…） that follows a marked title."""
    found = []
    for start, end in _title_spans(text):
        match = _ALIAS.match(text, end)
        if match:
            alias = _strip_outer(next(group for group in match.groups() if group))
            found.append((match.start(), match.end(), alias, _strip_outer(text[start:end])))
    return found


def aliases(text: str) -> dict[str, str]:
    """Each name the text defines for a title it cites (`《…》（以下简称《建设方案》）`) -> that title as
    written; the first definition of a name wins."""
    result: dict[str, str] = {}
    for _, _, alias, full in _alias_definitions(text):
        result.setdefault(alias, full)
    return result


def _title_line_end(text: str, title: str | None) -> int:
    """The end of the text's first line when that line is the document's own title, else 0."""
    if not title:
        return 0
    stripped = text.lstrip()
    first = stripped.split("\n", 1)[0]
    if title_key(first.lstrip("# ")) == title_key(title):
        return len(text) - len(stripped) + len(first)
    return 0


def find_references(text: str, *, title: str | None = None) -> list[Reference]:
    """Every document title the text cites, in order: each outermost `《…》` (and a stand-alone
    `〈…〉` / `<…>` that reads as a title), two for `《A》和《B》`, one for a title nesting another.
    Left out: marks inside the text's own title line (when `title` is given), the name an alias
    definition gives (`（以下简称《条例》）`), newspapers, journals, certificates and forms."""
    skip_to = _title_line_end(text, title)
    definitions = [(start, end) for start, end, _, _ in _alias_definitions(text)]
    references = []
    for start, end in _title_spans(text):
        if start < skip_to or any(a <= start < b for a, b in definitions):
            continue
        inner = text[start + 1:end - 1]
        if not inner.strip() or not is_document_title(inner):
            continue
        sentence, sentence_start = _sentence(text, start, end)
        references.append(Reference(inner, text[start:end], start, end, sentence, sentence_start))
    return references


@dataclass
class _Work:
    """The versions of one document: same title key and issuer, sorted by date (undated first)."""

    key: str
    issuer: str
    versions: list[tuple[str, object]] = field(default_factory=list)  # (ISO date or "", id)

    def version_at(self, date: str | None, year: int | None):
        ordered = sorted(self.versions, key=lambda item: (item[0], str(item[1])))
        if year is not None:
            same_year = [item for item in ordered if item[0][:4] == str(year)]
            if same_year:
                return same_year[0][1]
        if date:
            earlier = [item for item in ordered if item[0] and item[0] <= date]
            if earlier:
                latest = earlier[-1][0]
                return next(item[1] for item in earlier if item[0] == latest)
            return ordered[0][1]  # all versions are later than the citing text: the earliest held
        latest = ordered[-1][0]
        return next(item[1] for item in ordered if item[0] == latest)


class TitleIndex:
    """Candidates (id, title, ISO date or None, issuer or '') indexed by title key and short form.
    Titles with one key and one issuer are versions of one work."""

    def __init__(self, candidates: Iterable[tuple[object, str, str | None, str]]):
        works: dict[tuple[str, str], _Work] = {}
        self._work_of: dict[object, _Work] = {}
        for id_, title, date, issuer in candidates:
            key = title_key(title)
            if not key:
                continue
            work = works.setdefault((key, issuer or ""), _Work(key, issuer or ""))
            work.versions.append((date or "", id_))
            self._work_of[id_] = work
        self._exact: dict[str, list[_Work]] = defaultdict(list)
        self._short: dict[str, list[_Work]] = defaultdict(list)
        for work in works.values():
            self._exact[work.key].append(work)
            for short in short_keys(work.key):
                self._short[short].append(work)

    def __len__(self) -> int:
        return len(self._work_of)

    def _choose(self, found: list[_Work], citing_issuer: str) -> _Work | None:
        # Several works under one key: the citing issuer's own ('' = national) decides, or nothing does.
        unique = list({id(work): work for work in found}.values())
        if len(unique) > 1:
            unique = [work for work in unique if work.issuer == citing_issuer] or unique
        return unique[0] if len(unique) == 1 else None

    def _lookup(self, title: str, citing_issuer: str) -> tuple[_Work | None, str | None]:
        key = title_key(title)
        if key in self._exact:
            return self._choose(self._exact[key], citing_issuer), "exact"
        found = list(self._short.get(key, []))
        for short in short_keys(title):
            found += self._exact.get(short, []) + self._short.get(short, [])
        if found:
            return self._choose(found, citing_issuer), "short"
        return None, None

    def resolve(self, title: str, *, citing_date: str | None = None, aliases: Mapping[str, str] | None = None,
                self_id: object | None = None, citing_issuer: str = "") -> Resolution:
        """The document `title` (as written, with or without its marks) names: exact key, then short
        form, then an alias of `aliases` (name -> title as the citing text wrote it); for a work with
        several versions, a year in the title's note picks that year's version, else the latest
        dated on or before `citing_date` (the latest of all when it is None). None when nothing
        matches, when the match is ambiguous (several works, none the `citing_issuer`'s — '' is the
        national issuer), and when it is `self_id`'s own work, in any version."""
        title = _strip_outer(title)
        work, how = self._lookup(title, citing_issuer)
        year = _note_year(title)
        if work is None and how is None and aliases:
            by_key = {title_key(name): full for name, full in aliases.items()}
            full = by_key.get(title_key(title))
            if full is not None:
                work, how = self._lookup(full, citing_issuer)
                how, year = ("alias" if how else None), _note_year(full)
        if work is None or (self_id is not None and self._work_of.get(self_id) is work):
            return Resolution(None, None)
        id_ = work.version_at(citing_date, year)
        count = len({item[0] for item in work.versions})
        if count > 1 and how != "alias":
            how = "version"
        return Resolution(id_, how, count)

    def resolve_all(self, text: str, *, title: str | None = None, citing_date: str | None = None,
                    self_id: object | None = None, citing_issuer: str = "") -> list[tuple[Reference, Resolution]]:
        """find_references of the text, each with its resolution, the text's own aliases applied."""
        names = aliases(text)
        return [(reference, self.resolve(reference.title, citing_date=citing_date, aliases=names,
                                         self_id=self_id, citing_issuer=citing_issuer))
                for reference in find_references(text, title=title)]
