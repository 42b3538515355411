"""Importing documents: the one service the command, the admin and the tests call."""

import datetime
import hashlib
import re
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from documents.chinese import converter, plain_tokenizer, tokenizer
from documents.curation.duplicates import shingle_hashes, signature, to_bytes
from documents.indexing import update_search_vector, vector_values
from documents.ingest.pipeline import Part, ingest_part, split_input
from documents.ingest.result import IngestError, IngestResult
from documents.issuers import issuer_kind, issuer_region_code
from documents.models import ImportRecord, Issuer, Policy, Region, TaskSection
from documents.search.signals import vector_supplied
from documents.search.vector import Vectors, tsvector_literal
from documents.citations import save_citations
from documents.reuse import save_reuse
from documents.targets import save_targets

__all__ = ["IngestError", "ImportOutcome", "Part", "Prepared", "import_document", "import_input", "prepare", "store",
           "content_hash", "split_input"]

HEADING_LENGTH = 1000  # TaskSection.heading's max_length
ISSUER_NAME_LENGTH = 100  # Issuer.name's and each alias's
# Manual fields whose text the search vector is built from: with these, the stored policy is the source.
INDEXED_MANUAL_FIELDS = {"title", "clean_text", "sections"}


@dataclass
class ImportOutcome:
    outcome: str  # "created" | "updated" | "unchanged" | "duplicate"
    policy: Policy
    result: IngestResult | None = None
    duplicate_of: str = ""  # for a duplicate: where the stored policy's content came from (file, sheet and row)


@dataclass
class Prepared:
    """The pipeline's work on one input, done before touching the database (in worker processes for a folder)."""

    result: IngestResult
    digest: str
    vectors: Vectors  # the search vectors' literals
    minhash: bytes
    shingles: int  # how many distinct shingles the MinHash was made of (text reuse stores it)


def content_hash(simplified_text: str) -> str:
    """Identity of a policy's content: its simplified text with white space folded."""
    return hashlib.sha256(re.sub(r"\s+", "", simplified_text).encode()).hexdigest()


def raw_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def imported_before(file_shas) -> dict[str, list[Policy]]:
    """The policies files with these exact bytes became, when imported before: {file sha256: policies}
    (one per import record of the file: a table gives one per row, a repeated row its original's policy)."""
    records = (ImportRecord.objects.filter(file_sha256__in=list(file_shas), policy__isnull=False)
               .select_related("policy").order_by("sheet", "row", "pk"))
    found: dict[str, list[Policy]] = {}
    for record in records:
        found.setdefault(record.file_sha256, []).append(record.policy)
    return found


def already_imported(raw_sha: str, file_sha: str = "") -> Policy | None:
    """The policy these exact bytes (of a file, or of one row of the file file_sha names) became before."""
    seen = ImportRecord.objects.filter(raw_sha256=raw_sha, policy__isnull=False)
    if file_sha:
        seen = seen.filter(file_sha256=file_sha)
    seen = seen.select_related("policy").first()
    return seen.policy if seen is not None else None


def part_of(record: ImportRecord) -> Part:
    """The document an import record holds, as the pipeline reads it again (reprocess, review)."""
    return Part(bytes(record.raw_bytes), record.file_name, record.sheet, record.row)


def load_pipeline() -> None:
    """Load the segmenters' dictionaries now, so that forked workers share them instead of each loading its own."""
    tokenizer()
    plain_tokenizer()  # jieba's own dictionary, which decoding and the mojibake repair read
    converter("t2s"), converter("s2t")


def prepare(part: Part) -> Prepared:
    """Everything CPU-bound: the pipeline, the content hash, the search vector and the MinHash (pure).
    Raises IngestError for input that cannot become a policy."""
    result = ingest_part(part)
    t2s = converter("t2s")
    headings = [t2s.convert(section.heading[:HEADING_LENGTH]) for section in result.sections]
    vectors = tsvector_literal(t2s.convert(title_of(result)), headings, result.simplified_text)
    hashes = shingle_hashes(result.simplified_text)
    return Prepared(result, content_hash(result.simplified_text), vectors,
                    to_bytes(signature(result.simplified_text, hashes)), len(hashes))


def import_document(data: bytes, filename: str, *, source_key: str = "", publish: bool = True) -> ImportOutcome:
    """import_input for a file that holds one document (any but a table of several rows)."""
    outcomes = import_input(data, filename, source_key=source_key, publish=publish)
    if len(outcomes) != 1:
        raise IngestError(f"{filename} 含有 {len(outcomes)} 份文件，请用 import_input 导入")
    return outcomes[0]


