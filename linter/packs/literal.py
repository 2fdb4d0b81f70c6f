"""Finding many literal words in a text in one pass.

Python's ``re`` tries the alternatives of an alternation one after another at every place
where one of their first characters occurs; with hundreds of words whose first characters
are common (一, 不, 大 …) that is most places of a Chinese text. ``LiteralMatcher`` instead
scans, with one character class, for a rare character of each word (its anchor: a few rare
characters, each shared by many words, see ``_choose_anchors``) and checks the few words
anchored on the character found there. The result is what the alternation of the words,
longest first, would give: leftmost matches, the longest at each place, not overlapping.

Even a word's rarest character is often a common one (各 in 各行其事, 县 in 县市区), and
most places the scan stops at hold no word. So the ``_CHECKED`` most common anchors are
checked in C: after each anchor, a test of the rest of its words as a trie, with a
lookbehind for the whole word where the anchor is not its first character (``县(?=市区|…)``,
``局(?<=国家质检总局)``, see ``_after_anchor``). ``re`` tries the alternatives of an alternation
one after another and leaves it at the first that holds, so the scan asks whether the place
*fails*: behind each stop, a negative lookbehind holds the alternatives ``各(?!行其事|…)``,
and at most places (no word there) the search ends at the stop's own anchor instead of
trying every other one. The alternatives are grouped in buckets of ``_BUCKET`` anchors, the
most common first, each led by the class of its anchors, so that a failing class test skips a
bucket (``[各县…](?<=各(?!…)|县(?!…)|…)``); the leading class of all the anchors lets ``re``
scan for them fast. The rarer anchors keep the plain scan: checking them too would not pay
for compiling the pattern.
"""
from __future__ import annotations

import bisect
import heapq
import re
from typing import Iterable

from .charfreq import RANK

_RARE = len(RANK) + 1
_CHECKED = 200
_BUCKET = 25
_SHORT = 64          # up to this many characters, candidates are looked up without a scan


def rarity(ch: str) -> int:
    """Higher is rarer. Han characters by their frequency rank; everything else (digits,
    Latin letters, punctuation) counts as common, so a word is anchored on a Han character."""
    if "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0003134f":
        return RANK.get(ch, _RARE)
    return -1


def _choose_anchors(words) -> dict[str, int]:
    """Each word's anchor, as its offset: few, rare characters such that every word holds one
    (a greedy weighted hitting set).

    A character's expected frequency is taken as 1/(rank + 10) (Zipf's law on its rank in
    running text), so a character is worth choosing for the number of words it anchors times
    (rank + 10). Words whose rarest characters are common often share a somewhat rarer one,
    and the scan stops at fewer places than at each word's own rarest character. Only Han
    characters anchor a word that has one. Lazy greedy over a heap, ties broken by the
    character (deterministic); then the common choices made redundant by later ones are
    dropped, and each word is anchored on the first of its rarest chosen characters."""
    rank = {c: rarity(c) for c in set("".join(words))}
    han = {c for c, r in rank.items() if r >= 0}
    options = {w: han.intersection(w) or {w[0]} for w in words}
    holders: dict[str, list[str]] = {}
    for w, cs in options.items():
        for c in cs:
            holders.setdefault(c, []).append(w)
    cost = {c: rank[c] + 10 for c in holders}                   # 1 / expected frequency
    left = {c: len(ws) for c, ws in holders.items()}
    heap = [(-left[c] * cost[c], c) for c in holders]
    heapq.heapify(heap)
    covered: set[str] = set()
    chosen: list[str] = []
    while len(covered) < len(options):
        score, c = heapq.heappop(heap)
        if -score != left[c] * cost[c]:                         # stale: words covered since
            if left[c]:
                heapq.heappush(heap, (-left[c] * cost[c], c))
            continue
        chosen.append(c)
        for w in holders[c]:
            if w not in covered:
                covered.add(w)
                for o in options[w]:
                    left[o] -= 1
    keep = set(chosen)
    for c in sorted(chosen, key=lambda c: (cost[c], c)):
        if all(len(options[w] & keep) > 1 for w in holders[c]):
            keep.discard(c)
    return {w: _first_rarest(w, keep.intersection(w), rank) for w in words}


