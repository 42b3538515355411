"""/diffusion/ over real documents: every cell's count is the count of the search it links to (random
queries in the search's whole syntax), the rows, first years and the national row, the exports and the API."""

import csv
import io
import json
import random
from urllib.parse import parse_qsl, urlsplit

import pytest
from django.db import connection
from django.http import QueryDict

from documents.chinese import to_simplified
from documents.models import Policy, Region
from documents.research.diffusion import csv_rows, diffusion, parse_diffusion_params, terms_over_time
from documents.search.service import parse_search_params, search_policies

pytestmark = pytest.mark.django_db


def search_count(url: str) -> int:
    """The count of the search a link opens (the page's own function, parameters as the link gives them)."""
    parts = urlsplit(url)
    assert parts.path == "/policies/"
    query = QueryDict(mutable=True)
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        query.appendlist(key, value)
    return search_policies(parse_search_params(query)).count


def archive_words(seed: int, n: int) -> list[str]:
    """Words the archive's documents hold (lexemes of their vectors), drawn at random."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM ts_stat('SELECT search_vector FROM documents_policy') "
                       "WHERE ndoc BETWEEN 2 AND 400 AND length(word) >= 2 ORDER BY word")
        words = [word for (word,) in cursor.fetchall() if not word.isascii()]
    return random.Random(seed).sample(words, n)


def random_queries(seed: int = 19) -> list[str]:
    """Single words, AND, OR, exclusion and a phrase, of randomly chosen archive words."""
    a = archive_words(seed, 12)
    return [a[0], a[1], f"{a[2]} {a[3]}", f"{a[4]} OR {a[5]}", f"{a[6]} -{a[7]}", f'"{a[8]}"', a[9], "数据要素", "具身智能"]


def test_every_cell_counts_what_its_search_counts_over_random_queries(research_archive):
    rng = random.Random(7)
    checked = 0
    for q in random_queries():
        for filters in ({}, {"type": "政府工作报告"}, {"province": "440000"}, {"year_from": "2020", "year_to": "2026"}):
            result = diffusion(parse_diffusion_params({"q": q, **filters}))
            cells = [cell for row in result.rows for cell in row.cells if cell.url]
            assert all(row.search is not None for row in result.rows if row.level in ("province", "city"))
            for cell in rng.sample(cells, min(len(cells), 12)) + [c for c in cells if c.count][:12]:
                assert search_count(cell.url) == cell.count, (q, filters, cell)
                checked += 1
            if not filters.get("year_from"):  # a row's search over every year: its cells and its undated matches
                for row in rng.sample([row for row in result.rows if row.url], 4):
                    assert search_count(row.url) == row.total + row.undated, (q, filters, row.label)
    assert checked > 300


def test_a_cell_is_the_search_count_with_the_year_added(research_archive):
    result = diffusion(parse_diffusion_params({"q": "数字经济"}))
    guangdong = next(row for row in result.rows if row.region.code == "440000")
    for cell in guangdong.cells:
        expected = search_policies(parse_search_params({"q": "数字经济", "province": "440000", "year": cell.year})).count
        assert cell.count == expected
    assert sum(c.count for c in guangdong.cells) == guangdong.total > 0


def contains(policy: Policy, word: str) -> bool:
    return word in to_simplified(policy.clean_text) or word in to_simplified(policy.title)


def test_which_provinces_reports_name_a_term_in_2025_and_2026(research_archive):
    """The done case: 具身智能 in the government work reports, against reading the reports' texts."""
    result = diffusion(parse_diffusion_params({"q": "具身智能", "type": "政府工作报告"}))
    assert result.years[-2:] == [2025, 2026]
    reports = Policy.objects.published().filter(policy_type="政府工作报告", date_year__in=[2025, 2026])
    assert reports.count() == 18
    for row in result.rows:
        for year in (2025, 2026):
            expected = sum(contains(p, "具身智能") for p in reports.filter(province=row.region, date_year=year))
            assert row.counts.get(year, 0) == expected, (row.label, year)
            assert row.totals.get(year, 0) == reports.filter(province=row.region, date_year=year).count()
    named = {row.label for row in result.rows if row.counts.get(2025)}
    assert "北京市" not in named and len(named) >= 4
    beijing = next(row for row in result.rows if row.label == "北京市")
    assert beijing.first_year is None and beijing.first_policy is None and beijing.totals == {2025: 1, 2026: 1}
    assert result.adoption[-1]["regions"] == result.adopters == sum(1 for row in result.rows if row.counts)


