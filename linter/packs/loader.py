"""Finding, parsing and validating TOML rule packs, and turning their rules into Checkers.

A pack file has one ``[pack]`` table (name, title, version, as-of, description, references),
any number of ``[[rule]]`` tables and, in a user's pack, ``[[extend]]`` tables that add
entries (swap pairs, tokens, variant groups, exceptions) to a rule of a built-in pack.
Every problem is a ``PackError`` naming the file, the rule code and the key.
"""
from __future__ import annotations

import copy
import datetime as _dt
import os
import re
import sys
from functools import lru_cache
from typing import Iterable, Optional

from ..config import ConfigError
from ..model import Applicability, Example, FixAvailability, RuleDocs, RuleMeta, Severity
from ..rule import Checker
from .kinds import EXTENDABLE, KIND_KEYS, KINDS
from .literal import SharedScanner

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class PackError(ConfigError):
    """A pack that cannot be loaded; the message names the pack file, the rule and the key."""


CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")
PACK_KEYS = {"name": str, "title": str, "version": str, "as-of": (str, _dt.date),
             "description": str, "references": list}
STR_KEYS = ("name", "title", "message", "what", "why", "basis", "fix-safety", "options")
REQUIRED = ("name", "title", "kind", "message", "what", "why")
COMMON_KEYS = {"code", "kind", "severity", "fix", "scope", "enabled", "examples", "tags", *STR_KEYS}
FIXES = {"safe": (FixAvailability.ALWAYS, Applicability.SAFE),
         "unsafe": (FixAvailability.ALWAYS, Applicability.UNSAFE),
         "none": (FixAvailability.NONE, Applicability.SAFE)}
FIX_SAFETY = {"safe": "替换为唯一的正确写法，是安全修复（--fix 直接应用）。",
              "unsafe": "只是建议，需逐条确认（不安全修复，--unsafe-fixes 才应用）。",
              "none": "不提供自动修复，需人工处理。"}
BUILTIN_PREFIX = "gwlint/rules/packs/"


def _err(path: str, where: str, msg: str) -> PackError:
    return PackError(f"{path}：{where}{msg}")


def _parse(path: str, data: bytes) -> dict:
    try:
        return tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise _err(path, "", "规则包必须是 UTF-8 编码") from None
    except tomllib.TOMLDecodeError as exc:
        raise _err(path, "", f"TOML 语法错误：{exc}") from None


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError as exc:
        raise _err(path, "", f"无法读取规则包：{exc.strerror}") from None


class PackFile:
    """One parsed and checked pack file: its metadata, raw rules and extensions."""

    def __init__(self, path: str, data: Optional[bytes] = None):
        self.path = path
        doc = _parse(path, _read(path) if data is None else data)
        unknown = set(doc) - {"pack", "rule", "extend"}
        if unknown:
            raise _err(path, "", f"未知的顶层键“{sorted(unknown)[0]}”（只允许 [pack]、[[rule]] 和 [[extend]]）")
        pack = doc.get("pack")
        if not isinstance(pack, dict) or not isinstance(pack.get("name"), str) or not NAME_RE.match(pack["name"]):
            raise _err(path, "[pack] ", "缺少 name，或 name 不是小写短横线形式（如 name = \"house-terms\"）")
        for key, value in pack.items():
            if key not in PACK_KEYS:
                raise _err(path, "[pack] ", f"有未知的键“{key}”（可用：{'、'.join(PACK_KEYS)}）")
            if not isinstance(value, PACK_KEYS[key]):
                raise _err(path, "[pack] ", f"键“{key}”的类型不对：{value!r}")
        self.pack = dict(pack)
        if isinstance(self.pack.get("as-of"), _dt.date):
            self.pack["as-of"] = self.pack["as-of"].isoformat()
        self.name: str = pack["name"]
        rules = doc.get("rule", [])
        extends = doc.get("extend", [])
        for key, value in (("rule", rules), ("extend", extends)):
            if not isinstance(value, list) or not all(isinstance(r, dict) for r in value):
                raise _err(path, "", f"{key} 必须写成 [[{key}]] 表数组")
        self.rules: list[dict] = rules
        self.extends: list[dict] = extends

    @property
    def origin(self) -> str:
        return self.path


