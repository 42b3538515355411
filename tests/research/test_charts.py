"""The research pages' SVG: shades, links, and every label escaped."""

from documents.research.charts import heat_map, line_chart, percent, shade
from documents.research.diffusion import Cell, Diffusion, DiffusionParams, Row


def grid(label="广东省"):
    row = Row(None, label, "province", {2025: 1}, {2025: 2, 2026: 4}, url="/policies/?province=440000")
    row.cells = [Cell(2025, 1, 2, "/policies/?q=x&province=440000&year=2025"), Cell(2026, 0, 4, "/p?year=2026")]
    national = Row(None, "全国（中央文件）", "national", {}, {2025: 3})
    national.cells = [Cell(2025, 0, 3, None), Cell(2026, 0, 0, None)]
    return Diffusion(DiffusionParams(("x",)), "x", [2025, 2026], [row], national, [], None, 0, None)


def test_cells_link_to_their_search_and_are_shaded_by_share():
    svg = heat_map(grid(), title="标题")
    assert svg.count("<a href=") == 3  # the row's label and its two cells; the national row has none
    assert 'href="/policies/?q=x&amp;province=440000&amp;year=2025"' in svg
    assert 'class="h3"' in svg and "广东省 2025年：1 篇，占当年 2 篇的 50%" in svg
    assert shade(0, None) == 0 and shade(1, 0.01) == 1 and shade(4, 1.0) == 4 and shade(2, 0.5) == 3


def test_every_label_and_title_is_escaped():
    svg = heat_map(grid('<script>alert("x")</script>'), title="<b>标题</b>")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&lt;b&gt;标题" in svg
    lines = line_chart([2024, 2025], [("<i>词</i>", {2024: 1, 2025: 3})], title="<u>t</u>")
    assert "<i>" not in lines and "&lt;i&gt;词&lt;/i&gt; 2025年：3" in lines and "&lt;u&gt;t" in lines


def test_a_share_chart_reads_in_percent_and_an_empty_one_is_nothing():
    lines = line_chart([2024, 2025], [("数据", {2024: 0.5, 2025: 0.02})], title="占比", as_share=True)
    assert "数据 2024年：50%" in lines and "数据 2025年：2.0%" in lines
    assert line_chart([], [("数据", {})], title="t") == "" and heat_map(
        Diffusion(DiffusionParams(), "", [], [], grid().national, [], None, 0, None), title="t") == ""
    assert percent(None) == "—" and percent(0.256) == "26%"
