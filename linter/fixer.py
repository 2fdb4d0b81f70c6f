"""Applying fixes: safe ones by default, unsafe ones on request; no overlapping edits in one
pass; re-lint and repeat until nothing changes (a fixed point), so the result is idempotent."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Optional, Sequence

from .model import Applicability, Diagnostic, Edit

MAX_PASSES = 20


@dataclass(frozen=True)
class FixOutcome:
    text: str
    applied: tuple[Diagnostic, ...]      # every diagnostic whose fix was applied, over all passes
    remaining: tuple[Diagnostic, ...]    # diagnostics of the final text
    passes: int


def applicable(d: Diagnostic, unsafe: bool) -> bool:
    if d.fix is None or not d.fix.edits:
        return False
    if d.fix.applicability is Applicability.SAFE:
        return True
    return unsafe and d.fix.applicability is Applicability.UNSAFE


def apply_edits(text: str, diagnostics: Iterable[Diagnostic], unsafe: bool = False
                ) -> tuple[str, list[Diagnostic]]:
    """One pass: apply each applicable fix whose edits overlap none already taken.
    A fix is taken whole or not at all."""
    taken: list[Edit] = []
    applied: list[Diagnostic] = []
    for d in sorted((d for d in diagnostics if applicable(d, unsafe)),
                    key=lambda d: (d.fix.edits[0].span.start, d.code)):
        edits = sorted(d.fix.edits, key=lambda e: e.span)
        if any(_clash(e, t) for e in edits for t in taken):
            continue
        if any(e.span.end > len(text) for e in edits):
            continue
        taken.extend(edits)
        applied.append(d)
    if not taken:
        return text, []
    taken.sort(key=lambda e: (e.span.start, e.span.end))
    parts = []
    pos = 0
    for e in taken:
        parts.append(text[pos:e.span.start])
        parts.append(e.replacement)
        pos = e.span.end
    parts.append(text[pos:])
    return "".join(parts), applied


def _clash(a: Edit, b: Edit) -> bool:
    if a.span.overlaps(b.span):
        return True
    # two insertions at one point, or an insertion touching a replaced span, are ambiguous
    if len(a.span) == 0 or len(b.span) == 0:
        return b.span.start <= a.span.start <= b.span.end or a.span.start <= b.span.start <= a.span.end
    return False


def fix_text(linter, doc, unsafe: bool = False, diagnostics: Optional[Sequence[Diagnostic]] = None
             ) -> FixOutcome:
    """Fix ``doc`` to a fixed point with ``linter``; the document itself is not changed."""
    from .document import Document
    text = doc.text
    current = doc
    diags = list(diagnostics) if diagnostics is not None else linter.lint(doc)
    applied_all: list[Diagnostic] = []
    passes = 0
    while passes < MAX_PASSES:
        new_text, applied = apply_edits(text, diags, unsafe)
        if not applied or new_text == text:
            break
        passes += 1
        applied_all.extend(applied)
        text = new_text
        current = Document(text, path=doc.path, kind=doc.kind, source=doc.source, version=doc.version)
        diags = linter.lint(current)
    return FixOutcome(text=text, applied=tuple(applied_all), remaining=tuple(diags), passes=passes)
