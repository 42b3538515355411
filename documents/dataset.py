"""The published archive as an open dataset: the tables defined once, and the writers that stream them.

TABLES names every table with its columns, types and a Chinese and English description; the SQLite
schema, the Parquet schemas, the CSV headers, Datasette's metadata.json and the README all read it,
so adding a table (the later `links`) is one more entry. `export_dataset(out_dir)` reads each table
once, a chunk at a time, and writes every chunk to all outputs before it reads the next, so memory
stays flat however large the archive. It writes into a temporary directory beside out_dir and swaps
it in at the end: a reader sees the previous dump or the new one, never a half-written one, and a
failed export leaves the previous dump as it was.
"""

from __future__ import annotations

import csv
import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from django.conf import settings
from django.db import connection, transaction
from django.db.models import Case, Exists, F, Max, OuterRef, Prefetch, When
from django.urls import reverse

from documents.citation import dataset_citations
from documents.models import Citation, Issuer, Policy, Region, Reuse, Target, TaskSection
from documents.reuse import shown_q
from documents.search import cache
from documents.serializers import policy_to_dict
from documents.targets import target_to_dict

TITLE = "policyarchive 数字经济政策档案 — 数据集 / Chinese digital-economy policy archive: dataset"
DESCRIPTION = (
    "已发布的全部政策：元数据、正文（原文与简体）、任务章节、发布机构、行政区划与量化目标。"
    " Every published policy of the archive: metadata, text (as published and in simplified script), "
    "task sections, issuers, administrative regions and the quantitative targets read off the texts."
)
LICENCE = ("政策文本为官方文件，不受著作权法保护；元数据由 policyarchive 整理 / "
           "Official texts in the public domain; metadata compiled by policyarchive")
LICENCE_NOTE = (
    "政策文本属公共领域的官方文件：《中华人民共和国著作权法》第五条规定，法律、法规，国家机关的决议、决定、"
    "命令和其他具有立法、行政、司法性质的文件及其官方正式译文不适用该法。标题、文号、日期、地区、发布机构、"
    "章节划分和量化目标等元数据由 policyarchive 从原文整理，可自由使用，请注明出处（见建议引用）。"
    " The policy texts are official documents: Article 5 of the Copyright Law of the People's Republic "
    "of China excludes laws, regulations, and the resolutions, decisions, orders and other documents of a "
    "legislative, administrative or judicial nature of state organs, and their official translations, "
    "from copyright. The metadata (titles, document numbers, dates, regions, issuers, task sections, "
    "targets) was compiled from the texts by policyarchive and may be reused freely with attribution "
    "(see the suggested citation). English titles (title_en) are a source's machine translation, not official."
)
LICENCE_URL = "https://www.gov.cn/guoqing/2021-10/29/content_5647633.htm"  # 著作权法 (2020 revision) on gov.cn
SOURCE = "policyarchive"
DATABASE = "archive.db"
FTS_TABLE = "policies_fts"


# --- The tables ------------------------------------------------------------------------------

# Each type as SQLite declares it, as Parquet stores it, and as a CSV cell writes a value.
SQLITE_TYPES = {"integer": "INTEGER", "text": "TEXT", "real": "REAL", "boolean": "INTEGER", "date": "TEXT"}
ARROW_TYPES = {"integer": pa.int64(), "text": pa.string(), "real": pa.float64(), "boolean": pa.bool_(),
               "date": pa.date32()}


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a key of SQLITE_TYPES
    zh: str
    en: str
    null: bool = False
    references: str = ""  # the table whose primary key this column holds

    @property
    def description(self) -> str:
        return f"{self.zh} / {self.en}"


@dataclass(frozen=True)
class Table:
    name: str
    zh: str
    en: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    # Chunks of rows (tuples in column order), read in one pass.
    chunks: Callable[[Export], Iterator[Chunk]]
    label_column: str = ""  # what Datasette shows for a foreign key to this table
    fts: tuple[str, ...] = ()  # columns of an FTS5 index over this table

    @property
    def description(self) -> str:
        return f"{self.zh} / {self.en}"

    @property
    def column_names(self) -> list[str]:
        return [column.name for column in self.columns]


@dataclass
class Chunk:
    rows: list[tuple]
    lines: list[dict] = field(default_factory=list)  # policies.jsonl's lines for these rows


