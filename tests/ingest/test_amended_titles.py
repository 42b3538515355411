"""The titles a text says it amends under another name (ingest.versions.amended_titles), on corpus texts."""

from pathlib import Path

from documents.ingest.versions import amended_titles

LAWS = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook"


def read(relative):
    text = (LAWS / relative).read_text(encoding="utf-8")
    return text, text.split("\n", 1)[0].lstrip("# ").strip()


def test_a_city_taking_over_another_citys_regulation_names_the_one_like_its_own():
    # 《…关于修改<莱芜市钢结构建筑应用促进条例><莱芜市既有多层住宅增设电梯规定>的决定》: the second is another work.
    text, title = read("DLC/山东地方法规/地方性法规/山东/济南市钢结构建筑应用促进条例(2019-02-12).md")
    assert amended_titles(text, title) == ["莱芜市钢结构建筑应用促进条例"]


def test_a_renamed_work_names_its_former_title():
    text, title = read("DLC/上海地方法规/地方性法规/上海/上海市区和乡镇人民代表大会代表直接选举实施细则(2021-03-24).md")
    assert "上海市区县和乡镇人民代表大会代表直接选举实施细则" in amended_titles(text, title)


def test_a_decision_amending_several_laws_names_none_of_them_for_this_one():
    # 《关于修改〈中华人民共和国野生动物保护法〉等十五部法律的决定》 amends this law too, under its own name.
    text, title = read("经济法/循环经济促进法(2018-10-26).md")
    assert amended_titles(text, title) == []


def test_a_decision_naming_this_work_beside_another_names_no_other_title():
    text, title = read("行政法/城市房地产管理法(2019-08-26).md")
    assert amended_titles(text, title) == []


def test_a_text_amended_under_its_own_title_names_nothing():
    text, title = read("DLC/北京地方法规/地方性法规/北京/北京市机动车停车条例(2024-03-29).md")
    assert amended_titles(text, title) == []
