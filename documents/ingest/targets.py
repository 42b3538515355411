"""Quantitative targets (指标) a policy's text sets or reports: pure, no Django, no database.

A target is an indicator with a number, read clause by clause: `全市生产总值增长5%左右` is the
indicator phrase (`全市生产总值增长`), the value and its unit, and a modifier. A clause with no
subject of its own (`…达到5.67万亿元、增长5.4%`) takes the previous clause's. Whether it is a target
or an outcome, and for which year, comes from where it stands: a work report's review of the past
year reports outcomes of the year before the report, its plan sets targets for the report's year;
an explicit year (`到2027年`, `“十五五”`) wins.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

VOCABULARY = Path(__file__).resolve().parents[2] / "fixtures" / "targets" / "indicators.csv"


@dataclass
class Target:
    indicator: str  # canonical name from fixtures/targets/indicators.csv, else the phrase as written
    indicator_text: str  # the indicator phrase as written
    kind: str  # "target" | "outcome"
    measure: str  # "growth" | "level" | "share"
    year: int | None
    value_low: float | None
    value_high: float | None
    unit: str
    modifier: str
    sentence: str
    position: int  # offset of the sentence in the text
    start: int  # offset of the target's own span in the text
    end: int


SENTENCE = re.compile(r"[^。！？\n]+[。！？]?")
# A clause ends at these; a target never spans one.
CLAUSE_BREAK = re.compile(r"[，；：,;:（）()“”]")  # not 、: `城镇、农村居民收入分别增长…` is one phrase
NUMBER = r"[0-9]+(?:\.[0-9]+)?"
UNITS = tuple(sorted((
    "个百分点", "万亿元", "亿美元", "万美元", "亿元", "万元/人", "万元", "万人次", "万人", "万户", "万个", "万家", "万吨", "亿吨",
    "亿斤", "万亩", "万辆", "辆", "万标箱", "标箱", "万PF", "PF", "EFLOPS", "PFLOPS", "EFlops", "PFlops", "%", "万", "亿",
    "个", "家", "户", "人", "吨", "元", "座", "％"), key=len, reverse=True))  # longest first: 万家 before 万
VALUE = re.compile(
    r"(?P<pre>力争|约|近|超过|超|不低于|不少于|不超过|突破|达到|高于|低于)?"
    rf"(?P<low>{NUMBER})(?P<unit1>[%％])?(?:\s*(?:—|–|-|～|~|至|到)\s*(?P<high>{NUMBER}))?"
    rf"(?P<unit>{'|'.join(re.escape(u) for u in UNITS)})"
    r"(?P<post>左右|以上|以内|以下)?"
)
# Words between the indicator and its number: the verb of the value, kept out of the phrase.
LINK = re.compile(r"(?:分别|同比|比上年|较上年|年均|平均值|平均为|平均|累计|预计|全年|力争|将|要|实现|完成|达到|达|突破|超过|保持在|稳定在|"
                  r"继续|保持|控制在|提高到|提升到|提高至|提升至|增长到|增加到|扩大到|增至|为|在|约|近|超|不低于|不少于|不超过)+$")
FROM_YEAR = re.compile(r"从?20\d\d年(?:底|末)?的")  # 从2020年的3.68万亿元增长到2025年的4.93万亿元
# Qualifiers of the value inside the phrase (`地区生产总值同比增长`, `全市实现进出口总额`): not the indicator.
QUALIFIER = re.compile(r"按(?=增长)|同比|比上年|较上年|比年初|分别|实现|完成|累计|年均|预计")
GROWTH_VERB = re.compile(r"(增长|增速|上涨|涨幅|下降|回落|提高|提升)$")
LEAD = re.compile(r"^(?:、|其中|全年|力争|以及|和|及|并|确保|努力|预计|实现|完成|推动|推进|加快|促进|建成|建设|提出|包括|新建|主要预期目标是|预期目标是|目标是|"
                  r"到20\d\d年(?:底|末)?|20\d\d年(?:底|末)?|今年|去年|同比|比上年|较上年|年均|累计)+")
SHARE_WORDS = re.compile(r"(比重|比例|占比|强度|覆盖率|普及率|渗透率|贡献率)$")
RATE_WORDS = re.compile(r"(率|涨幅|增速|价格)$")
LEVEL_NOUNS = re.compile(r"(总值|总额|总量|规模|产量|总产|收入|产值|增加值|营收|基站|就业|人口|面积|投资|外资|支出|消费|"
                         r"能力|算力|带宽|用户|装机|容量|里程|储量|数量|人数|数|成交额|销售额|营业额|交易额|主体|企业|吞吐量|"
                         r"劳动力|群体|生产率|加注|新能源汽车)$")
NOT_TARGET = re.compile(r"(亿元的|万元的|高于|低于|争取|发行|安排|引进|招商|计划投资|年度投资|完成投资|奖励|补贴|补助|资助|资金|基金|给予|最高|贷款|融资|额度|门槛|罚款|费用|扶持|专项债|债券|"
                        r"第\d|排名|位居|居全国|全国第|倍|项目|会议|次)")
# A year the figure is for: not a date (2023年8月) nor a baseline (较2020年).
YEAR_SPAN = re.compile(r"(?<![较比与])(20\d\d)年(?![0-9一二三四五六七八九十]+月)")
PERIOD = {"十四五": 2025, "十五五": 2030, "十三五": 2020}
PAST = re.compile(r"(过去一年|已经|已|同比|比上年|较上年|上年|去年)")
TOP_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+、(.*)$", re.M)
GOALS = re.compile(r"(今年|20\d\d年).{0,40}预期目标")
# A report whose parts have no numbers: a short line of its own naming a part (`2026年重点工作`).
BARE_HEADING = re.compile(r"^\s*(\S{0,20}(?:回顾|重点工作|工作安排|主要任务|目标任务|总体要求))\s*$", re.M)


@lru_cache(maxsize=1)
def vocabulary() -> tuple[dict[str, tuple[str, str]], tuple[str, ...]]:
    """alias (and name) -> (canonical name, measure), and the aliases longest first."""
    names: dict[str, tuple[str, str]] = {}
    with open(VOCABULARY, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            for alias in [row["name"], *filter(None, row["aliases"].split("|"))]:
                names.setdefault(alias, (row["name"], row["measure"]))
    return names, tuple(sorted(names, key=len, reverse=True))


FALL = re.compile(r"(下降|回落)$")
OWN_GDP = re.compile(r"(?:全[省市区州]|本[省市]|我[省市])(?:地区)?生产总值|GDP")
REGION_PREFIX = re.compile(r"^(?:全[省市区州盟县国]|本[省市区]|我[省市区州]|全社会|[\u4e00-\u9fff]{2,6}?(?:省|市|自治区|州))")


def canonical(phrase: str, measure: str) -> tuple[str, str]:
    """The vocabulary's name and measure for phrase (as written, or without a leading region word)."""
    names, _ = vocabulary()
    own = OWN_GDP.sub("地区生产总值", phrase)  # 占全省生产总值比重 is 占地区生产总值比重
    for candidate in (phrase, own, REGION_PREFIX.sub("", own, count=1)):
        if candidate in names:
            return names[candidate]
        rising = FALL.sub("增长", candidate)  # a fall is negative growth of the same indicator
        if rising != candidate and rising in names:
            return names[rising]
    return own, measure


