"""Public pages: thin views that read the request, call a service and render."""

import datetime
from collections import Counter
from dataclasses import replace

from django.conf import settings
from django.db.models import Count, F, Max, Min, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_safe

from documents import citations, exports, links, reuse, targets
from documents.api.views import visible_policies
from documents.charts import targets_chart, years_bar_chart
from documents.citation import cite_as
from documents.ingest.versions import summary as compare_summary
from documents.datafiles import latest_manifest
from documents.models import Issuer, Policy, Region, Target
from documents.reading import SCRIPTS, convert, has_own_heading, text_blocks, toc_entries
from documents.related import related_policies
from documents.search.cache import cached, generation
from documents.search.facet_registry import FACETS, NAMES, dependents
from documents.search.service import (
    SORTS,
    SearchParamsError,
    matching_policies,
    parse_search_params,
    search_policies,
)
from documents.serializers import policy_to_dict

SORT_LABELS = dict(zip(SORTS, ("相关度", "最新", "最早")))
TILE_SHADES = 5


@require_safe
def home(request):
    # Eight statements over every published policy: cached until any policy changes.
    return render(request, "home.html", cached("home", (), archive_overview))


def archive_overview() -> dict:
    """The home page's figures: province tiles with counts, totals and the newest policies."""
    published = Policy.objects.published()
    provinces = list(
        Region.objects.filter(level=Region.Level.PROVINCE)
        .annotate(policy_count=Count("province_policies", filter=Q(province_policies__status=Policy.Status.PUBLISHED)))
        .order_by("code")
    )
    peak = max((p.policy_count for p in provinces), default=0) or 1
    for province in provinces:
        # 0 = none, 1..4 = quartiles of the busiest province: the tile map's shading.
        province.shade = 0 if not province.policy_count else 1 + (TILE_SHADES - 2) * province.policy_count // peak
    span = published.aggregate(first=Min("date_year"), last=Max("date_year"))
    newest = list(
        published.select_related("region").defer("raw_text", "clean_text", "simplified_text")
        .order_by(F("date").desc(nulls_last=True), "-id")[:8]
    )
    totals = {
        "policies": published.count(),
        "provinces": sum(1 for p in provinces if p.policy_count),
        "issuers": Issuer.objects.filter(policies__status=Policy.Status.PUBLISHED).distinct().count(),
        **span,
    }
    return {"provinces": provinces, "newest": newest, "totals": totals}


@require_safe
def policy_list(request):
    return render_search(request, "policies/list.html", request.GET, {})


@require_safe
def region_detail(request, code):
    # Province and prefecture-city pages; the national root (中央) has none: it is not a place to browse.
    region = get_object_or_404(
        Region.objects.select_related("parent"), code=code, level__in=[Region.Level.PROVINCE, Region.Level.PREFECTURE]
    )
    policies = region_policies(region)
    per_year = policies.exclude(date_year=None).values_list("date_year").annotate(n=Count("id")).order_by("date_year")
    context = {
        "region": region,
        "chart": years_bar_chart(list(per_year), title=f"{region.name}每年发布的政策数量"),
        "undated": policies.filter(date_year=None).count(),
        "issuers": Issuer.objects.filter(policies__in=policies).annotate(n=Count("policies")).order_by("-n", "name")[:30],
        "region_most_cited": citations.most_cited(policies),
        "cities": region.children.filter(level=Region.Level.PREFECTURE).annotate(
            n=Count("policies", filter=Q(policies__status=Policy.Status.PUBLISHED))
        ).order_by("-n", "code") if region.level == Region.Level.PROVINCE else [],
    }
    data = request.GET.copy()
    if region.level == Region.Level.PROVINCE:
        data["province"], fixed = region.code, ("province",)
    else:
        data["province"], data["city"], fixed = region.province.code, region.code, ("province", "city")
    return render_search(request, "regions/detail.html", data, context, fixed=fixed)


def region_policies(region):
    published = Policy.objects.published()
    if region.level == Region.Level.PROVINCE:
        return published.filter(province=region)
    return published.filter(region=region)


