"""Template helpers for the public pages: links that change one filter of the page, search snippets."""

import re

from django import template
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

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


_MARK_TAG = re.compile(r"</?mark>")
_ENTITY = re.compile(r"&(?:amp|lt|gt|quot|#x27|#39|#34);")


@register.filter
def highlighted(snippet):
    """A search snippet as HTML: escaped text whose only tags are <mark> and </mark>.

    The search service builds snippets with escape() and format_html, but a joined string loses
    Django's safe marker; rather than trust it blindly we check that shape and otherwise show
    the snippet as plain text.
    """
    if isinstance(snippet, SafeString):
        return snippet
    bare = _ENTITY.sub("", _MARK_TAG.sub("", str(snippet)))
    if any(ch in bare for ch in "<>&\"'"):
        return escape(snippet)
    return mark_safe(snippet)


@register.simple_tag
def policy_text(blocks):
    """The reading text (reading.text_blocks) as HTML paragraphs; section labels are <strong id=anchor>.

    Built in Python rather than in template loops: a law has thousands of pieces.
    """
    paragraphs = []
    for pieces in blocks:
        html = []
        for piece in pieces:
            if not piece.anchors:
                html.append(escape(piece.text))
                continue
            *extra, anchor = piece.anchors
            html.extend(format_html('<span id="{}"></span>', a) for a in extra)
            if piece.text:
                html.append(format_html('<strong id="{}" class="sec l{}">{}</strong>', anchor, piece.level, piece.text))
            else:
                html.append(format_html('<span id="{}"></span>', anchor))
        heading_line = len(pieces) == 1 and pieces[0].anchors and pieces[0].text
        opening = format_html('<p class="heading-line l{}">', pieces[0].level) if heading_line else "<p>"
        paragraphs.append(opening + "".join(html) + "</p>")
    return mark_safe("\n".join(paragraphs))  # every text above went through escape() or format_html
