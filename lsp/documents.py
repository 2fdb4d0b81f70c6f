"""The server's own copy of each open document, with incremental edits applied through
gwlint's LineIndex (lines end at \\n, \\r\\n, \\r only; pygls's line model would also split
on \\x0b and \\u2028, which Word pastes, and mis-apply edits)."""
from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Optional

from gwlint.linter.lineindex import LineIndex

# every change of any document's text gets a new number: a lint result is current when its
# revision is the document's (cheaper and safer than comparing versions or 50,000-character texts)
_revisions = itertools.count(1)


@dataclass
class OpenDocument:
    uri: str
    text: str
    version: Optional[int]
    language_id: str = ""
    revision: int = field(default_factory=lambda: next(_revisions))

    def set_text(self, text: str) -> None:
        self.text = text
        self.revision = next(_revisions)

    def apply_change(self, change, encoding: str) -> None:
        rng = getattr(change, "range", None)
        if rng is None:                      # full-text change
            self.set_text(change.text)
            return
        index = LineIndex(self.text)
        start = index.offset_from_units(rng.start.line, rng.start.character, encoding)
        end = index.offset_from_units(rng.end.line, rng.end.character, encoding)
        if end < start:
            start, end = end, start
        self.set_text(self.text[:start] + change.text + self.text[end:])


class DocumentStore:
    def __init__(self) -> None:
        self.docs: dict[str, OpenDocument] = {}

    def open(self, uri: str, text: str, version: Optional[int], language_id: str = "") -> OpenDocument:
        doc = self.docs[uri] = OpenDocument(uri, text, version, language_id)
        return doc

    def get(self, uri: str) -> Optional[OpenDocument]:
        return self.docs.get(uri)

    def close(self, uri: str) -> None:
        self.docs.pop(uri, None)
