"""Text reuse as a reader meets it, on regulations of the shared corpus: 德州市制定地方性法规条例 drafted
from 东营's (four fifths of each text shared), 淄博市物业管理条例 and 山东省物业管理条例 (the city's text
came first), sister cities sharing only stock clauses, and versions of one work (by title, and 济南's
amendment of 莱芜's text) that are not reuse."""

import json
import re
from pathlib import Path

import pytest
from django.test import Client

from documents.curation.duplicates import signature, to_bytes
from documents.importing import import_document
from documents.links import versions_of
from documents.models import Policy, Reuse, ReuseSignature
from documents.reuse import rebuild_all, reuse_of, save_reuse
from tests.conftest import shared_rows

pytestmark = pytest.mark.django_db
DLC = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook/DLC"
SHANDONG = "山东地方法规/地方性法规/山东/"
DONGYING = SHANDONG + "东营市制定地方性法规条例(2016-03-30).md"
DEZHOU = SHANDONG + "德州市制定地方性法规条例(2017-03-31).md"
JINAN = SHANDONG + "济南市钢结构建筑应用促进条例(2019-02-12).md"
LAIWU = SHANDONG + "莱芜市钢结构建筑应用促进条例.md"
ZIBO = SHANDONG + "淄博市物业管理条例(2021-10-08).md"
PROVINCE = SHANDONG + "山东省物业管理条例(2021-12-03).md"
LINYI = SHANDONG + "临沂市文明行为促进条例(2018-09-21).md"
WEIHAI = SHANDONG + "威海市文明行为促进条例(2018-09-21).md"
BEIJING = "北京地方法规/地方性法规/北京/"


def imported(relative):
    path = DLC / relative
    policy = import_document(path.read_bytes(), path.name, source_key=relative).policy
    Policy.objects.filter(pk=policy.pk).update(status=Policy.Status.PUBLISHED)
    return Policy.objects.get(pk=policy.pk)


@pytest.fixture(scope="module")
def imported_archive(django_db_setup, django_db_blocker):
    """The six regulations' keys, imported once for the module and rolled back after it."""
    with shared_rows(django_db_blocker) as done:
        # The province's text is imported after the city's: the city's page must still gain the pair.
        keys = {name: imported(path).pk for name, path in
                [("zibo", ZIBO), ("province", PROVINCE), ("dongying", DONGYING), ("dezhou", DEZHOU),
                 ("linyi", LINYI), ("weihai", WEIHAI)]}
        done()
        yield keys


@pytest.fixture
def archive(db, imported_archive):
    """The six policies as stored (each test's changes are rolled back by its `db` savepoint)."""
    return {name: Policy.objects.get(pk=pk) for name, pk in imported_archive.items()}


def test_a_later_import_links_to_the_earlier_text_and_the_earlier_page_gains_it(client, archive):
    zibo, province = archive["zibo"], archive["province"]
    pair = Reuse.objects.get(source=zibo, derived=province)  # 淄博 2021-10-08 came before the province
    assert pair.shared_chars >= 1000 and pair.source_share > 0.1
    html = client.get(zibo.get_absolute_url()).content.decode()
    section = html[html.index('id="reuse-title"'):]
    assert province.get_absolute_url() in section and "本文在先" in section
    assert f"/policies/{zibo.pk}/compare/{province.pk}/" in section


def test_the_comparison_marks_the_shared_passages_side_by_side(client, archive):
    dongying, dezhou = archive["dongying"], archive["dezhou"]
    pair = Reuse.objects.get(source=dongying, derived=dezhou)
    assert pair.source_share > 0.7 and pair.derived_share > 0.7
    html = client.get(f"/policies/{pair.source_id}/compare/{pair.derived_id}/").content.decode()
    assert "共享段落对照" in html and html.count('<mark class="shared">') >= 20
    marked = re.findall(r'<mark class="shared">([^<]*)</mark>', html)
    assert any("列入常务委员会会议议程的地方性法规案" in text for text in marked)
    # Asked the other way round, the earlier text is still on the left.
    reverse = client.get(f"/policies/{pair.derived_id}/compare/{pair.source_id}/").content.decode()
    assert reverse.index(pair.source.get_absolute_url()) < reverse.index(pair.derived.get_absolute_url())


def test_sister_cities_sharing_only_stock_clauses_are_not_listed(client, archive):
    linyi, weihai = archive["linyi"], archive["weihai"]
    assert reuse_of(linyi) == [] and reuse_of(weihai) == []
    assert 'id="reuse-title"' not in client.get(linyi.get_absolute_url()).content.decode()


