"""The LawRefBook Markdown reader.

fixtures/corpus-samples/ holds unchanged copies of files from ../shared/corpus/lawrefbook
(LawRefBook/Laws at 2f4c5c2): provincial, municipal, special-zone, county, national law,
State Council regulation, ministry rule, a long amendment history and an ``_index.md``.
"""

from pathlib import Path

import pytest

from documents.ingest.markdown import parse_history, policy_type_for, read_markdown
from documents.ingest.result import POLICY_TYPES, IngestError

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "corpus-samples"


def read_sample(name):
    return read_markdown((SAMPLES / name).read_text(encoding="utf-8"), name)


def count(result, suffix):
    return sum(1 for s in result.sections if s.number.endswith(suffix))


def warning_kinds(result):
    return [w.kind for w in result.warnings]


# file, title, (y, m, d), issuer, region, type, chapters, 节, articles
CORPUS_SAMPLES = [
    ("北京市数字经济促进条例(2022-11-25).md", "北京市数字经济促进条例", (2022, 11, 25),
     "北京市人民代表大会常务委员会", "110000", "条例", 9, 0, 58),
    ("浙江省数字经济促进条例(2020-12-24).md", "浙江省数字经济促进条例", (2020, 12, 24),
     "浙江省人民代表大会常务委员会", "330000", "条例", 9, 0, 62),
    ("杭州市计算机信息网络安全保护管理条例(2009-04-09).md", "杭州市计算机信息网络安全保护管理条例",
     (2009, 4, 9), "杭州市人民代表大会常务委员会", "330100", "条例", 6, 0, 45),
    ("深圳经济特区数据条例(2021-07-06).md", "深圳经济特区数据条例", (2021, 6, 29),
     "深圳市人民代表大会常务委员会", "440300", "条例", 7, 12, 100),
    ("焦作市全域旅游促进条例(2020-11-05).md", "焦作市全域旅游促进条例", (2020, 9, 26),
     "焦作市人民代表大会常务委员会", "410800", "条例", 6, 2, 65),
    ("个人信息保护法(2021-08-20).md", "中华人民共和国个人信息保护法", (2021, 8, 20),
     "全国人民代表大会常务委员会", "000000", "法律", 8, 3, 74),
    ("电信条例(2016-02-06).md", "中华人民共和国电信条例", (2014, 7, 29),
     "国务院", "000000", "行政法规", 7, 6, 80),
    ("市场主体登记管理条例实施细则(2022-03-01).md", "中华人民共和国市场主体登记管理条例实施细则",
     (2022, 3, 1), "国家市场监督管理总局", "000000", "实施细则", 12, 0, 82),
    ("浙江省检验机构管理条例(2021-07-30).md", "浙江省检验机构管理条例", (2021, 7, 30),
     "浙江省人民代表大会常务委员会", "330000", "条例", 7, 0, 56),
]


@pytest.mark.parametrize(
    "name, title, ymd, issuer, region, policy_type, chapters, sections_, articles", CORPUS_SAMPLES
)
def test_corpus_sample(name, title, ymd, issuer, region, policy_type, chapters, sections_, articles):
    result = read_sample(name)
    assert result.title == title
    assert (result.date_year, result.date_month, result.date_day) == ymd
    assert result.date_precision == "day"
    assert result.issuers == [issuer]
    assert result.region_code == region
    assert result.policy_type == policy_type
    assert (count(result, "章"), count(result, "节"), count(result, "条")) == (chapters, sections_, articles)


def test_index_file_is_refused_with_a_message():
    with pytest.raises(IngestError, match="_index.md.*没有法规正文"):
        read_sample("_index.md")


@pytest.mark.parametrize("text", ["", "  \n\n", "---\nbookCollapseSection: true\n---\n"])
def test_empty_or_scaffolding_text_is_refused(text):
    with pytest.raises(IngestError):
        read_markdown(text, "x.md")


def test_text_without_a_title_line_is_refused():
    with pytest.raises(IngestError, match="标题"):
        read_markdown("第一条 本条例自公布之日起施行。\n", "x.md")


def test_raw_text_is_kept_verbatim_and_the_scaffolding_is_not_text():
    raw = (SAMPLES / "北京市数字经济促进条例(2022-11-25).md").read_text(encoding="utf-8")
    result = read_markdown(raw, "北京市数字经济促进条例(2022-11-25).md")
    assert result.raw_text == raw
    assert "INFO END" not in result.clean_text and "#" not in result.clean_text
    assert result.clean_text.startswith("北京市数字经济促进条例\n2022年11月25日 北京市第十五届")
    assert result.script == "hans" and result.simplified_text == result.clean_text


def test_table_of_contents_is_dropped_not_read_as_empty_chapters():
    result = read_sample("北京市数字经济促进条例(2022-11-25).md")
    chapters = [s for s in result.sections if s.number.endswith("章")]
    assert [c.number for c in chapters][:2] == ["第一章", "第二章"]
    assert result.clean_text.count("第一章 总 则") == 1
    assert "table of contents of 9 headings" in result.stages[0].summary


