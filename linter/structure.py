"""Recognising the structure of a 公文: title, salutation (主送), headings by level, inline
enumerations (一是…二是…, 首先…其次…, 第一，…第二，…, 第一句：…), signature and date.
Computed once per Document (``doc.structure``).

Headings are recognised at line starts in ``doc.masked`` (Markdown ``#`` marks are masked,
so ``## 一、总体要求`` is seen as ``一、总体要求``), including faulty forms (``一.``
``（一）、`` ``(一)`` ``１．`` ``1、`` ``3）``) so that the heading rules can report them.
The canonical level of a form follows GB/T 9704-2012 7.3.3: 一、 → 1, （一） → 2,
1. → 3, （1） → 4; 第一篇/第一部分/第一章/第一节 sit above them (levels -3 … 0).
``depth`` is the effective nesting depth in this document (一、 followed directly by （1）
gives （1） depth 2).

Look-alikes that are not headings: numbers at a line start (``1.5亿元``, ``2、3月份``,
``12.30前``), Chinese-numeral ranges (``一、二级医院``, ``三、四月份`` — kept only where the
number fits the running sequence), the items of an attachment list (``附件：1.… / 2.…``),
Markdown table rows and tab- or space-separated table lines.

Speed: candidate lines are found with one regex over the masked text (a line break followed
by an ordinal's first character; the same scan finds the blank lines); everything else looks
only at those lines, at the first and last twenty non-blank lines, or at the (few)
enumeration matches. Headings and enumeration items are named tuples (cheap to build). Scans
start with a literal (``re`` skips to it at C speed); a pattern that starts with a class, such
as the numerals of 一是, is tried at every character and costs ten times as much.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING, NamedTuple, Optional

from .model import Span
from .search import finditer_from

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN = "一二三四五六七八九十"
MASK = "\ue000"
_SPACE = " \t\u3000\u00a0\ue000\ufeff"


@lru_cache(maxsize=1024)              # called for every ordinal and enumerator; few distinct
def cn_to_int(s: str) -> Optional[int]:
    """一 → 1, 十 → 10, 十二 → 12, 二十三 → 23 (up to 99)."""
    if not s:
        return None
    if s == "十":
        return 10
    if "十" in s:
        a, _, b = s.partition("十")
        tens = CN_DIGITS.get(a, None) if a else 1
        ones = CN_DIGITS.get(b, None) if b else 0
        if tens is None or ones is None or len(b) > 1 or len(a) > 1:
            return None
        return tens * 10 + ones
    if len(s) == 1:
        return CN_DIGITS.get(s)
    return None


_CN_NUMS = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]


def cn_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (1–99)."""
    if n <= 10:
        return _CN_NUMS[max(n, 0)]
    if n < 20:
        return "十" + _CN_NUMS[n - 10]
    tens, ones = divmod(n, 10)
    return _CN_NUMS[tens] + "十" + (_CN_NUMS[ones] if ones else "")


_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_LEAD = r"[ \t\u3000\u00a0\ue000\ufeff]*"
_ORDINAL = (
    rf"(?P<part>第(?P<pn>[{_CN}]{{1,3}})(?P<pk>部分|章|节|篇|编))"
    rf"|(?P<cnp>[（(](?P<cnpn>[{_CN}]{{1,3}})[）)](?P<cnpm>[、.．，,]?))"
    rf"|(?P<arp>[（(](?P<arpn>[0-9０-９]{{1,2}})[）)](?P<arpm>[、.．，,]?))"
    rf"|(?P<cn>(?P<cnn>[{_CN}]{{1,3}})(?P<cnm>[、.．，,：:]))"
    rf"|(?P<ar>(?P<arn>[0-9０-９]{{1,2}})(?P<arm>[.．、,，]|[）)]))"
)
# the first characters of the alternatives of _ORDINAL: tried first, a line that starts with
# none of them fails at once (the alternatives open with groups, so re enters each of them)
_ORDINAL_FIRST = rf"(?=[第（(0-9０-９{_CN}])"
# A heading's start: the ordinal and the blanks after it (``gap``: its end is the first word)
# (a pattern string, compiled only within _HEADING_LINE and the line scan: each compile of
# _ORDINAL's classes of CJK characters costs about as much as analysing fifty documents'
# headings)
_HEADING_START = _LEAD + _ORDINAL_FIRST + "(?P<ordinal>" + _ORDINAL + ")(?P<gap>" + _LEAD + ")"
_ATTACHMENT = re.compile(r"附(?:件[0-9０-９一二三四五六七八九十]*)?[:：]")
_ATTACHMENT_ITEM = re.compile(_LEAD + r"[0-9０-９]{1,2}[.．、]")
# "一、二级医院" "三、四月份" "一、二、三等奖": the next numeral follows the ordinal
_CN_NEXT = re.compile(rf"[{_CN}]{{1,2}}")
_NONSPACE = re.compile(r"[^ \t\u3000\u00a0\ue000\ufeff]")
_DIGITS = set("0123456789０１２３４５６７８９")
_RANGE_NEXT = set("、，,级月等类季批档号层期线甲")   # "一、二级医院" "一、二、三等奖"
_YEAR = re.compile(r"(?:19|20)[0-9]{2}年")
# a table line: a tab between two cells, or three cells parted by runs of ASCII spaces
_TABLE_TAB = re.compile(r"\S\t+\S")
_TABLE_GAPS = re.compile(r"\S {2,}\S.*?\S {2,}\S")

