"""The search index (documents/search/index.py): bitmaps that answer like SQL, kept exact by every write."""


import numpy as np
import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from documents.search import index, service
from documents.search.index import EVERY, apply_changes, decode, encode, evaluate, keys
from documents.search.query import (
    PAIRS, WORDS, AllOf, AnyOf, Lexeme, Match, Not, Sequence, parse, render,
)
from documents.search.service import SearchParams, search_policies

# --- pure ----------------------------------------------------------------------------------


def test_the_index_walks_the_parsers_trees():
    assert parse("數字經濟").query() == Lexeme("数字经济")
    assert parse("数据 安全").query() == AllOf((Lexeme("数据"), Lexeme("安全")))
    assert parse("数据 OR 安全").query() == AnyOf((Lexeme("数据"), Lexeme("安全")))
    assert parse("数据 -安全").query() == AllOf((Lexeme("数据"), Not(Lexeme("安全"))))
    assert parse("数据").query("AB") == Lexeme("数据", "AB")
    # The SQL text is the same tree rendered, every lexeme quoted.
    assert render(AllOf((Lexeme("it's"), Lexeme("a\\b")))) == "'it''s' & 'a\\\\b'"
    assert render(AllOf((AnyOf((Lexeme("a"), Lexeme("b"))), Not(Lexeme("c"))))) == "('a' | 'b') & !'c'"


def test_what_bitmaps_cannot_answer_is_refused():
    positions = Sequence(((Lexeme("公共"), 0), (Lexeme("数据"), 2)))
    assert keys(Match.of(WORDS, positions)) is None
    assert keys(Match.of(WORDS, Lexeme("数据", "A")), "a") is None  # weights inside a field's bitmap
    assert keys(Match.of(PAIRS, Lexeme("公共 数据")), "ab") is None  # pairs have no title bitmaps
    assert keys(Match(WORDS, "'数据'")) is None  # a tsquery text without its tree is never read back


def test_keys_name_the_bitmaps_a_condition_needs():
    assert keys(parse("数据 安全").condition()) == {(WORDS, "数据", "any"), (WORDS, "安全", "any")}
    assert keys(parse('"公共数据"').condition()) == {(PAIRS, "公共 数据", "any")}
    assert keys(parse("数据 -安全").condition()) == {(WORDS, "数据", "any"), (WORDS, "安全", "any"), EVERY}
    assert keys(Match.of(WORDS, AllOf((Lexeme("数据"), Lexeme("安全")))), "a") == {(WORDS, "数据", "a"), (WORDS, "安全", "a")}
    assert keys(parse('"公共数据开放"').condition()) == {(PAIRS, "公共 数据 开放", "any")}  # one triple
    assert keys(parse('"公共数据开放共享"').condition()) is None  # four pieces: positions must be checked
    assert keys(None) is None


def test_evaluation_is_set_logic_over_the_published_policies():
    ids = {"a": [1, 2, 3], "b": [2, 3, 4], "c": [3], "": [1, 2, 3, 4, 5]}
    bitmaps = {(WORDS, word, "any"): decode(encode(np.array(found), 7), 7) for word, found in ids.items()}
    bitmaps[(PAIRS, "a b", "any")] = decode(encode(np.array([2]), 7), 7)

    def found(condition):
        return np.flatnonzero(evaluate(condition, bitmaps)).tolist()

    a, b, c = Lexeme("a"), Lexeme("b"), Lexeme("c")
    assert found(Match.of(WORDS, AllOf((a, b)))) == [2, 3]
    assert found(Match.of(WORDS, AnyOf((a, c)))) == [1, 2, 3]
    assert found(Match.of(WORDS, AllOf((b, Not(c))))) == [2, 4]
    assert found(Match.of(WORDS, Not(a))) == [4, 5]  # not 0 or 6: no such policy
    assert found(AllOf((Match.of(WORDS, a), Match.of(PAIRS, Lexeme("a b"))))) == [2]


def test_bitmaps_round_trip():
    ids = np.array([0, 7, 8, 99])
    assert np.flatnonzero(decode(encode(ids, 100), 100)).tolist() == [0, 7, 8, 99]


# --- on the seeds ----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def counted_seeds(seed_policies, django_db_blocker):
    """The seeds with every lexeme's bitmaps built, once for the module (inside its seeds' rollback)."""
    with django_db_blocker.unblock():
        index.rebuild(min_docs=1, min_share=0.0)
    return seed_policies


@pytest.mark.django_db
def test_frequent_words_are_counted_pooled_and_tiered_without_a_text_match_in_sql(counted_seeds, monkeypatch):
    monkeypatch.setattr(service, "EXACT_LIMIT", 1)
    params = SearchParams(q="数字经济 发展", sort="relevance")
    with CaptureQueriesContext(connection) as captured:
        page = search_policies(params)
    statements = [query["sql"] for query in captured.captured_queries]
    assert page.count > 1 and page.hits
    # No listing, pool or tier from the policies' GIN indexes (the index reads its change log's own).
    assert [sql for sql in statements if "@@" in sql and "search_changes" not in sql] == []
    assert sum("ts_rank_cd" in sql for sql in statements) == 1  # each candidate's vector read once
    assert page.count == search_policies(params, include_unpublished=True).count


