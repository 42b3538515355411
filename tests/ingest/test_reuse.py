"""Text reuse between two texts (pure): the passages found, their offsets, the shares, the LSH bands."""

from pathlib import Path

from documents.curation.duplicates import signature
from documents.ingest import reuse

LAWS = Path(__file__).parents[2].parent / "shared/corpus/lawrefbook/DLC"
PROVINCE_TEXT = "第十二条 省人民政府应当将文明行为促进工作纳入国民经济和社会发展规划及年度计划，所需经费列入本级财政预算。"
CITY_TEXT = "第九条 市人民政府应当将文明行为促进工作纳入国民经济和社会发展规划及年度计划，所需经费列入本级财政预算。"
OTHER = "第三条 本条例所称物业服务人，包括物业服务企业和其他管理人，应当按照物业服务合同的约定提供服务。"
STOCK = "第一条 为了加强管理，根据有关法律、法规，结合本市实际，制定本条例。第五十条 本条例自2020年1月1日起施行。"


def body(relative):
    return (LAWS / relative).read_text(encoding="utf-8")


def test_a_provision_re_enacted_with_the_city_for_the_province_is_one_passage():
    shared = reuse.shared_passages(PROVINCE_TEXT, CITY_TEXT)
    assert len(shared.passages) == 1
    passage = shared.passages[0]
    # The offsets are the given texts' own: the passage reads the same in both, 省 and 市 apart.
    assert PROVINCE_TEXT[passage.a_start:passage.a_end].startswith("人民政府应当将文明行为促进工作")
    assert CITY_TEXT[passage.b_start:passage.b_end].endswith("所需经费列入本级财政预算")
    assert shared.a_share > 0.8 and shared.b_share > 0.8


def test_a_moved_article_is_found_where_it_went():
    older = PROVINCE_TEXT + "\n\n" + OTHER
    newer = OTHER + "\n\n" + CITY_TEXT  # the two articles in the other order
    shared = reuse.shared_passages(older, newer)
    found = {older[p.a_start:p.a_end][:6] for p in shared.passages}
    assert len(shared.passages) == 2 and "本条例所称物业" in "".join(older[p.a_start:p.a_end] for p in shared.passages)
    assert any(text.startswith("人民政府") for text in found)


def test_stock_clauses_alone_are_not_shown():
    shared = reuse.shared_passages(STOCK, STOCK.replace("加强管理", "规范停车").replace("2020", "2023"))
    assert not reuse.is_shown(shared.chars, shared.a_share, shared.b_share)


def test_punctuation_and_white_space_do_not_break_a_passage():
    city = CITY_TEXT.replace("，", ",").replace("规划及", "规划 及")
    shared = reuse.shared_passages(PROVINCE_TEXT, city)
    assert len(shared.passages) == 1


def test_a_text_re_enacted_whole_shares_all_of_itself():
    jinan = body("山东地方法规/地方性法规/山东/济南市钢结构建筑应用促进条例(2019-02-12).md")
    laiwu = body("山东地方法规/地方性法规/山东/莱芜市钢结构建筑应用促进条例.md")
    shared = reuse.shared_passages(laiwu, jinan)
    assert shared.a_share > 0.9 and shared.b_share > 0.9
    assert reuse.is_shown(shared.chars, shared.a_share, shared.b_share)


def test_sister_cities_sharing_only_their_stock_clauses_are_not_shown():
    linyi = body("山东地方法规/地方性法规/山东/临沂市文明行为促进条例(2018-09-21).md")
    weihai = body("山东地方法规/地方性法规/山东/威海市文明行为促进条例(2018-09-21).md")
    shared = reuse.shared_passages(linyi, weihai)
    assert not reuse.is_shown(shared.chars, shared.a_share, shared.b_share)


def test_similar_texts_share_a_band_and_unrelated_ones_rarely_do():
    zibo = body("山东地方法规/地方性法规/山东/淄博市物业管理条例(2021-10-08).md")
    province = body("山东地方法规/地方性法规/山东/山东省物业管理条例(2021-12-03).md")
    unrelated = body("山东地方法规/地方性法规/山东/威海市文明行为促进条例(2018-09-21).md")
    keys = {name: set(reuse.band_keys(signature(text).hashvalues))
            for name, text in {"zibo": zibo, "province": province, "unrelated": unrelated}.items()}
    assert len(keys["zibo"]) == reuse.BANDS
    assert keys["zibo"] & keys["province"]
    assert len(keys["zibo"] & keys["unrelated"]) <= 1


def test_estimated_containment_reads_a_small_text_inside_a_large_one():
    # A text of 1,000 shingles wholly inside one of 10,000: Jaccard 0.1, containment 1.
    assert abs(reuse.estimated_containment(0.1, 1000, 10000) - 1.0) < 1e-9
    assert reuse.estimated_containment(0.1, 10000, 1000) < 0.11


def test_a_text_prepared_once_aligns_as_its_text_does():
    jinan = body("山东地方法规/地方性法规/山东/济南市钢结构建筑应用促进条例(2019-02-12).md")
    laiwu = body("山东地方法规/地方性法规/山东/莱芜市钢结构建筑应用促进条例.md")
    prepared = reuse.prepare(laiwu)
    assert reuse.shared_passages(prepared, jinan) == reuse.shared_passages(laiwu, jinan)
    # Every kept character's offset points at that character of the text given.
    assert "".join(laiwu[i] for i in prepared.offsets.tolist()) == prepared.compact
    assert not any(c.isspace() or c in "，。、；：" for c in prepared.compact)
