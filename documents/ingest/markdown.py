"""Reader for the LawRefBook Markdown format of laws and regulations (../shared/corpus/lawrefbook).

A file looks like::

    # 北京市数字经济促进条例

    2022年11月25日 北京市第十五届人民代表大会常务委员会第四十五次会议通过

    <!-- INFO END -->

    ## 第一章 总 则
    ...
    第一条 为了……

The lines between the title and ``<!-- INFO END -->`` are the adoption and amendment history;
they give the date, the issuing body and through it the region. Chapters (章), sections (节) and
articles (条) become the section tree. The file name is used only to cross-check the date; the
folder a file sits in is deliberately not an input, so a file reads the same wherever it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from .. import gazetteer
from .result import IngestError, IngestResult, QualityWarning, Section, StageRecord
from .script import normalise_script
from .sections import cn_to_int, find_sections

STAGE = "markdown"
INFO_END = "<!-- INFO END -->"

YEAR_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0"}
CN_NUMBER = r"[零〇一二三四五六七八九十百千两\d]+"

DATE_RE = re.compile(
    r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"|([〇零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
FILENAME_DATE_RE = re.compile(r"\((\d{4})-(\d{2})-(\d{2})\)(?:\.md)?$")
# How long after adoption a text may be published before the file-name date looks wrong.
PUBLICATION_LAG_DAYS = 120

# What a history entry records, by its first verb; "effective" dates are not the document's
# date (a regulation passed in June may take effect next January).
EVENT_KINDS = (
    ("修正", "amendment"),
    ("修订", "revision"),
    ("修改", "amendment"),
    ("批准", "approval"),
    ("通过", "adoption"),
    ("公布", "publication"),
    ("发布", "publication"),
    ("施行", "effective"),
    ("执行", "effective"),
)

# Where the name of the body ends inside "北京市人民代表大会常务委员会第四十五次会议通过".
BODY_END_RE = re.compile(
    rf"第{CN_NUMBER}次|第{CN_NUMBER}号|{CN_NUMBER}号|令|公告|部务会议|常务会议|部长办公会议|主任会议|会议"
    r"|《|审议|通过|公布|发布|批准|修正|修订|修改|施行|[，,。；;（(）)\s]"
)
TERM_RE = re.compile(rf"第?{CN_NUMBER}届")
DOC_NUMBER_RE = re.compile(
    rf"(\S*?令第{CN_NUMBER}号|\S*?第{CN_NUMBER}号令|\S*?公告第{CN_NUMBER}号|\S+?[〔\[［(（]\d{{4}}[〕\]］)）]\d+号)"
)
# What the name of an issuing body ends with; anything else after a date is not a body.
ORGANISATION_RE = re.compile(r"(人民代表大会|委员会|常委会|政府|院|部|局|署|厅|委|办公室|军委|银行)$")
# Central bodies carry no place name; these shapes tell them from a county we do not list.
CENTRAL_BODY_RE = re.compile(r"^(全国人民代表大会|国务院|中央|中共中央|最高人民|国家)")
MINISTRY_RE = re.compile(r"(部|总局|总署|署|局|委员会|银行|军委)$")
LOCAL_BODY_RE = re.compile(r"人民代表大会|人民政府|^[省市县区州]|县|自治")
# "县第五届人民代表大会": the place is left to the title (景宁畲族自治县…条例).
COUNTY_RE = re.compile(r"^[^《（(省市]{1,10}?县")

NATIONAL_WORDING_RE = re.compile(r"省、自治区、直辖市|县级以上地方(?:各级)?人民政府")
# 国务院关于…的规定, 公安部对…的暂行规定: the issuer leads the title.
TITLE_ISSUER_RE = re.compile(r"^([^《》（）()]{2,40}?)(?:关于|对)")

# Where a region came from when not from the issuer itself -> (warning kind, message).
INFERRED_REGION_MESSAGES = {
    "approving body": (
        "region_inferred",
        "制定机关不在地区表中（如自治县），地区按批准机关定为{region}，请核对",
    ),
    "national wording": (
        "region_inferred",
        "未注明制定机关，按“省、自治区、直辖市”等全国性用语推定为{region}，请核对",
    ),
    "title, not the national issuer": (
        "region_conflict",
        "标题指明{region}，但沿革所记制定机关是全国性机关；地区按标题定，请核对",
    ),
}

# Labels in either script: 第一条 / 第一條, 第一节 / 第一節.
CONTAINER_RE = re.compile(rf"^(第{CN_NUMBER}(编|編|分编|分編|章|节|節))[\s\u3000]*(.*)$")
CONTAINER_RANK = {"编": 0, "編": 0, "分编": 1, "分編": 1, "章": 2, "节": 3, "節": 3}
ARTICLE_RANK = 99  # below every container
APPENDIX_RANK = -1  # above every container: 附件 closes the chapters
NUMBERED_HEADING_RE = re.compile(r"^([一二三四五六七八九十]+、)\s*(.*)$")
ARTICLE_RE = re.compile(rf"^(第{CN_NUMBER}[条條](?:之{CN_NUMBER})?)[\s\u3000]+(.*)$")
ARTICLE_LABEL_RE = re.compile(r"^第.+[条條](之.+)?$")
APPENDIX_RE = re.compile(r"^(附件|附表|附录|附：)")
CJK_GAP_RE = re.compile(r"(?<=[\u4e00-\u9fff])[\s\u3000]+(?=[\u4e00-\u9fff])")
SENTENCE_END_RE = re.compile(r"[。；：！？]")
HEADING_LENGTH = 40

# Title endings -> policy type, most specific first. Checked after trailing (试行) etc. are cut.
TITLE_TYPES = (
    ("实施细则", "实施细则"),
    ("细则", "实施细则"),
    ("实施方案", "实施方案"),
    ("行动计划", "行动计划"),
    ("决定", "决定"),
    ("决议", "决定"),  # a resolution binds like a decision; POLICY_TYPES has no 决议
    ("条例", "条例"),
    ("规定", "规定"),
    ("规则", "规定"),
    ("守则", "规定"),
    ("规范", "规定"),
    ("准则", "规定"),
    ("办法", "办法"),
    ("规划", "规划"),
    ("方案", "方案"),
    ("意见", "意见"),
    ("通知", "通知"),
    ("法", "法律"),
)
TITLE_TAIL_RE = re.compile(r"[（(][^（）()]*[）)]\s*$")


@dataclass
class Event:
    """One entry of the adoption and amendment history."""

    date: date
    kind: str
    text: str  # the entry after its date: "北京市第十五届人民代表大会常务委员会第四十五次会议通过"

    def to_dict(self) -> dict:
        return {"date": self.date.isoformat(), "kind": self.kind, "text": self.text}


def read_markdown(text: str, filename: str, encoding: str = "utf-8") -> IngestResult:
    """Read one LawRefBook Markdown file into an IngestResult; raise IngestError for scaffolding.

    ``text`` is the decoded file; it is kept verbatim as ``raw_text``.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    lines = _strip_front_matter(lines, filename)
    title_index = next((i for i, line in enumerate(lines) if line.startswith("# ")), None)
    if title_index is None:
        raise IngestError(f"文件 {filename} 没有“# 标题”行，不是法规文本")
    title = lines[title_index][2:].strip()
    if not title:
        raise IngestError(f"文件 {filename} 的标题为空")
    rest = lines[title_index + 1 :]
    if INFO_END in (line.strip() for line in rest):
        end = next(i for i, line in enumerate(rest) if line.strip() == INFO_END)
        header, body = rest[:end], rest[end + 1 :]
    else:  # not in the corpus, but a hand-made file may lack the marker
        end = next((i for i, line in enumerate(rest) if _starts_body(line)), len(rest))
        header, body = rest[:end], rest[end:]
    header = [line.strip() for line in header if line.strip()]
    body, toc_dropped = _drop_table_of_contents([line.strip() for line in body])

    warnings: list[QualityWarning] = []
    events = parse_history(header)
    issuers = [_qualify(name, title) for name in _issuers(events, header)] or _title_issuers(title)
    doc_number = _doc_number(header)
    region, region_source = _region(title, issuers, events, body)
    policy_type = policy_type_for(title, issuers)

    clean_lines = [title, *header, *(_unmark(line) for line in body if line)]
    clean_text = "\n".join(clean_lines)
    sections = build_sections(body)

    result = IngestResult(
        filename=filename,
        raw_text=text,
        encoding=encoding,
        clean_text=clean_text,
        simplified_text="",
        script="hans",
        title=title,
        doc_number=doc_number,
        issuers=issuers,
        region_code=region.code if region else None,
        policy_type=policy_type,
    )
    dated = [e for e in events if e.kind != "effective"] or events
    if dated:
        latest = max(dated, key=lambda e: e.date)
        result.date_year, result.date_month, result.date_day = (
            latest.date.year,
            latest.date.month,
            latest.date.day,
        )
        result.date_precision = "day"
    warnings.extend(_date_warnings(filename, dated, len(title) + 1 if header else None))
    if not issuers:
        warnings.append(QualityWarning("no_issuer", "正文未注明制定机关", None, ""))
    if region is None:
        warnings.append(QualityWarning("no_region", "无法从制定机关或标题确定地区", None, ""))
    elif region_source in INFERRED_REGION_MESSAGES:
        kind, message = INFERRED_REGION_MESSAGES[region_source]
        warnings.append(QualityWarning(kind, message.format(region=region.name), None, ""))
    if not any(body):
        warnings.append(QualityWarning("no_body", "只有标题和沿革，没有正文", None, ""))
    elif not sections:
        warnings.append(QualityWarning("no_sections", "未识别出章节、条文或“一、”“二、”段落", None, ""))

    result.sections = sections
    result.warnings = warnings
    result.script, result.simplified_text, script_record = normalise_script(clean_text)
    chapters = sum(1 for s in sections if s.number.endswith("章"))
    articles = sum(1 for s in sections if ARTICLE_LABEL_RE.match(s.number))
    result.stages = [
        StageRecord(
            STAGE,
            f"title, {len(events)} history entries, {chapters} chapters, {articles} articles"
            + (f", dropped a table of contents of {toc_dropped} headings" if toc_dropped else ""),
            [
                {"history": [e.to_dict() for e in events]},
                {"issuers": issuers, "doc_number": doc_number},
                {"region": region.code if region else None, "region_from": region_source},
                {"policy_type": policy_type},
                {"table_of_contents_dropped": toc_dropped},
            ],
        ),
        script_record,
    ]
    return result