def test_chapters_are_level_one_and_articles_hang_under_them():
    result = read_sample("北京市数字经济促进条例(2022-11-25).md")
    chapter, article = result.sections[0], result.sections[1]
    assert (chapter.number, chapter.level, chapter.heading, chapter.anchor) == ("第一章", 1, "总则", "s1")
    assert (article.number, article.level, article.parent, article.anchor) == ("第一条", 2, 0, "s1-1")
    assert article.heading.startswith("为了加强数字基础设施建设")
    assert len(article.heading) <= 40
    second = result.sections[2]
    assert second.heading == "本市行政区域内数字经济促进相关活动适用本条例"
    assert second.body.split("\n")[1].startswith("本条例所称数字经济")
    assert [s.position for s in result.sections] == list(range(len(result.sections)))


def test_sections_nest_by_kind_not_by_markdown_depth():
    # 焦作 writes its chapters as ### and their 节 as ##.
    result = read_sample("焦作市全域旅游促进条例(2020-11-05).md")
    section = next(s for s in result.sections if s.number == "第二节")
    chapter = result.sections[section.parent]
    assert chapter.number == "第三章" and section.level == 2
    article = result.sections[section.position + 1]
    assert article.number.endswith("条") and article.level == 3 and article.parent == section.position


def test_articles_are_top_level_without_chapters():
    text = "# 某市条例\n\n<!-- INFO END -->\n\n第一条 为了规范管理，制定本条例。\n\n第二条 本条例自公布之日起施行。\n"
    result = read_markdown(text, "x.md")
    assert [(s.number, s.level, s.parent, s.anchor) for s in result.sections] == [
        ("第一条", 1, None, "s1"), ("第二条", 1, None, "s2")
    ]


def test_amendment_history_keeps_the_latest_date_and_records_the_rest():
    result = read_sample("浙江省检验机构管理条例(2021-07-30).md")
    assert (result.date_year, result.date_month, result.date_day) == (2021, 7, 30)
    history = result.stages[0].details[0]["history"]
    assert [e["date"] for e in history] == ["2007-09-28", "2009-11-27", "2015-12-04", "2021-07-30"]
    assert [e["kind"] for e in history] == ["adoption", "amendment", "amendment", "amendment"]
    assert result.warnings == []


def test_approval_date_counts_but_the_approving_province_is_not_the_issuer():
    result = read_sample("杭州市计算机信息网络安全保护管理条例(2009-04-09).md")
    kinds = [e["kind"] for e in result.stages[0].details[0]["history"]]
    assert kinds == ["adoption", "approval", "publication", "effective"]
    # The date is the publication (2009-04-09), not the effective date 2009-05-01.
    assert (result.date_year, result.date_month, result.date_day) == (2009, 4, 9)
    assert result.doc_number == "杭州市人民代表大会常务委员会公告第17号"


def test_file_name_date_is_only_a_cross_check():
    result = read_sample("深圳经济特区数据条例(2021-07-06).md")
    assert (result.date_year, result.date_month, result.date_day) == (2021, 6, 29)
    # Published a week after adoption: the usual lag, not a mismatch.
    assert "date_mismatch" not in warning_kinds(result)


def test_file_name_date_far_from_the_text_date_is_flagged():
    raw = (SAMPLES / "深圳经济特区数据条例(2021-07-06).md").read_text(encoding="utf-8")
    result = read_markdown(raw, "深圳经济特区数据条例(2019-07-06).md")
    assert (result.date_year, result.date_month, result.date_day) == (2021, 6, 29)
    [warning] = [w for w in result.warnings if w.kind == "date_mismatch"]
    assert "2019-07-06" in warning.message and "2021-06-29" in warning.message


def test_region_comes_from_the_text_not_the_file_name():
    raw = (SAMPLES / "杭州市计算机信息网络安全保护管理条例(2009-04-09).md").read_text(encoding="utf-8")
    assert read_markdown(raw, "DLC/山东地方法规/x.md").region_code == "330100"


def test_county_regulation_takes_the_approving_province_with_a_warning():
    result = read_sample("景宁畲族自治县水资源管理条例(2021-06-15).md")
    assert result.issuers == ["景宁畲族自治县人民代表大会"]  # "县第五届…" qualified by the title
    assert result.region_code == "330000"
    assert "region_inferred" in warning_kinds(result)


def test_ministry_order_number_and_national_region():
    result = read_sample("市场主体登记管理条例实施细则(2022-03-01).md")
    assert result.doc_number == "国家市场监督管理总局令第52号"
    assert result.region_code == "000000"


def test_state_council_order_number():
    assert read_sample("电信条例(2016-02-06).md").doc_number == "国务院令第291号"


