"""PU: punctuation in Chinese text, per GB/T 15834-2011.

Each check is one regular-expression scan over ``doc.masked``; a match is kept only when
it sits in Chinese text (a Han character or full-width mark beside it) and outside URLs,
e-mail addresses, decimals, clock times and quoted English.

Every pattern starts with a literal or a character class, so that ``re`` skips ordinary text
quickly (a pattern starting with a look-around or an alternation is tried at every position);
what must stand before that first character is checked by a look-behind after it. A literal is
found several times faster than a member of a class, and a class of the Han characters costs
about a millisecond to compile wherever it occurs: rare marks (--, blanks) are found literally
and their Chinese neighbours checked in Python.
"""
from __future__ import annotations

import re
import sys
from functools import lru_cache
from itertools import repeat
from bisect import bisect_left
from operator import attrgetter, methodcaller

from gwlint.linter.model import Applicability, Edit, Example, Fix, FixAvailability, Span
from gwlint.linter.rule import checker, meta
from gwlint.linter.search import char_offsets, finditer_from
from gwlint.linter.structure import breaks_into_next

from .numbers import heading_ordinal_positions

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
FW_PUNCT = "，。、；：？！“”‘’（）《》〈〉【】〔〕……——"
_HAN_RE = re.compile(f"[{HAN}]")
_STD = "GB/T 15834-2011"
_START = methodcaller("start")
_SPAN = methodcaller("span")
_STYLE = attrgetter("style")        # of a Heading


