import sys
from pathlib import Path

import pytest

from documents import gazetteer
from documents.gazetteer import NATIONAL_CODE

ROOT = Path(__file__).resolve().parents[2]


def codes_of(level):
    return {r.code for r in gazetteer.all_regions() if r.level == level}


def test_national_root_is_first_and_has_both_scripts():
    root = gazetteer.all_regions()[0]
    assert (root.code, root.name, root.name_hant, root.level, root.parent_code) == (
        NATIONAL_CODE, "全国", "全國", "national", ""
    )


def test_all_34_provincial_level_divisions_including_taiwan_hong_kong_macao():
    provinces = codes_of("province")
    assert len(provinces) == 34
    assert {"110000", "500000", "710000", "810000", "820000"} <= provinces


def test_prefecture_level_divisions_include_leagues_areas_and_autonomous_prefectures():
    prefectures = codes_of("prefecture")
    assert 330 <= len(prefectures) <= 336
    assert {"320500", "152200", "232700", "222400", "654000"} <= prefectures


def test_no_placeholder_rows_for_municipal_districts_or_directly_administered_counties():
    names = {r.name for r in gazetteer.all_regions()}
    assert "市辖区" not in names and "县" not in names
    assert not any("直辖县级" in name for name in names)
    assert not codes_of("prefecture") & {"110100", "310100", "500100", "500200", "419000"}


def test_every_parent_exists_and_is_one_level_up():
    for region in gazetteer.all_regions():
        if region.level == "national":
            continue
        parent = gazetteer.get(region.parent_code)
        expected = "national" if region.level == "province" else "province"
        assert parent is not None and parent.level == expected, region
        if region.level == "prefecture":
            assert region.code[:2] == parent.code[:2]


def test_codes_are_unique_six_digit_strings():
    codes = [r.code for r in gazetteer.all_regions()]
    assert len(codes) == len(set(codes))
    assert all(len(c) == 6 and c.isdigit() for c in codes)


@pytest.mark.parametrize(
    "name, short",
    [
        ("内蒙古自治区", "内蒙古"),
        ("广西壮族自治区", "广西"),
        ("西藏自治区", "西藏"),
        ("宁夏回族自治区", "宁夏"),
        ("新疆维吾尔自治区", "新疆"),
        ("香港特别行政区", "香港"),
        ("延边朝鲜族自治州", "延边"),
        ("黔西南布依族苗族自治州", "黔西南"),
        ("锡林郭勒盟", "锡林郭勒"),
        ("大兴安岭地区", "大兴安岭"),
        ("苏州市", "苏州"),
    ],
)
def test_short_names_drop_the_division_suffix(name, short):
    assert gazetteer.lookup_region(name).short_name == short


@pytest.mark.parametrize(
    "name, code",
    [
        ("广东", "440000"),
        ("廣東省", "440000"),
        ("苏州", "320500"),
        ("蘇州市", "320500"),
        ("济南", "370100"),
        ("濟南市", "370100"),
        ("全国", NATIONAL_CODE),
        ("全國", NATIONAL_CODE),
        ("中国", NATIONAL_CODE),
        ("延边州", "222400"),
        ("臺灣", "710000"),
    ],
)
def test_lookup_accepts_full_short_and_traditional_names(name, code):
    assert gazetteer.lookup_region(name).code == code


def test_lookup_of_a_prefecture_knows_its_parent():
    assert gazetteer.lookup_region("苏州").parent_code == "320000"


def test_ambiguous_short_name_resolves_to_the_higher_level():
    assert gazetteer.lookup_region("吉林").code == "220000"
    assert gazetteer.lookup_region("海南").code == "460000"
    assert gazetteer.lookup_region("吉林市").code == "220200"


def test_lookup_of_unknown_name_is_none():
    assert gazetteer.lookup_region("火星") is None
    assert gazetteer.get("999999") is None


def test_province_of():
    assert gazetteer.province_of("320500").code == "320000"
    assert gazetteer.province_of("440000").code == "440000"
    assert gazetteer.province_of(NATIONAL_CODE) is None
    assert gazetteer.province_of("999999") is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("杭州市人民代表大会常务委员会", "330100"),
        ("浙江省人民代表大会常务委员会", "330000"),
        ("深圳经济特区数据条例", "440300"),
        ("广东省深圳市人民政府", "440300"),
        ("吉林市人民政府", "220200"),
        ("延边朝鲜族自治州人民代表大会", "222400"),
        ("海南经济特区", "460000"),
        ("中国（上海）自由贸易试验区条例", "310000"),
        ("杭州市人民代表大會常務委員會", "330100"),
        ("全国人民代表大会常务委员会", NATIONAL_CODE),
        ("浙江省人民代表大会常务委员会关于批准《杭州市城市国际化促进条例》的决定", "330000"),
    ],
)
def test_find_region_in_text(text, code):
    assert gazetteer.find_region_in_text(text).code == code


@pytest.mark.parametrize("text", ["国务院", "工业和信息化部", "关于规范本市场主体登记", "", "支持海南岛旅游"])
def test_find_region_in_text_ignores_short_names_inside_other_words(text):
    assert gazetteer.find_region_in_text(text) is None


def test_short_name_in_running_text_needs_a_division_suffix():
    assert gazetteer.find_region_in_text("关于支持吉林大学发展的决定") is None
    assert gazetteer.find_region_in_text("支持吉林省发展的决定").code == "220000"


def test_build_script_reproduces_the_committed_csv(tmp_path):
    committed = (ROOT / "fixtures" / "regions.csv").read_text(encoding="utf-8")
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import build_regions
    finally:
        sys.path.pop(0)
    build_regions.write_csv(build_regions.build_rows(), tmp_path / "regions.csv")
    assert (tmp_path / "regions.csv").read_text(encoding="utf-8") == committed


