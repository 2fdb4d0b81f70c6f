"""Finding, parsing and validating TOML rule packs, and turning their rules into Checkers."""
from __future__ import annotations

import os
import re
import sys
from functools import lru_cache
from typing import Any, Iterable

from ..config import ConfigError
from ..model import Applicability, Example, FixAvailability, RuleDocs, RuleMeta, Severity
from ..rule import Checker
from .kinds import KINDS, KIND_KEYS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class PackError(ConfigError):
    """A pack that cannot be loaded; the message names the pack file, the rule and the key."""


CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PACK_KEYS = {"name", "title", "version", "as-of", "description", "references"}
COMMON_KEYS = {"code", "name", "title", "kind", "message", "severity", "fix", "scope", "what", "why",
               "basis", "fix-safety", "options", "enabled", "examples", "tags", "exceptions"}
FIXES = {"safe": (FixAvailability.ALWAYS, Applicability.SAFE),
         "unsafe": (FixAvailability.ALWAYS, Applicability.UNSAFE),
         "none": (FixAvailability.NONE, Applicability.SAFE)}


def _err(path: str, where: str, msg: str) -> PackError:
    return PackError(f"{path}：{where}{msg}")


def _parse(path: str, data: bytes) -> dict:
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise _err(path, "", "规则包必须是 UTF-8 编码") from None
    except tomllib.TOMLDecodeError as exc:
        raise _err(path, "", f"TOML 语法错误：{exc}") from None


def load_pack_file(path: str, data: bytes | None = None) -> tuple[dict, list[Checker]]:
    """(pack metadata, checkers) of one pack file."""
    if data is None:
        try:
            with open(path, "rb") as fh:
                data = fh.read()
        except OSError as exc:
            raise _err(path, "", f"无法读取规则包：{exc.strerror}") from None
    doc = _parse(path, data)
    unknown = set(doc) - {"pack", "rule"}
    if unknown:
        raise _err(path, "", f"未知的顶层键“{sorted(unknown)[0]}”（只允许 [pack] 和 [[rule]]）")
    pack = doc.get("pack", {})
    if not isinstance(pack, dict) or "name" not in pack:
        raise _err(path, "[pack] ", "缺少 name")
    bad = set(pack) - PACK_KEYS
    if bad:
        raise _err(path, "[pack] ", f"未知的键“{sorted(bad)[0]}”")
    rules = doc.get("rule", [])
    if not isinstance(rules, list):
        raise _err(path, "", "rule 必须是 [[rule]] 数组")
    checkers = []
    for i, rule in enumerate(rules):
        checkers.append(_build(path, pack, i, rule))
    return pack, checkers


def _build(path: str, pack: dict, i: int, rule: Any) -> Checker:
    where = f"第 {i + 1} 条规则"
    if not isinstance(rule, dict):
        raise _err(path, where, "不是表")
    code = rule.get("code")
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise _err(path, where, f"的 code“{code}”不合规范（两个大写字母加三位数字）")
    where = f"规则 {code} "
    kind = rule.get("kind")
    if kind not in KINDS:
        raise _err(path, where, f"的 kind“{kind}”未知（可用：{'、'.join(sorted(KINDS))}）")
    allowed = COMMON_KEYS | KIND_KEYS[kind]
    for key in rule:
        if key not in allowed:
            raise _err(path, where, f"有未知的键“{key}”（{kind} 规则可用：{'、'.join(sorted(allowed))}）")
    for key in ("name", "title", "message", "what", "why"):
        if not isinstance(rule.get(key), str) or not rule.get(key):
            raise _err(path, where, f"缺少字符串键“{key}”")
    if not NAME_RE.match(rule["name"]):
        raise _err(path, where, f"的 name“{rule['name']}”不合规范（小写短横线形式）")
    sev = rule.get("severity", "warning")
    try:
        severity = Severity.parse(sev)
    except ValueError:
        raise _err(path, where, f"的 severity“{sev}”无效") from None
    fix = rule.get("fix", "none")
    if fix not in FIXES:
        raise _err(path, where, f"的 fix“{fix}”无效（safe、unsafe 或 none）")
    examples = []
    for j, ex in enumerate(rule.get("examples", [])):
        if not isinstance(ex, dict) or set(ex) - {"bad", "good", "fixed"}:
            raise _err(path, where, f"的第 {j + 1} 个示例只能有 bad、good、fixed")
        examples.append(Example(bad=ex.get("bad"), good=ex.get("good"), fixed=ex.get("fixed")))
    availability, applicability = FIXES[fix]
    version = pack.get("version")
    basis = rule.get("basis", "")
    if version and "版本" not in basis:
        basis = f"{basis}（规则包 {pack['name']} 版本 {version}" + (f"，截至 {pack['as-of']}" if pack.get("as-of") else "") + "）"
    meta = RuleMeta(
        code=code, name=rule["name"], title=rule["title"],
        docs=RuleDocs(what=rule["what"], why=rule["why"], basis=basis,
                      fix_safety=rule.get("fix-safety", ""), options=rule.get("options", "")),
        examples=tuple(examples), severity=severity, fix=availability, fix_applicability=applicability,
        default_enabled=bool(rule.get("enabled", True)), tags=tuple(rule.get("tags", ())),
        origin=f"{pack['name']}: {os.path.basename(path)}")
    try:
        check = KINDS[kind](rule, meta)
    except (ValueError, re.error, TypeError, KeyError, Exception) as exc:
        raise _err(path, where, f"配置有误：{exc}") from None
    return Checker(metas=(meta,), check=check)


def _builtin_files() -> list[tuple[str, bytes]]:
    from gwlint.rules import builtin_packs_dir
    folder = builtin_packs_dir()
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            out.append((f"gwlint/rules/packs/{entry.name}", entry.read_bytes()))
    return out


def _user_files(paths: Iterable[str]) -> list[str]:
    out = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".toml"))
        elif os.path.isfile(p):
            out.append(p)
        else:
            raise PackError(f"{p}：规则包不存在")
    return out


@lru_cache(maxsize=1)
def _builtin_checkers() -> tuple[tuple[str, tuple[Checker, ...]], ...]:
    out = []
    for path, data in _builtin_files():
        pack, checkers = load_pack_file(path, data)
        out.append((pack["name"], tuple(checkers)))
    return tuple(out)


def load_pack_checkers(packs: tuple[str, ...] = (), disabled: tuple[str, ...] = ()) -> list[Checker]:
    """Checkers of every built-in pack not in ``disabled`` plus the user's pack files/folders."""
    out: list[Checker] = []
    known = set()
    for name, checkers in _builtin_checkers():
        known.add(name)
        if name not in disabled:
            out.extend(checkers)
    for path in _user_files(packs):
        pack, checkers = load_pack_file(path)
        if pack["name"] in disabled:
            continue
        out.extend(checkers)
    return out


def builtin_pack_names() -> list[str]:
    return [name for name, _ in _builtin_checkers()]
