"""Policies related to one policy: the same province, sharing its key terms (through the search service)."""

from collections import Counter
from functools import lru_cache

from documents.chinese import VOCABULARY
from documents.models import Policy
from documents.search.service import SearchParams, top_matches

MAX_TERMS = 4


@lru_cache(maxsize=1)
def policy_vocabulary() -> tuple[str, ...]:
    """The policy terms of the user dictionary (数字经济, 数据要素, …), longest first."""
    words = [line.split()[0] for line in VOCABULARY.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(sorted(set(words), key=len, reverse=True))


def key_terms(simplified_text: str, limit: int = MAX_TERMS) -> list[str]:
    """The policy-vocabulary terms the text uses most, without terms contained in a chosen one."""
    counts = Counter({word: simplified_text.count(word) for word in policy_vocabulary()})  # non-overlapping, as findall
    chosen: list[str] = []
    for word, n in counts.most_common():
        if n == 0 or len(chosen) == limit:
            break
        if not any(word in other or other in word for other in chosen):
            chosen.append(word)
    return chosen


def related_policies(policy: Policy, limit: int = 5) -> tuple[list[str], list[Policy]]:
    """(shared key terms, policies): the best matches for the key terms in the same province."""
    terms = key_terms(policy.simplified_text)
    if not terms or policy.province_id is None:
        return terms, []
    # Ranked among bounded candidates: a detail page needs neither counts, facets nor snippets.
    params = SearchParams(q=" OR ".join(terms), province=policy.province_id)
    return terms, top_matches(params, limit, exclude=policy.pk)