def col(name, type_, zh, en, **kwargs) -> Column:
    return Column(name, type_, zh, en, **kwargs)


def value_chunks(queryset, size: int) -> Iterator[Chunk]:
    """A values_list() queryset read through a server-side cursor, `size` rows at a time."""
    rows = []
    for row in queryset.iterator(chunk_size=size):
        rows.append(row)
        if len(rows) == size:
            yield Chunk(rows)
            rows = []
    if rows:
        yield Chunk(rows)


def published_policy_ids():
    return Policy.objects.published().values("pk")


def region_chunks(export):
    return value_chunks(Region.objects.order_by("code").values_list(
        "code", "name", "name_hant", "short_name", "level", "parent_id"), 5000)


def issuer_chunks(export):
    # Only issuers of published policies: a draft's issuer may be an unreviewed upload's guess.
    links = Policy.issuers.through.objects.filter(issuer_id=OuterRef("pk"), policy__status=Policy.Status.PUBLISHED)
    return value_chunks(Issuer.objects.filter(Exists(links)).order_by("pk").values_list(
        "pk", "name", "kind", "region_id"), 5000)


def policy_issuer_chunks(export):
    return value_chunks(Policy.issuers.through.objects.filter(policy__status=Policy.Status.PUBLISHED)
                        .order_by("policy_id", "issuer_id").values_list("policy_id", "issuer_id"), 10000)


def section_chunks(export):
    return value_chunks(TaskSection.objects.filter(policy__in=published_policy_ids()).order_by("policy_id", "position")
                        .values_list("pk", "policy_id", "position", "number", "level", "heading", "body",
                                     "anchor", "parent_id"), 5000)


def exported_targets():
    return Target.objects.filter(rejected=False).order_by("policy_id", "position", "pk")


def target_chunks(export):
    return value_chunks(exported_targets().filter(policy__in=published_policy_ids()).values_list(
        "pk", "policy_id", "section_id", "indicator", "indicator_text", "kind", "measure", "year", "value_low",
        "value_high", "unit", "modifier", "sentence", "position", "curated"), 5000)


def citation_chunks(export):
    # A reference to a document not published is exported unresolved: only published policies are rows.
    published = Policy.objects.published()
    return value_chunks(Citation.objects.filter(citing__in=published.values("pk")).order_by("citing_id", "position", "pk")
                        .annotate(shown=Case(When(cited__status=Policy.Status.PUBLISHED, then=F("cited_id"))))
                        .values_list("pk", "citing_id", "shown", "title", "target_title", "how", "position",
                                     "sentence"), 5000)


def reuse_chunks(export):
    published = Policy.objects.published().values("pk")
    rows = (Reuse.objects.filter(shown_q(), source__in=published, derived__in=published).order_by("pk")
            .values_list("pk", "source_id", "derived_id", "shared_chars", "source_share", "derived_share", "passages"))
    for chunk in value_chunks(rows, 5000):
        yield Chunk([(*row[:6], json.dumps(row[6])) for row in chunk.rows])


POLICY_CHUNK = 100  # policies with their two texts: a few MB a chunk, and a Parquet row group


def policy_chunks(export):
    policies = (Policy.objects.published().defer("raw_text").select_related("region", "province")
                .prefetch_related("issuers", "sections", Prefetch("targets", queryset=exported_targets()))
                .order_by("pk"))
    chunk = []
    for policy in policies.iterator(chunk_size=POLICY_CHUNK):
        chunk.append(policy)
        if len(chunk) == POLICY_CHUNK:
            yield export.policy_chunk(chunk)
            chunk = []
    if chunk:
        yield export.policy_chunk(chunk)


