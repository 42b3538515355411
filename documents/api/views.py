"""The API's operations: thin views over the search service, the targets and the one serialisation.

Every operation returns the serialisers' JSON as it is (schemas.py only describes it); paged lists
add `next` and `previous`; every error, whatever raises it, has the shape of schemas.Error.
"""

import math

from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, render
from ninja import NinjaAPI
from ninja.errors import ValidationError

from documents import citations, links, reuse, targets
from documents.api import reference, schemas
from documents.api.parameters import query_parameters
from documents.models import Policy
from documents.research import compare, diffusion
from documents.search.facet_registry import FACETS
from documents.search.filters import MAX_PAGE_SIZE, PolicySearchFilter
from documents.search.service import (
    SearchParamsError, explain, parse_search_params, search_page_to_dict, search_policies,
)
from documents.serializers import policy_to_dict

# Plain paragraphs (the reference page shows them as they are, the schema carries them as its description).
DESCRIPTION = """\
The archive's data as JSON: every published policy with its metadata, text and task sections, full-text \
search in simplified or traditional script (the same answers) with facet counts, and the quantitative \
targets read off the texts. Read-only, no key; staff who are logged in also see drafts and withdrawn policies.

Paging: lists take page and page_size (at most 100) and answer count, next and previous, absolute URLs \
that are null at the ends: follow next until it is null.

Errors have one shape everywhere: {"error": "…", "fields": {"parameter": "message"}}, with 400 for a bad \
parameter, 404 for an unknown id or path, 429 when a client asks too often and 503 (with Retry-After) while \
the database is unreachable.

The whole archive at once is a download, not a crawl: see /data/.
"""

api = NinjaAPI(
    title="policyarchive API", version="1", description=DESCRIPTION,
    openapi_url="/schema/", docs_url=None, urls_namespace="api",
)

SEARCH_PARAMETERS = {
    "q": ("Full-text query in simplified or traditional script (the same answers): words, \"a phrase\", "
          "OR, -exclusion; see /api/ and docs/search.md", "数据要素"),
    **{facet.name: (facet.description, facet.example) for facet in FACETS},
    "sort": ("relevance (default), newest or oldest", None),
    "page": ("Page number, from 1", None),
    "page_size": (f"Results per page, default 20; more than {MAX_PAGE_SIZE} is read as {MAX_PAGE_SIZE}", None),
}
DEBUG_PARAMETER = {
    "name": "debug", "in": "query", "required": False, "schema": {"type": "string", "enum": ["1"]},
    "description": "Staff only: answer as the public is answered (published policies) and add `debug` to the "
                   "body — how the search was answered (`matches`: index or sql, `reason`, `steps`) and every "
                   "statement it ran with its time in ms (`statements`)",
}
TARGET_PARAMETERS = {
    "indicator": ("Indicator (指标), as listed in `indicators`", "地区生产总值增长"),
    "province": ("Province code of the document", None),
    "city": ("Prefecture city code of the document", None),
    "year": ("The year a target is for", 2025),
    "kind": ("target (set for the year) or outcome (achieved)", None),
    "q": ("Words of the indicator or the sentence, in either script", None),
    "page": ("Page number, from 1", None),
    "page_size": (f"Results per page, default 20, at most {MAX_PAGE_SIZE}", None),
}


def json_response(data: dict, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})


