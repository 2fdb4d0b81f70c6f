"""How a rule is written: metadata plus a check function over a Document.

A *checker* is one function that may report under several codes (the heading
analysis reports gaps, repeats and mixed styles in one pass); each code has its
own ``RuleMeta``. The engine runs a checker when at least one of its codes is
selected and drops what it reports under codes that are not.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Iterable, Mapping, Optional, Sequence

from .model import (Applicability, Diagnostic, Example, Fix, FixAvailability, Related,
                    RuleDocs, RuleMeta, Severity, Span)

CheckFn = Callable[["Document", "RuleContext"], Iterable[Diagnostic]]  # noqa: F821


@dataclass(frozen=True)
class Checker:
    metas: tuple[RuleMeta, ...]
    check: CheckFn

    @cached_property            # the engine asks for every checker and every document
    def codes(self) -> frozenset[str]:
        return frozenset(m.code for m in self.metas)

    @property
    def label(self) -> str:
        return f"{self.check.__module__}.{getattr(self.check, '__name__', 'check')}"


@dataclass
class RuleContext:
    """What a check function gets besides the document."""

    metas: Mapping[str, RuleMeta]
    severities: Mapping[str, Severity] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    profile: Any = None            # gwlint.linter.profile.Profile (learned conventions)
    settings: Any = None           # gwlint.linter.config.Settings

    def option(self, code: str, key: str, default: Any = None) -> Any:
        meta = self.metas.get(code)
        for k in (code, meta.name if meta else None):
            if k and k in self.options and key in self.options[k]:
                return self.options[k][key]
        return default

    def __post_init__(self) -> None:
        # what report() writes into every finding, looked up once per code
        self._named = {code: (m.name, self.severities.get(code, m.severity))
                       for code, m in self.metas.items()}
        self._only = next(iter(self.metas)) if len(self.metas) == 1 else None

    def report(self, span: Span, message: str, *, code: Optional[str] = None,
               fix: Optional[Fix] = None, related: Sequence[Related] = (),
               whole_line: bool = False) -> Diagnostic:
        if code is None:
            code = self._only
            if code is None:
                raise ValueError("report() needs code= in a checker with several rules")
        name, severity = self._named[code]
        # positional (code, name, message, span, severity, fix, related, whole_line): every
        # finding goes through here, and keywords make the call a third slower
        return Diagnostic(code, name, message, span, severity, fix,
                          tuple(related) if related else (), whole_line)


def meta(code: str, name: str, title: str, *, what: str, why: str, basis: str = "",
         fix_safety: str = "", options: str = "", examples: Sequence[Example] = (),
         severity: Severity = Severity.WARNING, fix: FixAvailability = FixAvailability.NONE,
         fix_applicability: Applicability = Applicability.SAFE, default_enabled: bool = True,
         tags: Sequence[str] = (), origin: str = "") -> RuleMeta:
    """Shorthand for building a RuleMeta in a Python rule module."""
    if not fix_safety:
        fix_safety = {
            FixAvailability.NONE: "不提供自动修复，需人工处理。",
            FixAvailability.SOMETIMES: "部分情形提供修复。",
            FixAvailability.ALWAYS: "提供修复。",
        }[fix]
    return RuleMeta(code=code, name=name, title=title,
                    docs=RuleDocs(what=what, why=why, basis=basis, fix_safety=fix_safety,
                                  options=options),
                    examples=tuple(examples), severity=severity, fix=fix,
                    fix_applicability=fix_applicability, default_enabled=default_enabled,
                    tags=tuple(tags), origin=origin)


def checker(*metas: RuleMeta) -> Callable[[CheckFn], Checker]:
    """Decorator: ``@checker(meta(...), meta(...))`` turns a check function into a Checker."""

    def wrap(fn: CheckFn) -> Checker:
        origin = fn.__module__
        fixed = tuple(m if m.origin else _with_origin(m, origin) for m in metas)
        return Checker(metas=fixed, check=fn)

    return wrap


def _with_origin(m: RuleMeta, origin: str) -> RuleMeta:
    from dataclasses import replace
    return replace(m, origin=origin)
