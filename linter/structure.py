"""Recognising the structure of a 公文: title, salutation, headings by level,
inline enumerations, signature and date. Computed once per Document (``doc.structure``).

(Initial version: a minimal title/salutation pass; the heading analysis is filled in
with the HD rules.)
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional

from .model import Span

if TYPE_CHECKING:  # pragma: no cover
    from .document import Document


@dataclass(frozen=True, slots=True)
class Structure:
    title: Optional[Span] = None
    salutation: Optional[Span] = None
    headings: tuple = ()
    enumerations: tuple = ()
    signature: Optional[Span] = None
    date: Optional[Span] = None
    line_kinds: tuple[str, ...] = field(default=())


def analyze(doc: "Document") -> Structure:
    return Structure()
