"""The rule kinds a TOML pack can use (modelled on Vale's: existence, substitution, consistency,
occurrence, sequence, plus ``ordered`` for fixed lists whose members have a set order).

Each factory validates its rule's keys and returns a check function ``check(doc, ctx)``.
A word list costs one scan however long it is: the literal lists of all packs are found in one
pass per document (``literal.SharedScanner``), and the regex entries of a rule are combined into
one alternation. Factories raise ``ValueError`` naming the offending key; the loader adds the
pack file and the rule code.
"""
from __future__ import annotations

import re
import warnings
from collections import Counter
from typing import Any, Callable, Iterable, Optional

from ..model import Edit, Fix, FixAvailability, Related, RuleMeta, Span
from .literal import LiteralMatcher, SharedScanner, at_char, char_class, literal_pattern, rarity, trie_pattern

try:  # user packs may use Unicode properties such as \p{Han}, which only `regex` knows
    import regex as _user_re
except ImportError:  # pragma: no cover - the bundled VS Code server has no compiled packages
    _user_re = re

try:  # the parser behind `re`: what a pattern's matches can start with (see _candidate_scans)
    from re import _constants as _sre, _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre
    import sre_parse as _sre_parse

SENTENCE_END = re.compile(r"[。！？；!?;\n\r]")
SCOPES = ("text", "title", "body", "heading")
_BACKREF = re.compile(r"\\[1-9]|\(\?P=")


# --- shared helpers --------------------------------------------------------------------------
def _str_list(value: Any, key: str, *, allow_empty: bool = False) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(x, str) and x for x in value) \
            or (not value and not allow_empty):
        raise ValueError(f"“{key}”应为非空字符串数组，实际为 {value!r}")
    return list(value)


def _user_compile(pattern: str, key: str):
    try:
        return _user_re.compile(pattern)
    except Exception as exc:  # re.error / regex.error
        raise ValueError(f"“{key}”中的正则表达式“{pattern}”无效：{exc}") from None


def _scopes(rule: dict) -> tuple[str, ...]:
    scope = _str_list(rule.get("scope", ["text"]), "scope")
    for s in scope:
        if s not in SCOPES:
            raise ValueError(f"“scope”的值“{s}”未知（可用：{'、'.join(SCOPES)}）")
    return tuple(dict.fromkeys(scope))


def _regions(doc, scopes) -> list[tuple[int, int]]:
    """Half-open regions of ``doc.masked`` a rule looks at, in document order."""
    if "text" in scopes:
        return [(0, len(doc.masked))]
    st = doc.structure
    out = []
    if "title" in scopes and st.title is not None:
        out.append((st.title.start, st.title.end))
    if "heading" in scopes:
        out.extend((h.span.start, h.span.end) for h in st.headings)
    if "body" in scopes:
        out.append((st.title.end if st.title is not None else 0, len(doc.masked)))
    out.sort()
    merged: list[tuple[int, int]] = []
    for a, b in out:  # a body region swallows the headings inside it
        if merged and a < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


class Exceptions:
    """Look-alike phrases that contain a rule's token and must not be flagged
    (``一杆秤``, ``严峻工作``). A match is excepted when one phrase covers it entirely."""

    def __init__(self, phrases: Iterable[str]):
        phrases = list(dict.fromkeys(phrases))
        self.rx = re.compile(literal_pattern(phrases)) if phrases else None
        self.longest = max((len(p) for p in phrases), default=0)

    def __bool__(self) -> bool:
        return self.rx is not None

    def covers(self, text: str, s: int, e: int) -> bool:
        rx = self.rx
        if rx is None:
            return False
        for p in range(max(0, e - self.longest), s + 1):
            m = rx.match(text, p)
            if m is not None and m.end() >= e:
                return True
        return False


def _exceptions(rule: dict, extra: Iterable[str] = ()) -> Exceptions:
    phrases = _str_list(rule.get("exceptions", []), "exceptions", allow_empty=True)
    return Exceptions([*phrases, *extra])


def _fix_for(meta: RuleMeta, span: Span, new: str, title: str) -> Optional[Fix]:
    if meta.fix is FixAvailability.NONE:
        return None
    return Fix(title=title, edits=(Edit(span, new),), applicability=meta.fix_applicability)


def _format(template: str, **values) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template


def _template(rule: dict) -> str:
    return rule["message"]


