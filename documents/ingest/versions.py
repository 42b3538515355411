"""Versions of one work (pure): the key two versions' titles share, and two texts compared article by
article — unchanged, moved, changed (with the changed characters marked), added and removed.

Alignment is by content, not by number: an article inserted early renumbers every later one, so
equal numbers are not the same article. difflib finds the runs of unchanged articles; within the
gaps between them, articles are paired by similarity; an article removed in one place and added
unchanged in another is a move.
"""

import difflib
import re
from dataclasses import dataclass

from documents.chinese import to_simplified

# A trailing note of the revision, not part of the work's name: （2021年修订）, (2018修正), （试行）stays.
_VERSION_NOTE = re.compile(r"[（(]\s*\d{4}\s*年?\s*(?:修订|修正|修改|版|第[一二三四五六七八九十]+次修正)?\s*[）)]$")
_SPACES = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]+")  # zero-width characters are page chrome too
_ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
# Articles whose similarity is below this are a removal and an addition, not one changed article.
SIMILAR = 0.45
# 《关于修改〈X〉的决定》 (or 〈X〉〈Y〉, 〈X〉和〈Y〉): not 〈X〉等十部法规, a decision that names only the first.
_AMENDING = re.compile(r"关于修改((?:[〈《<“][^〈《<“〉》>”]{2,80}[〉》>”][、和及]?)+)(等[^的]{0,12})?的决定")
_NAMED = re.compile(r"[〈《<“]([^〈《<“〉》>”]{2,80})[〉》>”]")
_BODY_START = re.compile(r"第[一1]条|第[一1]章|总\s*则")
# How alike the amended title and the text's own must be: a decision naming two works amends this
# one under the name like its own (济南市钢结构… from 莱芜市钢结构…, not 莱芜市既有多层住宅增设电梯规定).
AMENDED_TITLE_SIMILAR = 0.6


def version_key(title: str) -> str:
    """What the versions of one work share: the title in simplified script without spaces or a
    trailing revision note."""
    key = _SPACES.sub("", to_simplified(title or ""))
    return _VERSION_NOTE.sub("", key)


def amended_titles(text: str, title: str) -> list[str]:
    """The other titles this text says it is an amended version of: the works a 关于修改〈…〉的决定 of
    its front matter (before the first article or chapter) names, when one is like its own title but
    not the same (a work renamed, or taken over by another city's congress)."""
    match = _BODY_START.search(text)
    front = _SPACES.sub("", text[:match.start()] if match else text[:3000])
    own = version_key(title)
    found = []
    for decision in _AMENDING.finditer(front):
        named = _NAMED.findall(decision.group(1))
        if decision.group(2) or own in map(version_key, named):
            continue  # several works, or this one under its own name: no other name of it
        for name in named:
            key = version_key(name)
            if key not in map(version_key, found) and difflib.SequenceMatcher(
                    None, key, own, autojunk=False).ratio() >= AMENDED_TITLE_SIMILAR:
                found.append(name)
    return found


@dataclass(frozen=True)
class Article:
    number: str  # 第一条, or a section's number; may be empty
    text: str


@dataclass
class Row:
    kind: str  # same | moved | changed | added | removed
    left: Article | None
    right: Article | None
    # The texts as runs of (mark, text): mark "" for common text, "del" for what only the left has,
    # "ins" for what only the right has. The template writes the tags and escapes the text.
    left_parts: list = None
    right_parts: list = None
    similarity: float = 1.0


def _norm(text: str) -> str:
    return _SPACES.sub("", text)


