"""The JSON API: thin views over the search service and the one serialisation."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from documents import targets
from documents.models import Policy
from documents.search.service import SearchParamsError, parse_search_params, search_page_to_dict, search_policies
from documents.serializers import policy_to_dict


def visible_policies(request):
    """Published policies for everyone; staff also see drafts and withdrawn ones."""
    policies = Policy.objects.select_related("region", "province").prefetch_related("issuers")
    return policies if request.user.is_staff else policies.published()


def policy_detail(request, pk):
    policy = get_object_or_404(visible_policies(request), pk=pk)
    data = policy_to_dict(policy, full=True, request=request)
    if not request.user.is_staff:
        data.pop("quality_warnings")
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


def error(message, status=400):
    return JsonResponse({"error": message}, status=status, json_dumps_params={"ensure_ascii": False})


def policy_list(request):
    """GET /api/policies/?q=&province=&city=&issuer=&year=&type=&sort=&page=&page_size= (see docs/search.md)."""
    try:
        params = parse_search_params(request.GET)
    except SearchParamsError as exc:
        return JsonResponse({"error": str(exc), "fields": exc.errors}, status=400,
                            json_dumps_params={"ensure_ascii": False})
    page = search_policies(params, include_unpublished=request.user.is_staff)
    return JsonResponse(search_page_to_dict(page, request=request), json_dumps_params={"ensure_ascii": False})


def target_list(request):
    """GET /api/targets/?indicator=&province=&city=&year=&kind=&q=&page=&page_size= (see docs/targets.md)."""
    try:
        query = targets.query_targets(request.GET)
        indicators = targets.indicator_counts(request.GET)
    except targets.TargetParamsError as exc:
        return JsonResponse({"error": str(exc), "fields": exc.errors}, status=400,
                            json_dumps_params={"ensure_ascii": False})
    start = (query.page - 1) * query.page_size
    page = query.targets[start:start + query.page_size]
    return JsonResponse({
        "count": query.targets.count(),
        "results": [targets.target_to_dict(target, request=request) for target in page],
        "indicators": indicators,
    }, json_dumps_params={"ensure_ascii": False})
