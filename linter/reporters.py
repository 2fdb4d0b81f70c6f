"""Output formats: text (``path:line:col: CODE message`` with the source line and a caret),
json (the wire format the evaluation scorer reads), github (workflow annotations) and sarif
(code scanning, see ``sarif.py``)."""
from __future__ import annotations

import json
import unicodedata
from itertools import repeat
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, TextIO

from .model import Applicability, Diagnostic, FileResult, Severity
from .sarif import result_bodies, write_sarif

# ANSI colours, used only on a terminal and when NO_COLOR is not set
_C = {"path": "\033[1m", "code": "\033[1;31m", "warn": "\033[1;33m", "info": "\033[1;36m",
      "dim": "\033[2m", "caret": "\033[1;31m", "fix": "\033[32m", "reset": "\033[0m"}


class Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, key: str, s: str) -> str:
        return f"{_C[key]}{s}{_C['reset']}" if self.color else s


def _position(r: FileResult, d: Diagnostic) -> tuple[int, int, int, int]:
    index = r.document.index
    line, col = index.line_col(d.span.start)
    end_line, end_col = index.line_col(d.span.end)
    return line, col, end_line, end_col


def json_records(results: Iterable[FileResult]) -> list[dict]:
    """The records of the JSON output as dicts: 1-based lines, 1-based columns in characters,
    end column exclusive. Read back from the text ``_json_body`` writes, so the two never differ."""
    return [rec for r in results if r.document is not None
            for rec in json.loads(f"[{_json_body(r)}]")]


# what json.dumps(..., ensure_ascii=False) writes for a string (json's C function)
_q = json.encoder.encode_basestring


def _json_body(r: FileResult) -> str:
    """One record per line, each exactly as ``json.dumps(record, ensure_ascii=False)`` writes
    it. Written directly: building dicts and running json's encoder over each took most of the
    time of a JSON report. Enum values are read as ``_value_`` (``.value`` is a Python-level
    property)."""
    index = r.document.index
    line_col = index.line_col
    path = _q(r.path)
    out = []
    for d in r.diagnostics:
        line, col = line_col(d.span.start)
        end_line, end_col = line_col(d.span.end)
        fix = d.fix
        if fix is None:
            fix_json = "null"
        else:
            edits = ", ".join(map(_edit_json, repeat(line_col), fix.edits))
            fix_json = (f'{{"title": {_q(fix.title)}, "applicability": "{fix.applicability._value_}", '
                        f'"edits": [{edits}]}}')
        related = ", ".join(map(_related_json, repeat(line_col), d.related))
        out.append(f'{{"path": {path}, "line": {line + 1}, "column": {col + 1}, '
                   f'"end_line": {end_line + 1}, "end_column": {end_col + 1}, "code": {_q(d.code)}, '
                   f'"name": {_q(d.name)}, "severity": "{d.severity._value_}", '
                   f'"message": {_q(d.message)}, "fix": {fix_json}, "related": [{related}]}}')
    return ",\n".join(out)


def _edit_json(line_col, e) -> str:
    l1, c1 = line_col(e.span.start)
    l2, c2 = line_col(e.span.end)
    return (f'{{"line": {l1 + 1}, "column": {c1 + 1}, "end_line": {l2 + 1}, "end_column": {c2 + 1}, '
            f'"replacement": {_q(e.replacement)}}}')


def _related_json(line_col, rel) -> str:
    rl, rc = line_col(rel.span.start)
    return f'{{"line": {rl + 1}, "column": {rc + 1}, "message": {_q(rel.message)}}}'


def write_json(results: list[FileResult], out: TextIO) -> None:
    write_reports([render_file(r, "json") for r in results], "json", out)


def _gh_escape(s: str, prop: bool = False) -> str:
    s = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        s = s.replace(":", "%3A").replace(",", "%2C")
    return s


def _github_body(r: FileResult) -> str:
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice",
             Severity.HINT: "notice"}
    parts = []
    for d in r.diagnostics:
        line, col, end_line, end_col = _position(r, d)
        props = (f"file={_gh_escape(r.path, True)},line={line + 1},col={col + 1},"
                 f"endLine={end_line + 1},endColumn={end_col + 1},"
                 f"title={_gh_escape(f'gwlint ({d.code})', True)}")
        parts.append(f"::{level[d.severity]} {props}::{_gh_escape(d.code + ' ' + d.message)}\n")
    return "".join(parts)


def write_github(results: list[FileResult], out: TextIO) -> None:
    write_reports([render_file(r, "github") for r in results], "github", out)


class _CharTable(dict):
    """A ``str.translate`` table filled in as characters are met: after the first sight of a
    character, the source lines of a report are mapped at C speed."""

    def __init__(self, convert) -> None:
        super().__init__()
        self.convert = convert

    def __missing__(self, cp: int):
        value = self[cp] = self.convert(chr(cp))
        return value


