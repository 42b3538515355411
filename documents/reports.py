"""Figures about what has been imported: the corpus quality report (read-only queries)."""

import re
from collections import Counter, defaultdict
from pathlib import PurePosixPath

from django.db.models import Count, Q

from documents import gazetteer
from documents.models import ImportRecord, Policy

_FOLDER_PROVINCE = re.compile(r"([^/]+?)地方法规/")
# Work-report file names: `2025年上海市政府工作报告.docx`, `2026_上海市_政府工作报告.csv`, `三亚.docx`.
_REPORT_NAME = re.compile(r"^(?:\d{4}[年_])?_?(.+?)_?(?:政府工作报告)?$")


def folder_province(source_key: str) -> str | None:
    """The province a corpus folder names (`DLC/浙江地方法规/…` → 浙江), if any."""
    match = _FOLDER_PROVINCE.search(source_key)
    return match.group(1) if match else None


def named_region(source_key: str) -> gazetteer.RegionEntry | None:
    """The region a file's path names: a legislation folder's province, or a work report's file name
    (a measure of what the pipeline read from the text, never an input to it)."""
    province = folder_province(source_key)
    if province:
        return gazetteer.lookup_region(province)
    path = PurePosixPath(source_key.split("#")[0])
    in_report_folder = any(re.fullmatch(r"(provinces|cities)-\d{4}", part) for part in path.parts[:-1])
    if "政府工作报告" not in path.stem and not in_report_folder:
        return None
    match = _REPORT_NAME.match(path.stem)
    return gazetteer.lookup_region(match.group(1)) if match else None


def source_folder(source_key: str) -> str:
    """The first folder of an import's key (the folder given to import_policies is its root)."""
    parts = PurePosixPath(source_key).parts
    return parts[0] if len(parts) > 1 else "（单个文件）"


def corpus_report() -> dict:
    policies = Policy.objects.all()
    by_province = policies.values_list("province__name").annotate(n=Count("id")).order_by("-n")
    by_type = dict(policies.values_list("policy_type").annotate(n=Count("id")).order_by("-n"))
    precision = dict(policies.values_list("date_precision").annotate(n=Count("id")).order_by("-n"))
    warnings = Counter(w.get("kind") for ws in policies.values_list("quality_warnings", flat=True) for w in ws)
    return {
        "policies": policies.count(),
        "by_province": {name or "（全国，或未识别省份）": n for name, n in by_province},
        "by_type": by_type,
        "date_precision": precision,
        "by_source": by_source(),
        "without_region": policies.filter(region=None).count(),
        "without_issuer": policies.annotate(n=Count("issuers")).filter(n=0).count(),
        "without_sections": policies.filter(~Q(sections__isnull=False)).count(),
        "warnings": dict(warnings.most_common()),
        **region_agreement(policies),
    }


def by_source() -> dict:
    """Per source folder: policies made from it, documents that were duplicates of another, and per type."""
    folders: dict[str, dict] = defaultdict(lambda: {"documents": 0, "created": 0, "duplicates": 0, "types": Counter()})
    records = ImportRecord.objects.exclude(source_key="").values_list("source_key", "outcome", "policy__policy_type")
    made = {ImportRecord.Outcome.CREATED, ImportRecord.Outcome.UPDATED}
    for key, outcome, policy_type in records:
        folder = folders[source_folder(key)]
        folder["documents"] += 1
        if outcome in made:
            folder["created"] += 1
            folder["types"][policy_type] += 1
        elif outcome == ImportRecord.Outcome.UNCHANGED:
            folder["duplicates"] += 1
    return {name: {**f, "types": dict(f["types"].most_common())} for name, f in sorted(folders.items())}


def region_agreement(policies) -> dict:
    """How often the region read from the text agrees with the one the file's path names: the province
    (every file whose path names one) and, where the path names a city, the city."""
    checks = {"province": [0, 0], "city": [0, 0]}
    disagreements = []
    rows = policies.exclude(source_key="").values_list("source_key", "province_id", "city_id", "region__name")
    for key, province, city, region in rows:
        named = named_region(key)
        if named is None:
            continue
        named_province = gazetteer.province_of(named.code)
        expected = {"province": named_province.code if named_province else None,
                    "city": named.code if named.level == "prefecture" else None}
        found = {"province": province, "city": city}
        agrees = True
        for level, code in expected.items():
            if code is None:
                continue
            checks[level][0] += 1
            if found[level] == code:
                checks[level][1] += 1
            else:
                agrees = False
        if not agrees:
            disagreements.append((key, named.name, region))
    return {
        f"{level}_agreement": {"checked": total, "agree": agree, "ratio": agree / total if total else None}
        for level, (total, agree) in checks.items()
    } | {"disagreements": disagreements[:100]}
