"""Importing documents: the one service the command, the admin and the tests call."""

import hashlib
import re
from dataclasses import dataclass

from django.db import transaction

from documents.curation.duplicates import signature, to_bytes
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
            policy.source_key = source_key
            store_result(policy, result, digest, reason=f"导入 {filename}")
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


def store_result(policy: Policy, result: IngestResult, digest: str, *, reason: str = "") -> None:
    """Save the pipeline's result on policy (new or existing), leaving the curator's manual fields alone."""
    keep = set(policy.manual_fields)
    apply_result(policy, result, digest, keep=keep)
    policy._change_reason = reason
    policy.save()
    if "issuers" not in keep:
        save_issuers(policy, result.issuers)
    if not keep & {"sections", "clean_text"}:  # sections are read off the text: a hand-edited text keeps its own
        save_sections(policy, result.sections)


def apply_result(policy: Policy, result: IngestResult, digest: str, *, keep=()) -> None:
    """Copy the pipeline's fields onto policy, except the manual fields named in keep (see MANUAL_FIELDS)."""
    derived = {
        "title": lambda: setattr(policy, "title", result.title or result.filename),
        "doc_number": lambda: setattr(policy, "doc_number", result.doc_number),
        "region": lambda: setattr(policy, "region", region_for(result.region_code)),
        "policy_type": lambda: setattr(policy, "policy_type", result.policy_type),
        "date": lambda: set_date(policy, result.date_year, result.date_month, result.date_day,
                                 result.date_precision),
        "source_site": lambda: setattr(policy, "source_site", result.source_site),
        "source_url": lambda: setattr(policy, "source_url", result.source_url),
        "script": lambda: setattr(policy, "script", result.script),
    }
    for name, apply in derived.items():
        if name not in keep:
            apply()
    policy.raw_text = result.raw_text
    if "clean_text" not in keep:
        policy.clean_text = result.clean_text
        policy.simplified_text = result.simplified_text
        policy.content_hash = digest
        policy.minhash = to_bytes(signature(result.simplified_text))
    policy.quality_warnings = [warning.__dict__ for warning in result.warnings]


def region_for(code: str | None) -> Region | None:
    return Region.objects.filter(code=code).first() if code else None


def set_date(policy: Policy, year: int | None, month: int | None, day: int | None, precision: str = "") -> None:
    """Set the date parts and their precision (by default the finest known part)."""
    policy.date_year, policy.date_month, policy.date_day = year, month, day
    policy.date_precision = precision or date_precision(year, month, day)


def date_precision(year: int | None, month: int | None, day: int | None) -> str:
    return "day" if day else "month" if month else "year" if year else "unknown"


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
    """Replace the policy's sections: one insert for all, one update for the parent links, one history insert.

    The history rows take the policy's change reason and the request's user (simple-history's
    middleware); the old sections' deletions are recorded by simple-history's delete signal.
    """
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
    TaskSection.history.bulk_history_create(saved, default_change_reason=getattr(policy, "_change_reason", ""))
