import pytest

from documents.search.highlight import snippets
from documents.search.service import SearchParams, search_policies


def test_matched_terms_are_marked_in_the_original_script():
    [snippet] = snippets("廣東省推動數字經濟發展。", ["数字经济"], count=1)
    assert snippet == "廣東省推動<mark>數字經濟</mark>發展。"


def test_document_text_is_escaped_around_and_inside_marks():
    [snippet] = snippets('<script>alert("x")</script>数字经济&<b>', ["数字经济"], count=1)
    assert "<script>" not in snippet and "<b>" not in snippet
    assert snippet == '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;<mark>数字经济</mark>&amp;&lt;b&gt;'


def test_snippet_keeps_the_text_as_written_without_inserted_spaces():
    [snippet] = snippets("加快建设国际一流营商环境", ["国际一流"], count=1)
    assert snippet == "加快建设<mark>国际一流</mark>营商环境"


def test_long_texts_give_windows_with_ellipses():
    text = "开头。" * 100 + "发展数据要素市场。" + "结尾。" * 100
    [snippet] = snippets(text, ["数据要素"], count=1, width=40)
    assert snippet.startswith("…") and snippet.endswith("…") and "<mark>数据要素</mark>" in snippet


def test_without_an_occurrence_the_opening_is_shown():
    assert snippets("第一句。第二句。", ["不存在"]) == ["第一句。第二句。"]


def test_when_conversion_changes_the_length_the_simplified_text_is_used():
    assert snippets("原文", ["简体"], simplified="这是简体文本") == ["这是<mark>简体</mark>文本"]


def test_line_breaks_become_spaces():
    assert snippets("第一行\n数字经济", ["数字经济"]) == ["第一行 <mark>数字经济</mark>"]


@pytest.mark.django_db
def test_a_policy_containing_markup_comes_back_escaped(make_policy):
    make_policy("数字经济通知", '<script>alert(1)</script>发展数字经济<img src=x onerror=alert(1)>')
    [hit] = search_policies(SearchParams(q="数字经济")).hits
    html = "".join(hit.snippets)
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html and "<mark>数字经济</mark>" in html
