"""SARIF 2.1.0 output (``--output-format sarif``), the format code-scanning services read
(GitHub code scanning, GitLab, Azure DevOps): one run, the rules that have results, and one
result per diagnostic with its region, related locations and fix.

Regions are 1-based, with columns counted in Unicode code points (``columnKind``), end column
exclusive — the same numbers as the JSON output. Paths below the working directory are
written relative to ``%SRCROOT%`` (the working directory), others as ``file:`` URIs.

Each file's results are rendered where the file is linted (``result_bodies``), possibly in a
worker process; ``write_sarif`` wraps them with the rule descriptions once all are in."""
from __future__ import annotations

import json
import os
from pathlib import Path, PurePath
from typing import Iterable, Optional, TextIO
from urllib.parse import quote

from . import __version__
from .docs import render_rule
from .model import Diagnostic, FileResult, Severity

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note", Severity.HINT: "note"}
_SRCROOT = "%SRCROOT%"


def artifact_location(path: str) -> dict:
    """A relative path as a URI reference below %SRCROOT%, an absolute one as a file: URI."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(PurePath(path).as_posix()), "uriBaseId": _SRCROOT}


def _region(line_col, start: int, end: int) -> dict:
    l1, c1 = line_col(start)
    l2, c2 = line_col(end)
    return {"startLine": l1 + 1, "startColumn": c1 + 1, "endLine": l2 + 1, "endColumn": c2 + 1}


def _result(d: Diagnostic, location: dict, line_col) -> dict:
    out = {"ruleId": d.code, "level": _LEVEL[d.severity], "message": {"text": d.message},
           "locations": [{"physicalLocation": {"artifactLocation": location,
                                               "region": _region(line_col, d.span.start, d.span.end)}}]}
    if d.related:
        out["relatedLocations"] = [
            {"id": i, "message": {"text": rel.message},
             "physicalLocation": {"artifactLocation": location,
                                  "region": _region(line_col, rel.span.start, rel.span.end)}}
            for i, rel in enumerate(d.related)]
    if d.fix is not None:
        out["fixes"] = [{
            "description": {"text": d.fix.title},
            "artifactChanges": [{"artifactLocation": location, "replacements": [
                {"deletedRegion": _region(line_col, e.span.start, e.span.end),
                 "insertedContent": {"text": e.replacement}} for e in d.fix.edits]}]}]
    # the fix's applicability decides whether ``gwlint check --fix`` applies it
    out["properties"] = {"name": d.name,
                         **({"fixApplicability": d.fix.applicability.value} if d.fix is not None else {})}
    return out


def result_bodies(r: FileResult) -> str:
    """The file's results, each as a line of JSON, joined by ",\\n"."""
    location = artifact_location(r.path)
    line_col = r.document.index.line_col
    return ",\n".join(json.dumps(_result(d, location, line_col), ensure_ascii=False)
                      for d in r.diagnostics)


def rule_descriptor(code: str, name: str, meta) -> dict:
    """SARIF's reportingDescriptor for a rule; ``meta`` None for a rule not in the registry
    (a pack configured only below the working directory): its code and name alone."""
    if meta is None:
        return {"id": code, "name": name}
    doc = render_rule(meta)
    return {"id": code, "name": meta.name,
            "shortDescription": {"text": meta.title},
            "fullDescription": {"text": meta.docs.what},
            "help": {"text": doc, "markdown": doc},
            "defaultConfiguration": {"level": _LEVEL[meta.severity],
                                     "enabled": meta.default_enabled},
            "properties": {"tags": [meta.family]}}


def write_sarif(bodies: Iterable[str], rules: dict[str, str], out: TextIO, registry=None,
                cwd: Optional[str] = None) -> None:
    """The whole log: ``bodies`` from result_bodies, ``rules`` the code -> name of every rule
    with a result (listed sorted by code), descriptions from ``registry`` where it has them."""
    metas = registry.metas if registry is not None else {}
    root = Path(cwd or os.getcwd()).as_uri().rstrip("/") + "/"
    driver = {"name": "gwlint", "version": __version__, "semanticVersion": __version__,
              "rules": [rule_descriptor(code, rules[code], metas.get(code)) for code in sorted(rules)]}
    head = {"$schema": SCHEMA, "version": "2.1.0"}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints",
           "originalUriBaseIds": {_SRCROOT: {"uri": root}}}
    # the results are written in pieces, as the JSON output is: a report may be many megabytes
    text = json.dumps({**head, "runs": [{**run, "results": []}]}, ensure_ascii=False, indent=1)
    before, after = text.rsplit('"results": []', 1)
    out.write(before)
    out.write('"results": [\n')
    out.write(",\n".join(b for b in bodies if b))
    out.write("\n]" + after + "\n")