TABLES: tuple[Table, ...] = (
    Table("regions", "行政区划", "Administrative regions (GB/T 2260), all of them", (
        col("code", "text", "区划代码（六位）", "Six-digit division code"),
        col("name", "text", "名称", "Name"),
        col("name_hant", "text", "繁体名称", "Name in traditional script"),
        col("short_name", "text", "简称", "Short name"),
        col("level", "text", "级别：national 全国 / province 省级 / prefecture 地级 / county 县级",
            "Level: national, province, prefecture or county"),
        col("parent_code", "text", "上级区划代码", "Code of the region above", null=True, references="regions"),
    ), ("code",), region_chunks, label_column="name"),
    Table("issuers", "发布机构", "Issuers of published policies", (
        col("id", "integer", "编号", "Identifier"),
        col("name", "text", "名称", "Name"),
        col("kind", "text", "类别：government 政府 / party 党委 / legislature 人大 / department 部门 / "
            "association 协会/机构 / other 其他",
            "Kind: government, party, legislature, department, association or other"),
        col("region_code", "text", "所在地区代码", "Code of the issuer's region", null=True, references="regions"),
    ), ("id",), issuer_chunks, label_column="name"),
    Table("policies", "政策", "Published policies", (
        col("id", "integer", "编号（与档案网址一致）", "Identifier (as in the archive's URL)"),
        col("title", "text", "标题", "Title"),
        col("title_en", "text", "英文标题（来源的机器翻译，可能为空）",
            "English title (a source's machine translation; may be empty)"),
        col("doc_number", "text", "文号", "Document number"),
        col("title_key", "text", "版本标识：同一地区、同一标识的政策是同一文件的不同版本",
            "Work key: policies of one region with the same key are versions of one work"),
        col("region_code", "text", "地区代码", "Code of the policy's region", null=True, references="regions"),
        col("province_code", "text", "省份代码", "Code of its province", null=True, references="regions"),
        col("city_code", "text", "地级市代码", "Code of its prefecture-level city", null=True, references="regions"),
        col("policy_type", "text", "类型", "Policy type"),
        col("date", "text", "发布日期，ISO 8601，精确到已知部分：2024-11-14、2024-11、2024、--08-31（年份不详）",
            "Date of issue, ISO 8601 as precise as known: 2024-11-14, 2024-11, 2024, --08-31 (year unknown)",
            null=True),
        col("date_year", "integer", "年", "Year", null=True),
        col("date_month", "integer", "月", "Month", null=True),
        col("date_day", "integer", "日", "Day", null=True),
        col("date_precision", "text", "日期精度：day / month / year / unknown",
            "Date precision: day, month, year or unknown"),
        col("effective_date", "date", "施行日期", "Date it takes effect", null=True),
        col("source_site", "text", "来源网站", "Source website"),
        col("source_url", "text", "来源链接", "Source URL"),
        col("citation_code", "text", "法宝引证码", "pkulaw citation code"),
        col("script", "text", "原文字体：hans 简体 / hant 繁體", "Script of the text as published: hans or hant"),
        col("url", "text", "档案中的页面", "The policy's page in the archive"),
        col("text", "text", "正文（清理后的原文）", "Text as published, cleaned"),
        col("simplified_text", "text", "简体正文（检索所用）", "Text in simplified script (what search reads)"),
    ), ("id",), policy_chunks, label_column="title", fts=("title", "simplified_text")),
    Table("policy_issuers", "政策的发布机构", "Which issuers issued which policy", (
        col("policy_id", "integer", "政策编号", "Policy", references="policies"),
        col("issuer_id", "integer", "发布机构编号", "Issuer", references="issuers"),
    ), ("policy_id", "issuer_id"), policy_issuer_chunks),
    Table("sections", "任务章节", "Task sections of the policies (the heading tree)", (
        col("id", "integer", "编号", "Identifier"),
        col("policy_id", "integer", "政策编号", "Policy", references="policies"),
        col("position", "integer", "在政策中的顺序（从 0 起）", "Order within the policy, from 0"),
        col("number", "text", "编号（如“一、”“（二）”）", "Number as written (一、, （二）, …)"),
        col("level", "integer", "层级（1 为最高）", "Level in the tree, 1 is the top"),
        col("heading", "text", "标题", "Heading"),
        col("body", "text", "内容", "Body"),
        col("anchor", "text", "页面锚点（url#anchor）", "Anchor on the policy's page (url#anchor)"),
        col("parent_id", "integer", "上级章节编号", "The section above", null=True, references="sections"),
    ), ("id",), section_chunks, label_column="heading"),
    Table("targets", "量化目标", "Quantitative targets and outcomes read off the texts (rejected ones left out)", (
        col("id", "integer", "编号", "Identifier"),
        col("policy_id", "integer", "政策编号", "Policy", references="policies"),
        col("section_id", "integer", "所在章节编号", "Section it stands in", null=True, references="sections"),
        col("indicator", "text", "指标（规范名称）", "Indicator, canonical name"),
        col("indicator_text", "text", "原文指标", "Indicator as the text words it"),
        col("kind", "text", "类别：target 目标 / outcome 实际", "Kind: target (set) or outcome (achieved)"),
        col("measure", "text", "度量：growth 增速 / level 水平 / share 占比", "Measure: growth, level or share"),
        col("year", "integer", "目标或实际所属年份", "Year the figure is for", null=True),
        col("value_low", "real", "数值（下限）", "Value, lower bound", null=True),
        col("value_high", "real", "数值（上限；单值时为空）", "Value, upper bound (empty for a single value)", null=True),
        col("unit", "text", "单位", "Unit"),
        col("modifier", "text", "限定词（左右、以上、力争…）", "Modifier (左右, 以上, 力争, …)"),
        col("sentence", "text", "原句", "The sentence it was read from"),
        col("position", "integer", "原句在简体正文中的字符位置", "Character offset of the sentence in simplified_text"),
        col("curated", "boolean", "人工核定", "Checked or corrected by a curator"),
    ), ("id",), target_chunks),
    Table("citations", "引用", "Every 《…》 reference of the published texts, resolved to the policy it names where "
          "the archive has one", (
        col("id", "integer", "编号", "Identifier"),
        col("citing_id", "integer", "引用方政策编号", "The citing policy", references="policies"),
        col("cited_id", "integer", "被引用政策编号（档案未收录时为空）", "The policy it names; empty where the archive has "
            "none", null=True, references="policies"),
        col("title", "text", "书名号内的标题", "The title as written between 《》"),
        col("target_title", "text", "所指标题（简称已展开）", "The title it stands for (a defined short name expanded)"),
        col("how", "text", "解析方式：exact / short / alias / version", "How it was resolved"),
        col("position", "integer", "在简体正文中的字符位置", "Character offset in simplified_text"),
        col("sentence", "text", "所在句子", "The sentence that cites"),
    ), ("id",), citation_chunks),
    Table("reuse", "文本复用", "Pairs of published policies that share passages (above the thresholds of "
          "docs/links.md): the earlier text (on one date the centre before the province before the city) and the later", (
        col("id", "integer", "编号", "Identifier"),
        col("source_id", "integer", "在先文件编号", "The earlier policy", references="policies"),
        col("derived_id", "integer", "在后文件编号", "The later policy", references="policies"),
        col("shared_chars", "integer", "共享字数（不计空白和标点）", "Characters shared, without white space and punctuation"),
        col("source_share", "real", "占在先文件比例", "Share of the earlier text found in the later"),
        col("derived_share", "real", "占在后文件比例", "Share of the later text found in the earlier"),
        col("passages", "text", "共享段落：JSON [在先起, 在先止, 在后起, 在后止, 字数]，为简体正文中的字符位置",
            "Shared passages as JSON [source start, source end, derived start, derived end, characters], "
            "character offsets in each simplified_text"),
    ), ("id",), reuse_chunks),
)


