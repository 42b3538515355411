"""Template helpers for the public pages: links that change one filter of the page, search snippets."""

import re
from urllib.parse import urlencode

from django import template
from django.utils.html import conditional_escape, escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

from documents.search.facet_registry import dependents

register = template.Library()


def _query(pairs) -> str:
    encoded = urlencode(pairs)
    return f"?{encoded}" if encoded else "?"


@register.simple_tag(takes_context=True)
def toggle_filter(context, key, value, selected=False):
    """The current query with key=value set (or removed when selected), from the first page."""
    # A result page has a hundred such links: the query is listed once per render, not copied per link.
    current = context.render_context.get("query_pairs")
    if current is None:
        current = context.render_context["query_pairs"] = list(context["request"].GET.lists())
    dropped = {"page", *dependents(key)}  # a city belongs to its province: changing one drops the other
    pairs, placed = [], selected
    for name, items in current:
        if name == key:
            if not placed:  # the new value takes the old one's place
                pairs.append((key, value))
                placed = True
        elif name not in dropped:
            pairs.extend((name, item) for item in items)
    if not placed:
        pairs.append((key, value))
    return _query(pairs)


@register.simple_tag(takes_context=True)
def without_filter(context, key):
    """The current query without key (and what depends on it), from the first page."""
    return toggle_filter(context, key, None, selected=True)


FACET_SHOWN = 8  # entries before 更多


@register.simple_tag(takes_context=True)
def facet_entries(context, key, label, entries):
    """A facet's entries as links, the first FACET_SHOWN open and the rest under 更多.

    Built here rather than by a template loop: a result page has about a hundred of them.
    """
    rows = [(toggle_filter(context, key, entry["code"], entry["selected"]), _SELECTED if entry["selected"] else "",
             entry["name"], entry["count"], entry["count"]) for entry in entries]
    item = '<li><a href="{}"{}><span class="name">{}</span> <span class="count" aria-label="{} 篇">{}</span></a></li>'
    shown = format_html("<ul>{}</ul>", format_html_join("", item, rows[:FACET_SHOWN]))
    if len(rows) <= FACET_SHOWN:
        return shown
    return format_html("{}<details><summary>更多{}（{}）</summary><ul>{}</ul></details>", shown, label,
                       len(rows) - FACET_SHOWN, format_html_join("", item, rows[FACET_SHOWN:]))


_SELECTED = format_html(' class="selected" aria-current="true" title="{}"', "取消此筛选")
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
                html.append(conditional_escape(piece.text))  # safe only when built by format_html (garbled.py)
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
