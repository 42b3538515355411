import json

import pytest
from django.core.management import CommandError, call_command

from documents.models import Policy
from documents.benchmarks.search import phrase_counts
from documents.search.service import SearchParams, search_policies

pytestmark = pytest.mark.django_db


def run(*args):
    from io import StringIO

    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_search_policies_json_is_the_api_body_with_relative_urls_and_no_paging_links(client, make_policy):
    make_policy("数字经济方案", "推进数字经济发展。", region="440100", year=2024,
                sections=[("一、", "发展数字经济", "正文。")])
    printed = json.loads(run("search_policies", "數字經濟", "--json", "--province", "440000"))
    api = json.loads(client.get("/api/policies/", {"q": "數字經濟", "province": "440000"}).content.decode()
                     .replace("http://testserver/", "/"))
    assert (api.pop("next"), api.pop("previous")) == (None, None)
    assert printed == api
    assert printed["count"] == 1


def test_search_policies_prints_one_line_per_hit_and_a_summary(make_policy):
    make_policy("数字经济方案", "正文。")
    lines = run("search_policies", "数字经济").splitlines()
    assert lines[0].startswith("#") and "数字经济方案" in lines[0]
    assert lines[-1] == "1 条结果，第 1/1 页"


def test_search_policies_explains_its_plan_with_each_statement(make_policy):
    make_policy("数字经济方案", "推进数字经济发展。", region="440100", year=2024)
    lines = run("search_policies", "数字经济", "--explain").splitlines()
    assert lines[0].startswith("matches: sql — no index")  # five policies: no base is built
    assert lines[1] == "index: none"
    assert any(line.startswith("counts: 1 matches, every facet by the facet arrays") for line in lines)
    assert any(line.startswith("ranking: every one of the 1 matches, in SQL") for line in lines)
    statements = [line for line in lines if line[:4].strip().rstrip(".").isdigit()]
    assert statements and all(" ms  " in line for line in statements)
    assert lines[-1].startswith(f"1 条结果; {len(statements)} statements")


def test_the_plan_says_the_index_answers_once_it_is_built(make_policy):
    from documents.search import index

    make_policy("数字经济方案", "推进数字经济发展。", region="440100", year=2024)
    make_policy("数字经济条例", "数字经济。", region="440300", year=2023)
    index.rebuild(min_docs=2, min_share=0.0)  # bitmaps for the lexemes of both policies
    page = search_policies(SearchParams(q="数字经济"))
    assert page.plan.matches == "index" and page.count == 2 and "listed" not in page.plan.reason
    assert "ranking: every one of the 2 matches, by the index's tiers" in page.plan.steps[-1]
    phrase = search_policies(SearchParams(q='"推进数字经济发展"'))
    assert phrase.plan.matches == "sql" and "positions" in phrase.plan.reason
    rare = search_policies(SearchParams(q="推进 数字经济"))  # 推进: one policy, too rare for a bitmap
    assert rare.plan.matches == "index" and rare.count == 1 and "推进 (too rare for a bitmap) listed" in rare.plan.reason
    assert search_policies(SearchParams(q="粤菜")).count == 0
    lines = run("search_policies", "数字经济", "--explain").splitlines()
    assert lines[0].startswith("matches: index") and lines[1].startswith("index: base of ")


def test_search_policies_refuses_malformed_filters():
    with pytest.raises(CommandError, match="年份"):
        run("search_policies", "x", "--year", "abc")


def test_reindex_rebuilds_missing_vectors(make_policy):
    policy = make_policy("算力网络规划", "正文。")
    Policy.objects.filter(pk=policy.pk).update(search_vector=None)
    assert "Reindexed 1 policies" in run("reindex")
    assert json.loads(run("search_policies", "算力", "--json"))["count"] == 1


def test_vectors_stored_by_the_import_equal_a_reindex(seeded):
    """The import builds each vector from the pipeline's result, outside the database; reindex
    builds it from the stored policy and its sections. They must agree, or search changes after a reindex."""
    imported = dict(Policy.objects.values_list("pk", "search_vector"))
    assert len(imported) == 5 and all(imported.values())
    Policy.objects.update(search_vector=None)
    run("reindex")
    assert dict(Policy.objects.values_list("pk", "search_vector")) == imported


def test_phrase_counts_compare_pair_lexemes_with_positions_on_the_same_data(make_policy):
    deep = make_policy("通知", "各地区要抓好落实。" * 2000 + "打造国际一流营商环境。")
    make_policy("方案", "打造国际一流营商环境。")
    make_policy("意见", "国际合作达到一流水平。")
    [row] = phrase_counts(['"国际一流"'], runs=1)
    # Positions stop at 16,383: the deep occurrence is found by its pair lexeme only.
    assert (row["q"], row["matches"], row["matches_by_positions"]) == ('"国际一流"', 2, 1)
    assert deep.pk in [hit.policy.pk for hit in search_policies(SearchParams(q='"国际一流"')).hits]
    assert row["pairs_ms"] > 0 and row["positions_ms"] > 0 and row["page_ms"] > 0
