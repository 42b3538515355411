"""The data every ingestion stage and reader produces: plain dataclasses, no Django."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

DATE_PRECISIONS = ("day", "month", "year", "unknown")

# Chinese labels users read; the pipeline picks one of these.
POLICY_TYPES = (
    "法律",
    "行政法规",
    "条例",
    "规定",
    "办法",
    "实施细则",
    "决定",
    "规划",
    "实施方案",
    "方案",
    "行动计划",
    "意见",
    "通知",
    "倡议书",
    "政府工作报告",
    "会议/讲话",
    "新闻发布",
    "其他",
)


class IngestError(ValueError):
    """Input that cannot become a policy; the message names the file and the reason."""


@dataclass
class Section:
    number: str  # the label as written: "一、", "（一）", "1.", "一是", "第一条", "第一章"
    level: int  # 1 = top level
    heading: str
    body: str
    position: int  # 0-based order in the document (pre-order)
    parent: int | None = None  # index of the parent in the section list
    anchor: str = ""  # stable HTML id, e.g. "s1", "s1-2"


@dataclass
class QualityWarning:
    kind: str  # "mojibake", "date_year_unknown", "date_unknown", "no_title", "no_issuer", ...
    message: str  # Chinese, for curators
    position: int | None = None  # character offset in clean_text (or raw text, see kind)
    context: str = ""


@dataclass
class StageRecord:
    stage: str  # "decode", "annotations", "boilerplate", ...
    summary: str
    details: list = field(default_factory=list)  # JSON-serialisable


@dataclass(kw_only=True)
class PolicyFields:
    """What the pipeline says about a policy: the metadata stage finds these, the result carries them."""

    title: str = ""
    title_en: str = ""  # a source's English title, kept as given
    doc_number: str = ""
    citation_code: str = ""  # pkulaw's 法宝引证码
    issuers: list[str] = field(default_factory=list)  # canonical simplified names
    issuer_en: str = ""  # a source's English name of the (first) issuer: stored as its alias
    region_code: str | None = None  # GB/T 2260 code, "000000" for national
    policy_type: str = "其他"
    date_year: int | None = None
    date_month: int | None = None
    date_day: int | None = None
    date_precision: str = "unknown"
    effective_date: str = ""  # ISO day the text says it takes effect (施行), "" when it does not say
    source_site: str = ""
    source_url: str = ""

    def policy_fields(self) -> dict:
        return {name: getattr(self, name) for name in PolicyFields.__dataclass_fields__}


@dataclass(kw_only=True)
class IngestResult(PolicyFields):
    filename: str
    raw_text: str  # decoded input, verbatim
    encoding: str
    clean_text: str  # original script
    simplified_text: str  # OpenCC t2s of clean_text, for the index
    script: str  # "hans" | "hant"
    sections: list[Section] = field(default_factory=list)
    warnings: list[QualityWarning] = field(default_factory=list)
    stages: list[StageRecord] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)
