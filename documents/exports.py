"""Result sets as files: CSV, JSON, BibTeX and RIS (pure functions over policy_to_dict dicts)."""

import csv
import io
import json
import re

CSV_COLUMNS = [
    ("id", "编号"),
    ("title", "标题"),
    ("title_en", "英文标题"),
    ("doc_number", "文号"),
    ("issuers", "发布机构"),
    ("province", "省份"),
    ("region", "地区"),
    ("region_code", "区划代码"),
    ("date", "日期"),
    ("date_precision", "日期精度"),
    ("effective_date", "施行日期"),
    ("policy_type", "类型"),
    ("source_site", "来源网站"),
    ("source_url", "来源链接"),
    ("citation_code", "法宝引证码"),
    ("script", "原文字体"),
    ("url", "档案链接"),
    ("citation_gb_t_7714", "引用（GB/T 7714）"),
    ("citation_apa", "引用（APA）"),
]
# Spreadsheets run cells that start like a formula; a leading apostrophe keeps them text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def flat_row(data: dict) -> dict:
    return {
        "id": data["id"],
        "title": data["title"],
        "title_en": data.get("title_en", ""),
        "doc_number": data["doc_number"],
        "issuers": "；".join(issuer["name"] for issuer in data["issuers"]),
        "province": data["province"]["name"] if data["province"] else "",
        "region": data["region"]["name"] if data["region"] else "",
        "region_code": data["region"]["code"] if data["region"] else "",
        "date": data["date"] or "",
        "date_precision": data["date_precision"],
        "effective_date": data.get("effective_date") or "",
        "policy_type": data["policy_type"],
        "source_site": data["source"]["site"],
        "citation_code": data.get("citation_code", ""),
        "source_url": data["source"]["url"],
        "script": data["script"],
        "url": data["url"],
        "citation_gb_t_7714": data.get("citation", {}).get("gb_t_7714", ""),
        "citation_apa": data.get("citation", {}).get("apa", ""),
    }


def _cell(value) -> str:
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(policies: list[dict]) -> str:
    return csv_text(CSV_COLUMNS, (flat_row(data) for data in policies))


