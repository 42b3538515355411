import csv
import io
import json

import bibtexparser
import pytest
import rispy
from bibtexparser.bparser import BibTexParser

from documents import exports
from documents.models import Policy

pytestmark = pytest.mark.django_db


@pytest.fixture
def corpus(make_policy):
    gd = make_policy("广东省数字经济促进条例", "数字经济", region="440000", issuers=["广东省人民代表大会常务委员会"],
                     year=2021, month=7, day=30, policy_type="条例")
    Policy.objects.filter(pk=gd.pk).update(doc_number="粤常〔2021〕1号", source_site="广东人大网",
                                           source_url="https://www.gdrd.cn/x.html")
    make_policy("深圳市数据条例", "数据要素 数字经济", region="440300",
                issuers=["深圳市人民代表大会常务委员会", "深圳市人民政府"], month=8, day=31, policy_type="条例")
    make_policy("江苏省数字经济促进条例", "数字经济", region="320000", year=2022)
    return gd


def parse_bibtex(text):
    parser = BibTexParser(common_strings=True)
    return bibtexparser.loads(text, parser=parser).entries


def test_csv_has_bom_chinese_headers_and_the_filtered_rows(client, corpus):
    response = client.get("/policies/export.csv", {"q": "数字经济", "province": "440000"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="policies-')
    assert response.content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert sorted(row["标题"] for row in rows) == ["广东省数字经济促进条例", "深圳市数据条例"]
    gd = next(row for row in rows if row["标题"] == "广东省数字经济促进条例")
    assert gd["文号"] == "粤常〔2021〕1号" and gd["日期"] == "2021-07-30" and gd["省份"] == "广东省"
    assert gd["档案链接"] == f"http://testserver/policies/{corpus.pk}/"
    # A citation in both forms travels with each row, with the row's stable link.
    assert gd["引用（GB/T 7714）"].startswith("广东省人民代表大会常务委员会. 广东省数字经济促进条例：粤常〔2021〕1号[EB/OL]. (2021-07-30)[")
    assert gd["引用（APA）"] == ("广东省人民代表大会常务委员会. (2021, July 30). 广东省数字经济促进条例 (粤常〔2021〕1号). "
                              f"数字经济政策档案. http://testserver/policies/{corpus.pk}/")


def test_export_ignores_pagination_and_returns_every_match(client, make_policy):
    for i in range(30):
        make_policy(f"数字经济政策{i}", "数字经济", year=2000 + i)
    data = json.loads(client.get("/policies/export.json", {"q": "数字经济", "page": "2"}).content)
    assert data["count"] == 30 and len(data["policies"]) == 30


def test_json_uses_the_one_serialisation(client, corpus):
    data = json.loads(client.get("/policies/export.json", {"province": "440000", "sort": "oldest"}).content)
    first = next(p for p in data["policies"] if p["id"] == corpus.pk)
    assert set(first) >= {"id", "title", "url", "doc_number", "region", "province", "issuers", "date",
                          "date_precision", "policy_type", "source", "script"}
    assert first["issuers"] == [{"name": "广东省人民代表大会常务委员会"}]
    assert set(first["citation"]) == {"gb_t_7714", "apa"} and first["citation"]["apa"].endswith(first["url"])


def test_bibtex_parses_back_with_bibtexparser(client, corpus):
    response = client.get("/policies/export.bib", {"province": "440000"})
    entries = {e["ID"]: e for e in parse_bibtex(response.content.decode())}
    gd = entries[f"policy{corpus.pk}"]
    assert gd["ENTRYTYPE"] == "misc"
    assert gd["title"] == "{广东省数字经济促进条例}"
    assert gd["author"] == "{广东省人民代表大会常务委员会}"
    assert gd["year"] == "2021" and gd["month"] == "7" and gd["number"] == "粤常〔2021〕1号"
    assert gd["url"] == f"http://testserver/policies/{corpus.pk}/"
    shenzhen = next(e for e in entries.values() if "深圳" in e["title"])
    assert "year" not in shenzhen  # 8月31日 with no year: no invented year
    assert shenzhen["author"] == "{深圳市人民代表大会常务委员会} and {深圳市人民政府}"


def test_ris_parses_back_with_rispy(client, corpus):
    response = client.get("/policies/export.ris", {"province": "440000"})
    records = {r["id"]: r for r in rispy.loads(response.content.decode())}
    gd = records[f"policy{corpus.pk}"]
    assert gd["type_of_reference"] == "GOVDOC"
    assert gd["title"] == "广东省数字经济促进条例"
    assert gd["authors"] == ["广东省人民代表大会常务委员会"]
    assert gd["year"] == "2021" and gd["date"] == "2021/07/30/"
    assert gd["urls"] == [f"http://testserver/policies/{corpus.pk}/"]
    assert len(records) == 2


def test_single_policy_export(client, corpus):
    entries = parse_bibtex(client.get(f"/policies/{corpus.pk}/export.bib").content.decode())
    assert [e["ID"] for e in entries] == [f"policy{corpus.pk}"]


def test_export_over_the_limit_says_how_to_narrow_it(client, corpus, settings):
    settings.EXPORT_MAX_ROWS = 2
    response = client.get("/policies/export.csv", {"q": "数字经济"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "共 3 篇" in html and "上限 2 篇" in html and "缩小范围" in html
    assert client.get("/policies/export.csv", {"province": "440000"}).status_code == 200


def test_export_with_malformed_filters_is_400(client, corpus):
    response = client.get("/policies/export.ris", {"year": "abc"})
    assert response.status_code == 400 and "导出条件有误" in response.content.decode()


def test_unknown_export_format_is_404(client, corpus):
    assert client.get("/policies/export.xlsx").status_code == 404


# The pure functions, without the database.
def sample(**overrides):
    data = {
        "id": 7, "title": "关于{数据}的 100% 方案 & 通知_#1", "url": "https://example.org/policies/7/",
        "doc_number": "", "region": {"code": "110000", "name": "北京市"},
        "province": {"code": "110000", "name": "北京市"}, "issuers": [{"name": "北京市人民政府"}],
        "date": "2024", "date_precision": "year", "policy_type": "通知",
        "source": {"site": "", "url": ""}, "script": "hans",
    }
    return {**data, **overrides}


def test_bibtex_escapes_tex_specials_and_keeps_the_title():
    (entry,) = parse_bibtex(exports.to_bibtex([sample()]))
    assert entry["title"] == r"{关于\{数据\}的 100\% 方案 \& 通知\_\#1}"


def test_ris_values_stay_on_one_line():
    text = exports.to_ris([sample(title="第一行\n第二行\r\nER  - 伪造")])
    (record,) = rispy.loads(text)
    assert record["title"] == "第一行 第二行 ER - 伪造"


def test_csv_cells_that_look_like_formulas_stay_text():
    rows = list(csv.reader(io.StringIO(exports.to_csv([sample(title="=HYPERLINK(\"x\")")]).lstrip("\ufeff"))))
    assert rows[1][1] == "'=HYPERLINK(\"x\")"