def render_search(request, template, data, context, fixed=()):
    """Run the search for data (a QueryDict) and render template; malformed parameters give a 400 page."""
    try:
        params = parse_search_params(data)
    except SearchParamsError as exc:
        context.update(errors=exc.errors, error_fields=[FIELD_LABELS.get(k, k) for k in exc.errors])
        return render(request, template, context, status=400)
    page = search_policies(params)
    context.update(
        params=params,
        page=page,
        facets=facet_groups(page.facets, fixed, params),
        facet_list=FACET_LIST,
        chips=[chip for chip in active_filters(params) if chip["key"] not in fixed],
        sorts=[(key, SORT_LABELS[key]) for key in SORTS],
        page_numbers=page_window(params.page, page.num_pages),
        first_number=(params.page - 1) * params.page_size + 1,
        export_formats=EXPORT_LABELS,
        hidden_filters=[
            (key, getattr(params, key)) for key in (*NAMES, "sort")
            if key not in fixed and getattr(params, key) not in (None, "", "relevance")
        ],
        export_query=export_query(data),
        feed_query=export_query(data, drop=("page", "page_size", "sort")),
    )
    if not page.count:
        context["suggestions"] = drop_suggestions(params, fixed)
    elif params.q:  # the query's own list (a region page shows the region's in its overview)
        context["most_cited"] = cached("most_cited", (params.q, params.active_filters()),
                                       lambda: citations.most_cited(matching_policies(params), limit=8))
    return render(request, template, context)


FIELD_LABELS = {
    "q": "检索词", **{facet.name: facet.label for facet in FACETS},
    "sort": "排序", "page": "页码", "page_size": "每页条数",
}


FACET_LIST = "、".join(facet.label for facet in FACETS[:-1]) + "和" + FACETS[-1].label  # 省份、城市、…和类型


def facet_groups(facets, fixed, params):
    """The sidebar: (key, label, entries) for each facet with entries, cities only under a chosen province."""
    groups = []
    for facet in FACETS:
        entries = facets.get(facet.name) or []
        if facet.name in fixed or (facet.within and not getattr(params, facet.within)):
            continue
        if entries:
            groups.append((facet.name, facet.label, entries))
    return groups


def active_filters(params):
    """The chips of the active filters: key, label and value text."""
    chips = []
    if params.q:
        chips.append({"key": "q", "label": "检索词", "text": params.q})
    active = params.active_filters()
    regional = [active[facet.name] for facet in FACETS if facet.kind == "region" and active.get(facet.name)]
    names = {"region": {code: region.name for code, region in Region.objects.in_bulk(regional).items()}}
    if active.get("issuer") is not None:
        names["issuer"] = dict(Issuer.objects.filter(pk=active["issuer"]).values_list("pk", "name"))
    for facet in FACETS:
        value = active.get(facet.name)
        if value is None or value == "":  # SearchParams(type="") is no filter
            continue
        text = facet.shown(value, names)
        chips.append({"key": facet.name, "label": facet.label, "text": str(value) if text is None else text})
    return chips


def drop_suggestions(params, fixed):
    """For an empty result: each active filter with how many policies dropping it would find."""
    suggestions = []
    for chip in active_filters(params):
        if chip["key"] in fixed:
            continue
        drop = {chip["key"]: "" if chip["key"] == "q" else None, "page": 1, "page_size": 1}
        drop.update(dict.fromkeys(dependents(chip["key"])))
        chip["count"] = search_policies(replace(params, **drop)).count
        suggestions.append(chip)
    return suggestions


def page_window(current, last, size=2):
    """Page numbers around the current one, with None for a gap: [1, None, 4, 5, 6, None, 20]."""
    shown = sorted({1, last, *range(max(1, current - size), min(last, current + size) + 1)})
    window = []
    for n in shown:
        if window and n - window[-1] > 1:
            window.append(None)
        window.append(n)
    return window


def export_query(data, drop=("page", "page_size")):
    query = data.copy()
    for key in drop:
        query.pop(key, None)
    return query.urlencode()


