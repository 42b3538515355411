"""Text reuse between two different documents (pure): where to look, and what they share.

Where to look: the LSH bands of a document's MinHash signature (the near-duplicate signature of
curation/duplicates.py: 128 values over 5-character shingles). Two documents that share a band are
candidates; the signatures' agreement then estimates how much of the smaller one the other contains.

What they share: a character-level local alignment. Seeds are the 12-character runs both texts
hold; seeds on one diagonal and near each other form a region (so a moved article is found where
it went, which a global alignment would lose); difflib's matching blocks inside each region give
the exact shared characters, merged into passages across the few characters a city changes
(省 → 市, 本省 → 本市). Texts are compared without white space and punctuation, and every offset
is mapped back to the text given.
"""

import cydifflib as difflib  # difflib's own algorithm compiled: the same matching blocks, many times faster
import hashlib
import re
from dataclasses import dataclass

import numpy as np

NUM_PERM = 128  # the stored signature's length (curation.duplicates.NUM_PERM)
# An LSH band is two neighbouring signature values, at every offset (127 overlapping bands, not 64
# disjoint ones): two shared values are rare by chance (texts of Jaccard 0.02 share a band about one
# time in twenty) while a pair of Jaccard 0.16 that 64 disjoint bands missed one time in six is
# found about 29 times in 30.
ROWS = 2
BANDS = NUM_PERM - ROWS + 1
SEED = 12  # characters: longer than the stock phrases every regulation has (结合本市实际，制定本条例)
MAX_SEED_REPEATS = 4  # a run repeated more often within one text is its own refrain, not a seed
REGION_GAP = 60  # seeds this close (in both texts, near one diagonal) belong to one region
DIAGONAL_DRIFT = 30  # how far insertions and deletions may shift a region's diagonal
MIN_BLOCK = 6  # difflib's blocks shorter than this inside a region are chance agreement
PASSAGE_GAP = 12  # blocks this close in both texts form one passage: a changed name or figure between
MIN_PASSAGE = 30  # shared characters for a passage to count: a whole clause, not a stock phrase

# A candidate is aligned when the signatures say one of the two texts may share this much of itself
# with the other: on the shared corpus no pair below it reached a shown share (docs/links.md).
CANDIDATE_CONTAINMENT = 0.1
STORED_CHARS = 100  # pairs sharing fewer characters are not kept (stock phrases only)
# At most this many candidates are aligned for one text, those whose signatures estimate the most
# shared: a model text re-enacted by hundreds of cities must not make one import cost minutes.
MAX_CANDIDATES = 50
# Shown: at least this many shared characters, making at least this share of one of the two texts.
# Below them on the shared corpus are pairs that share a purpose clause, the 施行 article and the
# stock sentences of a law both implement (docs/links.md).
SHOWN_CHARS = 350
SHOWN_SHARE = 0.05

# What is not compared: white space and punctuation (，/、 and full or half width vary between copies).
_KEPT = re.compile(r"[^\s\W_]+")
_BASE = np.uint64(1_000_003)  # the seed hash's multiplier: an odd prime, so no window's characters cancel out


@dataclass(frozen=True)
class Passage:
    """One shared passage: offsets into each text (end exclusive) and how many characters the
    alignment matched inside it (without white space and punctuation)."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    chars: int


@dataclass(frozen=True)
class Shared:
    passages: list  # of Passage, in a's order
    chars: int  # matched characters, each of a's counted once
    a_share: float  # share of a's compared characters that b also holds
    b_share: float


def band_keys(hashvalues) -> list[int]:
    """The signature's LSH band keys: one signed 64-bit integer per band (what the database stores
    and indexes), the band's number hashed with its values so equal values in two bands differ."""
    values = [int(v) for v in hashvalues]
    keys = []
    for band in range(BANDS):
        part = values[band:band + ROWS]
        digest = hashlib.blake2b(repr((band, part)).encode(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "little", signed=True))
    return keys


