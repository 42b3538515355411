"""The JSON API: thin views over the search service and the one serialisation."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from documents.models import Policy
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
