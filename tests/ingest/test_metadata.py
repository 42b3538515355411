import pytest

from documents.ingest.metadata import extract_metadata, find_issuers, find_policy_type, find_title

BODY = "为加快数字经济发展，推动数字经济和实体经济深度融合，现提出如下意见。"


def meta_of(text, removed=()):
    return extract_metadata(text, list(removed))[0]


def test_header_line_gives_source_site_url_and_day_date():
    removed = [{"line": 3, "rule": "meta_line", "text": "來源:高新院 achie.org 日期:2024-11-14 點擊:次"}]
    meta = meta_of("某某倡議書\n" + BODY, removed)
    assert (meta.source_site, meta.source_url) == ("高新院", "http://achie.org")
    assert (meta.date_year, meta.date_month, meta.date_day, meta.date_precision) == (2024, 11, 14, "day")


def test_footer_site_name_is_the_source_when_nothing_else_says():
    meta = meta_of(BODY, [{"line": 9, "rule": "site_name", "text": "鶴山政府網"}])
    assert meta.source_site == "鶴山政府網"


def test_date_without_year_keeps_month_and_day_and_warns():
    meta = meta_of("8月31日上午，全省工作會議在濟南召開。" + BODY)
    assert (meta.date_year, meta.date_month, meta.date_day, meta.date_precision) == (None, 8, 31, "day")
    assert "date_year_unknown" in [w.kind for w in meta.warnings]


def test_jinri_only_means_unknown_date_with_a_warning():
    meta = meta_of("近日，廣東省人民政府印發《某方案》。" + BODY)
    assert meta.date_precision == "unknown"
    assert meta.date_year is None
    assert [w for w in meta.warnings if w.kind == "date_unknown"][0].position == 0


def test_full_date_in_text_is_used():
    meta = meta_of("2023年12月5日，" + BODY)
    assert (meta.date_year, meta.date_month, meta.date_day) == (2023, 12, 5)


@pytest.mark.parametrize("text, issuers", [
    ("近日，廣東省人民政府印發《某方案》。", ["广东省人民政府"]),
    ("工信部部長金壯龍表示。工業和信息化部部長金壯龍在會上表示。", ["工业和信息化部"]),
    ("11月13日，中國開發區協會發布《某倡議書》。", ["中国开发区协会"]),
    ("國家發改委、工業和信息化部聯合印發《某意見》。", ["工业和信息化部"]),
    ("8月31日，全省數字經濟工作會議在濟南召開。省委書記林武出席會議並講話。", ["中共山东省委"]),
    ("市委書記出席全市數字經濟大會。會議在蘇州召開。", ["中共苏州市委"]),
])
def test_issuers_are_canonical_simplified_names(text, issuers):
    assert find_issuers(__import__("documents.chinese", fromlist=["x"]).to_simplified(text)) == issuers


@pytest.mark.parametrize("text, region", [
    ("近日，廣東省人民政府印發《某方案》。", "440000"),
    ("工業和信息化部部長金壯龍表示。", "000000"),
    ("按照苏州市数字经济和数字化领导小组的工作部署。", "320500"),
    ("全省數字經濟工作會議在濟南召開。省委書記林武出席。", "370000"),
])
def test_region_comes_from_issuer_else_from_the_text(text, region):
    assert meta_of(text + BODY).region_code == region


def test_headline_about_a_document_gives_the_document_name_as_title():
    assert find_title("《推動數字智慧開發區高質量發展倡議書》發布\n" + BODY, []) == "推動數字智慧開發區高質量發展倡議書"


def test_sharing_banner_file_name_is_the_title():
    banner = [("sharing_banner", "《某市实施方案.docx》由会员分享,可在线阅读,更多相关《某市实施方案.docx(7页珍藏版)》请在第一文库网上搜索。")]
    assert find_title(BODY, banner) == "某市实施方案"


def test_title_from_the_issued_document_name_in_prose():
    text = "近日，廣東省人民政府印發《廣東省數字經濟建設方案(2025-2027年)》(以下簡稱《建設方案》)，" + BODY
    assert find_title(text, []) == "廣東省數字經濟建設方案(2025-2027年)"


def test_missing_title_and_issuer_are_warned():
    kinds = [w.kind for w in meta_of(BODY).warnings]
    assert "no_title" in kinds and "no_issuer" in kinds


@pytest.mark.parametrize("title, text, policy_type", [
    ("推动数字智慧开发区高质量发展倡议书", "", "倡议书"),
    ("广东省数字经济建设方案(2025-2027年)", "", "方案"),
    ("苏州市数字经济发展规划实施方案", "", "实施方案"),
    ("关于召开数字经济会议的通知", "", "通知"),
    ("全省数字经济高质量发展工作会议召开", "", "会议/讲话"),
    ("工信部部长：建设未来产业先导区", "国新办举行新闻发布会。", "新闻发布"),
    ("关于加快数字经济发展的意见", "", "意见"),
    ("某市数据条例", "", "条例"),
    ("", "", "其他"),
])
def test_policy_type_comes_from_the_title_word_then_the_text(title, text, policy_type):
    assert find_policy_type(title, text) == policy_type


@pytest.mark.parametrize("text, number", [
    ("广东省人民政府关于印发某方案的通知\n粤府〔2025〕12号\n", "粤府〔2025〕12号"),
    ("国务院关于某意见（国发[2024]3号）", "国发〔2024〕3号"),  # stored in one bracket style, so that any finds it
    ("苏府办［2023］ 105号", "苏府办〔2023〕105号"),
    ("建设方案(2025-2027年)", ""),
])
def test_document_number_in_any_bracket_style(text, number):
    assert meta_of(text + BODY).doc_number == number
