"""Small charts rendered on the server as inline SVG (pure; every text is escaped by format_html)."""

from django.utils.html import format_html, format_html_join

BAR_WIDTH = 28
GAP = 8
HEIGHT = 140
TOP = 18  # room for the count above the tallest bar
BOTTOM = 22  # room for the year labels


def years_bar_chart(counts: list[tuple[int, int]], *, title: str) -> str:
    """A bar chart of policies per year: counts are (year, n) pairs; missing years between are shown as 0."""
    if not counts:
        return ""
    by_year = dict(counts)
    years = list(range(min(by_year), max(by_year) + 1))
    peak = max(by_year.values()) or 1
    plot = HEIGHT - TOP - BOTTOM
    width = len(years) * (BAR_WIDTH + GAP) + GAP
    bars = []
    for i, year in enumerate(years):
        n = by_year.get(year, 0)
        h = round(plot * n / peak)
        x = GAP + i * (BAR_WIDTH + GAP)
        y = TOP + plot - h
        label_every = 1 if len(years) <= 12 else 5
        show_year = year % label_every == 0 or year in (years[0], years[-1])
        bars.append((x, y, h, n, year, show_year))
    body = format_html_join(
        "",
        '<g><title>{}年：{} 篇</title><rect x="{}" y="{}" width="{}" height="{}" rx="2"></rect>'
        '<text x="{}" y="{}" class="n">{}</text>{}</g>',
        (
            (
                year, n, x, y, BAR_WIDTH, h,
                x + BAR_WIDTH / 2, y - 4, n if n else "",
                format_html('<text x="{}" y="{}" class="year">{}</text>', x + BAR_WIDTH / 2, HEIGHT - 6, year)
                if show_year else "",
            )
            for x, y, h, n, year, show_year in bars
        ),
    )
    return format_html(
        '<svg class="chart" role="img" aria-labelledby="chart-title" viewBox="0 0 {} {}" width="{}" height="{}">'
        '<title id="chart-title">{}</title>{}</svg>',
        width, HEIGHT, width, HEIGHT, title, body,
    )
