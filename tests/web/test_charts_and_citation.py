import datetime

from documents.charts import years_bar_chart
from documents.citation import citation_text


def test_chart_fills_missing_years_and_escapes_its_title():
    svg = years_bar_chart([(2019, 2), (2022, 4)], title="<b>地区</b>")
    assert svg.startswith('<svg class="chart" role="img"')
    assert "&lt;b&gt;地区&lt;/b&gt;" in svg
    assert [f"{y}年" in svg for y in (2019, 2020, 2021, 2022)] == [True] * 4
    assert "<title>2020年：0 篇</title>" in svg


def test_chart_of_nothing_is_empty():
    assert years_bar_chart([], title="空") == ""


def test_citation_follows_gbt_7714_for_electronic_resources():
    data = {"title": "广东省数字经济促进条例", "doc_number": "粤常〔2021〕1号", "issuers": [{"name": "广东省人大常委会"}],
            "region": {"name": "广东省"}, "date": "2021-07-30", "url": "https://example.org/policies/1/"}
    text = citation_text(data, accessed=datetime.date(2025, 1, 2))
    assert text == ("广东省人大常委会. 广东省数字经济促进条例：粤常〔2021〕1号[EB/OL]. (2021-07-30)[2025-01-02]. "
                    "https://example.org/policies/1/.")


def test_citation_without_issuer_or_date_uses_region_and_omits_the_date():
    data = {"title": "某方案", "doc_number": "", "issuers": [], "region": {"name": "苏州市"}, "date": None,
            "url": "https://example.org/policies/2/"}
    assert citation_text(data, accessed=datetime.date(2025, 1, 2)) == (
        "苏州市. 某方案[EB/OL]. [2025-01-02]. https://example.org/policies/2/.")
