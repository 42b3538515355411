"""Exact and near duplicates of a policy's text.

Exact: the content hash (simplified text, white space folded). Near: the same policy scraped from
two sites keeps some of each site's menus and footers, so the texts differ by a few lines; a
datasketch MinHash of character shingles, stored with each policy, estimates their Jaccard
similarity.
"""

import re
from dataclasses import dataclass
from hashlib import sha1

import numpy as np
from functools import cache

from documents.models import Policy

NUM_PERM = 128
# datasketch 2's default permutation scheme; stored signatures name none, so it is fixed here.
SCHEME = "affine32"
SHINGLE = 5  # characters; short enough for Chinese, long enough that shared stock phrases do not match
# Policies above this estimated Jaccard similarity are reported as near duplicates.
NEAR_THRESHOLD = 0.6
_NOISE = re.compile(r"[\s\W_]+")


@dataclass
class Duplicate:
    policy: Policy
    similarity: float  # 1.0 for an exact duplicate
    exact: bool = False


def shingles(simplified_text: str) -> set[bytes]:
    text = _NOISE.sub("", simplified_text)
    if len(text) <= SHINGLE:
        return {text.encode()} if text else set()
    return {text[i:i + SHINGLE].encode() for i in range(len(text) - SHINGLE + 1)}


@cache
def minhash_class():
    """datasketch's package imports scipy (0.6 s): loaded when a signature is first needed, not by every command."""
    from datasketch import MinHash

    return MinHash


def shingle_hashes(simplified_text: str) -> np.ndarray:
    """datasketch's default hash of each shingle (sha1_hash32: sha1's first four bytes, little-endian), taken
    in one pass: datasketch calls its hash function once per shingle, which costs more than the hashing."""
    return np.frombuffer(b"".join([sha1(shingle).digest()[:4] for shingle in shingles(simplified_text)]), dtype="<u4")


def signature(simplified_text: str, hashes: np.ndarray | None = None):
    """The text's MinHash; hashes are its shingle_hashes where the caller has them already."""
    minhash = minhash_class()(num_perm=NUM_PERM, scheme=SCHEME, hashfunc=int)  # the values come hashed
    minhash.update_batch(shingle_hashes(simplified_text) if hashes is None else hashes)
    return minhash


def to_bytes(minhash) -> bytes:
    return minhash.hashvalues.astype("<u4").tobytes()


def from_bytes(data: bytes):
    return minhash_class()(num_perm=NUM_PERM, hashvalues=np.frombuffer(bytes(data), dtype="<u4"), scheme=SCHEME)


def fill_missing_signatures() -> int:
    """Compute signatures for policies stored before they existed (or created outside the import service)."""
    missing = Policy.objects.filter(minhash__isnull=True).values_list("pk", "simplified_text")
    count = 0
    for pk, text in missing.iterator(chunk_size=200):
        Policy.objects.filter(pk=pk).update(minhash=to_bytes(signature(text)))
        count += 1
    return count


def find_duplicates(simplified_text: str, content_hash: str, *, exclude: int | None = None) -> list[Duplicate]:
    """Stored policies with the same content (exact) or nearly the same text, most similar first."""
    exact = Policy.objects.filter(content_hash=content_hash).exclude(pk=exclude).first()
    found = [Duplicate(exact, 1.0, exact=True)] if exact else []
    fill_missing_signatures()
    rows = list(Policy.objects.exclude(pk=exclude).exclude(minhash=None).values_list("pk", "minhash"))
    if not rows:
        return found
    # The MinHash estimate of Jaccard similarity (what MinHash.jaccard computes), for all stored
    # policies at once: at this archive's size (thousands) one vectorised pass takes milliseconds,
    # while building an LSH index per lookup took most of a second for 3,000 policies.
    stored = np.frombuffer(b"".join(bytes(data) for _, data in rows), dtype="<u4").reshape(len(rows), NUM_PERM)
    scores = (stored == signature(simplified_text).hashvalues).mean(axis=1)
    near = {rows[i][0]: float(scores[i]) for i in np.flatnonzero(scores >= NEAR_THRESHOLD)}
    near.pop(exact.pk if exact else None, None)
    policies = Policy.objects.in_bulk(near)
    found += sorted((Duplicate(policies[pk], score) for pk, score in near.items()), key=lambda d: -d.similarity)
    return found
