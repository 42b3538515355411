"""Template helpers for the public pages: links that change one filter of the current page."""

from django import template

register = template.Library()

DEPENDENT = {"province": ("city",)}  # a city belongs to its province: changing one drops the other


def _query(params) -> str:
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def toggle_filter(context, key, value, selected=False):
    """The current query with key=value set (or removed when selected), from the first page."""
    params = context["request"].GET.copy()
    params.pop("page", None)
    for dependent in DEPENDENT.get(key, ()):
        params.pop(dependent, None)
    if selected:
        params.pop(key, None)
    else:
        params[key] = value
    return _query(params)


@register.simple_tag(takes_context=True)
def without_filter(context, key):
    """The current query without key (and what depends on it), from the first page."""
    return toggle_filter(context, key, None, selected=True)
