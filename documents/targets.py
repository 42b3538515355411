"""Stored targets: rebuilt from a policy's text on import and reprocess, curators' work kept.

ingest/targets.py reads the text (pure); this module stores what it finds and links each target
to the section it stands in.
"""

import bisect
import hashlib
from dataclasses import dataclass, field

import django_filters
from django import forms
from django.db import transaction
from django.db.models import Count, Q, QuerySet

from documents.chinese import to_simplified
from documents.ingest.targets import find_targets
from documents.models import Policy, Region, Target
from documents.search.filters import IntegerFilter
from documents.serializers import policy_brief, region_dict

FIELDS = ("indicator", "indicator_text", "kind", "measure", "year", "value_low", "value_high", "unit", "modifier",
          "sentence", "position")


def target_key(indicator_text: str, sentence: str, *figures) -> str:
    """What identifies a found target across rebuilds: its phrase, measure and value in its sentence
    (not its offset, which moves when text before it changes). A level and its growth share a phrase
    (`生产总值6.36万亿元、增长5.1%`), so the figures are part of it."""
    return hashlib.sha256("\x1f".join(map(str, (indicator_text, sentence, *figures))).encode()).hexdigest()


def extract(policy: Policy) -> list:
    return find_targets(policy.simplified_text, year=policy.date_year, report=policy.policy_type == "政府工作报告")


def save_targets(policy: Policy) -> bool:
    """Rebuild the pipeline's targets of policy from its stored text, date and type; True if they changed.

    A curated or rejected row's key keeps the pipeline from adding that target again. Each target,
    curated ones included, is (re)linked to the section it stands in, since sections are rebuilt too.
    """
    with transaction.atomic():
        stored = list(policy.targets.all())
        held = {t.key for t in stored if t.curated or t.rejected}
        found, seen = [], set()
        for target in extract(policy):
            key = target_key(target.indicator_text, target.sentence, target.measure, target.value_low,
                             target.value_high, target.unit)
            if key in held or key in seen:
                continue
            seen.add(key)
            found.append(Target(policy=policy, key=key, **{name: getattr(target, name) for name in FIELDS}))
        derived = [t for t in stored if not (t.curated or t.rejected)]
        changed = [_row(t) for t in derived] != [_row(t) for t in found]
        if changed:
            Target.objects.filter(pk__in=[t.pk for t in derived]).delete()
            kept = [t for t in stored if t.curated or t.rejected]
            Target.objects.bulk_create(found)
            stored = kept + found
        _link_sections(policy, stored)
    return changed


def _row(target: Target) -> tuple:
    return tuple(getattr(target, name) for name in FIELDS)


def _link_sections(policy: Policy, targets: list[Target]) -> None:
    starts, ids = section_starts(policy)
    moved = []
    for target in targets:
        at = bisect.bisect_right(starts, target.position) - 1
        section_id = ids[at] if at >= 0 else None
        if target.section_id != section_id:
            target.section_id = section_id
            moved.append(target)
    Target.objects.bulk_update(moved, ["section"])


def section_starts(policy: Policy) -> tuple[list[int], list[int]]:
    """Where each of policy's sections starts in its simplified text (sorted offsets) and its id.

    Each section is looked for after the one before, by its heading, else the start of its body;
    one not found is left out (its targets fall to the section before)."""
    text = policy.simplified_text
    starts, ids, at = [], [], 0
    for section_id, number, heading, body in policy.sections.order_by("position").values_list(
            "id", "number", "heading", "body"):
        needle = to_simplified((number + heading[:16]) if heading else (number + body[:16])).strip()
        found = text.find(needle, at) if needle else -1
        if found < 0 and heading:
            found = text.find(to_simplified(heading[:8]), at)
        if found >= 0:
            starts.append(found)
            ids.append(section_id)
            at = found + 1
    return starts, ids


# --- The targets table: /targets/, its exports and /api/targets/ -----------------------------------

MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 50
MESSAGES = {
    "indicator": "指标名称过长",
    "province": "未知的省份代码",
    "city": "未知的城市代码",
    "year": "年份应为 1900 至 2100 之间的整数",
    "kind": "类别应为 target（目标）或 outcome（实际）",
    "q": "检索词过长",
    "page": "页码应为正整数",
    "page_size": f"每页条数应为 1 至 {MAX_PAGE_SIZE} 之间的整数",
}


