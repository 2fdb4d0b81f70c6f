"""Core value types shared by the engine, the rules, the CLI and the language server.

Every position inside the engine is a half-open ``Span`` in code points of
``Document.text``. Lines, columns and UTF-16/UTF-8 units are derived views
computed by ``LineIndex``; nothing else stores positions.
"""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import NamedTuple, Optional

_tuple_new = tuple.__new__


class Severity(str, enum.Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    HINT = "hint"

    @classmethod
    def parse(cls, value: str) -> "Severity":
        return cls(value.lower())


class Applicability(str, enum.Enum):
    """How far a fix may be trusted (ruff's model).

    SAFE: keeps the meaning; applied by ``--fix``.
    UNSAFE: may change the meaning; applied only with ``--unsafe-fixes``
    or one at a time from the editor.
    DISPLAY_ONLY: a suggestion shown to the user, never applied in bulk.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"


# The values a lint builds by the ten thousand (spans, diagnostics, fixes) are named tuples:
# immutable and hashable like a frozen dataclass, and about three times cheaper to build (a
# frozen dataclass sets each field through ``object.__setattr__``).

class _SpanFields(NamedTuple):
    start: int
    end: int


class Span(_SpanFields):
    """A half-open range ``[start, end)`` of code points; ordered by start, then end."""

    __slots__ = ()

    def __new__(cls, start: int, end: int) -> "Span":
        if start < 0 or end < start:
            raise ValueError(f"invalid span {start}..{end}")
        return _tuple_new(cls, (start, end))

    def __len__(self) -> int:
        return self[1] - self[0]

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


class Edit(NamedTuple):
    """Replace ``span`` with ``replacement``; empty replacement deletes, empty span inserts."""

    span: Span
    replacement: str


class Fix(NamedTuple):
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @staticmethod
    def replace(span: Span, replacement: str, title: str,
                applicability: Applicability = Applicability.SAFE) -> "Fix":
        return Fix(title, (Edit(span, replacement),), applicability)


class Related(NamedTuple):
    """Another place that explains a finding (e.g. the majority form in a consistency finding)."""

    span: Span
    message: str


class Diagnostic(NamedTuple):
    code: str
    name: str
    message: str
    span: Span
    severity: Severity = Severity.WARNING
    fix: Optional[Fix] = None
    related: tuple[Related, ...] = ()
    # True when the finding covers a whole line to be deleted (banner, page marker, ...).
    # Findings of other families inside such a line are dropped by the engine.
    whole_line: bool = False

    @property
    def family(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class Example:
    """A documented example that also runs as a test.

    ``bad`` must trigger the rule, ``good`` must not; ``fixed`` is what the
    rule's fix turns ``bad`` into (None when the rule has no fix).
    """

    bad: Optional[str] = None
    good: Optional[str] = None
    fixed: Optional[str] = None


@dataclass(frozen=True, slots=True)
class RuleDocs:
    what: str                      # 检查内容
    why: str                       # 为什么
    basis: str = ""                # 依据: standard clause or regulation
    fix_safety: str = ""           # 修复安全性
    options: str = ""              # 配置项


class FixAvailability(str, enum.Enum):
    NONE = "none"
    SOMETIMES = "sometimes"
    ALWAYS = "always"


@dataclass(frozen=True, slots=True)
class RuleMeta:
    code: str                      # e.g. "PH001"
    name: str                      # kebab-case, e.g. "unfilled-placeholder"
    title: str                     # short Chinese title
    docs: RuleDocs
    examples: tuple[Example, ...] = ()
    severity: Severity = Severity.WARNING
    fix: FixAvailability = FixAvailability.NONE
    fix_applicability: Applicability = Applicability.SAFE
    default_enabled: bool = True
    tags: tuple[str, ...] = ()
    origin: str = ""               # module or pack file the rule comes from

    @property
    def family(self) -> str:
        return self.code[:2]


FAMILIES: dict[str, str] = {
    "HD": "标题序号与列举",
    "PH": "未填写的占位符",
    "WM": "水印、广告与下载残留",
    "PU": "标点符号",
    "NU": "数字用法",
    "WD": "用词",
    "CF": "规范表述",
    "CS": "文内一致性",
    "GW": "gwlint 自身",
}


@dataclass(frozen=True, slots=True)
class FileResult:
    """What linting one file produced: its diagnostics, or an error that kept it from being read."""

    path: str
    diagnostics: tuple[Diagnostic, ...] = ()
    error: Optional[str] = None
    document: object = field(default=None, compare=False, repr=False)
