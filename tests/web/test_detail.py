import pytest
from django.test import Client
from django.utils.html import strip_tags

from documents.models import Policy

pytestmark = pytest.mark.django_db

TEXT = "为加快发展数字经济，制定本方案。\n一、总体要求\n坚持数据要素市场化。\n二、重点任务\n一是建设算力网络。二是培育数据市场。"
SECTIONS = [
    ("一、", "总体要求", "坚持数据要素市场化。"),
    ("二、", "重点任务", "一是建设算力网络。二是培育数据市场。"),
    ("一是", "建设算力网络", ""),
    ("二是", "培育数据市场", ""),
]


@pytest.fixture
def policy(make_policy):
    policy = make_policy("深圳市数字经济发展方案", TEXT, sections=SECTIONS, region="440300",
                         issuers=["深圳市人民政府"], year=2024, month=3, day=5, policy_type="方案")
    Policy.objects.filter(pk=policy.pk).update(doc_number="深府〔2024〕5号", source_site="深圳政府在线",
                                               source_url="https://www.sz.gov.cn/a.html")
    policy.refresh_from_db()
    return policy


def test_detail_shows_metadata_with_region_and_province(client, policy):
    html = client.get(policy.get_absolute_url()).content.decode()
    text = strip_tags(html)
    for expected in ("深圳市数字经济发展方案", "深圳市人民政府", "广东省", "深圳市", "2024年3月5日", "方案",
                     "深府〔2024〕5号", "深圳政府在线"):
        assert expected in text
    assert 'href="https://www.sz.gov.cn/a.html"' in html
    assert '<time datetime="2024-03-05">' in html


@pytest.mark.parametrize(("parts", "shown"), [((None, 8, 31), "8月31日（年份不详）"), ((None, None, None), "日期不详"),
                                               ((2023, None, None), "2023年"), ((2023, 6, None), "2023年6月")])
def test_date_is_shown_with_its_real_precision(client, make_policy, parts, shown):
    year, month, day = parts
    policy = make_policy("某政策", "正文", year=year, month=month, day=day)
    assert f"日期{shown}" in strip_tags(client.get(policy.get_absolute_url()).content.decode())


def test_toc_links_land_on_anchors_in_the_text(client, policy):
    html = client.get(policy.get_absolute_url()).content.decode()
    for anchor in ("s1", "s2", "s3", "s4"):
        assert f'href="#{anchor}"' in html
        assert f'id="{anchor}"' in html
    # Prose enumerations share a paragraph; each still gets its own anchor where it starts.
    assert '<strong id="s3" class="sec l1">一是建设算力网络</strong>。<strong id="s4"' in html


def test_script_toggle_converts_text_and_language(client, policy):
    response = client.get(policy.get_absolute_url(), {"script": "hant"})
    html = response.content.decode()
    assert '<html lang="zh-Hant">' in html
    assert "深圳市數字經濟發展方案" in html and "數據要素市場化" in html
    assert '<a href="?script=hans" lang="zh-Hans">简体</a>' in html
    default = client.get(policy.get_absolute_url()).content.decode()
    assert '<html lang="zh-Hans">' in default and "数据要素市场化" in default


def test_traditional_policy_opens_in_its_own_script(client, make_policy):
    policy = make_policy("廣東省數字經濟方案", "推進數據要素。", script="hant")
    html = client.get(policy.get_absolute_url()).content.decode()
    assert '<html lang="zh-Hant">' in html and "推進數據要素" in html
    assert "推进数据要素" in client.get(policy.get_absolute_url(), {"script": "hans"}).content.decode()


def test_unknown_script_falls_back_to_the_original(client, policy):
    assert client.get(policy.get_absolute_url(), {"script": "latin"}).status_code == 200


def test_citation_block_and_export_buttons(client, policy):
    html = client.get(policy.get_absolute_url()).content.decode()
    assert "深圳市人民政府. 深圳市数字经济发展方案：深府〔2024〕5号[EB/OL]. (2024-03-05)" in html
    assert f"http://testserver/policies/{policy.pk}/." in html
    for fmt in ("csv", "json", "bib", "ris"):
        assert f'href="/policies/{policy.pk}/export.{fmt}"' in html


def test_related_policies_share_province_and_key_terms(client, policy, make_policy):
    same = make_policy("广州市数字经济促进条例", "发展数字经济和数据要素市场。", region="440100", year=2022)
    make_policy("江苏省数字经济促进条例", "发展数字经济。", region="320000", year=2022)
    make_policy("广东省旅游条例", "旅游业发展。", region="440000", year=2022)
    response = client.get(policy.get_absolute_url())
    assert response.context["related"] == [same]
    assert "数字经济" in response.context["related_terms"]


def test_quality_warnings_are_for_staff_only(staff_client, policy):
    Policy.objects.filter(pk=policy.pk).update(
        quality_warnings=[{"kind": "mojibake", "message": "疑似乱码", "position": 3, "context": "?jiān"}])
    assert "疑似乱码" not in Client().get(policy.get_absolute_url()).content.decode()
    html = staff_client.get(policy.get_absolute_url()).content.decode()
    assert "疑似乱码" in html and "仅工作人员可见" in html


def test_drafts_are_404_for_anonymous_but_visible_to_staff(staff_client, make_policy):
    draft = make_policy("草稿政策", "正文", status=Policy.Status.DRAFT)
    anonymous = Client()
    assert anonymous.get(draft.get_absolute_url()).status_code == 404
    assert anonymous.get(f"/policies/{draft.pk}/export.csv").status_code == 404
    assert staff_client.get(draft.get_absolute_url()).status_code == 200


def test_missing_policy_is_404(client, db):
    assert client.get("/policies/999999/").status_code == 404
