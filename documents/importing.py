"""Importing documents: the one service the command, the admin and the tests call."""

import hashlib
import re
from dataclasses import dataclass

from django.db import transaction

from documents.indexing import update_search_vector
from documents.ingest.pipeline import ingest_bytes
from documents.ingest.result import IngestError, IngestResult
from documents.issuers import issuer_kind, issuer_region_code
from documents.models import ImportRecord, Issuer, Policy, Region, TaskSection

__all__ = ["IngestError", "ImportOutcome", "import_document", "content_hash"]


@dataclass
class ImportOutcome:
    outcome: str  # "created" | "updated" | "unchanged"
    policy: Policy
    result: IngestResult | None = None


def content_hash(simplified_text: str) -> str:
    """Identity of a policy's content: its simplified text with white space folded."""
    return hashlib.sha256(re.sub(r"\s+", "", simplified_text).encode()).hexdigest()


def import_document(data: bytes, filename: str, *, source_key: str = "", publish: bool = True) -> ImportOutcome:
    """Run the pipeline on one input and store it in one transaction.

    Idempotent: the same bytes, or the same cleaned content, change nothing. A changed
    input with a known source_key updates that policy. Raises IngestError for input that
    cannot become a policy, storing nothing.
    """
    raw_sha = hashlib.sha256(data).hexdigest()
    seen = ImportRecord.objects.filter(raw_sha256=raw_sha, policy__isnull=False).select_related("policy").first()
    if seen is not None:
        return ImportOutcome("unchanged", seen.policy)

    result = ingest_bytes(data, filename)
    digest = content_hash(result.simplified_text)
    with transaction.atomic():
        policy = Policy.objects.select_for_update().filter(content_hash=digest).first()
        if policy is not None:
            outcome = "unchanged"
        else:
            policy = Policy.objects.select_for_update().filter(source_key=source_key).first() if source_key else None
            outcome = "created" if policy is None else "updated"
            policy = policy or Policy(status=Policy.Status.PUBLISHED if publish else Policy.Status.DRAFT)
            apply_result(policy, result, digest)
            policy.source_key = source_key
            policy.save()
            save_issuers(policy, result.issuers)
            save_sections(policy, result.sections)
            update_search_vector(policy)
        ImportRecord.objects.create(
            policy=policy,
            file_name=filename,
            source_key=source_key,
            raw_bytes=data,
            raw_sha256=raw_sha,
            encoding=result.encoding,
            stages=[stage.__dict__ for stage in result.stages],
            outcome=outcome,
        )
    return ImportOutcome(outcome, policy, result)


def apply_result(policy: Policy, result: IngestResult, digest: str) -> None:
    policy.title = result.title or result.filename
    policy.doc_number = result.doc_number
    policy.region = Region.objects.filter(code=result.region_code).first() if result.region_code else None
    policy.policy_type = result.policy_type
    policy.date_year, policy.date_month, policy.date_day = result.date_year, result.date_month, result.date_day
    policy.date_precision = result.date_precision
    policy.source_site = result.source_site
    policy.source_url = result.source_url
    policy.script = result.script
    policy.raw_text = result.raw_text
    policy.clean_text = result.clean_text
    policy.simplified_text = result.simplified_text
    policy.content_hash = digest
    policy.quality_warnings = [warning.__dict__ for warning in result.warnings]


def save_issuers(policy: Policy, names: list[str]) -> None:
    issuers = []
    for name in dict.fromkeys(names):
        issuer = Issuer.objects.filter(name=name).first() or Issuer.objects.filter(aliases__contains=[name]).first()
        if issuer is None:
            code = issuer_region_code(name)
            issuer = Issuer.objects.create(
                name=name, kind=issuer_kind(name), region=Region.objects.filter(code=code).first() if code else None
            )
        issuers.append(issuer)
    policy.issuers.set(issuers)


def save_sections(policy: Policy, sections) -> None:
    """Replace the policy's sections: one insert for all, one update for the parent links."""
    policy.sections.all().delete()
    saved = TaskSection.objects.bulk_create(
        TaskSection(
            policy=policy,
            position=section.position,
            number=section.number,
            level=section.level,
            heading=section.heading[:1000],
            body=section.body,
            anchor=section.anchor or f"s{section.position + 1}",
        )
        for section in sections
    )
    children = []
    for section, row in zip(sections, saved):
        if section.parent is not None:
            row.parent = saved[section.parent]
            children.append(row)
    TaskSection.objects.bulk_update(children, ["parent"], batch_size=500)
