"""Configuration: discovery, validation and the resolved Settings.

Files, in each folder from the linted file upwards (the closest one wins, no implicit
cascade; ``extend = "../base.toml"`` inherits explicitly):

    .gwlint.toml, gwlint.toml, pyproject.toml (only with a [tool.gwlint] table)

The search stops at the file system root and never looks above the user's home folder
(when the file is inside it); then ``$XDG_CONFIG_HOME/gwlint/gwlint.toml`` is tried.
Unknown keys and wrong types are errors naming the file and the key. Paths in a config
(packs, profile, extend) are relative to that config's folder.
"""
from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass, field, fields, replace
from typing import Any, Mapping, Optional

from .model import Severity

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

CONFIG_NAMES = (".gwlint.toml", "gwlint.toml", "pyproject.toml")


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
    allow: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # family/code/"*" -> phrases
    packs: tuple[str, ...] = ()            # extra pack files or folders (absolute paths)
    disable_packs: tuple[str, ...] = ()    # built-in packs switched off, by name
    profile: Optional[str] = None          # learned conventions profile; None: built-in default; "none": no profile
    conventions: Mapping[str, Any] = field(default_factory=dict)  # project decisions, e.g. accept-ordinals
    include: tuple[str, ...] = ("*.txt", "*.md", "*.markdown")
    exclude: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    config_path: Optional[str] = None      # the file these settings came from
    sources: Mapping[str, str] = field(default_factory=dict)   # key -> where its value came from

    def severity_overrides(self, registry) -> dict[str, Severity]:
        out: dict[str, Severity] = {}
        # shorter selectors first so that longer (more specific) ones win
        items = sorted(self.severity.items(), key=lambda kv: len(registry.resolve(kv[0]) or ""))
        for sel, value in items:
            prefix = registry.resolve(sel)
            if prefix is None:
                continue
            for code in registry.metas:
                if code.startswith(prefix):
                    out[code] = Severity.parse(value)
        return out

    def with_overrides(self, **changes: Any) -> "Settings":
        """A copy with command-line overrides applied; records them as coming from the command line."""
        changes = {k: v for k, v in changes.items() if v is not None}
        sources = dict(self.sources)
        for k in changes:
            sources[_KEY_OF_FIELD.get(k, k)] = "命令行"
        return replace(self, sources=sources, **changes)


# ---------------------------------------------------------------------------------------------
# schema: TOML key -> (Settings field, validator)

def _str_list(v: Any) -> bool:
    return isinstance(v, list) and all(isinstance(x, str) for x in v)


def _str_list_table(v: Any) -> bool:
    return isinstance(v, dict) and all(_str_list(x) for x in v.values())


_SEVERITIES = {s.value for s in Severity}

SCHEMA: dict[str, tuple[str, Any, str]] = {
    # key: (field, validator, type description)
    "extend": ("", lambda v: isinstance(v, str), "字符串（配置文件路径）"),
    "select": ("select", _str_list, "字符串数组"),
    "extend-select": ("extend_select", _str_list, "字符串数组"),
    "ignore": ("ignore", _str_list, "字符串数组"),
    "per-file-ignores": ("per_file_ignores", _str_list_table, "表：glob = [规则, …]"),
    "severity": ("severity", lambda v: isinstance(v, dict) and all(
        isinstance(x, str) and x.lower() in _SEVERITIES for x in v.values()),
        "表：规则 = \"error\"|\"warning\"|\"info\"|\"hint\""),
    "rules": ("rule_options", lambda v: isinstance(v, dict) and all(isinstance(x, dict) for x in v.values()),
              "表：[rules.规则代码] 选项 = 值"),
    "allow": ("allow", _str_list_table, "表：族或规则代码 = [短语, …]"),
    "packs": ("packs", _str_list, "字符串数组（规则包文件或目录）"),
    "disable-packs": ("disable_packs", _str_list, "字符串数组（内置规则包名）"),
    "profile": ("profile", lambda v: isinstance(v, str), "字符串（约定配置文件路径，或 \"none\"）"),
    "conventions": ("conventions", lambda v: isinstance(v, dict), "表"),
    "include": ("include", _str_list, "字符串数组（glob）"),
    "exclude": ("exclude", _str_list, "字符串数组（glob）"),
    "extend-exclude": ("exclude", _str_list, "字符串数组（glob）"),
    "unsafe-fixes": ("unsafe_fixes", lambda v: isinstance(v, bool), "布尔值"),
    "vocab": ("", lambda v: isinstance(v, dict), "表"),
}
#: keys of [conventions]: the decisions a project takes where standard and corpus differ
CONVENTION_KEYS: dict[str, tuple[Any, str]] = {
    "accept-ordinals": (_str_list, "字符串数组（接受的非标准序号形式，如 \"1、\"）"),
}
VOCAB_KEYS: dict[str, tuple[Any, str]] = {
    "accept": (_str_list, "字符串数组（项目认可、不报用词问题的词语）"),
}
_KEY_OF_FIELD = {f: k for k, (f, _, _) in SCHEMA.items() if f}


