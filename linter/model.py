"""Core value types shared by the engine, the rules, the CLI and the language server.

Every position inside the engine is a half-open ``Span`` in code points of
``Document.text``. Lines, columns and UTF-16/UTF-8 units are derived views
computed by ``LineIndex``; nothing else stores positions.
"""
from __future__ import annotations

import enum
from dataclasses import MISSING, dataclass, field, fields
from typing import Optional


def quick_init(cls):
    """Give a frozen, slotted dataclass an ``__init__`` that fills its slots through their
    descriptors. The generated one calls ``object.__setattr__`` per field, which makes up most
    of the cost of the many small values a lint builds (spans, diagnostics, headings). Same
    signature and behaviour (``__post_init__`` included); apply it above ``@dataclass``."""
    names = [f.name for f in fields(cls)]
    ns = {f"_set_{n}": getattr(cls, n).__set__ for n in names}
    params = []
    for f in fields(cls):
        if f.default is not MISSING:
            ns[f"_default_{f.name}"] = f.default
            params.append(f"{f.name}=_default_{f.name}")
        else:
            assert f.default_factory is MISSING, "quick_init: no default factories"
            params.append(f.name)
    body = "".join(f"    _set_{n}(self, {n})\n" for n in names)
    if hasattr(cls, "__post_init__"):
        body += "    self.__post_init__()\n"
    exec(f"def __init__(self, {', '.join(params)}):\n{body}", ns)
    init = ns["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


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


@quick_init
@dataclass(frozen=True, slots=True, order=True)
class Span:
    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"invalid span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: "Span") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Span") -> bool:
        return self.start <= other.start and other.end <= self.end


@quick_init
@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` with ``replacement``; empty replacement deletes, empty span inserts."""

    span: Span
    replacement: str


@quick_init
@dataclass(frozen=True, slots=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    @staticmethod
    def replace(span: Span, replacement: str, title: str,
                applicability: Applicability = Applicability.SAFE) -> "Fix":
        return Fix(title, (Edit(span, replacement),), applicability)


@quick_init
@dataclass(frozen=True, slots=True)
class Related:
    """Another place that explains a finding (e.g. the majority form in a consistency finding)."""

    span: Span
    message: str


@quick_init
@dataclass(frozen=True, slots=True)
class Diagnostic:
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