def _is_han(ch: str) -> bool:
    """Is ch (one character, or "") in HAN? Comparisons, not a regex call: asked per finding."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf" or "\uf900" <= ch <= "\ufaff"


def _is_cjk(ch: str) -> bool:
    return ch != "" and (ch in FW_PUNCT or _is_han(ch))


def _prev_char(text: str, i: int, skip_space: bool = True) -> str:
    i -= 1
    while skip_space and i >= 0 and text[i] in " \u00a0":
        i -= 1
    return text[i] if i >= 0 else ""


def _next_char(text: str, i: int, skip_space: bool = True) -> str:
    while skip_space and i < len(text) and text[i] in " \u00a0":
        i += 1
    return text[i] if i < len(text) else ""


# A mark with a Han character or a blank beside it is what _halfwidth looks at more closely.
# The marks are found by str.find per mark (memchr: a scan by ``re`` from each mark's first
# occurrence cost ~10 instructions a character, and stopped at every mark anyway).
_HALF_MARKS = ",;:?!."
_BLANK_SET = frozenset(" \u00a0")      # the blanks beside a mark that _halfwidth looks past
_FULL = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", ".": "。"}
_HALF_CODE = {",": "PU001", "?": "PU001", "!": "PU001", ".": "PU001", ":": "PU002", ";": "PU003"}
_NAMES = {",": "逗号", ";": "分号", ":": "冒号", "?": "问号", "!": "叹号", ".": "句号"}
# per mark: code, message, full-width mark, fix title (built once, not per finding)
_HALF_REPORT = {mark: (_HALF_CODE[mark], f"汉字旁用了半角{_NAMES[mark]}“{mark}”，应为全角“{full}”", full,
                       f"改为“{full}”") for mark, full in _FULL.items()}


_QUOTED = re.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"")
# _QUOTED for a line with one kind of quotation (most): a literal start, found far faster than
# the class of the two marks that starts _QUOTED
_CURLY_QUOTED, _STRAIGHT_QUOTED = re.compile(r"“([^“”\n]*)”"), re.compile(r"\"([^\"\n]*)\"")
_LATIN = re.compile("[A-Za-z]")           # ch.isascii() and ch.isalpha()


def _english_quotes(text: str, start: int, end: int,
                    quoted: re.Pattern = _QUOTED) -> tuple[list[int], list[int]]:
    """Starts and ends of the “…” or "…" in text[start:end] whose content is mostly Latin (they
    do not overlap, so both lists are sorted); ``quoted``: _QUOTED or, for a line with one kind
    of quotation, its pattern."""
    starts, ends = [], []
    for m in quoted.finditer(text, start, end):
        inner = m.group(m.lastindex)
        if not _LATIN.search(inner):
            continue                            # no Latin letter: not English (most quotes)
        if len(_LATIN.findall(inner)) > len(_HAN_RE.findall(inner)):
            starts.append(m.start())
            ends.append(m.end())
    return starts, ends


def _in_english_quote(text: str, line: list, i: int) -> bool:
    """Is i inside quoted English (which keeps its own marks)? A quotation never spans a line
    break, so only the line of i is read, when first asked about (asked in text order: the
    last line read is kept in ``line``: start, end, quotes of that line)."""
    if not line[0] <= i < line[1]:
        start = text.rfind("\n", line[1] if line[1] <= i else 0, i) + 1
        end = text.find("\n", i)
        end = len(text) if end < 0 else end
        curly, straight = text.find("“", start, end) >= 0, text.find('"', start, end) >= 0
        if not (curly or straight):
            line[:] = [start, end, [], []]      # no quotation in the line (most lines)
        else:
            quoted = _QUOTED if curly and straight else _CURLY_QUOTED if curly else _STRAIGHT_QUOTED
            line[:] = [start, end, *_english_quotes(text, start, end, quoted)]
    starts, ends = line[2], line[3]
    k = bisect_left(starts, i) - 1          # the last quote opened before i
    return k >= 0 and i < ends[k]


def _halfwidth(doc):
    text = doc.masked
    n = len(text)
    is_protected = doc.is_protected if doc.protected else None
    quotes = [0, 0, [], []]                     # the line _in_english_quote read last
    for s in char_offsets(text, _HALF_MARKS):
        mark = text[s]
        before = text[s - 1] if s else ""
        after = text[s + 1] if s + 1 < n else ""
        if before < "\x80" and after < "\x80" and before != " " and after != " ":
            continue                            # ASCII both sides, no blank: 2.6, 14:30, file.docx
        if before in _BLANK_SET or after in _BLANK_SET:
            end = s + 2 if after == " " else s + 1
            # the characters beside, past blanks (_prev_char and _next_char only for a blank)
            if before in _BLANK_SET:
                before = _prev_char(text, s)
            if after in _BLANK_SET:
                after = _next_char(text, s + 1)
            if before.isdigit() and after.isdigit():
                continue                               # 2.6, 14:30, 1,024
            han_before = _is_han(before)
        else:
            # no blank beside (most marks): a Han character beside, so not two digits either
            han_before = _is_han(before)
            if not (han_before or _is_han(after)):
                continue
            end = s + 1
        if mark == ".":
            if not (han_before and (after in ("", "\n", "\r") or _is_han(after))):
                continue                               # 1. ordinals, file.docx, e.g.
        elif not (han_before or _is_han(after)):
            continue
        if (is_protected and is_protected(s, s + 1)) or _in_english_quote(text, quotes, s):
            continue
        if mark == ":" and text.startswith("//", s + 1):
            continue
        yield mark, Span(s, end)


_PARENS = re.compile(r"\(([^()\n]{0,80})\)")
_STRAIGHT = re.compile(r"\"([^\"\n]{1,120})\"")
_PAIRS = {"“": "”", "‘": "’", "《": "》", "〈": "〉", "（": "）", "【": "】", "〔": "〕"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
_MARKS = "".join(_PAIRS) + "".join(_CLOSERS)
# a pair with no other mark (and no line break) inside, or a single mark; every alternative
# starts with a literal, so that `re` scans for the marks with one character class
_MARK_OR_PAIR = re.compile("|".join([f"{o}[^{_MARKS}\\r\\n]*{c}" for o, c in _PAIRS.items()] + list(_MARKS)))
_DIGITS = "0123456789０１２３４５６７８９"
# one pattern per form or per mark (for a literal start): they are runs of different characters,
# so their matches never overlap
_ELLIPSES = tuple(re.compile(p) for p in (r"\.\.\.\.*", "……*"))
_DOUBLED = tuple(re.compile(f"{c}{c}(?!{c})") for c in "；：")
_DOUBLED_DUNHAO = re.compile("、、(?!、)")       # from the first 、、 (_DUNHAO_LEADS)
# runs of two or more of these common marks: a run of three or more is an ellipsis (as
# "，，，，*" would match it), and its last two are a doubled mark (as "，，(?!，)" would): one scan
_MARK_RUNS = tuple(re.compile(f"{c}{c}+") for c in "，。")
_DASHES = tuple(re.compile(d + d) for d in "-－")          # kept between Chinese (_between)
# 顿号 between quoted/titled items; a comma only between short quoted items (a list, not two sentences)
# The comma (group 2 of _COMMA_BETWEEN_QUOTED) is only a list when the items look parallel (see
# _parallel_quoted); otherwise the comma ends a clause: 聚焦“学懂”，“深化于学”悟原理.
# One pattern per first character, for a literal start (a class of the three marks costs ten
# times as much to scan for); _between_quoted merges them as one alternation would.
_DUNHAO_BETWEEN_QUOTED = (re.compile("”(、)[“《]"), re.compile("》(、)[“《]"))
_COMMA_BETWEEN_QUOTED = re.compile(r"“([^“”\n]{1,8})”(，)“([^“”\n]{1,8})”")
_BETWEEN_QUOTED = (*_DUNHAO_BETWEEN_QUOTED, _COMMA_BETWEEN_QUOTED)
# what every match of each contains (”、 》、 ”，“), and how far before it the match may start (a
# comma match: “, one to eight characters, then ”，“)
_BETWEEN_QUOTED_BACK = (0, 0, 9)


_DOC_NUMBER_TAIL = re.compile(r"\d+号")


def _parallel_quoted(m, text: str) -> bool:
    """“一人一策”，“一人一专班”的原则: two quoted items that start alike and together form one
    noun phrase (followed by 的 or 等), not two clauses (坚持“两手抓”，“两手都要硬”。)."""
    first, second = m.group(1), m.group(3)
    return first[0] == second[0] and text.startswith(("的", "等"), m.end())


def _between_quoted(text: str):
    """The matches of the _BETWEEN_QUOTED patterns, as finditer over their alternation would
    give them: the leftmost match, then the leftmost from its end, and so on (no two patterns
    start with the same character, so no two match at the same place). Each is first looked
    for from its first lead, a literal that str.find finds faster than ``re`` (most documents
    have none)."""
    dunhao, comma = _first_leads(text, _CLOSING_QUOTE_LEADS)
    firsts = (dunhao, _find_lead(text, "》、"), comma)
    found = [p.search(text, max(i - back, 0)) if i >= 0 else None
             for p, i, back in zip(_BETWEEN_QUOTED, firsts, _BETWEEN_QUOTED_BACK)]
    while True:
        m = min(filter(None, found), key=_START, default=None)
        if m is None:
            return
        yield m
        end = m.end()
        found = [n if n is None or n.start() >= end else p.search(text, end)
                 for p, n in zip(_BETWEEN_QUOTED, found)]


_DUNHAO_DENG = re.compile(r"、(?=等(?:等)?(?:[。，；！？）)]|方面|工作|问题|部门|单位|领域|行业|内容|措施|形式|情况|活动|项目|地区))|、(?=以及)")


def _dunhao_deng(text: str, deng: int, yiji: int):
    """_DUNHAO_DENG.finditer(text), from the first 、等 or 、以及 (``deng``, ``yiji``: their first
    offsets, -1 for none; ``re`` would try the look-aheads at every 、, and most documents have
    neither)."""
    found = [i for i in (deng, yiji) if i >= 0]
    return _DUNHAO_DENG.finditer(text, min(found)) if found else ()
# a run of blanks, from its first blank: one pattern per blank, for a literal start (kept
# between Chinese characters by _between, so only the pattern of a run's first blank counts).
# The look-behinds drop in C the runs _between would drop for the character before: one after
# ASCII (a line start, English text) or inside a run of blanks (two of them: one class of ASCII
# and the two blanks is compiled to a bitmap of the whole BMP, several times slower).
_SPACES_INSIDE = tuple(re.compile(c + f"(?<=[^\\x00-\\x7f]{c})(?<![\u00a0\u3000]{c})[ \u00a0\u3000]*")
                       for c in " \u00a0\u3000")
# the line may end in LF, CRLF or a bare CR (drafts saved on Windows or old Macs)
_TRAILING = re.compile(rf"(?=[ \t\u00a0\u3000])(?<=[{HAN}{re.escape(FW_PUNCT)}0-9A-Za-z%])[ \t\u00a0\u3000]+"
                       r"(?=[\r\n]|\Z)")
_ASCII_INDENT = re.compile(rf" (?<![^\n] ) *(?=[{HAN}“《（])")     # spaces at a line start
_BLANKS = (" ", "\t", "\u00a0", "\u3000")
# a line break after a blank (a line end to look at for _TRAILING) or before a space (a line
# start for _ASCII_INDENT): one scan for both
_BLANK_LINE_EDGE = re.compile("\n(?:(?<=[ \t\u00a0\u3000]\n)|(?= ))")
_BLANK_CR_END = re.compile("\r(?<=[ \t\u00a0\u3000]\r)")


def _line_edges(text: str) -> tuple[list[re.Match], list[re.Match]]:
    """The matches of _TRAILING and of _ASCII_INDENT, found from the line breaks after a blank
    or before a space (a literal scan; blanks are common at line starts): a blank run that ends
    a line can only match from its start, and an indent starts a line."""
    ends, indents = [], [0] if text.startswith(" ") else []
    for m in _BLANK_LINE_EDGE.finditer(text):
        e = m.start()
        if e and text[e - 1] in _BLANKS:
            ends.append(e)
        if text.startswith(" ", e + 1):
            indents.append(e + 1)
    if "\r" in text:                     # CRLF or CR line ends: a separate literal scan
        ends = sorted(ends + [m.start() for m in _BLANK_CR_END.finditer(text)])
    if text.endswith(_BLANKS):
        ends.append(len(text))
    trailing = []
    for e in ends:
        s = e
        while s and text[s - 1] in _BLANKS:
            s -= 1
        m = _TRAILING.match(text, s)
        if m:
            trailing.append(m)
    return trailing, [m for m in map(_ASCII_INDENT.match, repeat(text), indents) if m]


# what every match of each pattern given to _in_order starts with
_LEAD = {**dict(zip(_ELLIPSES, ("...", "…"))), **{p: p.pattern[:2] for p in (*_DOUBLED, *_DASHES)},
         **{p: p.pattern[0] for p in _SPACES_INSIDE}}


# first characters of leads that stand a few times in a document at most: the lead is looked
# for at each of them, up to _MAX_HOPS of them (the marks ， 。 、 ； ： ” . stand dozens or
# hundreds of times: stepping over them in Python costs more than str.find of the whole lead)
_RARE_FIRST = frozenset("-－》")
_MAX_HOPS = 16


def _find_lead(text: str, lead: str) -> int:
    """text.find(lead), its first character looked for first: str.find finds one character
    (memchr) about ten times faster than two, and then finds two only from there (and not at
    all for the rare characters of some leads: --, －－, 》、, whose few occurrences are
    looked at one by one)."""
    c = lead[0]
    i = text.find(c)
    if i < 0 or len(lead) == 1:
        return i
    if c in _RARE_FIRST:
        for _ in range(_MAX_HOPS):
            if text.startswith(lead, i):
                return i
            i = text.find(c, i + 1)
            if i < 0:
                return i
    return text.find(lead, i)


class _LeadGroup:
    """Leads that start with the same common character (、、 、等 、以及): one regex search for
    their alternation finds the first of them, where a str.find per lead would read the
    whole text again for each (most documents have none of them)."""

    def __init__(self, *leads: str):
        self.leads = leads
        self.together = re.compile("|".join(map(re.escape, leads)))


_CLOSING_QUOTE_LEADS = _LeadGroup("”、", "”，“")
_DUNHAO_LEADS = _LeadGroup("、、", "、等", "、以及")


def _first_leads(text: str, group: _LeadGroup) -> list[int]:
    """[text.find(lead) for lead in group.leads]: the first lead found by one search, the
    others looked for from there (they share their first character, and none is the start
    of another, so the match is one of them)."""
    i = text.find(group.leads[0][0])
    m = group.together.search(text, i) if i >= 0 else None
    if m is None:
        return [-1] * len(group.leads)
    i, first = m.start(), m.group()
    return [i if lead == first else text.find(lead, i) for lead in group.leads]


def _from_lead(p, text: str, lead: str):
    """p.finditer(text) for a pattern whose every match starts with ``lead``: scanned from the
    first ``lead`` (found by str.find, far faster than ``re``), or not at all when none is."""
    i = _find_lead(text, lead)
    return p.finditer(text, i) if i >= 0 else ()


def _in_order(patterns, text):
    """The matches of patterns whose matches never overlap, in text order."""
    return sorted((m for p in patterns for m in _from_lead(p, text, _LEAD[p])), key=_START)


def _ellipses_and_doubled(text: str, dunhao: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(start, end) of the matches of the ellipsis patterns ("\\.\\.\\.\\.*", "。。。。*", "，，，，*",
    "……*") and of the doubled marks ("，，(?!，)" …), each in text order; ``dunhao``: the first
    offset of 、、 (-1 for none)."""
    ellipses = [m.span() for m in _in_order(_ELLIPSES, text)]
    doubled = [m.span() for m in _in_order(_DOUBLED, text)]
    if dunhao >= 0:
        doubled += [m.span() for m in _DOUBLED_DUNHAO.finditer(text, dunhao)]
    for p in _MARK_RUNS:
        for m in _from_lead(p, text, p.pattern[:2]):
            s, e = m.span()
            if e - s >= 3:
                ellipses.append((s, e))
            doubled.append((e - 2, e))
    ellipses.sort()
    doubled.sort()
    return ellipses, doubled


