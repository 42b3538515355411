import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.models import Policy
from documents.search.service import SearchParams, matching_policies, search_policies

pytestmark = pytest.mark.django_db


def ids(page):
    return [hit.policy.pk for hit in page.hits]


@pytest.fixture
def tiers(make_policy):
    """Three policies that mention 数据要素 in the title, a heading, or only the body."""
    body = make_policy("关于加快发展的意见", "推动数据要素市场化配置改革。" + "其他内容。" * 50, year=2024, month=5, day=1)
    heading = make_policy("关于产业发展的通知", "总体要求。", sections=[("一、", "培育数据要素市场", "建立规则。")],
                          year=2020)
    title = make_policy("数据要素市场建设方案", "全文。", year=2019)
    return title, heading, body


def test_title_match_ranks_above_heading_match_above_body_match(tiers):
    title, heading, body = tiers
    assert ids(search_policies(SearchParams(q="数据要素"))) == [title.pk, heading.pk, body.pk]


def test_matching_policies_orders_every_match_like_the_result_page(tiers):
    assert list(matching_policies(SearchParams(q="数据要素")).values_list("pk", flat=True)) == [p.pk for p in tiers]


def test_equal_relevance_is_broken_by_date_newest_first(make_policy):
    old = make_policy("算力规划", "内容。", year=2018)
    new = make_policy("算力方案", "内容。", year=2023)
    assert ids(search_policies(SearchParams(q="算力"))) == [new.pk, old.pk]


def test_closer_terms_rank_higher_within_a_tier(make_policy):
    far = make_policy("通知甲", "人工智能。" + "无关的句子。" * 200 + "集成电路。", year=2020)
    near = make_policy("通知乙", "人工智能与集成电路协同发展。", year=2020)
    assert ids(search_policies(SearchParams(q="人工智能 集成电路"))) == [near.pk, far.pk]


def test_newest_and_oldest_sorts_ignore_relevance(tiers):
    title, heading, body = tiers
    assert ids(search_policies(SearchParams(q="数据要素", sort="newest"))) == [body.pk, heading.pk, title.pk]
    assert ids(search_policies(SearchParams(q="数据要素", sort="oldest"))) == [title.pk, heading.pk, body.pk]


def test_empty_query_browses_everything_newest_first(tiers):
    page = search_policies(SearchParams())
    assert page.count == 3
    assert ids(page) == [tiers[2].pk, tiers[1].pk, tiers[0].pk]


def test_part_of_a_dictionary_word_finds_the_whole(make_policy):
    policy = make_policy("关于数字经济核心产业的通知", "正文。")
    assert ids(search_policies(SearchParams(q="经济"))) == [policy.pk]
    assert ids(search_policies(SearchParams(q="数字经济"))) == [policy.pk]


def test_exclusion_removes_policies(make_policy):
    keep = make_policy("数字经济方案", "上海。")
    make_policy("数字经济意见", "苏州工业园区。")
    assert ids(search_policies(SearchParams(q="数字经济 -苏州"))) == [keep.pk]


def test_or_finds_either_term(make_policy):
    a = make_policy("长三角一体化", "正文。", year=2021)
    b = make_policy("粤港澳大湾区", "正文。", year=2020)
    make_policy("京津冀协同", "正文。")
    assert set(ids(search_policies(SearchParams(q="长三角 OR 粤港澳")))) == {a.pk, b.pk}


def test_phrase_requires_adjacent_characters(make_policy):
    adjacent = make_policy("打造国际一流营商环境", "正文。")
    make_policy("国际合作方案", "达到一流水平。")
    assert ids(search_policies(SearchParams(q='"国际一流"'))) == [adjacent.pk]


def test_a_longer_phrase_needs_its_pairs_in_order_and_together(make_policy):
    together = make_policy("方案", "推进公共数据开放。")
    make_policy("意见", "加强公共数据管理。推动数据开放。")
    assert ids(search_policies(SearchParams(q="公共数据开放"))) == [together.pk]


def test_a_phrase_deep_in_a_long_policy_is_found(make_policy):
    # Positions stop at 16,383; the pair and triple lexemes need none to say the pieces abut.
    long = make_policy("通知", "各地区要抓好落实。" * 2000 + "打造国际一流营商环境。推进公共数据开放。")
    assert ids(search_policies(SearchParams(q='"国际一流"'))) == [long.pk]
    assert ids(search_policies(SearchParams(q='"公共数据开放"'))) == [long.pk]


def test_drafts_are_hidden_unless_asked_for(make_policy):
    draft = make_policy("专精特新企业培育", "正文。", status=Policy.Status.DRAFT)
    assert search_policies(SearchParams(q="专精特新")).count == 0
    assert ids(search_policies(SearchParams(q="专精特新"), include_unpublished=True)) == [draft.pk]


def test_pagination_counts_pages_and_slices(make_policy):
    made = [make_policy(f"算力通知{i}", "正文。", year=2000 + i) for i in range(5)]
    page = search_policies(SearchParams(q="算力", page=2, page_size=2, sort="newest"))
    assert (page.count, page.num_pages) == (5, 3)
    assert ids(page) == [made[2].pk, made[1].pk]
    assert search_policies(SearchParams(q="算力", page=9, page_size=2)).hits == []