@require_safe
def policy_detail(request, pk):
    policy = get_object_or_404(visible_policies(request), pk=pk)
    script = request.GET.get("script") if request.GET.get("script") in SCRIPTS else policy.script
    sections = list(policy.sections.order_by("position"))
    shown = [
        {
            "number": convert(s.number, policy.script, script),
            "heading": convert(s.heading, policy.script, script),
            "body": convert(s.body[:120], policy.script, script),  # its start is all text_blocks reads
            # Decided on the stored script: converted apart, a cut heading and its body can differ (制… / 製造).
            "own_heading": has_own_heading({"heading": s.heading, "body": s.body}),
            "anchor": s.anchor,
            "level": s.level,
        }
        for s in sections
    ]
    for s in shown:
        label = s["number"] + s["heading"]
        s["toc_label"] = label if len(label) <= 42 else label[:41] + "…"
    toc, toc_grouped = toc_entries(shown)
    data = policy_to_dict(policy, request=request)
    terms, related = related_policies(policy)
    policy_targets = list(policy.targets.filter(rejected=False).order_by("position", "id"))
    visible = visible_policies(request)
    versions = links.versions_of(policy, visible=visible)
    return render(
        request,
        "policies/detail.html",
        {
            "policy": policy,
            "script": script,
            "other_script": "hant" if script == "hans" else "hans",
            "title": convert(policy.title, policy.script, script),
            "sections": shown,
            "toc": toc,
            "toc_grouped": toc_grouped,
            "blocks": text_blocks(convert(policy.clean_text, policy.script, script), shown),
            "stable_url": data["url"],
            "cite_as": cite_as(data, accessed=timezone.localdate()),
            "related_terms": terms,
            "related": related,
            "targets": policy_targets,
            "versions": [(v, None if v.current else links.compare_url(versions, v)) for v in versions],
            "cites": citations.cites(policy, visible=visible),
            "cited_by": citations.cited_by(policy, visible=visible),
            "reuse": reuse.reuse_of(policy, visible=visible),
            "export_formats": EXPORT_LABELS,
        },
    )


EXPORT_LABELS = [("csv", "CSV"), ("json", "JSON"), ("bib", "BibTeX"), ("ris", "RIS")]


@require_safe
def policy_export(request, fmt):
    """The whole result set of the page's filters as a file, up to settings.EXPORT_MAX_ROWS policies."""
    try:
        params = parse_search_params(request.GET)
    except SearchParamsError as exc:
        return render(request, "policies/export_error.html", {"errors": exc.errors}, status=400)
    policies = matching_policies(params)
    count = policies.count()
    limit = settings.EXPORT_MAX_ROWS
    if count > limit:
        context = {"count": count, "limit": limit, "back": export_query(request.GET)}
        return render(request, "policies/export_error.html", context, status=400)
    rows = policies.select_related("region", "province").prefetch_related("issuers")
    return export_response([policy_to_dict(p, request=request) for p in rows], fmt, "policies")


@require_safe
def policy_export_one(request, pk, fmt):
    policy = get_object_or_404(visible_policies(request), pk=pk)
    return export_response([policy_to_dict(policy, request=request)], fmt, f"policy-{policy.pk}")


def export_response(dicts, fmt, name):
    accessed = timezone.localdate()
    for data in dicts:
        data["citation"] = cite_as(data, accessed=accessed)
    render_file, content_type = exports.FORMATS[fmt]
    return attachment(render_file(dicts), content_type, name, fmt)


def attachment(body, content_type: str, name: str, fmt: str) -> HttpResponse:
    """A download named for what it holds and the day: policies-20261203.csv."""
    response = HttpResponse(body, content_type=content_type)
    stamp = datetime.date.today().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="{name}-{stamp}.{fmt}"'
    return response


