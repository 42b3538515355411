"""The search index (documents/search/index.py) on the seeds and forty real policies: the same search pages and
related policies as SQL gives, with small candidate pools so that the pools are compared too — right after a
rebuild, and after every kind of write with no rebuild since."""

import random
from pathlib import Path

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.importing import import_document
from documents.models import Issuer, Policy
from documents.related import related_policies
from documents.search import index, service
from documents.search.memory_pools import MemoryPools
from documents.search.index import decode
from documents.search.query import PAIRS, WORDS, parse
from documents.search.service import SearchParams, search_policies
from tests.conftest import shared_rows
from tests.search.conftest import SEEDS, facet_counts_by_orm

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "lawrefbook"


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker):
    """The five seed pages and forty demo-corpus policies (every sixth file): more matches than a page,
    across regions and years, with every lexeme's bitmaps built. Imported and counted once
    for the module's tests, which only read them (what they patch is undone after each), and rolled
    back after the module."""
    with shared_rows(django_db_blocker) as done:
        seeds = [import_document(path.read_bytes(), path.name, source_key=path.name).policy
                 for path in sorted(SEEDS.glob("*.txt"))]
        files = sorted(path for path in CORPUS.rglob("*.md") if not path.name.startswith("_"))[::6][:40]
        sample = [import_document(path.read_bytes(), path.name, source_key=str(path.relative_to(CORPUS))).policy
                  for path in files]
        done()
        # Both tests compare bitmaps with SQL on the same counts; building them is most of their time.
        index.rebuild(min_docs=1, min_share=0.0)
        yield seeds + sample


def stored_lexemes(at_least=5):
    """The words and pairs with bitmaps that hold at least `at_least` policies."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT vector, lexeme, size, bits FROM search_term_postings "
                       "WHERE field = 'any' AND lexeme <> '' ORDER BY vector, lexeme")
        rows = [(vector, lexeme) for vector, lexeme, size, bits in cursor.fetchall()
                if decode(bytes(bits), size).sum() >= at_least]
    return ([lexeme for vector, lexeme in rows if vector == WORDS],
            [lexeme.replace(" ", "") for vector, lexeme in rows if vector == PAIRS])


def queries(count=60):
    words, pairs = stored_lexemes()
    chooser = random.Random(7)
    made = []
    for _ in range(count):
        a, b, c = chooser.sample(words, 3)
        q = chooser.choice([a, f"{a} {b}", f"{a} OR {b}", f"{a} -{b}", f'"{chooser.choice(pairs)}"',
                            f'{c} "{chooser.choice(pairs)}"'])
        filters = chooser.choice([{}, {}, {"year": 2023}, {"province": "440000"}, {"type": "方案"}])
        made.append(SearchParams(q=q, sort=chooser.choice(["relevance", "relevance", "newest"]), page_size=4,
                                 **filters))
    # Browsing: every published policy's bitmap, counted against the facet keys in memory.
    return made + [SearchParams(**filters) for filters in ({}, {"year": 2023}, {"province": "440000", "type": "方案"})]


def page_key(page):
    return page.count, [(hit.policy.pk, hit.rank, hit.snippets) for hit in page.hits], page.facets


@pytest.mark.django_db
def test_pages_from_bitmaps_equal_pages_from_sql(archive, monkeypatch):
    # Small candidate pools over small numbers of matches, so that the bitmaps' pools are compared too.
    monkeypatch.setattr(service, "EXACT_LIMIT", 3)
    monkeypatch.setattr(service, "CANDIDATES", 4)
    answered = pooled = ranked = 0
    rank = MemoryPools.rank

    def counting(self, *args):
        nonlocal pooled, ranked
        rows = rank(self, *args)
        pooled, ranked = pooled + 1, ranked + (rows is not None)
        return rows

    monkeypatch.setattr(MemoryPools, "rank", counting)
    for params in queries():
        monkeypatch.setattr(service, "Matches", NoBitmaps)
        from_sql = search_policies(params)
        monkeypatch.setattr(service, "Matches", index.Matches)
        cache.clear()
        answered += index.Matches(parse(params.q), include_unpublished=False).ids() is not None
        assert page_key(search_policies(params)) == page_key(from_sql), params
        cache.clear()
    assert answered >= 40 and pooled >= 10 and ranked >= 5  # many were answered from bitmaps


class NoBitmaps(index.Matches):
    def ids(self):
        return None

    def pools(self):
        return None

    def tiers(self):
        return None


@pytest.mark.django_db
def test_related_policies_from_bitmaps_equal_those_from_sql(archive, monkeypatch):
    monkeypatch.setattr(service, "CANDIDATES", 6)  # small pools, so that which policies they hold matters
    answered = 0
    for policy in archive:
        monkeypatch.setattr(service, "Matches", NoBitmaps)
        terms, from_sql = related_policies(policy)
        monkeypatch.setattr(service, "Matches", index.Matches)
        cache.clear()
        if terms and policy.province_id:
            answered += MemoryPools.of(index.Matches(parse(" OR ".join(terms)), include_unpublished=False),
                                       {"province": policy.province_id}) is not None
        assert related_policies(policy) == (terms, from_sql), policy.title
        cache.clear()
    assert answered >= 10


def shown_counts(page):
    return page.count, {name: {item["code"]: item["count"] for item in items if item["count"]}
                        for name, items in page.facets.items()}


@pytest.mark.django_db
def test_every_kind_of_write_leaves_the_index_exact_without_a_rebuild(archive, monkeypatch,
                                                                      django_capture_on_commit_callbacks):
    """Save, publish, withdraw, delete, issuer links and an import after the base was built: every page and
    every facet count from the index equals SQL's, and the index still answers (no silent fallback)."""
    monkeypatch.setattr(service, "EXACT_LIMIT", 3)
    monkeypatch.setattr(service, "CANDIDATES", 4)
    search_policies(SearchParams(q="发展"))  # the facet arrays loaded before the writes, to be caught up
    seeds, sample = archive[:5], archive[5:]
    extra = sorted(path for path in CORPUS.rglob("*.md") if not path.name.startswith("_"))[3::6][:8]
    with django_capture_on_commit_callbacks(execute=True):  # the signals' vector rebuilds and new generations
        edited = sample[0]
        edited.title = "关于加快数字经济发展的若干措施"
        edited.clean_text = edited.simplified_text = "数字经济发展。数据要素市场化配置改革。" + edited.simplified_text
        edited.save()
        sample[1].status = Policy.Status.WITHDRAWN
        sample[1].save()
        sample[2].delete()
        sample[3].issuers.set([Issuer.objects.get_or_create(name="广东省人民政府")[0]])
        sample[4].region = seeds[0].region
        sample[4].save()
        imported = [import_document(path.read_bytes(), path.name, source_key=f"extra/{path.name}",
                                    publish=index_ % 2 == 0).policy for index_, path in enumerate(extra)]
        drafts = [policy for policy in imported if policy.status == Policy.Status.DRAFT]
        drafts[0].status = Policy.Status.PUBLISHED  # published later, through the curators' save
        drafts[0].save()
    assert index.state()["changes"] >= 12
    answered = 0
    for params in queries(40):
        monkeypatch.setattr(service, "Matches", NoBitmaps)
        cache.clear()
        from_sql = search_policies(params)
        monkeypatch.setattr(service, "Matches", index.Matches)
        cache.clear()
        answered += index.Matches(parse(params.q), include_unpublished=False).ids() is not None
        from_index = search_policies(params)
        assert page_key(from_index) == page_key(from_sql), params
        matches = service.text_matches(service._base(False), parse(params.q))
        assert shown_counts(from_index) == facet_counts_by_orm(matches, params.active_filters()), params
    assert answered >= 25
    edits = {"数据要素": edited.pk, "发展": edited.pk}
    for q, pk in edits.items():
        assert pk in [hit.policy.pk for hit in search_policies(SearchParams(q=q, page_size=100)).hits]
    gone = {sample[1].pk, sample[2].pk}
    assert not gone & set(index.Matches(parse(""), include_unpublished=False).ids().tolist())
    assert drafts[0].pk in index.Matches(parse(""), include_unpublished=False).ids()
    assert not {policy.pk for policy in drafts[1:]} & set(index.Matches(parse(""), include_unpublished=False).ids())