def _between(patterns, text, before, after):
    """The matches of patterns (see _in_order) with ``before`` true of the character before and
    ``after`` of the one after. Checked here, not by look-arounds in the patterns: a class of the
    Chinese characters costs milliseconds to compile in each pattern, and the matches are few."""
    n = len(text)
    for m in _in_order(patterns, text):
        s, e = m.span()
        if s and e < n and before(text[s - 1]) and after(text[e]):
            yield m


def _han_or_quote(ch: str) -> bool:
    return ch == "“" or _is_han(ch)


def _one_sided(text: str, i: int) -> bool:
    """Is the “）” at i the mark of a one-sided ordinal (“1）” “12）” at a clause start)?"""
    s = i - 1
    if s < 0 or text[s] not in _DIGITS:
        return False
    if s and text[s - 1] in _DIGITS:
        s -= 1
    return s == 0 or text[s - 1] in " \t\r\n，；。：、\u3000\ue000"


_DIGIT_CLOSER = re.compile("）(?<=[0-9０-９]）)")
_MARK_SET = frozenset(_MARKS)
# The same walk as _MARK_OR_PAIR.finditer, but a match goes on over ordinary text and pairs
# (in C) up to the next single mark, which is group 1: Python sees only the rare single marks,
# not every pair. The last matches are at the end of the text (an empty group 1).
# The loop can only stop at a mark or the end, where group 1 matches at once, so nothing is ever
# given back: the possessive quantifiers (Python 3.11+) only spare ``re`` keeping the places to
# go back to; on 3.10 plain ones give the same matches.
_POSSESSIVE = "+" if sys.version_info >= (3, 11) else ""


