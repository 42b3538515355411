"""Re-running the pipeline on a policy's stored raw bytes after a cleaning rule improved.

Derived fields are refreshed; a field the curator edited by hand (Policy.manual_fields) is not.
"""

import copy
from dataclasses import dataclass, field

from django.db import transaction

from documents.importing import apply_result, content_hash, part_of, source_record, store_result
from documents.ingest.pipeline import ingest_part
from documents.ingest.result import IngestError
from documents.models import Policy
from documents.citations import save_citations
from documents.reuse import save_reuse
from documents.targets import save_targets

COMPARED = ("title", "title_en", "doc_number", "citation_code", "effective_date", "region_id", "policy_type", "date_year", "date_month", "date_day",
            "date_precision", "source_site", "source_url", "script", "raw_text", "clean_text", "quality_warnings")


class ReprocessError(Exception):
    """This policy cannot be reprocessed; the message says why."""


@dataclass
class Reprocessed:
    policy: Policy
    changed: list[str] = field(default_factory=list)  # empty: the pipeline gives what is stored
    kept: list[str] = field(default_factory=list)  # manual fields left as the curator made them


def reprocess(policy: Policy) -> Reprocessed:
    record = source_record(policy)
    if record is None:
        raise ReprocessError(f"政策 #{policy.pk} 没有导入记录（原始字节），无法重新处理")
    try:
        result = ingest_part(part_of(record))
    except IngestError as error:
        raise ReprocessError(f"政策 #{policy.pk}：{error}") from error
    digest = content_hash(result.simplified_text)
    keep = set(policy.manual_fields)
    with transaction.atomic():
        policy = Policy.objects.select_for_update().get(pk=policy.pk)
        if "clean_text" not in keep and Policy.objects.filter(content_hash=digest).exclude(pk=policy.pk).exists():
            raise ReprocessError(f"政策 #{policy.pk}：重新处理后的内容与另一条政策完全相同，未修改")
        trial = copy.copy(policy)
        apply_result(trial, result, digest, keep=keep)
        changed = [name for name in COMPARED if getattr(trial, name) != getattr(policy, name)]
        if "issuers" not in keep and sorted(result.issuers) != sorted(policy.issuers.values_list("name", flat=True)):
            changed.append("issuers")
        if not keep & {"sections", "clean_text"} and _section_rows(result.sections) != _stored_sections(policy):
            changed.append("sections")
        if changed:
            store_result(policy, result, digest, reason="重新处理")
        elif save_targets(policy):  # the text is as stored, but the targets reader may have improved
            changed.append("targets")
        if not changed or changed == ["targets"]:
            save_citations(policy)  # store_result did it otherwise; the resolver may have improved
            save_reuse(policy)
    return Reprocessed(policy, changed, sorted(keep))


def _section_rows(sections) -> list[tuple]:
    return [(s.position, s.number, s.level, s.heading[:1000], s.body) for s in sections]


def _stored_sections(policy: Policy) -> list[tuple]:
    return list(policy.sections.order_by("position").values_list("position", "number", "level", "heading", "body"))
