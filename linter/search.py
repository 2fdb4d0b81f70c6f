"""Finding what a document holds a few times at most with ``str.find``, which scans for one
character at C speed (memchr): several times cheaper than ``re``'s scan for a literal, and
far cheaper than its scan for a class. Rules use these where the characters are rare;
for a character that stands hundreds of times a Python step per occurrence costs more."""
from __future__ import annotations

import re
from typing import Iterator


def char_offsets(text: str, chars: str) -> list[int]:
    """Sorted offsets of the characters of ``chars`` in text: a str.find per character (and per
    occurrence) costs a fraction of one scan for a class of them."""
    out = []
    for c in chars:
        i = text.find(c)
        while i >= 0:
            out.append(i)
            i = text.find(c, i + 1)
    out.sort()
    return out


def finditer_from(pattern: re.Pattern, text: str, lead: str) -> Iterator[re.Match]:
    """pattern.finditer(text) for a pattern whose every match starts with the literal ``lead``,
    tried only where str.find finds it."""
    i = text.find(lead)
    while i >= 0:
        m = pattern.match(text, i)
        if m:
            yield m
            i = text.find(lead, m.end())
        else:
            i = text.find(lead, i + 1)