def _strip_lookbehind(pattern: str) -> str:
    """``pattern`` without its leading look-behind assertions (``(?<=…)``, ``(?<!…)``)."""
    while pattern.startswith(("(?<=", "(?<!")):
        depth, i, n = 0, 0, len(pattern)
        while i < n:
            ch = pattern[i]
            if ch == "\\":
                i += 2
                continue
            if ch == "[":
                i += 1
                if i < n and pattern[i] == "^":
                    i += 1
                if i < n and pattern[i] == "]":
                    i += 1
                while i < n and pattern[i] != "]":
                    i += 2 if pattern[i] == "\\" else 1
            elif ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    break
            i += 1
        if i >= n:
            return pattern
        pattern = pattern[i + 1:]
    return pattern


_CATEGORIES = {_sre.CATEGORY_DIGIT: r"\d", _sre.CATEGORY_NOT_DIGIT: r"\D", _sre.CATEGORY_SPACE: r"\s",
               _sre.CATEGORY_NOT_SPACE: r"\S", _sre.CATEGORY_WORD: r"\w", _sre.CATEGORY_NOT_WORD: r"\W"}


def _first_items(seq) -> tuple[list, bool]:
    """The class items a match of the parsed pattern ``seq`` can start with, and whether it can
    be empty. Raises ValueError for what it does not read (flags, ``.``, back-references …)."""
    items: list = []
    for op, av in seq:
        if op is _sre.LITERAL:
            first, empty = [(op, av)], False
        elif op is _sre.IN and not any(o is _sre.NEGATE for o, _ in av):
            first, empty = list(av), False
        elif op is _sre.SUBPATTERN and not av[1] and not av[2]:
            first, empty = _first_items(av[3])
        elif op is _sre.BRANCH:
            first, empty = [], False
            for alt in av[1]:
                f, e = _first_items(alt)
                first += f
                empty = empty or e
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            first, empty = _first_items(av[2])
            empty = empty or av[0] == 0
        elif op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
            continue                                    # zero width: the next item comes first
        else:
            raise ValueError(op)
        items += first
        if not empty:
            return items, False
    return items, True


def _class(items) -> str:
    out = []
    for op, av in items:
        if op is _sre.LITERAL:
            out.append(re.escape(chr(av)))
        elif op is _sre.RANGE:
            out.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
        elif op is _sre.CATEGORY and av in _CATEGORIES:
            out.append(_CATEGORIES[av])
        else:
            raise ValueError(op)
    return "[" + "".join(out) + "]"


_LITERAL_SCANS = 12


def _alternation(heads) -> str:
    return "(?:" + "|".join(f"(?:{h})" for h in heads) + ")"


def _indices(heads: list[str], chosen) -> frozenset:
    return frozenset(i for i, h in enumerate(heads) if h in chosen)


def _candidate_scans(heads: list[str]):
    """(pattern, indices of the heads it finds) for stdlib ``re`` patterns that match one
    character where one of ``heads`` matches: the
    class of their first characters, which ``re`` scans for fast, with the alternation of the
    heads as a look-ahead from there (an alternation alone is tried at every position, and
    ``regex`` is no faster at it). When the heads start with a few literal characters, each
    gets a pattern with the heads that start with it: ``re`` finds a literal several times
    faster than a member of a class. Only the matches' starts mean anything. None when ``re``
    cannot read the heads (``regex``-only syntax, flags) or one can match the empty string."""
    try:
        firsts = []
        for h in heads:
            parsed = _sre_parse.parse(h)
            if parsed.state.flags & ~_sre.SRE_FLAG_UNICODE:
                return None
            items, empty = _first_items(parsed)
            if empty:
                return None
            firsts.append(items)
        by_char: dict[int, dict[str, None]] = {}       # first character -> the heads it starts
        for h, items in zip(heads, firsts):
            for op, av in items:
                by_char.setdefault(av if op is _sre.LITERAL else -1, {})[h] = None    # -1: a range, \d …
        if -1 not in by_char and len(by_char) <= _LITERAL_SCANS:
            return tuple((re.compile(at_char(re.escape(chr(c)), _alternation(hs))), _indices(heads, hs))
                         for c, hs in by_char.items())
        return ((re.compile(at_char(_class([i for items in firsts for i in items]), _alternation(heads))),
                 frozenset(range(len(heads)))),)
    except (re.error, ValueError, OverflowError, RecursionError):
        return None


