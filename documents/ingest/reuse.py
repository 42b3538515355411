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

import difflib
import hashlib
import re
from dataclasses import dataclass

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
_NOISE = re.compile(r"[\s\W_]", re.UNICODE)


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


def compact(text: str) -> tuple[str, list[int]]:
    """The text without white space and punctuation, and each kept character's offset in text."""
    offsets = [i for i, c in enumerate(text) if not _NOISE.match(c)]
    return "".join(text[i] for i in offsets), offsets


def shared_passages(a: str, b: str) -> Shared:
    """The passages a and b share, with the share of each text that the other holds."""
    ca, a_offsets = compact(a)
    cb, b_offsets = compact(b)
    blocks = []
    for a0, a1, b0, b1 in _regions(ca, cb):
        matcher = difflib.SequenceMatcher(None, ca[a0:a1], cb[b0:b1], autojunk=False)
        blocks += [(a0 + m.a, b0 + m.b, m.size) for m in matcher.get_matching_blocks() if m.size >= MIN_BLOCK]
    passages = _passages(sorted(blocks, key=lambda m: (m[1], m[0])))
    a_covered = _covered([(p[0], p[1]) for p in passages])
    b_covered = _covered([(p[2], p[3]) for p in passages])
    chars = min(a_covered, b_covered)
    found = [Passage(a_offsets[p[0]], a_offsets[p[1] - 1] + 1, b_offsets[p[2]], b_offsets[p[3] - 1] + 1, p[4])
             for p in sorted(passages)]
    return Shared(found, chars, a_covered / len(ca) if ca else 0.0, b_covered / len(cb) if cb else 0.0)


def _regions(a: str, b: str) -> list[tuple[int, int, int, int]]:
    """Regions of a and b around runs of shared seeds, as (a_start, a_end, b_start, b_end)."""
    where: dict[str, list[int]] = {}
    for i in range(len(a) - SEED + 1):
        where.setdefault(a[i:i + SEED], []).append(i)
    seen_in_b: dict[str, int] = {}
    seeds = []
    for j in range(len(b) - SEED + 1):
        gram = b[j:j + SEED]
        found = where.get(gram)
        if not found or len(found) > MAX_SEED_REPEATS:
            continue
        seen_in_b[gram] = seen_in_b.get(gram, 0) + 1
        if seen_in_b[gram] > MAX_SEED_REPEATS:
            continue
        seeds += [(i, j) for i in found]
    # Chains of seeds along b, each continuing the nearest open chain whose diagonal it keeps.
    seeds.sort(key=lambda s: (s[1], s[0]))
    chains: list[list[int]] = []  # [a_start, a_end, b_start, b_end, diagonal]
    for i, j in seeds:
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
