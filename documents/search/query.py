"""Parsing what a researcher types into conditions on tsqueries built from quoted lexemes (pure).

Syntax, as in web search: words (separated by spaces) are ANDed, ``"quoted phrase"``,
``-exclude``, ``A OR B`` (``|`` works too; OR binds tighter than the implicit AND). A word
is a run of characters: where jieba splits it into several tokens it must occur as that
contiguous text, in any segmentation (see _cover), exactly as if it were quoted. The query
goes through OpenCC t2s and the index's own segmentation (documents.search.tokens), so a query
and its traditional form give the same tsquery. No user text ever reaches a tsquery parser:
every lexeme is quoted here and the string is cast with ``::tsquery`` (see LexemeQuery),
exactly as the index's tsvector literal is.

A policy has two vectors (documents/search/vector.py): `condition()` matches over both
(phrases by their pair lexemes), `query()` is the positional vector's alone, for ranking. Both are
small trees (AllOf, AnyOf and Not over Match leaves, and inside each Match over Lexeme and Sequence) that
SQL gets rendered (`render`, the `::tsquery` cast of LexemeQuery) and the index (index.py) evaluates as they are.

An empty query, or one with no word in it (only punctuation, emoji, quotes…), parses to an
empty ParsedQuery: the service then applies no text filter and browses everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchQuery

from documents.chinese import to_simplified, tokenizer
from documents.search.tokens import normalise, subwords, words
from documents.search.vector import MAX_POSITION, pair_lexeme, quote_lexeme

# Long pastes are cut, not refused: a query is a few words, not a document.
MAX_QUERY_CHARS = 200
MAX_TERMS = 32
MAX_LEXEME_BYTES = 2046

QUOTES = "\"“”„«»「」『』＂"
OR_WORDS = {"OR", "|", "｜"}
NEGATION = "-－—"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


WORDS = "search_vector"  # the positional vector: tokens with weights and character offsets
PAIRS = "phrase_vector"  # the position-free pair lexemes (documents/search/vector.py)


# A condition is a tree of Match leaves (one vector each) joined by AllOf, AnyOf and Not; a Match's tsquery is
# a tree of the same joins over Lexeme and Sequence leaves. SQL gets a Match's tree rendered (render()), the
# index (index.py) walks it.

@dataclass(frozen=True)
class Lexeme:
    word: str
    weights: str = ""  # "", "A" (titles) or "AB" (titles and headings)


@dataclass(frozen=True)
class Sequence:
    """Lexemes at exact character distances (a phrase's positions: PostgreSQL's `<N>`)."""

    pieces: tuple[tuple[Lexeme, int], ...]  # each with its offset in the phrase


def render(node) -> str:
    """The tsquery text of a Match's tree, every lexeme quoted (the string is cast with ::tsquery, never parsed)."""
    if isinstance(node, Lexeme):
        return quote_lexeme(node.word) + (f":{node.weights}" if node.weights else "")
    if isinstance(node, Not):
        return f"!{_grouped(node.part)}"
    if isinstance(node, AnyOf):
        return "(" + " | ".join(map(_grouped, node.parts)) + ")"
    if isinstance(node, Sequence):
        out = render(node.pieces[0][0])
        for (_, previous), (lexeme, offset) in zip(node.pieces, node.pieces[1:]):
            out += f" <{offset - previous}> {render(lexeme)}"
        return f"({out})"
    return " & ".join(map(_grouped, node.parts))


def _grouped(node) -> str:
    return f"({render(node)})" if isinstance(node, AllOf) else render(node)


@dataclass(frozen=True)
class Match:
    """`vector @@ tsquery` on one of a policy's two vectors: the tsquery's text, and the tree it renders."""

    vector: str
    tsquery: str
    query: object = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, vector: str, query) -> Match:
        return cls(vector, render(query), query)


@dataclass(frozen=True)
class AllOf:
    parts: tuple


@dataclass(frozen=True)
class AnyOf:
    parts: tuple


@dataclass(frozen=True)
class Not:
    part: object


@dataclass(frozen=True)
class Term:
    """One word run or quoted phrase: its simplified text and its index tokens with offsets."""

    text: str
    words: tuple[tuple[str, int], ...]
    phrase: bool = False

    def query(self, weights: str = "", relaxed: bool = False):
        """On the positional vector alone: a phrase's pieces at their distances (relaxed: anywhere)."""
        if self.phrase:
            pieces = _pieces(self.words)
            return _and([Lexeme(piece, weights) for piece, _ in pieces]) if relaxed else _positional(pieces, weights)
        return _and([_word(word, weights) for word, _ in self.words])

    def condition(self, relaxed: bool = False):
        """The exact match over both vectors (relaxed: a superset the GIN indexes answer without rechecks)."""
        if self.phrase:
            return _phrase_condition(_pieces(self.words), relaxed)
        return all_of([_word_condition(word, relaxed) for word, _ in self.words])

    def single_lexeme(self) -> str | None:
        """The one lexeme of the positional vector this term is, if it is one."""
        if self.phrase or len(self.words) != 1:
            return None
        word = self.words[0][0]
        return word if self.query() == Lexeme(word) else None

    def highlight_strings(self) -> list[str]:
        """What to mark in a snippet: the whole phrase, or each word of an ANDed run."""
        if self.phrase:
            return [self.text]
        long = [word for word, _ in self.words if len(word) > 1]
        return long or [word for word, _ in self.words]