_NOT_A_COUNT = re.compile(r"\{(?!\d*,?\d*\})|\[\[")     # `regex`-only syntax: fuzzy {e<=1}, nested sets


def _required_literals(pattern: str) -> Optional[tuple[tuple[str, ...], int]]:
    """Literals of two or more characters, each with a Han character, one of which every
    match of ``pattern`` consumes or looks at, and how far before the match's start such a
    literal can begin (a look-behind's literal: ``(?<=党的)20(?=大)`` needs 党的20大, from 2
    characters before the match). Of the sets that can be proven, the one whose most common
    member is rarest. None when there is none or ``re`` cannot be trusted to read the pattern
    as ``regex`` does. (A look-ahead's literal lies between the match's start and the end of
    the text searched.)"""
    if _NOT_A_COUNT.search(pattern):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            parsed = _sre_parse.parse(pattern)
    except (re.error, Warning, OverflowError, RecursionError):
        return None
    if parsed.state.flags & ~_sre.SRE_FLAG_UNICODE:
        return None
    found = _Requirements()
    tail, back = found.read(list(parsed), "", 0)
    found._add([tail], back)
    return found.best()


def _reach(seq) -> Optional[int]:
    """At most how many characters from a match's start the parsed pattern ``seq`` reads
    forward (what it consumes and what its look-aheads read); None when unbounded or unread."""
    total = 0
    for op, av in seq:
        if op in (_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY):
            width = 1
        elif op is _sre.SUBPATTERN:
            width = _reach(av[3])
        elif op is _sre.BRANCH:
            widths = [_reach(alt) for alt in av[1]]
            width = None if None in widths else max(widths)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
            item = _reach(av[2])
            width = None if item is None or av[1] == _sre.MAXREPEAT else av[1] * item
        elif op is _sre.ASSERT:
            width = _reach(av[1]) if av[0] == 1 else 0     # a look-ahead counted as if consumed
        elif op in (_sre.ASSERT_NOT, _sre.AT):
            width = 0
        else:
            return None
        if width is None:
            return None
        total += width
    return total


def _pattern_reach(pattern: str) -> Optional[int]:
    try:
        return _reach(_sre_parse.parse(pattern))
    except (re.error, OverflowError, RecursionError):
        return None


class _Requirements:
    """The literal sets a parsed pattern proves (see ``_required_literals``)."""

    def __init__(self):
        self.options: list[tuple[frozenset, int]] = []     # (one of these literals, back reach)

    @staticmethod
    def _ok(word: str) -> bool:
        return len(word) >= 2 and max(map(rarity, word)) >= 0       # a Han anchor for the scan

    def _add(self, words, back: int) -> None:
        if words and all(map(self._ok, words)):
            self.options.append((frozenset(words), back))

    def best(self) -> Optional[tuple[tuple[str, ...], int]]:
        if not self.options:
            return None
        words, back = max(self.options, key=lambda o: (min(max(map(rarity, w)) for w in o[0]), -len(o[0])))
        return tuple(sorted(words)), back

    def read(self, seq: list, run: str, back: int) -> tuple[str, int]:
        """Read ``seq`` with the literal ``run`` just before it (reaching ``back`` characters
        before the match's start); returns the run at its end."""
        for op, av in seq:
            if op is _sre.LITERAL:
                run += chr(av)
            elif op is _sre.SUBPATTERN and not av[1] and not av[2]:
                run, back = self.read(list(av[3]), run, back)          # a group: its items in line
            elif op is _sre.ASSERT and av[0] == 1:                      # look-ahead: seen, not consumed
                tail, tail_back = self.read(list(av[1]), run, back)
                self._add([tail], tail_back)
            elif op is _sre.ASSERT and av[0] == -1 and not run and self._lead(list(av[1])) is not None \
                    and len(self._lead(list(av[1]))) == av[1].getwidth()[0] == av[1].getwidth()[1]:
                run = self._lead(list(av[1]))                           # look-behind literal
                back = max(back, len(run))
            elif op in (_sre.ASSERT, _sre.ASSERT_NOT, _sre.AT):
                continue                                                # zero width: the run goes on
            elif op is _sre.BRANCH:
                self._add([run], back)
                per_alt = []
                for alt in av[1]:
                    sub = _Requirements()
                    tail, tail_back = sub.read(list(alt), run, back)
                    sub._add([tail], tail_back)
                    per_alt.append(sub.best())
                if all(per_alt):
                    self._add([w for words, _ in per_alt for w in words], max(b for _, b in per_alt))
                run = ""
            elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
                self._add([run], back)
                sub = _Requirements()
                tail, tail_back = sub.read(list(av[2]), run, back)
                sub._add([tail], tail_back)
                self.options += sub.options
                run = ""
            else:
                self._add([run], back)
                run = ""
        return run, back

    @staticmethod
    def _lead(seq: list) -> str:
        """The literal characters ``seq`` starts with."""
        lead = ""
        for op, av in seq:
            if op is not _sre.LITERAL:
                break
            lead += chr(av)
        return lead


