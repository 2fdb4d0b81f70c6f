"""Masking of what is not prose, with same-length filler so offsets never move."""
from __future__ import annotations

import re
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
_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1|(?<![*\w])\*(?=[^\s*])([^*\r\n]+?)(?<=[^\s*])\*(?![*\w])")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.M)
_TABLE_SEP = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$", re.M)
_IMAGE = re.compile(r"!\[[^\]\r\n]*\]")

URL = re.compile(
    r"(?=[A-Za-z0-9])(?:(?:https?|ftp)://[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’《》<>\"']+"
    r"|www\.[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+(?:/[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’《》<>\"']*)?"
    r"|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.(?:com|cn|net|org|gov|edu|info|top|xyz|cc|io)(?:\.cn)?\b"
    r"(?:/[^\s\u3000-\u303f\uff00-\uffef\u4e00-\u9fff“”‘’《》<>\"']*)?)"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


def _fill(buf: list[str], start: int, end: int) -> None:
    """Replace buf[start:end] with MASK, keeping line breaks so lines stay lines."""
    for i in range(start, end):
        if buf[i] not in "\r\n":
            buf[i] = MASK


def mask_document(doc: "Document") -> str:
    text = doc.text
    if doc.kind != "markdown":
        if "gwlint-" not in text:
            return text
        buf = list(text)
        for m in DIRECTIVE_COMMENT.finditer(text):
            _fill(buf, m.start(), m.end())
        return "".join(buf)
    return mask_markdown(text)


def mask_markdown(text: str) -> str:
    buf = list(text)
    m = _FRONT_MATTER.match(text)
    if m:
        _fill(buf, m.start(), m.end())
    # fenced code blocks
    pos = 0
    while True:
        m = _FENCE_OPEN.search(text, pos)
        if not m:
            break
        fence = m.group(1)
        close = re.compile(r"^[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", re.M)
        c = close.search(text, m.end())
        end = c.end() if c else len(text)
        _fill(buf, m.start(), end)
        pos = end
    masked = "".join(buf)
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _AUTOLINK, _REF_DEF, _TABLE_SEP, _THEMATIC,
                    _HTML_TAG, _IMAGE):
        for m in pattern.finditer(masked):
            _fill(buf, m.start(), m.end())
    masked = "".join(buf)
    for m in _LINK_TARGET.finditer(masked):
        _fill(buf, m.start(), m.end())
        # keep nothing of "](url)"; the link text before it stays prose
    for pattern in (_HEADING_MARK, _QUOTE_MARK, _BULLET):
        for m in pattern.finditer(masked):
            _fill(buf, m.start(), m.end())
    masked = "".join(buf)
    for m in _EMPHASIS.finditer(masked):
        if m.group(1):
            marker = len(m.group(1))
            _fill(buf, m.start(), m.start() + marker)
            _fill(buf, m.end() - marker, m.end())
        else:
            _fill(buf, m.start(), m.start() + 1)
            _fill(buf, m.end() - 1, m.end())
    # opening "[" of links: "[text](" -> the "[" and "]" are markup
    masked = "".join(buf)
    for m in re.finditer(r"\[([^\[\]\r\n]*)\]" + MASK, masked):
        _fill(buf, m.start(), m.start() + 1)
        _fill(buf, m.end() - 2, m.end() - 1)
    masked = "".join(buf)
    # table cell separators
    for m in _TABLE_ROW.finditer(masked):
        for i in range(m.start(), m.end()):
            if buf[i] == "|":
                buf[i] = MASK
    return "".join(buf)


def find_protected(text: str) -> tuple[Span, ...]:
    if "." not in text and "@" not in text and ":" not in text:
        return ()
    spans = [Span(m.start(), m.end()) for m in URL.finditer(text)]
    spans += [Span(m.start(), m.end()) for m in EMAIL.finditer(text)]
    spans.sort()
    merged: list[Span] = []
    for s in spans:
        if merged and s.start <= merged[-1].end:
            if s.end > merged[-1].end:
                merged[-1] = Span(merged[-1].start, s.end)
        else:
            merged.append(s)
    return tuple(merged)