class TargetParamsError(ValueError):
    """Malformed parameters; errors maps each field to a message in Chinese."""

    def __init__(self, errors: dict[str, str]):
        self.errors = errors
        super().__init__("；".join(f"{name}：{message}" for name, message in errors.items()))


class TargetForm(forms.Form):
    page = forms.IntegerField(min_value=1, max_value=100_000, required=False)
    page_size = forms.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE, required=False)


class TargetFilter(django_filters.FilterSet):
    """The filters of a targets table, as codes in a shareable URL; the same for the page, exports and API."""

    indicator = django_filters.CharFilter(max_length=200)
    province = django_filters.ModelChoiceFilter(
        queryset=Region.objects.filter(level=Region.Level.PROVINCE), to_field_name="code", field_name="policy__province")
    city = django_filters.ModelChoiceFilter(
        queryset=Region.objects.filter(level=Region.Level.PREFECTURE), to_field_name="code", field_name="policy__city")
    year = IntegerFilter(min_value=1900, max_value=2100)
    kind = django_filters.ChoiceFilter(choices=Target.Kind.choices)
    q = django_filters.CharFilter(max_length=100, method="filter_q")

    class Meta:
        model = Target
        fields = []
        form = TargetForm

    def filter_queryset(self, queryset):
        # The form also holds the paging, which the API applies itself.
        for name, filter_ in self.filters.items():
            queryset = filter_.filter(queryset, self.form.cleaned_data.get(name))
        return queryset

    def filter_q(self, queryset, name, value):
        """Words of the indicator or the sentence, in either script."""
        text = to_simplified(value.strip())
        return queryset.filter(Q(indicator__icontains=text) | Q(indicator_text__icontains=text)
                               | Q(sentence__icontains=text)) if text else queryset


@dataclass
class TargetQuery:
    targets: QuerySet  # every matching target, in table order
    params: dict  # the cleaned parameters (region objects, numbers)
    page: int
    page_size: int


def published_targets() -> QuerySet:
    return (Target.objects.filter(rejected=False, policy__status=Policy.Status.PUBLISHED)
            .select_related("policy", "policy__region", "policy__province")
            .only(*TABLE_COLUMNS))


TABLE_COLUMNS = (
    "policy_id", "indicator", "indicator_text", "kind", "measure", "year", "value_low", "value_high", "unit",
    "modifier", "sentence", "position",
    "policy__title", "policy__date_year", "policy__date_month", "policy__date_day", "policy__date_precision",
    "policy__region__code", "policy__region__name", "policy__region__level", "policy__region__parent_id",
    "policy__province__code", "policy__province__name",
)


def query_targets(data) -> TargetQuery:
    """Validate the parameters (a QueryDict or dict) and select the targets; raises TargetParamsError."""
    data = {key: str(data.get(key) or "") for key in data}
    filterset = TargetFilter(data, queryset=published_targets())
    # A NUL byte would reach PostgreSQL, which refuses it in any string: a bad parameter like any other.
    errors = {name for name, value in data.items() if "\x00" in value and name in filterset.filters}
    if errors or not filterset.is_valid():
        errors |= set(filterset.errors)
        raise TargetParamsError({name: f"{MESSAGES.get(name, '参数无效')}（{_shown(data.get(name, ''))}）"
                                 for name in errors})
    cleaned = filterset.form.cleaned_data
    targets = filterset.qs.order_by("indicator", "policy__province_id", "policy__region_id", "year", "kind",
                                    "policy_id", "position", "id")
    return TargetQuery(targets, cleaned, cleaned.get("page") or 1, cleaned.get("page_size") or DEFAULT_PAGE_SIZE)


def _shown(value: str) -> str:
    value = value.replace("\x00", "\\0")
    return value if len(value) <= 40 else value[:40] + "…"