# --- substitution ----------------------------------------------------------------------------
ENTRY_KEYS = {"from", "to", "note", "source", "exceptions"}


def _entries(rule: dict) -> list[tuple[str, str, str, list[str]]]:
    swap = rule.get("swap")
    if not isinstance(swap, list) or not swap:
        raise ValueError("substitution 规则需要非空的“swap”数组")
    out = []
    for raw in swap:
        if isinstance(raw, list) and 2 <= len(raw) <= 3 and all(isinstance(x, str) for x in raw):
            wrong, right, note, exc = raw[0], raw[1], raw[2] if len(raw) == 3 else "", []
        elif isinstance(raw, dict) and {"from", "to"} <= set(raw) and set(raw) <= ENTRY_KEYS:
            if not all(isinstance(raw.get(k, ""), str) for k in ("from", "to", "note", "source")):
                raise ValueError(f"“swap”条目的 from/to/note/source 应为字符串：{raw!r}")
            wrong, right = raw["from"], raw["to"]
            note = raw.get("note", "")
            if raw.get("source"):
                note = f"{note}；{raw['source']}" if note else raw["source"]
            exc = _str_list(raw.get("exceptions", []), "swap.exceptions", allow_empty=True)
        else:
            raise ValueError(f"“swap”条目应为 [错误, 正确, 说明] 或 {{from, to, note, source, exceptions}}：{raw!r}")
        if not wrong or wrong == right:
            raise ValueError(f"“swap”条目无效（错误写法为空或与正确写法相同）：{raw!r}")
        out.append((wrong, right, note, exc))
    return out