def test_matched_sections_name_the_sections_containing_the_terms(make_policy):
    policy = make_policy("方案", "正文。发展算力，建设數據中心。加强数据中心安全。", sections=[("一、", "总体要求", "坚持创新。"), ("二、", "发展算力", "建设數據中心。"),
                                                   ("三、", "保障措施", "加强数据中心安全。")], script="hant")
    hit = search_policies(SearchParams(q="数据中心")).hits[0]
    assert hit.matched_sections == [
        {"number": "二、", "heading": "发展算力", "anchor": "s2", "url": f"/policies/{policy.pk}/#s2"},
        {"number": "三、", "heading": "保障措施", "anchor": "s3", "url": f"/policies/{policy.pk}/#s3"},
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_vector_follows_an_edited_title_and_sections_on_save(make_policy):
    policy = make_policy("旧标题", "正文。", sections=[("一、", "总体要求", "正文。")])
    policy.title = "元宇宙发展行动计划"
    policy.save()
    assert ids(search_policies(SearchParams(q="元宇宙"))) == [policy.pk]
    section = policy.sections.get()
    section.heading = "发展低空经济"
    section.save()
    assert search_policies(SearchParams(q="低空经济")).hits[0].rank >= 1  # a heading match


def test_bounded_candidates_keep_title_matches_first_and_phrases_exact(make_policy, monkeypatch):
    from documents.search import service

    monkeypatch.setattr(service, "EXACT_LIMIT", 0)
    monkeypatch.setattr(service, "CANDIDATES", 2)
    monkeypatch.setattr(service, "WIDER", 2)
    old_title = make_policy("数据要素市场方案", "正文。", year=2001)
    body = [make_policy(f"通知{i}", "数据要素。", year=2010 + i) for i in range(5)]
    found = ids(search_policies(SearchParams(q="数据要素", page_size=2)))
    assert found == [old_title.pk, body[-1].pk]
    apart = [make_policy(f"意见{i}", "国际合作。一流水平。", year=2020 + i) for i in range(4)]
    adjacent = make_policy("办法", "国际一流。", year=2000)
    assert ids(search_policies(SearchParams(q='"国际一流"', page_size=2))) == [adjacent.pk]
    assert apart


def test_title_matches_found_among_the_newest_policies_are_the_newest_title_matches(make_policy, monkeypatch):
    from documents.search import service

    monkeypatch.setattr(service, "EXACT_LIMIT", 0)
    monkeypatch.setattr(service, "CANDIDATES", 2)
    monkeypatch.setattr(service, "WINDOW", 2)  # the newest 4 policies are looked at first
    titles = [make_policy(f"数据要素方案{i}", "正文。", year=2020 + i) for i in range(3)]
    make_policy("通知", "数据要素。", year=2030)
    make_policy("数据要素旧方案", "正文。", year=2001)
    with connection.cursor() as cursor:  # the row estimate "most policies" is judged by, for these five
        cursor.execute("ANALYZE documents_policy")
    exact = [policy.pk for policy in matching_policies(SearchParams(q="数据要素"))[:2]]
    with CaptureQueriesContext(connection) as queries:
        found = ids(search_policies(SearchParams(q="数据要素", page_size=2)))
    assert found == exact == [titles[2].pk, titles[1].pk]
    # Both field pools were tested on the window's vectors in one statement, with weight-restricted queries.
    assert [q for q in queries.captured_queries if "= ANY(" in q["sql"] and ":A'" in q["sql"] and ":AB'" in q["sql"]]


def test_a_ranked_page_is_cached_until_any_policy_changes(make_policy, django_capture_on_commit_callbacks):
    body = make_policy("通知", "推进算力建设。", year=2024)
    assert ids(search_policies(SearchParams(q="算力"))) == [body.pk]
    with CaptureQueriesContext(connection) as again:
        assert ids(search_policies(SearchParams(q="算力"))) == [body.pk]
    assert not [query for query in again.captured_queries if "ts_rank_cd" in query["sql"]]  # not ranked again
    with django_capture_on_commit_callbacks(execute=True):
        title = make_policy("算力发展方案", "正文。", year=2020)
    assert ids(search_policies(SearchParams(q="算力"))) == [title.pk, body.pk]  # a title match ranks first


def test_result_pages_do_not_load_the_search_vectors(make_policy):
    make_policy("算力发展方案", "推进算力建设。", year=2024)
    with CaptureQueriesContext(connection) as queries:
        page = search_policies(SearchParams(q="算力"))
    assert page.hits[0].policy.title == "算力发展方案"
    columns = [q["sql"].split(" FROM ")[0] for q in queries.captured_queries
               if '"documents_policy"."clean_text"' in q["sql"]]
    assert columns and not [c for c in columns if "search_vector" in c or "phrase_vector" in c or "minhash" in c]


def test_a_page_without_query_words_shows_openings_without_loading_whole_texts(make_policy):
    long = make_policy("长文", "第一句话。" + "正文内容。" * 200, year=2024)
    short = make_policy("短文", "只有一句。", year=2023)
    with CaptureQueriesContext(connection) as queries:
        page = search_policies(SearchParams())
    shown = {hit.policy.pk: hit.snippets for hit in page.hits}
    assert shown[short.pk] == ["只有一句。"]
    assert shown[long.pk][0].startswith("第一句话。正文内容。") and shown[long.pk][0].endswith("…")
    whole_texts = re.compile(r'(?<!LEFT\()"documents_policy"\."(clean|simplified)_text"')
    assert not [q["sql"] for q in queries.captured_queries if whole_texts.search(q["sql"].split(" FROM ")[0])]