@pytest.mark.django_db
def test_a_phrase_from_the_index_is_ranked_without_testing_its_match_again(counted_seeds, monkeypatch):
    monkeypatch.setattr(service, "EXACT_LIMIT", 1)  # pools, as for a phrase in thousands of policies
    params = SearchParams(q='"数字经济"', sort="relevance")
    with CaptureQueriesContext(connection) as captured:
        page = search_policies(params)
    ranking = [query["sql"] for query in captured.captured_queries if "ts_rank_cd" in query["sql"]]
    assert page.plan.matches == "index" and "SQL's tiers" in page.plan.steps[-1] and len(ranking) == 1
    # The candidates are cut to the exact matches in memory: no phrase vector is decompressed to test them.
    assert "phrase_vector" not in ranking[0]
    from_sql = search_policies(params, include_unpublished=True)  # drafts included: no index, the SQL path
    assert [(hit.policy.pk, hit.rank) for hit in page.hits] == [(hit.policy.pk, hit.rank) for hit in from_sql.hits]


def test_a_base_bitmap_is_brought_up_to_date_by_the_changes():
    base = decode(encode(np.array([1, 2, 5]), 6), 6)
    # 2 changed and no longer matches, 5 changed and still does, 7 is new and matches.
    rows = apply_changes(base, np.array([2, 5, 7]), np.array([5, 7]), 8)
    assert np.flatnonzero(rows).tolist() == [1, 5, 7]


@pytest.mark.django_db
def test_a_write_is_answered_by_the_index_at_once_without_a_rebuild(counted_seeds, make_policy):
    before = index.Matches(parse("数字经济"), include_unpublished=False).ids()
    assert before is not None and before.size == search_policies(SearchParams(q="数字经济")).count
    added = make_policy("北京数字经济规划", "正文。", region="110000", year=2024)
    after = index.Matches(parse("数字经济"), include_unpublished=False).ids()
    assert after is not None and sorted(after) == sorted([*before, added.pk])
    assert added.pk in [hit.policy.pk for hit in search_policies(SearchParams(q="数字经济", sort="newest")).hits]
    assert index.state()["changes"] >= 1
    index.rebuild(min_docs=1, min_share=0.0)  # folds the log into the base: the same answer, an empty log
    assert index.state()["changes"] == 0
    assert sorted(index.Matches(parse("数字经济"), include_unpublished=False).ids()) == sorted(after)


@pytest.mark.django_db
def test_drafts_are_never_answered_from_bitmaps(counted_seeds):
    assert index.Matches(parse("数字经济"), include_unpublished=True).ids() is None


def test_a_policy_newer_than_the_bitmaps_is_left_out_not_an_error():
    assert np.flatnonzero(decode(encode(np.array([3, 9, 12]), 10), 10)).tolist() == [3, 9]


@pytest.mark.django_db
def test_no_bitmaps_while_a_published_policy_has_no_vector(seed_policies):
    from documents.models import Policy

    Policy.objects.filter(pk=seed_policies["000"].pk).update(search_vector=None)
    index.rebuild(min_docs=1, min_share=0.0)
    # Browsing still counts every published policy; `!x` and a negated filter would disagree on this one.
    assert index.Matches(parse(""), include_unpublished=False).ids() is not None
    assert index.Matches(parse("数字经济 -发展"), include_unpublished=False).ids() is None


@pytest.mark.django_db
def test_a_changed_policy_waiting_for_its_vector_sends_queries_to_sql(counted_seeds):
    from documents.models import Policy

    assert index.Matches(parse("数字经济"), include_unpublished=False).ids() is not None
    Policy.objects.filter(pk=counted_seeds["001"].pk).update(search_vector=None)
    assert index.Matches(parse("数字经济"), include_unpublished=False).ids() is None


@pytest.mark.django_db
def test_the_log_is_read_through_its_gin_indexes(counted_seeds):
    # Small in pages, the log would be scanned, every row's vectors decompressed for each lexeme.
    from documents.models import Policy

    Policy.objects.get(pk=counted_seeds["001"].pk).save()  # one logged row
    with CaptureQueriesContext(connection) as captured:
        bitmaps, listed, why = index.fetch({(PAIRS, "数字 经济", "any"), (WORDS, "数据", "a")})
    assert why is None and bitmaps and not listed
    statements = [query["sql"] for query in captured.captured_queries]
    read = next(k for k, sql in enumerate(statements) if "FROM search_changes WHERE published AND" in sql)
    assert "SET LOCAL enable_seqscan = off" in statements[:read]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + statements[read])
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "on search_changes_pairs" in plan and "on search_changes_title" in plan, plan


@pytest.mark.django_db
def test_the_log_triggers_watch_every_column_a_read_depends_on():
    import importlib

    from django.db import connection

    from documents.search.facet_registry import COLUMNS

    watched = importlib.import_module("documents.migrations.0023_search_change_log").WATCHED
    assert set(COLUMNS.values()) | {"status", "search_vector", "phrase_vector", "date"} <= set(watched)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'search_log_policy_updated'")
        definition = cursor.fetchone()[0]
    assert all(f"old.{column}" in definition for column in watched), definition


@pytest.mark.django_db
def test_migration_0024_gives_phrase_vectors_their_triples(seeded):
    import importlib

    from django.apps import apps

    from documents.models import Policy

    def triples():
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM documents_policy, unnest(phrase_vector) WHERE lexeme LIKE '% % %'")
            return cursor.fetchone()[0]

    written = dict(Policy.objects.values_list("pk", "phrase_vector"))
    before = triples()
    with connection.cursor() as cursor:  # the vectors as before 0024: pairs only
        cursor.execute("UPDATE documents_policy SET phrase_vector = array_to_tsvector(ARRAY(SELECT lexeme "
                       "FROM unnest(phrase_vector) WHERE lexeme NOT LIKE '% % %'))")
    assert before > 1000 and triples() == 0
    index.rebuild()
    with connection.schema_editor() as editor:
        importlib.import_module("documents.migrations.0024_phrase_triples").add_triples(apps, editor)
    assert dict(Policy.objects.values_list("pk", "phrase_vector")) == written
    assert index.state() is None  # the base predates the triples: it is rebuilt, not trusted
