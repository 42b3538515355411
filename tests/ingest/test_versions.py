"""Two versions of a regulation compared article by article (pure), on the shared corpus's texts."""

from pathlib import Path

import pytest

from documents.ingest import versions
from documents.ingest.pipeline import ingest_bytes

BEIJING = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook/DLC/北京地方法规/地方性法规/北京"


def parsed(name):
    return ingest_bytes((BEIJING / name).read_bytes(), name)


@pytest.fixture(scope="module")
def parking():
    old, new = parsed("北京市机动车停车条例(2021-09-24).md"), parsed("北京市机动车停车条例(2024-03-29).md")
    return old, new, versions.compare_articles(versions.articles(old.sections), versions.articles(new.sections))


def test_versions_of_one_regulation_share_their_key_whatever_the_revision_note():
    assert versions.version_key("北京市机动车停车条例") == versions.version_key("北京市機動車停車條例 （2021年修订）")
    assert versions.version_key("中华人民共和国广告法(2018修正)") == "中华人民共和国广告法"
    assert versions.version_key("关于加快推进数字经济发展的实施意见（试行）").endswith("（试行）")  # a different document


def test_the_parking_regulation_2024_changed_three_articles_and_kept_forty(parking):
    old, new, rows = parking
    assert versions.summary(rows) == {"same": 40, "moved": 0, "changed": 3, "added": 0, "removed": 0}
    assert [row.right.number for row in rows] == [a.number for a in versions.articles(new.sections)]
    changed = {row.right.number: row for row in rows if row.kind == "changed"}
    art29 = changed["第二十九条"]
    # 2021: 应当经业主大会同意 …; 2024: 应当由业主依法共同决定.
    assert ("ins", "由") in art29.right_parts and any(mark == "ins" and "共" in text for mark, text in art29.right_parts)
    assert "".join(text for _, text in art29.left_parts) == art29.left.text
    assert "".join(text for _, text in art29.right_parts) == art29.right.text


def test_renumbered_articles_are_recognised_as_moved_not_changed():
    old, new = parsed("北京市制定地方性法规条例(2017-01-20).md"), parsed("北京市制定地方性法规条例(2023-07-28).md")
    rows = versions.compare_articles(versions.articles(old.sections), versions.articles(new.sections))
    moved = {row.left.number: row.right.number for row in rows if row.kind == "moved"}
    assert moved["第四十九条"] == "第六十条" and moved["第五十一条"] == "第六十二条"
    counts = versions.summary(rows)
    assert counts["added"] >= 10 and counts["removed"] >= 5 and counts["same"] >= 20
    # Every article of both texts appears exactly once.
    assert sorted(r.left.number for r in rows if r.left) == sorted(a.number for a in versions.articles(old.sections))
    assert sorted(r.right.number for r in rows if r.right) == sorted(a.number for a in versions.articles(new.sections))


def test_markup_in_a_text_stays_text_in_the_parts():
    left, right = versions.diff_parts("第一条 <b>旧</b>", "第一条 <b>新</b>")
    assert ("del", "旧") in left and ("ins", "新") in right and "".join(t for _, t in right) == "第一条 <b>新</b>"
