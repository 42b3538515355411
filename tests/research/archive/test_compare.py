"""/compare/ over real documents: each count is the count of the search it links to, distinctive terms
are the regions' own (exact within the budget of documents counted, a fixed sample beyond it), shared
targets stand side by side for one year, and bad input is a 400."""

import math
from urllib.parse import parse_qsl, urlsplit

import numpy as np
import pytest
from django.core.cache import cache
from django.db import connection
from django.http import QueryDict

from documents.models import Policy, Region, Reuse, Target
from documents.research import compare
from documents.research.compare import (TERMS, comparison, fold_pieces, is_term, parse_regions, place_names,
                                        sample_of)
from documents.research.logodds import distinctive
from documents.search.service import parse_search_params, search_policies

pytestmark = pytest.mark.django_db


def search_count(url: str) -> int:
    query = QueryDict(mutable=True)
    for key, value in parse_qsl(urlsplit(url).query):
        query.appendlist(key, value)
    return search_policies(parse_search_params(query)).count


def regions(*codes):
    return [Region.objects.get(code=code) for code in codes]


def test_counts_per_year_and_type_are_the_counts_of_their_searches(research_archive):
    result = comparison(regions("440000", "370000", "500000"))
    for total, url in result.total_cells:
        assert search_count(url) == total > 0
    for year, cells in result.year_rows:
        for count, url in cells:
            assert search_count(url) == count, (year, url)
    for kind, cells in result.type_rows:
        assert all(search_count(url) == count for count, url in cells), kind
    assert result.types[0] == "条例"  # the commonest type first
    for region, counts, undated, total in zip(result.regions, result.per_year, result.undated, result.totals):
        assert sum(counts.values()) + undated == total


def test_a_city_is_compared_with_its_own_documents(research_archive):
    result = comparison(regions("440300", "440000"))
    assert result.urls[0].endswith("province=440000&city=440300")
    assert result.totals[0] == search_policies(parse_search_params({"province": "440000", "city": "440300"})).count > 0


def test_distinctive_terms_are_used_more_by_their_region(research_archive):
    result = comparison(regions("440000", "370000"))
    places = place_names()
    for region, terms, total, other_total in zip(result.regions, result.terms, result.totals, reversed(result.totals)):
        assert len(terms) >= 10
        for score in terms:
            assert score.word not in places and score.z > 0
            assert score.count / total > score.others / other_total, (region.name, score)
            found = search_count(f"/policies/?q={score.word}&province={region.code}")
            assert found >= score.count  # the search also finds it as the phrase of its pieces
    assert any(score.word == "粤港澳大湾区" for score in result.terms[0])  # and not its pieces 湾区, 大湾
    assert not any(score.word in ("湾区", "大湾") for score in result.terms[0])


def test_shared_targets_stand_side_by_side_for_one_year(research_archive):
    result = comparison(regions("440000", "370000"))
    indicators = {row.indicator: row for row in result.targets}
    gdp = indicators["地区生产总值增长"]
    years = {target.year for cell in gdp.cells for target in cell}
    assert len(years) == 1 and all(gdp.cells)
    for region, cell in zip(result.regions, gdp.cells):
        assert all(t.policy.region_id == region.code and t.kind == Target.Kind.TARGET for t in cell)
    latest = Target.objects.filter(indicator="地区生产总值增长", kind="target", policy__region_id="440000").order_by(
        "-year").first()
    assert years == {latest.year}


def test_shared_texts_are_reuse_pairs_across_two_of_the_regions(client, research_archive):
    result = comparison(regions("440000", "370000", "500000"))
    assert result.shared
    sizes = [row.shared_chars for row in result.shared]
    assert sizes == sorted(sizes, reverse=True)
    for row in result.shared:
        assert row.source_region != row.derived_region
        for policy, region in ((row.source, row.source_region), (row.derived, row.derived_region)):
            assert policy.province_id == region.code
        stored = Reuse.objects.get(source=row.source, derived=row.derived)
        assert stored.shared_chars == row.shared_chars and row.passage[:20] in row.source.simplified_text
        assert client.get(row.compare_url).status_code == 200


def test_a_city_s_reuse_of_its_province_is_the_city_s(research_archive):
    result = comparison(regions("440000", "440300"))
    for row in result.shared:
        assert {row.source_region.code, row.derived_region.code} == {"440000", "440300"}
        city = row.derived if row.derived_region.code == "440300" else row.source
        assert city.city_id == "440300"