def _single_mark_pattern(possessive: str) -> re.Pattern:
    pairs = "|".join(f"{o}[^{_MARKS}\\r\\n]*{c}" for o, c in _PAIRS.items())
    return re.compile(f"(?:[^{_MARKS}]+{possessive}|{pairs})*{possessive}([{_MARKS}]|\\Z)")


_SINGLE_MARK = _single_mark_pattern(_POSSESSIVE)


_PAIR_BREAK = re.compile(f"[{_MARKS}\\r\\n]")         # what a pair cannot have inside
_PAIR_BREAKS = _MARK_SET | {"\r", "\n"}


# in ordinals or their styles joined by NULs: a closer that is the first break (mark or line
# break) of one, or an opener that is the last; only these can pair with a mark outside it
_OUTER_MARK = re.compile(f"(?:^|\\x00)[^{_MARKS}\\r\\n\\x00]*[{''.join(_CLOSERS)}]"
                         f"|[{''.join(_PAIRS)}][^{_MARKS}\\r\\n\\x00]*(?:\\x00|\\Z)")


def _pairs_half_in_ordinals(text: str, headings, ordinals: set[int]):
    """Starts of the pairs _MARK_OR_PAIR finds with one mark in a heading ordinal and the other
    not. A match starts at every opener, and it is a pair when the next mark (or line break) is
    its closer: so only a closer that is the first mark of an ordinal, or an opener that is the
    last, can pair with a mark outside (“（一）” needs no look). A heading's style is its
    ordinal with the number replaced, the same marks in the same order: one scan over the few
    styles finds those that can (most documents have none), and only their ordinals are read."""
    styles = set(map(_STYLE, headings))
    if not _OUTER_MARK.search("\x00".join(styles)):
        return
    outer = {style for style in styles if _OUTER_MARK.search(style)}
    for h in headings:
        if h.style not in outer:
            continue
        a, b = h.ordinal.start, h.ordinal.end
        breaks = [k for k in range(a, b) if text[k] in _PAIR_BREAKS]
        if not breaks:
            continue
        first, last = breaks[0], breaks[-1]
        if text[first] in _CLOSERS:
            k = first - 1
            while k >= 0 and text[k] not in _PAIR_BREAKS:
                k -= 1
            if k >= 0 and text[k] == _CLOSERS[text[first]] and k not in ordinals:
                yield k
        if text[last] in _PAIRS:
            m = _PAIR_BREAK.search(text, last + 1)
            if m and m.group() == _PAIRS[text[last]] and m.start() not in ordinals:
                yield last


def _lines_to_pair_up(doc) -> list[tuple[int, int]]:
    """(start, end) of the lines where _unbalanced_in_line can find something. Most marks stand
    in pairs with no mark inside, which match themselves: only lines with a mark outside such a
    pair, a pair with one mark in a heading ordinal, or a one-sided “1）” need a closer look."""
    text = doc.masked
    index = doc.index
    line_of = index.line_of
    ordinals = heading_ordinal_positions(doc)
    singles = [m.start(1) for m in _SINGLE_MARK.finditer(text)]
    while singles and singles[-1] == len(text):
        singles.pop()                           # the end of the text (matched once or twice)
    lines = set(map(line_of, singles))
    lines.update(map(line_of, _pairs_half_in_ordinals(text, doc.structure.headings, ordinals)))
    lines.update(line_of(m.start()) for m in _DIGIT_CLOSER.finditer(text) if _one_sided(text, m.start()))
    spans = []
    last = -1
    for line in sorted(lines):
        if line <= last:
            continue                            # already in the wrapped paragraph before
        last = line
        # on into the next line while the paragraph goes on there and that line has a mark of
        # its own to pair (a closer for an opener left open here)
        while last - line < _MAX_WRAPPED and last + 1 in lines and _wrapped(doc, last):
            last += 1
        spans.append((index.line_span(line, keepends=True)[0], index.line_span(last, keepends=True)[1]))
    return spans


# A paragraph hard-wrapped at a fixed width (copied from a PDF or a print preview) goes on in the
# next line: a pair of marks opened in one line and closed in the next is a pair.
_MAX_WRAPPED = 8


def _wrapped(doc, line: int) -> bool:
    """Does ``line`` go on in the next line, a text line (not a heading) that starts with a
    character or a closing mark?"""
    if not breaks_into_next(doc, line):
        return False
    kinds = doc.structure.line_kinds
    first = doc.masked[doc.index.line_starts[line + 1]]
    return (line + 1 >= len(kinds) or kinds[line + 1] == "text") and (_is_han(first) or first in "”’》）")


def _unbalanced(doc):
    """Unmatched opening or closing marks of a pair, per line (a line is a paragraph; a
    paragraph hard-wrapped over several lines is one)."""
    for start, end in _lines_to_pair_up(doc):
        yield from _unbalanced_in_line(doc, start, end)


