"""Line index over a text: offsets in code points <-> (line, column) in any unit.

Lines end at ``\\n``, ``\\r\\n`` or ``\\r`` only (LSP 3.17), never at the other
characters ``str.splitlines`` breaks on (``\\x0b``, ``\\u2028`` ... which Word pastes).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate, count
from operator import add

_LINE_END = re.compile(r"\r\n|\r|\n")


def has_bare_cr(text: str) -> bool:
    """Some line ends in a CR alone (old Mac files): scans keyed on LF would miss its lines."""
    return "\r" in text and text.count("\r") != text.count("\r\n")


class LineIndex:
    __slots__ = ("text", "line_starts", "bare_cr", "_has_cr", "_ascii")

    def __init__(self, text: str) -> None:
        self.text = text
        self._has_cr = "\r" in text
        #: some line ends in a bare CR (else every line break ends in LF)
        self.bare_cr = self._has_cr and has_bare_cr(text)
        if self.bare_cr:
            starts = [0]
            starts.extend(m.end() for m in _LINE_END.finditer(text))
            self.line_starts: tuple[int, ...] = tuple(starts)
        else:
            # every line break ends in LF: line k starts after the k first pieces between LFs
            # and their k LFs (all at C speed)
            lengths = map(len, text.split("\n")[:-1])
            self.line_starts = (0, *map(add, accumulate(lengths), count(1)))
        self._ascii = text.isascii()

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line_of(self, offset: int) -> int:
        """0-based line containing ``offset`` (an offset at a line end belongs to that line)."""
        return bisect_right(self.line_starts, offset) - 1

    def line_col(self, offset: int) -> tuple[int, int]:
        starts = self.line_starts
        line = bisect_right(starts, offset) - 1
        return line, offset - starts[line]

    def line_span(self, line: int, *, keepends: bool = False) -> tuple[int, int]:
        """(start, end) offsets of line ``line``; end excludes the line break unless ``keepends``."""
        start = self.line_starts[line]
        if line + 1 < len(self.line_starts):
            nxt = self.line_starts[line + 1]
            if keepends:
                return start, nxt
            end = nxt - 1
            if self._has_cr and end > start and self.text[end] == "\n" and self.text[end - 1] == "\r":
                end -= 1
            return start, end
        return start, len(self.text)

    def line_text(self, line: int) -> str:
        start, end = self.line_span(line)
        return self.text[start:end]

    def offset(self, line: int, col: int) -> int:
        """Offset of (line, code-point column), clamped to the line's content."""
        if line >= len(self.line_starts):
            return len(self.text)
        start, end = self.line_span(line)
        return min(start + max(col, 0), end)

    # --- other column units (LSP position encodings) -------------------------------
    def units_col(self, offset: int, encoding: str = "utf-16") -> tuple[int, int]:
        """(line, column) of ``offset`` with the column counted in ``encoding`` units."""
        line, col = self.line_col(offset)
        if self._ascii or encoding == "utf-32" or col == 0:
            return line, col
        start = self.line_starts[line]
        return line, units_len(self.text[start:offset], encoding)

    def offset_from_units(self, line: int, units: int, encoding: str = "utf-16") -> int:
        """Offset of (line, column in ``encoding`` units); a column inside a character or past
        the line end is clamped, as LSP asks."""
        if line >= len(self.line_starts):
            return len(self.text)
        start, end = self.line_span(line)
        if self._ascii or encoding == "utf-32":
            return min(start + max(units, 0), end)
        count = 0
        pos = start
        while pos < end:
            width = char_units(self.text[pos], encoding)
            if count + width > units:
                break
            count += width
            pos += 1
        return pos


def char_units(ch: str, encoding: str) -> int:
    cp = ord(ch)
    if encoding == "utf-16":
        return 2 if cp > 0xFFFF else 1
    if encoding == "utf-8":
        return 1 if cp < 0x80 else 2 if cp < 0x800 else 3 if cp < 0x10000 else 4
    return 1


def units_len(s: str, encoding: str) -> int:
    if encoding == "utf-16":
        return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)
    if encoding == "utf-8":
        return len(s.encode("utf-8", "surrogatepass"))
    return len(s)
