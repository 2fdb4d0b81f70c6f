"""The rule engine: runs the selected rules over a Document and returns sorted diagnostics.

No I/O here: the CLI and the language server both call ``Linter.lint``.
"""
from __future__ import annotations

import bisect
import fnmatch
import os
import traceback
from itertools import compress, islice
from operator import attrgetter, eq
from typing import Optional, Sequence

from . import masking, structure  # noqa: F401  every lint needs them: loaded with the engine, not by the first document
from .document import Document
from .model import Diagnostic, FileResult, Severity, Span
from .registry import Registry
from .rule import Checker, RuleContext
from .source import SourceError, read_source
from .suppression import Directive

INTERNAL_ERROR = "GW900"
# Findings still reported inside a leftover line: an unmatched 》 in a site credit shows the
# line is an echo of a title, and the user should see it even before deleting the line; the
# finding that a whole document is in traditional characters (WD007) is about the document,
# not the line it is shown on.
KEEP_INSIDE_LEFTOVERS = frozenset({"PU006", "WD007"})
UNUSED_SUPPRESSION = "GW001"
INVALID_SUPPRESSION = "GW002"


_WHOLE_LINE = attrgetter("whole_line")
_SPAN = attrgetter("span")
_START = attrgetter("span.start")
# (span, code, message) orders as (start, end, code, message): a Span is the tuple (start, end)
_SORT_KEY = attrgetter("span", "code", "message")


def _sorted_unique(found: list[Diagnostic]) -> list[Diagnostic]:
    """Findings in order of (start, end, code, message), each once. Sorted by their starts
    (plain ints: no key tuple to build, the cheapest comparisons), then each run of equal
    starts by the whole key; equal findings (hashed through their nested spans, fixes and
    enums) can only sit in such a run."""
    found = sorted(found, key=_START)
    starts = list(map(_START, found))
    # i where starts[i - 1] == starts[i]: the runs to order by the rest of the key
    ties = list(compress(range(1, len(found)), map(eq, starts, islice(starts, 1, None))))
    if not ties:
        return found
    repeats = False
    k, n = 0, len(ties)
    while k < n:
        a, b = ties[k] - 1, ties[k] + 1               # found[a:b]: one run of equal starts
        k += 1
        while k < n and ties[k] == b:
            b += 1
            k += 1
        run = found[a:b] = sorted(found[a:b], key=_SORT_KEY)
        if not repeats:
            keys = list(map(_SORT_KEY, run))
            repeats = any(map(eq, keys, islice(keys, 1, None)))
    return list(dict.fromkeys(found)) if repeats else found