def _unbalanced_in_line(doc, start: int, end: int):
    """Unmatched marks in the line text[start:end]."""
    text = doc.masked
    heading_ordinals = heading_ordinal_positions(doc)
    stack: list[tuple[str, int]] = []
    for m in _MARK_OR_PAIR.finditer(text, start, end):
        i, j = m.start(), m.end() - 1
        if j > i:                               # a pair with no mark inside: it matches itself
            if i not in heading_ordinals and j not in heading_ordinals \
                    and not (text[j] == "）" and _one_sided(text, j)):
                continue
            marks = (i, j)                      # unless a mark of it is skipped
        else:
            marks = (i,)
        for i in marks:
            ch = text[i]
            if i in heading_ordinals:
                continue
            if ch in _PAIRS:
                stack.append((ch, i))
                continue
            if ch == "）" and _one_sided(text, i):
                continue
            opener = _CLOSERS[ch]
            if stack and stack[-1][0] == opener:
                stack.pop()
                continue
            depth = next((k for k in range(len(stack) - 1, -1, -1) if stack[k][0] == opener), None)
            if depth is not None:
                for och, oi in stack[depth + 1:]:
                    yield och, Span(oi, oi + 1)
                del stack[depth:]
            else:
                yield ch, Span(i, i + 1)
    for och, oi in stack:
        yield och, Span(oi, oi + 1)


_M = dict(basis=_STD)

PU001 = meta("PU001", "halfwidth-punctuation", "中文中用了半角标点",
             what="检查汉字旁的半角逗号、句号、问号、叹号（“今天,我们”）；小数、时间、网址、邮箱和引用的英文不报告。",
             why="GB/T 15834-2011 规定中文行文使用全角标点；半角标点在公文排版中占位和字形都不对。",
             fix=FixAvailability.ALWAYS, fix_safety="替换为对应的全角标点，是安全修复。",
             examples=(Example(bad="经研究,现通知如下。", fixed="经研究，现通知如下。"),
                       Example(bad="必须给予充分肯定, 但我们更应该清醒地看到", fixed="必须给予充分肯定，但我们更应该清醒地看到"),
                       Example(good="增长9.6%，详见www.yunlan.gov.cn，主题为“Tea Connects the World, Green Leads”。")),
             basis=_STD + " 4.1—4.4（句号、问号、叹号、逗号的形式）")
PU002 = meta("PU002", "halfwidth-colon", "中文中用了半角冒号",
             what="检查汉字后的半角冒号（“主要做法:”“各科室:”）；时间“14:30”和网址不报告。",
             why="中文冒号为全角“：”（GB/T 15834-2011 4.7）。",
             fix=FixAvailability.ALWAYS, fix_safety="替换为全角冒号，是安全修复。",
             examples=(Example(bad="主要做法:一是坚持产业链招商。", fixed="主要做法：一是坚持产业链招商。"),
                       Example(good="会议于14:30开始。")),
             basis=_STD + " 4.7")
PU003 = meta("PU003", "halfwidth-semicolon", "中文中用了半角分号",
             what="检查汉字旁的半角分号。", why="中文分号为全角“；”（GB/T 15834-2011 4.6）。",
             fix=FixAvailability.ALWAYS, fix_safety="替换为全角分号，是安全修复。",
             examples=(Example(bad="学习12次;讲党课4次。", fixed="学习12次；讲党课4次。"),
                       Example(good="学习12次；讲党课4次。")),
             basis=_STD + " 4.6")
PU004 = meta("PU004", "halfwidth-parentheses", "中文中用了半角括号",
             what="检查中文中的半角括号“(…)”，报告整个括号段；段首序号“(一)”由 HD008 报告。",
             why="中文括号为全角“（）”（GB/T 15834-2011 4.9）。",
             fix=FixAvailability.ALWAYS, fix_safety="两个括号一起替换为全角，是安全修复。",
             examples=(Example(bad="在校学生和未成年人(含新生儿)等。", fixed="在校学生和未成年人（含新生儿）等。"),
                       Example(good="国内生产总值（GDP）增长5%。")),
             basis=_STD + " 4.9")
PU005 = meta("PU005", "straight-quotes", "中文中用了直引号",
             what="检查中文中的直引号 \"…\"（报告整个引号段）。",
             why="中文引号为弯引号“”（GB/T 15834-2011 4.8）。",
             fix=FixAvailability.ALWAYS, fix_safety="同一段中只有一对直引号时替换为“”是安全修复，否则需逐一确认。",
             examples=(Example(bad="要坚持\"打早、打小、打了\"的原则。", fixed="要坚持“打早、打小、打了”的原则。"),
                       Example(good="要坚持“打早、打小、打了”的原则。")),
             basis=_STD + " 4.8")
PU006 = meta("PU006", "unbalanced-pair", "成对符号不配对",
             what="检查同一段落中引号、书名号、括号（“” ‘’ 《》 〈〉 （） 【】 〔〕）是否成对，报告未配对的那一个。"
                  "从 PDF 等处复制、按固定宽度硬换行的段落（行尾不是句末标点，下一行不缩进、接着写）算作一段，"
                  "跨行的一对符号不报告。",
             why="缺失的后引号、后书名号会让读者弄错引用和标题的范围（GB/T 15834-2011 4.8、4.9、4.15）。",
             fix_safety="不提供自动修复：需要作者判断缺失的符号应补在哪里。",
             examples=(Example(bad="具体规则详见《2024年机关干部运动会竞赛规程，请各单位遵照执行。"),
                       Example(good="具体规则详见《2024年机关干部运动会竞赛规程》，请各单位遵照执行。")),
             basis=_STD + " 4.8、4.9、4.15")
PU008 = meta("PU008", "ellipsis-form", "省略号形式错误",
             what="检查用“...”“。。。”“……”以外形式写的省略号，以及单个“…”。",
             why="省略号为两个“…”相连的“……”，占两个字的位置（GB/T 15834-2011 4.11）。",
             fix=FixAvailability.ALWAYS, fix_safety="替换为“……”是安全修复。",
             examples=(Example(bad="护坡。。。对排查发现的隐患", fixed="护坡……对排查发现的隐患"),
                       Example(bad="野外烧烤...各类野外用火", fixed="野外烧烤……各类野外用火"),
                       Example(good="进机关、进社区……")),
             basis=_STD + " 4.11")
