"""The research views' pictures as inline SVG, rendered on the server (pure: every label goes through
format_html, which escapes it)."""

from __future__ import annotations

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString

LABEL = 150  # the row labels' column
CELL_W, CELL_H = 46, 24
HEAD = 26  # the year labels above the grid
SHADES = 4


def shade(count: int, share: float | None) -> int:
    """0 for no match, else 1–4 by the share of the row's documents that year (quarters)."""
    if not count:
        return 0
    return min(SHADES, 1 + int((share or 0) * SHADES)) if share is not None else 1


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share:.0%}" if share >= 0.1 or share == 0 else f"{share:.1%}"


def heat_map(result, *, title: str) -> str:
    """Rows × years: each cell's count, shaded by its share of the row's documents, linked to the
    search that counts it (cells of rows no search counts are not links)."""
    rows = [result.national, *result.rows]
    if not result.years:
        return ""
    width = LABEL + CELL_W * len(result.years) + 8
    height = HEAD + CELL_H * len(rows) + 6
    years = format_html_join("", '<text x="{}" y="{}" class="year">{}</text>', (
        (LABEL + CELL_W * i + CELL_W / 2, HEAD - 9, year) for i, year in enumerate(result.years)))
    lines = []
    for r, row in enumerate(rows):
        y = HEAD + CELL_H * r
        label = format_html('<text x="{}" y="{}" class="label">{}</text>', LABEL - 8, y + CELL_H / 2 + 4, row.label)
        if row.url:
            label = format_html('<a href="{}">{}</a>', row.url, label)
        # Thousands of cells: the row's label is escaped once here, every other value is a number.
        name = escape(row.label)
        cells = []
        for i, cell in enumerate(row.cells):
            x, level = LABEL + CELL_W * i, shade(cell.count, cell.share)
            body = (f'<rect x="{x + 1}" y="{y + 1}" width="{CELL_W - 2}" height="{CELL_H - 2}" class="h{level}"></rect>'
                    f'<text x="{x + CELL_W / 2}" y="{y + CELL_H / 2 + 4}" class="n h{level}">{cell.count or ""}</text>'
                    f'<title>{name} {cell.year}年：{cell.count} 篇，占当年 {cell.total} 篇的 {percent(cell.share)}</title>')
            cells.append(f'<a href="{escape(cell.url)}">{body}</a>' if cell.url else f"<g>{body}</g>")
        row_class = "row national" if row.level == "national" else "row"
        lines.append(format_html('<g class="{}">{}{}</g>', row_class, label, SafeString("".join(cells))))
    return format_html(
        '<svg class="heat" role="img" aria-labelledby="heat-title" viewBox="0 0 {} {}" width="{}" height="{}">'
        '<title id="heat-title">{}</title>{}{}</svg>',
        width, height, width, height, title, years, format_html_join("", "{}", ((line,) for line in lines)))


PLOT_W, PLOT_H = 440, 170
LEFT, BOTTOM, TOP, RIGHT = 44, 26, 14, 16


def line_chart(years: list[int], series: list[tuple[str, dict[int, float]]], *, title: str, as_share: bool = False,
               chart_id: str = "line") -> str:
    """One line per series over the years (values by year, missing = 0), with dots titled by value;
    up to four series, told apart by class s0–s3 and a legend."""
    if not years or not series:
        return ""
    peak = max((value for _, values in series for value in values.values()), default=0) or 1
    top = _nice(peak)
    step = PLOT_W / max(1, len(years) - 1)
    width, height = LEFT + PLOT_W + RIGHT, TOP + PLOT_H + BOTTOM

    def x(i: int) -> float:
        return round(LEFT + (i * step if len(years) > 1 else PLOT_W / 2), 1)

    def y(value: float) -> float:
        return round(TOP + PLOT_H - PLOT_H * value / top, 1)

    shown = percent if as_share else (lambda v: f"{v:g}")
    grid = format_html_join("", '<line x1="{}" x2="{}" y1="{}" y2="{}" class="grid"></line>'
                                '<text x="{}" y="{}" class="axis">{}</text>',
                            ((LEFT, LEFT + PLOT_W, y(v), y(v), LEFT - 6, y(v) + 4, shown(v))
                             for v in (0, top / 2, top)))
    every = 1 if len(years) <= 14 else 5
    # Every year, or every fifth with the first and last where they do not crowd their neighbour.
    last = len(years) - 1
    labelled = [i for i, year in enumerate(years) if year % every == 0
                or (i == 0 and year % every <= every - 3) or (i == last and year % every >= 3)]
    ticks = format_html_join("", '<text x="{}" y="{}" class="year">{}</text>', (
        (x(i), height - 8, years[i]) for i in labelled))
    lines = []
    for s, (label, values) in enumerate(series):
        points = [(x(i), y(values.get(year, 0)), year, values.get(year, 0)) for i, year in enumerate(years)]
        path = " ".join(f"{px},{py}" for px, py, _, _ in points)
        dots = format_html_join("", '<circle cx="{}" cy="{}" r="3.5"><title>{} {}年：{}</title></circle>',
                                ((px, py, label, year, shown(value)) for px, py, year, value in points))
        lines.append(format_html('<g class="series s{}"><polyline points="{}"></polyline>{}</g>', s % 4, path, dots))
    return format_html(
        '<svg class="lines" role="img" aria-labelledby="{}-title" viewBox="0 0 {} {}" width="{}" height="{}">'
        '<title id="{}-title">{}</title>{}{}{}</svg>',
        chart_id, width, height, width, height, chart_id, title, grid, ticks,
        format_html_join("", "{}", ((line,) for line in lines)))


def _nice(peak: float) -> float:
    """The axis top: the next 1, 2 or 5 × 10^k at or above the peak."""
    scale = 1.0
    while scale * 10 <= peak:
        scale *= 10
    while scale > peak * 10 and scale > 1e-6:
        scale /= 10
    for factor in (1, 2, 5, 10):
        if factor * scale >= peak:
            return factor * scale
    return peak
