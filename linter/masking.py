"""Masking of what is not prose, with same-length filler so offsets never move."""
from __future__ import annotations

import re
import sys
from typing import TYPE_CHECKING

from .model import Span

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

MASK = "\ue000"

# gwlint directive comments, in .txt and .md alike
DIRECTIVE_COMMENT = re.compile(r"<!--\s*gwlint-[a-z-]+\b.*?-->", re.S)

_FRONT_MATTER = re.compile(r"\A(?:---|\+\+\+)[ \t]*\r?\n.*?\r?\n(?:---|\+\+\+|\.\.\.)[ \t]*(?=\r?\n|\r|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n\r]*$", re.M)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_INLINE_CODE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.S)
_LINK_TARGET = re.compile(r"(\]\()([^()\s]*(?:\([^()\s]*\)[^()\s]*)*)((?:\s+\"[^\"]*\")?\))")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]\r\n]+\]:[ \t]*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]+>|<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
# Block markup at line start: heading hashes, quote markers, list bullets, numbered list
# markers are NOT masked (they may be ordinals the heading rules must see).
_HEADING_MARK = re.compile(r"^[ ]{0,3}#{1,6}(?:[ \t]+|$)", re.M)
_QUOTE_MARK = re.compile(r"^[ ]{0,3}(?:>[ ]?)+", re.M)
_BULLET = re.compile(r"^[ \t]*[-*+][ \t]+(?=\S)", re.M)
_THEMATIC = re.compile(r"^[ ]{0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$", re.M)
# every alternative starts with a literal (``re`` then skips other text at C speed); the single
# "*" is checked not to follow a word character or another "*" after it is taken
_EMPHASIS = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*|__(?=\S)(.+?)(?<=\S)__"
                       r"|\*(?<![*\w]\*)(?=[^\s*])(?P<single>[^*\r\n]+?)(?<=[^\s*])\*(?![*\w])")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)
_IMAGE = re.compile(r"!\[[^\]\r\n]*\]")

# A match starts with a letter or digit, consumed first so that ``re`` skips other text by that
# class at C speed; each alternative then checks what it needs of that first character (``h``
# of http, ``w`` of www) with a look-behind. In the last alternative each [A-Za-z0-9-] run must
# be followed by ".", which it cannot contain: it is taken whole (possessive), so that long
# numbers are not backtracked through. (The e-mail user part likewise, before "@".)
_NATIVE_POSSESSIVE = sys.version_info >= (3, 11)


def _possessive(run: str, n: int, native: bool) -> str:
    """RUN taken whole, never given back: ``run+`` (possessive) where ``re`` has it (Python
    3.11+), else the same through a look-ahead and a back-reference (Python 3.10)."""
    if native:
        return run + "+"
    return f"(?=(?P<_p{n}>{run}))(?P=_p{n})"


_URL_CHARS = "[^\\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’《》<>\"']"