def test_the_page_reads_side_by_side(client, research_archive):
    response = client.get("/compare/", {"regions": "440000,370000"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("广东省") < html.index("山东省")
    for heading in ("逐年文件数", "按类型", "特色词", "相同指标的目标", "共同文本"):
        assert heading in html
    assert 'aria-labelledby="compare-years-title"' in html and "地区生产总值增长" in html


def test_api_is_the_same_comparison(client, research_archive):
    body = client.get("/api/compare/", {"regions": "440000,370000"}).json()
    result = comparison(regions("440000", "370000"))
    assert [r["documents"] for r in body["regions"]] == result.totals
    # Within the budget every document is counted for the terms, and the body says so.
    assert [r["terms_counted"] for r in body["regions"]] == result.term_documents == result.totals
    assert [t["word"] for t in body["regions"][0]["distinctive_terms"]] == [s.word for s in result.terms[0]]
    assert body["targets"][0]["indicator"] == result.targets[0].indicator


@pytest.mark.parametrize("value, message", [
    ("440000", "请选择 2 至 4 个地区"), ("440000,330000,370000,500000,110000", "请选择 2 至 4 个地区"),
    ("440000,999999", "未知的省份或城市代码"), ("000000,440000", "未知的省份或城市代码"), ("abc,440000", "未知的省份或城市代码"),
    ("<script>,1", "未知的省份或城市代码"),
])
def test_bad_regions_are_a_400_with_a_message(client, research_archive, value, message):
    page = client.get("/compare/", {"regions": value})
    assert page.status_code == 400 and message in page.content.decode() and "<script>," not in page.content.decode()
    api = client.get("/api/compare/", {"regions": value})
    assert api.status_code == 400 and message in api.json()["fields"]["regions"]


def test_no_regions_shows_the_chooser_and_repeats_are_dropped(client, research_archive):
    assert client.get("/compare/").status_code == 200
    assert [r.code for r in parse_regions({"regions": "440000，440000, 330000"})] == ["440000", "330000"]
    assert client.get("/api/compare/").status_code == 400


def test_region_names_are_escaped(client, research_archive):
    Region.objects.filter(code="440000").update(name="广东<i>省</i>")
    html = client.get("/compare/", {"regions": "440000,370000"}).content.decode()
    assert "<i>省" not in html and "广东&lt;i&gt;省&lt;/i&gt;" in html


# --- The distinctive terms' counts: exact within the budget, a fixed sample beyond it ---------------

def ts_stat(where: str) -> dict[str, int]:
    """ts_stat's ndoc over the published vectors the condition selects, the lexemes the page shows."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, ndoc FROM ts_stat(%s)",
                       [f"SELECT search_vector FROM documents_policy WHERE status = 'published' AND {where}"])
        rows = cursor.fetchall()
    places = place_names()
    return {w: n for w, n in rows if is_term(w, places)}


def region_ids(region: Region) -> np.ndarray:
    column = "province_id" if region.level == Region.Level.PROVINCE else "city_id"
    return np.array(Policy.objects.published().filter(**{column: region.code}).values_list("id", flat=True))


def test_terms_within_the_budget_are_the_exact_ts_stat_ones_over_every_document(research_archive):
    compared = regions("440000", "370000", "440300")
    result = comparison(compared)
    assert not result.sampled and result.term_documents == result.totals
    exact = [ts_stat(f"province_id = '{r.code}'" if r.level == "province" else f"city_id = '{r.code}'")
             for r in compared]
    expected = [fold_pieces(scores)[:TERMS] for scores in distinctive(exact, top=TERMS * 3)]
    assert result.terms == expected and all(result.terms)


def test_beyond_the_budget_a_region_is_counted_in_its_fixed_sample(research_archive):
    compared = regions("440000", "370000")
    result = comparison(compared, term_sample=30)
    assert result.sampled and sum(result.term_documents) == 30
    assert result.terms == comparison(compared, term_sample=30).terms  # the same sample every time
    for region, terms, counted, total in zip(compared, result.terms, result.term_documents, result.totals):
        assert counted == min(total, 15) < total
        sample = sample_of(region_ids(region), counted)
        in_sample = ts_stat(f"id = ANY('{{{','.join(map(str, sample))}}}'::bigint[])")
        everywhere = ts_stat(f"province_id = '{region.code}'")
        assert terms and all(score.count == in_sample[score.word] <= everywhere[score.word] for score in terms)


def test_sampled_shares_are_within_the_documented_bound(research_archive):
    """docs/diffusion.md: of n documents counted among N, every lexeme's share is within
    sqrt(ln(2V/0.01) / 2n) of its share among all N, V lexemes at once, but for a chance of 1%."""
    region = Region.objects.get(code="370000")
    ids = region_ids(region)
    everywhere = ts_stat(f"province_id = '{region.code}'")
    for n in (8, 16, len(ids) // 2):
        sample = sample_of(ids, n)
        in_sample = ts_stat(f"id = ANY('{{{','.join(map(str, sample))}}}'::bigint[])")
        bound = math.sqrt(math.log(2 * len(everywhere) / 0.01) / (2 * n))
        assert max(abs(in_sample.get(w, 0) / n - k / ids.size) for w, k in everywhere.items()) <= bound


def test_the_page_says_when_terms_are_counted_in_a_sample(client, research_archive, monkeypatch):
    cache.clear()
    whole = client.get("/compare/", {"regions": "440000,370000"}).content.decode()
    assert "按全部" in whole and "只统计其中一部分" not in whole
    monkeypatch.setattr(compare, "TERM_SAMPLE", 30)
    cache.clear()
    sampled = client.get("/compare/", {"regions": "440000,370000"}).content.decode()
    total = comparison(regions("440000", "370000")).totals[1]
    assert "只统计其中一部分" in sampled and "合计至多 30 份" in sampled
    assert f"按其中 15 份文件统计（共 {total} 份）" in sampled
    cache.clear()