def build_rule(pf: PackFile, i: int, rule: dict, scanner: Optional[SharedScanner] = None) -> Checker:
    path = pf.path
    code = rule.get("code")
    if not isinstance(code, str) or not CODE_RE.match(code):
        raise _err(path, f"第 {i + 1} 条规则", f"的 code“{code}”不合规范（两个大写字母加三位数字，如 WD001）")
    where = f"规则 {code} "
    for key in REQUIRED:
        if key not in rule:
            raise _err(path, where, f"缺少键“{key}”")
    kind = rule["kind"]
    if kind not in KINDS:
        raise _err(path, where, f"的键“kind”的值“{kind}”未知（可用：{'、'.join(sorted(KINDS))}）")
    allowed = COMMON_KEYS | KIND_KEYS[kind]
    for key in rule:
        if key not in allowed:
            raise _err(path, where, f"有未知的键“{key}”（{kind} 规则可用：{'、'.join(sorted(allowed))}）")
    for key in STR_KEYS:
        if key in rule and not (isinstance(rule[key], str) and (rule[key] or key not in REQUIRED)):
            raise _err(path, where, f"的键“{key}”应为非空字符串，实际为 {rule[key]!r}")
    if not NAME_RE.match(rule["name"]):
        raise _err(path, where, f"的键“name”的值“{rule['name']}”不合规范（小写短横线形式，如 common-typos）")
    sev = rule.get("severity", "warning")
    try:
        severity = Severity.parse(sev)
    except (ValueError, AttributeError):
        raise _err(path, where, f"的键“severity”的值 {sev!r} 无效（error、warning、info 或 hint）") from None
    fix = rule.get("fix", "none")
    if fix not in FIXES:
        raise _err(path, where, f"的键“fix”的值 {fix!r} 无效（safe、unsafe 或 none）")
    enabled = rule.get("enabled", True)
    if not isinstance(enabled, bool):
        raise _err(path, where, f"的键“enabled”应为 true 或 false，实际为 {enabled!r}")
    tags = rule.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise _err(path, where, f"的键“tags”应为字符串数组，实际为 {tags!r}")
    raw_examples = rule.get("examples", [])
    if not isinstance(raw_examples, list):
        raise _err(path, where, "的键“examples”应为表数组：examples = [{ bad = \"…\", fixed = \"…\" }, { good = \"…\" }]")
    examples = []
    for j, ex in enumerate(raw_examples):
        if not isinstance(ex, dict) or not ex or set(ex) - {"bad", "good", "fixed"} \
                or not all(isinstance(v, str) for v in ex.values()):
            raise _err(path, where, f"的键“examples”第 {j + 1} 项只能有字符串 bad、good、fixed")
        if "fixed" in ex and "bad" not in ex:
            raise _err(path, where, f"的键“examples”第 {j + 1} 项有 fixed 却没有 bad")
        examples.append(Example(bad=ex.get("bad"), good=ex.get("good"), fixed=ex.get("fixed")))
    availability, applicability = FIXES[fix]
    basis = rule.get("basis", "")
    version = pf.pack.get("version")
    if version:
        stamp = f"规则包 {pf.name} 版本 {version}" + (f"，截至 {pf.pack['as-of']}" if pf.pack.get("as-of") else "")
        basis = f"{basis}（{stamp}）" if basis else stamp
    meta = RuleMeta(
        code=code, name=rule["name"], title=rule["title"],
        docs=RuleDocs(what=rule["what"], why=rule["why"], basis=basis,
                      fix_safety=rule.get("fix-safety") or FIX_SAFETY[fix], options=rule.get("options", "")),
        examples=tuple(examples), severity=severity, fix=availability, fix_applicability=applicability,
        default_enabled=enabled, tags=tuple(tags), origin=pf.origin)
    try:
        check = KINDS[kind](rule, meta, scanner)
    except PackError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise _err(path, where, f"配置有误：{exc}") from None
    check.__name__ = f"{pf.name}.{code}"
    check.__module__ = f"pack:{pf.name}"
    return Checker(metas=(meta,), check=check)


def load_pack_file(path: str, data: Optional[bytes] = None) -> tuple[dict, list[Checker]]:
    """(pack metadata, checkers) of one pack file (its [[extend]] tables are not applied)."""
    pf = PackFile(path, data)
    return pf.pack, _checkers(pf)


def _checkers(pf: PackFile, rules: Optional[list[dict]] = None,
              scanner: Optional[SharedScanner] = None) -> list[Checker]:
    out, seen = [], {}
    for i, rule in enumerate(pf.rules if rules is None else rules):
        ch = build_rule(pf, i, rule, scanner)
        code = ch.metas[0].code
        if code in seen:
            raise _err(pf.path, f"规则 {code} ", "的 code 在本规则包中重复")
        seen[code] = ch
        out.append(ch)
    return out


# --- built-in and user packs -------------------------------------------------------------------
def _builtin_files() -> list[tuple[str, bytes]]:
    from gwlint.rules import builtin_packs_dir
    folder = builtin_packs_dir()
    return [(BUILTIN_PREFIX + entry.name, entry.read_bytes())
            for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".toml")]