_match_end = re.Match.end
_MD_HASHES = re.compile(r"[ ]{0,3}(#{1,6})[ \t]")
_PART_LEVEL = {"篇": -3, "编": -3, "部分": -2, "章": -1, "节": 0}


class Heading(NamedTuple):
    # (a named tuple: cheaper to build than a frozen dataclass, for every heading of every document)
    line: int                 # 0-based line
    span: Span                # heading text: the line, or for a run-in heading up to its first 。！？
    ordinal: Span             # the ordinal token with its mark, e.g. "一、" "（一）" "（一）、" "3）"
    style: str                # the form as a template: "一、" "（一）" "1." "（1）" "1、" "(一)" "一." …
    number: int
    level: int                # canonical level: 1 一、, 2 （一）, 3 1., 4 （1）; -3 篇, -2 部分, -1 章, 0 节
    md_level: Optional[int]   # number of Markdown # marks, or None
    run_in: bool              # heading run into its paragraph
    title_text: str           # the heading's words without the ordinal
    depth: int = 1            # effective nesting depth in this document (1 = top)

    @property
    def standard(self) -> bool:
        return self.style in STANDARD_STYLES


STANDARD_STYLES = {"一、", "（一）", "1.", "（1）", "第一部分", "第一章", "第一节", "第一篇", "第一编"}
LEVEL_STANDARD = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