def error_response(message: str, status: int, fields: dict | None = None) -> JsonResponse:
    return json_response({"error": message, "fields": fields or {}}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error_response("没有找到：编号不存在或未发布。", 404)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    fields = {".".join(str(part) for part in error["loc"][1:]): error["msg"] for error in exc.errors}
    return error_response("参数无效。", 400, fields)


@api.exception_handler(Exception)
def unexpected(request, exc):
    # Let Django's middleware answer it (the database-outage 503, the 500 page), in DEBUG too.
    raise exc


def page_links(request, page: int, num_pages: int) -> dict:
    """Absolute URLs of the neighbouring pages, the other parameters kept; null past either end."""
    def link(number):
        query = request.GET.copy()
        query["page"] = number
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")
    return {"next": link(page + 1) if page < num_pages else None,
            "previous": link(min(page - 1, num_pages)) if page > 1 and num_pages else None}


def visible_policies(request):
    """Published policies for everyone; staff also see drafts and withdrawn ones."""
    policies = Policy.objects.select_related("region", "province").prefetch_related("issuers")
    return policies if request.user.is_staff else policies.published()


@api.get("/policies/", response={200: schemas.PolicyPage, 400: schemas.Error}, operation_id="searchPolicies", url_name="policy_list",
         summary="Search and browse policies", openapi_extra={
             "parameters": [*query_parameters(PolicySearchFilter, SEARCH_PARAMETERS), DEBUG_PARAMETER],
             "x-codeSamples": reference.code_samples("/api/policies/", {"q": "数据要素", "province": "440000"}, paged=True)})
def policy_list(request):
    """Policies matching a query and filters, ranked, with facet counts (omit q to browse)."""
    try:
        params = parse_search_params(request.GET)
    except SearchParamsError as exc:
        return error_response(str(exc), 400, exc.errors)
    if request.GET.get("debug") == "1" and request.user.is_staff:  # the page as the public gets it, explained
        page, statements = explain(params, include_unpublished=False)
        debug = {"debug": {**page.plan.to_dict(), "statements": statements}}
    else:
        page, debug = search_policies(params, include_unpublished=request.user.is_staff), {}
    return json_response({**search_page_to_dict(page, request=request),
                          **page_links(request, params.page, page.num_pages), **debug})


@api.get("/policies/{int:pk}/", response={200: schemas.PolicyDetail, 404: schemas.Error},
         operation_id="getPolicy", url_name="policy_detail", summary="One policy with its text, sections, citations and versions",
         openapi_extra={"x-codeSamples": reference.code_samples("/api/policies/1/", {})})
def policy_detail(request, pk: int):
    """The policy's metadata, full text and task sections; what it cites and what cites it; the other
    versions of the same work."""
    policy = get_object_or_404(visible_policies(request), pk=pk)
    data = policy_to_dict(policy, full=True, request=request)
    if not request.user.is_staff:
        data.pop("quality_warnings")
    visible = visible_policies(request)
    data["links"] = {**citations.links_dicts(policy, visible=visible, request=request),
                     "versions": links.version_dicts(links.versions_of(policy, visible=visible), request=request),
                     "reuse": reuse.reuse_dicts(policy, visible=visible, request=request)}
    return json_response(data)


@api.get("/targets/", response={200: schemas.TargetPage, 400: schemas.Error}, operation_id="listTargets", url_name="target_list",
         summary="Quantitative targets and outcomes", openapi_extra={
             "parameters": query_parameters(targets.TargetFilter, TARGET_PARAMETERS),
             "x-codeSamples": reference.code_samples("/api/targets/", {"indicator": "地区生产总值增长", "year": 2025},
                                           paged=True)})
def target_list(request):
    """Targets and outcomes read off the published texts, by indicator, region and year (see /targets/)."""
    try:
        query = targets.query_targets(request.GET)
        indicators = targets.indicator_counts(request.GET)
    except targets.TargetParamsError as exc:
        return error_response(str(exc), 400, exc.errors)
    count = query.targets.count()
    start = (query.page - 1) * query.page_size
    return json_response({
        "count": count,
        **page_links(request, query.page, math.ceil(count / query.page_size)),
        "results": [targets.target_to_dict(target, request=request)
                    for target in query.targets[start:start + query.page_size]],
        "indicators": indicators,
    })


DIFFUSION_PARAMETERS = {
    "q": ("Full-text query, the search's syntax; repeat it for up to four (their yearly counts in `terms`, the grid "
          "for the first)", "数据要素"),
    "type": ("Policy type (类型)", None),
    "province": ("Province code: rows are then its cities", None),
    "year_from": ("First year of the grid", None),
    "year_to": ("Last year of the grid", None),
}
COMPARE_PARAMETERS = {"regions": ("Two to four province or prefecture city codes, comma-separated", "440000,330000")}


@api.get("/diffusion/", response={200: schemas.Diffusion, 400: schemas.Error}, operation_id="getDiffusion",
         url_name="diffusion", summary="A query across regions and years", openapi_extra={
             "parameters": query_parameters(diffusion.DiffusionFields, DIFFUSION_PARAMETERS),
             "x-codeSamples": reference.code_samples("/api/diffusion/", {"q": "数据要素"}, shows=(
                 "[(row['label'], row['first_year']) for row in body['rows']]",
                 "body$rows[, c(\"label\", \"first_year\")]"))})
def diffusion_view(request):
    """Per province (or a province's cities) and year: matching documents and all documents, the first one,
    the adoption curve and whether the centre led (see /diffusion/)."""
    try:
        params = diffusion.parse_diffusion_params(request.GET)
    except SearchParamsError as exc:
        return error_response(str(exc), 400, exc.errors)
    result, (_, terms) = diffusion.cached_diffusion(params)
    return json_response(diffusion.diffusion_to_dict(result, terms, request=request))


@api.get("/compare/", response={200: schemas.Comparison, 400: schemas.Error}, operation_id="compareRegions",
         url_name="compare", summary="Two to four regions side by side", openapi_extra={
             "parameters": query_parameters(compare.CompareFields, COMPARE_PARAMETERS),
             "x-codeSamples": reference.code_samples("/api/compare/", {"regions": "440000,330000"}, shows=(
                 "[(r['name'], r['documents']) for r in body['regions']]", "body$regions[, c(\"name\", \"documents\")]"))})
def compare_view(request):
    """Documents per year and type, distinctive terms and shared targets of two to four regions (see /compare/)."""
    try:
        regions = compare.parse_regions(request.GET, required=True)
    except compare.CompareParamsError as exc:
        return error_response(str(exc), 400, exc.errors)
    return json_response(compare.comparison_to_dict(compare.cached_comparison(regions), request=request))


def reference_page(request):
    """/api/: the reference, read off the same OpenAPI description as /api/schema/ serves."""
    schema = api.get_openapi_schema()
    return render(request, "api/reference.html", {
        "info": schema["info"], "paragraphs": schema["info"]["description"].split("\n\n"),
        "operations": reference.operations(schema),
    })