def import_input(data: bytes, filename: str, *, source_key: str = "", publish: bool = True) -> list[ImportOutcome]:
    """Run the pipeline on every document of one input file, each stored in its own transaction.

    Idempotent: the same bytes, or the same cleaned content, change nothing. A changed input with a
    known source_key updates that policy (a table row's key adds its sheet and row). Raises IngestError
    for input that cannot become a policy (a table: for the file, or its first bad row), storing nothing
    for that document.
    """
    file_sha = raw_hash(data)
    outcomes = []
    for part in split_input(data, filename):
        seen = already_imported(raw_hash(part.data), file_sha)
        if seen is not None:
            outcomes.append(ImportOutcome("unchanged", seen))
            continue
        outcomes.append(store(part, prepare(part), source_key=part_key(source_key, part), publish=publish,
                              file_sha=file_sha))
    return outcomes


def part_key(source_key: str, part: Part) -> str:
    """A table row's source key names its sheet and row, so that a changed row updates its own policy."""
    if not source_key or part.row is None:
        return source_key
    return f"{source_key}#{part.sheet + '!' if part.sheet else ''}{part.row}"


def store(part: Part, prepared: Prepared, *, source_key: str = "", publish: bool = True,
          file_sha: str = "") -> ImportOutcome:
    """Store a prepared document and its import record in one transaction (the database half of import_input).

    file_sha is the hash of the whole file the part came from (for a whole-file part, its own)."""
    result, digest = prepared.result, prepared.digest
    raw_sha = raw_hash(part.data)
    file_sha = file_sha or raw_sha
    duplicate_of = ""
    with transaction.atomic(), vector_supplied():
        policy = Policy.objects.select_for_update().filter(content_hash=digest).first()
        if policy is not None:
            if policy.import_records.filter(raw_sha256=raw_sha, file_sha256=file_sha).exists():
                return ImportOutcome("unchanged", policy, result)  # these bytes, stored meanwhile by another worker
            outcome = "unchanged"
            source = source_record(policy)
            duplicate_of = source.location if source is not None else f"#{policy.pk}"
        else:
            policy = Policy.objects.select_for_update().filter(source_key=source_key).first() if source_key else None
            outcome = "created" if policy is None else "updated"
            policy = policy or Policy(status=Policy.Status.PUBLISHED if publish else Policy.Status.DRAFT)
            policy.source_key = source_key
            store_result(policy, result, digest, reason=f"导入 {part.location}", prepared=prepared)
            if set(policy.manual_fields) & INDEXED_MANUAL_FIELDS:
                update_search_vector(policy)  # the curator's title or text, not the pipeline's
        ImportRecord.objects.create(
            policy=policy,
            file_name=part.filename,
            sheet=part.sheet,
            row=part.row,
            source_key=source_key,
            raw_bytes=part.data,
            raw_sha256=raw_sha,
            file_sha256=file_sha,
            encoding=result.encoding,
            stages=[stage.__dict__ for stage in result.stages],
            outcome=outcome,
        )
    if duplicate_of:
        return ImportOutcome("duplicate", policy, result, duplicate_of=duplicate_of)
    return ImportOutcome(outcome, policy, result)


def source_record(policy: Policy) -> ImportRecord | None:
    """The import whose bytes made the policy's current content (the latest create or update)."""
    made = [ImportRecord.Outcome.CREATED, ImportRecord.Outcome.UPDATED]
    return policy.import_records.filter(outcome__in=made).order_by("-created", "-pk").first()


def store_result(policy: Policy, result: IngestResult, digest: str, *, reason: str = "",
                 prepared: Prepared | None = None) -> None:
    """Save the pipeline's result on policy (new or existing), leaving the curator's manual fields alone.
    prepared, where given, is prepare()'s work on result: its signature and shingle count are used, and its
    search vectors stored with the row unless the curator's title or text is indexed instead."""
    keep = set(policy.manual_fields)
    apply_result(policy, result, digest, keep=keep, minhash=prepared.minhash if prepared else b"")
    policy._change_reason = reason
    # Written by the row's own INSERT: an UPDATE after it would add a second version of the row to every index.
    supplied = vector_values(prepared.vectors) if prepared and not keep & INDEXED_MANUAL_FIELDS else {}
    for name, value in supplied.items():
        setattr(policy, name, value)
    policy.save()
    for name in supplied:
        del policy.__dict__[name]  # an expression until now: read from the database if asked for
    if "issuers" not in keep:
        save_issuers(policy, result.issuers, english=result.issuer_en)
    if not keep & {"sections", "clean_text"}:  # sections are read off the text: a hand-edited text keeps its own
        save_sections(policy, result.sections)
    save_targets(policy)
    save_citations(policy)
    save_reuse(policy, shingles=prepared.shingles if prepared and "clean_text" not in keep else None)