PU009 = meta("PU009", "dash-form", "破折号形式错误",
             what="检查用“--”“－－”代替的破折号。",
             why="破折号为两个一字线“——”（GB/T 15834-2011 4.10）。",
             fix=FixAvailability.ALWAYS, fix_safety="替换为“——”是安全修复。",
             examples=(Example(bad="这就是我们的目标--高质量发展。", fixed="这就是我们的目标——高质量发展。"),
                       Example(good="这就是我们的目标——高质量发展。")),
             basis=_STD + " 4.10")
PU010 = meta("PU010", "doubled-mark", "标点重复",
             what="检查连续重复的点号（“，，”“；；”“、、”“。。”）。",
             why="重复的点号是录入差错。",
             fix=FixAvailability.ALWAYS, fix_safety="删除重复的一个是安全修复。",
             examples=(Example(bad="完成全面排查，，排查范围包括教学楼。", fixed="完成全面排查，排查范围包括教学楼。"),
                       Example(good="完成全面排查，排查范围包括教学楼。")),
             basis=_STD + " 第4章（点号的用法）")
PU011 = meta("PU011", "mark-between-quoted-items", "引号或书名号并列成分间加了顿号",
             what="检查标有引号或书名号的并列成分之间的顿号（“一人一策”、“一人一专班”；《民法典》、《刑法》），"
                  "以及两个并列的引号成分合成一个名词短语时中间的逗号（“一人一策”，“一人一专班”的原则）；"
                  "逗号分开的是两个分句时（聚焦“学懂”，“深化于学”悟原理）不报告。",
             why="GB/T 15834-2011 4.5.3.5：标有引号的并列成分之间、标有书名号的并列成分之间通常不用顿号，"
                 "也不用逗号。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="删除顿号或逗号；有时标点有助于区分层次，需确认（不安全修复）。",
             examples=(Example(bad="学习《民法典》、《刑法》。", fixed="学习《民法典》《刑法》。"),
                       Example(bad="坚持“一人一策”，“一人一专班”的原则。", fixed="坚持“一人一策”“一人一专班”的原则。"),
                       Example(good="学习《民法典》《刑法》。"),
                       Example(good="聚焦“学懂”，“深化于学”悟原理。"),
                       Example(good="坚持“两手抓”，“两手都要硬”。")),
             basis=_STD + " 4.5.3.5")
PU012 = meta("PU012", "dunhao-before-deng", "“等”“以及”前用了顿号",
             what="检查列举末项与“等”“以及”之间的顿号（“水、电、气、等”“建设、以及”）；作动词的“等”（等政策、等资金）不报告。",
             why="GB/T 15834-2011 B.1.2：“等”“以及”之前不用顿号。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="删除顿号，需确认（不安全修复）。",
             examples=(Example(bad="党风廉政建设、以及工作推动落实", fixed="党风廉政建设以及工作推动落实"),
                       Example(good="不能等政策、等资金、等批示。")),
             basis=_STD + " B.1.2")
PU013 = meta("PU013", "stray-space", "多余的空格",
             what="检查汉字或全角标点之间的空格（半角空格、不换行空格、全角空格）、行尾空白，以及纯文本中用半角空格做的段首缩进；"
                  "段首的全角空格缩进不报告；版式用的空格（“第一条　”“第二章　”和行首日期之后、出席/列席名单、主题词、"
                  "标题下的署名行、括号里的记者或通讯员署名、标题、落款和日期行，以及整行只是用空格隔开的人名、单位名或字距拉开的短标题，"
                  "如“张　伟　李晓明　王　芳”“第一章　总　则”）不报告。",
             why="中文行文字间不加空格；多余空格多是复制粘贴留下的，会造成排版错位。",
             fix=FixAvailability.ALWAYS,
             fix_safety="删除字间半角空格和行尾空格是安全修复；字间的全角空格多为有意对齐，删除需确认；"
                        "“同志”“书记”等称谓前的空格可能是漏填的姓名，删除需确认；段首半角空格缩进的修复需确认。",
             examples=(Example(bad="坚持把 纪律挺在前面。", fixed="坚持把纪律挺在前面。"),
                       Example(good="\u3000\u3000坚持把纪律挺在前面。"),
                       Example(good="第一条\u3000为加强管理，制定本办法。"),
                       Example(good="出席：张三丰\u3000王\u3000强\u3000李四光"),
                       Example(good="会议决定，对以下同志予以表彰：\n傅标兵 陈宝清 华维升 陈旭山 傅金良\n"),
                       Example(good="本报讯（通讯员 王明 李华）近日，县政府召开常务会议。"),
                       Example(good="第一章\u3000\u3000总\u3000\u3000则\n第一条\u3000为规范管理，制定本办法。")),
             basis="中文排版惯例；" + _STD + " 第5章（标点符号的位置和书写形式）")
PU014 = meta("PU014", "title-ending-mark", "标题末尾有标点",
             what="检查公文标题末尾的句号、逗号等点号。",
             why="公文标题末尾不用标点（GB/T 15834-2011 B.4；GB/T 9704-2012 7.3.1）。",
             fix=FixAvailability.ALWAYS, fix_applicability=Applicability.UNSAFE,
             fix_safety="删除末尾标点，需确认（不安全修复）。",
             examples=(Example(bad="关于做好防汛工作的通知。", fixed="关于做好防汛工作的通知"),
                       Example(good="关于做好防汛工作的通知")),
             basis=_STD + " B.4；GB/T 9704-2012 7.3.1")