@require_safe
def target_table_page(request):
    """/targets/: one indicator's targets and outcomes, regions × years, with a chart of one year."""
    try:
        table = targets.target_table(request.GET)
    except targets.TargetParamsError as exc:
        return render(request, "targets/table.html", {"errors": exc.errors}, status=400)
    province = request.GET.get("province", "")
    context = {
        "table": table,
        "chosen": {key: request.GET.get(key, "") for key in ("province", "city", "year", "kind", "q")},
        "provinces": Region.objects.filter(level=Region.Level.PROVINCE).order_by("code"),
        "cities": Region.objects.filter(level=Region.Level.PREFECTURE, parent_id=province).order_by("code")
        if province else [],
        "kinds": Target.Kind.choices,
        "export_query": export_query(request.GET, drop=("page", "page_size")),
        **targets_chart_context(table, request.GET.get("year", "")),
    }
    return render(request, "targets/table.html", context)


def targets_chart_context(table, year: str) -> dict:
    """The chart of the chosen year (else the latest with a target): each row's first target and outcome
    in the table's commonest unit (a figure in another unit cannot share the axis)."""
    years = [y for y in table.years if any(row.cells.get(y) and row.cells[y].targets for row in table.rows)]
    shown = int(year) if year.isdigit() and int(year) in table.years else (years[-1] if years else None)
    if shown is None:
        return {"chart": "", "chart_year": None}
    entries = [t for row in table.rows for t in (row.cells.get(shown).targets + row.cells.get(shown).outcomes
                                                 if row.cells.get(shown) else [])]
    units = Counter(t.unit for t in entries)
    unit = units.most_common(1)[0][0] if units else ""
    points = []
    for row in table.rows:
        cell = row.cells.get(shown)
        if cell is None:
            continue
        target = next(((t.value_low, t.value_high) for t in cell.targets if t.unit == unit), None)
        outcome = next((t.value_low for t in cell.outcomes if t.unit == unit), None)
        if target or outcome is not None:
            points.append((row.label, target, outcome))
    title = f"{shown}年{table.indicator}：目标（条）与实际（点）"
    return {"chart": targets_chart(points, unit=unit, title=title), "chart_year": shown}


@require_safe
def target_export(request, fmt):
    """The table's targets (the page's filters and indicator, undated ones included) as CSV or JSON."""
    try:
        table = targets.target_table(request.GET)
    except targets.TargetParamsError as exc:
        return render(request, "policies/export_error.html", {"errors": exc.errors}, status=400)
    rows = [targets.target_to_dict(t, request=request) for t in table.targets]
    render_file, content_type = exports.TARGET_FORMATS[fmt]
    return attachment(render_file(rows), content_type, "targets", fmt)


@require_safe
def data_page(request):
    """/data/: the latest dataset dump (export_dataset) with its files, counts and checksums."""
    manifest = latest_manifest()
    context = {"manifest": manifest, "files_url": settings.DATASET_URL}
    if manifest:
        exported = manifest.get("data_version", {}).get("search_generation")
        context.update(
            files=[{**entry, "url": settings.DATASET_URL + entry["path"]} for entry in manifest["files"]],
            counts=sorted(manifest["counts"].items()),
            exported_at=datetime.datetime.fromisoformat(manifest["exported_at"].replace("Z", "+00:00")),
            changed_since=exported is not None and exported != generation(),
        )
    return render(request, "data/index.html", context)


@require_safe
def policy_compare(request, pk, other):
    """/policies/<a>/compare/<b>/: two versions side by side, article by article, changes marked; two
    different documents that share passages, both texts with the shared passages marked."""
    visible = visible_policies(request)
    left, right = get_object_or_404(visible, pk=pk), get_object_or_404(visible, pk=other)
    same_work = links.one_work(left, right)
    shared = None if same_work else reuse.pair(left, right)
    if shared is not None:  # two different documents: their shared passages (the earlier left), not an article diff
        source, derived = (left, right) if shared.source_id == left.pk else (right, left)
        source_runs, derived_runs = reuse.marked_texts(shared, source, derived)
        return render(request, "policies/compare_reuse.html", {
            "left": source, "right": derived, "pair": shared, "left_runs": source_runs, "right_runs": derived_runs,
        })
    rows = links.compare_policies(left, right)
    return render(request, "policies/compare.html", {
        "left": left, "right": right, "rows": rows, "counts": compare_summary(rows),
        "same_work": same_work,
    })
