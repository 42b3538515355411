import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from documents.models import ImportRecord, Policy, TaskSection

SEEDS = Path("fixtures/seeds")


def run_import(*paths, **options):
    from io import StringIO

    out, err = StringIO(), StringIO()
    try:
        call_command("import_policies", *map(str, paths), stdout=out, stderr=err, **options)
        failed = False
    except CommandError:
        failed = True
    return out.getvalue(), err.getvalue(), failed


@pytest.mark.django_db
def test_seeds_import_once_and_then_report_unchanged():
    out, err, failed = run_import(SEEDS)
    assert not failed, err
    assert out.count("created ") == 5
    assert Policy.objects.published().count() == 5
    out, err, failed = run_import(SEEDS)
    assert "5 unchanged" in out and not failed
    assert Policy.objects.count() == 5


@pytest.mark.django_db
def test_raw_input_is_stored_verbatim_with_the_stage_record():
    run_import(SEEDS / "000_ddfdcc8aa8b64dac.txt")
    record = ImportRecord.objects.get()
    assert bytes(record.raw_bytes) == (SEEDS / "000_ddfdcc8aa8b64dac.txt").read_bytes()
    assert record.policy.raw_text == (SEEDS / "000_ddfdcc8aa8b64dac.txt").read_text(encoding="utf-8")
    stages = {stage["stage"] for stage in record.stages}
    assert {"decode", "annotations", "boilerplate", "metadata", "sections"} <= stages
    assert "高新院新聞" not in record.policy.clean_text


@pytest.mark.django_db
def test_refused_files_are_named_store_nothing_and_fail_the_command(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "menu.txt").write_text("- 首页\n- 新闻中心\n- 政策解读\n当前位置:首页 > 新闻\n", encoding="utf-8")
    out, err, failed = run_import(tmp_path)
    assert failed
    for name in ("empty.txt", "binary.txt", "menu.txt"):
        assert f"refused {tmp_path / name}" in err
    assert "3 refused" in out
    assert not Policy.objects.exists() and not ImportRecord.objects.exists()


@pytest.mark.django_db
def test_a_bad_file_in_a_folder_does_not_stop_the_good_ones(tmp_path):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_seed.txt").write_bytes((SEEDS / "004_b0a3c03b61ea21e7.txt").read_bytes())
    out, err, failed = run_import(tmp_path)
    assert failed and "1 created" in out and "1 refused" in out
    assert Policy.objects.count() == 1


@pytest.mark.django_db
def test_missing_path_is_refused_with_a_message(tmp_path):
    out, err, failed = run_import(tmp_path / "nope")
    assert failed and "no such file or folder" in err


@pytest.mark.django_db
def test_gbk_and_nul_bytes_are_decoded_and_cleaned(tmp_path):
    text = (SEEDS / "002_5598fb3b3858c73c.txt").read_text(encoding="utf-8")
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    out, err, failed = run_import(tmp_path / "gbk.txt")
    assert not failed, err
    record = ImportRecord.objects.get()
    assert record.encoding.lower().replace("-", "") in {"gb18030", "gbk", "gb2312"}
    assert "\x00" not in record.policy.clean_text
    # The same content again with a NUL byte is recognised as the same policy.
    (tmp_path / "nul.txt").write_bytes(text.encode("utf-8").replace("。".encode(), "。\x00".encode(), 1))
    out, err, failed = run_import(tmp_path / "nul.txt")
    assert not failed and "unchanged" in out
    assert Policy.objects.count() == 1


@pytest.mark.django_db
def test_changed_file_updates_its_policy(tmp_path):
    path = tmp_path / "seed.txt"
    text = (SEEDS / "004_b0a3c03b61ea21e7.txt").read_text(encoding="utf-8")
    path.write_text(text, encoding="utf-8")
    run_import(tmp_path)
    policy = Policy.objects.get()
    path.write_text(text.replace("178家", "180家"), encoding="utf-8")
    out, err, failed = run_import(tmp_path)
    assert "updated" in out and not failed
    policy.refresh_from_db()
    assert "180家" in policy.clean_text and Policy.objects.count() == 1
    assert ImportRecord.objects.filter(policy=policy).count() == 2


@pytest.mark.django_db
def test_draft_option_keeps_imports_unpublished():
    run_import(SEEDS / "003_bee44332e738703c.txt", draft=True)
    assert Policy.objects.get().status == "draft"


@pytest.mark.django_db
def test_json_input_gives_fields_directly(tmp_path):
    document = {
        "title": "某市促进数字经济发展若干措施",
        "text": "为加快数字经济发展，制定本措施。\n一、加强数据要素供给\n推动公共数据开放。\n二、培育数字产业\n支持集成电路企业。",
        "region": "杭州",
        "issuers": ["杭州市人民政府"],
        "date": "2023-05-06",
        "policy_type": "方案",
        "doc_number": "杭政〔2023〕7号",
    }
    (tmp_path / "doc.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    out, err, failed = run_import(tmp_path / "doc.json")
    assert not failed, err
    policy = Policy.objects.get()
    assert policy.title == document["title"] and policy.doc_number == "杭政〔2023〕7号"
    assert policy.region_id == "330100" and policy.province_id == "330000"
    assert policy.date_iso == "2023-05-06"
    assert list(policy.issuers.values_list("name", flat=True)) == ["杭州市人民政府"]
    assert TaskSection.objects.filter(policy=policy).count() == 2


@pytest.mark.django_db
def test_office_files_in_a_folder_are_imported_and_an_encrypted_pdf_refused(tmp_path):
    from tests.curation.test_office import LINES, docx_bytes, pdf_bytes

    (tmp_path / "a_plan.docx").write_bytes(docx_bytes())
    (tmp_path / "b_locked.pdf").write_bytes(pdf_bytes(encrypt="secret"))
    (tmp_path / "c_seed.txt").write_bytes((SEEDS / "004_b0a3c03b61ea21e7.txt").read_bytes())
    out, err, failed = run_import(tmp_path)
    assert failed and "2 created" in out and "1 refused" in out
    assert f"refused {tmp_path / 'b_locked.pdf'}: 文件 b_locked.pdf 已加密" in err
    assert Policy.objects.filter(title=LINES[0]).exists()
