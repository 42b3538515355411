"""The first year and first policy of a row: an undated document is never the first, a date known only
to the month or year goes after the precise dates it may cover, and the centre-or-provinces pattern."""

import pytest

from documents.research.diffusion import date_key, diffusion, parse_diffusion_params, pattern

pytestmark = pytest.mark.django_db

TERM = "低空经济"


def row(result, label):
    return next(r for r in result.rows if r.label == label)


def test_an_undated_document_is_never_the_first(make_policy):
    make_policy(f"关于{TERM}的通知（日期不详）", f"发展{TERM}。", region="440000")
    later = make_policy(f"{TERM}行动方案", f"推动{TERM}。", region="440000", year=2024, month=6, day=1)
    make_policy(f"{TERM}条例", f"{TERM}。", region="330000")  # this province's only match has no date
    result = diffusion(parse_diffusion_params({"q": TERM}))
    guangdong, zhejiang = row(result, "广东省"), row(result, "浙江省")
    assert guangdong.first_year == 2024 and guangdong.first_policy == later and guangdong.undated == 1
    assert zhejiang.first_year is None and zhejiang.first_policy is None and zhejiang.undated == 1
    assert result.years == [2024]
    assert [entry["regions"] for entry in result.adoption] == [1]


def test_month_and_year_precision_go_after_the_precise_dates_they_may_cover(make_policy):
    make_policy(f"{TERM}年度要点", TERM, region="440000", year=2023)  # some day of 2023
    make_policy(f"{TERM}三月方案", TERM, region="440000", year=2023, month=3)  # some day of March
    precise = make_policy(f"{TERM}三月二日通知", TERM, region="440000", year=2023, month=3, day=2)
    make_policy(f"{TERM}二〇二二年计划", TERM, region="330000", year=2022, month=11)
    make_policy(f"{TERM}十二月意见", TERM, region="330000", year=2022, month=12, day=31)
    result = diffusion(parse_diffusion_params({"q": TERM}))
    assert row(result, "广东省").first_policy == precise
    zhejiang = row(result, "浙江省")
    assert zhejiang.first_policy.title == f"{TERM}二〇二二年计划"  # November, though its day is unknown
    assert [r.label for r in result.first_rows] == ["浙江省"]
    assert row(result, "广东省").counts == {2023: 3}


def test_the_date_order():
    assert date_key(2023, 3, 2) < date_key(2023, 3, None) < date_key(2023, 4, 1) < date_key(2023, None, None)
    assert date_key(2022, None, None) < date_key(2023, 1, 1)


@pytest.mark.parametrize("centre, regions, expected", [
    ((2019, 5), (2021, 3), "centre_first"),
    ((2021, 3), (2019, 5), "provinces_first"),
    ((2020, 11), (2021, 8), "within_a_year"),  # nine months apart across a new year
    ((2020, 1), (2021, 1), "centre_first"),  # twelve months
    ((2020, None), (2020, 12), "within_a_year"),
    ((2020, None), (2021, 1), "centre_first"),  # by years where a month is unknown
])
def test_the_pattern(centre, regions, expected):
    assert pattern(centre, regions) == expected


def test_the_pattern_of_the_rows_and_the_national_documents(make_policy):
    make_policy(f"国务院关于{TERM}的意见", TERM, region="000000", year=2021, month=2, day=1)
    make_policy(f"{TERM}促进条例", TERM, region="440000", year=2023, month=5, day=1)
    result = diffusion(parse_diffusion_params({"q": TERM}))
    assert result.national.first_year == 2021 and result.pattern == "centre_first"
    assert diffusion(parse_diffusion_params({"q": TERM, "year_from": "2022"})).pattern == "provinces_only"
    assert diffusion(parse_diffusion_params({"q": TERM, "year_to": "2022"})).pattern == "centre_only"
    assert diffusion(parse_diffusion_params({"q": "无此词语"})).pattern is None


def test_cities_and_the_province_s_own_documents(make_policy):
    make_policy(f"广东省{TERM}方案", TERM, region="440000", year=2024, month=1, day=5)
    shenzhen = make_policy(f"深圳市{TERM}措施", TERM, region="440300", year=2023, month=7, day=1)
    make_policy(f"深圳市{TERM}计划", f"{TERM}。", region="440300", year=2022, month=1, day=1)
    make_policy(f"杭州市{TERM}方案", TERM, region="330100", year=2020, month=1, day=1)  # outside: in no row
    result = diffusion(parse_diffusion_params({"q": TERM, "province": "440000"}))
    assert {r.label: r.first_year for r in result.rows if r.first_year} == {"广东省（省本级）": 2024, "深圳市": 2022}
    assert row(result, "深圳市").counts == {2022: 1, 2023: 1} and row(result, "深圳市").first_policy != shenzhen
    assert result.years == [2022, 2023, 2024]
