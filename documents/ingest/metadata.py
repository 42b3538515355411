"""Policy metadata from a cleaned page and the boilerplate lines removed from it.

Scraped pages keep half their metadata in furniture: the source and date in a header line
(`來源:高新院 achie.org 日期:2024-11-14 點擊:次`), the site name in the footer, the title in a
sharing banner. So `extract_metadata` takes the clean text *and* the boilerplate record's removed
lines. Matching runs on the simplified form; title and source are returned as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from documents.chinese import to_simplified

from .docnumber import find_doc_number
from .result import POLICY_TYPES, PolicyFields, QualityWarning, StageRecord

HAN = r"\u4e00-\u9fff"
ORG_SUFFIX = r"(?:人民政府|人民代表大会常务委员会|办公厅|办公室|委员会|协会|学会|联合会|国务院|省委|市委|部|厅|局)"
# Short forms used in news; values are the canonical names the Issuer table uses.
ISSUER_ALIASES = {
    "工信部": "工业和信息化部",
    "发改委": "国家发展和改革委员会",
    "国家发改委": "国家发展和改革委员会",
    "科技部": "科学技术部",
    "网信办": "国家互联网信息办公室",
    "国家网信办": "国家互联网信息办公室",
    "人社部": "人力资源和社会保障部",
    "国新办": "国务院新闻办公室",
}
NEWS_PREFIXES = ("近日", "日前", "近期", "会上", "今天", "今日", "昨天", "昨日", "目前")
_ISSUE_VERB = re.compile(f"([{HAN}]{{2,30}}?{ORG_SUFFIX})(?:联合)?(?:印发|发布|出台|公布|制定|发出)了?《")
_MINISTER = re.compile(f"([{HAN}]{{1,12}}部)(?:副)?部长")
_ORG_LINE = re.compile(f"^[{HAN}]{{2,28}}{ORG_SUFFIX}$")
_PARTY_SECRETARY = re.compile("(省委|市委)书记")
_MEETING_PLACE = re.compile(f"在([{HAN}]{{2,6}}?)(?:召开|举行|举办)")
_TITLE_IN_QUOTES = re.compile(r"(?:印发|发布|出台|公布|制定|通过)了?《([^《》\n]{4,80})》")
_BANNER_TITLE = re.compile(r"《([^《》\n]+?)\.(?:docx?|pdf|pptx?|wps|txt)》")
_BANNER_SITE = re.compile(r"请在(.{2,12}?)上搜索")
_HEADLINE_VERB = re.compile(r"^《(.+)》(?:发布|出台|印发|公布|出炉)?$")
_SOURCE_FIELD = re.compile(r"来源[:：]\s*([^\s:：]+)(?:\s+((?:[a-z0-9-]+\.)+[a-z]{2,}))?", re.I)
_DATE_FIELD = re.compile(r"(?:日期|时间|发布时间|发布日期)[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_FULL_DATE = re.compile(r"(\d{4})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})日?(?!\d)")
_LEAD_DATE = re.compile(r"^(\d{1,2})月(\d{1,2})日", re.M)
# Rightmost keyword in a title names the document type (…规划实施方案 is a 实施方案).
TYPE_KEYWORDS = ("倡议书", "实施细则", "实施方案", "行动计划", "规划", "方案", "意见", "通知", "办法",
                 "规定", "条例", "决定")
MEETING_WORDS = ("会议", "讲话", "座谈会", "召开")


@dataclass(kw_only=True)
class Metadata(PolicyFields):
    source_document: str = ""  # "资料来源:…" trailer: the publication the text was taken from
    warnings: list[QualityWarning] = field(default_factory=list)


def extract_metadata(text: str, removed: list[dict] | None = None) -> tuple[Metadata, StageRecord]:
    """Extract title, issuers, region, dates, type, source and 文号; warn where something is missing."""
    removed = removed or []
    furniture = [(r["rule"], r["text"]) for r in removed]
    simplified = to_simplified(text)
    meta = Metadata()
    meta.title = find_title(text, furniture)
    _find_source(meta, furniture)
    _find_date(meta, simplified, furniture)
    meta.issuers = find_issuers(simplified)
    meta.region_code = find_region(meta.issuers, to_simplified(meta.title), simplified)
    meta.policy_type = find_policy_type(to_simplified(meta.title), simplified)
    meta.doc_number = find_doc_number(text) or find_doc_number(simplified)
    for missing, kind, message in (
        (not meta.title, "no_title", "未识别出标题"),
        (not meta.issuers, "no_issuer", "未识别出发文机关"),
        (meta.region_code is None, "no_region", "未识别出所属地区"),
    ):
        if missing:
            meta.warnings.append(QualityWarning(kind=kind, message=message))
    found = {k: v for k, v in vars(meta).items() if k != "warnings" and v not in ("", None, [])}
    return meta, StageRecord(stage="metadata", summary=f"found {', '.join(found)}", details=[found])


def find_title(text: str, furniture: list[tuple[str, str]]) -> str:
    """Sharing-banner file name, else a headline first line, else the 《name》 a sentence issues."""
    for rule, line in furniture:
        if rule == "sharing_banner" and (match := _BANNER_TITLE.search(line)):
            return match.group(1).strip()
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if first and len(first) <= 60 and not re.search(r"[。，,；]", first):
        headline = _HEADLINE_VERB.match(to_simplified(first))
        # "《…倡议书》发布" is a news headline about the document: the title is inside the quotes.
        return first[1:1 + len(headline.group(1))] if headline else first
    match = _TITLE_IN_QUOTES.search(to_simplified(text))
    if match:
        return text[match.start(1):match.end(1)]  # t2s keeps length, so offsets hold for the original
    return ""


def _find_source(meta: Metadata, furniture: list[tuple[str, str]]) -> None:
    for rule, line in furniture:
        if rule == "meta_line" and (match := _SOURCE_FIELD.search(to_simplified(line))):
            meta.source_site = line[match.start(1):match.end(1)]
            if match.group(2):
                # A bare domain ("achie.org"): stored as a URL with http://, which every site answers.
                meta.source_url = f"http://{match.group(2).lower()}"
        elif rule == "site_name" and not meta.source_site:
            meta.source_site = line
        elif rule == "sharing_banner" and not meta.source_site and (match := _BANNER_SITE.search(line)):
            meta.source_site = match.group(1)
        elif rule == "source_trailer":
            meta.source_document = re.split(r"[:：]", line, maxsplit=1)[1].strip()


def _find_date(meta: Metadata, simplified: str, furniture: list[tuple[str, str]]) -> None:
    header = " ".join(to_simplified(line) for rule, line in furniture if rule == "meta_line")
    match = _DATE_FIELD.search(header) or _FULL_DATE.search(simplified[:2000])
    if match and 1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(3)) <= 31:
        meta.date_year, meta.date_month, meta.date_day = map(int, match.groups())
        meta.date_precision = "day"
        return
    lead = _LEAD_DATE.search(simplified)
    if lead and 1 <= int(lead.group(1)) <= 12:
        # A news lead ("8月31日上午，…") dates the event but not the year.
        meta.date_month, meta.date_day = int(lead.group(1)), int(lead.group(2))
        meta.date_precision = "day"
        meta.warnings.append(QualityWarning(
            kind="date_year_unknown", message=f"日期缺少年份：{lead.group(0)}",
            position=lead.start(), context=simplified[lead.start():lead.start() + 20]))
        return
    vague = "近日" if "近日" in simplified else ""
    meta.warnings.append(QualityWarning(
        kind="date_unknown", message=f"未找到日期{'（仅有“近日”）' if vague else ''}",
        position=simplified.find(vague) if vague else None))


def canonical_issuer(name: str) -> str:
    name = to_simplified(name)
    for prefix in NEWS_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            name = name[len(prefix):]
    return ISSUER_ALIASES.get(name, name)


def find_issuers(simplified: str) -> list[str]:
    """Canonical simplified issuer names, in order of first mention."""
    found = [m.group(1) for m in _ISSUE_VERB.finditer(simplified)]
    found += [m.group(1) for m in _MINISTER.finditer(simplified)]
    found += [line.strip() for line in simplified.splitlines() if _ORG_LINE.match(line.strip())]
    party = _party_committee(simplified)
    if party:
        found.append(party)
    issuers: list[str] = []
    for name in map(canonical_issuer, found):
        if name not in issuers:
            issuers.append(name)
    return issuers


def _party_committee(simplified: str) -> str | None:
    """A provincial (city) meeting led by the party secretary is the party committee's: 中共山东省委."""
    secretary = _PARTY_SECRETARY.search(simplified)
    if not secretary or ("全省" if secretary.group(1) == "省委" else "全市") not in simplified:
        return None
    from documents import gazetteer

    place = _MEETING_PLACE.search(simplified)
    region = gazetteer.lookup_region(place.group(1)) if place else None
    region = region or gazetteer.find_region_in_text(simplified)
    if region is None or region.level == "national":
        return None
    if secretary.group(1) == "省委":
        province = gazetteer.province_of(region.code)
        return f"中共{province.short_name}省委" if province else None
    return f"中共{region.short_name}市委" if region.level == "prefecture" else None


def find_region(issuers: list[str], title: str, simplified: str) -> str | None:
    """Region code from the first issuer that has one, else the first region the title/text names."""
    from documents import gazetteer
    from documents.issuers import issuer_region_code

    for issuer in issuers:
        code = issuer_region_code(issuer)
        if code:
            return code
    entry = gazetteer.find_region_in_text(title) or gazetteer.find_region_in_text(simplified)
    return entry.code if entry else None


def find_policy_type(title: str, simplified: str) -> str:
    """One of POLICY_TYPES from the title's document-type word, else from what the text reports."""
    bare = re.sub(r"[(（][^()（）]*[)）]$", "", title.rstrip("》"))
    hits = [(bare.rfind(word) + len(word), len(word), word) for word in TYPE_KEYWORDS if word in bare]
    if hits:
        return max(hits)[2]
    if any(word in title for word in MEETING_WORDS):
        return "会议/讲话"
    if "新闻发布会" in simplified:
        return "新闻发布"
    if "讲话" in simplified or "会议" in simplified[:300]:
        return "会议/讲话"
    return "其他"


assert set(TYPE_KEYWORDS) <= set(POLICY_TYPES)
