"""Golden tests: the five scraped seed pages through the whole pipeline, plus the pipeline's refusals."""

import json
import re
from pathlib import Path

import pytest

from documents.ingest.annotations import TONED_VOWELS
from documents.ingest.pipeline import ingest_bytes, ingest_text
from documents.ingest.result import IngestError

SEEDS = Path(__file__).resolve().parents[2] / "fixtures" / "seeds"
STAGES = ["decode", "mojibake_repair", "annotations", "boilerplate", "pagination", "line_wraps", "mojibake",
          "sections", "metadata", "script"]
BOILERPLATE = ["Network", "當前位置", "高新院新聞", "點擊:次", "來源:", "政務微博", "鶴山政府網",
               "公網安備", "免責聲明", "相關文章推薦", "由会员分享", "第一文库网", "资料来源"]


def seed(prefix):
    path = next(SEEDS.glob(f"{prefix}_*.txt"))
    return ingest_bytes(path.read_bytes(), path.name)


@pytest.fixture(scope="module", params=["000", "001", "002", "003", "004"])
def any_seed(request):
    return seed(request.param)


def date_of(result):
    return (result.date_year, result.date_month, result.date_day, result.date_precision)


def test_every_stage_is_recorded_in_order(any_seed):
    assert [s.stage for s in any_seed.stages] == STAGES


def test_no_boilerplate_is_left_in_clean_text(any_seed):
    for fragment in BOILERPLATE:
        assert fragment not in any_seed.clean_text


def test_no_pinyin_annotation_after_a_character_is_left(any_seed):
    assert not re.search(rf"[\u4e00-\u9fff][(（][a-z{TONED_VOWELS}]+[)）]", any_seed.clean_text)


def test_raw_text_is_the_input_verbatim(any_seed):
    assert any_seed.raw_text == next(SEEDS.glob(f"{any_seed.filename[:3]}_*.txt")).read_text("utf-8")


def test_every_mojibake_warning_points_at_the_clean_text(any_seed):
    for warning in any_seed.warnings:
        if warning.kind == "mojibake":
            start = max(0, warning.position - 10)
            assert any_seed.clean_text[start:].startswith(warning.context)


def test_seed_000_development_zone_initiative():
    result = seed("000")
    assert result.title == "推動數字智慧開發區高質量發展倡議書"
    assert result.issuers == ["中国开发区协会"]
    assert result.region_code == "000000"
    assert date_of(result) == (2024, 11, 14, "day")
    assert result.policy_type == "倡议书"
    assert (result.source_site, result.source_url) == ("高新院", "http://achie.org")
    assert result.script == "hant"
    assert [(s.number, s.level) for s in result.sections] == [(n, 1) for n in ("一、", "二、", "三、", "四、", "五、")]
    assert result.sections[0].heading == "凝聚數字智慧開發區高質量發展共識"
    # The misaligned GBK span is repaired; the lost characters around it stay flagged.
    assert "《中共中央關于進一步全面深化改革" in result.clean_text  # the page writes 于
    assert "吨泄仓醒腙" not in result.clean_text
    assert "深?空天等未來場景" in result.clean_text
    mojibake = [w for w in result.warnings if w.kind == "mojibake"]
    assert len(mojibake) == 2
    repairs = next(s for s in result.stages if s.stage == "mojibake_repair").details
    # The third is a lost character restored from its pinyin tail: ?yīng) before 用 can only be 應 (应用).
    assert [r["original"] for r in repairs] == ["!吨泄仓醒腙P", "?仗斓任磥韴鼍皯", "?yīng)"]


def test_seed_001_guangdong_plan():
    result = seed("001")
    assert result.title == "廣東省國家數字經濟創新發展試驗區建設方案(2025-2027年)"
    assert result.issuers == ["广东省人民政府"]
    assert result.region_code == "440000"
    assert date_of(result) == (None, None, None, "unknown")
    assert "date_unknown" in [w.kind for w in result.warnings]
    assert result.policy_type == "方案"
    assert result.source_site == "鶴山政府網"
    assert [s.number for s in result.sections] == ["一是", "二是", "三是", "四是", "五是", "六是"]
    assert result.sections[0].heading == "推進數據要素市場化配置改革,強化核心要素供給"
    contexts = [w.context for w in result.warnings if w.kind == "mojibake"]
    assert len(contexts) == 2
    assert any("?jǐn)數" in c for c in contexts) and any("?dāng)數" in c for c in contexts)
    assert "(2025-2027年)" in result.clean_text and "(以下簡稱《建設方案》)" in result.clean_text


