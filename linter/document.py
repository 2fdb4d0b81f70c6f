"""The one document model every entry point (CLI, language server, pre-commit) lints.

``Document.text`` is the exact decoded source (BOM removed, line endings kept).
``Document.masked`` has the same length; what is not prose (Markdown code, HTML
comments, front matter, link targets and markup, gwlint directive comments) is
replaced by ``MASK`` so that offsets never move and rules can scan it directly.
Structure (title, headings, enumerations ...) is computed lazily, once.
"""
from __future__ import annotations

import bisect
import os
from typing import Any, Callable, Iterator, Optional

# every lint needs them: an import statement in a method costs microseconds a call
from . import masking as _masking, structure as _structure, suppression as _suppression
from .lineindex import LineIndex
from .model import Span
from .source import SourceText

#: Filler for masked characters: a private-use code point no rule matches.
MASK = "\ue000"

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


class _lazy:
    """``functools.cached_property`` without its lock (Python 3.11 takes one on every first
    access, and every document has several views): computed once, then read from the
    instance's ``__dict__`` like any attribute."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute = compute
        self.name = compute.__name__
        self.__doc__ = compute.__doc__

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: Optional[type] = None) -> Any:
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.compute(obj)
        return value


_MISSING = object()


def kind_for_path(path: Optional[str]) -> str:
    if path and path.lower().endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    return "text"


class Document:
    def __init__(self, text: str, *, path: Optional[str] = None, kind: Optional[str] = None,
                 source: Optional[SourceText] = None, version: Optional[int] = None) -> None:
        self.text = text
        self.path = path
        self.kind = kind or kind_for_path(path)
        self.source = source or SourceText(text, "utf-8")
        self.version = version
        self._memo: dict[str, Any] = {}

    def __getstate__(self) -> dict:
        # sent between processes: only what defines the document, not the derived views
        return {"text": self.text, "path": self.path, "kind": self.kind, "source": self.source,
                "version": self.version}

    def __setstate__(self, state: dict) -> None:
        self.__dict__.update(state)
        self._memo = {}

    @classmethod
    def from_source(cls, source: SourceText, path: Optional[str] = None, **kw: Any) -> "Document":
        return cls(source.text, path=path, source=source, **kw)

    # --- derived views -------------------------------------------------------------
    @_lazy
    def index(self) -> LineIndex:
        return LineIndex(self.text)

    @_lazy
    def masked(self) -> str:
        return _masking.mask_document(self)

    @_lazy
    def structure(self):
        """Title, salutation, headings by level, enumerations, signature and date."""
        return _structure.analyze(self)

    @_lazy
    def directives(self):
        return _suppression.parse_directives(self)

    @_lazy
    def protected(self) -> tuple[Span, ...]:
        """URLs, e-mail addresses and domain names in the prose: not Chinese text, so
        punctuation and number rules leave them alone."""
        return _masking.find_protected(self.masked)

    def is_protected(self, start: int, end: Optional[int] = None) -> bool:
        end = start + 1 if end is None else end
        starts, ends = self._protected_bounds
        if not starts:
            return False
        i = bisect.bisect_right(starts, start) - 1
        # the span starting at or before `start`, and the next one, are the only candidates
        if i >= 0 and starts[i] < end and start < ends[i]:
            return True
        return i + 1 < len(starts) and starts[i + 1] < end and start < ends[i + 1]

    @_lazy
    def _protected_bounds(self) -> tuple[list[int], list[int]]:
        """The starts and the ends of the protected spans (plain lists: rules ask for each
        candidate they find, and list items are read faster than a Span's fields)."""
        spans = self.protected
        return [s.start for s in spans], [s.end for s in spans]

    def memo(self, key: str, compute: Callable[[], Any]) -> Any:
        """Cache a per-document analysis shared by several rules (computed once per lint)."""
        value = self._memo.get(key, _MISSING)        # a miss raises no KeyError
        if value is _MISSING:
            value = self._memo[key] = compute()
        return value

    # --- convenience ---------------------------------------------------------------
    @property
    def display_path(self) -> str:
        return self.path if self.path is not None else "<stdin>"

    @property
    def name(self) -> str:
        return os.path.basename(self.path) if self.path else "<stdin>"

    def lines(self) -> Iterator[tuple[int, int, int]]:
        """(line number 0-based, start offset, end offset without the line break)."""
        index = self.index
        for i in range(index.line_count):
            start, end = index.line_span(i)
            yield i, start, end

    def line_of(self, offset: int) -> int:
        return self.index.line_of(offset)

    def line_span(self, line: int) -> Span:
        return Span(*self.index.line_span(line))

    def snippet(self, span: Span) -> str:
        return self.text[span.start:span.end]