def find_targets(text: str, *, year: int | None = None, report: bool = False) -> list[Target]:
    """Every target and outcome in text (a policy's simplified text). year is the document's year;
    report says it is a 政府工作报告 (its 预期目标 are for year, its review's outcomes for the year before)."""
    review_end = _review_end(text, year) if report else 0
    plan_years = _plan_years(text, year) if report else []
    found = []
    for sentence_match in SENTENCE.finditer(text):
        raw = sentence_match.group()
        stripped = raw.strip()
        if not stripped or not any(c.isdigit() for c in stripped):
            continue
        position = sentence_match.start() + raw.index(stripped[0])
        in_review = report and position < review_end
        period_year = next((y for at, y in plan_years if at <= position), None) if report and not in_review else None
        found += _sentence_targets(stripped, position, year=year, report=report, in_review=in_review,
                                   period_year=period_year)
    return found


def _review_end(text: str, year: int | None) -> int:
    """Where a work report's review of the past ends: the next heading after the one that opens the
    review (`一、2024年工作回顾`, or a bare heading line `“十四五”时期工作回顾`), else the first 预期目标 sentence."""
    headings = list(TOP_HEADING.finditer(text)) or list(BARE_HEADING.finditer(text))
    goal = GOALS.search(text)
    for i, heading in enumerate(headings):
        title = heading.group(1)
        if any(word in title for word in ("回顾", "过去", "成就")) or year and title.startswith(f"{year - 1}年"):
            end = headings[i + 1].start() if i + 1 < len(headings) else len(text)
            goal = GOALS.search(text, heading.end())
            return min(end, goal.start()) if goal else end
    return goal.start() if goal else 0