def test_seed_002_suzhou_shared_document():
    result = seed("002")
    assert result.title == "打造国际一流的数字创新生态实施方案"
    assert result.region_code == "320500"
    assert result.policy_type == "实施方案"
    assert result.source_site == "第一文库网"
    assert result.script == "hans"
    assert "为数字经济发展战略研究" in result.clean_text
    assert not re.search(r"(^|\n)\d+、", result.clean_text)
    assert result.clean_text.endswith("鼓励开设数字经济相关专业或课程。")
    top = [s for s in result.sections if s.level == 1]
    assert [s.number for s in top] == ["一、", "二、"]
    assert [s.heading for s in top][0] == "健全保障机制"
    children = [[c.number for c in result.sections if c.parent == s.position] for s in top]
    assert children == [["(一)", "(二)", "(三)", "(四)", "(五)"], ["(一)", "(二)", "(三)"]]
    assert result.sections[1].anchor == "s1-1"
    assert not [w for w in result.warnings if w.kind == "mojibake"]


def test_seed_003_shandong_meeting():
    result = seed("003")
    assert result.title == "全省數字經濟高質量發展工作會議召開"
    assert result.issuers == ["中共山东省委"]
    assert result.region_code == "370000"
    assert date_of(result) == (None, 8, 31, "day")
    assert "date_year_unknown" in [w.kind for w in result.warnings]
    assert result.policy_type == "会议/讲话"
    assert result.sections == []
    assert [w.context for w in result.warnings if w.kind == "mojibake"] == ["布局建設一批數字領域?qū)W科,創新企業數字人"]


def test_seed_004_minister_at_press_conference():
    result = seed("004")
    assert result.title == "工信部部長金壯龍:引導有條件的高新區建設未來產業先導區"
    assert result.issuers == ["工业和信息化部"]
    assert result.region_code == "000000"
    assert date_of(result) == (2024, 7, 5, "day")
    assert result.policy_type == "新闻发布"
    assert (result.source_site, result.source_url) == ("高新院", "http://achie.org")
    assert [s.heading for s in result.sections] == ["增強產業科技創新能力", "做強做優做大主導產業", "健全國家高新區工作體系"]
    [warning] = [w for w in result.warnings if w.kind == "mojibake"]
    assert "「?jiān)跁」" in warning.message


def test_page_of_only_boilerplate_is_refused():
    page = "Network\n當前位置:主頁 > 新聞中心 >\n- 高新院新聞\n- 政策解讀\n- 高新區新聞\n政務微博\n鶴山政府網\n粵公網安備44078402440793號\n"
    with pytest.raises(IngestError, match="nav.txt 只有导航"):
        ingest_bytes(page.encode("utf-8"), "nav.txt")


def test_gbk_upload_gives_the_same_result_as_utf8():
    path = next(SEEDS.glob("002_*.txt"))
    gbk = ingest_bytes(path.read_text("utf-8").encode("gb18030"), "002.txt")
    assert gbk.encoding == "gb18030"
    assert gbk.clean_text == seed("002").clean_text


def test_unsupported_extension_is_refused():
    with pytest.raises(IngestError, match="scan.pdf"):
        ingest_bytes(b"%PDF-1.4", "scan.pdf")


def test_pasted_text_runs_the_same_stages():
    result = ingest_text("近日，廣東省人民政府印發《廣東省數字經濟建設方案》。一是推進(jìn)改革。二是優化布局。")
    assert result.filename == "pasted.txt"
    assert result.issuers == ["广东省人民政府"]
    assert [s.number for s in result.sections] == ["一是", "二是"]
    assert "推進改革" in result.clean_text


def test_empty_paste_is_refused():
    with pytest.raises(IngestError):
        ingest_text("  \n")


def test_json_fields_are_taken_as_given_and_text_is_cleaned():
    record = {
        "title": "某市数字经济促进条例", "text": "当前位置:首页 > 法规\n第一条 為(wèi)了促进数字经济发展，制定本条例。\n第二条 本条例适用于本市。",
        "region": "苏州", "issuers": ["苏州市人民代表大会常务委员会"], "date": "2024-03",
        "policy_type": "条例", "doc_number": "", "source_site": "苏州人大", "source_url": "http://example.org/1",
    }
    result = ingest_bytes(json.dumps(record, ensure_ascii=False).encode("utf-8"), "law.json")
    assert result.title == "某市数字经济促进条例"
    assert result.region_code == "320500"
    assert result.issuers == ["苏州市人民代表大会常务委员会"]
    assert date_of(result) == (2024, 3, None, "month")
    assert result.policy_type == "条例"
    assert result.source_url == "http://example.org/1"
    assert "当前位置" not in result.clean_text and "為了" in result.clean_text
    assert [s.number for s in result.sections] == ["第一条", "第二条"]
    assert not [w for w in result.warnings if w.kind.startswith(("date_", "no_"))]


def test_json_with_unknown_values_warns_instead_of_guessing():
    record = {"text": "近日，廣東省人民政府印發《某方案》，推动数字经济发展。", "region": "火星", "policy_type": "神谕"}
    result = ingest_bytes(json.dumps(record, ensure_ascii=False).encode("utf-8"), "x.json")
    assert result.region_code == "440000"
    assert [w.kind for w in result.warnings].count("bad_field") == 2


def test_malformed_json_is_refused():
    with pytest.raises(IngestError, match="bad.json"):
        ingest_bytes(b"{not json", "bad.json")