def substitution(rule: dict, meta: RuleMeta, scanner: Optional[SharedScanner] = None) -> Callable:
    mode = rule.get("match", "literal")
    if mode not in ("literal", "regex"):
        raise ValueError(f"“match”应为 literal 或 regex，实际为 {mode!r}")
    entries = _entries(rule)
    scopes = _scopes(rule)
    exceptions = _exceptions(rule, (x for e in entries for x in e[3]))
    template = _template(rule)

    if mode == "literal":
        table: dict[str, tuple[str, str]] = {}
        for wrong, right, note, _ in entries:
            if wrong in table:
                raise ValueError(f"“swap”中“{wrong}”重复")
            table[wrong] = (right, note)
        matcher = LiteralMatcher(table)
        for wrong, (right, _) in table.items():
            # a fix must not create another finding (the fixer would never reach a fixed point)
            m = matcher.search(right)
            if m is not None:
                raise ValueError(f"“swap”中“{wrong}”的正确写法“{right}”本身含有错误写法“{m[2]}”")
        words = (scanner or SharedScanner()).add(table)

        def find(doc, text, a, b):
            for s, e, w in words.finditer(doc, a, b):
                right, note = table[w]
                yield s, e, right, note
    else:
        compiled = [(_user_compile(w, "swap"), r, n) for w, r, n, _ in entries]
        for rx, right, _ in compiled:  # check the templates now, not on the first match
            try:
                rx.sub(right, "")
            except Exception as exc:
                raise ValueError(f"“swap”中“{rx.pattern}”的替换“{right}”无效：{exc}") from None
        # One scan finds where some entry may match: the alternation of the entries without
        # their leading look-behinds (which would keep `re` from skipping quickly to the
        # possible first characters). At such a place the entries, tried in order with their
        # look-behinds, say which one matches - the same leftmost-first choice as the
        # alternation of the full entries.
        heads = [_strip_lookbehind(rx.pattern) for rx, _, _ in compiled]
        scans = combined = None
        if len(compiled) > 1 and not any(_BACKREF.search(h) for h in heads):
            scans = _candidate_scans(heads)
            if scans is None:
                combined = _user_re.compile("|".join(f"(?:{h})" for h in heads))
        # When every entry needs a literal (截止, 委、政府), the rule only runs where one of them
        # occurs: the shared word scan finds them at no extra cost.
        needed = [_required_literals(rx.pattern) for rx, _, _ in compiled]
        guard = reach = None
        if scanner is not None and all(needed):
            guard = scanner.add(w for words, _ in needed for w in words)
            reach = max(back for _, back in needed)
            needs = [frozenset(words) for words, _ in needed]
            # how far past its start each entry reads: a match lies near an occurrence of one
            # of its literals (see _near); parsed when first needed, not at load
            ahead: list = []

        def first_at(text, p, b, tried=compiled):
            """(match, replacement, note) of the first entry of ``tried`` (in the order of
            ``compiled``) that matches at p, or None."""
            for rx, right, note in tried:
                m = rx.match(text, p, b)
                if m is not None:
                    return m, right, note
            return None

        def _scan_entries(live):
            """(scan, the entries it finds, in order) for the scans that can find a live entry.
            A scan stops only where one of its entries can start: only those are tried there."""
            return tuple((scan, tuple(compiled[i] for i in sorted(ix) if live is None or i in live))
                         for scan, ix in scans if live is None or not live.isdisjoint(ix))

        all_scans = _scan_entries(None) if scans is not None else None

        def _near(found, live, a, b):
            """The offsets in [a, b) where a live entry can match, from the occurrences of the
            literals: a match reads one of its entry's literals, which starts at most ``reach``
            characters before the match and ends at most ``ahead`` characters after its start.
            None when a live entry reads unboundedly far."""
            if not ahead:
                ahead.extend(_pattern_reach(rx.pattern) for rx, _, _ in compiled)
            ahead_of: dict[str, int] = {}
            for i in live:
                if ahead[i] is None:
                    return None
                for w in needs[i]:
                    ahead_of[w] = max(ahead_of.get(w, 0), ahead[i])
            offsets: set[int] = set()
            for s, e, w in found:
                if w in ahead_of:
                    offsets.update(range(max(a, e - ahead_of[w]), min(b, s + reach + 1)))
            return sorted(offsets)

        def find(doc, text, a, b):
            use = all_scans
            near = None
            if guard is not None:
                found = guard.occurrences(doc, max(0, a - reach), b)
                if not found:
                    return
                # only the scans and entries one of whose literals is there: an entry whose
                # literals are all missing cannot match
                present = {w for _, _, w in found}
                live = {i for i, words in enumerate(needs) if not words.isdisjoint(present)}
                if scans is not None:
                    use = _scan_entries(live)
                    near = _near(found, live, a, b)
            if scans is not None:
                pos = a
                if near is None:
                    starts = [(m.start(), tried) for scan, tried in use for m in scan.finditer(text, a, b)]
                else:           # the scans tried only near the literals, not over the whole region
                    starts = [(p, tried) for p in near for scan, tried in use if scan.match(text, p, b)]
                # positions are distinct (one scan per first character), so the sort never
                # compares the entries
                for p, tried in sorted(starts):
                    hit = first_at(text, p, b, tried) if p >= pos else None
                    if hit is not None:
                        m, right, note = hit
                        yield m.start(), m.end(), m.expand(right), note
                        pos = max(m.end(), p + 1)
                return
            if combined is None:
                hits = sorted(((m.start(), m.end(), i, m) for i, (rx, _, _) in enumerate(compiled)
                               for m in rx.finditer(text, a, b)), key=lambda h: (h[0], h[2]))
                last = a
                for s, e, i, m in hits:
                    if s < last:
                        continue
                    last = max(e, s + 1)
                    yield s, e, m.expand(compiled[i][1]), compiled[i][2]
                return
            pos = a
            while pos <= b:
                c = combined.search(text, pos, b)
                if c is None:
                    return
                p = c.start()
                hit = first_at(text, p, b)
                if hit is not None:
                    m, right, note = hit
                    yield m.start(), m.end(), m.expand(right), note
                    pos = max(m.end(), p + 1)
                else:
                    pos = p + 1

    def check(doc, ctx):
        text = doc.masked
        for a, b in _regions(doc, scopes):
            for s, e, right, note in find(doc, text, a, b):
                if e == s or (exceptions and exceptions.covers(text, s, e)):
                    continue
                found = doc.text[s:e]
                span = Span(s, e)
                msg = _format(template, match=found, replacement=right, note=note)
                yield ctx.report(span, msg, fix=_fix_for(meta, span, right, f"改为“{right}”"))
    return check