def csv_text(columns, rows) -> str:
    """UTF-8 CSV text with a BOM (so Excel reads Chinese correctly) and Chinese column headers."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([label for _, label in columns])
    for row in rows:
        writer.writerow([_cell(row[key]) for key, _ in columns])
    return out.getvalue()


def to_json(policies: list[dict]) -> str:
    return json.dumps({"count": len(policies), "policies": policies}, ensure_ascii=False, indent=2)


# BibTeX: characters with a meaning in TeX are escaped; braces keep the title's case and spacing.
_TEX_SPECIAL = re.compile(r"([\\{}%&#$_^~])")
_TEX_REPLACEMENTS = {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}


def _tex(text: str) -> str:
    text = " ".join(str(text).split())
    return _TEX_SPECIAL.sub(lambda m: _TEX_REPLACEMENTS.get(m.group(1), "\\" + m.group(1)), text)


def _year_month_day(date: str | None):
    """(year, month, day) strings from an ISO date of any precision; '--08-31' has no year."""
    if not date:
        return None, None, None
    if date.startswith("--"):
        parts = date[2:].split("-")
        return None, parts[0], parts[1] if len(parts) > 1 else None
    parts = date.split("-")
    return parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None


def bibtex_entry(data: dict) -> str:
    year, month, day = _year_month_day(data["date"])
    # Organisations as authors: double braces stop BibTeX from splitting the name.
    authors = " and ".join("{" + _tex(issuer["name"]) + "}" for issuer in data["issuers"])
    fields = [
        ("title", "{" + _tex(data["title"]) + "}"),
        ("titleaddon", "{" + _tex(data["title_en"]) + "}" if data.get("title_en") else None),
        ("author", authors),
        ("year", year),
        ("month", str(int(month)) if month else None),
        ("date", data["date"] if year else None),
        ("number", _tex(data["doc_number"])),
        ("type", _tex(data["policy_type"])),
        ("address", _tex(data["region"]["name"]) if data["region"] else None),
        ("publisher", _tex(data["source"]["site"])),
        ("url", data["url"]),
        ("note", _tex("原文：" + data["source"]["url"]) if data["source"]["url"] else None),
        ("language", "chinese"),
    ]
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields if value)
    return f"@misc{{policy{data['id']},\n{body}\n}}\n"


def to_bibtex(policies: list[dict]) -> str:
    return "\n".join(bibtex_entry(data) for data in policies)


def _ris_value(text) -> str:
    """RIS is line based: one value per line, no line breaks inside."""
    return " ".join(str(text).split())


def ris_record(data: dict) -> str:
    year, month, day = _year_month_day(data["date"])
    tags = [("TY", "GOVDOC"), ("ID", f"policy{data['id']}"), ("TI", data["title"]), ("TT", data.get("title_en", ""))]
    tags += [("AU", issuer["name"]) for issuer in data["issuers"]]
    if year:
        tags.append(("PY", year))
        tags.append(("DA", "/".join([year, month or "", day or ""]) + "/"))
    tags += [
        ("M1", data["doc_number"]),
        ("M3", data["policy_type"]),
        ("CY", data["region"]["name"] if data["region"] else ""),
        ("PB", data["source"]["site"]),
        ("UR", data["url"]),
        ("N1", "原文：" + data["source"]["url"] if data["source"]["url"] else ""),
        ("LA", "zh"),
    ]
    lines = [f"{tag}  - {_ris_value(value)}" for tag, value in tags if value]
    return "\r\n".join(lines + ["ER  - ", ""])


def to_ris(policies: list[dict]) -> str:
    return "\r\n".join(ris_record(data) for data in policies)


FORMATS = {
    # extension: (render, content type)
    "csv": (to_csv, "text/csv; charset=utf-8"),
    "json": (to_json, "application/json; charset=utf-8"),
    "bib": (to_bibtex, "application/x-bibtex; charset=utf-8"),
    "ris": (to_ris, "application/x-research-info-systems; charset=utf-8"),
}


# --- Targets (documents/targets.py's target_to_dict) ---------------------------------------------

TARGET_CSV_COLUMNS = [
    ("id", "编号"), ("indicator", "指标"), ("indicator_text", "原文指标"), ("kind", "类别"), ("measure", "度量"),
    ("year", "年份"), ("value_low", "数值下限"), ("value_high", "数值上限"), ("unit", "单位"), ("modifier", "限定词"),
    ("region", "地区"), ("region_code", "区划代码"), ("province", "省份"), ("policy_id", "政策编号"),
    ("policy_title", "政策标题"), ("policy_date", "政策日期"), ("sentence", "原句"), ("url", "原句链接"),
]


def flat_target(data: dict) -> dict:
    return {
        **{key: "" if data[key] is None else data[key] for key in (
            "id", "indicator", "indicator_text", "kind", "measure", "year", "value_low", "value_high", "unit",
            "modifier", "sentence")},
        "region": data["region"]["name"] if data["region"] else "",
        "region_code": data["region"]["code"] if data["region"] else "",
        "province": data["province"]["name"] if data["province"] else "",
        "policy_id": data["policy"]["id"],
        "policy_title": data["policy"]["title"],
        "policy_date": data["policy"]["date"] or "",
        "url": f"{data['policy']['url']}#{data['anchor']}",
    }


def targets_csv(targets: list[dict]) -> str:
    return csv_text(TARGET_CSV_COLUMNS, (flat_target(data) for data in targets))


def targets_json(targets: list[dict]) -> str:
    return json.dumps({"count": len(targets), "targets": targets}, ensure_ascii=False, indent=2)


TARGET_FORMATS = {
    "csv": (targets_csv, "text/csv; charset=utf-8"),
    "json": (targets_json, "application/json; charset=utf-8"),
}
