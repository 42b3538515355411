"""The pkulaw (北大法宝) export reader, on the 8 exports of ../shared/corpus/policies/pkulaw."""

from pathlib import Path

import pytest

from documents.ingest.pkulaw import is_pkulaw, normalise_line_ends, read_pkulaw

PKULAW = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "policies" / "pkulaw"

# file → (法宝引证码, title, 文号, the body's first characters)
EXPORTS = {
    "中国(上海)自由贸易试验区临港新片区管理办法(FBM-CLI.11.1535062).txt": (
        "CLI.11.1535062", "中国(上海)自由贸易试验区临港新片区管理办法", "上海市人民政府令第19号", "　　《中国（上海）"),
    "中山市政务数据管理办法(FBM-CLI.11.1598088).txt": (
        "CLI.11.1598088", "中山市政务数据管理办法", "中山市人民政府令第16号", "　　《中山市政务数据管理办法》"),
    "包头市人民政府办公室关于印发《包头市2022年数...(FBM-CLI.12.5115678).txt": (
        "CLI.12.5115678", "包头市人民政府办公室关于印发《包头市2022年数字政府建设考评办法》的通知",
        "包府办发〔2022〕43号", "各旗、县、区人民政府"),
    "北京市经济和信息化局印发《关于推进北京市数...(FBM-CLI.12.5679380).txt": (
        "CLI.12.5679380", "北京市经济和信息化局印发《关于推进北京市数据专区建设的指导意见》的通知",
        "京经信发〔2022〕87号", "各区政府,各相关单位："),
    # Given twice: "(2021—2023年)", then "（2021-2023年）"; the second is kept.
    "安徽省人民政府办公厅关于印发支持工业互联网...(FBM-CLI.12.4638041).txt": (
        "CLI.12.4638041",
        "安徽省人民政府办公厅关于印发支持工业互联网发展若干政策和安徽省工业互联网创新发展行动计划（2021-2023年）的通知",
        "皖政办秘〔2021〕82号", "各市人民政府，省政府各部门"),
    "安徽省推进“三地一区”建设领导小组改革开放...(FBM-CLI.12.6476457).txt": (
        "CLI.12.6476457",
        "安徽省推进“三地一区”建设领导小组改革开放新高地执行小组办公室关于印发安徽省关于加快对接区域全面经济伙伴关系"
        "协定（RCEP）经贸新规则扎实推进高水平开放实施意见的通知",
        "皖开放办〔2022〕6号", "省有关单位："),
    "广东省公共数据管理办法(FBM-CLI.11.4619854).txt": (
        "CLI.11.4619854", "广东省公共数据管理办法", "广东省人民政府令第290号", "　　《广东省公共数据管理办法》"),
    "阿坝州人民政府办公室关于印发《阿坝州政务数...(FBM-CLI.12.4792728).txt": (
        "CLI.12.4792728", "阿坝州人民政府办公室关于印发《阿坝州政务数据资源管理暂行办法》的通知",
        "阿府办发〔2021〕21号", "各县（市）人民政府"),
}


def _text(name: str) -> str:
    return (PKULAW / name).read_bytes().decode("utf-8")


def test_every_export_of_the_corpus_is_listed():
    assert sorted(path.name for path in PKULAW.glob("*.txt")) == sorted(EXPORTS)


def test_the_exports_mix_line_ends():
    data = b"".join((PKULAW / name).read_bytes() for name in EXPORTS)
    assert b"\r\n" in data and b"\r\r\n" in data and b"\r\n\n" in data


@pytest.mark.parametrize("name", EXPORTS)
def test_read_pkulaw(name):
    code, title, number, opening = EXPORTS[name]
    text = _text(name)
    document = read_pkulaw(text)
    assert is_pkulaw(text)
    assert document.citation_code == code and code in name
    assert document.source_url.startswith("https://www.pkulaw.com/lar/") and document.source_url.endswith(".html")
    assert document.title == title
    assert document.doc_number == number
    assert document.body.startswith(opening)
    assert "\r" not in document.body
    assert document.header_lines[0] == f"【法宝引证码】 {code}"
    assert document.header_lines[1].startswith("原文链接：")
    # Every non-blank line is either taken off or in the body.
    lines = [line.strip() for line in normalise_line_ends(text).split("\n") if line.strip()]
    body = [line.strip() for line in document.body.split("\n") if line.strip()]
    assert lines == document.header_lines + body


def test_an_order_over_three_lines_is_taken_off_whole():
    document = read_pkulaw(_text("广东省公共数据管理办法(FBM-CLI.11.4619854).txt"))
    assert document.header_lines[2:] == ["广东省公共数据管理办法", "广东省人民政府令", "（第290号）"]


def test_a_title_given_twice_is_taken_off_twice():
    document = read_pkulaw(_text("包头市人民政府办公室关于印发《包头市2022年数...(FBM-CLI.12.5115678).txt"))
    assert document.header_lines[2] == document.header_lines[3] == document.title
    assert document.header_lines[4] == "包府办发〔2022〕43号"
    # The notice it cites keeps its number in the body.
    assert "（包府办发〔2022〕10号）" in document.body


def test_normalise_line_ends():
    assert normalise_line_ends("a\r\nb\rc\nd\r\r\ne") == "a\nb\nc\nd\n\ne"


def test_a_synthetic_export_without_link_or_number():
    text = "\ufeff    【法宝引证码】 CLI.3.1\r标题\r\r正文第一段。\r正文第二段。"
    document = read_pkulaw(text)
    assert (document.citation_code, document.source_url, document.title, document.doc_number) == ("CLI.3.1", "", "标题", "")
    assert document.body == "正文第一段。\n正文第二段。"


def test_other_texts_are_not_pkulaw():
    assert not is_pkulaw("# 北京市数字经济促进条例\n\n2022年11月25日 通过")
    assert not is_pkulaw("")
    with pytest.raises(ValueError, match="法宝引证码"):
        read_pkulaw("标题\n正文")