@checker(PU001, PU002, PU003, PU004, PU005, PU006, PU008, PU009, PU010, PU011, PU012, PU013, PU014)
def punctuation(doc, ctx):
    text = doc.masked
    orig = doc.text
    heading_ords = heading_ordinal_positions(doc)

    def in_ordinal(span):
        return span.start in heading_ords

    for mark, span in _halfwidth(doc):
        if span.start in heading_ords:
            continue
        code, message, full, title = _HALF_REPORT[mark]
        yield ctx.report(span, message, code=code, fix=Fix.replace(span, full, title))
    for m in finditer_from(_PARENS, text, "("):
        span = Span(m.start(), m.end())
        if in_ordinal(span) or doc.is_protected(m.start(), m.end()):
            continue
        inner = m.group(1)
        if len(inner) == 4 and inner.isdigit() and _DOC_NUMBER_TAIL.match(text, m.end()):
            continue        # (2020)53号: a 发文字号, NU008 gives the right brackets 〔2020〕
        before = _prev_char(text, m.start(), False)
        if not (_HAN_RE.search(inner) or _is_han(before)):
            continue
        if re.fullmatch(r"[0-9０-９一二三四五六七八九十]{1,3}", inner) and \
                (m.start() == 0 or text[m.start() - 1] in "\n\r\ue000 \u3000"):
            continue
        fix = Fix(title="改为全角括号", edits=(Edit(Span(m.start(), m.start() + 1), "（"),
                                             Edit(Span(m.end() - 1, m.end()), "）")))
        yield ctx.report(span, "中文中用了半角括号，应为全角“（）”", code="PU004", fix=fix)
    for m in finditer_from(_STRAIGHT, text, '"'):
        inner = m.group(1)
        if not _HAN_RE.search(inner) and not _is_han(_prev_char(text, m.start(), False)):
            continue
        line = doc.index.line_of(m.start())
        a, b = doc.index.line_span(line)
        safe = text.count('"', a, b) == 2
        fix = Fix(title="改为弯引号“”", edits=(Edit(Span(m.start(), m.start() + 1), "“"),
                                              Edit(Span(m.end() - 1, m.end()), "”")),
                  applicability=Applicability.SAFE if safe else Applicability.UNSAFE)
        yield ctx.report(Span(m.start(), m.end()), "中文中用了直引号，应为弯引号“”", code="PU005", fix=fix)
    for ch, span in _unbalanced(doc):
        kind = "前" if ch in _PAIRS else "后"
        other = _PAIRS.get(ch) or _CLOSERS.get(ch)
        yield ctx.report(span, f"“{ch}”没有配对的“{other}”（同一段中缺少{'后' if kind == '前' else '前'}一半）",
                         code="PU006")
    dunhao, deng, yiji = _first_leads(text, _DUNHAO_LEADS)
    ellipses, doubled = _ellipses_and_doubled(text, dunhao)
    for s, e in ellipses:
        group = text[s:e]
        if group[0] == "…" and len(group) % 2 == 0:
            continue                                    # …… (and ………… for a paragraph) are right
        before, after = _prev_char(text, s, False), _next_char(text, e, False)
        if group.startswith(".") and not (_is_cjk(before) or _is_cjk(after)):
            continue
        if group == "…" and not (_is_cjk(before) or _is_cjk(after)):
            continue
        span = Span(s, e)
        yield ctx.report(span, f"省略号应写作“……”，不应写作“{orig[s:e]}”", code="PU008",
                         fix=Fix.replace(span, "……", "改为“……”"))
    for s, e in doubled:
        yield ctx.report(Span(s, e), f"标点“{text[s]}”重复", code="PU010",
                         fix=Fix.replace(Span(s + 1, e), "", "删除重复的标点"))
    for m in _between(_DASHES, text, _is_han, _han_or_quote):
        span = Span(m.start(), m.end())
        yield ctx.report(span, f"破折号应写作“——”，不应写作“{orig[m.start():m.end()]}”", code="PU009",
                         fix=Fix.replace(span, "——", "改为“——”"))
    for m in _between_quoted(text):
        if m.re is _COMMA_BETWEEN_QUOTED:
            if not _parallel_quoted(m, text):
                continue
            span, mark = Span(m.start(2), m.end(2)), "逗号"
        else:
            span, mark = Span(m.start(1), m.end(1)), "顿号"
        yield ctx.report(span, f"标有引号或书名号的并列成分之间通常不用{mark}", code="PU011",
                         fix=Fix.replace(span, "", f"删除{mark}", Applicability.UNSAFE))
    for m in _dunhao_deng(text, deng, yiji):
        span = Span(m.start(), m.end())
        word = "以及" if text.startswith("以及", m.end()) else "等"
        yield ctx.report(span, f"“{word}”前不用顿号", code="PU012", fix=Fix.replace(span, "", "删除顿号", Applicability.UNSAFE))
    for m in _between(_SPACES_INSIDE, text, _is_cjk, _is_cjk):
        if doc.kind == "markdown" and "\ue000" in text[max(0, m.start() - 1):m.end() + 1]:
            continue
        if _layout_space(doc, text, m.start()):
            continue
        span = Span(m.start(), m.end())
        run = orig[m.start():m.end()]
        # a full-width space is usually deliberate alignment (names in a list, 落款): suggest only
        before_title = _TITLE_AFTER_SPACE.match(text, m.end()) is not None
        if m.start() and text[m.start() - 1] in _SENTENCE_ENDS:
            # after a sentence or a salutation, a space is most often a paragraph break the copy
            # lost: deleting it would weld two paragraphs, so the user decides
            yield ctx.report(span, f"句末之后多余的{_space_name(run)}：如果这里原是分段，应另起一段", code="PU013",
                             fix=Fix.replace(span, "", "删除空格", Applicability.UNSAFE))
            continue
        note = "（如果这里原应填写姓名，请补上）" if before_title else ""
        yield ctx.report(span, f"汉字之间多余的{_space_name(run)}{note}", code="PU013",
                         fix=Fix.replace(span, "", "删除空格",
                                         Applicability.UNSAFE if "\u3000" in run or before_title
                                         else Applicability.SAFE))
    trailing, indents = _line_edges(text)
    for m in trailing:
        span = Span(m.start(), m.end())
        yield ctx.report(span, f"行尾多余的{_space_name(orig[m.start():m.end()])}", code="PU013",
                         fix=Fix.replace(span, "", "删除行尾空格"))
    if doc.kind != "markdown":
        for m in indents:
            span = Span(m.start(), m.end())
            yield ctx.report(span, "用半角空格做段首缩进；缩进应由排版设置或使用两个全角空格", code="PU013",
                             fix=Fix.replace(span, "", "删除半角空格缩进", Applicability.UNSAFE))
    title = doc.structure.title
    if title is not None and title.end > title.start and text[title.end - 1] in "。，；：、.,;":
        span = Span(title.end - 1, title.end)
        yield ctx.report(span, f"标题末尾不用标点“{orig[span.start]}”", code="PU014",
                         fix=Fix.replace(span, "", "删除标题末尾的标点", Applicability.UNSAFE))


