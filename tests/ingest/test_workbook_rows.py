"""Rows of the research workbook through the pipeline (no database): the Chinese title the text states,
the English title kept beside it, the English issuers read through the vocabulary, and what curators are told."""

from pathlib import Path

import pytest

from documents.ingest import english, tabular
from documents.ingest.pipeline import ingest_row

WORKBOOK = Path(__file__).resolve().parents[2] / "fixtures" / "corpus" / "policies" / "spreadsheets" / "Policies Data.xlsx"
CENTRAL, SHANDONG = "Central Policies Table", "ShanDong Policies Table"


@pytest.fixture(scope="module")
def rows():
    found, _ = tabular.read_rows(WORKBOOK.read_bytes(), WORKBOOK.name)
    return {(row.sheet, row.row): row for row in found}


def ingest(rows, sheet, number):
    return ingest_row(rows[(sheet, number)], WORKBOOK.name)


def kinds(result):
    return {w.kind for w in result.warnings}


def test_a_covering_notice_row_gets_its_chinese_title_and_keeps_the_english_one(rows):
    result = ingest(rows, CENTRAL, 40)
    assert result.title == "工业和信息化部办公厅关于印发《中小企业数字化转型指南》的通知"
    assert result.title_en.startswith("Notice from the General Office of the Ministry of Industry")
    assert result.policy_type == "通知"
    assert "title_english" not in kinds(result)
    record = next(stage for stage in result.stages if stage.stage == "english")
    assert record.details[0]["rule"] == "covering_notice" and record.details[0]["title_en"] == result.title_en


def test_a_row_whose_text_states_no_title_keeps_the_english_one_and_says_so(rows):
    result = ingest(rows, CENTRAL, 3)
    assert result.title == result.title_en == rows[(CENTRAL, 3)].cells[4].strip()
    assert "title_english" in kinds(result)


def test_english_issuers_become_the_chinese_names_of_the_bodies(rows):
    result = ingest(rows, CENTRAL, 52)  # thirteen bodies in one English cell, the text unsigned
    assert result.issuers[:3] == ["商务部", "国家发展和改革委员会", "工业和信息化部"]
    assert len(result.issuers) == 13 and not any(map(english.is_english, result.issuers))
    assert not {"issuer_english", "no_issuer"} & kinds(result)
    assert result.issuer_en == "Ministry of Commerce"  # the first body's English name, stored as its alias


def test_the_signature_decides_over_the_english_cell(rows):
    # The team attributed the MIIT opinion to the State Council (it was published on gov.cn); the text is signed.
    result = ingest(rows, CENTRAL, 90)
    assert result.issuers == ["工业和信息化部"] and result.region_code == "000000"
    assert "issuer_english_differs" in kinds(result)


def test_the_signer_named_short_is_the_vocabularys_body_and_the_cells_co_issuers_follow(rows):
    result = ingest(rows, CENTRAL, 12)  # signed 国家发展改革委 / 国家数据局 / 财政部 / 自然资源部
    assert result.issuers == ["国家发展和改革委员会", "国家数据局", "财政部", "自然资源部"]
    assert result.issuer_en == "National Development and Reform Commission"


def test_an_unknown_english_issuer_is_kept_as_written_with_a_warning(rows):
    result = ingest(rows, SHANDONG, 14)
    assert result.issuers == ["Jinan Bureau of Private Economy Development"]
    warning = next(w for w in result.warnings if w.kind == "issuer_english")
    assert "Jinan Bureau of Private Economy Development" in warning.message
    assert result.region_code == "370100"  # 济南, from the English name still


def test_a_national_body_in_the_shandong_sheet_stays_national(rows):
    assert ingest(rows, SHANDONG, 27).region_code == "000000"