def ordinal_token(style: str, n: int) -> str:
    """The ordinal ``n`` written in the form ``style`` ("（一）", 3 → "（三）"; "1、", 4 → "4、")."""
    if "一" in style:
        return style.replace("一", cn_numeral(n), 1)
    if "１" in style:
        return style.replace("１", str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９")), 1)
    return style.replace("1", str(n), 1)


def standard_token(level: int, n: int, style: str = "") -> str:
    """The standard ordinal for ``n`` at canonical ``level`` (GB/T 9704-2012 7.3.3)."""
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    if level == 4:
        return f"（{n}）"
    return ordinal_token(style, n) if level <= 0 and style.startswith("第") else ""


class EnumItem(NamedTuple):
    # (a named tuple, as Heading: cheaper to build than a frozen dataclass)
    span: Span                # the enumerator token, e.g. "二是" "其次" "第三" "第四句话"
    number: int               # 1, 2, …; 0 for 最后 (the last item, whatever its number)
    marker: str               # "是" / "要" (一是/一要), "第" (第一，), "其" (其一), "首先" "其次"
                              # "再次" "最后", "句" / "句话" (第一句：)
    line: int
    kind: str = "shi"         # "shi" 一是/一要 · "ordinal" 第一，/其一 · "narrative" 首先… · "label" 第一句：
    paragraph: int = -1       # first line of the paragraph the item is in


@dataclass(frozen=True, slots=True)
class Structure:
    title: Optional[Span] = None
    salutation: Optional[Span] = None
    headings: tuple[Heading, ...] = ()
    enumerations: tuple[tuple[EnumItem, ...], ...] = ()   # one tuple per list
    signature: Optional[Span] = None
    date: Optional[Span] = None
    # one entry per line: "blank" "title" "salutation" "heading" "signature" "date" "text"
    line_kinds: tuple[str, ...] = field(default=())


# --------------------------------------------------------------------------- headings
_STYLES: dict[str, tuple[str, int, int, str]] = {}     # ordinal token -> _style_of
_KINDS = ("part", "cnp", "arp", "cn", "ar")             # the alternatives of _ORDINAL


def _style_of(m: re.Match, token: str) -> tuple[str, int, int, str]:
    """(style template, number, canonical level, mark) of a heading match whose ordinal is
    ``token``."""
    # the token alone decides (the alternatives' tokens are disjoint); there are few of them
    style = _STYLES.get(token)
    if style is None:
        kind = next(k for k in _KINDS if m.group(k) is not None)
        style = _STYLES[token] = _compute_style(m, kind)
    return style


def _compute_style(m: re.Match, kind: str) -> tuple[str, int, int, str]:
    if kind == "part":
        pk = m.group("pk")
        return "第一" + pk, cn_to_int(m.group("pn")) or 0, _PART_LEVEL[pk], ""
    if kind == "cnp":
        tok, mark = m.group("cnp"), m.group("cnpm")
        n = m.group("cnpn")
        return f"{tok[0]}一{tok[len(n) + 1]}{mark}", cn_to_int(n) or 0, 2, mark
    if kind == "arp":
        tok, mark = m.group("arp"), m.group("arpm")
        n = m.group("arpn")
        ascii_n = n.translate(_FW_DIGITS)
        digit = "１" if ascii_n != n else "1"
        return f"{tok[0]}{digit}{tok[len(n) + 1]}{mark}", int(ascii_n), 4, mark
    if kind == "cn":
        mark = m.group("cnm")
        return "一" + mark, cn_to_int(m.group("cnn")) or 0, 1, mark
    n, mark = m.group("arn"), m.group("arm")
    ascii_n = n.translate(_FW_DIGITS)
    digit = "１" if ascii_n != n else "1"
    return digit + mark, int(ascii_n), (4 if mark in "）)" else 3), mark


# a heading's words: up to its first sentence mark, and whether a word follows that mark on
# the line (group "body": a run-in heading, its text ends at the mark), then the rest of the
# line (the end of the match is the line's end, before a CRLF's CR: a text whose every CR
# starts a CRLF holds none inside a line): no search per heading for the mark, the body or
# the line's end
_WORD_CLASS = r"[^ \t\u3000\u00a0\ue000\ufeff\r\n]"
_HEADING_REST = rf"[^\r\n。！？]*(?:[。！？](?P<body>{_LEAD}{_WORD_CLASS})|)[^\r\n]*"
_HEADING_LINE = re.compile(_HEADING_START + _HEADING_REST)
# a line that starts like a heading (what follows the ordinal always matches)
HEADING_RE = _HEADING_LINE
# a blank line after its LF
_BLANK_REST = r"[ \t\u3000\u00a0\ue000]*(?=[\r\n]|\Z)"
# the heading lines and the blank lines in one scan (a blank line's match has no groups)
_LINE_SCAN = re.compile(r"\n(?:" + _HEADING_LINE.pattern + "|" + _BLANK_REST + ")")
_G_ORDINAL = _HEADING_LINE.groupindex["ordinal"]
_G_GAP = _HEADING_LINE.groupindex["gap"]
_G_BODY = _HEADING_LINE.groupindex["body"]


@lru_cache(maxsize=None)
def _heading_scan_cr() -> re.Pattern:
    """_HEADING_LINE after any line break, for a text with lines ending in a bare CR (rare:
    compiled on first use)."""
    return re.compile(r"[\n\r]" + _HEADING_LINE.pattern)


def _scan_lines(text: str, bare_cr: bool) -> tuple[list[re.Match], list[int]]:
    """The _HEADING_LINE match of each line that starts like a heading, and the end of each
    blank line but the first (for _line_kinds). Where every line ends in LF, one scan of the
    line breaks (a literal that ``re`` finds at C speed) finds both; a text with bare CRs
    (``bare_cr``) needs the class of both breaks."""
    first = _HEADING_LINE.match(text)
    heads = [first] if first is not None else []
    if bare_cr:
        heads += _heading_scan_cr().finditer(text)
        return heads, list(map(_match_end, _BLANK_LINE_CR.finditer(text)))
    blanks = []
    for m in _LINE_SCAN.finditer(text):
        if m.lastindex is None:                        # (a blank line's match has no groups)
            blanks.append(m.end())
        else:
            heads.append(m)
    return heads, blanks


def _attachment_lines(text: str, index) -> set[int]:
    """Lines of attachment lists (附件：1.… / 2.…): numbered, but not headings."""
    lines: set[int] = set()
    if "附" not in text:
        return lines
    starts = index.line_starts
    for m in finditer_from(_ATTACHMENT, text, "附"):
        line = index.line_of(m.start())
        if text[starts[line]:m.start()].strip(_SPACE):
            continue                                   # not at the line start
        nxt = line + 1
        while nxt < len(starts) and _ATTACHMENT_ITEM.match(text, starts[nxt]):
            lines.add(nxt)
            nxt += 1
    return lines


def _plain(doc: "Document", a: int, b: int) -> str:
    """doc.text[a:b] without what the mask hides (Markdown ** and the like)."""
    s = doc.masked[a:b]
    if MASK not in s:
        return doc.text[a:b]
    return "".join(c for c, k in zip(doc.text[a:b], s) if k != MASK)


def _find_headings(doc: "Document", matches: list[re.Match]) -> list[Heading]:
    """The headings (``matches``: the heading lines _scan_lines found)."""
    text = doc.masked
    index = doc.index
    skip = _attachment_lines(text, index)
    markdown = doc.kind == "markdown"
    raw = doc.text
    masks = text is not raw and MASK in text        # (the mask of a plain text is the text)
    out: list[Heading] = []
    stack: list[int] = []          # canonical levels of the open ancestors, for the depth
    top = 0                        # the number of the last 一、 under the current part (篇, 章 ...)
    starts = index.line_starts
    styles, find = _STYLES, text.find
    # a table line has a tab or a double space: looked for once per document, then (if there
    # are any) in the heading's line before the table patterns, which start with \S and would
    # try every position
    tabs, gaps = "\t" in text, "  " in text
    for m in matches:
        ord_start, ord_end = m.span(_G_ORDINAL)
        line = bisect_right(starts, ord_start) - 1
        if line in skip:
            continue
        token = text[ord_start:ord_end]
        style, number, level, mark = styles.get(token) or _style_of(m, token)
        line_end = m.end()
        first = m.end(_G_GAP)          # the heading's first word
        if number <= 0 or first >= line_end:
            continue                                   # "（一）" alone, "一、" with nothing after
        if markdown:
            start = starts[line]
            if raw[start:ord_start].lstrip(" \t").startswith("|"):
                continue                               # a Markdown table row
        if tabs or gaps:
            b = min(line_end, first + 120)
            if (tabs and find("\t", first, b) != -1 and _TABLE_TAB.search(text, first, b) is not None) or \
                    (gaps and find("  ", first, b) != -1 and _TABLE_GAPS.search(text, first, b) is not None):
                continue                               # a plain-text table line
        head = text[ord_end]
        if head in _DIGITS:
            # "1.5亿元", "2、3月份", "12.30前": numbers, not ordinals; "1.2024年工作回顾" and
            # "一、2024年工作回顾" are headings
            if level == 1 and mark != "、":
                continue
            if (level == 3 or (level == 4 and mark in "）)")) and \
                    not _YEAR.match(text[ord_end:ord_end + 5].translate(_FW_DIGITS)):
                continue
        if level == 1 and mark in "、，," and head in _CN:
            nxt = _CN_NEXT.match(text, ord_end)
            # "一、二级医院" "三、四月份是关键期": kept only where the number fits the sequence
            if nxt and cn_to_int(nxt.group()) == number + 1:
                fits = number == top + 1
                if not fits or (number == 1 and text[nxt.end():nxt.end() + 1] in _RANGE_NEXT):
                    continue
        # run-in heading: the heading text ends at the first sentence mark when body text follows
        head_end = m.start(_G_BODY)                    # (-1: no body after a mark)
        run_in = head_end >= 0
        if not run_in:
            head_end = line_end
            while text[head_end - 1] in _SPACE:        # stops at the first word at the latest
                head_end -= 1
        md_level = None
        if markdown:
            hashes = _MD_HASHES.match(raw, start, ord_start)
            md_level = len(hashes.group(1)) if hashes else None
        title = _plain(doc, ord_end, head_end) if masks else raw[ord_end:head_end]
        while stack and stack[-1] >= level:
            stack.pop()
        stack.append(level)
        if level <= 1:
            top = number if level == 1 else 0
        out.append(Heading(line, Span(ord_start, head_end), Span(ord_start, ord_end), style, number,
                           level, md_level, run_in, title.strip(" \t\u3000\u00a0。"), len(stack)))
    return out


# --------------------------------------------------------------------------- enumerations
# 一是/一要 are found from their 是/要: a pattern that starts with a literal is scanned for at C
# speed, one that starts with a class (the numerals) is tried at every character
_SHI = re.compile(rf"是(?<=[{_CN}]是)")
_YAO = re.compile(rf"要(?<=[{_CN}]要)")
_NOT_YAO = set("务素是害塞旨")          # 一要素 第一要务 … are words, not 一要 items
# an enumerator starts a clause: the line start or a mark (checked in Python: look-behinds
# at the start of a pattern would make the scan try every position)
_ENUM_BEFORE = set("。；，：！？、）”;,:!? \t\r\n\u3000\u00a0\ue000")
# 首先，其次，再次，最后，/ 第一，第二，/ 其一，其二，/ 第一句：… 第四句话： — one pattern per
# first character, each found with str.find (search.finditer_from); no match holds another's first
# character
_SEQ_WORDS = (
    re.compile(rf"第(?P<n>[{_CN}]{{1,2}})(?:(?P<mark>[，,、：:])|(?P<label>句话|句)(?=[：:，,]))"),
    re.compile(r"其[次一二三四五六七八九](?P<mark>[，,、：:])"),
    re.compile(r"首先(?P<mark>[，,、：:])"),
    re.compile(r"再次(?P<mark>[，,、：:])"),
    re.compile(r"最后(?P<mark>[，,、：:])"),
)
_SEQ_BEFORE = set("。；！？：;!?: \t\r\n\u3000\u00a0\ue000")
_NARRATIVE_NUM = {"首先": 1, "其次": 2, "再次": 3, "最后": 0}


_WRAP_MIN = 15                      # a line shorter than this ends its paragraph
_SENTENCE_DONE = frozenset("。！？；：…”’）》」』】!?;:)")


def breaks_into_next(doc: "Document", line: int) -> bool:
    """Does ``line`` break off mid-sentence with the next line going on unindented, as in a
    paragraph hard-wrapped at a fixed width (copied from a PDF)? (The callers add what the
    next line must be: not a heading.)"""
    index = doc.index
    if line + 1 >= index.line_count:
        return False
    text = doc.masked
    a, b = index.line_span(line)
    if a < b and text[b - 1] in _SENTENCE_DONE:
        return False                    # the common case, told without copying the line
    body = text[a:b].strip(_SPACE)
    if len(body) < _WRAP_MIN or body[-1] in _SENTENCE_DONE:
        return False
    c, d = index.line_span(line + 1)
    return c < d and text[c] not in _SPACE


def _continues(doc: "Document", line: int) -> bool:
    """Does plain-text ``line`` go on from the line before it (a hard-wrapped paragraph)?"""
    return line > 0 and breaks_into_next(doc, line - 1) \
        and HEADING_RE.match(doc.masked, doc.index.line_starts[line]) is None


def _paragraph_of(doc: "Document", line: int) -> int:
    """First line of the paragraph holding ``line``: in plain text the line, or the first line
    of a hard-wrapped paragraph it goes on; in Markdown a block of non-blank lines."""
    index = doc.index
    text = doc.masked
    if doc.kind != "markdown":
        while _continues(doc, line):
            line -= 1
        return line
    while line > 0:
        a, b = index.line_span(line - 1)
        if not text[a:b].strip(_SPACE):
            break
        line -= 1
    return line


def _paragraph(doc: "Document", line: int, paras: dict[int, int]) -> int:
    """_paragraph_of, remembered in ``paras`` (several items often share a line)."""
    para = paras.get(line)
    if para is None:
        para = paras[line] = _paragraph_of(doc, line)
    return para


def _find_shi_lists(doc: "Document", paras: dict[int, int]) -> list[list[EnumItem]]:
    text = doc.masked
    index = doc.index
    lists: list[list[EnumItem]] = []
    current: dict[str, list[EnumItem]] = {}
    last_line: dict[str, int] = {}
    n_text = len(text)
    ends = list(map(_match_end, _SHI.finditer(text)))
    ends += map(_match_end, _YAO.finditer(text))
    ends.sort()
    for end in ends:
        # the one or two numerals before 是/要, as [一…十][一…十]?[是要] would match them
        start = end - 2
        if start and text[start - 1] in _CN:
            start -= 1
        if start and text[start - 1] not in _ENUM_BEFORE:
            continue
        tok = text[start:end]
        marker = tok[-1]
        if marker == "要" and end < n_text and text[end] in _NOT_YAO:
            continue
        n = cn_to_int(tok[:-1])
        if not n:
            continue
        line = index.line_of(start)
        para = _paragraph(doc, line, paras)
        item = EnumItem(Span(start, end), n, marker, line, "shi", para)
        cur = current.get(marker)
        # a list continues in the same paragraph, or on the next line when that line starts
        # with the next item (items written one per paragraph); otherwise a new list begins
        if cur and (cur[-1].paragraph == para
                    or (line == last_line[marker] + 1 and n != 1
                        and _NONSPACE.search(text, index.line_starts[line], start) is None)):
            cur.append(item)
        else:
            cur = current[marker] = [item]
            lists.append(cur)
        last_line[marker] = line
    return lists


def _sequence_item(doc: "Document", m: re.Match, paras: dict[int, int]) -> Optional[EnumItem]:
    """The item of a _SEQ_WORDS match, or None where it is not one."""
    text = doc.masked
    start = m.start()
    if start and text[start - 1] not in _SEQ_BEFORE:
        return None
    if m.lastgroup == "label":                        # 第一句： 第四句话：
        n = cn_to_int(m.group("n")) or 0
        if not n:
            return None
        line = doc.index.line_of(start)
        return EnumItem(Span(start, m.end()), n, m.group("label"), line, "label", _paragraph(doc, line, paras))
    mark = m.group("mark")
    w = text[start:m.end() - 1]
    if w[0] == "第":
        n = cn_to_int(w[1:]) or 0
        if not n:
            return None
        after = text[m.end():m.end() + 1]
        if mark in "、" and (after in _CN or after == "第"):
            return None                                # "第一、二产业" "第一、第二产业"
        if mark in "：:" and not after.strip(_SPACE):
            return None
        kind, marker = "ordinal", "第"
    elif mark in "：:":
        return None
    elif w[0] == "其" and w != "其次":
        n, kind, marker = cn_to_int(w[1]) or 0, "ordinal", "其"
    else:
        n, kind, marker = _NARRATIVE_NUM[w], "narrative", w
    line = doc.index.line_of(start)
    return EnumItem(Span(start, start + len(w)), n, marker, line, kind, _paragraph(doc, line, paras))


def _find_sequence_lists(doc: "Document", heading_lines: set[int], paras: dict[int, int]) -> list[list[EnumItem]]:
    """首先/其次/再次/最后, 第一，/第二，, 其一/其二 lists (one list may mix them: that is what
    HD010 reports), and 第一句：/第二句话： label lists. A list ends at a heading line, after
    twelve lines without an item, or where an item cannot continue it."""
    text = doc.masked
    items: list[EnumItem] = []
    for pattern in _SEQ_WORDS:
        for m in finditer_from(pattern, text, pattern.pattern[0]):
            item = _sequence_item(doc, m, paras)
            if item is not None:
                items.append(item)
    items.sort(key=lambda it: it.span.start)
    lists: list[list[EnumItem]] = []
    open_: dict[str, list[EnumItem]] = {}          # "seq" / "label" -> the open list
    for it in items:
        group = "label" if it.kind == "label" else "seq"
        cur = open_.get(group)
        if cur is not None:
            prev = cur[-1]
            reach = 60 if group == "label" else 12
            crossed = any(h in heading_lines for h in range(prev.line + 1, it.line + 1)) \
                if it.line - prev.line <= reach else True
            if it.line > prev.line and it.line in heading_lines and prev.paragraph == it.paragraph:
                crossed = True
            top = max(x.number for x in cur)
            fits = it.number == 0 or (top > 0 and top < it.number <= top + 2) or \
                (it.number == top and it.number > 1)
            if crossed or it.number == 1 or not fits or cur[-1].number == 0:
                cur = None
        if cur is None:
            cur = open_[group] = []
            lists.append(cur)
        cur.append(it)
    return lists


def _find_enumerations(doc: "Document", heading_lines: set[int]) -> list[tuple[EnumItem, ...]]:
    paras: dict[int, int] = {}                    # line -> _paragraph_of, for both kinds
    lists = _find_shi_lists(doc, paras) + _find_sequence_lists(doc, heading_lines, paras)
    lists.sort(key=lambda l: l[0].span.start)
    return [tuple(l) for l in lists]


# --------------------------------------------------------------------------- title, date …
_GENRE = re.compile(r"(?:讲话|通知|报告|方案|意见|请示|函|纪要|决定|办法|规定|总结|发言|致辞|通报|批复|公告|通告|"
                    r"议案|计划|要点|规划|细则|汇报|讲稿|主持词|打算|安排|情况|提纲|材料|倡议书|公报|简报|说明|"
                    r"建议|提案|答复|指引|指南|清单|章程|制度|准则|守则|述职|体会|心得|党课|演讲|贺信|贺词|"
                    r"感谢信|慰问信|决议|命令|令|条例|规则|措施|举措|任务分工|事项|"
                    r"征求意见稿）|（征求意见稿）|（草案）|（试行）|（代拟稿）|（送审稿）)$")
_GENRE_TAIL = 12                    # longer than any genre word (_GENRE is anchored at the end)
# leftovers that never make a title or a salutation (web-site adverts, contact stamps)
# (every alternative starts with a literal, so that a search skips to their first characters at C
# speed: no "[Qq]{2}", which would make it try every alternative at every position)
_LEFTOVER_HINT = re.compile(r"QQ|Qq|qQ|qq|微信|公众号|http|www\.|\.com|\.cn|文库|仅供|禁止外传|扫码|本站|网友|上传|"
                            r"下载|第[0-9]+页|共[0-9]+页")
# …and what else makes a short first line look like one, when it carries no genre word
_LEFTOVER_WIDE = re.compile(r"范文|会员|转载|来源|整理|原创|精品|资料|文档|关注|版权|点击|免费|咨询|阅读|更多|分享|小编")
_DATE_LINE = re.compile(
    r"[ \t\u3000\u00a0]*[（(]?"
    r"(?:[0-9０-９]{4}|20[XxＸ×]{2}|[XxＸ×○〇]{4}|[〇○零一二三四五六七八九]{4})[ \t]*年[ \t]*"
    r"(?:[0-9０-９]{1,2}|[XxＸ×○]{1,2}|[一二三四五六七八九十]{1,2})[ \t]*月[ \t]*"
    r"(?:[0-9０-９]{1,2}|[XxＸ×○]{1,2}|[一二三四五六七八九十]{1,3})[ \t]*日[）)]?[ \t\u3000\u00a0]*$")
# lines that end in a colon but introduce the text: "现将有关事项通知如下：" "会议议定如下："
_NOT_SALUTATION = re.compile(r"如下[：:]$|以下[：:]$|^(?:为|现将|根据|按照|经|对|会议|时间|地点|出席|列席|记录|主持)|"
                             r"(?:索引号|主题分类|发布机构|发文机构|公文目录|内容概述|发文字号|发文日期|发布日期|"
                             r"有效性|时效性|来源)[ \u3000]*[：:]$")
_CLAUSE_MARK = re.compile(r"[。，；！？,;!?]")
# an article of a regulation (第一条　为加强管理，制定本办法。) is body text, never a title
_ARTICLE = re.compile(r"第[一二三四五六七八九十百零〇0-9０-９]+[条款]")
_SENTENCE_END = ("。", "！", "？", ".", "!", "?")
# a sentence that ends in a mark and has a comma inside is body text (…，特制定如下方案：)
_ENDS_IN_MARK = ("。", "：", ":", "；", ";", ".")


def _body_text(s: str) -> bool:
    """A line of body text: long, or a sentence with a clause inside.
    Leftover lines (adverts, site notes) do not count: they may stand above the title."""
    if len(s) <= 60 and not (s.endswith(_SENTENCE_END) and _CLAUSE_MARK.search(s, 0, len(s) - 1)):
        return False
    return not _LEFTOVER_HINT.search(s) and not _LEFTOVER_WIDE.search(s)


def _body_before(head: list, k: int) -> bool:
    """Is one of the lines above ``head[k]`` body text? (Asked only of a title candidate that
    ends in a mark: _body_text scans long lines twice.)"""
    return any(_body_text(line[3]) for line in head[:k])


def _trimmed(text: str, a: int, b: int) -> Span:
    seg = text[a:b]
    lead = len(seg) - len(seg.lstrip(_SPACE))
    return Span(a + lead, a + len(seg.rstrip(_SPACE)))


def _title_and_salutation(doc: "Document", head: list) -> tuple[Optional[Span], Optional[Span], int]:
    text = doc.masked
    title = salutation = None
    title_line = -1
    for k, (i, a, b, s) in enumerate(head[:12]):
        bare = s.rstrip("。，；：:、.,;")
        # after body text, a line ending in a mark is a sentence of it (会议还研究了其他事项。); an
        # unpunctuated one may still be a title (the next document of a file holding several)
        # (the genre word first: a search of a short tail, and most lines lack one)
        if len(s) <= 80 and "。" not in bare and _GENRE.search(bare, len(bare) - _GENRE_TAIL) \
                and not _LEFTOVER_HINT.search(s) \
                and not HEADING_RE.match(s) and not _ARTICLE.match(s) \
                and not (bare != s and _body_before(head, k)) \
                and not (s.endswith(_ENDS_IN_MARK) and ("，" in s or "," in s)):
            title = _trimmed(text, a, b)
            title_line = i
            # a long title broken over two lines: 关于…(line 1) / …的通知 (line 2)
            if k and head[k - 1][0] == i - 1:
                pa, ps = head[k - 1][1], head[k - 1][3]
                if ps.startswith(("关于", "在")) and len(ps) <= 40 and not _CLAUSE_MARK.search(ps) \
                        and not _LEFTOVER_HINT.search(ps):
                    title = Span(_trimmed(text, pa, head[k - 1][2]).start, title.end)
            break
    if title is None and head:
        # no genre word: the first line, when it is short, unpunctuated and not a leftover
        i, a, b, s = head[0]
        if 6 <= len(s) <= 40 and not _CLAUSE_MARK.search(s) and not _LEFTOVER_HINT.search(s) \
                and not _LEFTOVER_WIDE.search(s) \
                and not HEADING_RE.match(s) and not s.endswith(("：", ":")) \
                and (len(head) < 2 or head[1][0] > i + 1):
            title = _trimmed(text, a, b)
            title_line = i
    for i, a, b, s in head[:20]:
        if i <= title_line:
            continue
        if s.endswith(("：", ":")) and len(s) <= 60 and "。" not in s and not HEADING_RE.match(s) \
                and not _LEFTOVER_HINT.search(s) and not s.startswith(("附件", "附：")) \
                and not _NOT_SALUTATION.search(s):
            salutation = _trimmed(text, a, b)
            break
        if len(s) > 60:
            break
    return title, salutation, title_line


def _signature_and_date(doc: "Document", tail: list) -> tuple[Optional[Span], Optional[Span]]:
    """成文日期: the last date line among the last eight non-blank lines; 落款: the short
    unpunctuated line right above it."""
    text = doc.masked
    for k in range(len(tail) - 1, -1, -1):
        i, a, b, s = tail[k]
        if _DATE_LINE.match(text, a, b) and len(s) <= 20:
            date = _trimmed(text, a, b)
            signature = None
            if k and tail[k - 1][0] >= i - 2:
                j, a2, b2, s2 = tail[k - 1]
                if 2 <= len(s2) <= 40 and not _CLAUSE_MARK.search(s2) and not s2.endswith(("：", ":")) \
                        and not HEADING_RE.match(s2) and not _DATE_LINE.match(text, a2, b2):
                    signature = _trimmed(text, a2, b2)
            return signature, date
    return None, None


def _nonblank(doc: "Document", lines, limit: int) -> list:
    text = doc.masked
    index = doc.index
    out = []
    for i in lines:
        a, b = index.line_span(i)
        s = text[a:b].strip(_SPACE)
        if s:
            out.append((i, a, b, s))
            if len(out) >= limit:
                break
    return out


_BLANK_LINE_CR = re.compile(r"(?:\r\n|\n|\r(?!\n))[ \t\u3000\u00a0\ue000]*(?=[\r\n]|\Z)")


def _line_kinds(doc: "Document", title, salutation, heading_lines, signature, date,
                blank_ends: list[int]) -> tuple[str, ...]:
    """The kind of each line (``heading_lines``: the lines of the headings; ``blank_ends``: the
    end of each blank line but the first, as _scan_lines finds them)."""
    index = doc.index
    text = doc.masked
    kinds = ["text"] * index.line_count
    if not text.strip(_SPACE + "\r\n"):
        return tuple("blank" for _ in kinds)
    first = index.line_span(0)
    if not text[first[0]:first[1]].strip(_SPACE):
        kinds[0] = "blank"
    # (the line of each blank line's end, found at C speed: LineIndex.line_of is bisect_right - 1)
    for line in map(bisect_right, repeat(index.line_starts), blank_ends):
        kinds[line - 1] = "blank"
    for line in heading_lines:
        kinds[line] = "heading"
    for span, name in ((title, "title"), (salutation, "salutation"), (signature, "signature"), (date, "date")):
        if span is not None:
            for ln in range(index.line_of(span.start), index.line_of(max(span.start, span.end - 1)) + 1):
                kinds[ln] = name
    return tuple(kinds)


def analyze(doc: "Document") -> Structure:
    index = doc.index
    n = index.line_count
    # title and salutation sit in the first lines, signature and date in the last: look only there
    head = _nonblank(doc, range(n), 20)
    tail = _nonblank(doc, range(n - 1, -1, -1), 8)[::-1]
    title, salutation, _ = _title_and_salutation(doc, head)
    signature, date = _signature_and_date(doc, tail)
    if title is not None and date is not None and date.start <= title.start:
        signature = date = None                          # a one-line document
    matches, blank_ends = _scan_lines(doc.masked, index.bare_cr)
    headings = tuple(_find_headings(doc, matches))
    heading_lines = [h.line for h in headings]
    enums = tuple(_find_enumerations(doc, set(heading_lines)))
    kinds = _line_kinds(doc, title, salutation, heading_lines, signature, date, blank_ends)
    return Structure(title=title, salutation=salutation, headings=headings, enumerations=enums,
                     signature=signature, date=date, line_kinds=kinds)
