"""Government work reports (政府工作报告): who reports, for which region and year, when. Pure: no Django.

A report opens with its title, the session (`——2025年1月15日在广东省第十四届人民代表大会第三次会议上`)
and the governor, or straight at `各位代表：`; the body says who reports (`我代表深圳市人民政府`, often
only `我代表市人民政府`) and which year it reviews (`一、2023年工作回顾`). Everything is read from the
text; a hint (file name, a CSV's province column) fills only what the text leaves open, and each
use of it is noted in Chinese for the curator.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from documents import gazetteer
from documents.chinese import to_simplified
from documents.gazetteer import RegionEntry

from .sections import cn_to_int

HAN = r"\u4e00-\u9fff"
MUNICIPALITIES = ("110000", "120000", "310000", "500000")  # 北京 天津 上海 重庆: cities at province level
# Cities the province administers directly (省直辖县级市): GB/T 2260 county level, so not in the
# prefecture-level gazetteer; their reports are filed under the province, with a note.
PROVINCE_ADMINISTERED_CITIES = {
    "仙桃": "420000", "潜江": "420000", "天门": "420000", "济源": "410000",
    "五指山": "460000", "琼海": "460000", "文昌": "460000", "万宁": "460000", "东方": "460000",
    "石河子": "650000", "阿拉尔": "650000", "图木舒克": "650000", "五家渠": "650000",
}
HEAD_CHARS = 3000  # title, session line and speaker stand before the body

_BODY = re.compile(f"我代表([{HAN}]{{0,14}}?)(国务院|人民政府|政府|行政公署|行署)")
_SESSION_PLACE = re.compile(
    f"在\\s*([{HAN}]{{2,15}}?)\\s*(?:第\\s*)?[一二三四五六七八九十]{{1,3}}\\s*届\\s*人民代表大会"
)
_DIGIT_DATE = r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
_CN_DATE = "([〇零一二三四五六七八九]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日"
# The date, then at most the speaker (`龚正市长`, `自治区人民政府主席王莉霞`), then 在…人民代表大会.
_SESSION_TAIL = f"[^\\n。]{{0,30}}?在[^。]{{0,40}}?人民代表大会"
_SESSION_DATE = re.compile(f"(?:{_DIGIT_DATE}|{_CN_DATE})(?={_SESSION_TAIL})")
_TIME_FIELD = re.compile(r"(?m)^\s*时间\s*[:：]\s*(\d{4})-(\d{1,2})-(\d{1,2})")
_TITLE_LINE = re.compile(f"^[{HAN}\\d（）()]{{0,30}}工作报告$")
_TITLE_PLACE = re.compile(f"^(?:\\d{{4}}年)?([{HAN}]{{2,15}}?)(?:\\d{{4}}年)?(?:人民)?政府工作报告$")
_ROLE = "代理主席|代主席|主席|代省长|省长|代市长|市长|代州长|州长|盟长|专员"
_SPEAKER = re.compile(
    f"(?m)([{HAN}]{{0,14}}?)(?:人民政府)?({_ROLE})[^\\S\\n]*"
    f"([{HAN}]{{2,4}}?(?:·[{HAN}]{{2,6}})?|[{HAN}][^\\S\\n][{HAN}]{{1,2}})(?=同志|作|在|[^\\S\\n]|$)"
)
_SPEAKER_BEFORE_ROLE = re.compile(f"(?:日|^|\\s)([{HAN}]{{2,3}})(市长|省长)在", re.M)  # 1月15日龚正市长在
# A heading stands at a line start, or after a sentence in texts that lost their line breaks.
_REVIEW_LINE = re.compile(
    r"(?m)(?:^|(?<=[。！!]))[^\S\n]*(?:[一二三四五六七八九十]、)?[^\n。]{0,16}?((?:19|20)\d{2})\s*年[^\n。]{0,16}?(?:工作回顾|工作总结|发展成就)"
)
_PLAN_LINE = re.compile(
    r"(?m)(?:^|(?<=[。！!]))[^\S\n]*(?:[一二三四五六七八九十]、)?[^\n。]{0,8}?((?:19|20)\d{2})\s*年[^\n。]{0,10}?"
    r"(?:主要目标任务|工作安排|重点工作|主要任务|重点任务|目标任务|工作建议|工作任务|主要工作)[^\n。]{0,8}?"
    r"(?=$|[^\S\n]|(?:19|20)\d{2})"
)
_PAST_YEAR = re.compile(r"过去的?一年|刚刚过去的")
# The reviewed year opening its account: 2023年是…之年, 刚刚过去的2023年, 2023年，我们…
_YEAR_IS = re.compile(r"(?:刚刚过去的((?:19|20)\d{2})\s*年)|((?:19|20)\d{2})\s*年(?:是|[，,](?:我们|在|面对|全市|全省|全州))")
_HINT_YEAR = re.compile(r"(?:19|20)\d{2}")
_LEVEL_WORDS = ("自治区", "自治州", "省", "市", "州", "盟", "区", "县")
# Without 我代表…, the text's own collective words tell the level: 全市, 我州.
_COLLECTIVE = (("我州", "州"), ("全州", "州"), ("全盟", "盟"), ("我市", "市"), ("全市", "市"),
               ("我省", "省"), ("全省", "省"))


@dataclass
class WorkReport:
    region_code: str | None  # GB/T 2260; prefecture for a city's report, "000000" for 国务院
    region_source: str  # "text" | "hint" | "" when neither says
    year: int | None  # the year the report is for (delivered early that year)
    year_source: str  # "text" | "hint" | ""
    date: tuple[int, int | None, int | None] | None  # (y, m, d); m and d None below day precision
    date_precision: str  # "day" | "year" | "unknown"
    issuer: str  # 深圳市人民政府, 新疆维吾尔自治区人民政府, 国务院, 锡林郭勒盟行政公署
    title: str
    speaker: str = ""  # 广东省省长 王伟中
    notes: list[str] = field(default_factory=list)  # Chinese, for curators: what the hint filled


def is_work_report(text: str, title: str = "") -> bool:
    """True when the text reads as a government work report (or the title says it is one)."""
    simplified = to_simplified(text)
    if "政府工作报告" in to_simplified(title):
        return True
    # Someone addresses the congress, and the text is shaped or named as a report.
    addressed = [
        bool(re.search(r"各位代表[：:！!，,]|各位主任、委员", simplified)),
        bool(re.search(r"我代表[^。]{0,16}?(?:国务院|政府|行署|行政公署)[^。]{0,6}?(?:向大会|作)", simplified)),
        bool(_SESSION_PLACE.search(simplified[:HEAD_CHARS])),
    ]
    shaped = [bool(_REVIEW_LINE.search(simplified)), bool(_PLAN_LINE.search(simplified)), "政府工作报告" in simplified]
    # A text cut before its address (阿坝: it opens at 2023年工作回顾) still has both halves.
    return (any(addressed) and sum(addressed + shaped) >= 2) or (shaped[0] and shaped[1])


def read_work_report(text: str, hint: str = "") -> WorkReport | None:
    """What a work report says about itself; None when the text is not a work report.

    ``hint`` (a file name or a label such as a CSV's province column) is used only for what the
    text does not say, and every use is recorded in ``notes``.
    """
    if not is_work_report(text):
        return None
    simplified = to_simplified(text)
    head = simplified[:HEAD_CHARS]
    notes: list[str] = []
    body = _body(simplified)
    hint_region = region_from_hint(hint)

    region, county_name, source = _region_from_text(simplified, head, body)
    if region is None and hint_region is not None:
        region, source = hint_region, "hint"
        notes.append(f"正文未写明地区，地区取自“{hint}”：{hint_region.name}")
    elif region is not None and hint_region is not None and not _same_place(region, county_name, hint_region, hint):
        notes.append(f"“{hint}”与正文不符：正文是{_body_name(region, county_name, body)}的报告，按正文归档")
    if region is not None and county_name in PROVINCE_ADMINISTERED_CITIES:
        notes.append(f"{county_name}市是省直辖县级市，地名表中没有，地区记为{region.name}")
    elif county_name and region is not None:
        notes.append(f"报告出自{county_name}，地名表只到地级，地区记为{region.name}")

    year, year_source = _year(simplified, head)
    if year is None and (match := _HINT_YEAR.search(hint)):
        year, year_source = int(match.group()), "hint"
        notes.append(f"正文未写明年份，年份取自“{hint}”：{year}")
    date, precision = _date(head, year)
    if date and year and date[0] != year:
        notes.append(f"会议日期{date[0]}年与报告年份{year}年不一致")
    name = _body_name(region, county_name, body) if region else ""
    issuer = _issuer(name, body)
    title = _own_title(head) or _composed_title(year, name, body)
    return WorkReport(
        region_code=region.code if region else None,
        region_source=source if region else "",
        year=year,
        year_source=year_source if year else "",
        date=date,
        date_precision=precision,
        issuer=issuer,
        title=title,
        speaker=_speaker(head, name),
        notes=notes,
    )


def region_from_hint(hint: str) -> RegionEntry | None:
    """The region a file name or label names: 三亚.docx, 2026_上海市_政府工作报告.csv, 2025年广西政府工作报告."""
    if not hint:
        return None
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", hint.strip().rsplit("/", 1)[-1])
    stem = re.sub(r"(?:19|20)\d{2}年?|政府工作报告|人民政府|工作报告|[_\-\s]+", " ", to_simplified(stem))
    for part in stem.split():
        if part in PROVINCE_ADMINISTERED_CITIES or part.removesuffix("市") in PROVINCE_ADMINISTERED_CITIES:
            return gazetteer.get(PROVINCE_ADMINISTERED_CITIES[part.removesuffix("市")])
        entry = gazetteer.lookup_region(part) or gazetteer.find_region_in_text(part)
        if entry is not None:
            return entry
    return None


@dataclass(frozen=True)
class _Body:
    """Who says 我代表…: the named place (深圳市, or ""), its level word (市, 省, 自治区…) and kind."""

    place: str
    level: str
    kind: str  # "government" | "state_council" | "commissioner" (a 盟's 行政公署) | "" when unsaid


def _body(simplified: str) -> _Body:
    match = _BODY.search(simplified)
    if match is None:
        # the lowest level the text speaks for: a city's report also says 全省 of its province
        for word, level in _COLLECTIVE:
            if word in simplified:
                return _Body("", level, "")
        return _Body("", "", "")
    prefix, org = match.groups()
    if org == "国务院":
        return _Body("", "", "state_council")
    if org in ("行署", "行政公署"):
        return _Body(prefix, prefix[-1:] if prefix.endswith(("盟", "地区")) else "盟", "commissioner")
    level = next((w for w in _LEVEL_WORDS if prefix.endswith(w)), "")
    return _Body(prefix if len(prefix) > len(level) else "", level, "government")


def _region_from_text(simplified: str, head: str, body: _Body) -> tuple[RegionEntry | None, str, str]:
    """(region, county-level body name or "", "text") from the text alone."""
    if body.kind == "state_council":
        return gazetteer.get(gazetteer.NATIONAL_CODE), "", "text"
    named = [body.place]
    if session := _SESSION_PLACE.search(head):
        named.append(session.group(1))
    for line in _head_lines(head):
        if match := _TITLE_PLACE.match(line):
            named.append(match.group(1))
    named += [m.group(1) for m in _SPEAKER.finditer(head) if m.group(1)]
    for name in filter(None, named):
        county = _county_city(name)
        if county:
            return gazetteer.get(PROVINCE_ADMINISTERED_CITIES[county]), county, "text"
        entry = gazetteer.lookup_region(name) or gazetteer.find_region_in_text(name)
        if entry is not None and entry.level != "national":
            return entry, _county_inside(entry, simplified, body), "text"
    top = _most_named(simplified, body.level)
    if top in PROVINCE_ADMINISTERED_CITIES:
        return gazetteer.get(PROVINCE_ADMINISTERED_CITIES[top]), top, "text"
    entry = _entry_for_short_name(top, body.level) if top else None
    if entry is None:
        return None, "", ""
    return entry, _county_inside(entry, simplified, body), "text"


def _county_inside(entry: RegionEntry, simplified: str, body: _Body) -> str:
    """A county-level body inside a prefecture: 恩施市 in 恩施州 (我代表市人民政府), 黄山区 in 黄山市."""
    if entry.level == "prefecture" and body.level in ("市", "区", "县") and not entry.name.endswith(body.level):
        county = f"{entry.short_name}{body.level}"
        if county in simplified:
            return county
    return ""


def _county_city(name: str) -> str:
    short = name.removesuffix("市")
    return short if short in PROVINCE_ADMINISTERED_CITIES else ""


@lru_cache(maxsize=1)
def _candidates() -> dict[str, tuple[str, ...]]:
    """Short names a report calls its own place by, per level word of the reporting body."""
    regions = [e for e in gazetteer.all_regions() if e.level != "national"]
    cities = [e.short_name for e in regions if e.level == "prefecture" and e.name.endswith("市")]
    cities += [e.short_name for e in regions if e.code in MUNICIPALITIES] + list(PROVINCE_ADMINISTERED_CITIES)
    # a county-level city is named after its prefecture often enough: 恩施市 in 恩施州
    cities += [e.short_name for e in regions if e.level == "prefecture" and not e.name.endswith("市")]
    prefectures = [e.short_name for e in regions if e.level == "prefecture"]
    return {
        "省": tuple(e.short_name for e in regions if e.level == "province" and e.name.endswith("省")),
        "自治区": tuple(e.short_name for e in regions if e.level == "province" and e.name.endswith("自治区")),
        "市": tuple(cities),
        "州": tuple(e.short_name for e in regions if e.level == "prefecture" and e.name.endswith("州")),
        "盟": tuple(e.short_name for e in regions if e.level == "prefecture" and e.name.endswith(("盟", "地区"))),
        "区": tuple(prefectures),
        "县": tuple(prefectures),
        "": tuple(prefectures + [e.short_name for e in regions if e.level == "province"]),
    }


def _most_named(simplified: str, level: str) -> str:
    """The place the text names most often, when it clearly leads (a report names its own place most)."""
    names = _candidates().get(level) or _candidates()[""]
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    counts = Counter(m.group() for m in pattern.finditer(simplified)).most_common(2)
    if not counts or counts[0][1] < 3 or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return ""
    return counts[0][0]


def _entry_for_short_name(short: str, level: str) -> RegionEntry | None:
    entries = [e for e in gazetteer.all_regions() if e.short_name == short and e.level != "national"]
    if level in ("省", "自治区"):
        entries = [e for e in entries if e.level == "province"] or entries
    else:  # 吉林 in a city's report is 吉林市
        entries.sort(key=lambda e: e.level != "prefecture" and e.code not in MUNICIPALITIES)
    return entries[0] if entries else None


def _same_place(region: RegionEntry, county: str, hint_region: RegionEntry, hint: str) -> bool:
    if county and county.removesuffix("市").removesuffix("区") in hint:
        return True
    return region.code == hint_region.code or region.short_name == hint_region.short_name  # 吉林市 / 吉林


def _body_name(region: RegionEntry, county: str, body: _Body) -> str:
    if body.kind == "state_council":
        return "国务院"
    if county:
        return county if county.endswith(("市", "区", "县")) else f"{county}市"
    return region.name


def _issuer(name: str, body: _Body) -> str:
    if not name:
        return ""
    if body.kind == "state_council":
        return "国务院"
    if body.kind == "commissioner":
        return f"{name}行政公署"
    return f"{name}人民政府"


def _head_lines(head: str) -> list[str]:
    """Lines before 各位代表, stripped: where the title, session line and speaker stand."""
    lines = []
    for line in head.splitlines():
        line = line.strip()
        if line.startswith(("各位代表", "各位主任")):
            break
        if line:
            lines.append(line)
    return lines[:40]


def _own_title(head: str) -> str:
    for line in _head_lines(head):
        compact = re.sub(r"\s+", "", line)
        if _TITLE_LINE.match(compact) and len(compact) <= 40:
            return compact
    return ""


def _composed_title(year: int | None, name: str, body: _Body) -> str:
    prefix = f"{year}年" if year else ""
    if body.kind == "state_council":
        return f"{prefix}政府工作报告"
    if body.kind == "commissioner":
        return f"{prefix}{name}行政公署工作报告"
    return f"{prefix}{name}政府工作报告"


def _speaker(head: str, name: str) -> str:
    """`{place}{role} {name}` from the head, e.g. 广东省省长 王伟中; "" when not found."""
    head = "\n".join(_head_lines(head))
    match = _SPEAKER.search(head)
    if match:
        role, person = match.group(2), re.sub(r"\s+", "", match.group(3))
    elif before := _SPEAKER_BEFORE_ROLE.search(head):
        person, role = before.groups()
    else:
        return ""
    return f"{name}{role} {person}"


def _year(simplified: str, head: str) -> tuple[int | None, str]:
    """The report's year: the session's, else the reviewed year + 1, else the planned year."""
    if match := _SESSION_DATE.search(head):
        return _date_of(match)[0], "text"
    if match := _REVIEW_LINE.search(simplified):
        return int(match.group(1)) + 1, "text"
    opening = simplified.find("代表")
    for start in (opening if opening >= 0 else 0, *(m.start() for m in _PAST_YEAR.finditer(simplified, 0, 20000))):
        if match := _YEAR_IS.search(simplified, start, start + 600):
            return int(match.group(1) or match.group(2)) + 1, "text"
    if match := _PLAN_LINE.search(simplified):
        return int(match.group(1)), "text"
    return None, ""


def _date_of(match: re.Match) -> tuple[int, int, int]:
    if match.group(1):
        return int(match.group(1)), int(match.group(2)), int(match.group(3))
    year = int("".join(str("〇一二三四五六七八九".index(c)) if c != "零" else "0" for c in match.group(4)))
    return year, cn_to_int(match.group(5)), cn_to_int(match.group(6))


def _date(head: str, year: int | None) -> tuple[tuple[int, int | None, int | None] | None, str]:
    """Day from the session line or a 时间： line, else the report's year alone."""
    if match := _SESSION_DATE.search(head):
        return _date_of(match), "day"
    if match := _TIME_FIELD.search(head):
        return (int(match.group(1)), int(match.group(2)), int(match.group(3))), "day"
    if year:
        return (year, None, None), "year"
    return None, "unknown"
