"""Uploads a curator reviews before they become policies.

An upload is run through the pipeline at once (bad input is refused and nothing is stored);
good input is kept verbatim as a pending ImportRecord. The review screen re-runs the pure
pipeline on those bytes, shows what it found, and the curator's decision ends here: accept
(as draft or published), attach as another source of an existing policy, or discard. In
every case the record and its bytes stay.
"""

import hashlib
import html
import re
from dataclasses import dataclass

from django.db import transaction

from documents.curation.duplicates import Duplicate, find_duplicates
from documents.indexing import update_search_vector
from documents.importing import apply_result, content_hash, part_of, save_issuers, save_sections, set_date
from documents.ingest.pipeline import ingest_part, split_input
from documents.ingest.result import IngestResult
from documents.models import ImportRecord, Policy, PolicySource
from documents.search.signals import vector_supplied
from documents.citations import save_citations
from documents.reuse import save_reuse
from documents.targets import save_targets

PASTE_FILENAME = "粘贴文本.txt"


class DuplicateContent(Exception):
    """Accepting would create a second policy with the same content."""

    def __init__(self, policy: Policy):
        super().__init__(f"内容与已有政策 #{policy.pk}「{policy.title}」完全相同")
        self.policy = policy


@dataclass
class Review:
    record: ImportRecord
    result: IngestResult
    digest: str
    duplicates: list[Duplicate]

    @property
    def exact_duplicate(self) -> Policy | None:
        return next((d.policy for d in self.duplicates if d.exact), None)


def receive(data: bytes, filename: str) -> list[ImportRecord]:
    """Check an upload with the pipeline and keep each of its documents (a table: each row) as a pending
    record. Raises IngestError, storing nothing, when any document cannot become a policy."""
    parts = split_input(data, filename)
    results = [ingest_part(part) for part in parts]
    file_sha = hashlib.sha256(data).hexdigest()
    with transaction.atomic():
        return [
            ImportRecord.objects.create(
                file_name=filename,
                sheet=part.sheet,
                row=part.row,
                raw_bytes=part.data,
                raw_sha256=hashlib.sha256(part.data).hexdigest(),
                file_sha256=file_sha,
                encoding=result.encoding,
                stages=[stage.__dict__ for stage in result.stages],
                outcome=ImportRecord.Outcome.PENDING,
            )
            for part, result in zip(parts, results)
        ]


def receive_text(text: str) -> ImportRecord:
    """Pasted text is kept as the UTF-8 bytes of a .txt upload, so reprocessing treats both alike."""
    return receive(text.encode("utf-8"), PASTE_FILENAME)[0]


def load(record: ImportRecord) -> Review:
    result = ingest_part(part_of(record))
    digest = content_hash(result.simplified_text)
    return Review(record, result, digest, find_duplicates(result.simplified_text, digest))


def accept(review: Review, corrections: dict, *, status: str, manual: list[str]) -> Policy:
    """Create the policy from the pipeline's result with the curator's corrections.

    corrections holds the review form's fields (title, doc_number, issuers as names, region,
    policy_type, date_year/month/day, source_site, source_url); manual names the fields the
    curator changed, which reprocessing will then leave alone. Raises DuplicateContent rather
    than store a second policy with the same content.
    """
    with transaction.atomic(), vector_supplied():
        record = ImportRecord.objects.select_for_update().get(pk=review.record.pk)
        if record.outcome != ImportRecord.Outcome.PENDING:
            raise ValueError(f"导入记录 #{record.pk} 已处理（{record.get_outcome_display()}）")
        existing = Policy.objects.select_for_update().filter(content_hash=review.digest).first()
        if existing is not None:
            raise DuplicateContent(existing)
        reason = f"导入审核 {record.file_name}"
        policy = Policy(status=status, manual_fields=sorted(set(manual)))
        apply_result(policy, review.result, review.digest)
        for name in ("title", "doc_number", "policy_type", "source_site", "source_url", "region"):
            setattr(policy, name, corrections[name])
        set_date(policy, corrections["date_year"], corrections["date_month"], corrections["date_day"])
        policy._change_reason = reason  # the user comes from simple-history's request middleware
        policy.save()
        save_issuers(policy, corrections["issuers"])
        save_sections(policy, review.result.sections)
        save_targets(policy)  # from the corrected date and type
        save_citations(policy)  # the corrected date picks the versions it cites
        save_reuse(policy)  # and which of a pair is the earlier
        update_search_vector(policy)  # now, with the corrected title; no rebuild on commit
        record.policy = policy
        record.outcome = ImportRecord.Outcome.CREATED
        record.save(update_fields=["policy", "outcome"])
    return policy


def attach(review: Review, policy: Policy) -> PolicySource:
    """Keep the upload as another source of an existing policy; no second policy is made."""
    with transaction.atomic():
        record = ImportRecord.objects.select_for_update().get(pk=review.record.pk)
        record.policy = policy
        record.outcome = ImportRecord.Outcome.ATTACHED
        record.save(update_fields=["policy", "outcome"])
        return PolicySource.objects.create(
            policy=policy, site=review.result.source_site, url=review.result.source_url[:1000], import_record=record,
        )


def discard(record: ImportRecord) -> None:
    """The curator keeps nothing from this upload; its bytes stay in the record."""
    ImportRecord.objects.filter(pk=record.pk, outcome=ImportRecord.Outcome.PENDING).update(
        outcome=ImportRecord.Outcome.DISCARDED
    )


# Warnings name the garbled span like this: 疑似乱码：「?!吨泄仓醒腙P」
_QUOTED_SPAN = re.compile(r"「(.+?)」")


def suspect_spans(result: IngestResult) -> list[str]:
    """The mojibake spans the pipeline flagged, as they read in the text."""
    spans = []
    for warning in result.warnings:
        if warning.kind != "mojibake":
            continue
        match = _QUOTED_SPAN.search(warning.message)
        if match:
            spans.append(match.group(1))
    for stage in result.stages:  # spans repaired automatically are shown too: the curator checks the repair
        if stage.stage == "mojibake_repair":
            spans.extend(detail["original"] for detail in stage.details if detail.get("original"))
    return [span for span in dict.fromkeys(spans) if span.strip()]


def highlight_raw(raw_text: str, spans: list[str]) -> str:
    """The raw text HTML-escaped, with every occurrence of a suspect span wrapped in <mark>."""
    if not spans:
        return html.escape(raw_text)
    pattern = re.compile("|".join(re.escape(span) for span in sorted(spans, key=len, reverse=True)))
    pieces, last = [], 0
    for match in pattern.finditer(raw_text):
        pieces.append(html.escape(raw_text[last:match.start()]))
        pieces.append(f'<mark class="mojibake">{html.escape(match.group())}</mark>')
        last = match.end()
    pieces.append(html.escape(raw_text[last:]))
    return "".join(pieces)