# --- existence -------------------------------------------------------------------------------
def existence(rule: dict, meta: RuleMeta, scanner: Optional[SharedScanner] = None) -> Callable:
    tokens = _str_list(rule.get("tokens"), "tokens")
    mode = rule.get("match", "literal")
    if mode == "regex":
        pattern = _user_re.compile("|".join(f"(?:{_user_compile(t, 'tokens').pattern})" for t in tokens))
    elif mode == "literal":
        pattern = (scanner or SharedScanner()).add(tokens)
    else:
        raise ValueError(f"“match”应为 literal 或 regex，实际为 {mode!r}")
    scopes = _scopes(rule)
    exceptions = _exceptions(rule)
    template = _template(rule)

    def spans(doc, text, a, b):
        if mode == "literal":
            return ((s, e) for s, e, _ in pattern.finditer(doc, a, b))
        return (m.span() for m in pattern.finditer(text, a, b))

    def check(doc, ctx):
        text = doc.masked
        for a, b in _regions(doc, scopes):
            for s, e in spans(doc, text, a, b):
                if e == s or (exceptions and exceptions.covers(text, s, e)):
                    continue
                yield ctx.report(Span(s, e), _format(template, match=doc.text[s:e]))
    return check


# --- consistency -----------------------------------------------------------------------------
def _groups(rule: dict) -> list[tuple[list[str], str]]:
    groups = rule.get("either")
    if not isinstance(groups, list) or not groups:
        raise ValueError("consistency 规则需要“either”= [[甲, 乙], …]")
    out = []
    for g in groups:
        note = ""
        if isinstance(g, dict):
            if set(g) - {"forms", "note"} or not isinstance(g.get("note", ""), str):
                raise ValueError(f"“either”的表只能有 forms 和 note：{g!r}")
            note, g = g.get("note", ""), g.get("forms")
        if not (isinstance(g, list) and len(g) >= 2 and all(isinstance(x, str) and x for x in g)) \
                or len(set(g)) != len(g):
            raise ValueError(f"“either”的每一组应为至少两个不同的字符串：{g!r}")
        out.append((g, note))
    return out


def consistency(rule: dict, meta: RuleMeta, scanner: Optional[SharedScanner] = None) -> Callable:
    groups = _groups(rule)
    prefer = rule.get("prefer", "majority")
    if prefer not in ("majority", "first"):
        raise ValueError(f"“prefer”应为 majority 或 first，实际为 {prefer!r}")
    group_of: dict[str, int] = {}
    for i, (forms, _) in enumerate(groups):
        for f in forms:
            if f in group_of:
                raise ValueError(f"“either”中“{f}”出现在两组里")
            group_of[f] = i
    matcher = (scanner or SharedScanner()).add(group_of)
    scopes = _scopes(rule)
    exceptions = _exceptions(rule)
    template = _template(rule)

    def check(doc, ctx):
        text = doc.masked
        hits: dict[int, list[tuple[str, int, int]]] = {}
        for a, b in _regions(doc, scopes):
            for s, e, form in matcher.finditer(doc, a, b):
                if exceptions and exceptions.covers(text, s, e):
                    continue
                hits.setdefault(group_of[form], []).append((form, s, e))
        for gi, occ in sorted(hits.items()):
            counts = Counter(h[0] for h in occ)
            if len(counts) < 2:
                continue
            order = list(dict.fromkeys(h[0] for h in occ))        # forms in order of first use
            if prefer == "first":
                preferred = order[0]
            else:
                best = max(counts.values())
                preferred = next(f for f in order if counts[f] == best)   # a tie: first used wins
            first_pref = next(h for h in occ if h[0] == preferred)
            related = (Related(Span(first_pref[1], first_pref[2]), f"本文写作“{preferred}”（{counts[preferred]} 处）"),)
            note = groups[gi][1]
            for form, s, e in occ:
                if form == preferred:
                    continue
                span = Span(s, e)
                msg = _format(template, found=form, other=preferred, preferred=preferred,
                              count_found=counts[form], count_other=counts[preferred], note=note)
                yield ctx.report(span, msg, fix=_fix_for(meta, span, preferred, f"统一为“{preferred}”"),
                                 related=related)
    return check