def _plan_years(text: str, year: int | None) -> list[tuple[int, int]]:
    """(offset, year) of the plan's top-level headings that name a period (`二、“十五五”时期主要目标任务`):
    their sentences are for the period's last year unless they say otherwise. Sorted latest first."""
    marks = []
    for heading in TOP_HEADING.finditer(text):
        period = next((y for name, y in PERIOD.items() if name in heading.group(1)), None)
        if year and f"{year}年" in heading.group(1):  # 二、“十五五”时期目标任务和2026年工作: the year's own too
            period = None
        marks.append((heading.start(), period))
    return [(at, y) for at, y in sorted(marks, reverse=True)]


def _sentence_targets(sentence: str, position: int, *, year, report, in_review, period_year) -> list[Target]:
    targets = []
    subject = ""  # the last clause's indicator, for a clause without one (`、增长5.4%`)
    last_end = 0  # where the previous value ended: `总额2.76万亿元增长3%` has two in one clause
    group: list[Target] = []  # the targets of one `分别` list
    pending: list[str] = []  # the second indicator of `城镇和农村居民收入分别增长5.7%和8.5%`
    for value in VALUE.finditer(sentence):
        if _inside_number(sentence, value):
            continue
        clause_break = max((m.end() for m in CLAUSE_BREAK.finditer(sentence, 0, value.start())), default=0)
        clause_start = max(clause_break, last_end)
        before = sentence[clause_start:value.start()]
        if pending and before in ("和", "、", "与", "及"):
            target = _target(sentence, position, value, clause_start, pending.pop(0), "", year=year, report=report,
                             in_review=in_review, period_year=period_year)
        else:
            pending = []
            target = _target(sentence, position, value, clause_start, before, subject, year=year, report=report,
                             in_review=in_review, period_year=period_year)
            if target is not None and "分别" in sentence[max(0, clause_start - 30):value.start()]:
                target, pending = _respectively(target, subject)
        last_end = value.end()
        if target is not None:
            if not target.modifier and "力争" in sentence[clause_break:value.start()]:
                target.modifier = "力争"
            group = group + [target] if pending or (group and before in ("和", "、")) else [target]
            targets.append(target)
            subject = _subject(target.indicator_text)
            if not pending and len(group) > 1 and target.modifier:  # `分别增长13%、20%左右`: for both
                for member in group:
                    member.modifier = member.modifier or target.modifier
    return targets


SHARED_HEAD = re.compile(r"居民|人均|出口|进口|产量|增加值|收入|投资|产值|销售额|营业收入|营业额")


def _respectively(target: Target, subject: str) -> tuple[Target, list[str]]:
    """`城镇、农村居民人均可支配收入分别增长A、B`: each listed word with the shared rest (`居民人均可支配收入增长`),
    the first for A, the others waiting for B, C."""
    text = target.indicator_text
    if "城乡居民" in text:  # 城乡居民收入分别增长A、B: the urban and the rural figure
        parts = [text.replace("城乡居民", "城镇居民", 1), text.replace("城乡居民", "农村居民", 1)]
        target.indicator_text = parts[0]
        target.indicator, target.measure = canonical(parts[0], target.measure)
        return target, parts[1:]
    parts = re.split(r"[和、与及]", text)
    head = SHARED_HEAD.search(parts[-1]) if len(parts) > 1 else None
    if head is None or head.start() == 0 or any(not 2 <= len(part) <= 8 for part in parts[:-1]):
        return target, []
    tail = parts[-1][head.start():]
    names = [part + tail[_overlap(part, tail):] for part in parts[:-1]] + [parts[-1]]
    target.indicator_text = names[0]
    target.indicator, target.measure = canonical(names[0], target.measure)
    return target, names[1:]


def _overlap(part: str, tail: str) -> int:
    """How much of tail part already ends with (`城镇居民` + `居民人均…`)."""
    return next((n for n in range(min(len(part), len(tail)), 0, -1) if part.endswith(tail[:n])), 0)


def _inside_number(sentence: str, value: re.Match) -> bool:
    """A match that starts inside a longer number or a word (`2025年` is no value; `G5`…)."""
    at = value.start("low") if value.group("pre") is None else value.start()
    return at > 0 and (sentence[at - 1].isdigit() or sentence[at - 1] in ".")


def _subject(indicator_text: str) -> str:
    return GROWTH_VERB.sub("", indicator_text)