def estimated_containment(agreement: float, size: int, other_size: int) -> float:
    """How much of a shingle set of `size` another of `other_size` holds, from the MinHash estimate
    of their Jaccard similarity (|A∩B| = J(|A|+|B|)/(1+J))."""
    if size <= 0:
        return 0.0
    shared = agreement * (size + other_size) / (1 + agreement)
    return min(1.0, shared / size)


def candidate_score(agreement: float, size: int, other_size: int) -> float:
    """How much of the smaller of two texts the other may hold, from their signatures' agreement."""
    return max(estimated_containment(agreement, size, other_size), estimated_containment(agreement, other_size, size))


def is_candidate(agreement: float, size: int, other_size: int) -> bool:
    """Whether two texts whose signatures agree this much (of shingle sets of these sizes) are aligned."""
    return candidate_score(agreement, size, other_size) >= CANDIDATE_CONTAINMENT


def is_shown(chars: int, a_share: float, b_share: float) -> bool:
    """Whether a pair sharing this much is reuse worth showing (the documented thresholds)."""
    return chars >= SHOWN_CHARS and max(a_share, b_share) >= SHOWN_SHARE


@dataclass(frozen=True)
class Prepared:
    """A text as the alignment reads it, made once however many texts it is compared with: without white
    space and punctuation, each kept character's offset in the text, and the hash of every seed-long run."""

    compact: str
    offsets: np.ndarray  # compact position -> offset in the text
    grams: np.ndarray  # uint64 hash of compact[i:i + SEED], for every i
    order: np.ndarray  # the positions of grams sorted by hash (one run's places in text order)
    ranked: np.ndarray  # grams[order]


def prepare(text: str) -> Prepared:
    runs = [(m.start(), m.end()) for m in _KEPT.finditer(text)]
    compacted = "".join(text[start:end] for start, end in runs)
    starts = np.array([start for start, _ in runs], dtype=np.int64)
    lengths = np.array([end - start for start, end in runs], dtype=np.int64)
    # Inside a run the offsets step by one: the run's start, shifted by where the run begins in compact.
    offsets = np.arange(len(compacted), dtype=np.int64) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    grams = _gram_hashes(compacted)
    order = np.argsort(grams, kind="stable")
    return Prepared(compacted, offsets, grams, order, grams[order])


def _gram_hashes(compacted: str) -> np.ndarray:
    """A polynomial hash of every SEED-character window (arithmetic modulo 2**64: numpy's unsigned
    overflow wraps), so shared seeds are found by sorting integers instead of slicing strings."""
    count = len(compacted) - SEED + 1
    if count <= 0:
        return np.zeros(0, dtype=np.uint64)
    codes = np.frombuffer(compacted.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    hashes = np.zeros(count, dtype=np.uint64)
    for k in range(SEED):
        hashes = hashes * _BASE + codes[k:k + count]
    return hashes


def compact(text: str) -> tuple[str, list[int]]:
    """The text without white space and punctuation, and each kept character's offset in text."""
    prepared = prepare(text)
    return prepared.compact, prepared.offsets.tolist()


def shared_passages(a: str | Prepared, b: str | Prepared) -> Shared:
    """The passages a and b share, with the share of each text that the other holds (either given as
    text or prepared: a text compared with many others is prepared once)."""
    a = a if isinstance(a, Prepared) else prepare(a)
    b = b if isinstance(b, Prepared) else prepare(b)
    ca, cb = a.compact, b.compact
    blocks = []
    for a0, a1, b0, b1 in _regions(a, b):
        matcher = difflib.SequenceMatcher(None, ca[a0:a1], cb[b0:b1], autojunk=False)
        blocks += [(a0 + m.a, b0 + m.b, m.size) for m in matcher.get_matching_blocks() if m.size >= MIN_BLOCK]
    passages = _passages(sorted(blocks, key=lambda m: (m[1], m[0])))
    a_covered = _covered([(p[0], p[1]) for p in passages])
    b_covered = _covered([(p[2], p[3]) for p in passages])
    chars = min(a_covered, b_covered)
    found = [Passage(int(a.offsets[p[0]]), int(a.offsets[p[1] - 1]) + 1, int(b.offsets[p[2]]),
                     int(b.offsets[p[3] - 1]) + 1, p[4])
             for p in sorted(passages)]
    return Shared(found, chars, a_covered / len(ca) if ca else 0.0, b_covered / len(cb) if cb else 0.0)


def _seeds(a: Prepared, b: Prepared) -> tuple[np.ndarray, np.ndarray]:
    """Every (i, j) where a and b hold the same SEED characters, in b's order: a run repeated more than
    MAX_SEED_REPEATS times in a is skipped, and in b only its first MAX_SEED_REPEATS places count."""
    if not len(a.grams) or not len(b.grams):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    order, ranked = a.order, a.ranked
    left = np.searchsorted(ranked, b.grams, "left")
    repeats = np.searchsorted(ranked, b.grams, "right") - left
    js = np.flatnonzero((repeats > 0) & (repeats <= MAX_SEED_REPEATS))
    # The how-manieth place of its run each j is in b, to keep only the first few.
    by_run = js[np.argsort(b.grams[js], kind="stable")]
    runs = b.grams[by_run]
    first = np.r_[True, runs[1:] != runs[:-1]] if len(runs) else np.zeros(0, dtype=bool)
    place = np.arange(len(runs)) - np.maximum.accumulate(np.where(first, np.arange(len(runs)), 0))
    js = np.sort(by_run[place < MAX_SEED_REPEATS])
    counts = repeats[js]
    firsts = np.repeat(left[js], counts) + (np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts))
    return order[firsts], np.repeat(js, counts)