def table(name: str) -> Table:
    return next(t for t in TABLES if t.name == name)


# --- The outputs -----------------------------------------------------------------------------

class DatasetError(Exception):
    """The export could not be written; the previous dump is untouched."""


def sqlite_schema(t: Table) -> str:
    lines = [f'  "{c.name}" {SQLITE_TYPES[c.type]}{"" if c.null else " NOT NULL"}, -- {c.en}' for c in t.columns]
    key = ", ".join(f'"{name}"' for name in t.primary_key)
    lines.append(f"  PRIMARY KEY ({key})")
    for c in t.columns:
        if c.references:
            target = table(c.references)
            lines[-1] += ","
            lines.append(f'  FOREIGN KEY ("{c.name}") REFERENCES "{target.name}" ("{target.primary_key[0]}")')
    return f'CREATE TABLE "{t.name}" ( -- {t.en}\n' + "\n".join(lines) + "\n)"


def foreign_key_indexes(t: Table) -> list[str]:
    """An index on each foreign key column, except one the primary key already leads with."""
    return [f'CREATE INDEX "{t.name}_{c.name}" ON "{t.name}" ("{c.name}")'
            for c in t.columns if c.references and c.name != t.primary_key[0]]


class Output:
    """One kind of file. For each table: begin, write every chunk, end; then finish (the last checks)
    once every table is in, and close, also after a failure."""

    def begin(self, t: Table):
        pass

    def write(self, t: Table, chunk: Chunk):
        pass

    def end(self, t: Table):
        pass

    def finish(self):
        pass

    def close(self):
        pass


