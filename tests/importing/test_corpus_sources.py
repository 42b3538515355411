"""The shared corpus's new sources imported for real: tables row by row, pkulaw exports, work reports,
duplicates named in the summary, re-imports that change nothing, and the corpus report's measures."""

import datetime
import shutil
from pathlib import Path

import pytest
from django.db.models import F

from documents.curation.reprocess import reprocess
from documents.models import ImportRecord, Issuer, Policy
from documents.reports import corpus_report
from tests.importing.test_import_command import run_import

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
DEMO = Path("fixtures/corpus")
SHEET = DEMO / "policies" / "spreadsheets" / "Policies Data.xlsx"
PKULAW = DEMO / "policies" / "pkulaw"
REPORTS_2026 = DEMO / "workreports" / "provinces-2026"


@pytest.mark.django_db
def test_every_row_of_the_research_spreadsheet_is_a_policy_with_its_sheet_and_row():
    out, err, failed = run_import(SHEET)
    assert not failed, err
    records = ImportRecord.objects.filter(file_name=SHEET.name)
    assert records.count() == 221  # 166 central rows and 55 Shandong ones, each with its own record
    assert {r.sheet for r in records} == {"Central Policies Table", "ShanDong Policies Table"}
    assert records.filter(sheet="ShanDong Policies Table").count() == 55
    # Rows that repeat another row's text (Shandong row 34 is central row 38's MIIT guide) are one policy,
    # and the summary names the row each repeats.
    duplicates = [line for line in out.splitlines() if line.startswith("duplicate ") and " = " in line]
    assert duplicates and len(duplicates) == 221 - Policy.objects.count()
    assert any("ShanDong Policies Table!34 = " in line and "第 38 行（Central Policies Table）" in line or
               "Central Policies Table!38 = " in line for line in duplicates), duplicates
    first = records.get(row=2, sheet__startswith="Central").policy
    assert first.date == datetime.date(2013, 8, 21)  # the serial 41507
    assert first.title_en and first.region.code == "000000"
    truncated = [p for p in Policy.objects.all() if any(w["kind"] == "cell_truncated" for w in p.quality_warnings)]
    assert len(truncated) == 3
    # A re-import of the same workbook changes nothing; a row is reprocessed from its stored cells alone.
    out, err, failed = run_import(SHEET)
    assert not failed and "221 unchanged" in out and ImportRecord.objects.count() == 221
    assert reprocess(records.get(row=5, sheet__startswith="Central").policy).changed == []
    # English metadata kept, not believed blindly: region from the English issuer (pinyin names).
    qingdao = Policy.objects.filter(region__code="370200")
    assert qingdao.exists()  # "Qingdao …" issuers, through the gazetteer's pinyin names
    assert Policy.objects.filter(province__code="370000").count() >= 50
    # 35 texts open with their Chinese title: it is the title, the English one kept beside it.
    chinese = Policy.objects.filter(title_en__gt="").exclude(title=F("title_en"))
    assert chinese.count() >= 30
    assert not any(w["kind"] == "title_english" for p in chinese for w in p.quality_warnings)
    # The others keep the English title in its place, with a warning for curators.
    english = Policy.objects.filter(title=F("title_en"))
    assert english.count() >= 150
    assert all(any(w["kind"] == "title_english" for w in p.quality_warnings) for p in english)
    # The English issuer is an alias of the issuer the Chinese text names.
    assert Issuer.objects.filter(name="山东省人民政府", aliases__contains=["Shandong Provincial People's Government"]).exists()


@pytest.mark.django_db
def test_pkulaw_exports_give_citation_code_source_number_and_effective_date():
    out, err, failed = run_import(PKULAW)
    assert not failed, err
    assert Policy.objects.count() == 8
    guangdong = Policy.objects.get(citation_code="CLI.11.4619854")
    assert guangdong.title == "广东省公共数据管理办法"
    assert guangdong.doc_number == "广东省人民政府令第290号"
    assert guangdong.effective_date == datetime.date(2021, 11, 25)
    assert guangdong.date == datetime.date(2021, 10, 18)
    assert guangdong.source_url.startswith("https://www.pkulaw.com/")
    assert guangdong.region.code == "440000"
    anhui = Policy.objects.get(citation_code="CLI.12.4638041")
    assert anhui.doc_number == "皖政办秘〔2021〕82号"


@pytest.mark.django_db
def test_provincial_work_reports_of_2026_are_filed_by_their_text():
    out, err, failed = run_import(REPORTS_2026)
    assert not failed, err
    reports = Policy.objects.filter(policy_type="政府工作报告")
    assert reports.count() == 31
    assert reports.values("province").distinct().count() == 31
    shanghai = reports.get(province__code="310000")
    assert shanghai.date == datetime.date(2026, 2, 3)  # the session line, not the CSV's publish date
    assert [i.name for i in shanghai.issuers.all()] == ["上海市人民政府"]
    assert not shanghai.clean_text.startswith("下载")  # page chrome is boilerplate
    assert shanghai.sections.filter(level=1, heading__contains="2025年工作回顾").exists()
    report = corpus_report()
    assert report["province_agreement"] == {"checked": 31, "agree": 31, "ratio": 1.0}
    assert report["by_type"]["政府工作报告"] == 31


@pytest.mark.django_db
def test_city_files_holding_another_bodys_report_follow_the_text_and_duplicates_are_named(tmp_path):
    folder = tmp_path / "cities-2024"
    folder.mkdir()
    for name in ("台州.docx", "襄阳.docx", "深圳.docx"):
        shutil.copyfile(CORPUS / "workreports" / "cities-2024" / name, folder / name)
    out, err, failed = run_import(tmp_path)
    assert not failed, err
    assert "1 duplicate" in out
    assert "duplicate " in out and "台州.docx" in out and "襄阳.docx" in out
    state_council = Policy.objects.get(region__code="000000")  # 台州/襄阳 hold the State Council's report
    assert state_council.date_year == 2024
    shenzhen = Policy.objects.get(region__code="440300")
    assert shenzhen.date_year == 2024 and shenzhen.policy_type == "政府工作报告"
    report = corpus_report()
    assert report["city_agreement"]["checked"] == 2 and report["city_agreement"]["agree"] == 1
