"""Rule documentation, rendered from RuleMeta. One renderer backs ``gwlint rule``, the
language server's hover and the generated docs/rules pages."""
from __future__ import annotations

from typing import Iterable

from .model import FAMILIES, FixAvailability, RuleMeta

_FIX = {FixAvailability.NONE: "无自动修复", FixAvailability.SOMETIMES: "部分可自动修复",
        FixAvailability.ALWAYS: "可自动修复"}
_APPL = {"safe": "安全修复（--fix 直接应用）", "unsafe": "不安全修复（需 --unsafe-fixes 或在编辑器中逐条确认）",
         "display-only": "仅供参考的建议"}
SECTIONS = ("检查内容", "为什么", "示例", "修复安全性", "配置项", "依据")


def fix_label(meta: RuleMeta) -> str:
    if meta.fix is FixAvailability.NONE:
        return _FIX[meta.fix]
    return f"{_FIX[meta.fix]}，{_APPL[meta.fix_applicability.value]}"


def render_rule(meta: RuleMeta) -> str:
    d = meta.docs
    out = [f"# {meta.code} {meta.name}：{meta.title}", "",
           f"族：{meta.family}（{FAMILIES.get(meta.family, '')}） · "
           f"默认：{'启用' if meta.default_enabled else '不启用'} · 严重程度：{meta.severity.value} · "
           f"修复：{fix_label(meta)}", "",
           "## 检查内容", "", d.what, "", "## 为什么", "", d.why, "", "## 示例", ""]
    for ex in meta.examples:
        if ex.bad is not None:
            out += ["错误写法：", "", "```text", ex.bad, "```", ""]
            if ex.fixed is not None:
                out += ["修复后：", "", "```text", ex.fixed, "```", ""]
        if ex.good is not None:
            out += ["正确写法（不报告）：", "", "```text", ex.good, "```", ""]
    if not meta.examples:
        out += ["（无）", ""]
    out += ["## 修复安全性", "", d.fix_safety or fix_label(meta), "",
            "## 配置项", "", d.options or "无。可用 select/ignore、[severity] 与抑制注释控制本规则。", "",
            "## 依据", "", d.basis or "（未注明）", ""]
    if meta.origin:
        out += [f"来源：`{meta.origin}`", ""]
    return "\n".join(out)


def rule_json(meta: RuleMeta) -> dict:
    return {"code": meta.code, "name": meta.name, "title": meta.title, "family": meta.family,
            "severity": meta.severity.value, "default_enabled": meta.default_enabled,
            "fix": meta.fix.value, "fix_applicability": meta.fix_applicability.value,
            "what": meta.docs.what, "why": meta.docs.why, "basis": meta.docs.basis,
            "fix_safety": meta.docs.fix_safety, "options": meta.docs.options,
            "examples": [{"bad": e.bad, "good": e.good, "fixed": e.fixed} for e in meta.examples],
            "origin": meta.origin, "explanation": render_rule(meta)}


def render_index(metas: Iterable[RuleMeta]) -> str:
    out = ["# gwlint 规则一览", "", "| 代码 | 名称 | 标题 | 族 | 修复 | 默认 |", "| --- | --- | --- | --- | --- | --- |"]
    for m in metas:
        out.append(f"| [{m.code}]({m.code}.md) | {m.name} | {m.title} | {m.family} | "
                   f"{_FIX[m.fix]} | {'启用' if m.default_enabled else '—'} |")
    return "\n".join(out) + "\n"
