"""Inline suppression directives, the same in .txt and .md (an HTML comment):

    <!-- gwlint-disable [CODES] -->            from here on (until gwlint-enable)
    <!-- gwlint-enable [CODES] -->
    <!-- gwlint-disable-next-line [CODES] -->  the next non-directive line
    <!-- gwlint-disable-line [CODES] -->       the line the comment is on
    <!-- gwlint-disable-file [CODES] -->       the whole file

CODES are codes, prefixes or rule names separated by spaces or commas; none means all
rules. A reason may follow `` -- ``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional

from .model import Span

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document

DIRECTIVE = re.compile(
    r"<!--\s*gwlint-(?P<verb>disable-next-line|disable-line|disable-file|disable|enable)\b"
    r"(?P<args>.*?)-->", re.S)
VERBS = ("disable", "enable", "disable-line", "disable-next-line", "disable-file")


@dataclass(frozen=True, slots=True)
class Directive:
    verb: str
    selectors: tuple[str, ...]     # empty: all rules
    span: Span                     # the comment itself
    line: int                      # 0-based line of the comment
    target: Optional[tuple[int, int]] = None   # (first line, last line) for line verbs


def parse_directives(doc: "Document") -> tuple[Directive, ...]:
    text = doc.text
    if "gwlint-" not in text:
        return ()
    index = doc.index
    out = []
    comment_lines = set()
    found = list(DIRECTIVE.finditer(text))
    for m in found:
        comment_lines.add(index.line_of(m.start()))
    for m in found:
        args = m.group("args").split(" -- ")[0]
        selectors = tuple(s for s in re.split(r"[\s,，]+", args.strip()) if s)
        line = index.line_of(m.start())
        verb = m.group("verb")
        target = None
        if verb == "disable-line":
            target = (line, index.line_of(m.end()))
        elif verb == "disable-next-line":
            nxt = index.line_of(m.end()) + 1
            while nxt in comment_lines and nxt < index.line_count - 1:
                nxt += 1
            target = (nxt, nxt)
        out.append(Directive(verb, selectors, Span(m.start(), m.end()), line, target))
    return tuple(out)
