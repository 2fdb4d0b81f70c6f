"""Output formats: text (path:line:col: CODE message + source line and caret), json, github."""
from __future__ import annotations

from typing import Iterable

from .model import FileResult


def json_records(results: Iterable[FileResult]) -> list[dict]:
    """The JSON wire format: 1-based lines and columns in characters, end column exclusive."""
    out = []
    for r in results:
        if r.document is None:
            continue
        index = r.document.index
        for d in r.diagnostics:
            line, col = index.line_col(d.span.start)
            end_line, end_col = index.line_col(d.span.end)
            rec = {"path": r.path, "line": line + 1, "column": col + 1,
                   "end_line": end_line + 1, "end_column": end_col + 1,
                   "code": d.code, "name": d.name, "severity": d.severity.value,
                   "message": d.message}
            if d.fix is not None:
                rec["fix"] = {"title": d.fix.title, "applicability": d.fix.applicability.value,
                              "edits": [{"start": e.span.start, "end": e.span.end,
                                         "replacement": e.replacement} for e in d.fix.edits]}
            out.append(rec)
    return out
