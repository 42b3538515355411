"""Reading long laws of the shared corpus: articles labelled by their number (in either script), and a
388-article regulation's table of contents that lists its chapters first."""

import re
from pathlib import Path

import pytest

from documents.importing import import_document

pytestmark = pytest.mark.django_db
LAWS = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook"


def imported(relative):
    path = LAWS / relative
    return import_document(path.read_bytes(), path.name, source_key=relative).policy


def test_articles_are_labelled_by_their_number_never_a_bold_cut_of_their_first_sentence(client):
    policy = imported("DLC/浙江地方法规/地方性法规/浙江/浙江省数字经济促进条例(2020-12-24).md")
    html = client.get(f"/policies/{policy.pk}/", {"script": "hant"}).content.decode()
    labels = re.findall(r'<strong id="[^"]+" class="sec l\d">([^<]*)</strong>', html)
    assert "第一條" in labels and "第一章\u3000總則" in labels
    articles = [label for label in labels if "條" in label and "章" not in label]
    assert len(articles) > 50 and all(re.fullmatch(r"第[一二三四五六七八九十百]+條", label) for label in articles)
    assert "第一條</strong> 爲了促進數字經濟發展，加快建設現代化經濟體系，提升核心競爭力" in html


def test_a_388_article_regulation_lists_its_chapters_and_opens_their_articles_on_demand(client):
    policy = imported("部门规章/公安部/公安机关办理刑事案件程序规定(2020-07-20).md")
    html = client.get(f"/policies/{policy.pk}/").content.decode()
    toc = html[html.index('<nav class="toc"'):html.index("</nav>", html.index('<nav class="toc"'))]
    chapters = re.findall(r'<li class="l1 chapter"><details><summary><a href="#[^"]+">([^<]+)</a>', toc)
    assert len(chapters) >= 10 and chapters[0].startswith("第一章")
    assert toc.count("<details>") == len(chapters)  # each chapter's articles folded until opened
    assert toc.count('<a href="#') == policy.sections.count()  # every section still reachable