def indicator_counts(data, limit: int | None = None) -> list[dict]:
    """The indicators with how many targets the other filters leave each, commonest first (the first
    limit of them): the chooser of the page and the API's list."""
    others = {key: value for key, value in data.items() if key not in ("indicator", "page", "page_size")}
    query = query_targets(others)
    rows = query.targets.order_by().values("indicator").annotate(count=Count("id")).order_by("-count", "indicator")
    return [{"name": row["indicator"], "count": row["count"]} for row in (rows[:limit] if limit else rows)]


def target_to_dict(target: Target, *, request=None) -> dict:
    """The one serialisation of a target: the API's results, the JSON and CSV exports."""
    policy = target.policy
    return {
        "id": target.pk,
        "policy": policy_brief(policy, request=request),
        "region": region_dict(policy.region),
        "province": region_dict(policy.province),
        "indicator": target.indicator,
        "indicator_text": target.indicator_text,
        "kind": target.kind,
        "measure": target.measure,
        "year": target.year,
        "value_low": target.value_low,
        "value_high": target.value_high,
        "unit": target.unit,
        "modifier": target.modifier,
        "sentence": target.sentence,
        "anchor": target.anchor,
    }


@dataclass
class Cell:
    targets: list = field(default_factory=list)
    outcomes: list = field(default_factory=list)


@dataclass
class Row:
    region: Region | None  # None: the national documents
    label: str
    cells: dict  # year -> Cell
    line: list = field(default_factory=list)  # the cells (or None) in the grid's year order, for templates


def target_grid(targets) -> tuple[list[int], list[Row]]:
    """Regions × years of the targets (one indicator's, usually): each cell the targets set for that
    year and the outcomes reported for it, so a 2025 target stands beside the 2026 report's 2025 outcome.
    Rows are in region code order, the national documents first; undated targets are not in the grid."""
    rows: dict[str, Row] = {}
    years = set()
    for target in targets:
        if target.year is None:
            continue
        region = target.policy.region
        code = region.code if region else ""
        if code not in rows:
            label = "全国" if region is None or region.code == NATIONAL_CODE else region.name
            rows[code] = Row(region, label, {})
        cell = rows[code].cells.setdefault(target.year, Cell())
        entries = cell.outcomes if target.kind == Target.Kind.OUTCOME else cell.targets
        if all(entry.value_display != target.value_display for entry in entries):  # a restated figure once
            entries.append(target)
        years.add(target.year)
    ordered = sorted(rows.values(), key=lambda row: (row.region is not None and row.region.code != NATIONAL_CODE,
                                                     row.region.code if row.region else ""))
    years = sorted(years)
    for row in ordered:
        row.line = [row.cells.get(year) for year in years]
    return years, ordered


NATIONAL_CODE = "000000"


@dataclass
class TargetTable:
    indicator: str  # the one shown ("" when there are no targets at all)
    indicators: list[dict]  # the chooser: the commonest names and their counts under the other filters
    targets: QuerySet  # the table's targets, undated ones included (the exports)
    years: list[int]
    rows: list[Row]
    cities_only_with_province: bool  # no province chosen: rows are the provinces' and the national documents


def target_table(data) -> TargetTable:
    """The /targets/ table: one indicator (the one asked for, else GDP growth, else the commonest) of
    regions × years. Without a province, the provinces' and the national documents (cities' targets are
    a province's rows: choose it); raises TargetParamsError."""
    query = query_targets(data)
    indicators = indicator_counts(data, limit=CHOOSER_SIZE)
    names = [entry["name"] for entry in indicators]
    indicator = query.params.get("indicator") or (DEFAULT_INDICATOR if DEFAULT_INDICATOR in names else
                                                  names[0] if names else "")
    targets = query.targets.filter(indicator=indicator)
    regional = bool(query.params.get("province") or query.params.get("city"))
    if not regional:
        targets = targets.filter(policy__region__level__in=[Region.Level.NATIONAL, Region.Level.PROVINCE])
    years, rows = target_grid(targets)
    if indicator and indicator not in names:  # a rare one asked for by name: in the chooser too
        indicators.append({"name": indicator, "count": query.targets.filter(indicator=indicator).count()})
    return TargetTable(indicator, indicators, targets, years, rows, not regional)


CHOOSER_SIZE = 100  # most out-of-vocabulary phrases occur once: the chooser lists the commonest


DEFAULT_INDICATOR = "地区生产总值增长"