def _strip_front_matter(lines: list[str], filename: str) -> list[str]:
    """Drop a leading ``---`` YAML block; a file that is nothing else is site scaffolding."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise IngestError(f"文件 {filename} 为空")
    if lines[first].strip() != "---":
        return lines
    close = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
    rest = lines[close + 1 :] if close is not None else []
    if not any(line.strip() for line in rest):
        raise IngestError(f"文件 {filename} 只有站点目录设置（front matter），没有法规正文")
    return rest


def _starts_body(line: str) -> bool:
    line = line.strip()
    return line.startswith("#") or bool(ARTICLE_RE.match(line))


def _drop_table_of_contents(body: list[str]) -> tuple[list[str], int]:
    """Remove a leading run of chapter headings that is repeated before the chapters' text.

    Many files list ``## 第一章 …`` … ``## 第九章 …`` first, then the chapters again with
    their articles; the first run is a table of contents, not empty chapters.
    """
    headings = [(i, line) for i, line in enumerate(body) if line]
    if not headings or not headings[0][1].startswith("#"):
        return body, 0
    first_index, first = headings[0]
    run = 0
    for i, line in headings:
        if not line.startswith("#"):
            break
        if run and _same_heading(line, first):
            return body[:first_index] + body[i:], run
        run += 1
    return body, 0


def _same_heading(a: str, b: str) -> bool:
    return re.sub(r"[#\s\u3000]", "", a) == re.sub(r"[#\s\u3000]", "", b)


def _unmark(line: str) -> str:
    return line.lstrip("#").strip() if line.startswith("#") else line


# --- history: dates, issuing body ------------------------------------------------------------


def parse_history(header: list[str]) -> list[Event]:
    """Split the lines under the title into dated entries.

    Entries are split at dates, not lines: the source wraps some entries mid-word
    (``2014年9月26`` / ``日山东省…``) and runs others together (``…通过2020年6月3日…批准``).
    """
    joined = unicodedata.normalize("NFKC", "".join(header))  # full-width digits: ２０１２年
    matches = list(DATE_RE.finditer(joined))
    events = []
    for n, match in enumerate(matches):
        when = _date(match)
        if when is None:
            continue
        stop = matches[n + 1].start() if n + 1 < len(matches) else len(joined)
        entry = joined[match.end() : stop].strip(" \u3000，,。；;（()）")
        entry = re.sub(r"(根据|并经|经)$", "", entry).strip(" \u3000，,。；;（()）")
        events.append(Event(when, _event_kind(entry), entry))
    return events


def _date(match: re.Match) -> date | None:
    if match.group(1):
        year, month, day = (int(g) for g in match.group(1, 2, 3))
    else:
        year = int("".join(YEAR_DIGITS[c] for c in match.group(4)))  # 一九九四 is read digit by digit
        month, day = cn_to_int(match.group(5)), cn_to_int(match.group(6))
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _event_kind(entry: str) -> str:
    """The kind of the first verb in the entry: 国务院发布发布之日施行 was published, not enacted."""
    found = [(entry.find(word), kind) for word, kind in EVENT_KINDS if word in entry]
    return min(found)[1] if found else "other"


def _issuers(events: list[Event], header: list[str]) -> list[str]:
    """The body that adopted or issued the text (not one that only approved it), canonical."""
    for event in events:
        if event.kind in ("approval", "effective"):
            continue
        names = _body_names(event.text)
        if names:
            return names
    # A cover letter (印发…的通知) is signed before its date: "…执行。劳动部 一九九四年十二月六日".
    joined = unicodedata.normalize("NFKC", "".join(header))
    first_date = DATE_RE.search(joined)
    if first_date:
        signature = re.split(r"[。；：，\s]", joined[: first_date.start()].strip())[-1]
        if 2 <= len(signature) <= 20 and ORGANISATION_RE.search(signature):
            return [signature.removeprefix("中华人民共和国")]
    return []


def _qualify(name: str, title: str) -> str:
    """市人大常委会 + 宁波市…条例 -> 宁波市人民代表大会常务委员会: full, canonical names."""
    name = name.replace("人大常委会", "人民代表大会常务委员会")
    if name[0] == "县":
        county = COUNTY_RE.match(title)
        return county.group() + name[1:] if county else name
    if name[0] not in "省市":
        return name
    region = gazetteer.find_region_in_text(title)
    if region is None or region.level == "national":
        return name
    if name[0] == "省":
        region = gazetteer.province_of(region.code)
    return region.name + name[1:] if region.name.endswith(name[0]) else name


def _title_issuers(title: str) -> list[str]:
    match = TITLE_ISSUER_RE.match(title)
    if not match:
        return []
    names = [n.removeprefix("中华人民共和国") for n in match.group(1).split("、")]
    return names if all(ORGANISATION_RE.search(n) for n in names) else []


def _body_names(entry: str) -> list[str]:
    """北京市第十五届人民代表大会常务委员会第四十五次会议通过 -> [北京市人民代表大会常务委员会]."""
    entry = TERM_RE.sub("", entry).lstrip("经由 \u3000")
    match = BODY_END_RE.search(entry)
    head = entry[: match.start()] if match else entry
    names = []
    for name in head.split("、"):  # 食品药品监管局、海关总署第4号令; never split at 和 (人力资源和社会保障部)
        name = name.strip().removeprefix("中华人民共和国")
        if len(name) >= 2 and ORGANISATION_RE.search(name) and name not in names:
            names.append(name)
    return names


def _doc_number(header: list[str]) -> str:
    """国务院令第512号, 劳部发〔1994〕489号: the first one given (the issuing order, not amendments)."""
    for line in header:
        line = unicodedata.normalize("NFKC", line)
        for match in DOC_NUMBER_RE.finditer(line):
            number = DATE_RE.split(match.group(1))[-1]  # the match may begin with the entry's date
            number = TERM_RE.sub("", number).replace("中华人民共和国", "").lstrip(" 《")
            if number and "会议" not in number:
                return number
    return ""


def _region(title: str, issuers: list[str], events: list[Event], body: list[str]):
    """The region of the issuing body; a more specific region in the title refines it.

    Returns (region or None, where it came from) for the stage record.
    """
    region, source = _region_of_bodies(issuers), "issuer"
    if region is None and issuers:
        # A county (景宁畲族自治县) is below the gazetteer; the province approving its
        # regulations is the most specific region we know.
        approvers = [n for e in events if e.kind == "approval" for n in _body_names(e.text)]
        region, source = _region_of_bodies(approvers), "approving body"
    from_title = gazetteer.find_region_in_text(title)
    if region is not None and region.code == gazetteer.NATIONAL_CODE:
        if from_title is not None and from_title.level != "national" and title.startswith(from_title.name):
            return from_title, "title, not the national issuer"  # 山东省…条例 with a law's history
        return region, source
    # 深圳经济特区… adopted by 广东省 (or with no history at all) belongs to 深圳.
    if from_title is not None and (region is None or _is_within(from_title, region)):
        return from_title, "title"
    if region is None:
        opening = "".join(body[:20])
        zone = re.search(r"(深圳|珠海|汕头|厦门)经济特区", opening)
        if zone:
            return gazetteer.find_region_in_text(zone.group()), "body"
        # Only a central text addresses every province (省、自治区、直辖市人民政府…).
        if not issuers and NATIONAL_WORDING_RE.search("".join(body)):
            return gazetteer.get(gazetteer.NATIONAL_CODE), "national wording"
    return region, source


def _region_of_bodies(names: list[str]):
    for name in names:
        found = gazetteer.find_region_in_text(name)
        if found is None and _is_central_body(name):
            found = gazetteer.get(gazetteer.NATIONAL_CODE)
        if found is not None:
            return found
    return None


def _is_central_body(name: str) -> bool:
    """国务院, 公安部, 国家市场监督管理总局; not 景宁畲族自治县人民代表大会 (a county we do not list)."""
    if CENTRAL_BODY_RE.search(name):
        return True
    return bool(MINISTRY_RE.search(name)) and not LOCAL_BODY_RE.search(name)


def _is_within(inner, outer) -> bool:
    while inner is not None and inner.code != outer.code:
        inner = gazetteer.get(inner.parent_code) if inner.parent_code else None
    return inner is not None


def policy_type_for(title: str, issuers: list[str]) -> str:
    """Policy type by the title's last word; national laws and State Council rules by their rank.

    A title ending in 法 adopted by the NPC or its standing committee is a 法律; a 条例, 规定,
    办法 or 细则 issued by the State Council is a 行政法规 (the legal category researchers
    filter by), whatever its title word.
    """
    stem = title.strip()
    while TITLE_TAIL_RE.search(stem):  # 办法（试行）, 条例(草案)
        stem = TITLE_TAIL_RE.sub("", stem).strip()
    kind = next((kind for ending, kind in TITLE_TYPES if stem.endswith(ending)), "其他")
    national_legislature = any(i.startswith("全国人民代表大会") for i in issuers)
    if kind == "法律" and not (national_legislature or title.startswith("中华人民共和国")):
        return "其他"  # 办法 and 方法 are caught above; a local "…法" is not a law
    if kind in ("条例", "规定", "办法", "实施细则") and "国务院" in issuers:
        return "行政法规"
    return kind


def _date_warnings(filename: str, events: list[Event], position: int | None) -> list[QualityWarning]:
    match = FILENAME_DATE_RE.search(filename)
    named = None
    if match:
        try:
            named = date(*(int(g) for g in match.groups()))
        except ValueError:
            named = None
    if not events:
        hint = f"；文件名中的日期为 {named.isoformat()}，未采用，请核对" if named else ""
        return [QualityWarning("date_unknown", f"正文未注明通过或公布日期{hint}", None, "")]
    latest = max(e.date for e in events)
    # The file name usually carries the publication date, days or weeks after adoption.
    if named is None or 0 <= (named - latest).days <= PUBLICATION_LAG_DAYS:
        return []
    earlier = "（与沿革中较早的一次日期相同）" if any(e.date == named for e in events) else ""
    return [
        QualityWarning(
            "date_mismatch",
            f"文件名中的日期 {named.isoformat()} 与正文日期 {latest.isoformat()} 不一致{earlier}",
            position,
            filename,
        )
    ]


# --- sections ----------------------------------------------------------------------------------


def build_sections(body: list[str]) -> list[Section]:
    """Chapters (章), sections (节), parts (编) and articles (条) as a pre-order tree.

    Containers nest by their kind, not by Markdown depth (the source writes some 章 as ``###``
    and their 节 as ``##``); an article belongs to the innermost open container, or is top-level.
    Paragraphs after an article are its body; ``附件`` lines start a top-level appendix.
    """
    sections: list[Section] = []
    stack: list[tuple[int, int]] = []  # (rank, index in sections) of open containers
    current: Section | None = None  # the section paragraphs are appended to
    paragraphs: dict[int, list[str]] = {}

    def open_section(number, heading, rank, first_paragraph=None):
        nonlocal current
        while stack and stack[-1][0] >= rank:
            stack.pop()
        parent = stack[-1][1] if stack else None
        section = Section(
            number=number,
            level=len(stack) + 1,
            heading=heading,
            body="",
            position=len(sections),
            parent=parent,
        )
        sections.append(section)
        paragraphs[section.position] = [first_paragraph] if first_paragraph else []
        current = section
        return section

    for line in body:
        if not line:
            continue
        if line.startswith("#"):
            text = _unmark(line)
            container = CONTAINER_RE.match(text)
            numbered = NUMBERED_HEADING_RE.match(text)
            if container:
                rank = CONTAINER_RANK[container.group(2)]
                number, heading = container.group(1), _tidy_heading(container.group(3))
            elif numbered:
                rank, number, heading = CONTAINER_RANK["章"], numbered.group(1), numbered.group(2)
            else:
                rank, number, heading = CONTAINER_RANK["章"], "", _tidy_heading(text)
            open_section(number, heading, rank)
            stack.append((rank, current.position))
            continue
        article = ARTICLE_RE.match(line)
        if article:
            heading = _short_heading(article.group(2))
            open_section(article.group(1), heading, ARTICLE_RANK, article.group(2))
            continue
        if APPENDIX_RE.match(line) and len(line) <= 60:
            open_section("", line, APPENDIX_RANK)
            stack.append((APPENDIX_RANK, current.position))
            continue
        if current is not None:
            paragraphs[current.position].append(line)
        # paragraphs before the first heading or article (a preamble) stay in clean_text only

    if not sections:
        # Decisions and old regulations without articles: their 一、（一）1. enumerations,
        # found by the stage that reads scraped pages.
        return find_sections("\n".join(_unmark(line) for line in body if line))
    for section in sections:
        section.body = "\n".join(paragraphs[section.position])
    _assign_anchors(sections)
    return sections


def _tidy_heading(text: str) -> str:
    """总　则 -> 总则: the source spaces short headings out for layout."""
    return CJK_GAP_RE.sub("", text.strip())


def _short_heading(text: str) -> str:
    """The article's first sentence, cut to a table-of-contents length."""
    sentence = SENTENCE_END_RE.split(text, maxsplit=1)[0].strip()
    return sentence if len(sentence) <= HEADING_LENGTH else sentence[: HEADING_LENGTH - 1] + "…"


def _assign_anchors(sections: list[Section]) -> None:
    """s1, s1-2, s1-2-3: 1-based positions among siblings along the path from the top."""
    counts: dict[int | None, int] = {}
    for section in sections:
        counts[section.parent] = counts.get(section.parent, 0) + 1
        prefix = sections[section.parent].anchor if section.parent is not None else "s"
        joiner = "-" if section.parent is not None else ""
        section.anchor = f"{prefix}{joiner}{counts[section.parent]}"