def _regions(a: Prepared, b: Prepared) -> list[tuple[int, int, int, int]]:
    """Regions of a and b around runs of shared seeds, as (a_start, a_end, b_start, b_end)."""
    seed_is, seed_js = _seeds(a, b)
    # Chains of seeds along b, each continuing the nearest open chain whose diagonal it keeps.
    chains: list[list[int]] = []  # [a_start, a_end, b_start, b_end, diagonal]
    for i, j in zip(seed_is.tolist(), seed_js.tolist()):
        for chain in reversed(chains[-8:]):
            if j - chain[3] <= REGION_GAP and abs((i - j) - chain[4]) <= DIAGONAL_DRIFT and -SEED <= i - chain[1] <= REGION_GAP:
                chain[0], chain[1] = min(chain[0], i), max(chain[1], i + SEED)
                chain[3], chain[4] = j + SEED, i - j
                break
        else:
            chains.append([i, i + SEED, j, j + SEED, i - j])
    return [(c[0], c[1], c[2], c[3]) for c in chains]


def _passages(blocks: list[tuple[int, int, int]]) -> list[tuple[int, int, int, int, int]]:
    """Blocks (a, b, size) in b's order merged into passages (a0, a1, b0, b1, matched) of at least
    MIN_PASSAGE matched characters; a block already inside a passage (two regions overlapping) adds nothing."""
    merged: list[list[int]] = []
    for a0, b0, size in blocks:
        a1, b1 = a0 + size, b0 + size
        for passage in reversed(merged[-8:]):
            if passage[0] <= a0 and a1 <= passage[1] and passage[2] <= b0 and b1 <= passage[3]:
                break  # already counted
            if 0 <= b0 - passage[3] <= PASSAGE_GAP and 0 <= a0 - passage[1] <= PASSAGE_GAP:
                passage[1], passage[3] = a1, b1
                passage[4] += size
                break
        else:
            merged.append([a0, a1, b0, b1, size])
    return [tuple(p) for p in merged if p[4] >= MIN_PASSAGE]


def _covered(spans: list[tuple[int, int]]) -> int:
    """Characters inside the union of the spans."""
    total, end = 0, -1
    for start, stop in sorted(spans):
        if stop <= end:
            continue
        total += stop - max(start, end)
        end = stop
    return total
