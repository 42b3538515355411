import datetime

from documents.charts import years_bar_chart
from documents.citation import apa_text, citation_text


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
    # A news lead's day without its year (seed 003: 8月31日上午) is no publication date either.
    assert citation_text({**data, "date": "--08-31"}, accessed=datetime.date(2025, 1, 2)) == (
        "苏州市. 某方案[EB/OL]. [2025-01-02]. https://example.org/policies/2/.")


def test_apa_gives_the_date_as_precisely_as_known_and_joins_group_authors():
    data = {"title": "深圳市数据条例", "title_en": "", "doc_number": "", "region": {"name": "深圳市"},
            "issuers": [{"name": "深圳市人民代表大会常务委员会"}, {"name": "深圳市人民政府"}],
            "date": "2021-08", "url": "https://example.org/policies/3/"}
    assert apa_text(data) == ("深圳市人民代表大会常务委员会, & 深圳市人民政府. (2021, August). 深圳市数据条例. "
                              "数字经济政策档案. https://example.org/policies/3/")
    assert "(2021). " in apa_text({**data, "date": "2021"}) and "(n.d.). " in apa_text({**data, "date": None})
    assert "(n.d.). " in apa_text({**data, "date": "--08-31"})  # the day is known, the year not


def test_apa_adds_a_sources_english_title_and_moves_the_title_up_without_an_author():
    data = {"title": "国家智能制造标准体系建设指南（2018年版）", "doc_number": "工信部联科〔2018〕154号",
            "title_en": "National Smart Manufacturing Standards System Construction Guidelines (2018 Edition)",
            "issuers": [], "region": None, "date": "2018-10-10", "url": "https://example.org/policies/4/"}
    assert apa_text(data) == (
        "国家智能制造标准体系建设指南（2018年版） [National Smart Manufacturing Standards System Construction "
        "Guidelines (2018 Edition)] (工信部联科〔2018〕154号). (2018, October 10). 数字经济政策档案. "
        "https://example.org/policies/4/")
