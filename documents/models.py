"""The archive's data: regions, issuers, policies with their task sections, and import records."""

import datetime
import hashlib
from urllib.parse import urlencode

from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from documents.ingest.result import POLICY_TYPES
from documents.ingest.citations import short_keys, title_key
from documents.ingest.versions import amended_titles


class Region(models.Model):
    class Level(models.TextChoices):
        NATIONAL = "national", "全国"
        PROVINCE = "province", "省级"
        PREFECTURE = "prefecture", "地级"
        COUNTY = "county", "县级"

    code = models.CharField("区划代码", max_length=6, primary_key=True)
    name = models.CharField("名称", max_length=50)
    name_hant = models.CharField("繁体名称", max_length=50)
    short_name = models.CharField("简称", max_length=20)
    level = models.CharField("级别", max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )

    class Meta:
        verbose_name = verbose_name_plural = "行政区划"
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(condition=Q(code__regex=r"^[0-9]{6}$"), name="region_code_six_digits"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("region_detail", args=[self.code])

    @property
    def province(self):
        """The provincial-level region this one belongs to (itself for a province; None for national)."""
        if self.level == self.Level.PROVINCE:
            return self
        if self.level == self.Level.NATIONAL:
            return None
        return self.parent.province if self.parent_id else None

    @property
    def city(self):
        """The prefecture-level city this one is or belongs to (a county's parent), else None."""
        if self.level == self.Level.PREFECTURE:
            return self
        if self.parent_id and self.parent.level == self.Level.PREFECTURE:
            return self.parent
        return None


class Issuer(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", "政府"
        PARTY = "party", "党委"
        LEGISLATURE = "legislature", "人大"
        DEPARTMENT = "department", "部门"
        ASSOCIATION = "association", "协会/机构"
        OTHER = "other", "其他"

    name = models.CharField("名称", max_length=100, unique=True)
    aliases = ArrayField(models.CharField(max_length=100), verbose_name="别名", default=list, blank=True)
    kind = models.CharField("类别", max_length=12, choices=Kind.choices, default=Kind.OTHER)
    region = models.ForeignKey(
        Region, verbose_name="所在地区", null=True, blank=True, on_delete=models.PROTECT, related_name="issuers"
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "发布机构"
        ordering = ["name"]

    def __str__(self):
        return self.name


class PolicyQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Policy.Status.PUBLISHED)


# Derived columns no page shows: the search vectors are read inside SQL, the MinHash by the
# duplicate finder's values() query. Loading them with every policy cost half the time of a
# result page's policies (the pair vector alone ~0.6 ms a policy).
DERIVED_COLUMNS = ("search_vector", "phrase_vector", "minhash")


class PolicyManager(models.Manager.from_queryset(PolicyQuerySet)):
    def get_queryset(self):
        return super().get_queryset().defer(*DERIVED_COLUMNS)


# What a curator can correct by hand; reprocessing leaves a field named here alone once edited.
# "date" covers year, month, day and precision; "sections" the task section tree.
MANUAL_FIELDS = (
    "title", "title_en", "doc_number", "issuers", "region", "policy_type", "date", "effective_date",
    "source_site", "source_url", "citation_code", "script", "clean_text", "sections",
)


class Policy(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "草稿"
        PUBLISHED = "published", "已发布"
        WITHDRAWN = "withdrawn", "已撤回"

    class DatePrecision(models.TextChoices):
        DAY = "day", "日"
        MONTH = "month", "月"
        YEAR = "year", "年"
        UNKNOWN = "unknown", "不详"

    class Script(models.TextChoices):
        SIMPLIFIED = "hans", "简体"
        TRADITIONAL = "hant", "繁體"

    PolicyType = models.TextChoices("PolicyType", [(label, label) for label in POLICY_TYPES])

    title = models.CharField("标题", max_length=500)
    # A source's English title (the research spreadsheet's machine translation), kept beside the Chinese one.
    title_en = models.CharField("英文标题", max_length=1000, blank=True)
    # What the versions of one work share and a citation matches (ingest.citations.title_key), and the
    # shorter forms the title is cited by (数据安全法); kept by save().
    title_key = models.CharField("标题标识", max_length=500, blank=True, db_index=True, editable=False)
    title_short_keys = ArrayField(models.CharField(max_length=500), verbose_name="简称标识", default=list,
                                  blank=True, editable=False)
    # The title keys of the works the text says it amends under another name (ingest.versions.amended_titles:
    # 根据《关于修改〈…〉的决定》修正): versions of one work although the titles differ; kept by save().
    amended_keys = ArrayField(models.CharField(max_length=500), verbose_name="修改前标题标识", default=list,
                              blank=True, editable=False)
    doc_number = models.CharField("文号", max_length=100, blank=True)
    issuers = models.ManyToManyField(Issuer, verbose_name="发布机构", blank=True, related_name="policies")
    region = models.ForeignKey(
        Region, verbose_name="地区", null=True, blank=True, on_delete=models.PROTECT, related_name="policies"
    )
    # Denormalised from region so that province facets need no join through parents.
    province = models.ForeignKey(
        Region, verbose_name="省份", null=True, blank=True, on_delete=models.PROTECT,
        related_name="province_policies", editable=False,
    )
    # Likewise the prefecture city (the region itself, or a county's city): the city facet and filter.
    city = models.ForeignKey(
        Region, verbose_name="城市", null=True, blank=True, on_delete=models.PROTECT,
        related_name="city_policies", editable=False,
    )
    policy_type = models.CharField("类型", max_length=20, choices=PolicyType.choices, default="其他")
    date_year = models.PositiveSmallIntegerField("年", null=True, blank=True)
    date_month = models.PositiveSmallIntegerField("月", null=True, blank=True)
    date_day = models.PositiveSmallIntegerField("日", null=True, blank=True)
    date_precision = models.CharField("日期精度", max_length=8, choices=DatePrecision.choices, default="unknown")
    # The earliest day the known parts allow, for sorting; null when the year is unknown.
    date = models.DateField("排序日期", null=True, blank=True, editable=False)
    effective_date = models.DateField("施行日期", null=True, blank=True)
    source_site = models.CharField("来源网站", max_length=200, blank=True)
    source_url = models.URLField("来源链接", max_length=1000, blank=True)
    source_key = models.CharField("导入标识", max_length=500, blank=True, db_index=True)
    citation_code = models.CharField("法宝引证码", max_length=60, blank=True)
    script = models.CharField("原文字体", max_length=4, choices=Script.choices, default="hans")
    raw_text = models.TextField("原始文本", help_text="导入时的原文，逐字保存")
    clean_text = models.TextField("正文")
    simplified_text = models.TextField("简体正文", editable=False)
    status = models.CharField("状态", max_length=10, choices=Status.choices, default=Status.DRAFT)
    content_hash = models.CharField("内容哈希", max_length=64, unique=True)
    quality_warnings = models.JSONField("质量警告", default=list, blank=True)
    manual_fields = ArrayField(
        models.CharField(max_length=20, choices=[(name, name) for name in MANUAL_FIELDS]),
        verbose_name="人工修改的字段", default=list, blank=True,
        help_text="重新处理（reprocess）不会覆盖这些字段；删去一项即可让流水线重新接管",
    )
    # datasketch MinHash values of the simplified text (uint32, little-endian), for near-duplicate lookup.
    minhash = models.BinaryField("近似指纹", null=True, blank=True, editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    # Every two abutting tokens as one lexeme 'a b', without positions: phrases from the index
    # (documents/search/vector.py).
    phrase_vector = SearchVectorField(null=True, editable=False)
    created = models.DateTimeField("创建时间", auto_now_add=True)
    updated = models.DateTimeField("更新时间", auto_now=True)

    objects = PolicyManager()
    # Derived, bulky columns stay out of history; a revert takes their current values and recomputes.
    history = HistoricalRecords(excluded_fields=["search_vector", "phrase_vector", "minhash"], m2m_fields=[issuers])

    class Meta:
        verbose_name = verbose_name_plural = "政策"
        ordering = ["-date", "-id"]
        permissions = [
            ("publish_policy", "可以发布政策"),
            ("withdraw_policy", "可以撤回政策"),
        ]
        indexes = [
            GinIndex(fields=["search_vector"], name="policy_search_gin"),
            GinIndex(fields=["phrase_vector"], name="policy_phrase_gin"),
            GinIndex(fields=["title_short_keys"], name="policy_title_short_keys_gin"),
            GinIndex(fields=["amended_keys"], name="policy_amended_keys_gin"),
            # Every facet key in the index: counting a province's policies (or any filter's) for the
            # facets reads the index alone (an index-only scan), not each policy's wide heap row.
            models.Index(fields=["status", "province"], include=["city", "date_year", "policy_type", "id"],
                         name="policy_facet_keys"),
            models.Index(fields=["status", "city"], name="policy_status_city"),
            models.Index(fields=["status", "region"], name="policy_status_region"),
            models.Index(fields=["status", "date_year"], name="policy_status_year"),
            models.Index(fields=["status", "policy_type"], name="policy_status_type"),
            # The two date orders of result pages (undated last in both), so that "newest matches" walks
            # an index and stops after a page instead of sorting every match.
            models.Index("status", F("date").desc(nulls_last=True), F("id").desc(), name="policy_status_newest"),
            models.Index("status", F("date").asc(nulls_last=True), F("id").asc(), name="policy_status_oldest"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(date_month__gte=1, date_month__lte=12) | Q(date_month__isnull=True),
                                   name="policy_month_valid"),
            models.CheckConstraint(condition=Q(date_day__gte=1, date_day__lte=31) | Q(date_day__isnull=True),
                                   name="policy_day_valid"),
            # The precision names the finest known part; the year may still be unknown ("8月31日").
            models.CheckConstraint(
                name="policy_date_precision_consistent",
                condition=(
                    Q(date_precision="day", date_month__isnull=False, date_day__isnull=False)
                    | Q(date_precision="month", date_month__isnull=False, date_day__isnull=True)
                    | Q(date_precision="year", date_year__isnull=False, date_month__isnull=True,
                        date_day__isnull=True)
                    | Q(date_precision="unknown", date_year__isnull=True, date_month__isnull=True,
                        date_day__isnull=True)
                ),
            ),
            models.CheckConstraint(condition=Q(status__in=["draft", "published", "withdrawn"]),
                                   name="policy_status_valid"),
            models.CheckConstraint(condition=~Q(title=""), name="policy_title_not_empty"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("policy_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        self.province = self.region.province if self.region_id else None
        self.city = self.region.city if self.region_id else None
        self.date = self.sort_date()
        self.title_key = title_key(self.title)
        self.title_short_keys = sorted(short_keys(self.title))
        self.amended_keys = sorted({title_key(t) for t in amended_titles(self.simplified_text or "", self.title)}
                                   - {self.title_key})
        super().save(*args, **kwargs)

    def sort_date(self):
        if self.date_year is None:
            return None
        try:
            return datetime.date(self.date_year, self.date_month or 1, self.date_day or 1)
        except ValueError:
            return None  # an impossible date; the database constraints say why

    @property
    def date_iso(self):
        """ISO 8601 as precise as known: 2024-11-14, 2024-11, 2024, --08-31 (year unknown), or None."""
        y, m, d = self.date_year, self.date_month, self.date_day
        if y is not None:
            return "-".join([f"{y:04d}"] + [f"{v:02d}" for v in (m, d) if v is not None])
        if m is not None and d is not None:
            return f"--{m:02d}-{d:02d}"
        if m is not None:
            return f"--{m:02d}"
        return None

    @property
    def date_display(self):
        y, m, d = self.date_year, self.date_month, self.date_day
        if y is None and m is None:
            return "日期不详"
        parts = (f"{y}年" if y is not None else "") + (f"{m}月" if m else "") + (f"{d}日" if d else "")
        return parts if y is not None else f"{parts}（年份不详）"


class TaskSection(models.Model):
    policy = models.ForeignKey(Policy, verbose_name="政策", on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveIntegerField("顺序")
    number = models.CharField("编号", max_length=40, blank=True)
    level = models.PositiveSmallIntegerField("层级", default=1)
    heading = models.CharField("标题", max_length=1000, blank=True)
    body = models.TextField("内容", blank=True)
    parent = models.ForeignKey(
        "self", verbose_name="上级", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    anchor = models.CharField("锚点", max_length=40)

    history = HistoricalRecords()

    class Meta:
        verbose_name = verbose_name_plural = "任务章节"
        ordering = ["policy", "position"]
        constraints = [
            models.UniqueConstraint(fields=["policy", "position"], name="section_position_unique"),
            models.UniqueConstraint(fields=["policy", "anchor"], name="section_anchor_unique"),
            models.CheckConstraint(condition=Q(level__gte=1), name="section_level_positive"),
        ]

    def __str__(self):
        return f"{self.number}{self.heading}"[:80]

    def get_absolute_url(self):
        return f"{self.policy.get_absolute_url()}#{self.anchor}"


class Target(models.Model):
    """One quantitative target or outcome a policy states (documents/ingest/targets.py reads them).

    The pipeline rebuilds its own rows on import and reprocess; a row a curator added or corrected
    (curated) stays as it is, and one a curator deleted stays as rejected, so that a rebuild does not
    bring either back (key is what the pipeline found: indicator phrase and sentence).
    """

    class Kind(models.TextChoices):
        TARGET = "target", "目标"
        OUTCOME = "outcome", "实际"

    class Measure(models.TextChoices):
        GROWTH = "growth", "增速"
        LEVEL = "level", "水平"
        SHARE = "share", "占比"

    policy = models.ForeignKey(Policy, verbose_name="政策", on_delete=models.CASCADE, related_name="targets")
    section = models.ForeignKey(TaskSection, verbose_name="章节", null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="targets")
    indicator = models.CharField("指标", max_length=200)
    indicator_text = models.CharField("原文指标", max_length=200, blank=True)
    kind = models.CharField("类别", max_length=8, choices=Kind.choices)
    measure = models.CharField("度量", max_length=8, choices=Measure.choices)
    year = models.PositiveSmallIntegerField("年份", null=True, blank=True)
    value_low = models.FloatField("数值（下限）", null=True, blank=True)
    value_high = models.FloatField("数值（上限）", null=True, blank=True)
    unit = models.CharField("单位", max_length=20, blank=True)
    modifier = models.CharField("限定词", max_length=10, blank=True)
    sentence = models.TextField("原句", blank=True)
    position = models.PositiveIntegerField("原句位置", default=0, help_text="原句在简体正文中的字符位置")
    key = models.CharField("识别标识", max_length=64, blank=True, editable=False)
    curated = models.BooleanField("人工核定", default=False)
    rejected = models.BooleanField("人工删除", default=False)

    class Meta:
        verbose_name = verbose_name_plural = "量化目标"
        ordering = ["policy", "position", "id"]
        indexes = [
            models.Index(fields=["indicator", "year"], name="target_indicator_year"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(value_low__isnull=True) | Q(value_high__isnull=True)
                                   | Q(value_low__lte=F("value_high")), name="target_range_ordered"),
        ]

    def __str__(self):
        return f"{self.indicator} {self.value_display}"

    def get_absolute_url(self):
        return f"{self.policy.get_absolute_url()}#{self.anchor}"

    @property
    def anchor(self) -> str:
        """The id of the target's sentence on the policy's page: the same for every target of one sentence
        and across rebuilds (policies/detail.html marks the sentence with it)."""
        return sentence_anchor(self.sentence)

    @property
    def value_display(self) -> str:
        """5%左右, 5%—5.5%, 力争8%, 25万个: as a researcher would write it down."""
        if self.value_low is None:
            return ""
        low, high = _number(self.value_low), _number(self.value_high if self.value_high is not None else self.value_low)
        value = low + self.unit if low == high else f"{low}{self.unit}—{high}{self.unit}"
        if self.modifier in PREFIX_MODIFIERS:
            return self.modifier + value
        return value + self.modifier


class Citation(models.Model):
    """A `《…》` reference in a policy's text and the archive document it names, where one does
    (documents/ingest/citations.py reads and resolves them; documents/citations.py keeps them current).

    key is the title key of what the reference names (an alias already expanded), so that a document
    imported later finds the references that were waiting for it.
    """

    citing = models.ForeignKey(Policy, verbose_name="引用方", on_delete=models.CASCADE, related_name="citations")
    cited = models.ForeignKey(Policy, verbose_name="被引用文件", null=True, blank=True, on_delete=models.SET_NULL,
                              related_name="cited_by")
    title = models.CharField("书名号内的标题", max_length=300)
    target_title = models.CharField("所指标题", max_length=300, help_text="简称已展开为全称")
    key = models.CharField("标题标识", max_length=300, db_index=True)
    how = models.CharField("解析方式", max_length=10, blank=True)
    position = models.PositiveIntegerField("位置", help_text="《…》在简体正文中的字符位置")
    sentence = models.TextField("所在句子")
    sentence_position = models.PositiveIntegerField("句子位置")

    class Meta:
        verbose_name = verbose_name_plural = "引用"
        ordering = ["citing", "position"]

    def __str__(self):
        return f"《{self.title}》"

    @property
    def anchor(self) -> str:
        return f"c-{self.position}"

    @property
    def search_url(self) -> str:
        """Where a title the archive does not hold can be looked for: a phrase search for it."""
        return reverse("policy_list") + "?" + urlencode({"q": f'"{self.target_title}"'})


class ReuseSignature(models.Model):
    """A policy whose reuse candidates can be looked up: how many shingles its MinHash signature
    summarises (the signature itself is Policy.minhash; its LSH band keys are ReuseBand rows)."""

    policy = models.OneToOneField(Policy, on_delete=models.CASCADE, primary_key=True, related_name="reuse_signature")
    size = models.PositiveIntegerField("字符片段数")

    class Meta:
        verbose_name = verbose_name_plural = "文本复用指纹"


class ReuseBand(models.Model):
    """One LSH band key of a policy's signature (documents/ingest/reuse.py). A row per key under a
    btree (key first) rather than an array under GIN: PostgreSQL cannot estimate an overlap of 127
    keys and scans every array, while 127 key lookups read a few index pages each."""

    pk = models.CompositePrimaryKey("key", "policy")
    key = models.BigIntegerField("分段键")
    policy = models.ForeignKey(Policy, on_delete=models.CASCADE, related_name="reuse_bands")

    class Meta:
        verbose_name = verbose_name_plural = "文本复用分段键"


class Reuse(models.Model):
    """Passages two different policies share (documents/reuse.py keeps them current).

    source is the earlier text (on the same date, or undated, the higher level: centre, province,
    city), derived the later; passages are [source_start, source_end, derived_start, derived_end,
    matched characters] with offsets into each one's simplified text. Pairs are stored from
    STORED_CHARS shared characters up; documents/reuse.py decides which are shown.
    """

    source = models.ForeignKey(Policy, verbose_name="在先文件", on_delete=models.CASCADE, related_name="reused_by")
    derived = models.ForeignKey(Policy, verbose_name="在后文件", on_delete=models.CASCADE, related_name="reuses")
    shared_chars = models.PositiveIntegerField("共享字数")
    source_share = models.FloatField("占在先文件比例")
    derived_share = models.FloatField("占在后文件比例")
    passages = models.JSONField("共享段落", default=list)

    class Meta:
        verbose_name = verbose_name_plural = "文本复用"
        constraints = [
            models.UniqueConstraint(fields=["source", "derived"], name="reuse_pair_unique"),
            models.CheckConstraint(condition=~Q(source=F("derived")), name="reuse_not_itself"),
        ]

    def __str__(self):
        return f"{self.source_id} → {self.derived_id}"


def sentence_anchor(sentence: str) -> str:
    return "t-" + hashlib.sha1(sentence.encode()).hexdigest()[:10]


PREFIX_MODIFIERS = {"超过", "不低于", "不少于", "不超过", "力争", "突破", "达到", "约"}  # written before the number


def _number(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


class ImportRecord(models.Model):
    """One input file or paste as received, verbatim, with what each cleaning stage did."""

    class Outcome(models.TextChoices):
        CREATED = "created", "新建"
        UPDATED = "updated", "更新"
        UNCHANGED = "unchanged", "未变"
        PENDING = "pending", "待审核"  # uploaded in the admin, waiting for a curator's review
        ATTACHED = "attached", "已作为来源附加"  # a duplicate kept as another source of an existing policy
        DISCARDED = "discarded", "已放弃"  # the curator chose not to keep it; the bytes stay here

    policy = models.ForeignKey(
        Policy, verbose_name="政策", null=True, blank=True, on_delete=models.SET_NULL, related_name="import_records"
    )
    file_name = models.CharField("文件名", max_length=500)
    source_key = models.CharField("导入标识", max_length=500, blank=True)
    # A row of a table (.csv/.xlsx/.xls) is one document: its sheet and 1-based row number say where
    # it stood, raw_bytes hold that row's cells as read (tabular.TableRow) and file_sha256 the whole file's hash.
    sheet = models.CharField("工作表", max_length=100, blank=True)
    row = models.PositiveIntegerField("行号", null=True, blank=True)
    raw_bytes = models.BinaryField("原始字节")
    raw_sha256 = models.CharField("原始哈希", max_length=64, db_index=True)
    file_sha256 = models.CharField("文件哈希", max_length=64, blank=True, db_index=True)
    encoding = models.CharField("检测编码", max_length=40, blank=True)
    stages = models.JSONField("各阶段记录", default=list)
    outcome = models.CharField("结果", max_length=10, choices=Outcome.choices)
    created = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入记录"
        ordering = ["-created"]

    def __str__(self):
        return f"{self.location} ({self.get_outcome_display()})"

    @property
    def location(self) -> str:
        """The file, and for a table row its sheet and row: `Policies Data.xlsx 第 12 行（Sheet1）`."""
        if self.row is None:
            return self.file_name
        return f"{self.file_name} 第 {self.row} 行" + (f"（{self.sheet}）" if self.sheet else "")


class PolicySource(models.Model):
    """Another site that published the same policy (a duplicate the curator attached)."""

    policy = models.ForeignKey(Policy, verbose_name="政策", on_delete=models.CASCADE, related_name="sources")
    site = models.CharField("来源网站", max_length=200, blank=True)
    url = models.URLField("来源链接", max_length=1000, blank=True)
    import_record = models.ForeignKey(
        ImportRecord, verbose_name="导入记录", null=True, blank=True, on_delete=models.SET_NULL, related_name="sources"
    )
    created = models.DateTimeField("添加时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "其他来源"
        ordering = ["policy", "created"]

    def __str__(self):
        return self.site or self.url or f"导入记录 #{self.import_record_id}"