class SqliteOutput(Output):
    def __init__(self, path: Path):
        self.db = sqlite3.connect(path)
        # A fresh file that nobody reads until the swap: no journal, no fsync per commit.
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")

    def begin(self, t: Table):
        self.db.execute(sqlite_schema(t))
        self.insert = f'INSERT INTO "{t.name}" VALUES ({", ".join("?" * len(t.columns))})'
        self.dates = [i for i, c in enumerate(t.columns) if c.type == "date"]

    def write(self, t: Table, chunk: Chunk):
        rows = chunk.rows
        if self.dates:
            rows = [tuple(v.isoformat() if i in self.dates and v is not None else v for i, v in enumerate(row))
                    for row in rows]
        self.db.executemany(self.insert, rows)

    def end(self, t: Table):
        for statement in foreign_key_indexes(t):
            self.db.execute(statement)
        if t.fts:
            columns = ", ".join(t.fts)
            # Trigram: any substring of three or more characters matches, which suits Chinese (no
            # word breaks); shorter queries need LIKE. content= keeps the texts once, in the table.
            self.db.execute(f'CREATE VIRTUAL TABLE "{FTS_TABLE}" USING fts5({columns}, content="{t.name}", '
                            f'content_rowid="{t.primary_key[0]}", tokenize="trigram")')
            self.db.execute(f"INSERT INTO \"{FTS_TABLE}\"(\"{FTS_TABLE}\") VALUES ('rebuild')")
        self.db.commit()

    def finish(self):
        problems = self.db.execute("PRAGMA foreign_key_check").fetchmany(5)
        if problems:
            raise DatasetError(f"foreign keys broken in {DATABASE}: {problems}")
        self.db.execute("PRAGMA optimize")

    def close(self):
        self.db.close()


class ParquetOutput(Output):
    def __init__(self, directory: Path):
        self.directory = directory
        self.writer = None
        directory.mkdir()

    def begin(self, t: Table):
        self.schema = pa.schema([pa.field(c.name, ARROW_TYPES[c.type], nullable=c.null,
                                          metadata={"description": c.description})
                                 for c in t.columns], metadata={"description": t.description})
        self.writer = pq.ParquetWriter(self.directory / f"{t.name}.parquet", self.schema, compression="zstd")

    def write(self, t: Table, chunk: Chunk):
        # One row group per chunk, written as it comes.
        columns = list(zip(*chunk.rows))
        self.writer.write_batch(pa.RecordBatch.from_arrays(
            [pa.array(values, type=f.type) for values, f in zip(columns, self.schema)], schema=self.schema))

    def end(self, t: Table):
        self.writer.close()

    def close(self):
        if self.writer:
            self.writer.close()  # after end() a no-op; after a failure, lets the file go


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


class CsvOutput(Output):
    def __init__(self, directory: Path):
        self.directory = directory
        self.file = None
        directory.mkdir()

    def begin(self, t: Table):
        # The BOM tells Excel the file is UTF-8 (it reads Chinese as mojibake without it).
        self.file = open(self.directory / f"{t.name}.csv", "w", encoding="utf-8-sig", newline="")
        self.writer = csv.writer(self.file)
        self.writer.writerow(t.column_names)

    def write(self, t: Table, chunk: Chunk):
        self.writer.writerows([csv_cell(v) for v in row] for row in chunk.rows)

    def end(self, t: Table):
        self.file.close()

    def close(self):
        if self.file:
            self.file.close()


class JsonLinesOutput(Output):
    """policies.jsonl: each policy as the API's detail answers it, plus its targets."""

    def __init__(self, path: Path):
        self.file = open(path, "w", encoding="utf-8")

    def write(self, t: Table, chunk: Chunk):
        for data in chunk.lines:
            self.file.write(json.dumps(data, ensure_ascii=False) + "\n")

    def close(self):
        self.file.close()