def _first_rarest(word: str, chars: set[str], rank: dict[str, int]) -> int:
    """The offset in ``word`` of the first of its rarest characters among ``chars``."""
    if len(chars) == 1:
        return word.index(next(iter(chars)))
    top = max(rank[c] for c in chars)
    return min(word.index(c) for c in chars if rank[c] == top)


def _after_anchor(entries) -> str | None:
    """A zero-width test, from just after an anchor, that one of its (offset, word) entries is
    there; None when the anchor alone is a word.

    The rest of each word is matched forward, as a trie led by literals that ``re`` skips fast,
    and then what precedes the anchor by a lookbehind for the whole word: most places fail at a
    literal, without entering a look-around."""
    rests: dict[str, set[str]] = {}         # rest of a word -> words to look back for ("": none)
    ends: dict[int, list[str]] = {}         # words ending with the anchor, by length
    for k, w in entries:
        if k + 1 < len(w):
            rests.setdefault(w[k + 1:], set()).add(w if k else "")
        elif k:
            ends.setdefault(len(w), []).append(w)
        else:
            return None                                 # the anchor alone is a word
    alts = [_trie_of_rests(rests)] if rests else []
    alts += [_behind(ws) for _, ws in sorted(ends.items())]
    return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"


def _behind(words) -> str:
    """A lookbehind for any of ``words`` (all of one length, as a lookbehind requires)."""
    return "(?<=" + "|".join(re.escape(w) for w in sorted(words)) + ")"


def _trie_of_rests(rests: dict[str, set[str]]) -> str:
    """A trie of the rests of words (after their anchor); where a rest ends, a lookbehind for
    the words it ends, or nothing if one of them starts at the anchor."""
    trie: dict = {}
    for rest, words in rests.items():
        node = trie
        for ch in rest:
            node = node.setdefault(ch, {})
        node.setdefault("", set()).update(words)

    def build(node) -> str:
        words = node.get("", ())
        if "" in words:
            return ""                                   # a word starting at the anchor ends here
        by_len: dict[int, list[str]] = {}
        for w in words:
            by_len.setdefault(len(w), []).append(w)
        alts = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        alts += [_behind(ws) for _, ws in sorted(by_len.items())]
        return alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"

    return build(trie)


def char_class(chars) -> str:
    """A regex class of ``chars`` (sorted, escaped)."""
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def at_char(lead: str, body: str) -> str:
    """A pattern for the one character ``lead`` matches, where ``body`` matches from that
    character (``re`` scans fast for a pattern that starts with a literal or a class)."""
    return f"{lead}(?<=(?={body})(?s:.))"


def _checked_scan(table, anchors, plain=()) -> str:
    """One scan for all the anchors: it stops at each unless, behind it, one of the checked
    anchors is there without any of its words (the ``plain`` (rare) ones and those that are a
    word alone are never ruled out; a second scan by a class would cost as much as the first)."""
    tests = {c: _after_anchor(table[c]) for c in anchors}
    checked = [c for c in anchors if tests[c] is not None]
    buckets = [checked[i:i + _BUCKET] for i in range(0, len(checked), _BUCKET)]
    fails = [char_class(b) + "(?<=" + "|".join(f"{re.escape(c)}(?!{tests[c]})" for c in b) + ")"
             for b in buckets]
    return char_class(list(anchors) + list(plain)) + (f"(?<!{'|'.join(fails)})" if fails else "")


