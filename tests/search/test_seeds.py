"""Search over the five seed pages as imported by the pipeline."""

import pytest

from documents.chinese import to_traditional
from documents.search.service import SearchParams, search_policies

pytestmark = pytest.mark.django_db

PARITY_TERMS = [
    "数字经济", "高质量发展", "人工智能", "数据要素", "新质生产力", "国际一流", "长三角 OR 粤港澳", "人工智能",
    "数字经济 -广东", '"数字创新生态"', "开发区", "未来产业", "营商环境", "数字化转型", "集成电路",
    "试验区", "经济", "产业集群", "高新区", "数字政府", "数字湾区", "创新发展",
]


def ids(q, **params):
    return [hit.policy.pk for hit in search_policies(SearchParams(q=q, **params)).hits]


@pytest.mark.parametrize("term", PARITY_TERMS)
def test_a_query_and_its_traditional_form_give_the_same_ids_in_the_same_order(seed_policies, term):
    traditional = to_traditional(term)
    assert traditional != term or term in ("人工智能",)  # same in both scripts
    assert ids(term), term
    assert ids(traditional) == ids(term)


def test_policies_with_the_term_in_the_title_rank_first(seed_policies):
    found = ids("数字经济")
    # 001 and 003 say 数字经济 in their titles; 002 in a section heading; 000 only in its body.
    assert set(found[:2]) == {seed_policies["001"].pk, seed_policies["003"].pk}
    assert found[2:] == [seed_policies["002"].pk, seed_policies["000"].pk]


def test_phrase_finds_the_plan_that_has_it_in_its_title_first(seed_policies):
    assert ids('"国际一流"')[0] == seed_policies["002"].pk


@pytest.mark.parametrize("term", ["高新区新闻", "高新區新聞", "当前位置", "免责声明", "点击", "区域经济研究",
                                  "一带一路新闻", "智慧城市news"])
def test_navigation_boilerplate_is_not_indexed(seed_policies, term):
    assert ids(term) == []


def test_seed_highlights_come_from_the_traditional_original(seed_policies):
    [hit] = [h for h in search_policies(SearchParams(q="数字经济", province="440000")).hits]
    assert "<mark>數字經濟</mark>" in hit.snippets[0]


def test_seed_section_hits_link_the_matching_task_sections(seed_policies):
    hit = search_policies(SearchParams(q="长三角")).hits[0]
    assert hit.policy.pk == seed_policies["002"].pk
    assert hit.matched_sections and all(s["url"].startswith(f"/policies/{hit.policy.pk}/#") for s in hit.matched_sections)