# wide characters map to one character, the others are deleted: the count of wide ones
_WIDE = _CharTable(lambda ch: "W" if unicodedata.east_asian_width(ch) in "WF" else None)
# tabs and invisible characters would misplace the caret
_PRINTABLE = _CharTable(lambda ch: " " if ch == "\t" else
                        "·" if ch != " " and unicodedata.category(ch) in ("Cf", "Zs") else ch)


def display_width(s: str) -> int:
    return len(s) if s.isascii() else len(s) + len(s.translate(_WIDE))


def _printable(s: str) -> str:
    # isprintable() is False for every character _PRINTABLE changes (tab, Cf, Zs but space)
    return s if s.isprintable() else s.translate(_PRINTABLE)


_SEVERITY_STYLE = {"error": "code", "warning": "warn"}


def _text_body(r: FileResult, style: Style, show_source: bool) -> str:
    parts: list[str] = []
    out_write = parts.append
    index = r.document.index
    for d in r.diagnostics:
        line, col, end_line, end_col = _position(r, d)
        sev = _SEVERITY_STYLE.get(d.severity._value_, "info")
        fixmark = ""
        if d.fix is not None:
            fixmark = style("fix", " [*]" if d.fix.applicability is Applicability.SAFE else " [?]")
        out_write(f"{style('path', r.path)}:{line + 1}:{col + 1}: {style(sev, d.code)}{fixmark} {d.message}\n")
        if not show_source:
            continue
        src = index.line_text(line)
        if len(src) > 200:  # very long line: show a window around the finding
            a = max(0, col - 60)
            src, col_in = src[a:a + 160], col - a
            prefix = "…" if a else ""
        else:
            col_in, prefix = col, ""
        end_in = col_in + max(1, (end_col if end_line == line else len(index.line_text(line))) - col)
        shown = _printable(src)
        gutter = f"{line + 1:>5} | "
        out_write(style("dim", gutter) + prefix + shown + "\n")
        pad = display_width(prefix + shown[:col_in])
        width = max(1, display_width(shown[col_in:end_in]))
        out_write(style("dim", " " * (len(gutter) - 2) + "| ") + " " * pad + style("caret", "^" * width) + "\n")
        for rel in d.related:
            rl, rc = index.line_col(rel.span.start)
            out_write(style("dim", f"      = 参见 {rl + 1}:{rc + 1}：{rel.message}") + "\n")
        if d.fix is not None:
            out_write(style("dim", f"      = 修复：{d.fix.title}") + "\n")
    return "".join(parts)


def write_text(results: list[FileResult], out: TextIO, style: Style, *, show_source: bool = True) -> None:
    write_reports([render_file(r, "text", style, show_source) for r in results], "text", out)


@dataclass
class FileReport:
    """One file's share of the output, rendered where the file was linted (possibly in a worker
    process), so only strings and counts travel back, not documents and diagnostics."""

    path: str
    body: str = ""                 # the file's part of the output in the chosen format
    count: int = 0
    codes: Counter = field(default_factory=Counter)
    safe_fixable: Counter = field(default_factory=Counter)
    names: dict = field(default_factory=dict)      # code -> rule name (for SARIF's rule list)


def render_file(r: FileResult, fmt: str, style: Style | None = None, show_source: bool = True) -> FileReport:
    if r.document is None or not r.diagnostics:
        return FileReport(path=r.path)
    if fmt == "json":
        body = _json_body(r)
    elif fmt == "github":
        body = _github_body(r)
    elif fmt == "sarif":
        body = result_bodies(r)
    else:
        body = _text_body(r, style or Style(False), show_source)
    codes = Counter(d.code for d in r.diagnostics)
    safe = Counter(d.code for d in r.diagnostics
                   if d.fix is not None and d.fix.applicability is Applicability.SAFE)
    names = {d.code: d.name for d in r.diagnostics} if fmt == "sarif" else {}
    return FileReport(path=r.path, body=body, count=len(r.diagnostics), codes=codes, safe_fixable=safe,
                      names=names)


def write_reports(reports: list[FileReport], fmt: str, out: TextIO, registry=None) -> None:
    """The reports in ``fmt``; ``registry`` (for SARIF) describes the rules that have results."""
    bodies = [rep.body for rep in reports if rep.body]
    if fmt == "sarif":
        names: dict[str, str] = {}
        for rep in reports:
            names.update(rep.names)
        write_sarif(bodies, names, out, registry)
    elif fmt != "json":
        out.write("".join(bodies))
    elif not bodies:
        out.write("[]\n")
    else:
        out.write("[\n")  # in pieces: no copy of a report that may be many megabytes
        out.write(",\n".join(bodies))
        out.write("\n]\n")


def write_statistics(reports: list[FileReport], out: TextIO, registry) -> None:
    counts: Counter = Counter()
    fixable: Counter = Counter()
    for rep in reports:
        counts.update(rep.codes)
        fixable.update(rep.safe_fixable)
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        meta = registry.metas.get(code)
        mark = "[*]" if fixable.get(code) else "   "
        out.write(f"{n:>6}  {code}  {mark} {meta.title if meta else ''}\n")
