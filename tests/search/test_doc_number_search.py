"""A query that is a document number (文号), in any bracket style, finds that document first."""

import pytest
from django.core.management import call_command
from django.db import connection

from documents.models import Policy
from documents.search.planner import index_scans
from documents.search.query import parse
from documents.search.service import (
    SearchParams, _doc_number, text_matches, matching_policies, search_policies,
)

pytestmark = pytest.mark.django_db

STYLES = ["京经信发〔2022〕87号", "京经信发[2022]87号", "京经信发(2022)87号", "京经信发（2022）87号",
          "京经信发【2022】87号", "（京经信发〔2022〕87号）"]


def numbered(make_policy, number, *args, **kwargs):
    policy = make_policy(*args, **kwargs)
    Policy.objects.filter(pk=policy.pk).update(doc_number=number)
    return policy


@pytest.fixture
def beijing(make_policy):
    """The notice (its text without its number, as a reader takes header lines off), two newer
    policies citing it in their bodies, and one about something else."""
    notice = numbered(make_policy, "京经信发〔2022〕87号", "关于推进北京市数据专区建设的指导意见",
                      "为促进政企数据融合应用，现就推进数据专区建设提出如下意见。", region="110000", year=2022)
    citing = [
        make_policy(f"数据专区运营细则{n}", "根据《关于推进北京市数据专区建设的指导意见》（京经信发〔2022〕87号），制定本细则。",
                    region="110000", year=2023 + n)
        for n in range(2)
    ]
    other = numbered(make_policy, "京经信发〔2022〕88号", "另一份通知", "无关内容。", region="110000", year=2022)
    return notice, citing, other


@pytest.mark.parametrize("query", STYLES)
def test_every_bracket_style_finds_the_numbered_policy_first_and_counts_it(beijing, query):
    notice, citing, _ = beijing
    page = search_policies(SearchParams(q=query))
    assert [hit.policy.pk for hit in page.hits] == [notice.pk, citing[1].pk, citing[0].pk]
    assert page.count == 3
    assert page.facets["year"][0]["count"] >= 1 and sum(item["count"] for item in page.facets["year"]) == 3


def test_matching_policies_gives_the_same_order(beijing):
    notice, citing, _ = beijing
    ordered = list(matching_policies(SearchParams(q="京经信发[2022]87号")).values_list("pk", flat=True))
    assert ordered == [notice.pk, citing[1].pk, citing[0].pk]


def test_a_policy_holding_its_number_in_its_text_is_counted_once(make_policy):
    policy = numbered(make_policy, "国发〔2021〕29号", "国务院关于印发某规划的通知", "国发〔2021〕29号\n各省人民政府：现印发。")
    page = search_policies(SearchParams(q="国发(2021)29号"))
    assert page.count == 1 and [hit.policy.pk for hit in page.hits] == [policy.pk]


def test_an_order_number_with_or_without_brackets(make_policy):
    order = numbered(make_policy, "上海市人民政府令第19号", "中国(上海)自由贸易试验区临港新片区管理办法", "第一条 为了推进建设。")
    for query in ("上海市人民政府令（第19号）", "上海市人民政府令第19号", "上海市人民政府令(第19号)"):
        assert [hit.policy.pk for hit in search_policies(SearchParams(q=query)).hits] == [order.pk]


def test_drafts_stay_hidden_from_the_public_but_staff_find_them(make_policy):
    draft = numbered(make_policy, "粤府〔2023〕5号", "广东省某方案", "内容。", status=Policy.Status.DRAFT)
    assert search_policies(SearchParams(q="粤府[2023]5号")).count == 0
    assert [hit.policy.pk for hit in search_policies(SearchParams(q="粤府[2023]5号"), include_unpublished=True).hits
            ] == [draft.pk]


def test_filters_still_apply(beijing):
    assert search_policies(SearchParams(q="京经信发〔2022〕87号", province="440000")).count == 0
    assert search_policies(SearchParams(q="京经信发〔2022〕87号", year=2022)).count == 1


def test_only_a_whole_doc_number_query_looks_up_the_number(beijing):
    notice, _, _ = beijing
    assert _doc_number(parse("数字经济")) is None
    assert _doc_number(parse("京经信发〔2022〕87号 数据专区")) is None
    assert _doc_number(parse("京经信发〔2022〕87号 -细则")) is None
    assert notice.pk not in [h.policy.pk for h in search_policies(SearchParams(q="京经信发〔2022〕87号 细则")).hits]


def test_the_number_is_looked_up_through_its_index(beijing):
    """Without the btree index the OR of the text match and the number reads every row."""
    Policy.objects.bulk_create(
        Policy(title=f"政策{n}", clean_text="正文。", raw_text="正文。", simplified_text="正文。",
               content_hash=f"filler-{n}", doc_number=f"京政发〔2020〕{n}号", status=Policy.Status.PUBLISHED)
        for n in range(3000)
    )
    matches = text_matches(Policy.objects.published(), parse("京经信发[2022]87号")).order_by()
    sql, params = matches.values("pk").query.sql_with_params()
    with index_scans(), connection.cursor() as cursor:
        cursor.execute("ANALYZE documents_policy")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "BitmapOr" in plan and "policy_doc_number" in plan and "Seq Scan" not in plan


def test_result_page_and_api_put_the_numbered_policy_first(client, beijing):
    notice, citing, _ = beijing
    html = client.get("/policies/", {"q": "京经信发[2022]87号"}).content.decode()
    assert html.index(notice.title) < html.index(citing[1].title) < html.index(citing[0].title)
    body = client.get("/api/policies/", {"q": "京经信发(2022)87号"}).json()
    assert body["count"] == 3
    assert [result["id"] for result in body["results"]] == [notice.pk, citing[1].pk, citing[0].pk]
    assert body["results"][0]["doc_number"] == "京经信发〔2022〕87号"


PKULAW_LIKE = (
    "    【法宝引证码】 CLI.12.5679380\r\n原文链接：https://www.pkulaw.com/lar/a28211d04d610dda90d16553dc812a4bbdfb.html\r\n"
    "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知\r\n"
    "京经信发〔2022〕87号\r\n各区政府,各相关单位：\r\n"
    "\u3000\u3000为促进政企数据融合应用，充分释放数据要素价值，我局制定了《关于推进北京市数据专区建设的指导意见》，"
    "现印发给你们，请结合实际认真贯彻落实。\r\n北京市经济和信息化局\r\n2022年11月21日\r\n"
)


def test_an_imported_file_is_found_by_its_number_in_another_bracket_style(tmp_path, make_policy):
    path = tmp_path / "北京市经济和信息化局印发《关于推进北京市数...(FBM-CLI.12.5679380).txt"
    path.write_text(PKULAW_LIKE, encoding="utf-8")
    citing = make_policy("数据专区运营细则", "依据京经信发〔2022〕87号文件制定。", year=2025)
    call_command("import_policies", str(tmp_path), quiet=True)
    imported = Policy.objects.exclude(pk=citing.pk).get()
    assert imported.doc_number == "京经信发〔2022〕87号"
    assert imported.status == Policy.Status.PUBLISHED
    for query in ("京经信发[2022]87号", "京经信发(2022)87号"):
        assert [hit.policy.pk for hit in search_policies(SearchParams(q=query)).hits][0] == imported.pk