def test_history_entries_are_split_at_dates_not_lines():
    header = [
        "2020年4月29日 郑州市第十五届人民代表大会常务委员会第十五次会议通过2020年6月3日河南省第十三届"
        "人民代表大会常务委员会第十八次会议批准的《郑州市人民代表大会常务委员会关于修改部分地方性法规的决定》第三次修正",
        "2014年9月26",
        "日山东省第十二届人民代表大会常务委员会第十次会议批准",
    ]
    events = parse_history(header)
    assert [(e.date.isoformat(), e.kind) for e in events] == [
        ("2020-04-29", "adoption"), ("2020-06-03", "approval"), ("2014-09-26", "approval")
    ]


def test_full_width_and_chinese_numeral_dates():
    events = parse_history(["２０１２年１２月１９日 中华人民共和国公安部令第１２５号发布，", "劳动部", "一九九四年十二月六日"])
    assert [e.date.isoformat() for e in events] == ["2012-12-19", "1994-12-06"]


@pytest.mark.parametrize(
    "title, body, issuer, region",
    [
        ("宁波市企业工资集体协商条例", "市十四届人民代表大会常务委员会", "宁波市人民代表大会常务委员会", "330200"),
        ("杭州市民用建筑节能条例", "市十二届人大常委会", "杭州市人民代表大会常务委员会", "330100"),
        ("宁波杭州湾新区条例", "市十四届人大常委会", "宁波市人民代表大会常务委员会", "330200"),
    ],
)
def test_relative_issuer_is_qualified_by_the_title(title, body, issuer, region):
    text = (
        f"# {title}\n\n2013年10月29日 {body}第十二次会议通过\n\n"
        "2014年3月27日 省十二届人民代表大会常务委员会第九次会议批准\n\n<!-- INFO END -->\n\n第一条 为了……\n"
    )
    result = read_markdown(text, "x.md")
    assert result.issuers == [issuer]
    assert result.region_code == region


def test_no_history_means_unknown_date_and_issuer_with_warnings():
    text = "# 上海市养犬管理条例\n\n<!-- INFO END -->\n\n第一条 为了加强养犬管理，制定本条例。\n"
    result = read_markdown(text, "上海市养犬管理条例(2011-05-05).md")
    assert result.date_precision == "unknown" and result.date_year is None
    assert result.region_code == "310000"  # from the title
    assert {"date_unknown", "no_issuer"} <= set(warning_kinds(result))
    assert "2011-05-05" in next(w.message for w in result.warnings if w.kind == "date_unknown")


def test_decision_without_articles_gets_its_enumerated_sections():
    text = (
        "# 北京市人民代表大会常务委员会关于某事项的决定\n\n2021年12月24日 北京市第十五届人民代表大会常务委员会"
        "第三十六次会议通过\n\n<!-- INFO END -->\n\n为了……，作出如下决定：\n\n一、加强审查\n\n具体要求。\n\n二、加强监督\n"
    )
    result = read_markdown(text, "x.md")
    assert result.policy_type == "决定"
    assert [(s.number, s.heading) for s in result.sections] == [("一、", "加强审查"), ("二、", "加强监督")]


def test_traditional_text_is_detected_and_simplified_for_the_index():
    text = "# 臺北市資料條例\n\n<!-- INFO END -->\n\n第一條 為了規範資料處理活動，保護個人資訊權益，制定本條例。\n"
    result = read_markdown(text, "x.md")
    assert result.script == "hant"
    assert result.clean_text.startswith("臺北市資料條例")
    assert "第一条 为了规范资料处理活动" in result.simplified_text
    assert [(s.number, s.heading) for s in result.sections] == [("第一條", "為了規範資料處理活動，保護個人資訊權益，制定本條例")]


@pytest.mark.parametrize(
    "title, issuers, expected",
    [
        ("中华人民共和国数据安全法", ["全国人民代表大会常务委员会"], "法律"),
        ("计算机软件保护条例", ["国务院"], "行政法规"),
        ("浙江省数字经济促进条例", ["浙江省人民代表大会常务委员会"], "条例"),
        ("北京市实施《中华人民共和国文物保护法》办法", ["北京市人民代表大会常务委员会"], "办法"),
        ("医疗机构制剂配制质量管理规范（试行）", ["国家食品药品监督管理局"], "规定"),
        ("河南省人民代表大会常务委员会关于加强对司法工作监督的决议", [], "决定"),
        ("某市行政规范性文件管理规定", [], "规定"),
        ("国务院关于在我国统一实行法定计量单位的命令", ["国务院"], "其他"),
    ],
)
def test_policy_type_from_the_title(title, issuers, expected):
    assert policy_type_for(title, issuers) == expected
    assert expected in POLICY_TYPES


def test_stage_record_is_named_markdown():
    result = read_sample("个人信息保护法(2021-08-20).md")
    assert result.stages[0].stage == "markdown"
    assert result.stages[0].details[2] == {"region": "000000", "region_from": "issuer"}
