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


LABEL_WIDTH = 96
PLOT_WIDTH = 420
ROW_HEIGHT = 20
AXIS = 24  # room for the scale under the rows


def targets_chart(points: list[tuple[str, tuple[float, float] | None, float | None]], *, unit: str, title: str) -> str:
    """One row per region: the target as a bar from its low to its high value (a tick for a single value)
    and the outcome as a dot. points are (label, (low, high) or None, outcome or None), all in unit."""
    values = [v for _, target, outcome in points for v in ((*target,) if target else ()) + ((outcome,) if outcome is not None else ())]
    if not values:
        return ""
    low, high = min(0.0, min(values)), max(values) or 1.0
    span = (high - low) * 1.08 or 1.0

    def x(value: float) -> float:
        return round(LABEL_WIDTH + PLOT_WIDTH * (value - low) / span, 1)

    rows = []
    for i, (label, target, outcome) in enumerate(points):
        y = 8 + i * ROW_HEIGHT
        bar = outcome_dot = ""
        if target:
            start, end = x(target[0]), x(target[1])
            shown = f"{target[0]:g}{unit}" if target[0] == target[1] else f"{target[0]:g}—{target[1]:g}{unit}"
            bar = format_html('<rect class="target" x="{}" y="{}" width="{}" height="10" rx="2"><title>{} 目标 {}</title></rect>',
                              start - 2 if end - start < 4 else start, y, max(end - start, 4), label, shown)
        if outcome is not None:
            outcome_dot = format_html('<circle class="outcome" cx="{}" cy="{}" r="4.5"><title>{} 实际 {}{}</title></circle>',
                                      x(outcome), y + 5, label, f"{outcome:g}", unit)
        rows.append(format_html('<g><text x="{}" y="{}" class="label">{}</text>{}{}</g>',
                                LABEL_WIDTH - 6, y + 9, label, bar, outcome_dot))
    height = 8 + len(points) * ROW_HEIGHT + AXIS
    ticks = format_html_join("", '<text x="{}" y="{}" class="year">{}</text>',
                             ((x(v), height - 6, f"{v:g}{unit}") for v in _ticks(low, high)))
    return format_html(
        '<svg class="chart targets-chart" role="img" aria-labelledby="targets-chart-title" viewBox="0 0 {} {}" '
        'width="{}" height="{}"><title id="targets-chart-title">{}</title>{}{}</svg>',
        LABEL_WIDTH + PLOT_WIDTH + 16, height, LABEL_WIDTH + PLOT_WIDTH + 16, height, title,
        format_html_join("", "{}", ((row,) for row in rows)), ticks,
    )


def _ticks(low: float, high: float, count: int = 5) -> list[float]:
    step = (high - low) / (count - 1) or 1.0
    return [round(low + i * step, 2) for i in range(count)]