def apply_result(policy: Policy, result: IngestResult, digest: str, *, keep=(), minhash: bytes = b"") -> None:
    """Copy the pipeline's fields onto policy, except the manual fields named in keep (see MANUAL_FIELDS)."""
    derived = {
        "title": lambda: setattr(policy, "title", title_of(result)),
        "title_en": lambda: setattr(policy, "title_en", result.title_en),
        "doc_number": lambda: setattr(policy, "doc_number", result.doc_number),
        "citation_code": lambda: setattr(policy, "citation_code", result.citation_code),
        "effective_date": lambda: setattr(policy, "effective_date",
                                          datetime.date.fromisoformat(result.effective_date)
                                          if result.effective_date else None),
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
        policy.minhash = minhash or to_bytes(signature(result.simplified_text))
    policy.quality_warnings = [warning.__dict__ for warning in result.warnings]


def title_of(result: IngestResult) -> str:
    return result.title or result.filename


def region_for(code: str | None) -> Region | None:
    return Region.objects.filter(code=code).first() if code else None


def set_date(policy: Policy, year: int | None, month: int | None, day: int | None, precision: str = "") -> None:
    """Set the date parts and their precision (by default the finest known part)."""
    policy.date_year, policy.date_month, policy.date_day = year, month, day
    policy.date_precision = precision or date_precision(year, month, day)


def date_precision(year: int | None, month: int | None, day: int | None) -> str:
    return "day" if day else "month" if month else "year" if year else "unknown"


def save_issuers(policy: Policy, names: list[str], *, english: str = "") -> None:
    """Link the named issuers (found by name or alias, else created); a source's English name of the first
    issuer becomes one of its aliases."""
    issuers = []
    for name in dict.fromkeys(name[:ISSUER_NAME_LENGTH] for name in names):
        issuer = Issuer.objects.filter(name=name).first() or Issuer.objects.filter(aliases__contains=[name]).first()
        issuers.append(issuer or create_issuer(name))
    english = english[:ISSUER_NAME_LENGTH]
    if english and issuers and english != issuers[0].name and english not in issuers[0].aliases:
        Issuer.objects.filter(pk=issuers[0].pk).update(aliases=issuers[0].aliases + [english])
    policy.issuers.set(issuers)


def create_issuer(name: str) -> Issuer:
    """A new issuer; if a concurrent import creates the same one first, that one (its insert waits for
    the other transaction to commit, then fails on the unique name, and only this savepoint rolls back)."""
    code = issuer_region_code(name)
    try:
        with transaction.atomic():
            return Issuer.objects.create(
                name=name, kind=issuer_kind(name), region=Region.objects.filter(code=code).first() if code else None
            )
    except IntegrityError:
        return Issuer.objects.get(name=name)


def save_sections(policy: Policy, sections) -> None:
    """Replace the policy's sections: one insert per depth of the tree (parents first, so children
    are inserted with their parent's id) and one history insert.

    The history rows take the policy's change reason and the request's user (simple-history's
    middleware); the old sections' deletions are recorded by simple-history's delete signal.
    """
    policy.sections.all().delete()
    rows = [
        TaskSection(
            policy=policy,
            position=section.position,
            number=section.number,
            level=section.level,
            heading=section.heading[:HEADING_LENGTH],
            body=section.body,
            anchor=section.anchor or f"s{section.position + 1}",
        )
        for section in sections
    ]
    depth = []
    for section in sections:  # pre-order: a parent comes before its children
        depth.append(0 if section.parent is None else depth[section.parent] + 1)
    for level in range(max(depth, default=-1) + 1):
        batch = []
        for index, section in enumerate(sections):
            if depth[index] == level:
                if section.parent is not None:
                    rows[index].parent = rows[section.parent]
                batch.append(rows[index])
        TaskSection.objects.bulk_create(batch)
    TaskSection.history.bulk_history_create(rows, default_change_reason=getattr(policy, "_change_reason", ""))
