"""References between documents found and resolved (pure), on sentences and files of the shared corpus."""

from pathlib import Path

import pytest

from documents.ingest import citations
from documents.ingest.citations import TitleIndex, aliases, find_references, short_keys, title_key

LAWREFBOOK = Path(__file__).parents[2].parent / "shared" / "corpus" / "lawrefbook"

# Verbatim from the corpus (files named in each test).
MINORS = ("第一条 为了维护未成年人的合法权益，优化未成年人成长环境，保护未成年人健康成长，根据《中华人民共和国宪法》"
          "和《中华人民共和国未成年人保护法》等有关法律、法规，结合本市的实际情况，制定本条例。")
MINES = ("第一条 为了保障矿山生产安全，防止矿山事故，保护矿山职工人身安全，促进采矿业的发展，根据《中华人民共和国矿山安全法》"
         "（以下简称《矿山安全法》）和《中华人民共和国矿山安全法实施条例》（以下简称《实施条例》），结合北京市实际情况，制定本办法。")
FREE_TRADE_ZONE = ("根据《全国人民代表大会常务委员会关于授权国务院在中国（上海）自由贸易试验区暂时调整有关法律规定的行政审批的决定》、"
                   "国务院批准的《中国（上海）自由贸易试验区总体方案》（以下简称“《总体方案》”）、《国务院关于在中国（上海）"
                   "自由贸易试验区内暂时调整有关行政法规和国务院文件规定的行政审批或者准入特别管理措施的决定》和其他有关法律、"
                   "行政法规，制定本条例。")
LICENCES = "非公有制企业的《营业执照》或《企业法人营业执照》，除工商行政管理机关可以依法扣缴或者吊销外，其他部门或单位不得扣缴或者吊销。"
AMENDMENT = ("根据2011年5月30日杭州市第十一届人民代表大会常务委员会第三十六次会议通过、2011年7月29日浙江省第十一届人民代表大会"
             "常务委员会第二十六次会议批准的《杭州市人民代表大会常务委员会关于修改<杭州市城市房地产开发经营管理若干规定>个别条款的决定》修正")


def test_two_titles_joined_by_he_are_two_references_with_their_offsets_and_sentence():
    found = find_references("前文。" + MINORS)
    assert [r.title for r in found] == ["中华人民共和国宪法", "中华人民共和国未成年人保护法"]
    first = found[0]
    assert ("前文。" + MINORS)[first.start:first.end] == first.written == "《中华人民共和国宪法》"
    assert first.sentence == MINORS and first.sentence_start == 3


def test_a_title_nesting_another_is_one_reference_whatever_the_inner_marks():
    found = find_references(AMENDMENT)
    assert [r.title for r in found] == ["杭州市人民代表大会常务委员会关于修改<杭州市城市房地产开发经营管理若干规定>个别条款的决定"]
    inner = find_references("制定《关于修改〈浙江省水资源管理条例〉等十九件地方性法规的决定》。")
    assert len(inner) == 1 and title_key(inner[0].title) == "关于修改浙江省水资源管理条例等十九件地方性法规的决定"


def test_the_name_an_alias_defines_is_not_a_reference_but_an_alias():
    found = find_references(MINES)
    assert [r.title for r in found] == ["中华人民共和国矿山安全法", "中华人民共和国矿山安全法实施条例"]
    assert aliases(MINES) == {"矿山安全法": "中华人民共和国矿山安全法", "实施条例": "中华人民共和国矿山安全法实施条例"}


def test_an_alias_in_quotes_around_book_marks_is_read():
    assert aliases(FREE_TRADE_ZONE) == {"总体方案": "中国（上海）自由贸易试验区总体方案"}
    assert len(find_references(FREE_TRADE_ZONE)) == 3


def test_licences_certificates_and_newspapers_are_not_documents():
    assert find_references(LICENCES) == []
    assert find_references("由市人民代表大会常务委员会在《杭州日报》上全文刊载。") == []
    assert citations.is_document_title("中华人民共和国药品管理法实施条例")
    assert citations.is_document_title("关于开展安全生产大检查的通报")


def test_marks_in_the_documents_own_title_line_are_skipped():
    path = LAWREFBOOK / "DLC/北京地方法规/地方性法规/北京/北京市实施《保守国家秘密法》若干规定.md"
    text = path.read_text(encoding="utf-8")
    title = text.split("\n", 1)[0].lstrip("# ")
    found = find_references(text, title=title)
    assert found and all(r.start > len(title) + 2 for r in found)
    assert find_references(text)[0].start < len(title) + 2  # without the title, the heading's mark is a reference


def test_title_key_unifies_script_brackets_spaces_and_revision_notes_but_keeps_trial_and_draft():
    assert title_key("中華人民共和國文物保護法（2017年修正）") == title_key("中华人民共和国文物保护法")
    assert title_key("北京市实施〈中华人民共和国水法〉办法") == title_key("北京市实施《中华人民共和国水法》办法")
    assert title_key("处方药与非处方药分类管理办法(试行)") == "处方药与非处方药分类管理办法（试行）"
    assert title_key("中华人民共和国反电信网络诈骗法（草案）") != title_key("中华人民共和国反电信网络诈骗法")
    assert title_key("关于 加强 管理 的 通知") == "关于加强管理的通知"