class LiteralMatcher:
    __slots__ = ("words", "_table", "_anchors", "_compiled")

    def __init__(self, words: Iterable[str]):
        self.words = tuple(dict.fromkeys(w for w in words if w))
        if not self.words:
            raise ValueError("no words")
        table: dict[str, list[tuple[int, str]]] = {}
        for w, k in _choose_anchors(self.words).items():
            table.setdefault(w[k], []).append((k, w))
        # at one anchor, try the longer words first
        self._table = {c: tuple(sorted(v, key=lambda kw: -len(kw[1]))) for c, v in table.items()}
        self._anchors = sorted(self._table, key=rarity)     # the most common first
        self._compiled = None

    @property
    def _scans(self):
        """Compiled on first use: a matcher built only to check a word list (``search`` on short
        strings) never needs them."""
        if self._compiled is None:
            checked, plain = self._anchors[:_CHECKED], self._anchors[_CHECKED:]
            self._compiled = (re.compile(_checked_scan(self._table, checked, plain)),)
        return self._compiled

    def candidates(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """Every occurrence of every word inside ``text[start:end]`` (overlapping ones too),
        as (start, -length, word), sorted: at one place the longest word comes first."""
        end = len(text) if end is None else end
        if end - start <= _SHORT:                   # a word of a list being checked: no scan
            anchors = [p for p in range(start, end) if text[p] in self._table]
        else:
            anchors = [m.start() for scan in self._scans for m in scan.finditer(text, start, end)]
        table = self._table
        starts_with = text.startswith
        found = []
        add = found.append
        for p in anchors:
            for k, w in table[text[p]]:
                if starts_with(w, p - k, end) and p - k >= start:
                    add((p - k, -len(w), w))
        found.sort()
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
        """(start, end, word) of the matches inside ``text[start:end]``, in order."""
        return select(self.candidates(text, start, end), start, len(text) if end is None else end)

    def search(self, text: str, start: int = 0, end: int | None = None):
        hits = self.finditer(text, start, end)
        return hits[0] if hits else None


def select(candidates, start: int, end: int, words=None) -> list[tuple[int, int, str]]:
    """Leftmost-longest, non-overlapping choice among sorted candidates (of ``words`` only)."""
    out = []
    last = start
    for s, neg, w in candidates:
        if s >= end:
            break
        if s >= last and s - neg <= end and (words is None or w in words):
            last = s - neg
            out.append((s, last, w))
    return out


class SharedScanner:
    """The word lists of many rules, found with one scan of each document.

    Each rule registers its words and gets a ``WordSet``; the first rule that looks at a
    document scans it for all the words at once (kept in ``Document.memo``), and every rule
    then picks its own matches from that list."""

    def __init__(self):
        self._words: dict[str, None] = {}
        self._matcher: LiteralMatcher | None = None
        self._key = f"gwlint.packs.scan.{id(self)}"

    def add(self, words: Iterable[str]) -> "WordSet":
        words = frozenset(w for w in words if w)
        for w in sorted(words):
            self._words[w] = None
        self._matcher = None
        return WordSet(self, words)

    def prepare(self) -> None:
        """Build and compile the scan now (when the rules are loaded), not on the first document
        linted: an editor's first diagnostics should not wait for it."""
        if self._matcher is None and self._words:
            self._matcher = LiteralMatcher(self._words)
            self._matcher._scans

    def _candidates(self, doc):
        def scan():
            if self._matcher is None:
                self._matcher = LiteralMatcher(self._words)
            return self._matcher.candidates(doc.masked)
        return doc.memo(self._key, scan)


class WordSet:
    __slots__ = ("scanner", "words")

    def __init__(self, scanner: SharedScanner, words: frozenset):
        self.scanner = scanner
        self.words = words

    def finditer(self, doc, start: int, end: int) -> list[tuple[int, int, str]]:
        """Matches of this set's words in ``doc.masked[start:end]`` (leftmost-longest)."""
        cands = self.scanner._candidates(doc)
        if start:
            cands = cands[bisect.bisect_left(cands, (start, -(1 << 60), "")):]
        return select(cands, start, end, self.words)

    def occurrences(self, doc, start: int, end: int) -> list[tuple[int, int, str]]:
        """(start, end, word) of every occurrence of this set's words inside
        ``doc.masked[start:end]``, overlapping ones too, in order."""
        cands = self.scanner._candidates(doc)
        i = bisect.bisect_left(cands, (start, -(1 << 60), "")) if start else 0
        words = self.words
        found = []
        for s, neg, w in cands[i:]:
            if s >= end:
                break
            if s - neg <= end and w in words:
                found.append((s, s - neg, w))
        return found


def trie_pattern(words) -> str:
    """One regular expression for many literal words, factored as a trie (fast to try);
    optional tails are greedy, so at any position the longest word wins. "" for no words."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def literal_pattern(words) -> str:
    """trie_pattern guarded by the words' first characters. Used where a pattern is matched at
    known positions (``.match``), not to scan."""
    words = list(words)
    first = "".join(sorted({re.escape(w[0]) for w in words}))
    return f"(?=[{first}])" + trie_pattern(words)