class Linter:
    """A resolved configuration (settings, registry, profile) ready to lint documents."""

    def __init__(self, settings=None, registry: Optional[Registry] = None, profile=None) -> None:
        from .config import Settings
        from .loading import default_registry, load_profile
        self.settings = settings or Settings()
        self.registry = registry or default_registry(self.settings)
        self.profile = profile if profile is not None else load_profile(self.settings)
        s = self.settings
        self.enabled = self.registry.select(s.select, s.extend_select, s.ignore)
        self.severities = {code: sev for code, sev in s.severity_overrides(self.registry).items()}
        self._contexts = {}
        self._plans: dict[frozenset[str], tuple] = {}

    # --- public ----------------------------------------------------------------------
    def lint(self, doc: Document, *, enabled: Optional[frozenset[str]] = None) -> list[Diagnostic]:
        enabled = self._enabled_for(doc) if enabled is None else enabled
        found: list[Diagnostic] = []
        for ch, check, ctx, whole in self._plan(enabled):
            try:
                # extend() keeps what a checker yielded before it failed, as appending did
                if whole:
                    found.extend(check(doc, ctx))
                else:
                    found.extend(d for d in check(doc, ctx) if d.code in enabled)
            except Exception as exc:  # a broken rule must never take the linter down
                if INTERNAL_ERROR in self.registry.metas:
                    found.append(self._internal_error(ch, exc))
        # the filters below keep or drop each finding on its own, so sorting first gives the
        # same result and lets the leftover filter look only near leftover lines
        found = _sorted_unique(found)
        found = self._drop_inside_leftovers(found)
        found = self._apply_allow_list(doc, found)
        return self._apply_directives(doc, found, enabled)

    def lint_path(self, path: str) -> FileResult:
        try:
            source = read_source(path)
        except SourceError as exc:
            return FileResult(path=path, error=str(exc))
        doc = Document.from_source(source, path=path)
        return FileResult(path=path, diagnostics=tuple(self.lint(doc)), document=doc)

    # --- helpers ---------------------------------------------------------------------
    def _enabled_for(self, doc: Document) -> frozenset[str]:
        ignores = self.settings.per_file_ignores
        if not ignores or not doc.path:
            return self.enabled
        path = doc.path.replace(os.sep, "/")
        base = os.path.basename(path)
        extra = []
        for pattern, selectors in ignores:
            if fnmatch.fnmatch(path, pattern) or fnmatch.fnmatch(base, pattern) \
                    or fnmatch.fnmatch(path, "*/" + pattern):
                extra.extend(selectors)
        if not extra:
            return self.enabled
        return frozenset(c for c in self.enabled if not self.registry.matches(c, extra))

    def _plan(self, enabled: frozenset[str]) -> tuple:
        """(checker, check function, context, all its codes enabled) for each checker with
        an enabled code, in registry order: worked out once per set of enabled codes, not
        for every document."""
        checkers = self.registry.checkers
        if type(enabled) is not frozenset:         # a caller's set: hashable for the cache
            enabled = frozenset(enabled)
        cached = self._plans.get(enabled)
        if cached is not None and cached[0] is checkers:
            return cached[1]
        plan = tuple((ch, ch.check, self._context(ch), ch.codes <= enabled)
                     for ch in checkers if ch.codes & enabled)
        self._plans[enabled] = (checkers, plan)
        return plan

    def _context(self, ch: Checker) -> RuleContext:
        ctx = self._contexts.get(id(ch))
        if ctx is None:
            ctx = RuleContext(metas={m.code: m for m in ch.metas}, severities=self.severities,
                              options=self.settings.rule_options, profile=self.profile,
                              settings=self.settings)
            self._contexts[id(ch)] = ctx
        return ctx

    def _internal_error(self, ch: Checker, exc: Exception) -> Diagnostic:
        meta = self.registry.metas[INTERNAL_ERROR]
        where = traceback.extract_tb(exc.__traceback__)[-1]
        codes = "、".join(sorted(ch.codes))
        msg = (f"规则 {codes} 内部出错，已跳过：{type(exc).__name__}: {exc}"
               f"（{os.path.basename(where.filename)}:{where.lineno}）")
        return Diagnostic(code=INTERNAL_ERROR, name=meta.name, message=msg, span=Span(0, 0),
                          severity=Severity.ERROR)

    @staticmethod
    def _drop_inside_leftovers(found: list[Diagnostic]) -> list[Diagnostic]:
        """A leftover line (banner, page marker ...) goes as a whole: other findings inside it
        would only be noise. ``found`` is in order of start."""
        flags = list(map(_WHOLE_LINE, found))
        if True not in flags:
            return found
        lines = sorted(map(_SPAN, compress(found, flags)))
        starts = [s.start for s in lines]

        def inside(span: Span) -> bool:
            i = bisect.bisect_right(starts, span.start) - 1
            return i >= 0 and lines[i].contains(span)

        # only findings starting within a leftover line can be inside one
        found_starts = list(map(_START, found))
        keep = None
        for line in lines:
            for j in range(bisect.bisect_left(found_starts, line.start),
                           bisect.bisect_right(found_starts, line.end)):
                d = found[j]
                if not (d.whole_line or d.family in ("WM", "GW") or d.code in KEEP_INSIDE_LEFTOVERS
                        or not inside(d.span)):
                    if keep is None:
                        keep = [True] * len(found)
                    keep[j] = False
        if keep is None:
            return found
        return list(compress(found, keep))

    def _apply_allow_list(self, doc: Document, found: list[Diagnostic]) -> list[Diagnostic]:
        allow = self.settings.allow
        if not allow or not found:
            return found
        text = doc.text
        occurrences: dict[str, list[Span]] = {}
        for key, phrases in allow.items():
            spans = []
            for phrase in phrases:
                start = text.find(phrase)
                while start != -1:
                    spans.append(Span(start, start + len(phrase)))
                    start = text.find(phrase, start + 1)
            occurrences[key] = spans
        kept = []
        for d in found:
            spans = occurrences.get(d.family, []) + occurrences.get(d.code, []) + occurrences.get("*", [])
            if any(s.contains(d.span) or d.span.contains(s) for s in spans):
                continue
            kept.append(d)
        return kept

    def _apply_directives(self, doc: Document, found: list[Diagnostic],
                          enabled: frozenset[str]) -> list[Diagnostic]:
        directives: Sequence[Directive] = doc.directives
        if not directives:
            return found
        reg = self.registry
        index = doc.index
        extra: list[Diagnostic] = []
        used: set[int] = set()

        def covers(dv: Directive, code: str) -> bool:
            return not dv.selectors or reg.matches(code, dv.selectors)

        # validate selectors
        if INVALID_SUPPRESSION in enabled:
            meta = reg.metas[INVALID_SUPPRESSION]
            for dv in directives:
                bad = [s for s in dv.selectors if reg.resolve(s) is None]
                if bad:
                    extra.append(Diagnostic(INVALID_SUPPRESSION, meta.name,
                                            f"抑制注释中有未知的规则：{'、'.join(bad)}", dv.span,
                                            self.severities.get(INVALID_SUPPRESSION, meta.severity)))
        # ranges from disable/enable
        kept = []
        for d in found:
            line = index.line_of(d.span.start)
            hit = None
            for i, dv in enumerate(directives):
                if dv.verb == "disable-file" and covers(dv, d.code):
                    hit = i
                elif dv.target and dv.target[0] <= line <= dv.target[1] and covers(dv, d.code):
                    hit = i
                if hit is not None:
                    break
            if hit is None:
                state = None
                for i, dv in enumerate(directives):
                    if dv.span.start > d.span.start:
                        break
                    if dv.verb == "disable" and covers(dv, d.code):
                        state = i
                    elif dv.verb == "enable" and covers(dv, d.code):
                        state = None
                hit = state
            if hit is None:
                kept.append(d)
            else:
                used.add(hit)
        if UNUSED_SUPPRESSION in enabled:
            meta = reg.metas[UNUSED_SUPPRESSION]
            for i, dv in enumerate(directives):
                if dv.verb != "enable" and i not in used:
                    extra.append(Diagnostic(UNUSED_SUPPRESSION, meta.name,
                                            "这条抑制注释没有抑制任何问题，可以删除", dv.span,
                                            self.severities.get(UNUSED_SUPPRESSION, meta.severity)))
        return _sorted_unique(kept + extra) if extra else kept
