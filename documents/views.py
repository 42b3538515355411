"""Public pages: thin views that read the request, call a service and render."""

from django.db.models import Count, Max, Min, Q
from django.shortcuts import get_object_or_404, render

from documents.models import Issuer, Policy, Region


def home(request):
    published = Policy.objects.published()
    provinces = (
        Region.objects.filter(level=Region.Level.PROVINCE)
        .annotate(policy_count=Count("province_policies", filter=Q(province_policies__status=Policy.Status.PUBLISHED)))
        .order_by("code")
    )
    span = published.aggregate(first=Min("date_year"), last=Max("date_year"))
    return render(
        request,
        "home.html",
        {
            "provinces": provinces,
            "newest": published.select_related("region").order_by("-created")[:8],
            "totals": {
                "policies": published.count(),
                "provinces": published.exclude(province=None).values("province").distinct().count(),
                "issuers": Issuer.objects.filter(policies__status=Policy.Status.PUBLISHED).distinct().count(),
                **span,
            },
        },
    )


def policy_list(request):
    policies = Policy.objects.published().select_related("region")[:50]
    return render(request, "policies/list.html", {"policies": policies})


def policy_detail(request, pk):
    policies = Policy.objects.all() if request.user.is_staff else Policy.objects.published()
    policy = get_object_or_404(policies.select_related("region", "province"), pk=pk)
    return render(request, "policies/detail.html", {"policy": policy, "sections": policy.sections.all()})


def region_detail(request, code):
    region = get_object_or_404(Region, code=code)
    policies = Policy.objects.published().filter(province=region) | Policy.objects.published().filter(region=region)
    return render(request, "regions/detail.html", {"region": region, "policies": policies.distinct()[:50]})
