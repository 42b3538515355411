"""The search form: validation of every search parameter, and the one definition of each facet filter."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from documents.models import Issuer, Policy, Region
from documents.search.facet_registry import BY_NAME, FACETS, YEARS, Facet

SORTS = ("relevance", "newest", "oldest")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_PAGE = 10_000

MESSAGES = {
    **{facet.name: facet.message for facet in FACETS},
    "sort": "排序方式应为 relevance（相关度）、newest（最新）或 oldest（最早）",
    "page": f"页码应为 1 至 {MAX_PAGE} 之间的整数",
    "page_size": "每页条数应为正整数",
    "q": "无法识别的检索词",
}


def facet_q(name: str, value) -> Q:
    """The condition for one active facet value; the service and the facet counts both use it."""
    facet = BY_NAME.get(name)
    if facet is None:
        raise ValueError(f"unknown facet {name!r}")
    if facet.kind == "issuer":
        links = Policy.issuers.through.objects.filter(policy_id=OuterRef("pk"), issuer_id=value)
        return Q(Exists(links))
    return Q(**{facet.column: value})


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    sort = forms.ChoiceField(choices=[(s, s) for s in SORTS], required=False)
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    page_size = forms.IntegerField(min_value=1, required=False)


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


def facet_filter(facet: Facet) -> django_filters.Filter:
    """The form filter validating a facet's parameter: values arrive as codes and ids, as in a shareable URL."""
    if facet.kind == "region":
        return django_filters.ModelChoiceFilter(queryset=Region.objects.filter(level=facet.level),
                                                to_field_name="code", method="filter_facet", field_name=facet.name)
    if facet.kind == "issuer":
        return django_filters.ModelChoiceFilter(queryset=Issuer.objects.all(), method="filter_facet",
                                                field_name=facet.name)
    if facet.kind == "year":
        return IntegerFilter(method="filter_facet", min_value=YEARS[0], max_value=YEARS[1], field_name=facet.name)
    return django_filters.ChoiceFilter(choices=[(c, c) for c in facet.choices], method="filter_facet",
                                       field_name=facet.name)


class PolicySearchFilter(django_filters.FilterSet):
    """The facet filters of a search (one per registry facet, in its order), on the form of q, sort and paging."""

    class Meta:
        model = Policy
        fields = []
        form = SearchForm

    @classmethod
    def get_filters(cls):
        return {**super().get_filters(), **{facet.name: facet_filter(facet) for facet in FACETS}}

    def filter_queryset(self, queryset):
        # The form also holds q, sort and paging, which the service applies itself.
        for name, filter_ in self.filters.items():
            queryset = filter_.filter(queryset, self.form.cleaned_data.get(name))
        return queryset

    def filter_facet(self, queryset, name, value):
        return queryset.filter(facet_q(name, facet_value(name, value)))


def facet_value(name, value):
    """A cleaned form value as SearchParams holds it: a region code, an issuer id, a year, a type."""
    if value is None or value == "":
        return None
    kind = BY_NAME[name].kind
    if kind == "region":
        return value.code
    if kind == "issuer":
        return value.pk
    return value