@pytest.mark.parametrize(
    "name, pinyin",
    [
        ("青岛市", "Qingdao"),
        ("山东省", "Shandong"),
        ("济南", "Jinan"),
        ("重庆", "Chongqing"),
        ("长沙", "Changsha"),
        ("厦门", "Xiamen"),
        ("西安", "Xi'an"),
        ("马鞍山", "Ma'anshan"),
        ("陕西", "Shaanxi"),
        ("山西", "Shanxi"),
        ("长治", "Changzhi"),
        ("漯河", "Luohe"),
    ],
)
def test_pinyin_of_a_region_uses_place_name_readings(name, pinyin):
    assert gazetteer.lookup_region(name).pinyin == pinyin


@pytest.mark.parametrize(
    "name, english",
    [
        ("内蒙古", ("Inner Mongolia", "Neimenggu")),
        ("西藏", ("Tibet", "Xizang")),
        ("香港", ("Hong Kong", "Xianggang")),
        ("澳门", ("Macao", "Macau", "Aomen")),
        ("乌鲁木齐", ("Urumqi", "Wulumuqi")),
        ("吕梁", ("Lvliang", "Luliang")),
        ("北京", ("Beijing",)),
    ],
)
def test_english_names_put_the_conventional_name_first(name, english):
    assert gazetteer.lookup_region(name).english_names == english


def test_every_regions_pinyin_finds_it_except_where_two_prefectures_share_it():
    missed = set()
    for region in gazetteer.all_regions()[1:]:
        if gazetteer.lookup_english(region.pinyin) != region:
            missed.add(region.short_name)
    # 吉林市/海南藏族自治州 yield to their province's name, as in Chinese; 宿州/抚州 to 苏州/福州.
    assert missed == {"吉林", "海南", "宿州", "抚州", "伊春", "宜春", "泰州", "台州", "玉林", "榆林"}


@pytest.mark.parametrize(
    "name, code",
    [
        ("Qingdao", "370200"),
        ("QINGDAO", "370200"),
        ("Qing Dao", "370200"),
        ("qingdao city", "370200"),
        ("Shandong Province", "370000"),
        ("Inner Mongolia", "150000"),
        ("Neimenggu", "150000"),
        ("Inner Mongolia Autonomous Region", "150000"),
        ("Tibet", "540000"),
        ("Xizang Autonomous Region", "540000"),
        ("Guangxi Zhuang Autonomous Region", "450000"),
        ("Ningxia Hui Autonomous Region", "640000"),
        ("Xinjiang Uygur Autonomous Region", "650000"),
        ("Xinjiang Uyghur Autonomous Region", "650000"),
        ("Hong Kong SAR", "810000"),
        ("Macau", "820000"),
        ("Shaanxi", "610000"),
        ("Shanxi", "140000"),
        ("Beijing Municipality", "110000"),
        ("Xian", "610100"),
        ("Yanbian Korean Autonomous Prefecture", "222400"),
        ("Hainan Tibetan Autonomous Prefecture", "632500"),
        ("Lüliang", "141100"),
        ("China", NATIONAL_CODE),
    ],
)
def test_lookup_english_ignores_case_spaces_and_division_words(name, code):
    assert gazetteer.lookup_english(name).code == code


def test_lookup_english_level_words_pick_between_a_province_and_its_namesake_city():
    assert gazetteer.lookup_english("Jilin").code == "220000"
    assert gazetteer.lookup_english("Jilin Province").code == "220000"
    assert gazetteer.lookup_english("Jilin City").code == "220200"
    assert gazetteer.lookup_english("Hainan").code == "460000"


def test_lookup_english_of_two_prefectures_sharing_a_pinyin():
    assert gazetteer.lookup_english("Taizhou") is None
    assert gazetteer.lookup_english("Suzhou").code == "320500"


@pytest.mark.parametrize(
    "name", ["Atlantis", "Qingdao Airlines", "", "City", "Ministry of Finance"]
)
def test_lookup_english_of_other_names_is_none(name):
    assert gazetteer.lookup_english(name) is None


@pytest.mark.parametrize(
    "text, code",
    [
        ("Qingdao Municipal People's Government", "370200"),
        ("Shandong Provincial Department of Industry and Information Technology", "370000"),
        ("General Office of the Jinan Municipal People's Government", "370100"),
        # A city and its province: the city, wherever each stands.
        ("Shandong Provincial Department of Finance and Qingdao Finance Bureau", "370200"),
        ("Jinan Municipal Bureau, Shandong Province", "370100"),
        ("Jinan Department of Industry and Information Technology, Ministry of Industry", "370100"),
        ("Inner Mongolia Autonomous Region People's Government", "150000"),
        ("Hong Kong Monetary Authority", "810000"),
        ("Anshan Municipal Government", "210300"),
        ("Taizhou Municipal Government, Zhejiang Province", "331000"),
        ("Jilin City Bureau of Commerce", "220200"),
        ("Cyberspace Administration of China", NATIONAL_CODE),
        ("Ministry of Commerce of the People's Republic of China", NATIONAL_CODE),
    ],
)
def test_find_region_in_english(text, code):
    assert gazetteer.find_region_in_english(text).code == code


@pytest.mark.parametrize(
    "text",
    ["Ministry of Finance", "Xianshan Technology Park", "Manshanxi Bureau", "", "State Council"],
)
def test_find_region_in_english_matches_whole_words_only(text):
    assert gazetteer.find_region_in_english(text) is None


def test_find_region_in_english_reads_a_shared_name_as_the_higher_level_without_a_level_word():
    assert gazetteer.find_region_in_english("Jilin Bureau of Commerce").code == "220000"
    assert gazetteer.find_region_in_english("Jilin Provincial Bureau").code == "220000"