class AbsoluteURLs:
    """Stands in for the request the serialisers take: absolute links under the archive's base URL."""

    def __init__(self, base_url: str):
        self.base_url = base_url.rstrip("/")

    def build_absolute_uri(self, location: str) -> str:
        return self.base_url + location


# Keys of target_to_dict that repeat the policy the targets are listed under.
TARGET_KEYS_OF_THE_POLICY = ("policy", "region", "province")


def policy_line(policy: Policy, urls: AbsoluteURLs) -> dict:
    """A line of policies.jsonl: the API's detail JSON (policy_to_dict(full=True) without what only
    staff see), with the policy's targets."""
    data = policy_to_dict(policy, full=True, request=urls)
    data.pop("quality_warnings")
    data["targets"] = []
    for target in policy.targets.all():
        item = target_to_dict(target, request=urls)
        for key in TARGET_KEYS_OF_THE_POLICY:
            item.pop(key)
        data["targets"].append(item)
    return data


# --- The export ------------------------------------------------------------------------------

@dataclass
class Export:
    base_url: str
    counts: dict = field(default_factory=dict)

    def __post_init__(self):
        self.urls = AbsoluteURLs(self.base_url)

    def policy_chunk(self, policies: list[Policy]) -> Chunk:
        rows, lines = [], []
        for policy in policies:
            line = policy_line(policy, self.urls)
            lines.append(line)
            rows.append((
                policy.pk, policy.title, policy.title_en, policy.doc_number, policy.title_key, policy.region_id, policy.province_id,
                policy.city_id, policy.policy_type, policy.date_iso, policy.date_year, policy.date_month,
                policy.date_day, policy.date_precision, policy.effective_date, policy.source_site,
                policy.source_url, policy.citation_code, policy.script, line["url"], policy.clean_text,
                policy.simplified_text,
            ))
        return Chunk(rows, lines)


@dataclass
class ExportSummary:
    path: Path
    counts: dict
    files: list[dict]
    seconds: float

    @property
    def bytes(self) -> int:
        return sum(f["bytes"] for f in self.files)


def export_dataset(out_dir: Path | str, *, base_url: str | None = None) -> ExportSummary:
    """Write the published archive to out_dir (replacing a previous dump there at the end, in one swap).

    Raises DatasetError (or OSError, sqlite3.Error) when it cannot; out_dir is then as it was.
    """
    started = time.monotonic()
    out_dir = Path(out_dir).absolute()
    base_url = (base_url or settings.SITE_URL).rstrip("/")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.new-", dir=out_dir.parent))
        work.chmod(0o755)  # mkdtemp's 0700 would hide the dump from a web server running as another user
    except OSError as error:
        raise DatasetError(f"cannot write beside {out_dir}: {error}") from error
    try:
        export = Export(base_url)
        with snapshot():
            write_tables(work, export)
            version = data_version()
        exported_at = datetime.datetime.now(datetime.UTC).replace(microsecond=0)
        citation = dataset_citations(base_url + "/data/", exported_at.date())
        (work / "metadata.json").write_text(json.dumps(datasette_metadata(base_url), ensure_ascii=False, indent=2),
                                            encoding="utf-8")
        (work / "README.md").write_text(readme(export.counts, exported_at, version, citation), encoding="utf-8")
        files = [file_entry(work, path) for path in sorted(work.rglob("*")) if path.is_file()]
        manifest = {
            "title": TITLE, "exported_at": exported_at.isoformat().replace("+00:00", "Z"),
            "data_version": version, "base_url": base_url, "counts": export.counts, "files": files,
            "suggested_citation": citation, "licence": LICENCE_NOTE,
        }
        (work / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=2), encoding="utf-8")
        swap_in(work, out_dir)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    return ExportSummary(out_dir, export.counts, files, time.monotonic() - started)


class snapshot:
    """Read every table from one snapshot of the database (REPEATABLE READ), so that the tables
    agree with each other while imports go on. Inside a caller's transaction, that one's view."""

    def __enter__(self):
        self.atomic = transaction.atomic()
        outer = connection.in_atomic_block
        self.atomic.__enter__()
        if not outer:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")

    def __exit__(self, *exc):
        return self.atomic.__exit__(*exc)