def test_the_national_row_holds_the_central_documents_and_sets_the_pattern(research_archive):
    result = diffusion(parse_diffusion_params({"q": "数据安全"}))
    national = Policy.objects.published().filter(region__level=Region.Level.NATIONAL)
    matching = [p for p in national if contains(p, "数据安全")]
    assert result.national.total + result.national.undated == len(matching) > 0
    first = min((p for p in matching if p.date_year), key=lambda p: (p.date_year, p.date_month or 13, p.date_day or 32))
    assert result.national.first_policy == first and result.national.first_year == first.date_year
    assert result.pattern in ("centre_first", "provinces_first", "within_a_year")
    assert all(cell.url is None for cell in result.national.cells)  # no search selects the centre alone


def test_with_a_province_chosen_the_rows_are_its_cities_and_its_own_documents(research_archive):
    result = diffusion(parse_diffusion_params({"q": "条例", "province": "440000"}))
    levels = {row.level for row in result.rows}
    assert levels <= {"own", "city"} and "city" in levels
    shenzhen = next(row for row in result.rows if row.label == "深圳市")
    assert shenzhen.total + shenzhen.undated == search_count("/policies/?q=条例&province=440000&city=440300") > 0
    assert shenzhen.url.endswith("province=440000&city=440300")
    province_total = search_policies(parse_search_params({"q": "条例", "province": "440000"})).count
    assert sum(row.total + row.undated for row in result.rows) == province_total


def test_years_outside_the_range_are_in_no_cell(research_archive):
    result = diffusion(parse_diffusion_params({"q": "条例", "year_from": "2021", "year_to": "2023"}))
    assert result.years == [2021, 2022, 2023]
    assert all(row.first_year is None or 2021 <= row.first_year <= 2023 for row in result.rows)


def test_terms_over_time_count_each_query_and_all_documents_per_year(research_archive):
    params = parse_diffusion_params(QueryDict("q=数据要素&q=具身智能&type=政府工作报告"))
    years, terms = terms_over_time(params)
    assert [t.q for t in terms] == ["数据要素", "具身智能"]
    for term in terms:
        for year in years:
            assert term.counts.get(year, 0) == search_policies(parse_search_params(
                {"q": term.q, "type": "政府工作报告", "year": year})).count
            assert term.totals.get(year, 0) == search_policies(parse_search_params(
                {"type": "政府工作报告", "year": year})).count


def test_the_page_shows_the_heat_map_the_curve_and_the_table(client, research_archive):
    response = client.get("/diffusion/", {"q": "具身智能", "type": "政府工作报告"})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<svg class="heat"') == 1 and 'aria-labelledby="adoption-title"' in html
    assert "<table class=\"diffusion-table\"" in html and "广东省" in html
    result = response.context["result"]
    linked = [cell.url for row in result.rows for cell in row.cells if cell.count]
    assert linked and all(url.replace("&", "&amp;") in html for url in linked)
    assert response.context["pattern_label"]


def test_up_to_four_queries_share_a_chart_and_a_fifth_is_refused(client, research_archive):
    four = client.get("/diffusion/?q=数据&q=条例&q=数字经济&q=具身智能")
    assert four.status_code == 200
    assert four.content.decode().count('class="series s') == 4 + 4 + 1  # counts, shares, the adoption curve
    five = client.get("/diffusion/?q=a&q=b&q=c&q=d&q=e")
    assert five.status_code == 400 and "最多同时比较 4 个检索词" in five.content.decode()