def _unknown(path: str, key: str, known) -> ConfigError:
    near = difflib.get_close_matches(key, list(known), n=1)
    hint = f"，是否想写“{near[0]}”？" if near else ""
    return ConfigError(f"{path}：未知的配置项“{key}”{hint}")


def _read_toml(path: str) -> dict:
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}：配置文件不存在") from None
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取配置文件：{exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：TOML 语法错误：{exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{path}：配置文件必须是 UTF-8 编码") from None


def table_of(path: str) -> Optional[dict]:
    """The gwlint table of a config file: the whole file, or [tool.gwlint] of a pyproject.toml
    (None when a pyproject.toml has no such table)."""
    data = _read_toml(path)
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {})
        return tool.get("gwlint") if isinstance(tool, dict) else None
    return data


def validate(path: str, table: dict, prefix: str = "") -> None:
    for key, value in table.items():
        if key not in SCHEMA:
            raise _unknown(path, prefix + key, SCHEMA)
        _, check, what = SCHEMA[key]
        if not check(value):
            raise ConfigError(f"{path}：配置项“{prefix}{key}”应为{what}，实际为 {value!r}")
    for sub, keys in (("conventions", CONVENTION_KEYS), ("vocab", VOCAB_KEYS)):
        for key, value in table.get(sub, {}).items():
            if key not in keys:
                raise _unknown(path, f"{prefix}{sub}.{key}", [f"{sub}.{k}" for k in keys])
            check, what = keys[key]
            if not check(value):
                raise ConfigError(f"{path}：配置项“{prefix}{sub}.{key}”应为{what}，实际为 {value!r}")


def _resolve_path(base_dir: str, p: str) -> str:
    p = os.path.expanduser(p)
    return p if os.path.isabs(p) else os.path.normpath(os.path.join(base_dir, p))


def load_file(path: str, _seen: Optional[tuple[str, ...]] = None) -> Settings:
    """Settings from one config file (and the files it extends)."""
    path = os.path.abspath(path)
    seen = (_seen or ()) + (path,)
    table = table_of(path)
    if table is None:
        raise ConfigError(f"{path}：没有 [tool.gwlint] 表")
    prefix = "tool.gwlint." if os.path.basename(path) == "pyproject.toml" else ""
    validate(path, table, prefix)
    base_dir = os.path.dirname(path)
    if "extend" in table:
        parent_path = _resolve_path(base_dir, table["extend"])
        if parent_path in seen:
            raise ConfigError(f"{path}：extend 形成循环：{' -> '.join(seen + (parent_path,))}")
        base = load_file(parent_path, seen)
    else:
        base = Settings()
    values: dict[str, Any] = {}
    sources = dict(base.sources)
    for key, value in table.items():
        fname = SCHEMA[key][0]
        if not fname:
            continue
        if key in ("packs",):
            value = tuple(_resolve_path(base_dir, p) for p in value)
        elif key == "profile":
            value = value if value.lower() == "none" else _resolve_path(base_dir, value)
        elif key == "per-file-ignores":
            value = tuple((glob, tuple(codes)) for glob, codes in value.items())
        elif key == "allow":
            merged = {k: tuple(v) for k, v in base.allow.items()}
            for fam, phrases in value.items():
                merged[fam] = tuple(dict.fromkeys(merged.get(fam, ()) + tuple(phrases)))
            value = merged
        elif key == "extend-exclude":
            value = base.exclude + tuple(value)
        elif isinstance(value, list):
            value = tuple(value)
        values[fname] = value
        sources[key] = path
    vocab = table.get("vocab", {})
    if vocab.get("accept"):
        allow = dict(values.get("allow", base.allow))
        for fam in ("WD", "CF", "CS"):
            allow[fam] = tuple(dict.fromkeys(allow.get(fam, ()) + tuple(vocab["accept"])))
        values["allow"] = allow
        sources["vocab.accept"] = path
    return replace(base, config_path=path, sources=sources, **values)


def _home() -> Optional[str]:
    try:
        return os.path.realpath(os.path.expanduser("~"))
    except Exception:  # pragma: no cover
        return None


def find_config(start: str) -> Optional[str]:
    """The closest config file to ``start`` (a file or a folder), or the user-level one."""
    start = os.path.abspath(start)
    folder = start if os.path.isdir(start) else os.path.dirname(start)
    home = _home()
    stop_at_home = home is not None and (os.path.realpath(folder) + os.sep).startswith(home + os.sep)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                if name == "pyproject.toml":
                    try:
                        if table_of(candidate) is None:
                            continue
                    except ConfigError:
                        raise
                return candidate
        parent = os.path.dirname(folder)
        if parent == folder or (stop_at_home and os.path.realpath(folder) == home):
            break
        folder = parent
    xdg = os.environ.get("XDG_CONFIG_HOME") or (os.path.join(home, ".config") if home else None)
    if xdg:
        user = os.path.join(xdg, "gwlint", "gwlint.toml")
        if os.path.isfile(user):
            return user
    return None


_CACHE: dict[str, tuple[float, Settings]] = {}


def settings_for(path: str) -> Settings:
    """Settings for the file or folder ``path``: from the closest config, else the defaults."""
    cfg = find_config(path)
    if cfg is None:
        return Settings()
    try:
        mtime = os.stat(cfg).st_mtime_ns
    except OSError:
        mtime = 0
    hit = _CACHE.get(cfg)
    if hit and hit[0] == mtime:
        return hit[1]
    settings = load_file(cfg)
    _CACHE[cfg] = (mtime, settings)
    return settings


def describe(settings: Settings) -> list[tuple[str, Any, str]]:
    """(key, value, source) rows for ``gwlint config``."""
    rows = []
    defaults = Settings()
    for key, (fname, _, _) in SCHEMA.items():
        if not fname or key == "extend-exclude":
            continue
        value = getattr(settings, fname)
        if isinstance(value, tuple) and value and isinstance(value[0], tuple):
            value = {g: list(c) for g, c in value}
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, Mapping):
            value = {k: (list(v) if isinstance(v, tuple) else v) for k, v in value.items()}
        source = settings.sources.get(key)
        if source is None:
            source = "默认值" if getattr(settings, fname) == getattr(defaults, fname) else "?"
        rows.append((key, value, source))
    return rows