# --- occurrence ------------------------------------------------------------------------------
def occurrence(rule: dict, meta: RuleMeta, scanner: Optional[SharedScanner] = None) -> Callable:
    token = rule.get("token")
    if not isinstance(token, str) or not token:
        raise ValueError("occurrence 规则需要“token”（正则表达式）")
    pattern = _user_compile(token, "token")
    mx, mn = rule.get("max"), rule.get("min")
    for key, v in (("max", mx), ("min", mn)):
        if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 0):
            raise ValueError(f"“{key}”应为非负整数，实际为 {v!r}")
    if mx is None and mn is None:
        raise ValueError("occurrence 规则需要“max”或“min”")
    scopes = _scopes(rule)
    template = _template(rule)

    def check(doc, ctx):
        text = doc.masked
        for a, b in _regions(doc, scopes):
            found = [m for m in pattern.finditer(text, a, b) if m.end() > m.start()]
            n = len(found)
            msg = _format(template, count=n, max=mx, min=mn)
            whole = "text" not in scopes
            if mx is not None and n > mx:
                # a title or heading is reported whole; in running text, from the first excess one
                span = Span(a, b) if whole else Span(found[mx].start(), found[-1].end())
                yield ctx.report(span, msg)
            elif mn is not None and n < mn:
                yield ctx.report(Span(a, b) if whole else Span(a, min(b, a + 1)), msg)
    return check


# --- sequence --------------------------------------------------------------------------------
def sequence(rule: dict, meta: RuleMeta, scanner: Optional[SharedScanner] = None) -> Callable:
    steps = rule.get("steps")
    if not isinstance(steps, list) or len(steps) < 2:
        raise ValueError("sequence 规则需要至少两步“steps”= [{pattern = …}, {pattern = …, max-gap = N}]")
    compiled = []
    for st in steps:
        if not isinstance(st, dict) or "pattern" not in st or set(st) - {"pattern", "max-gap"}:
            raise ValueError(f"“steps”的每一步应为 {{pattern, max-gap}}：{st!r}")
        gap = st.get("max-gap", 30)
        if not isinstance(gap, int) or isinstance(gap, bool) or gap < 0:
            raise ValueError(f"“max-gap”应为非负整数，实际为 {gap!r}")
        if not isinstance(st["pattern"], str) or not st["pattern"]:
            raise ValueError(f"“steps”的 pattern 应为非空字符串：{st!r}")
        compiled.append((_user_compile(st["pattern"], "steps.pattern"), gap))
    scopes = _scopes(rule)
    exceptions = _exceptions(rule)
    template = _template(rule)
    first = compiled[0][0]

    def check(doc, ctx):
        text = doc.masked
        for a, b in _regions(doc, scopes):
            reported_to = a
            for m in first.finditer(text, a, b):
                if m.start() < reported_to or m.end() == m.start():
                    continue
                stop = SENTENCE_END.search(text, m.end(), b)
                stop = stop.start() if stop else b
                end = m.end()
                for rx, gap in compiled[1:]:
                    nxt = rx.search(text, end, stop)
                    if nxt is None or nxt.start() - end > gap:
                        break
                    end = nxt.end()
                else:
                    if exceptions and exceptions.covers(text, m.start(), end):
                        continue
                    reported_to = end
                    yield ctx.report(Span(m.start(), end), _format(template, match=doc.text[m.start():end]))
    return check


# --- ordered lists ---------------------------------------------------------------------------
def _member_follows(members, sep: str) -> str:
    """What follows a separator where a member starts: at most separators the next character is
    no member's first, which a class rules out without entering a look-around. The class
    consumes that character only when no separator can be one (the scans' matches must not hide
    another separator)."""
    firsts = {x[0] for x in members}
    if not firsts.isdisjoint(sep):
        return f"(?={literal_pattern(members)})"
    return at_char(char_class(firsts), f"(?:{trie_pattern(members)})")


