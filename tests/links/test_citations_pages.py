"""Citations as a reader meets them, on laws of the shared corpus: 上海市数据条例 and 网络数据安全管理条例
cite 《中华人民共和国数据安全法》; the law shows both as citing it, with their passages, whichever was
imported first; titles the archive lacks stay text with a search link; the API's links agree."""

import re
from pathlib import Path

import pytest
from django.test import Client

from documents.importing import import_document
from documents.models import Citation, Policy
from tests.conftest import shared_rows

pytestmark = pytest.mark.django_db
LAWS = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook"
LAW = "行政法/数据安全法(2021-06-10).md"
SHANGHAI = "DLC/上海地方法规/地方性法规/上海/上海市数据条例(2021-11-25).md"
NETWORK = "行政法规/网络数据安全管理条例(2024-09-24).md"
HENGQIN = "DLC/广东地方法规/地方性法规/广东/横琴粤澳深度合作区发展促进条例(2023-02-08).md"


def imported(relative):
    path = LAWS / relative
    return import_document(path.read_bytes(), path.name, source_key=relative).policy


@pytest.fixture(scope="module")
def imported_archive(django_db_setup, django_db_blocker):
    """The three texts' keys, imported once for the module and rolled back after it."""
    with shared_rows(django_db_blocker) as done:
        # The citing texts first: the law, imported after them, must still gain its cited_by.
        shanghai, network = imported(SHANGHAI), imported(NETWORK)
        keys = {"shanghai": shanghai.pk, "network": network.pk, "law": imported(LAW).pk}
        done()
        yield keys


@pytest.fixture
def archive(db, imported_archive):
    """The three policies as stored (each test's changes are rolled back by its `db` savepoint)."""
    return {name: Policy.objects.get(pk=pk) for name, pk in imported_archive.items()}


def test_a_law_imported_after_its_citing_texts_shows_them_with_their_passages(client, archive):
    law = archive["law"]
    assert law.title == "中华人民共和国数据安全法"
    html = client.get(f"/policies/{law.pk}/").content.decode()
    section = html[html.index('id="cited-by-title"'):]
    assert "2 篇" in section[:200]
    for citing in (archive["shanghai"], archive["network"]):
        assert citing.get_absolute_url() in section
    assert "数据安全法》" in section and '#c-' in section  # each passage links to its place in the citing text


def test_a_citing_page_links_the_cited_title_in_its_text_and_lists_unresolved_ones_with_a_search(client, archive):
    network = archive["network"]
    html = client.get(f"/policies/{network.pk}/").content.decode()
    refs = re.findall(r'<a href="([^"]+)" class="(cite-ref[^"]*)" id="(c-\d+)">《([^<]+)》</a>', html)
    resolved = [r for r in refs if r[1] == "cite-ref"]
    assert resolved and all(r[0] == archive["law"].get_absolute_url() and r[3] == "中华人民共和国数据安全法"
                            for r in resolved)
    unresolved = [r for r in refs if r[1] == "cite-ref unresolved"]
    assert any(r[3] == "中华人民共和国网络安全法" and r[0].startswith("/policies/?q=") for r in unresolved)
    listed = html[html.index('id="cites-title"'):html.index("</section>", html.index('id="cites-title"'))]
    assert listed.count("原文位置") == Citation.objects.filter(citing=network).count() == len(refs)
    assert "未收录" in listed and "检索" in listed


def test_the_api_links_agree_with_the_pages(client, archive):
    law, network = archive["law"], archive["network"]
    links = client.get(f"/api/policies/{network.pk}/").json()["links"]
    named = [c for c in links["cites"] if c["policy"]]
    assert named and {c["policy"]["id"] for c in named} == {law.pk}
    assert all(c["search_url"] is None for c in named)
    assert all(c["search_url"] for c in links["cites"] if not c["policy"])
    cited_by = client.get(f"/api/policies/{law.pk}/").json()["links"]["cited_by"]
    assert sorted(p["id"] for p in cited_by) == sorted([archive["shanghai"].pk, network.pk])
    assert all(any("数据安全法" in passage for passage in p["passages"]) for p in cited_by)


def test_a_withdrawn_law_is_no_longer_shown_as_cited(client, archive):
    law, network = archive["law"], archive["network"]
    Policy.objects.filter(pk=law.pk).update(status=Policy.Status.WITHDRAWN)
    links = Client().get(f"/api/policies/{network.pk}/").json()["links"]
    assert all(c["policy"] is None for c in links["cites"])


def test_a_name_the_text_defines_for_itself_resolves_like_its_full_title(archive):
    policy = imported(HENGQIN)
    aliased = Citation.objects.filter(citing=policy, title="总体方案")
    # Three 《总体方案》 in the text: the definition `（以下简称《总体方案》）` and two uses.
    assert aliased.count() == 2 and {c.target_title for c in aliased} == {"横琴粤澳深度合作区建设总体方案"}


def test_the_region_page_and_a_search_list_the_most_cited_documents(client, archive):
    html = client.get("/regions/310000/").content.decode()
    box = html[html.index('id="cited-heading"'):]
    assert archive["law"].title in box[:1000]
    assert 'id="facet-cited"' not in html  # listed once, in the overview
    html = client.get("/policies/", {"q": "数据"}).content.decode()
    assert 'id="facet-cited"' in html and archive["law"].get_absolute_url() in html[html.index('id="facet-cited"'):]


def test_a_text_naming_itself_cites_nothing(seeded):
    # Seed 001 reports the issue of 《廣東省國家數字經濟創新發展試驗區建設方案(2025-2027年)》 (以下簡稱《建設方案》).
    plan = Policy.objects.get(title__startswith="廣東省國家數字經濟創新發展試驗區建設方案")
    titles = list(plan.citations.values_list("target_title", flat=True))
    assert not any("试验区建设方案" in title or "試驗區建設方案" in title for title in titles), titles