def add_allowed_phrase(start: str, family: str, phrase: str) -> str:
    """Add ``phrase`` to the project allow-list of ``family`` in the closest config file
    (creating ``.gwlint.toml`` in ``start`` when there is none). Returns the file written.

    The file is edited as text so that the user's comments and layout are kept."""
    from .source import write_atomic
    if not phrase or "\n" in phrase or "\r" in phrase:
        raise ConfigError("允许的短语不能为空，也不能跨行")
    folder = start if os.path.isdir(start) else os.path.dirname(os.path.abspath(start))
    cfg = find_config(folder)
    xdg_user = cfg is not None and os.sep + os.path.join("gwlint", "gwlint.toml") in cfg \
        and not cfg.startswith(os.path.abspath(folder))
    if cfg is None or xdg_user:
        cfg = os.path.join(folder, ".gwlint.toml")
        text = ""
    else:
        with open(cfg, encoding="utf-8") as fh:
            text = fh.read()
    table = table_of(cfg) if text else {}
    header = "[tool.gwlint.allow]" if os.path.basename(cfg) == "pyproject.toml" else "[allow]"
    current = list((table or {}).get("allow", {}).get(family, []))
    if phrase in current:
        return cfg
    new_list = current + [phrase]
    line = f"{family} = [{', '.join(_toml_str(p) for p in new_list)}]"
    lines = text.splitlines(keepends=True)
    out = None
    # find the allow table and the family's line in it
    in_table = False
    for i, raw in enumerate(lines):
        stripped = raw.strip()
        if stripped.startswith("["):
            in_table = stripped == header
            if in_table:
                insert_at = i + 1
            continue
        if in_table and stripped.split("=")[0].strip() == family and "=" in stripped:
            if stripped.endswith("]"):
                lines[i] = line + "\n"
                out = "".join(lines)
            break
    if out is None:
        if any(raw.strip() == header for raw in lines):
            lines.insert(insert_at, line + "\n")
            out = "".join(lines)
        else:
            sep = "" if not text or text.endswith("\n\n") else ("\n" if text.endswith("\n") else "\n\n")
            out = text + sep + header + "\n" + line + "\n"
    # validate before writing: never leave the user with a broken config
    try:
        tomllib.loads(out)
    except tomllib.TOMLDecodeError as exc:  # pragma: no cover - defensive
        raise ConfigError(f"{cfg}：无法自动写入允许短语（{exc}），请手动添加") from None
    write_atomic(cfg, out.encode("utf-8")) if os.path.exists(cfg) else _write_new(cfg, out)
    _CACHE.pop(cfg, None)
    return cfg


def _write_new(path: str, text: str) -> None:
    with open(path, "x", encoding="utf-8") as fh:
        fh.write(text)


def _toml_str(s: str) -> str:
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
