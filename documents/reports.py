"""Figures about what has been imported: the corpus quality report (read-only queries)."""

import re
from collections import Counter

from django.db.models import Count, Q

from documents.models import Policy

_FOLDER_PROVINCE = re.compile(r"([^/]+?)地方法规/")


def folder_province(source_key: str) -> str | None:
    """The province a corpus folder names (`DLC/浙江地方法规/…` → 浙江), if any."""
    match = _FOLDER_PROVINCE.search(source_key)
    return match.group(1) if match else None


def corpus_report() -> dict:
    policies = Policy.objects.all()
    by_province = policies.values_list("province__name").annotate(n=Count("id")).order_by("-n")
    by_type = dict(policies.values_list("policy_type").annotate(n=Count("id")).order_by("-n"))
    precision = dict(policies.values_list("date_precision").annotate(n=Count("id")).order_by("-n"))
    warnings = Counter(w.get("kind") for ws in policies.values_list("quality_warnings", flat=True) for w in ws)
    agree = total = 0
    disagreements = []
    for key, province in policies.exclude(source_key="").values_list("source_key", "province__short_name"):
        expected = folder_province(key)
        if expected is None:
            continue
        total += 1
        if province == expected:
            agree += 1
        else:
            disagreements.append((key, province))
    return {
        "policies": policies.count(),
        "by_province": {name or "（无）": n for name, n in by_province},
        "by_type": by_type,
        "date_precision": precision,
        "without_region": policies.filter(region=None).count(),
        "without_issuer": policies.annotate(n=Count("issuers")).filter(n=0).count(),
        "without_sections": policies.filter(~Q(sections__isnull=False)).count(),
        "warnings": dict(warnings.most_common()),
        "province_agreement": {"checked": total, "agree": agree, "ratio": agree / total if total else None},
        "disagreements": disagreements[:50],
    }
