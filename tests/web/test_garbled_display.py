"""The public detail page shows spans still flagged as mojibake as marked spans, escaped."""

import pytest
from django.test import Client

from documents.ingest.mojibake import detect
from documents.models import Policy

pytestmark = pytest.mark.django_db

MARK = '<span class="garbled" title="此处原文疑似乱码">'


def page(policy, **params):
    response = Client().get(policy.get_absolute_url(), params)
    assert response.status_code == 200
    return response.content.decode()


def test_unrepaired_span_of_a_seed_is_marked_and_the_repaired_one_reads_as_text(seeded_module):
    policy = Policy.objects.get(title__startswith="工信部部長金壯龍")
    html = page(policy)
    # ?huì) was restored as 會 (会上); ?jiān) and the stray 跁 beside it are not the source's wording.
    assert f"金壯龍{MARK}?jiān)跁</span>會上表示" in html
    assert html.count('class="garbled"') == 1


def test_every_flagged_span_of_a_seed_is_marked_in_both_scripts(seeded_module):
    policy = Policy.objects.get(title__startswith="廣東省國家數字經濟")
    for script, around in (("hant", "布局{}數據產業"), ("hans", "布局{}数据产业")):
        html = page(policy, script=script)
        assert around.format(f"{MARK}?jǐn)</span>") in html
        assert html.count('class="garbled"') == 2


def test_seed_without_flagged_spans_has_no_mark(seeded_module):
    assert 'class="garbled"' not in page(Policy.objects.get(title="打造国际一流的数字创新生态实施方案"))


def test_markup_inside_a_garbled_span_stays_escaped(make_policy):
    text = "一、总体要求\n推动数字经济?<script>alert(1)</script>发展。"
    policy = make_policy("某方案", text, sections=[("一、", "总体要求", "")])
    start = text.index("?")
    span = "?<script>alert(1)</script>"
    Policy.objects.filter(pk=policy.pk).update(quality_warnings=[
        {"kind": "mojibake", "message": f"第 {start} 个字符处疑似乱码：「{span}」，请对照原文核对", "position": start}])
    html = page(policy)
    assert f"推动数字经济{MARK}?&lt;script&gt;alert(1)&lt;/script&gt;</span>发展。" in html
    assert "<script>alert(1)" not in html
    assert '<strong id="s1" class="sec l1">一、总体要求</strong>' in html


def test_garbled_span_inside_a_section_heading_is_marked(make_policy):
    text = "前言。\n一、推进金壯龍?jiān)跁建设\n正文。"
    policy = make_policy("某方案", text, sections=[("一、", "推进金壯龍?jiān)跁建设", "")])
    warnings, _ = detect(text)
    Policy.objects.filter(pk=policy.pk).update(
        quality_warnings=[{"kind": w.kind, "message": w.message, "position": w.position} for w in warnings])
    html = page(policy)
    assert f'<strong id="s1" class="sec l1">一、推进金壯龍{MARK}?jiān)跁</span>建设</strong>' in html