def diff_parts(old: str, new: str) -> tuple[list, list]:
    """The two texts as runs, what only the old has marked "del" and what only the new has "ins"
    (character by character: Chinese has no spaces to split words at)."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    left, right = [], []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            left.append(("", old[i1:i2]))
            right.append(("", new[j1:j2]))
            continue
        if i2 > i1:
            left.append(("del", old[i1:i2]))
        if j2 > j1:
            right.append(("ins", new[j1:j2]))
    return left, right


def _similarity(a: str, b: str) -> float:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()


def _similar_pairs(old: list[str], new: list[str]) -> list[tuple[float, int, int]]:
    """(similarity, i, j) of every pair at least SIMILAR, as _similarity scores them.

    Two unrelated texts (a year's work reports: 40 × 40 sections) make every article a gap; one
    matcher per new article keeps its index across the old ones (set_seq1 is cheap, set_seq2
    is not), and the length bound of real_quick_ratio skips most pairs before any matching.
    """
    found = []
    for j, b in enumerate(new):
        matcher = difflib.SequenceMatcher(None, autojunk=False)
        matcher.set_seq2(b)
        for i, a in enumerate(old):
            if 2 * min(len(a), len(b)) < SIMILAR * (len(a) + len(b)):
                continue
            matcher.set_seq1(a)
            if matcher.quick_ratio() >= SIMILAR:
                found.append((matcher.ratio(), i, j))
    return found


def compare_articles(old: list[Article], new: list[Article]) -> list[Row]:
    """Rows in the new text's order (removed articles where they stood in the old one)."""
    matcher = difflib.SequenceMatcher(None, [_norm(a.text) for a in old], [_norm(a.text) for a in new],
                                      autojunk=False)
    rows: list[Row] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(old[i1:i2], new[j1:j2]):
                rows.append(Row("same", a, b, [("", a.text)], [("", b.text)]))
        else:
            rows.extend(_pair_gap(old[i1:i2], new[j1:j2]))
    return _find_moves(rows)


def _pair_gap(old: list[Article], new: list[Article]) -> list[Row]:
    """Pair the articles of one gap by similarity, greedily best first, keeping their order."""
    scores = sorted(_similar_pairs([_norm(a.text) for a in old], [_norm(b.text) for b in new]), reverse=True)
    pairs, used_old, used_new = {}, set(), set()
    for score, i, j in scores:
        if score < SIMILAR:
            break
        # Keep pairs in order (no crossing), so the side-by-side view reads down both texts.
        if i in used_old or j in used_new or any((i < pi) != (j < pj) for pi, pj in pairs.items()):
            continue
        pairs[i] = j
        used_old.add(i)
        used_new.add(j)
    rows, i = [], 0
    by_new = {j: i for i, j in pairs.items()}
    for j, b in enumerate(new):
        if j in by_new:
            while i < by_new[j]:
                if i not in pairs:
                    rows.append(Row("removed", old[i], None, [("del", old[i].text)], [], similarity=0.0))
                i += 1
            a = old[by_new[j]]
            left, right = diff_parts(a.text, b.text)
            rows.append(Row("changed", a, b, left, right,
                            similarity=_similarity(_norm(a.text), _norm(b.text))))
            i = by_new[j] + 1
        else:
            rows.append(Row("added", None, b, [], [("ins", b.text)], similarity=0.0))
    for k in range(i, len(old)):
        if k not in pairs:
            rows.append(Row("removed", old[k], None, [("del", old[k].text)], [], similarity=0.0))
    return rows


def _find_moves(rows: list[Row]) -> list[Row]:
    """A removed article whose text an added one repeats (elsewhere) was moved: one row, at its new place."""
    removed = {}
    for index, row in enumerate(rows):
        if row.kind == "removed":
            removed.setdefault(_norm(row.left.text), []).append(index)
    gone = set()
    for row in rows:
        if row.kind == "added" and removed.get(_norm(row.right.text)):
            index = removed[_norm(row.right.text)].pop(0)
            gone.add(index)
            row.kind, row.left, row.left_parts = "moved", rows[index].left, [("", rows[index].left.text)]
            row.right_parts, row.similarity = [("", row.right.text)], 1.0
    return [row for index, row in enumerate(rows) if index not in gone]


def summary(rows: list[Row]) -> dict[str, int]:
    counts = {kind: 0 for kind in ("same", "moved", "changed", "added", "removed")}
    for row in rows:
        counts[row.kind] += 1
    return counts


def articles(sections) -> list[Article]:
    """The units to compare, from a policy's sections in order (stored or freshly parsed): its
    articles (第…条) where it has them, else every section with a text of its own."""
    sections = list(sections)
    numbered = [s for s in sections if s.number.endswith("条")]
    units = numbered or [s for s in sections if s.body.strip()]
    return [Article(s.number, _ZERO_WIDTH.sub("", s.body).strip() or s.heading) for s in units]
