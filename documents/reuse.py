"""Text reuse between policies, kept current: a policy's shared passages are rebuilt with its text.

Incremental: a policy's signature (LSH band keys of its MinHash) is stored under a GIN index, and
a new or changed policy is aligned only with the stored policies sharing a band whose signatures
say they may contain a fair part of one another (one indexed query, never every pair). Alignment
is documents/ingest/reuse.py's (pure); this module stores what it finds.

Not reuse: versions of one work and duplicates (links.one_work). The thresholds and their figures:
docs/links.md.
"""

import datetime
import time
from dataclasses import dataclass

import numpy as np
from django.db import connection, transaction
from django.db.models import Q
from django.urls import reverse

from documents.citations import BRIEF
from documents.curation.duplicates import shingle_hashes, signature, to_bytes
from documents.links import one_work
from documents.ingest import reuse as aligning
from documents.models import Policy, Region, Reuse, ReuseBand, ReuseSignature
from documents.serializers import policy_brief

_LEVELS = {Region.Level.NATIONAL: 0, Region.Level.PROVINCE: 1, Region.Level.PREFECTURE: 2, Region.Level.COUNTY: 3}
_FIELDS = ("id", "title", "title_key", "amended_keys", "region_id", "province_id", "date", "simplified_text",
           "region__level")


def shown_q(prefix: str = "") -> Q:
    """The stored pairs that are shown (what aligning.is_shown says, as a filter)."""
    return (Q(**{f"{prefix}shared_chars__gte": aligning.SHOWN_CHARS})
            & (Q(**{f"{prefix}source_share__gte": aligning.SHOWN_SHARE})
               | Q(**{f"{prefix}derived_share__gte": aligning.SHOWN_SHARE})))


def save_signature(policy: Policy, shingles: int | None = None):
    """Store the policy's band keys and shingle count; returns its MinHash values and that count. The
    signature is the policy's stored near-duplicate one (made from the same text), computed where missing;
    shingles is the count where the caller made that signature."""
    stored, size = policy.minhash, shingles
    if not stored or size is None:
        hashes = shingle_hashes(policy.simplified_text)
        stored, size = stored or to_bytes(signature(policy.simplified_text, hashes)), len(hashes)
    hashvalues = np.frombuffer(bytes(stored), dtype="<u4")
    with transaction.atomic():
        ReuseSignature.objects.update_or_create(policy=policy, defaults={"size": size})
        ReuseBand.objects.filter(policy=policy).delete()
        ReuseBand.objects.bulk_create([ReuseBand(key=key, policy=policy)
                                       for key in set(aligning.band_keys(hashvalues))])
    return hashvalues, size


def save_reuse(policy: Policy, shingles: int | None = None) -> int:
    """Rebuild the policy's reuse pairs against every stored policy (new ones link to old ones, and
    old ones gain the pair). Returns how many pairs were stored. shingles: as for save_signature."""
    hashvalues, size = save_signature(policy, shingles)
    rows = _pairs(policy, hashvalues, size, exclude=policy.pk)
    with transaction.atomic():
        Reuse.objects.filter(Q(source=policy) | Q(derived=policy)).delete()
        Reuse.objects.bulk_create(rows)
    return len(rows)


def rebuild_all(report=None) -> dict:
    """Every pair of the archive from scratch: all signatures first, then each policy aligned with
    the candidates stored after it (each pair once)."""
    started = datetime.datetime.now()
    Reuse.objects.all().delete()
    ReuseBand.objects.all().delete()
    ReuseSignature.objects.all().delete()
    signatures = {}
    for policy in Policy.objects.only("id", "simplified_text", "minhash").order_by("pk").iterator(chunk_size=200):
        signatures[policy.pk] = save_signature(policy)
    with connection.cursor() as cursor:  # fresh statistics, or the planner scans the bands instead of their index
        cursor.execute(f"ANALYZE {ReuseBand._meta.db_table}")
    signed = datetime.datetime.now()
    stored = 0
    for pk in signatures:
        at = time.perf_counter()
        policy = Policy.objects.select_related("region").only(*_FIELDS).get(pk=pk)
        rows = _pairs(policy, *signatures[pk], after=pk)
        Reuse.objects.bulk_create(rows)
        stored += len(rows)
        if report:
            report(policy, len(rows), time.perf_counter() - at)
    done = datetime.datetime.now()
    return {"policies": len(signatures), "pairs": stored, "signature_seconds": (signed - started).total_seconds(),
            "seconds": (done - started).total_seconds()}