def url_patterns(native: bool = _NATIVE_POSSESSIVE) -> tuple[re.Pattern, re.Pattern]:
    """The URL and e-mail patterns (both ways of writing them are tested to agree)."""
    url = re.compile(
        r"[A-Za-z0-9](?:(?:(?<=h)ttps?|(?<=f)tp)://" + _URL_CHARS + "+"
        r"|(?<=w)ww\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/" + _URL_CHARS + "*)?"
        r"|" + _possessive("[A-Za-z0-9-]*", 1, native)
        + r"(?:\." + _possessive("[A-Za-z0-9-]+", 2, native) + r")*"
        r"\.(?:com|cn|net|org|gov|edu|info|top|xyz|cc|io)(?:\.cn)?\b"
        r"(?:/" + _URL_CHARS + "*)?)")
    email = re.compile(_possessive("[A-Za-z0-9._%+-]+", 3, native) + r"@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
    return url, email


URL, EMAIL = url_patterns()


_NOT_BREAK = re.compile(r"[^\r\n]+")
# the block patterns above that start with ^ (re.M), right after a LF instead: a literal first
# character lets ``re`` skip to the line starts at C speed (^ is tried at every position).
# Their matches never span a line break, so the LF they take is never part of another match.
_LINE_START = {p: re.compile("\n(?:" + p.pattern[1:] + ")", p.flags)
               for p in (_REF_DEF, _TABLE_SEP, _THEMATIC, _HEADING_MARK, _QUOTE_MARK, _BULLET, _TABLE_ROW)}


def _line_spans(pattern: re.Pattern, text: str) -> list[tuple[int, int]]:
    """Spans of ``pattern.finditer(text)`` for a pattern in _LINE_START."""
    first = pattern.match(text)
    spans = [first.span()] if first else []
    spans += [(m.start() + 1, m.end()) for m in _LINE_START[pattern].finditer(text)]
    return spans


def _filled(text: str, spans) -> str:
    """``text`` with the characters of ``spans`` (which may overlap) replaced by MASK, line
    breaks kept so that lines stay lines."""
    if not spans:
        return text
    out = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        if end <= start:
            continue
        seg = text[start:end]
        out.append(text[pos:start])
        out.append(MASK * len(seg) if "\n" not in seg and "\r" not in seg else
                   _NOT_BREAK.sub(lambda m: MASK * len(m.group()), seg))
        pos = end
    out.append(text[pos:])
    return "".join(out)


def mask_document(doc: "Document") -> str:
    text = doc.text
    if doc.kind != "markdown":
        if "gwlint-" not in text:
            return text
        return _filled(text, [m.span() for m in DIRECTIVE_COMMENT.finditer(text)])
    return mask_markdown(text)


def mask_markdown(text: str) -> str:
    # Each stage finds its spans in the text as the stages before it left it.
    spans = []
    m = _FRONT_MATTER.match(text)
    if m:
        spans.append(m.span())
    # fenced code blocks
    pos = 0
    fenced = "```" in text or "~~~" in text          # what an opening fence needs
    while fenced:
        m = _FENCE_OPEN.search(text, pos)
        if not m:
            break
        fence = m.group(1)
        close = re.compile(r"^[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", re.M)
        c = close.search(text, m.end())
        end = c.end() if c else len(text)
        spans.append((m.start(), end))
        pos = end
    masked = _filled(text, spans)
    spans = []
    backticks = "`" in masked        # _INLINE_CODE starts with a look-behind: tried everywhere
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _AUTOLINK, _REF_DEF, _TABLE_SEP, _THEMATIC,
                    _HTML_TAG, _IMAGE):
        if pattern in _LINE_START:
            spans += _line_spans(pattern, masked)
        elif pattern is not _INLINE_CODE or backticks:
            spans += [m.span() for m in pattern.finditer(masked)]
    masked = _filled(masked, spans)
    # keep nothing of "](url)"; the link text before it stays prose
    spans = [m.span() for m in _LINK_TARGET.finditer(masked)]
    for pattern in (_HEADING_MARK, _QUOTE_MARK, _BULLET):
        spans += _line_spans(pattern, masked)
    masked = _filled(masked, spans)
    spans = []
    for m in _EMPHASIS.finditer(masked):
        marker = 1 if m.group("single") is not None else 2       # "*", or "**" / "__"
        spans += [(m.start(), m.start() + marker), (m.end() - marker, m.end())]
    masked = _filled(masked, spans)
    # opening "[" of links: "[text](" -> the "[" and "]" are markup
    spans = []
    for m in re.finditer(r"\[([^\[\]\r\n]*)\]" + MASK, masked):
        spans += [(m.start(), m.start() + 1), (m.end() - 2, m.end() - 1)]
    masked = _filled(masked, spans)
    # table cell separators
    if "|" not in masked:
        return masked
    out = []
    pos = 0
    for start, end in _line_spans(_TABLE_ROW, masked):
        out += [masked[pos:start], masked[start:end].replace("|", MASK)]
        pos = end
    out.append(masked[pos:])
    return "".join(out)


# Every URL holds "://" or a "." before a letter, digit or "-", and every e-mail address an "@"
# (its key); from the match's start to its first key there are only the characters of its run.
# So the scans start only from the runs before the keys, found with str.find: a scan led by the
# class [A-Za-z0-9] would test every character of the text.
_URL_RUN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-")
# what follows the "." of a key
_URL_LABEL = _URL_RUN - {"."}
_EMAIL_RUN = _URL_RUN | frozenset("_%+")


def _keyed_finditer(pattern: re.Pattern, text: str, keys: list[int], run: frozenset) -> list[tuple[int, int]]:
    """The spans of ``pattern.finditer(text)`` for a pattern whose every match has a key at or
    after its start, with only ``run`` characters from its start to its first key; ``keys``
    sorted. No match crosses a line break, so each search ends at the key's line end."""
    spans = []
    pos = 0
    for k in keys:
        if k < pos:
            continue
        r = k
        while r > pos and text[r - 1] in run:
            r -= 1
        eol = text.find("\n", k)
        m = pattern.search(text, r, len(text) if eol == -1 else eol)
        if m is None:
            if eol == -1:
                break
            pos = eol                       # no match starts between r and the line end
        else:
            spans.append(m.span())
            pos = m.end()
    return spans


def _url_keys(text: str) -> list[int]:
    # (dots and colons are few: found one by one with str.find, at C speed, they cost less than
    # re's scan for a dot or str.find's for "://")
    keys = [i for i in _all(text, ".") if text[i + 1:i + 2] in _URL_LABEL]
    schemes = [i for i in _all(text, ":") if text.startswith("//", i + 1)]
    if schemes:
        keys = sorted(keys + schemes)
    return keys


def _all(text: str, key: str) -> list[int]:
    """Where ``key`` occurs in ``text`` (it cannot overlap itself)."""
    out = []
    i = text.find(key)
    while i != -1:
        out.append(i)
        i = text.find(key, i + len(key))
    return out


def find_protected(text: str) -> tuple[Span, ...]:
    if "." not in text and "@" not in text and ":" not in text:
        return ()
    spans = [Span(a, b) for a, b in _keyed_finditer(URL, text, _url_keys(text), _URL_RUN)]
    if "@" in text:
        spans += [Span(a, b) for a, b in _keyed_finditer(EMAIL, text, _all(text, "@"), _EMAIL_RUN)]
    spans.sort()
    merged: list[Span] = []
    for s in spans:
        if merged and s.start <= merged[-1].end:
            if s.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, s.end)
        else:
            merged.append(s)
    return tuple(merged)
