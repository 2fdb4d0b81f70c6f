"""The one place that knows both worlds: gwlint spans, diagnostics and fixes <-> LSP types,
in the position encoding negotiated with the client.

Diagnostics go out as plain JSON-ready dicts (``diagnostic_json``), not lsprotocol objects:
building and cattrs-unstructuring a thousand attrs objects per keystroke cost more than the
lint itself on a long draft. The lsprotocol forms (``to_lsp``, ``to_range``) remain for the
few objects code actions, outline and hover build."""
from __future__ import annotations

import bisect
import json
import re
from typing import Optional

from lsprotocol import types as lsp

from gwlint.linter.document import Document
from gwlint.linter.model import Diagnostic, Edit, Severity, Span

SOURCE = "gwlint"
_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information, Severity.HINT: lsp.DiagnosticSeverity.Hint}
_SEVERITY_JSON = {k: v.value for k, v in _SEVERITY.items()}
_UNNECESSARY = {"WD004"}
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")
_RANGE = '{"start":{"line":%d,"character":%d},"end":{"line":%d,"character":%d}}'
_ITEM = '{"range":' + _RANGE


def encoding_name(kind) -> str:
    value = getattr(kind, "value", kind) or "utf-16"
    return {"utf-8": "utf-8", "utf-16": "utf-16", "utf-32": "utf-32"}.get(str(value).lower(), "utf-16")


class Positions:
    """Code-point offsets -> LSP positions for one document in one encoding; the same results
    as ``LineIndex.units_col``, but a column is counted in C (``str.encode``) and not at all
    when every character is one unit (UTF-32; UTF-16 without astral characters; ASCII)."""
    __slots__ = ("text", "starts", "encoding", "simple")

    def __init__(self, doc: Document, encoding: str) -> None:
        text = doc.text
        self.text = text
        self.starts = doc.index.line_starts
        self.encoding = encoding
        self.simple = (encoding == "utf-32" or text.isascii()
                       or (encoding == "utf-16" and _ASTRAL.search(text) is None))

    @classmethod
    def of(cls, doc: Document, encoding: str) -> "Positions":
        return doc.memo("lsp.positions." + encoding, lambda: cls(doc, encoding))

    def line_col(self, offset: int) -> tuple[int, int]:
        starts = self.starts
        line = bisect.bisect_right(starts, offset) - 1
        start = starts[line]
        if self.simple or offset == start:
            return line, offset - start
        part = self.text[start:offset]
        if self.encoding == "utf-16":
            return line, len(part.encode("utf-16-le", "surrogatepass")) >> 1
        return line, len(part.encode("utf-8", "surrogatepass"))

    def __call__(self, offset: int) -> dict:
        line, col = self.line_col(offset)
        return {"line": line, "character": col}

    def range(self, span: Span) -> dict:
        return {"start": self(span.start), "end": self(span.end)}

    def range_text(self, span: Span) -> str:
        return _RANGE % (self.line_col(span.start) + self.line_col(span.end))


def position(doc: Document, offset: int, encoding: str) -> lsp.Position:
    line, col = doc.index.units_col(offset, encoding)
    return lsp.Position(line=line, character=col)


def to_range(doc: Document, span: Span, encoding: str) -> lsp.Range:
    return lsp.Range(start=position(doc, span.start, encoding), end=position(doc, span.end, encoding))


def to_offset(doc: Document, pos: lsp.Position, encoding: str) -> int:
    return doc.index.offset_from_units(pos.line, pos.character, encoding)


def text_edit(doc: Document, edit: Edit, encoding: str) -> lsp.TextEdit:
    return lsp.TextEdit(range=to_range(doc, edit.span, encoding), new_text=edit.replacement)


