"""Configuration: discovery (.gwlint.toml, gwlint.toml, [tool.gwlint] in pyproject.toml),
validation (unknown keys are errors naming the file and the key) and the resolved Settings."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from .model import Severity


class ConfigError(Exception):
    """A configuration problem; the message names the file and the key."""


@dataclass(frozen=True)
class Settings:
    select: Optional[tuple[str, ...]] = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    severity: Mapping[str, str] = field(default_factory=dict)          # selector -> severity
    rule_options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    allow: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # family/code -> phrases
    packs: tuple[str, ...] = ()            # extra pack files or folders
    disable_packs: tuple[str, ...] = ()    # built-in packs switched off, by name
    profile: Optional[str] = None          # path of a learned conventions profile ("none": no profile)
    conventions: Mapping[str, Any] = field(default_factory=dict)  # project overrides of the profile
    include: tuple[str, ...] = ("*.txt", "*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    config_path: Optional[str] = None      # the file these settings came from
    sources: Mapping[str, str] = field(default_factory=dict)   # key -> where its value came from

    def severity_overrides(self, registry) -> dict[str, Severity]:
        out: dict[str, Severity] = {}
        # shorter selectors first so that longer (more specific) ones win
        for sel, value in sorted(self.severity.items(), key=lambda kv: len(registry.resolve(kv[0]) or "")):
            prefix = registry.resolve(sel)
            for code in registry.metas:
                if prefix is not None and code.startswith(prefix):
                    out[code] = Severity.parse(value)
        return out
