"""The immutable registry of rules, and rule selection (select / ignore by code, prefix or name)."""
from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from types import MappingProxyType
from typing import Iterable, Mapping, Optional, Sequence

from .model import RuleMeta
from .rule import Checker

CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


class RegistryError(Exception):
    pass


@dataclass(frozen=True)
class Registry:
    checkers: tuple[Checker, ...]
    metas: Mapping[str, RuleMeta]          # code -> meta, sorted by code
    by_name: Mapping[str, str]             # name -> code

    @classmethod
    def build(cls, checkers: Iterable[Checker]) -> "Registry":
        checkers = tuple(checkers)
        metas: dict[str, RuleMeta] = {}
        by_name: dict[str, str] = {}
        for ch in checkers:
            for m in ch.metas:
                if not CODE_RE.match(m.code):
                    raise RegistryError(f"规则代码“{m.code}”不合规范（应为两个大写字母加三位数字）：{m.origin}")
                if not NAME_RE.match(m.name):
                    raise RegistryError(f"规则名“{m.name}”不合规范（应为小写短横线形式）：{m.origin}")
                if m.code in metas:
                    raise RegistryError(f"规则代码重复：{m.code}（{metas[m.code].origin} 与 {m.origin}）")
                if m.name in by_name:
                    raise RegistryError(f"规则名重复：{m.name}（{by_name[m.name]} 与 {m.code}）")
                metas[m.code] = m
                by_name[m.name] = m.code
        ordered = dict(sorted(metas.items()))
        return cls(checkers, MappingProxyType(ordered), MappingProxyType(by_name))

    def resolve(self, selector: str) -> Optional[str]:
        """Normalise a selector to a code or a code prefix; None if it names nothing."""
        s = selector.strip()
        if not s:
            return None
        if s.upper() == "ALL":
            return ""
        if s in self.by_name:
            return self.by_name[s]
        up = s.upper()
        if re.fullmatch(r"[A-Z]{2}\d{0,3}", up) and any(c.startswith(up) for c in self.metas):
            return up
        return None

    def select(self, select: Optional[Sequence[str]], extend_select: Sequence[str] = (),
               ignore: Sequence[str] = ()) -> frozenset[str]:
        """Enabled codes. The longest matching selector decides (flake8); on a tie, ignore wins.

        ``select=None`` means the default set (rules enabled by default)."""
        chosen: list[tuple[str, bool]] = []
        for sel in (select or ()):
            chosen.append((self._need(sel), True))
        for sel in extend_select:
            chosen.append((self._need(sel), True))
        for sel in ignore:
            chosen.append((self._need(sel), False))
        enabled = set()
        for code, meta in self.metas.items():
            best_len, decision = -1, (meta.default_enabled if select is None else False)
            for prefix, on in chosen:
                if code.startswith(prefix):
                    if len(prefix) > best_len or (len(prefix) == best_len and not on):
                        best_len, decision = len(prefix), on
            if decision:
                enabled.add(code)
        return frozenset(enabled)

    def _need(self, selector: str) -> str:
        code = self.resolve(selector)
        if code is None:
            raise RegistryError(f"未知的规则选择器“{selector}”（应为规则代码、代码前缀或规则名）")
        return code

    def matches(self, code: str, selectors: Iterable[str]) -> bool:
        for sel in selectors:
            c = self.resolve(sel)
            if c is not None and code.startswith(c):
                return True
        return False


def python_checkers(module_names: Sequence[str]) -> list[Checker]:
    out: list[Checker] = []
    for name in module_names:
        module = importlib.import_module(name)
        out.extend(getattr(module, "RULES", ()))
    return out