@pytest.mark.parametrize("query, field", [
    ("q=x&year_from=abc", "year_from"), ("q=x&year_from=2024&year_to=2020", "year_to"), ("q=x&province=999999", "province"),
    ("q=x&type=不存在", "type"), ("q=x&year_to=99999999999999999999", "year_to"),
])
def test_bad_parameters_are_a_400_with_a_message(client, research_archive, query, field):
    for path in ("/diffusion/", "/diffusion/export.csv", "/diffusion/export.json"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400, path
        assert field in response.content.decode()
    api = client.get(f"/api/diffusion/?{query}")
    assert api.status_code == 400 and field in api.json()["fields"]


def test_odd_queries_never_fail(client, research_archive):
    assert parse_diffusion_params({"q": "\x00数据"}).queries == ("数据",)  # (a NUL in a URL is refused before any view)
    for q in ('"', "OR", "-", "😀", "a" * 1000, "<script>", "数据 OR", "((("):
        assert client.get("/diffusion/", {"q": q}).status_code == 200
        assert client.get("/api/diffusion/", {"q": q}).status_code == 200


def test_csv_has_one_line_per_row_and_year_of_every_query(client, research_archive):
    response = client.get("/diffusion/export.csv?q=具身智能&q=数据要素&type=政府工作报告")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    params = parse_diffusion_params(QueryDict("q=具身智能&q=数据要素&type=政府工作报告"))
    grids = [diffusion(params, q) for q in params.queries]
    assert len(lines) == sum((len(g.rows) + 1) * len(g.years) for g in grids)
    assert {line["检索词"] for line in lines} == {"具身智能", "数据要素"}
    guangdong = [line for line in lines if line["检索词"] == "具身智能" and line["地区"] == "广东省"]
    assert [int(line["匹配文件数"]) for line in guangdong] == [c.count for c in grids[0].rows[[
        r.label for r in grids[0].rows].index("广东省")].cells]
    assert all(line["检索链接"].startswith("http://testserver/policies/?") for line in guangdong)
    assert list(csv_rows(grids))  # the same rows without a request (relative links)


def test_json_export_is_the_api_body(client, research_archive):
    exported = client.get("/diffusion/export.json?q=具身智能&type=政府工作报告")
    assert exported["Content-Disposition"].startswith("attachment;")
    api = client.get("/api/diffusion/?q=具身智能&type=政府工作报告").json()
    assert json.loads(exported.content) == api
    assert api["q"] == "具身智能" and api["national"]["level"] == "national"
    row = next(row for row in api["rows"] if row["region"]["code"] == "440000")
    assert set(row["counts"]) <= set(row["totals"]) and row["first_policy"]["url"].startswith("http://testserver/")


def test_every_label_is_escaped(client, research_archive):
    Region.objects.filter(code="440000").update(name="广东<i>省</i>")
    first = next(row for row in diffusion(parse_diffusion_params({"q": "条例"})).rows if row.label.startswith("广东"))
    Policy.objects.filter(pk=first.first_policy.pk).update(title='<script>alert("x")</script>最早')
    for params in ({"q": "条例"}, {"q": "条例", "q2": "", "province": "440000"}, {"q": "<b>条例</b>"}):
        response = client.get("/diffusion/", params)
        html = response.content.decode()
        assert response.status_code == 200
        assert "<i>省" not in html and "<b>" not in html and '<script>alert("x")' not in html
        assert "广东&lt;i&gt;省&lt;/i&gt;" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;最早" in client.get("/diffusion/", {"q": "条例"}).content.decode()
    assert "「&lt;b&gt;条例&lt;/b&gt;」" in html
    csv_text = client.get("/diffusion/export.csv", {"q": "条例"}).content.decode("utf-8-sig")
    assert "广东<i>省</i>" in csv_text  # files carry the data as it is; pages escape it
