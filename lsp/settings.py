"""Editor settings: from initializationOptions and workspace/configuration (section "gwlint").

Accepted shapes: {"enable": true, "lint": {"run": "onType", "delay": 300}, "fix": {"unsafe": false}},
the same nested under "settings", or flattened keys ("lint.run"). Invalid values fall back to
the defaults instead of failing."""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Optional


@dataclass(frozen=True)
class ServerSettings:
    enable: bool = True
    lint_run: str = "onType"          # onType | onSave
    delay_ms: int = 300
    unsafe_fixes: bool = False

    @classmethod
    def from_any(cls, raw: Any, base: Optional["ServerSettings"] = None) -> "ServerSettings":
        s = base or cls()
        if not isinstance(raw, dict):
            return s
        if isinstance(raw.get("settings"), dict):
            raw = raw["settings"]
        if isinstance(raw.get("gwlint"), dict):
            raw = raw["gwlint"]
        flat = dict(raw)
        for group in ("lint", "fix"):
            if isinstance(raw.get(group), dict):
                for k, v in raw[group].items():
                    flat[f"{group}.{k}"] = v
        changes = {}
        if isinstance(flat.get("enable"), bool):
            changes["enable"] = flat["enable"]
        if flat.get("lint.run") in ("onType", "onSave"):
            changes["lint_run"] = flat["lint.run"]
        delay = flat.get("lint.delay")
        if isinstance(delay, (int, float)) and not isinstance(delay, bool) and 0 <= delay <= 10_000:
            changes["delay_ms"] = int(delay)
        if isinstance(flat.get("fix.unsafe"), bool):
            changes["unsafe_fixes"] = flat["fix.unsafe"]
        return replace(s, **changes)