def diagnostic_json(doc: Document, d: Diagnostic, uri: str, encoding: str) -> dict:
    """One LSP Diagnostic as the JSON object sent to the client. No ``data``: code actions are
    built from the server's own lint result, and a thousand fix payloads per keystroke would
    only add to what the client has to parse."""
    pos = Positions.of(doc, encoding)
    out = {"range": pos.range(d.span), "message": d.message, "severity": _SEVERITY_JSON[d.severity],
           "code": d.code, "source": SOURCE}
    if d.related:
        out["relatedInformation"] = [{"location": {"uri": uri, "range": pos.range(r.span)}, "message": r.message}
                                     for r in d.related]
    if d.code in _UNNECESSARY:
        out["tags"] = [lsp.DiagnosticTag.Unnecessary.value]
    return out


def diagnostics_json(doc: Optional[Document], diags, uri: str, encoding: str) -> list[dict]:
    if doc is None:
        return []
    return [diagnostic_json(doc, d, uri, encoding) for d in diags]


class RawJSON(str):
    """JSON text that is already serialised: GwlintProtocol writes it into the message as it
    is (see GwlintProtocol._send_data)."""


# The part of a diagnostic's JSON text that does not depend on where it is (message, code,
# severity ...), serialised once and reused from keystroke to keystroke; bounded, cleared when full.
_TAILS: dict[tuple, str] = {}
_TAILS_MAX = 100_000


def _tail(d: Diagnostic) -> str:
    key = (d.code, d.message, d.severity)
    text = _TAILS.get(key)
    if text is None:
        if len(_TAILS) >= _TAILS_MAX:
            _TAILS.clear()
        text = (',"message":' + json.dumps(d.message, ensure_ascii=False)
                + ',"severity":%d,"code":%s,"source":"%s"' % (_SEVERITY_JSON[d.severity], json.dumps(d.code), SOURCE)
                + (',"tags":[%d]' % lsp.DiagnosticTag.Unnecessary.value if d.code in _UNNECESSARY else ""))
        _TAILS[key] = text
    return text


def diagnostics_text(doc: Optional[Document], diags, uri: str, encoding: str) -> RawJSON:
    """The JSON array of LSP Diagnostics, as text: the same content as ``diagnostics_json``
    (a test checks), built without a dict per diagnostic or a json.dumps over the whole list.
    (This runs for every keystroke over a thousand findings: the common case, every character
    one unit, is inlined.)"""
    if doc is None:
        return RawJSON("[]")
    pos = Positions.of(doc, encoding)
    rng, line_col = pos.range_text, pos.line_col
    starts, simple, bisect_right = pos.starts, pos.simple, bisect.bisect_right
    tails = _TAILS
    parts = []
    for d in diags:
        span = d.span
        if simple:
            a, b = span.start, span.end
            la = bisect_right(starts, a) - 1
            lb = bisect_right(starts, b, la) - 1
            item = _ITEM % (la, a - starts[la], lb, b - starts[lb])
        else:
            item = _ITEM % (line_col(span.start) + line_col(span.end))
        tail = tails.get((d.code, d.message, d.severity))
        item += tail if tail is not None else _tail(d)
        if d.related:
            juri = json.dumps(uri, ensure_ascii=False)
            item += ',"relatedInformation":[' + ",".join(
                '{"location":{"uri":%s,"range":%s},"message":%s}'
                % (juri, rng(r.span), json.dumps(r.message, ensure_ascii=False)) for r in d.related) + "]"
        parts.append(item + "}")
    return RawJSON("[" + ",".join(parts) + "]")


def to_lsp(doc: Document, d: Diagnostic, uri: str, encoding: str) -> lsp.Diagnostic:
    """The same diagnostic as an lsprotocol object (for code actions, which carry a few)."""
    related = [lsp.DiagnosticRelatedInformation(
        location=lsp.Location(uri=uri, range=to_range(doc, r.span, encoding)), message=r.message)
        for r in d.related] or None
    return lsp.Diagnostic(range=to_range(doc, d.span, encoding), message=d.message,
                          severity=_SEVERITY[d.severity], code=d.code, source=SOURCE,
                          related_information=related,
                          tags=[lsp.DiagnosticTag.Unnecessary] if d.code in _UNNECESSARY else None)
