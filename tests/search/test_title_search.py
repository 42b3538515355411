"""A query that is a document's title, or the short form it is cited by, finds that document first —
above the other documents whose titles hold the same words — on laws of the shared corpus."""

from pathlib import Path

import pytest

from documents.importing import import_document
from documents.models import Policy
from documents.search.service import SearchParams, matching_policies, search_policies, top_matches
from tests.conftest import shared_rows

pytestmark = pytest.mark.django_db
LAWS = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook"
STATE_COUNCIL = "行政法规/优化营商环境条例(2019-10-22).md"
# Newer regional regulations whose titles hold the whole title: they outranked it before (newest first).
REGIONAL = [
    "DLC/北京地方法规/地方性法规/北京/北京市优化营商环境条例(2024-11-29).md",
    "DLC/广东地方法规/地方性法规/广东/广东省优化营商环境条例(2022-06-01).md",
    "DLC/广东地方法规/地方性法规/广东/云浮市优化营商环境条例(2023-03-03).md",
    "DLC/重庆地方法规/地方性法规/重庆/重庆市优化营商环境条例(2021-03-31).md",
]
# 中华人民共和国水土保持法 (2010) and two newer texts whose titles hold 《水土保持法》.
SOIL_LAW = "经济法/水土保持法(2010-12-25).md"
SOIL_TEXTS = ["行政法规/水土保持法实施条例(2011-01-08).md",
              "DLC/重庆地方法规/地方性法规/重庆/重庆市实施《水土保持法》办法(2018-07-26).md"]
FIRE_LAW, FIRE_TEXT = "行政法/消防法(2021-04-29).md", "DLC/广东地方法规/地方性法规/广东/广东省实施《消防法》办法(2022-03-29).md"


def imported(relative):
    path = LAWS / relative
    return import_document(path.read_bytes(), path.name, source_key=relative).policy


def ids(page):
    return [hit.policy.pk for hit in page.hits]


@pytest.fixture(scope="module")
def imported_regulations(django_db_setup, django_db_blocker):
    """The five regulations' keys, imported once for the module and rolled back after it."""
    with shared_rows(django_db_blocker) as done:
        keys = imported(STATE_COUNCIL).pk, [imported(relative).pk for relative in REGIONAL]
        done()
        yield keys


@pytest.fixture
def regulations(db, imported_regulations):
    national, regional = imported_regulations
    return Policy.objects.get(pk=national), [Policy.objects.get(pk=pk) for pk in regional]


@pytest.mark.parametrize("q", ["优化营商环境条例", "優化營商環境條例", '"优化营商环境条例"'])
def test_the_title_itself_ranks_its_document_first_in_either_script(regulations, q):
    national, regional = regulations
    assert national.title == "优化营商环境条例"
    page = search_policies(SearchParams(q=q))
    assert page.count == 5
    assert ids(page)[0] == national.pk
    assert set(ids(page)[1:]) == {policy.pk for policy in regional}
    assert page.hits[0].rank >= 3 > page.hits[1].rank


def test_every_page_and_the_export_agree_with_the_first_page(regulations):
    first = ids(search_policies(SearchParams(q="优化营商环境条例")))
    paged = [pk for number in (1, 2, 3) for pk in ids(search_policies(SearchParams(q="优化营商环境条例", page=number,
                                                                                    page_size=2)))]
    assert paged == first
    assert list(matching_policies(SearchParams(q="优化营商环境条例")).values_list("pk", flat=True)) == first
    assert [policy.pk for policy in top_matches(SearchParams(q="优化营商环境条例"), 2)] == first[:2]


@pytest.mark.parametrize(("law", "others", "q"), [(SOIL_LAW, SOIL_TEXTS, "水土保持法"),
                                                (FIRE_LAW, [FIRE_TEXT], "消防法")])
def test_a_short_form_without_the_state_name_finds_the_law_before_newer_titles_that_name_it(db, law, others, q):
    law = imported(law)
    others = [imported(relative) for relative in others]
    assert law.title == f"中华人民共和国{q}"
    page = search_policies(SearchParams(q=q))
    assert ids(page)[0] == law.pk
    assert {policy.pk for policy in others} <= set(ids(page)[1:])


def test_words_of_a_title_or_a_filter_that_excludes_it_do_not_promote_it(regulations):
    national, regional = regulations
    topic = search_policies(SearchParams(q="营商环境"))
    assert all(hit.rank < 3 for hit in topic.hits)  # a topic, not a title: newest title matches first
    beijing = search_policies(SearchParams(q="优化营商环境条例", province="110000"))
    assert ids(beijing) == [regional[0].pk]
