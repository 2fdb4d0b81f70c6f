"""Recognising the structure of a 公文: title, salutation (主送), headings by level, inline
enumerations (一是…二是…), signature and date. Computed once per Document (``doc.structure``).

Headings are recognised at line starts in ``doc.masked`` (Markdown ``#`` marks are masked,
so ``## 一、总体要求`` is seen as ``一、总体要求``), including faulty forms (``一.``
``（一）、`` ``(一)`` ``１．`` ``1、`` ``3）``) so that the heading rules can report them.
The canonical level of a form follows GB/T 9704-2012 7.3.3: 一、 → 1, （一） → 2,
1. → 3, （1） → 4; 第一部分/第一章/第一节 sit above them (level 0). ``depth`` is the
effective nesting depth in this document (一、 followed directly by （1） gives （1）
depth 2).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .model import Span

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
             "八": 8, "九": 9}
_CN = "一二三四五六七八九十"


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
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1:
        return CN_DIGITS.get(s)
    return None


_FW_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_LEAD = r"[ \t\u3000\u00a0\ue000]*"
HEADING_RE = re.compile(
    "^(?P<lead>" + _LEAD + ")(?P<ord>"
    rf"(?P<part>第(?P<pn>[{_CN}]{{1,3}})(?P<pk>部分|章|节|篇))"
    rf"|(?P<cnp>[（(](?P<cnpn>[{_CN}]{{1,3}})[）)](?P<cnpm>[、.．，,]?))"
    rf"|(?P<arp>[（(](?P<arpn>[0-9０-９]{{1,2}})[）)](?P<arpm>[、.．，,]?))"
    rf"|(?P<cn>(?P<cnn>[{_CN}]{{1,3}})(?P<cnm>[、.．，,：:]))"
    rf"|(?P<ar>(?P<arn>[0-9０-９]{{1,2}})(?P<arm>[.．、,，]|[）)]))"
    r")(?P<rest>[^\n\r]*)",
    re.M,
)
_ATTACHMENT = re.compile(r"^" + _LEAD + r"附件[:：]", re.M)


@dataclass(frozen=True, slots=True)
class Heading:
    line: int                 # 0-based line
    span: Span                # heading text: the line, or for a run-in heading up to its first 。！？
    ordinal: Span             # the ordinal token with its mark, e.g. "一、" "（一）" "（一）、" "3）"
    style: str                # the form as a template: "一、" "（一）" "1." "（1）" "1、" "(一)" "一." …
    number: int
    level: int                # canonical level: 0 第一部分/章, 1 一、, 2 （一）, 3 1., 4 （1）
    md_level: Optional[int]   # number of Markdown # marks, or None
    run_in: bool              # heading run into its paragraph
    title_text: str           # the heading's words without the ordinal
    depth: int = 1            # effective nesting depth in this document (1 = top)

    @property
    def standard(self) -> bool:
        return self.style in STANDARD_STYLES


STANDARD_STYLES = {"一、", "（一）", "1.", "（1）", "第一部分", "第一章", "第一节", "第一篇"}
LEVEL_STANDARD = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}


@dataclass(frozen=True, slots=True)
class EnumItem:
    span: Span                # e.g. the "二是" token
    number: int
    marker: str               # "是" / "要" / "句" / "句话" …
    line: int


@dataclass(frozen=True, slots=True)
class Structure:
    title: Optional[Span] = None
    salutation: Optional[Span] = None
    headings: tuple[Heading, ...] = ()
    enumerations: tuple[tuple[EnumItem, ...], ...] = ()   # one tuple per list (paragraph run)
    signature: Optional[Span] = None
    date: Optional[Span] = None
    line_kinds: tuple[str, ...] = field(default=())


def _style_of(m: re.Match) -> tuple[str, int, int, str]:
    """(style template, number, canonical level, mark) of a heading match."""
    g = m.groupdict()
    if g["part"]:
        return "第一" + g["pk"], cn_to_int(g["pn"]) or 0, 0, ""
    if g["cnp"]:
        tok = g["cnp"]
        open_, close = tok[0], tok[len(g["cnpn"]) + 1]
        return f"{open_}一{close}{g['cnpm']}", cn_to_int(g["cnpn"]) or 0, 2, g["cnpm"]
    if g["arp"]:
        tok = g["arp"]
        n = g["arpn"]
        open_, close = tok[0], tok[len(n) + 1]
        digit = "１" if n.translate(_FW_DIGITS) != n else "1"
        return f"{open_}{digit}{close}{g['arpm']}", int(n.translate(_FW_DIGITS)), 4, g["arpm"]
    if g["cn"]:
        return "一" + g["cnm"], cn_to_int(g["cnn"]) or 0, 1, g["cnm"]
    n, mark = g["arn"], g["arm"]
    digit = "１" if n.translate(_FW_DIGITS) != n else "1"
    level = 4 if mark in "）)" else 3
    return digit + mark, int(n.translate(_FW_DIGITS)), level, mark


_SENTENCE_MARK = re.compile("[。！？]")
_HEADING_FIRST = set("第（(一二三四五六七八九十0123456789０１２３４５６７８９")


def _heading_matches(text: str, index):
    """HEADING_RE matched at line starts only (a multi-line scan would try every position)."""
    n = len(text)
    for start in index.line_starts:
        i = start
        while i < n and text[i] in " \t\u3000\u00a0\ue000":
            i += 1
        if i < n and text[i] in _HEADING_FIRST:
            m = HEADING_RE.match(text, start)
            if m is not None:
                yield m


def _find_headings(doc: "Document") -> list[Heading]:
    text = doc.masked
    index = doc.index
    ranges = []
    for m in _ATTACHMENT.finditer(text):
        # an attachment list (附件：1.… / 2.…) is not a heading sequence
        line = index.line_of(m.start())
        nxt = line + 1
        while nxt < index.line_count and re.match(_LEAD + r"[0-9０-９]{1,2}[.．、]", text[index.line_starts[nxt]:]):
            nxt += 1
        ranges.append((line, nxt - 1))
    out: list[Heading] = []
    stack: list[int] = []      # canonical levels of the open ancestors, for the depth
    for m in _heading_matches(text, index):
        line = index.line_of(m.start())
        if any(a <= line <= b for a, b in ranges):
            continue
        rest = m.group("rest")
        style, number, level, mark = _style_of(m)
        if number <= 0:
            continue
        if level == 1 and mark in "：:" and len(rest.strip()) == 0:
            continue
        # "1.5亿元", "3.15" are numbers, not ordinals; "2、3月" is a range
        if level == 3 and (rest[:1].isdigit() or (mark in "、,，" and re.match(r"[0-9０-９]+[月日年个%]", rest))):
            continue
        if level == 1 and mark in ".．，," and rest[:1].isdigit():
            continue
        if not rest.strip(" \t\u3000\u00a0\ue000"):
            continue
        ord_start = m.start("ord")
        ord_end = m.end("ord")
        line_start, line_end = index.line_span(line)
        # run-in heading: the heading text ends at the first sentence mark when body text follows
        stop = _SENTENCE_MARK.search(text, ord_end, line_end)
        body_at = stop.end() if stop else None
        run_in = body_at is not None and body_at < line_end and bool(doc.masked[body_at:line_end].strip())
        head_end = body_at if run_in else line_end
        md_level = None
        if doc.kind == "markdown":
            raw = doc.text[line_start:ord_start]
            hashes = len(raw.strip()) if raw.strip().strip("#") == "" and raw.strip() else 0
            md_level = hashes or None
        title_text = doc.text[ord_end:head_end].strip(" \t\u3000\u00a0。")
        while stack and stack[-1] >= level:
            stack.pop()
        stack.append(level)
        out.append(Heading(line=line, span=Span(ord_start, head_end), ordinal=Span(ord_start, ord_end),
                           style=style, number=number, level=level, md_level=md_level,
                           run_in=run_in, title_text=title_text, depth=len(stack)))
    return out


_ENUM = re.compile(rf"(?=[{_CN}]{{1,2}}[是要])(?P<n>[{_CN}]{{1,2}})(?P<m>是|要(?![务素点求是]))")
# an enumerator starts a clause: the line start or a mark (checked in Python: look-behinds
# at the start of a pattern would make the scan try every position)
_ENUM_BEFORE = set("。；，：！？、）”;,:!? \t\r\n\u3000\ue000")


def _find_enumerations(doc: "Document") -> list[tuple[EnumItem, ...]]:
    text = doc.masked
    index = doc.index
    lists: list[list[EnumItem]] = []
    current: dict[str, list[EnumItem]] = {}
    last_line: dict[str, int] = {}
    for m in _ENUM.finditer(text):
        if m.start() and text[m.start() - 1] not in _ENUM_BEFORE:
            continue
        n = cn_to_int(m.group("n"))
        if not n:
            continue
        marker = m.group("m")
        line = index.line_of(m.start())
        item = EnumItem(Span(m.start(), m.end()), n, marker, line)
        cur = current.get(marker)
        line_start = index.line_starts[line]
        starts_line = not text[line_start:m.start()].strip(" \t\u3000\u00a0\ue000")
        # a list continues on the same line, or on the next line when that line starts with the
        # next item (items written one per paragraph); otherwise a new list begins
        if cur and (cur[-1].line == line or (starts_line and line == last_line[marker] + 1 and n != 1)):
            cur.append(item)
        else:
            cur = current[marker] = [item]
            lists.append(cur)
        last_line[marker] = line
    return [tuple(l) for l in lists]


_GENRE = re.compile(r"(?:讲话|通知|报告|方案|意见|请示|函|纪要|决定|办法|规定|总结|发言|致辞|通报|批复|公告|通告|"
                    r"议案|计划|要点|规划|细则|汇报|讲稿|主持词|征求意见稿）|（征求意见稿）|（草案）)$")
_DATE_LINE = re.compile(r"^[ \t\u3000\u00a0]*(?:\d{4}年\d{1,2}月\d{1,2}日|[〇零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月"
                        r"[一二三四五六七八九十]{1,3}日)[ \t\u3000\u00a0]*$")


def analyze(doc: "Document") -> Structure:
    text = doc.masked
    index = doc.index
    # title and salutation sit in the first lines, signature and date in the last: look only there
    nonblank = []
    tail = []
    for i in range(index.line_count):
        a, b = index.line_span(i)
        s = text[a:b].strip(" \t\u3000\u00a0\ue000")
        if s:
            nonblank.append((i, a, b, s))
            if len(nonblank) >= 20:
                break
    for i in range(index.line_count - 1, -1, -1):
        a, b = index.line_span(i)
        s = text[a:b].strip(" \t\u3000\u00a0\ue000")
        if s:
            tail.insert(0, (i, a, b, s))
            if len(tail) >= 2:
                break
    title = salutation = signature = date = None
    title_line = -1
    for i, a, b, s in nonblank[:12]:
        bare = s.rstrip("。，；：、.,;")
        if len(s) <= 80 and "。" not in bare and _GENRE.search(bare):
            lead = len(text[a:b]) - len(text[a:b].lstrip(" \t\u3000\u00a0\ue000"))
            title = Span(a + lead, a + lead + len(s))
            title_line = i
            break
    for i, a, b, s in nonblank[:20]:
        if i <= title_line:
            continue
        if s.endswith(("：", ":")) and len(s) <= 60 and "。" not in s and not HEADING_RE.match(s):
            lead = len(text[a:b]) - len(text[a:b].lstrip(" \t\u3000\u00a0\ue000"))
            salutation = Span(a + lead, a + lead + len(s))
            break
        if len(s) > 60:
            break
    if tail:
        i, a, b, s = tail[-1]
        if _DATE_LINE.match(text[a:b]):
            lead = len(text[a:b]) - len(text[a:b].lstrip(" \t\u3000\u00a0\ue000"))
            date = Span(a + lead, a + lead + len(s))
            if len(tail) > 1:
                j, a2, b2, s2 = tail[-2]
                if len(s2) <= 40 and not re.search(r"[。，；：！？]", s2):
                    lead = len(text[a2:b2]) - len(text[a2:b2].lstrip(" \t\u3000\u00a0\ue000"))
                    signature = Span(a2 + lead, a2 + lead + len(s2))
    headings = tuple(_find_headings(doc))
    enums = tuple(_find_enumerations(doc))
    return Structure(title=title, salutation=salutation, headings=headings, enumerations=enums,
                     signature=signature, date=date)