@lru_cache(maxsize=1)
def _builtin() -> tuple[tuple[PackFile, tuple[Checker, ...]], ...]:
    out = []
    scanner = SharedScanner()   # the built-in packs' word lists: one scan per document
    for path, data in _builtin_files():
        pf = PackFile(path, data)
        out.append((pf, tuple(_checkers(pf, scanner=scanner))))
    scanner.prepare()
    return tuple(out)


def builtin_pack_names() -> list[str]:
    return [pf.name for pf, _ in _builtin()]


def _user_files(paths: Iterable[str]) -> list[str]:
    out = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(os.path.join(p, n) for n in sorted(os.listdir(p)) if n.endswith(".toml"))
        elif os.path.isfile(p):
            out.append(p)
        else:
            raise PackError(f"{p}：规则包不存在（配置项 packs）")
    return out


def _apply_extends(builtin, user: list[PackFile], disabled: set[str]) -> dict[str, list[dict]]:
    """Built-in packs' rule lists with the users' [[extend]] entries added, for the packs
    that have any. Keys of each extension are checked against the target rule's kind."""
    rules_by_code = {}
    for pf, _ in builtin:
        for rule in pf.rules:
            rules_by_code[rule.get("code")] = (pf, rule)
    changed: dict[str, dict[str, dict]] = {}
    for upf in user:
        for j, ext in enumerate(upf.extends):
            code = ext.get("code")
            where = f"第 {j + 1} 个 [[extend]]（{code}）"
            if code not in rules_by_code:
                raise _err(upf.path, where, "：没有这条内置规则（extend 只能扩展内置规则包里的规则）")
            pf, rule = rules_by_code[code]
            if pf.name in disabled:
                continue
            keys = EXTENDABLE[rule["kind"]]
            for key, value in ext.items():
                if key == "code":
                    continue
                if key not in keys:
                    raise _err(upf.path, where, f"有不能扩展的键“{key}”（{rule['kind']} 规则可扩展：{'、'.join(keys) or '无'}）")
                if not isinstance(value, list):
                    raise _err(upf.path, where, f"的键“{key}”应为数组")
                target = changed.setdefault(pf.name, {}).setdefault(code, copy.deepcopy(rule))
                if key == "swap":  # the user's pair replaces a built-in pair for the same wrong form
                    new = {(e[0] if isinstance(e, list) else e.get("from")) for e in value}
                    target["swap"] = [e for e in target.get("swap", [])
                                      if (e[0] if isinstance(e, list) else e.get("from")) not in new]
                target[key] = list(target.get(key, [])) + value
    out = {}
    for pf, _ in builtin:
        if pf.name in changed:
            out[pf.name] = [changed[pf.name].get(r.get("code"), r) for r in pf.rules]
    return out


def load_pack_checkers(packs: tuple[str, ...] = (), disabled: tuple[str, ...] = ()) -> list[Checker]:
    """Checkers of every built-in pack whose name is not in ``disabled``, plus the user's pack
    files and folders (``packs``). A user pack may also be switched off by name."""
    builtin = _builtin()
    user = [PackFile(p) for p in _user_files(packs)]
    names = {pf.name: pf.path for pf, _ in builtin}
    for upf in user:
        if upf.name in names:
            raise _err(upf.path, "[pack] ", f"name“{upf.name}”与 {names[upf.name]} 重名")
        names[upf.name] = upf.path
    unknown = [d for d in disabled if d not in names]
    if unknown:
        raise PackError(f"配置项 disable-packs 中的规则包“{unknown[0]}”不存在（可用：{'、'.join(names)}）")
    off = set(disabled)
    extended = _apply_extends(builtin, user, off) if any(u.extends for u in user) else {}
    scanner = SharedScanner()   # the user's packs and extended built-in rules
    out: list[Checker] = []
    owner: dict[str, str] = {}
    names_seen: dict[str, str] = {}

    def add(pf: PackFile, checkers):
        for ch in checkers:
            m = ch.metas[0]
            if m.code in owner:
                raise _err(pf.path, f"规则 {m.code} ", f"的 code 与 {owner[m.code]} 中的规则重复")
            if m.name in names_seen:
                raise _err(pf.path, f"规则 {m.code} ", f"的 name“{m.name}”与 {names_seen[m.name]} 中的规则重复")
            owner[m.code] = pf.path
            names_seen[m.name] = pf.path
            out.append(ch)

    for pf, checkers in builtin:
        if pf.name in off:
            continue
        add(pf, _checkers(pf, extended[pf.name], scanner) if pf.name in extended else checkers)
    for upf in user:
        if upf.name not in off:
            add(upf, _checkers(upf, scanner=scanner))
    scanner.prepare()
    return out