def test_short_keys_drop_the_country_name_and_the_state_council():
    assert short_keys("中华人民共和国数据安全法") == {"数据安全法"}
    assert short_keys("北京市实施《中华人民共和国水法》办法") == {"北京市实施水法办法"}
    assert short_keys("国务院关于开展全民义务植树运动的实施办法") == {"关于开展全民义务植树运动的实施办法"}
    assert short_keys("北京市数字经济促进条例") == set()


PARKING = "DLC/北京地方法规/地方性法规/北京/北京市机动车停车条例"


@pytest.fixture(scope="module")
def index():
    return TitleIndex([
        (f"{PARKING}(2021-09-24).md", "北京市机动车停车条例", "2021-09-24", "北京"),
        (f"{PARKING}(2024-03-29).md", "北京市机动车停车条例", "2024-03-29", "北京"),
        ("行政法/数据安全法(2021-06-10).md", "中华人民共和国数据安全法", "2021-06-10", ""),
        ("行政法/文物保护法(2017-11-04).md", "中华人民共和国文物保护法", "2017-11-04", ""),
        ("行政法/文物保护法(2024-11-08).md", "中华人民共和国文物保护法", "2024-11-08", ""),
        ("行政法规/矿山安全法实施条例(1996-10-30).md", "中华人民共和国矿山安全法实施条例", "1996-10-30", ""),
        # two provinces' regulations with one name: different works, not versions
        ("a/北京", "关于废止部分地方性法规的决定", "2019-01-01", "北京"),
        ("a/上海", "关于废止部分地方性法规的决定", "2020-01-01", "上海"),
        ("x/1", "中华人民共和国甲法", None, ""),
        ("x/2", "甲法", None, "山东"),
        # one title filed under two issuers: its short form names neither for certain
        ("y/1", "中华人民共和国乙法", None, ""),
        ("y/2", "中华人民共和国乙法", None, "山东"),
    ])


def test_exact_and_short_titles_resolve(index):
    assert index.resolve("《中华人民共和国数据安全法》") == citations.Resolution("行政法/数据安全法(2021-06-10).md", "exact", 1)
    assert index.resolve("数据安全法").how == "short"
    assert index.resolve("《中华人民共和国数字经济促进法》") == citations.Resolution(None, None)


def test_the_version_in_force_at_the_citing_date_is_chosen(index):
    assert index.resolve("北京市机动车停车条例", citing_date="2023-01-01").id.endswith("(2021-09-24).md")
    assert index.resolve("北京市机动车停车条例", citing_date="2024-03-29").id.endswith("(2024-03-29).md")
    assert index.resolve("北京市机动车停车条例").id.endswith("(2024-03-29).md")  # date unknown: the latest
    assert index.resolve("北京市机动车停车条例", citing_date="2019-01-01").id.endswith("(2021-09-24).md")  # none earlier
    found = index.resolve("文物保护法", citing_date="2025-01-01")
    assert (found.id, found.how, found.versions) == ("行政法/文物保护法(2024-11-08).md", "version", 2)


def test_a_year_in_the_written_revision_note_picks_that_version(index):
    assert index.resolve("《中华人民共和国文物保护法（2017年修正）》", citing_date="2025-01-01").id.endswith("(2017-11-04).md")


def test_an_alias_the_text_defines_resolves_to_what_it_stands_for(index):
    names = aliases(MINES)
    found = index.resolve("《实施条例》", aliases=names)
    assert found == citations.Resolution("行政法规/矿山安全法实施条例(1996-10-30).md", "alias", 1)
    assert index.resolve("《实施条例》").id is None


def test_a_document_never_cites_itself_nor_its_other_versions(index):
    assert index.resolve("北京市机动车停车条例", self_id=f"{PARKING}(2024-03-29).md").id is None
    assert index.resolve("中华人民共和国数据安全法", self_id="行政法/文物保护法(2017-11-04).md").id is not None


def test_ambiguous_titles_resolve_to_none_unless_the_citing_issuer_decides(index):
    assert index.resolve("关于废止部分地方性法规的决定").id is None
    assert index.resolve("关于废止部分地方性法规的决定", citing_issuer="上海").id == "a/上海"
    assert index.resolve("乙法", citing_issuer="浙江").id is None
    assert index.resolve("乙法").id == "y/1"  # a national text (issuer '') means the national one
    assert index.resolve("乙法", citing_issuer="山东").id == "y/2"
    assert index.resolve("甲法").id == "x/2"  # an exact title comes before another's short form


def test_resolve_all_applies_the_texts_own_aliases(index):
    text = MINES + "违反《实施条例》规定的，依法处罚。"
    pairs = index.resolve_all(text)
    assert [(r.title, res.how) for r, res in pairs] == [
        ("中华人民共和国矿山安全法", None), ("中华人民共和国矿山安全法实施条例", "exact"), ("实施条例", "alias")]


def test_a_100_kb_text_has_every_reference_found_and_resolved(index):
    # Its speed is measured by rebuild_links on the whole corpus (docs/links.md), not here.
    text = (MINORS + MINES + FREE_TRADE_ZONE + AMENDMENT + LICENCES) * 180
    assert len(text) > 100_000
    once = index.resolve_all(MINORS + MINES + FREE_TRADE_ZONE + AMENDMENT + LICENCES)
    pairs = index.resolve_all(text)
    assert once and len(pairs) == 180 * len(once)