def ordered(rule: dict, meta: RuleMeta, scanner: Optional[SharedScanner] = None) -> Callable:
    lists = rule.get("lists")
    if not isinstance(lists, list) or not lists:
        raise ValueError("ordered 规则需要“lists”= [[第一项, 第二项, …], …]")
    sep = rule.get("separators", "、，,")
    if not isinstance(sep, str) or not sep:
        raise ValueError(f"“separators”应为非空字符串，实际为 {sep!r}")
    compiled: list[tuple[list[str], int]] = []
    member_of: dict[str, list[int]] = {}
    for items in lists:
        least = 2
        if isinstance(items, dict):   # { items = [...], min = 3 }: check runs of at least 3 members
            if set(items) - {"items", "min"} or not isinstance(items.get("min", 2), int) or items.get("min", 2) < 2:
                raise ValueError(f"“lists”的表只能有 items 和 min（不小于 2 的整数）：{items!r}")
            least, items = items.get("min", 2), items.get("items")
        if not (isinstance(items, list) and len(items) >= 2 and all(isinstance(x, str) and x for x in items)) \
                or len(set(items)) != len(items):
            raise ValueError(f"“lists”的每一组应为至少两个不同的字符串：{items!r}")
        for x in items:
            member_of.setdefault(x, []).append(len(compiled))
        compiled.append((items, least))
    # The members are common words (创新, 经济建设 …); a run needs a separator between two of
    # them, so the scan looks for separators followed by a member and looks back for another.
    trie = literal_pattern(member_of)
    # a pattern per separator: `re` finds a literal several times faster than a member of a class
    follows = _member_follows(member_of, sep)
    after_sep = tuple(re.compile(re.escape(c) + follows) for c in dict.fromkeys(sep))
    member_at = re.compile(trie)
    member_before = re.compile(f"(?:{trie})$")
    longest = max(len(x) for x in member_of)
    scopes = _scopes(rule)
    template = _template(rule)

    def runs(doc, text, a, b):
        """Chains of members written one after another with a separator between them."""
        chain: list = []
        for p in sorted(m.start() for rx in after_sep for m in rx.finditer(text, a, b)):
            nxt = member_at.match(text, p + 1, b)
            if chain and chain[-1][1] == p:
                chain.append((p + 1, nxt.end(), nxt.group()))
                continue
            if len(chain) > 1:
                yield chain
            prev = member_before.search(text, max(a, p - longest), p)
            chain = [(prev.start(), p, prev.group()), (p + 1, nxt.end(), nxt.group())] if prev else []
        if len(chain) > 1:
            yield chain

    def check(doc, ctx):
        text = doc.masked
        for a, b in _regions(doc, scopes):
            for chain in runs(doc, text, a, b):
                for li, (items, least) in enumerate(compiled):
                    run: list = []
                    for hit in chain + [None]:
                        member = hit is not None and li in member_of[hit[2]]
                        if member and all(h[2] != hit[2] for h in run):
                            run.append(hit)
                            continue
                        # a non-member, or a member named again, ends the run
                        if len(run) >= least:
                            yield from _check_run(doc, ctx, items, run)
                        run = [hit] if member else []
    def _check_run(doc, ctx, items, run):
        found = [h[2] for h in run]
        order = [items.index(x) for x in found]
        if order == sorted(order) and len(set(order)) == len(order):
            return
        present = sorted(set(found), key=items.index)
        expected = "、".join(present)
        span = Span(run[0][0], run[-1][1])
        piece = doc.text[span.start:span.end]
        fix = None
        if len(found) == len(present) and "，" not in piece and "," not in piece:
            fix = _fix_for(meta, span, expected, f"改为“{expected}”")
        yield ctx.report(span, _format(template, match=piece, expected=expected, full="、".join(items)), fix=fix)
    return check


KINDS: dict[str, Callable[..., Callable]] = {
    "substitution": substitution, "existence": existence, "consistency": consistency,
    "occurrence": occurrence, "sequence": sequence, "ordered": ordered,
}
#: keys each kind adds to the common ones (see loader.COMMON_KEYS)
KIND_KEYS: dict[str, set[str]] = {
    "substitution": {"swap", "match", "exceptions"},
    "existence": {"tokens", "match", "exceptions"},
    "consistency": {"either", "prefer", "exceptions"},
    "occurrence": {"token", "max", "min"},
    "sequence": {"steps", "exceptions"},
    "ordered": {"lists", "separators"},
}
#: keys whose entries a user pack may add to a built-in rule with [[extend]]
EXTENDABLE: dict[str, tuple[str, ...]] = {
    "substitution": ("swap", "exceptions"),
    "existence": ("tokens", "exceptions"),
    "consistency": ("either", "exceptions"),
    "occurrence": (),
    "sequence": ("exceptions",),
    "ordered": ("lists",),
}
