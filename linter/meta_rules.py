"""gwlint's own diagnostics (family GW). The engine reports them; the checkers here
only carry their metadata and documentation."""
from __future__ import annotations

from .model import Example, Severity
from .rule import Checker, meta

_NOTHING = lambda doc, ctx: ()  # noqa: E731

RULES = (
    Checker(metas=(meta(
        "GW001", "unused-suppression", "无效的抑制注释",
        what="报告没有抑制任何问题的 gwlint-disable 注释。",
        why="问题改正后残留的抑制注释会掩盖以后出现的同类问题。",
        basis="gwlint 自身约定（参照 ruff RUF100）。",
        examples=(Example(bad="<!-- gwlint-disable-next-line PH001 -->\n一切正常。",
                          good="<!-- gwlint-disable-next-line PH001 -->\n请XX同志参加。"),),
        default_enabled=False, severity=Severity.INFO, origin=__name__),), check=_NOTHING),
    Checker(metas=(meta(
        "GW002", "invalid-suppression", "抑制注释中有未知规则",
        what="报告 gwlint-disable 等注释中写错的规则代码或规则名。",
        why="写错的代码不会抑制任何问题，作者却以为已经抑制。",
        basis="gwlint 自身约定。",
        examples=(Example(bad="<!-- gwlint-disable ZZ999 -->\n正文。",
                          good="<!-- gwlint-disable PH001 -->\n请XX同志参加。"),),
        origin=__name__),), check=_NOTHING),
    Checker(metas=(meta(
        "GW900", "internal-error", "规则内部错误",
        what="某条规则运行时出错；该规则本次被跳过，其余规则照常检查。",
        why="一条规则的缺陷不应让整个检查失败；此诊断提醒用户结果可能不完整，并便于报告问题。",
        basis="gwlint 自身约定。",
        severity=Severity.ERROR, origin=__name__),), check=_NOTHING),
)