@pytest.mark.django_db
def test_lexemes_too_rare_for_the_base_are_listed_and_answer_like_sql(archive, monkeypatch,
                                                                     django_capture_on_commit_callbacks):
    """A base holding only the lexemes of at least 8 policies: the rarer ones a query needs are listed from the GIN
    indexes in the statement that reads the base, and the pages, pools and facet counts still equal SQL's —
    after a write too, which the listing sees at once (it reads the policies themselves)."""
    monkeypatch.setattr(service, "EXACT_LIMIT", 3)
    monkeypatch.setattr(service, "CANDIDATES", 4)
    made = queries(40)  # drawn from the whole base: many of their lexemes are in fewer than 8 policies
    index.rebuild(min_docs=8, min_share=0.0)
    edited = Policy.objects.get(pk=archive[6].pk)  # the fixture's instance may carry another test's changes
    edited.clean_text = edited.simplified_text = "粤菜与地理标志产品。" + edited.simplified_text
    with django_capture_on_commit_callbacks(execute=True):  # the signals' vector rebuild
        edited.save()
    listed = 0
    for params in [*made, SearchParams(q="粤菜"), SearchParams(q="地理标志 -粤菜")]:
        monkeypatch.setattr(service, "Matches", NoBitmaps)
        cache.clear()
        from_sql = search_policies(params)
        monkeypatch.setattr(service, "Matches", index.Matches)
        cache.clear()
        matches = index.Matches(parse(params.q), include_unpublished=False)
        listed += bool(matches.ids() is not None and matches.listed())
        from_index = search_policies(params)
        assert page_key(from_index) == page_key(from_sql), params
        assert shown_counts(from_index) == shown_counts(from_sql), params
    assert listed >= 20
    assert edited.pk in index.Matches(parse("粤菜"), include_unpublished=False).ids()
    assert "粤菜 (too rare for a bitmap) listed" in search_policies(SearchParams(q="粤菜")).plan.reason


@pytest.mark.django_db
def test_the_bases_pairs_and_triples_are_chosen_from_a_fixed_sample(archive, monkeypatch):
    monkeypatch.setattr(index, "PAIR_SAMPLE", 20)  # of 45 policies: the sampled path, as at 100,000
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM documents_policy WHERE status = 'published'")
        published = cursor.fetchone()[0]
        cursor.execute("SELECT word, ndoc FROM ts_stat('SELECT phrase_vector FROM documents_policy "
                       "WHERE status = ''published''')")
        exact = dict(cursor.fetchall())
        most = max(exact.values())
        threshold = most // 2
        with CaptureQueriesContext(connection) as captured:
            chosen = index.frequent_pairs(cursor, published, threshold)
        assert all("TABLESAMPLE BERNOULLI" in query["sql"] for query in captured.captured_queries)
        assert index.frequent_pairs(cursor, published, threshold) == chosen  # the same sample every time
    commonest = {word for word, ndoc in exact.items() if ndoc >= 0.9 * most}
    assert threshold >= 5 and commonest and commonest <= set(chosen)
    assert len(chosen) < sum(ndoc >= threshold / 4 for ndoc in exact.values())  # estimates, not every pair
    assert all(" " in word for word in chosen)
