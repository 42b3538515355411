"""Atom feed of the newest published policies for any search or region (`/feeds/policies/?<filters>`)."""

from django.contrib.syndication.views import Feed
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.views.decorators.http import require_safe

from documents.search.service import SearchParamsError, matching_policies, parse_search_params

FEED_SIZE = 50


class PolicyFeed(Feed):
    feed_type = Atom1Feed
    title = "数字经济政策档案：新收录的政策"
    subtitle = "按检索条件订阅新收录的数字经济政策"
    author_name = "数字经济政策档案"

    def get_object(self, request, params):
        self.request = request
        return params

    def link(self, params):
        query = self.request.GET.urlencode()
        return reverse("policy_list") + (f"?{query}" if query else "")

    def feed_url(self, params):
        return self.request.get_full_path()

    def items(self, params):
        policies = matching_policies(params).select_related("region").prefetch_related("issuers")
        return policies.order_by("-created", "-id")[:FEED_SIZE]

    def item_title(self, policy):
        return policy.title

    def item_description(self, policy):
        issuers = "、".join(issuer.name for issuer in policy.issuers.all())
        parts = [policy.region.name if policy.region else "", issuers, policy.date_display, policy.policy_type]
        return " · ".join(part for part in parts if part)

    def item_updateddate(self, policy):
        return policy.updated

    def item_pubdate(self, policy):
        return policy.created

    def item_author_name(self, policy):
        return "、".join(issuer.name for issuer in policy.issuers.all()) or None

    def item_categories(self, policy):
        return [policy.policy_type]


@require_safe
def policy_feed(request):
    """Parse the filters once, so malformed ones get a 400 message rather than a server error."""
    try:
        params = parse_search_params(request.GET)
    except SearchParamsError as exc:
        return render(request, "policies/export_error.html", {"errors": exc.errors}, status=400)
    return PolicyFeed()(request, params=params)
