"""The judged workbook rows (fixtures/titles/workbook-titles.csv): precision and recall of the Chinese titles
the pipeline gives English-titled rows, on the half the rules were written from and on the other."""

import pytest

from documents.evaluation import titles as evaluation


@pytest.fixture(scope="module")
def entries():
    return evaluation.load_judged()


@pytest.fixture(scope="module")
def result(entries):
    return evaluation.evaluate(entries, evaluation.read_workbook())


def test_the_judged_set_has_both_halves_and_rows_with_and_without_a_stated_title(entries):
    assert len(entries) >= 40
    for half in evaluation.HALVES:
        mine = [e for e in entries if e["half"] == half]
        assert any(e["title"] for e in mine) and any(not e["title"] for e in mine)
    assert all(e["where"] in ("none", "covering_notice", "self_named") for e in entries)
    assert all(bool(e["title"]) == (e["where"] != "none") for e in entries)


@pytest.mark.parametrize("half", evaluation.HALVES)
def test_titles_found_against_the_judged_rows(result, half):
    figures = result["figures"][half]
    assert figures["precision"] >= 0.9 and figures["recall"] >= 0.85, figures


def test_each_judged_title_was_found_by_the_rule_it_was_judged_under(result, entries):
    judged = {(e["sheet"], e["row"]): e["where"] for e in entries}
    assert all(o["rule"] == judged[(o["sheet"], o["row"])] for o in result["rows"] if o["correct"])


@pytest.mark.parametrize("got, wanted, same", [
    ("关于印发《X办法》的通知", "关于印发X办法的通知", True),
    ("X指南（2023版）", "X指南(2023版)", True),
    ("工业和信息化部 国家标准化管理委员会关于印发", "工业和信息化部国家标准化管理委员会关于印发", True),
    ("X指南", "X指南（征求意见稿）", False),
])
def test_titles_compare_without_quotes_spaces_or_bracket_width(got, wanted, same):
    assert evaluation.same_title(got, wanted) is same