def write_tables(work: Path, export: Export) -> None:
    """Every table, one pass each: a chunk goes to every output before the next is read."""
    every_table = [SqliteOutput(work / DATABASE), ParquetOutput(work / "parquet"), CsvOutput(work / "csv")]
    jsonl = JsonLinesOutput(work / "policies.jsonl")
    outputs = every_table + [jsonl]
    try:
        for t in TABLES:
            writers = outputs if t.name == "policies" else every_table
            for writer in writers:
                writer.begin(t)
            count = 0
            for chunk in t.chunks(export):
                for writer in writers:
                    writer.write(t, chunk)
                count += len(chunk.rows)
            for writer in writers:
                writer.end(t)
            export.counts[t.name] = count
        for writer in outputs:
            writer.finish()
    finally:
        for writer in outputs:
            writer.close()


def data_version() -> dict:
    latest = Policy.objects.aggregate(latest=Max("updated"))["latest"]
    return {"search_generation": cache.generation(), "latest_policy_update": latest.isoformat() if latest else None}


def file_entry(root: Path, path: Path) -> dict:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return {"path": path.relative_to(root).as_posix(), "bytes": path.stat().st_size, "sha256": digest.hexdigest()}


def swap_in(work: Path, out_dir: Path) -> None:
    """Put the new dump where the old one was. Two renames within one directory: readers see the
    old dump or the new one (or, between the two renames, none), never a mixture."""
    old = None
    if out_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
        os.replace(out_dir, old / "dump")
    try:
        os.replace(work, out_dir)
    except OSError:
        if old:
            os.replace(old / "dump", out_dir)
        raise
    finally:
        if old:
            shutil.rmtree(old, ignore_errors=True)


def datasette_metadata(base_url: str) -> dict:
    tables = {}
    for t in TABLES:
        entry = {"title": t.zh, "description": t.description,
                 "columns": {c.name: c.description for c in t.columns}}
        if t.label_column:
            entry["label_column"] = t.label_column
        if t.fts:
            entry.update(fts_table=FTS_TABLE, fts_pk=t.primary_key[0])
        tables[t.name] = entry
    return {
        "title": TITLE, "description": DESCRIPTION, "license": LICENCE, "license_url": LICENCE_URL,
        "source": SOURCE, "source_url": base_url + "/",
        "databases": {Path(DATABASE).stem: {"description": LICENCE_NOTE, "tables": tables}},
    }


def readme(counts: dict, exported_at: datetime.datetime, version: dict, citation: dict) -> str:
    table_lines = "\n".join(f"| `{t.name}` | {t.zh} — {t.en} | {counts[t.name]:,} |" for t in TABLES)
    column_sections = "\n\n".join(
        f"### `{t.name}` ({t.zh})\n\n| column | type | description |\n|---|---|---|\n" + "\n".join(
            f"| `{c.name}` | {c.type}{'' if c.null else ', not null'}"
            f"{f', → `{c.references}`' if c.references else ''} | {c.description} |" for c in t.columns)
        for t in TABLES)
    return f"""# {TITLE}

{DESCRIPTION}

Exported {exported_at.isoformat().replace("+00:00", "Z")}; data version: search generation
{version["search_generation"]}, last change to a policy {version["latest_policy_update"]}.

## Files

| file | what |
|---|---|
| `{DATABASE}` | SQLite: every table with primary and foreign keys, and `{FTS_TABLE}`, an FTS5 trigram index over `policies.title` and `policies.simplified_text` (queries of 3 or more characters) |
| `metadata.json` | Datasette metadata: `datasette {DATABASE} --metadata metadata.json` |
| `parquet/<table>.parquet` | each table as Parquet (zstd) |
| `csv/<table>.csv` | each table as CSV, UTF-8 with a byte-order mark (Excel then reads the Chinese correctly) |
| `policies.jsonl` | one policy a line, as the API's `/api/policies/<id>/` answers it, with its `targets` |
| `manifest.json` | row counts, export time, data version, SHA-256 of every file, suggested citation |

## Tables

| table | what | rows |
|---|---|---|
{table_lines}

{column_sections}

## Suggested citation

GB/T 7714: {citation["gb_t_7714"]}

APA: {citation["apa"]}

## Licence

{LICENCE_NOTE}
"""