@dataclass(frozen=True)
class ParsedQuery:
    """Positive clauses (ANDed; the terms of a clause are ORed) and excluded terms."""

    clauses: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.clauses and not self.excluded

    @property
    def has_positive(self) -> bool:
        return bool(self.clauses)

    def query(self, weights: str = "", *, with_excluded: bool = True, relaxed: bool = False):
        """The tsquery tree on the positional vector alone, for ranking (and naive matching).

        weights ("A", "AB") restrict the positive lexemes to those fields; relaxed turns phrases
        into ANDs of their pieces (a superset of the matches).
        """
        parts = [_or([term.query(weights, relaxed) for term in clause]) for clause in self.clauses]
        if with_excluded:
            parts += [Not(term.query()) for term in self.excluded]
        return _and(parts)

    def tsquery(self, weights: str = "", *, with_excluded: bool = True, relaxed: bool = False) -> str:
        """query() rendered, for SQL."""
        return render(self.query(weights, with_excluded=with_excluded, relaxed=relaxed))

    def condition(self, *, with_excluded: bool = True, relaxed: bool = False):
        """What a match must satisfy, over both vectors (Match, AllOf, AnyOf and Not; None for no text).

        Phrases are looked up by their pair lexemes; relaxed leaves out position checks.
        """
        parts = [any_of([term.condition(relaxed) for term in clause]) for clause in self.clauses]
        if with_excluded:
            parts += [negate(term.condition()) for term in self.excluded]
        return all_of(parts) if parts else None

    def highlight_strings(self) -> list[str]:
        seen = dict.fromkeys(s for clause in self.clauses for term in clause for s in term.highlight_strings())
        return sorted(seen, key=len, reverse=True)


class LexemeQuery(SearchQuery):
    """A tsquery string built by this module, cast as-is (no parser, no dictionary)."""

    template = "(%(expressions)s)::tsquery"

    def __init__(self, tsquery: str):
        super().__init__(tsquery)


def parse(text: str | None) -> ParsedQuery:
    """Parse a query in either script; never raises for any string."""
    text = _CONTROL.sub(" ", str(text or "")[: MAX_QUERY_CHARS * 4])[:MAX_QUERY_CHARS]
    clauses: list[list[Term]] = []
    excluded: list[Term] = []
    pending_or = False
    count = 0
    for kind, raw in _lex(to_simplified(text)):
        if kind == "or":
            pending_or = bool(clauses)
            continue
        term = _term(raw, phrase=kind.endswith("phrase"))
        if term is None or count >= MAX_TERMS:
            continue
        count += 1
        if kind.startswith("not"):
            excluded.append(term)
            pending_or = False
        elif pending_or:
            clauses[-1].append(term)
            pending_or = False
        else:
            clauses.append([term])
    return ParsedQuery(tuple(tuple(dict.fromkeys(c)) for c in dict.fromkeys(map(tuple, clauses))),
                       tuple(dict.fromkeys(excluded)))


def _lex(text: str):
    """(kind, text) pairs: kind is word, phrase, not-word, not-phrase or or."""
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            continue
        negated = ch in NEGATION and i + 1 < n and not text[i + 1].isspace()
        if negated:
            i += 1
            ch = text[i]
        if ch in QUOTES:
            end = next((j for j in range(i + 1, n) if text[j] in QUOTES), n)  # unbalanced: to the end
            yield ("not-phrase" if negated else "phrase"), text[i + 1 : end]
            i = end + 1
            continue
        end = next((j for j in range(i, n) if text[j].isspace() or text[j] in QUOTES), n)
        word = text[i:end]
        i = end
        if not negated and word in OR_WORDS:
            yield "or", word
        else:
            yield ("not-word" if negated else "word"), word


def _term(raw: str, *, phrase: bool) -> Term | None:
    text = normalise(raw)
    found = tuple((w, o) for w, o in words(text) if len(w.encode()) < MAX_LEXEME_BYTES and o < MAX_POSITION)
    if not found:
        return None
    if phrase or len(found) > 1:
        # A run without spaces that jieba splits is matched as the contiguous text it is,
        # like a quoted phrase: 高新区新闻 means that string, not 高新区 somewhere and 新闻 elsewhere.
        start = found[0][1]
        end = found[-1][1] + len(found[-1][0])
        return Term(text[start:end], found, phrase=len(found) > 1 or len(_cover(found[0][0])) > 1)
    return Term(found[0][0], found)


