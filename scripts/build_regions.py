"""Generate fixtures/regions.csv, the region gazetteer, from the cpca package.

Source: ``cpca/resources/adcodes.csv`` shipped with cpca 0.5.x (columns
``adcode,name,longitude,latitude``; ``adcode`` is the 12-digit GB/T 2260 /
statistical division code). cpca is a dependency because it ships this table;
we only read its data file, not its address parser.

What is kept:

* a national root ``000000`` 全国;
* all 34 provincial-level divisions (``xx0000``), including 台湾, 香港 and 澳门;
* every prefecture-level division (``xxxx00``): cities, 地区, 自治州 and 盟.

What is left out, and why:

* ``市辖区`` / ``县`` rows under 北京, 天津, 上海 and 重庆 (110100, 500200, ...): they are
  statistical groupings, not divisions; the municipality's province row stands for it.
* ``省直辖县级行政区划`` / ``自治区直辖县级行政区划`` (139000, 419000, 429000, 469000,
  659000): placeholders grouping county-level cities such as 济源 or 石河子, not cities.

cpca's table predates two changes; we apply them as explicit corrections:

* 那曲地区 (542400) became 那曲市 (540600) in 2018.
* 莱芜市 (371200) was merged into 济南 in January 2019. It is *kept*: the archive holds
  regulations its people's congress issued before then (e.g. 莱芜市钢结构建筑应用促进条例).

``name_hant`` is OpenCC's s2tw conversion (standard traditional forms such as 臺灣, 赤峰).

Run from the repository root; the output is deterministic (sorted by code)::

    .venv/bin/python scripts/build_regions.py
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import cpca
import opencc

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "fixtures" / "regions.csv"
CPCA_RESOURCES = Path(cpca.__file__).resolve().parent / "resources"
FIELDS = ("code", "name", "name_hant", "short_name", "level", "parent_code")

NATIONAL = {"code": "000000", "name": "全国", "level": "national", "parent_code": ""}
MUNICIPALITY_PLACEHOLDERS = {"市辖区", "县"}
# code in cpca -> (code, name) today
CORRECTIONS = {"542400": ("540600", "那曲市")}

# Provincial suffixes, longest first so 壮族自治区 wins over 自治区.
PROVINCE_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")


def load_nations() -> list[str]:
    """The 55 minority nationality names from cpca (e.g. 朝鲜族), used to shorten 自治州 names."""
    text = (CPCA_RESOURCES / "56_nations.csv").read_text(encoding="utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip()]
    # Autonomous-prefecture names also use bare forms without 族: 博尔塔拉蒙古, 伊犁哈萨克.
    bare = [n[:-1] for n in names if n.endswith("族") and len(n) > 2]
    return sorted(set(names) | set(bare), key=len, reverse=True)


def short_name(name: str, level: str, nations: list[str]) -> str:
    """The name people write without the division suffix: 广西, 延边, 锡林郭勒, 苏州."""
    if level == "national":
        return name
    if level == "province":
        for suffix in PROVINCE_SUFFIXES:
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return name
    if name.endswith("自治州"):
        stem = name[: -len("自治州")]
        # Strip trailing nationality names, e.g. 黔西南布依族苗族 -> 黔西南.
        changed = True
        while changed:
            changed = False
            for nation in nations:
                if stem.endswith(nation) and len(stem) - len(nation) >= 2:
                    stem = stem[: -len(nation)]
                    changed = True
                    break
        return stem
    for suffix in ("地区", "盟", "市"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def build_rows() -> list[dict]:
    nations = load_nations()
    # s2tw rather than s2t: s2t writes the variant 赤峯 for 赤峰; for every other name they agree.
    s2t = opencc.OpenCC("s2tw")
    with open(CPCA_RESOURCES / "adcodes.csv", encoding="utf-8", newline="") as f:
        source = list(csv.DictReader(f))

    rows = [dict(NATIONAL)]
    for record in source:
        adcode, name = record["adcode"], record["name"]
        if len(adcode) != 12 or adcode[6:] != "000000":
            continue  # county level and below
        code = adcode[:6]
        if code[2:] == "0000":
            level, parent = "province", NATIONAL["code"]
        elif code[4:] == "00":
            if name in MUNICIPALITY_PLACEHOLDERS or "直辖县级行政区划" in name:
                continue
            level, parent = "prefecture", code[:2] + "0000"
        else:
            continue
        code, name = CORRECTIONS.get(code, (code, name))
        rows.append({"code": code, "name": name, "level": level, "parent_code": parent})

    for row in rows:
        row["name_hant"] = s2t.convert(row["name"])
        row["short_name"] = short_name(row["name"], row["level"], nations)
    rows.sort(key=lambda r: r["code"])
    return rows


def write_csv(rows: list[dict], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> int:
    rows = build_rows()
    write_csv(rows, OUTPUT)
    levels = {}
    for row in rows:
        levels[row["level"]] = levels.get(row["level"], 0) + 1
    print(f"wrote {len(rows)} regions to {OUTPUT.relative_to(ROOT)}: {levels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