def _target(sentence, position, value, clause_start, before, subject, *, year, report, in_review,
            period_year) -> Target | None:
    unit = "%" if value.group("unit") == "％" else value.group("unit")  # full-width ％ is %
    after = sentence[value.end():value.end() + 3]
    if unit in ("万", "亿") or after.startswith(("的", "元", "亿", "万", "年", "月", "日", "倍", "台阶", "大关", "级")):
        return None  # a threshold (`1亿元的企业`), a number word, or a date
    phrase = before.strip()
    if "、" in phrase and "分别" not in sentence[max(0, clause_start - 30):value.start()]:
        phrase = phrase.rsplit("、", 1)[1]  # a list of other things before it (`…、稳居全国前十强、增长4.8%`)
    phrase = QUALIFIER.sub("", FROM_YEAR.sub("", LEAD.sub("", phrase)))
    link = LINK.search(phrase)
    verb_text = phrase[link.start():] if link else ""
    phrase = phrase[:link.start()] if link else phrase
    growth = GROWTH_VERB.search(phrase)
    if not phrase or growth and growth.start() == 0:
        if not subject:
            return None
        phrase = subject + (phrase or ("增长" if "增" in verb_text or unit in ("%", "个百分点") and "同比" in before
                                       else ""))
    phrase = LEAD.sub("", phrase)
    if (len(phrase) < 2 or NOT_TARGET.search(phrase) or phrase.startswith("占") or LEVEL_NOUNS.fullmatch(phrase)
            or not re.search(r"[\u4e00-\u9fff]", phrase)):
        return None
    measure = _measure(phrase, unit)
    if measure is None:
        return None
    indicator, measure = canonical(phrase, measure)
    low = float(value.group("low"))
    high = float(value.group("high")) if value.group("high") else low
    if FALL.search(phrase) and unit in ("%", "个百分点"):
        low, high = -high, -low
    if unit == "个百分点" or re.search(r"(提高|提升)$", phrase):
        phrase = re.sub(r"(提高|提升|下降)$", "", phrase)  # the change of a share is the share's, in points
    if low > high:
        return None
    kind, target_year = _kind_and_year(sentence[:value.start()], year=year, report=report, in_review=in_review,
                                       period_year=period_year)
    modifier = value.group("post") or PRE.get(value.group("pre"), value.group("pre")) or _modifier(before)
    start = position + clause_start + before.find(phrase[:2]) if phrase[:2] in before else position + value.start()
    return Target(indicator=indicator, indicator_text=phrase, kind=kind, measure=measure, year=target_year,
                  value_low=low, value_high=high, unit=unit, modifier=modifier,
                  sentence=sentence, position=position, start=start, end=position + value.end())


PRE = {"近": "约", "超": "超过"}


def _modifier(before: str) -> str:
    """The clause's word that qualifies the value, the one that bounds it first (`力争达到8%` → 力争)."""
    for word, modifier in (("不低于", "不低于"), ("不少于", "不少于"), ("不超过", "不超过"), ("超过", "超过"),
                           ("突破", "突破"), ("力争", "力争"), ("达到", "达到"), ("达", "达到"), ("约", "约")):
        if word in before:
            return modifier
    return ""


def _measure(phrase: str, unit: str) -> str | None:
    """growth, share or level for the phrase and unit; None when the phrase names no indicator."""
    if unit in ("%", "个百分点"):
        if GROWTH_VERB.search(phrase):
            return "growth"
        if SHARE_WORDS.search(phrase) or "占" in phrase:
            return "share"
        if RATE_WORDS.search(phrase):
            return "growth" if re.search(r"(涨幅|增速)$", phrase) else "level"
        return None
    return "level" if LEVEL_NOUNS.search(phrase) or phrase in vocabulary()[0] else None


def _kind_and_year(before: str, *, year, report, in_review, period_year) -> tuple[str, int | None]:
    explicit = [int(y) for y in YEAR_SPAN.findall(before)]
    period = next((y for name, y in PERIOD.items() if name in before), None)
    if report:
        if in_review:
            return "outcome", explicit[-1] if explicit else (year - 1 if year else None)
        future = [y for y in explicit if year is None or y >= year]
        chosen = future[-1] if future else period or (year if "今年" in before or "预期目标" in before else period_year or year)
        return "target", chosen
    if re.search(r"到20\d\d年|力争|将|目标", before) or (explicit and year and explicit[-1] > year):
        return "target", explicit[-1] if explicit else period or year
    if PAST.search(before) and not explicit or (explicit and year and explicit[-1] < year):
        return "outcome", explicit[-1] if explicit else year
    return "target", explicit[-1] if explicit else period
