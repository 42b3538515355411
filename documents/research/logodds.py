"""Distinctive words of groups of documents: the weighted log-odds ratio with an informative Dirichlet
prior (Monroe, Colaresi & Quinn 2008, "Fightin' Words", Political Analysis 16(4), §3.5), each group
against the others pooled. Pure: counts in, scores out.

For word w, group i with counts y_i (total n_i) and the rest j, and prior pseudo-counts a_w (total a0):

    δ_w = log((y_iw + a_w) / (n_i + a0 − y_iw − a_w)) − log((y_jw + a_w) / (n_j + a0 − y_jw − a_w))
    σ²_w ≈ 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w = δ_w / σ_w

The prior is the groups' pooled counts scaled to a total of `prior_size` (the informative prior of §3.5:
a common word needs a large difference to stand out, a rare one cannot stand out on a handful of uses);
z is what ranks, as in the paper, since δ alone is dominated by rare words.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

PRIOR_SIZE = 10_000


@dataclass(frozen=True)
class Score:
    word: str
    z: float  # the standardised log-odds: above ~1.96 is a difference unlikely by chance
    delta: float  # the log-odds ratio itself
    count: int  # the group's own count
    others: int  # the other groups' count


def distinctive(counts: list[dict[str, int]], *, top: int = 20, min_count: int = 2,
                prior_size: float = PRIOR_SIZE) -> list[list[Score]]:
    """For each group (a dict word → count), its `top` words by z against the other groups pooled,
    among words it uses at least `min_count` times; the highest first."""
    if len(counts) < 2:
        return [[] for _ in counts]
    # Only a word some group uses min_count times can be listed; the others count in the totals alone
    # (δ and σ of a word need its own counts, the groups' totals and a0, the prior's total).
    vocabulary = list(dict.fromkeys(word for group in counts for word, n in group.items() if n >= min_count))
    if not vocabulary:
        return [[] for _ in counts]
    y = np.array([[group.get(word, 0) for word in vocabulary] for group in counts], dtype=np.float64)
    totals = np.array([sum(group.values()) for group in counts], dtype=np.float64)
    pooled, everything = y.sum(axis=0), totals.sum()
    alpha = pooled / everything * prior_size
    a0 = prior_size
    results = []
    for i in range(len(counts)):
        own, rest = y[i], pooled - y[i]
        n_own, n_rest = totals[i], everything - totals[i]
        delta = (np.log((own + alpha) / (n_own + a0 - own - alpha))
                 - np.log((rest + alpha) / (n_rest + a0 - rest - alpha)))
        z = delta / np.sqrt(1 / (own + alpha) + 1 / (rest + alpha))
        ranked = _top(np.flatnonzero((own >= min_count) & (z > 0)), z, vocabulary, top)
        results.append([Score(vocabulary[k], round(float(z[k]), 2), round(float(delta[k]), 3), int(own[k]),
                              int(rest[k])) for k in ranked])
    return results


def _top(eligible: np.ndarray, z: np.ndarray, vocabulary: list[str], top: int) -> list[int]:
    """The `top` of the eligible words by z, then by the word: sorted in full only where it can matter,
    among those at or above the top-th z (a region's vocabulary runs to tens of thousands)."""
    if eligible.size > top:
        cut = np.partition(z[eligible], eligible.size - top)[eligible.size - top]
        eligible = eligible[z[eligible] >= cut]
    return sorted(eligible.tolist(), key=lambda k: (-z[k], vocabulary[k]))[:top]