def test_versions_of_one_work_are_not_reuse(client, db):
    old = imported(BEIJING + "北京市机动车停车条例(2021-09-24).md")
    new = imported(BEIJING + "北京市机动车停车条例(2024-03-29).md")
    laiwu, jinan = imported(LAIWU), imported(JINAN)  # 济南's decision amended 莱芜's text: one work
    for pair in ([old, new], [laiwu, jinan]):
        assert not Reuse.objects.filter(source__in=pair, derived__in=pair).exists()
    assert {v.policy.pk for v in versions_of(jinan)} == {v.policy.pk for v in versions_of(laiwu)} == {laiwu.pk, jinan.pk}
    assert "版本" in client.get(jinan.get_absolute_url()).content.decode()
    html = client.get(f"/policies/{laiwu.pk}/compare/{jinan.pk}/").content.decode()
    assert "逐条对照" in html and "共享段落对照" not in html


def test_the_api_lists_reuse_with_share_and_comparison(client, archive):
    zibo, province = archive["zibo"], archive["province"]
    links = client.get(f"/api/policies/{province.pk}/").json()["links"]
    (item,) = [r for r in links["reuse"] if r["policy"]["id"] == zibo.pk]
    pair = Reuse.objects.get(source=zibo, derived=province)
    assert item["shared_chars"] == pair.shared_chars and item["share"] == round(pair.derived_share, 3)
    assert item["compare_url"] == f"http://testserver/policies/{zibo.pk}/compare/{province.pk}/"


def test_a_draft_is_not_listed_to_the_public(client, archive):
    Policy.objects.filter(pk=archive["province"].pk).update(status=Policy.Status.DRAFT)
    assert all(link.other.pk != archive["province"].pk for link in reuse_of(archive["zibo"]))


def test_a_changed_text_rebuilds_its_pairs_and_a_rebuild_from_scratch_finds_the_same(archive):
    before = set(Reuse.objects.values_list("source", "derived", "shared_chars"))
    zibo = archive["zibo"]
    text, minhash = zibo.simplified_text, Policy.objects.only("minhash").get(pk=zibo.pk).minhash
    zibo.simplified_text = "第一条 为了规范停车，制定本条例。"
    zibo.minhash = to_bytes(signature(zibo.simplified_text))  # as apply_result keeps it
    zibo.save()
    save_reuse(zibo)
    assert not Reuse.objects.filter(source=zibo).exists() and not Reuse.objects.filter(derived=zibo).exists()
    assert ReuseSignature.objects.count() == len(archive)
    Policy.objects.filter(pk=zibo.pk).update(simplified_text=text, minhash=minhash)
    result = rebuild_all()
    assert result["policies"] == len(archive)
    assert {p[:2] for p in before} <= set(Reuse.objects.values_list("source", "derived"))


def test_the_shared_passages_page_escapes_the_texts(client, archive):
    dongying, dezhou = archive["dongying"], archive["dezhou"]
    pair = Reuse.objects.get(source=dongying, derived=dezhou)
    start = pair.passages[0][2]  # inside the derived text's first shared passage
    text = dezhou.simplified_text
    Policy.objects.filter(pk=dezhou.pk).update(simplified_text=text[:start] + "<i>" + text[start + 3:])
    html = client.get(f"/policies/{dongying.pk}/compare/{dezhou.pk}/").content.decode()
    assert "&lt;i&gt;" in html and "<i>" not in html


def test_the_datasets_reuse_table_holds_the_shown_pairs_of_published_policies(archive):
    from documents import dataset

    rows = [row for chunk in dataset.table("reuse").chunks(None) for row in chunk.rows]
    pair = Reuse.objects.get(source=archive["dongying"], derived=archive["dezhou"])
    (found,) = [row for row in rows if row[1:3] == (pair.source_id, pair.derived_id)]
    assert found[3] == pair.shared_chars and json.loads(found[6]) == pair.passages
    Policy.objects.filter(pk=archive["dezhou"].pk).update(status=Policy.Status.DRAFT)
    rows = [row for chunk in dataset.table("reuse").chunks(None) for row in chunk.rows]
    assert all(archive["dezhou"].pk not in row[1:3] for row in rows)


def test_an_undated_text_is_neither_earlier_nor_later(client, archive):
    dongying, dezhou = archive["dongying"], archive["dezhou"]
    Policy.objects.filter(pk=dongying.pk).update(date_year=None, date_month=None, date_day=None,
                                                 date_precision="unknown")
    section = client.get(dezhou.get_absolute_url()).content.decode()
    section = section[section.index('id="reuse-title"'):]
    assert "先后不详" in section and "在先" not in section[:section.index("</section>")]
    html = client.get(f"/policies/{dongying.pk}/compare/{dezhou.pk}/").content.decode()
    assert "先后不详" in html and "（在先）" not in html