def _cover(word: str) -> list[tuple[str, int]]:
    """The fewest dictionary sub-words that spell the word exactly, or the word itself.

    The index holds these sub-words wherever the word occurs, and also where a document's
    segmentation splits the same characters differently, so they match across segmentations.
    """
    parts = subwords(word)
    best: dict[int, list[tuple[str, int]]] = {0: []}
    for end in range(1, len(word) + 1):
        options = [best[start] + [(p, start)] for p, start in parts if start + len(p) == end and start in best]
        if options:
            best[end] = min(options, key=len)
    return best.get(len(word)) or [(word, 0)]


def _made_up_cover(word: str) -> list[tuple[str, int]] | None:
    """For a word jieba made up (not in its dictionary), its dictionary parts: a document may split it so."""
    if tokenizer().FREQ.get(word) or len(word) <= 2:
        return None
    cover = _cover(word)
    return cover if len(cover) > 1 else None


def _word(word: str, weights: str):
    """A word, or for a word jieba made up also its dictionary parts as a phrase."""
    lexeme = Lexeme(word, weights)
    cover = _made_up_cover(word)
    return AnyOf((lexeme, _positional(cover, weights))) if cover else lexeme


def _word_condition(word: str, relaxed: bool):
    cover = _made_up_cover(word)
    match = Match.of(WORDS, Lexeme(word))
    return any_of([match, _phrase_condition(cover, relaxed)]) if cover else match


def _pieces(found) -> list[tuple[str, int]]:
    """The dictionary pieces of a phrase's words with their character offsets in the phrase."""
    return [(piece, offset + start) for word, offset in found for piece, start in _cover(word)]


def _chain(pieces) -> list[tuple[str, int]]:
    """The lexemes a phrase is looked up by: abutting pieces as pair and triple lexemes (see vector.pairs).

    公共 数据 (abutting) is the one lexeme '公共 数据', three pieces a b c the one lexeme 'a b c'; four
    a b c d are 'a b c' and 'b c d' one piece apart; a piece separated from its neighbours by a gap stays
    a lexeme of its own.
    """
    chain = []
    start = 0
    while start < len(pieces):
        end = start
        while end + 1 < len(pieces) and pieces[end + 1][1] == pieces[end][1] + len(pieces[end][0]):
            end += 1
        width = min(3, end - start + 1)
        chain.extend((pair_lexeme(*(piece for piece, _ in pieces[k : k + width])), pieces[k][1])
                     for k in range(start, end - width + 2))
        start = end + 1
    return chain


def _positional(pieces, weights: str):
    """The pieces at their exact character distances (the positional vector stores character offsets)."""
    if len(pieces) == 1:
        return Lexeme(pieces[0][0], weights)
    return Sequence(tuple((Lexeme(piece, weights), offset) for piece, offset in pieces))


def _phrase_condition(pieces, relaxed: bool):
    """Pair and triple lexemes from their index; positions are checked only where they cannot say it all.

    A phrase of two or three abutting pieces is its pair or triple lexeme. Longer ones (or pieces apart)
    also need their positions, checked only in the vectors that hold all their triples.
    """
    chain = _chain(pieces)
    pairs = [lexeme for lexeme, _ in chain if " " in lexeme]
    parts = [Match.of(PAIRS, _and([Lexeme(pair) for pair in pairs]))] if pairs else []
    if len(chain) == 1 and pairs:
        return parts[0]
    if relaxed:
        singles = [Lexeme(lexeme) for lexeme, _ in chain if " " not in lexeme]
        return all_of(parts + ([Match.of(WORDS, _and(singles))] if singles else []))
    return all_of(parts + [Match.of(WORDS, _positional(pieces, ""))])


def all_of(parts):
    """The conditions ANDed, tsqueries on the same vector merged into one (one index scan each)."""
    return _combine(parts, AllOf, _and)


def any_of(parts):
    return _combine(parts, AnyOf, _or)


def negate(condition):
    if isinstance(condition, Match):
        return Match.of(condition.vector, Not(condition.query))
    return condition.part if isinstance(condition, Not) else Not(condition)


def _combine(parts, node, join):
    flat = []
    for part in parts:
        flat.extend(part.parts if isinstance(part, node) else [part])
    merged: dict[str, list] = {}
    rest = []
    for part in flat:
        if isinstance(part, Match):
            merged.setdefault(part.vector, []).append(part.query)
        else:
            rest.append(part)
    combined = list(dict.fromkeys([Match.of(vector, join(queries)) for vector, queries in merged.items()] + rest))
    return combined[0] if len(combined) == 1 else node(tuple(combined))


def _and(parts: list):
    parts = list(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else AllOf(tuple(parts))


def _or(parts: list):
    parts = list(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else AnyOf(tuple(parts))