def _pairs(policy: Policy, hashvalues, size: int, *, exclude: int | None = None, after: int | None = None) -> list[Reuse]:
    """The pairs of the policy with the stored ones sharing a band (all but exclude, or those after a pk)."""
    banded = ReuseBand.objects.filter(key__in=aligning.band_keys(hashvalues))
    banded = banded.exclude(policy=exclude) if exclude is not None else banded.filter(policy__gt=after)
    found = list(ReuseSignature.objects.filter(policy__in=banded.values("policy"))
                 .values_list("policy", "size", "policy__minhash"))
    scored = []
    for pk, other_size, minhash in found:
        if minhash is None:
            continue
        agreement = float((np.frombuffer(bytes(minhash), dtype="<u4") == hashvalues).mean())
        if aligning.is_candidate(agreement, size, other_size):
            scored.append((-aligning.candidate_score(agreement, size, other_size), pk))
    likely = [pk for _, pk in sorted(scored)[:aligning.MAX_CANDIDATES]]
    rows, prepared = [], aligning.prepare(policy.simplified_text)
    for other in Policy.objects.filter(pk__in=likely).select_related("region").only(*_FIELDS):
        if one_work(policy, other):
            continue
        source, derived = sorted([policy, other], key=_order)
        texts = {policy.pk: prepared, other.pk: other.simplified_text}
        shared = aligning.shared_passages(texts[source.pk], texts[derived.pk])
        if shared.chars < aligning.STORED_CHARS:
            continue
        rows.append(Reuse(source=source, derived=derived, shared_chars=shared.chars,
                          source_share=round(shared.a_share, 4), derived_share=round(shared.b_share, 4),
                          passages=[[p.a_start, p.a_end, p.b_start, p.b_end, p.chars] for p in shared.passages]))
    return rows


def _order(policy: Policy):
    """Earlier first; on one date (or none) the centre before the province before the city."""
    level = _LEVELS.get(policy.region.level, 4) if policy.region_id else 0
    return (policy.date or datetime.date.max, level, policy.pk)


@dataclass
class ReuseLink:
    other: Policy
    share: float  # of the policy's own text found in the other
    other_share: float
    shared_chars: int
    earlier: bool  # the other is the earlier text (the policy may have taken from it)
    compare_url: str


def reuse_of(policy: Policy, *, visible=None) -> list[ReuseLink]:
    """The visible policies this one shares passages with (above the thresholds), largest share first."""
    visible = visible if visible is not None else Policy.objects.published()
    found = []
    for row in (Reuse.objects.filter(shown_q()).filter(Q(source=policy) | Q(derived=policy))
                .only("source", "derived", "shared_chars", "source_share", "derived_share")):
        earlier = row.derived_id == policy.pk
        found.append((row.source_id if earlier else row.derived_id, row, earlier))
    shown = visible.filter(pk__in=[pk for pk, _, _ in found]).values("pk")
    others = {p.pk: p for p in Policy.objects.filter(pk__in=shown).select_related("region")
              .only(*BRIEF, "region__name")}
    links = [ReuseLink(others[pk], row.derived_share if earlier else row.source_share,
                       row.source_share if earlier else row.derived_share, row.shared_chars, earlier,
                       reverse("policy_compare", args=[row.source_id, row.derived_id]))
             for pk, row, earlier in found if pk in others]
    return sorted(links, key=lambda link: (-link.share, -link.shared_chars, link.other.pk))


def reuse_dicts(policy: Policy, *, visible, request=None) -> list[dict]:
    """The API's links.reuse."""
    def absolute(url):
        return request.build_absolute_uri(url) if request else url
    return [{"policy": policy_brief(link.other, request=request), "share": round(link.share, 3),
             "shared_chars": link.shared_chars, "compare_url": absolute(link.compare_url)}
            for link in reuse_of(policy, visible=visible)]


def pair(left: Policy, right: Policy) -> Reuse | None:
    """The stored pair of the two policies (either order), if they share passages."""
    return Reuse.objects.filter(Q(source=left, derived=right) | Q(source=right, derived=left)).first()


def marked_texts(row: Reuse, left: Policy, right: Policy) -> tuple[list, list]:
    """Both simplified texts as runs of (shared, text), left and right as the compare page shows them;
    the template escapes every text."""
    left_is_source = row.source_id == left.pk
    spans_left = [(p[0], p[1]) if left_is_source else (p[2], p[3]) for p in row.passages]
    spans_right = [(p[2], p[3]) if left_is_source else (p[0], p[1]) for p in row.passages]
    return _runs(left.simplified_text, spans_left), _runs(right.simplified_text, spans_right)


def _runs(text: str, spans) -> list[tuple[bool, str]]:
    runs, at = [], 0
    for start, end in sorted(spans):
        start = max(start, at)
        if end <= start:
            continue
        if start > at:
            runs.append((False, text[at:start]))
        runs.append((True, text[start:end]))
        at = end
    if at < len(text):
        runs.append((False, text[at:]))
    return runs
