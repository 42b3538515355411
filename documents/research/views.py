"""The research pages: /diffusion/ (a query across regions and years), its exports, and /compare/."""

import json
from urllib.parse import urlencode

from django.shortcuts import render
from django.views.decorators.http import require_safe

from documents.exports import csv_text
from documents.ingest.result import POLICY_TYPES
from documents.models import Region
from documents.research import compare as compare_service
from documents.research import diffusion as service
from documents.research.charts import heat_map, line_chart, percent
from documents.search.service import SearchParamsError
from documents.views import attachment

EXAMPLES = ("数据要素", "低空经济", "具身智能", "新质生产力", "人工智能")


@require_safe
def diffusion_page(request):
    context = {"types": POLICY_TYPES, "examples": EXAMPLES,
               "provinces": Region.objects.filter(level=Region.Level.PROVINCE).order_by("code")}
    try:
        params = service.parse_diffusion_params(request.GET)
    except SearchParamsError as exc:
        return render(request, "diffusion/page.html", {**context, "errors": exc.errors,
                                                       "chosen": _chosen(request)}, status=400)
    context.update(params=params, chosen=_chosen(request), slots=_slots(params))
    if not any(params.queries):
        return render(request, "diffusion/page.html", context)
    result, (years, terms) = service.cached_diffusion(params)
    unit = "城市" if result.province else "省份"
    context.update(
        result=result, terms=terms, term_years=years, unit=unit,
        pattern_label=service.PATTERNS.get(result.pattern, ""),
        heat=heat_map(result, title=f"「{result.q}」各{unit}每年的匹配文件数"),
        curve=line_chart(result.years, [(f"已使用的{unit}数", {e["year"]: e["regions"] for e in result.adoption})],
                         title=f"使用「{result.q}」的{unit}数（累计）", chart_id="adoption"),
        counts_chart=line_chart(years, [(t.q, t.counts) for t in terms], title="每年的匹配文件数", chart_id="counts"),
        shares_chart=line_chart(years, [(t.q, {y: t.share(y) or 0 for y in years}) for t in terms],
                                title="占当年全部文件的比例", as_share=True, chart_id="shares"),
        term_rows=[(year, terms[0].totals.get(year, 0), [(t.counts.get(year, 0), percent(t.share(year))) for t in terms])
                   for year in years],
        query=urlencode(params.query_items()),
        reorder=[(q, urlencode(params.query_items((q, *[other for other in params.queries if other != q]))))
                 for q in params.queries[1:]],
    )
    return render(request, "diffusion/page.html", context)


def _chosen(request) -> dict:
    return {key: request.GET.get(key, "") for key in ("type", "province", "year_from", "year_to")}


def _slots(params) -> list[str]:
    """The four query boxes of the form, filled with the queries in order."""
    queries = [q for q in params.queries if q]
    return queries + [""] * (service.MAX_TERMS - len(queries))


@require_safe
def diffusion_export(request, fmt):
    """Every query's grid as CSV (one line per region and year) or the API's body as JSON."""
    try:
        params = service.parse_diffusion_params(request.GET)
    except SearchParamsError as exc:
        return render(request, "policies/export_error.html", {"errors": exc.errors}, status=400)
    result, (_, terms) = service.cached_diffusion(params)
    if fmt == "json":
        body = json.dumps(service.diffusion_to_dict(result, terms, request=request), ensure_ascii=False, indent=2)
        content_type = "application/json; charset=utf-8"
    else:
        grids = [result] + [service.diffusion(params, q) for q in params.queries[1:]]
        body = csv_text(service.CSV_COLUMNS, service.csv_rows(grids, request=request))
        content_type = "text/csv; charset=utf-8"
    return attachment(body, content_type, "diffusion", fmt)


@require_safe
def compare_page(request):
    """/compare/?regions=440000,330000: two to four regions side by side."""
    try:
        regions = compare_service.parse_regions(request.GET)
    except compare_service.CompareParamsError as exc:
        return render(request, "compare/page.html", {"errors": exc.errors, "raw": request.GET.get("regions", ""),
                                                     "provinces": _province_choices()}, status=400)
    if not regions:
        return render(request, "compare/page.html", {"provinces": _province_choices(), "raw": ""})
    comparison = compare_service.cached_comparison(regions)
    return render(request, "compare/page.html", {
        "comparison": comparison, "provinces": _province_choices(), "raw": ",".join(r.code for r in regions),
        "chart": line_chart(comparison.years, [(r.name, c) for r, c in zip(regions, comparison.per_year)],
                            title="每年的文件数", chart_id="compare-years"),
    })


def _province_choices():
    return Region.objects.filter(level=Region.Level.PROVINCE).order_by("code")
