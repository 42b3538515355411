"""The search form: validation of every search parameter, and the one definition of each facet filter."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q

from documents.ingest.result import POLICY_TYPES
from documents.models import Issuer, Policy, Region

SORTS = ("relevance", "newest", "oldest")
MAX_PAGE_SIZE = 100
DEFAULT_PAGE_SIZE = 20
MAX_PAGE = 10_000
FACETS = ("province", "city", "issuer", "year", "type")

MESSAGES = {
    "province": "未知的省份代码",
    "city": "未知的城市代码",
    "issuer": "未知的发布机构",
    "year": "年份应为 1900 至 2100 之间的整数",
    "type": "未知的政策类型",
    "sort": "排序方式应为 relevance（相关度）、newest（最新）或 oldest（最早）",
    "page": f"页码应为 1 至 {MAX_PAGE} 之间的整数",
    "page_size": "每页条数应为正整数",
    "q": "无法识别的检索词",
}


def facet_q(name: str, value) -> Q:
    """The condition for one active facet value; the service and the facet counts both use it."""
    if name == "province":
        return Q(province_id=value)
    if name == "city":  # a prefecture city's own policies and those of its counties
        return Q(city_id=value)
    if name == "issuer":
        links = Policy.issuers.through.objects.filter(policy_id=OuterRef("pk"), issuer_id=value)
        return Q(Exists(links))
    if name == "year":
        return Q(date_year=value)
    if name == "type":
        return Q(policy_type=value)
    raise ValueError(f"unknown facet {name!r}")


class SearchForm(forms.Form):
    q = forms.CharField(required=False, strip=True)
    sort = forms.ChoiceField(choices=[(s, s) for s in SORTS], required=False)
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False)
    page_size = forms.IntegerField(min_value=1, required=False)


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class PolicySearchFilter(django_filters.FilterSet):
    """The facet filters of a search; values arrive as codes and ids, as in a shareable URL."""

    province = django_filters.ModelChoiceFilter(
        queryset=Region.objects.filter(level=Region.Level.PROVINCE), to_field_name="code", method="filter_facet"
    )
    city = django_filters.ModelChoiceFilter(
        queryset=Region.objects.filter(level=Region.Level.PREFECTURE), to_field_name="code", method="filter_facet"
    )
    issuer = django_filters.ModelChoiceFilter(queryset=Issuer.objects.all(), method="filter_facet")
    year = IntegerFilter(method="filter_facet", min_value=1900, max_value=2100)
    type = django_filters.ChoiceFilter(choices=[(t, t) for t in POLICY_TYPES], method="filter_facet")

    class Meta:
        model = Policy
        fields = []
        form = SearchForm

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
    if name in ("province", "city"):
        return value.code
    if name == "issuer":
        return value.pk
    return value