# Spaces that are layout, not slips: after an article or chapter label at the start of a line
# (第一条　为加强…, 第二章　总则), and in the name lists of minutes (出席：张三　王　强).
_LABEL_BEFORE_SPACE = re.compile(r"[ \t\u3000]*第[一二三四五六七八九十百零〇两0-9０-９]+[编章节条款部分]*\Z")
_NAME_LIST_LINE = re.compile(r"[ \t\u3000]*(?:出席|列席|参加|参会|与会|缺席|请假|记录|主持|抄送|分送|主题词)"
                             r"(?:人员|领导|单位|人)?[：:]")
# a date standing as its own field before the next one (2006年10月26日　财建〔2006〕689号)
_DATE_BEFORE_SPACE = re.compile(r"[ \t\u3000]*(?:\d{4}|[一二三四五六七八九〇零○]{4})年"
                                r"[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日\Z")
_LAYOUT_KINDS = frozenset({"title", "signature", "date"})
# marks that end a sentence or a salutation: a space after one is likely a lost paragraph break
_SENTENCE_ENDS = frozenset("。！？；：")
# a two-character label spaced out to line up with longer ones (电　话：, 地　址： under 联系人：)
_SPACED_LABEL = re.compile("[ \t\u3000]*[^\x00-\x7f\s][ \u3000]+[^\x00-\x7f\s][ \u3000]*[:：]")
# a line that is only words set apart by spaces, with no punctuation: a roster of names or
# units (张　伟　李晓明　王　芳), a letter-spaced heading (第一章　总　则, 通　知); short items,
# three or more of them, or two of one or two characters each, so that a phrase with one slip
# (加强 党的建设) is still reported
@lru_cache(maxsize=None)
def _spaced_items_pattern() -> re.Pattern:
    """Compiled on first use: a class of the Han characters costs milliseconds to compile."""
    return re.compile(r"[ \t\u3000]*[\u3400-\u9fff（）·]{1,15}(?:[ \t\u3000]+[\u3400-\u9fff（）·]{1,15})+[ \t\u3000]*")
# a news byline in brackets: names set apart by spaces after a credit label
# (文成新闻网讯（记者　赵礼锋　张玲）, 本报讯（通讯员 王明 李华）)
# (a name character is any non-ASCII character but blanks and marks: a class of the Han
# ranges costs ~15 M instructions to compile at import)
_NAME = r"[^\x00-\x7f\s\u3000、，。：；！？（）《》“”‘’【】]{1,4}"
_BRACKET_BYLINE = re.compile(r"[（(](?:特约|见习|实习)?(?:记者|通讯员|报道员|摄影|撰稿|编辑|责编|供稿|文/图|文／图|图/文|图／文)"
                             rf"[ \t\u3000:：]*{_NAME}(?:[ \t\u3000、]+{_NAME})*[ \t\u3000]*[）)]")
# a space before a title (组长 同志, 按照 书记的讲话): often the blank left for a name, so
# deleting it is not safe
_TITLE_AFTER_SPACE = re.compile(r"(?:同志(?!们)|书记|省长|市长|县长|区长|镇长|乡长|局长|主任|部长|厅长|处长|科长|主席)")


def _spaced_items(line: str) -> bool:
    if not _spaced_items_pattern().fullmatch(line):
        return False
    items = line.split()
    return len(items) >= 3 or all(len(x) <= 2 for x in items)


def _layout_space(doc, text: str, pos: int) -> bool:
    """Whether the space at POS is part of the draft's layout rather than a stray space: in a
    title, 落款 or date line (joint signatures are spaced apart), right after an article label
    or a date that starts the line, in a name list, or in a short byline under the title
    (县委书记　李明)."""
    index = doc.index
    line = index.line_of(pos)
    start = index.line_span(line)[0]
    kinds = doc.structure.line_kinds
    kind = kinds[line] if line < len(kinds) else "text"
    if kind in _LAYOUT_KINDS:
        return True
    head = text[start:pos]
    if _LABEL_BEFORE_SPACE.match(head) or _DATE_BEFORE_SPACE.match(head) or _NAME_LIST_LINE.match(text, start):
        return True
    if _SPACED_LABEL.match(text, start):
        return True
    if _spaced_items(text[start:index.line_span(line)[1]]):
        return True
    if _in_bracket_byline(text, start, pos):
        return True
    return kind == "text" and _is_byline(doc, text, line, kinds)


def _in_bracket_byline(text: str, start: int, pos: int) -> bool:
    """Whether POS lies in a bracketed news byline (记者　赵礼锋　张玲) opened on its line."""
    bracket = max(text.rfind("（", start, pos), text.rfind("(", start, pos))
    if bracket < 0:
        return False
    m = _BRACKET_BYLINE.match(text, bracket)
    return m is not None and m.end() > pos


def _is_byline(doc, text: str, line: int, kinds) -> bool:
    """A short line with no sentence punctuation right under the title (blank lines between)."""
    a, b = doc.index.line_span(line)
    body = text[a:b].strip(" \t\u3000\r\n")
    if not body or len(body) > 30 or any(ch in body for ch in "，。；！？：,.;!?:"):
        return False
    k = line - 1
    while k >= 0 and kinds[k] == "blank":
        k -= 1
    return k >= 0 and kinds[k] == "title"


def _space_name(s: str) -> str:
    if "\u3000" in s:
        return "全角空格"
    if "\u00a0" in s:
        return "不换行空格（U+00A0）"
    return "空格"


RULES = (punctuation,)
