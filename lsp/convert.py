"""The one place that knows both worlds: gwlint spans, diagnostics and fixes <-> LSP types,
in the position encoding negotiated with the client."""
from __future__ import annotations

from typing import Optional

from lsprotocol import types as lsp

from gwlint.linter.document import Document
from gwlint.linter.model import Applicability, Diagnostic, Edit, Severity, Span

SOURCE = "gwlint"
_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information, Severity.HINT: lsp.DiagnosticSeverity.Hint}
_UNNECESSARY = {"WD004"}


def encoding_name(kind) -> str:
    value = getattr(kind, "value", kind) or "utf-16"
    return {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}.get(str(value).lower(), "utf-16")


def position(doc: Document, offset: int, encoding: str) -> lsp.Position:
    line, col = doc.index.units_col(offset, encoding)
    return lsp.Position(line=line, character=col)


def to_range(doc: Document, span: Span, encoding: str) -> lsp.Range:
    return lsp.Range(start=position(doc, span.start, encoding), end=position(doc, span.end, encoding))


def to_offset(doc: Document, pos: lsp.Position, encoding: str) -> int:
    return doc.index.offset_from_units(pos.line, pos.character, encoding)


def text_edit(doc: Document, edit: Edit, encoding: str) -> lsp.TextEdit:
    return lsp.TextEdit(range=to_range(doc, edit.span, encoding), new_text=edit.replacement)


def to_lsp(doc: Document, d: Diagnostic, uri: str, encoding: str) -> lsp.Diagnostic:
    data = {"v": doc.version, "code": d.code}
    if d.fix is not None:
        data["fix"] = {"title": d.fix.title, "safe": d.fix.applicability is Applicability.SAFE,
                       "edits": [{"range": _range_json(doc, e.span, encoding), "newText": e.replacement}
                                 for e in d.fix.edits]}
    related = [lsp.DiagnosticRelatedInformation(
        location=lsp.Location(uri=uri, range=to_range(doc, r.span, encoding)), message=r.message)
        for r in d.related] or None
    return lsp.Diagnostic(range=to_range(doc, d.span, encoding), message=d.message,
                          severity=_SEVERITY[d.severity], code=d.code, source=SOURCE,
                          related_information=related,
                          tags=[lsp.DiagnosticTag.Unnecessary] if d.code in _UNNECESSARY else None,
                          data=data)


def _range_json(doc: Document, span: Span, encoding: str) -> dict:
    r = to_range(doc, span, encoding)
    return {"start": {"line": r.start.line, "character": r.start.character},
            "end": {"line": r.end.line, "character": r.end.character}}


def edits_from_data(data) -> Optional[list[lsp.TextEdit]]:
    try:
        return [lsp.TextEdit(range=lsp.Range(start=lsp.Position(**e["range"]["start"]),
                                             end=lsp.Position(**e["range"]["end"])), new_text=e["newText"])
                for e in data["fix"]["edits"]]
    except (KeyError, TypeError):
        return None
