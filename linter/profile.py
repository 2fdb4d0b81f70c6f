"""Conventions profile: what an organisation's corpus does where the standards leave a choice
(ordinal form per heading depth, leftover lines and phrases, placeholder vocabulary,
punctuation preferences). Written by ``gwlint learn``, read by ``gwlint check``.

The TOML file is meant to be reviewed by people, so every table is commented by the learner;
this module reads it back and validates it (unknown tables and keys, and values of the wrong
type, are ``ConfigError``s naming the file and the key).

Standards come first: ``[ordinals]`` always holds a standard form (GB/T 9704-2012 7.3.3,
GB/T 15834-2011 B.3). Where the corpus habitually departs from the standard (``1、``), the
habit is recorded in ``[ordinal-departures]`` for the reviewer, and it has no effect on
checking: a project that wants to keep ``1、`` says so in its own config
(``[conventions] accept-ordinals = ["1、"]``, read by the heading rules from
``settings.conventions``). ``accepted_departures`` tells which recorded habits a project
has accepted.

Matching contract for the rules that read a profile:
  * ``ordinal_styles``: heading depth (1 = top, as ``Heading.depth``) -> style template as in
    ``Heading.style`` ("一、" "（一）" "1." "（1）" "第一部分" …).
  * ``leftover_lines``: whole lines, normalised with ``normalize_line`` (no white space of any
    kind, incl. NBSP and U+3000, and no ``MASK``).
  * ``leftover_phrases``: normalised substrings that mark a leftover wherever they occur.
  * ``placeholder_tokens``: placeholder spellings seen in the corpus ("XX", "×", "20XX年" …).
"""
from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from typing import Any, Mapping, Optional

from .config import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

#: deepest heading level a profile may describe
MAX_LEVEL = 6

_LINE_WS = re.compile(r"[\s\u3000\u00a0\ufeff\ue000]+")


def normalize_line(s: str) -> str:
    """A line or phrase as profiles store it: every kind of white space (incl. NBSP and
    U+3000) and the document mask removed."""
    return _LINE_WS.sub("", s)


@dataclass(frozen=True)
class Profile:
    # heading depth (1 = top) -> ordinal form, e.g. {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}
    ordinal_styles: Mapping[int, str] = field(default_factory=dict)
    # whole lines known as leftovers in this corpus, normalised (no white space)
    leftover_lines: tuple[str, ...] = ()
    # phrases that mark a leftover line wherever they occur (brand names, stamps)
    leftover_phrases: tuple[str, ...] = ()
    # placeholder tokens seen in the corpus (e.g. "XX", "×", "○○")
    placeholder_tokens: tuple[str, ...] = ()
    # punctuation preferences, e.g. {"range-connector": "—"}
    punctuation: Mapping[str, str] = field(default_factory=dict)
    source: str = ""          # the file it was read from
    builtin: bool = False     # the default profile shipped in the package
    # heading depth -> the corpus's non-standard habit at that depth (e.g. {3: "1、"}); for
    # review only: checking follows ``ordinal_styles`` (the standard form)
    ordinal_departures: Mapping[int, str] = field(default_factory=dict)
    documents: int = 0        # how many documents the profile was learned from

    def accepted_departures(self, settings: Any) -> dict[int, str]:
        """The recorded habits (depth -> form) that the project accepts in its config."""
        conventions = getattr(settings, "conventions", None) or {}
        accepted = set(conventions.get("accept-ordinals", ()) or ())
        return {d: s for d, s in self.ordinal_departures.items() if s in accepted}


EMPTY = Profile()

_LEVEL_KEY = re.compile(r"level-([1-9][0-9]*)")

#: table -> key -> (type check, description of the expected type)
_INT = (lambda v: isinstance(v, int) and not isinstance(v, bool) and v >= 0, "非负整数")
_NUM = (lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and 0 <= v <= 1, "0 到 1 之间的数")
_STR = (lambda v: isinstance(v, str), "字符串")
_NONEMPTY = (lambda v: isinstance(v, str) and bool(v.strip()), "非空字符串")
_STRS = (lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v), "字符串数组")

_SCHEMA: dict[str, dict[str, tuple]] = {
    "meta": {"generator": _STR, "documents": _INT, "min-docs": _INT, "min-share": _NUM},
    "ordinals": {},              # level-N keys, checked below
    "ordinal-departures": {},    # level-N keys, checked below
    "leftovers": {"lines": _STRS, "phrases": _STRS},
    "placeholders": {"tokens": _STRS},
    "punctuation": {"range-connector": _NONEMPTY, "number-range-connector": _NONEMPTY,
                    "ordinal-mark-chinese": _NONEMPTY, "ordinal-mark-arabic": _NONEMPTY},
}
_LEVEL_TABLES = ("ordinals", "ordinal-departures")


def _check_tables(path: str, doc: dict) -> None:
    for table, value in doc.items():
        if table not in _SCHEMA:
            raise ConfigError(f"{path}：未知的约定配置表“{table}”（可用：{'、'.join(_SCHEMA)}）")
        if not isinstance(value, dict):
            raise ConfigError(f"{path}：约定配置项“{table}”应为表（[{table}]）")
        for key, item in value.items():
            if table in _LEVEL_TABLES:
                m = _LEVEL_KEY.fullmatch(key)
                if not m or not 1 <= int(m.group(1)) <= MAX_LEVEL:
                    raise ConfigError(f"{path}：未知的约定配置项“{table}.{key}”"
                                      f"（应为 level-1 … level-{MAX_LEVEL}）")
                check, what = _NONEMPTY
            elif key in _SCHEMA[table]:
                check, what = _SCHEMA[table][key]
            else:
                known = "、".join(_SCHEMA[table])
                raise ConfigError(f"{path}：未知的约定配置项“{table}.{key}”（可用：{known}）")
            if not check(item):
                raise ConfigError(f"{path}：约定配置项“{table}.{key}”应为{what}")


def _levels(doc: dict, table: str) -> dict[int, str]:
    return {int(k.split("-")[1]): v.strip() for k, v in sorted(doc.get(table, {}).items())}


def _normalised(values: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in (normalize_line(v) for v in values) if n))


def parse_profile(path: str, data: bytes, builtin: bool = False) -> Profile:
    """Parse and validate a profile's bytes; ``path`` names it in error messages."""
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}：约定配置必须是 UTF-8 编码") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：约定配置 TOML 语法错误：{exc}") from None
    _check_tables(path, doc)
    left = doc.get("leftovers", {})
    return Profile(ordinal_styles=_levels(doc, "ordinals"),
                   ordinal_departures=_levels(doc, "ordinal-departures"),
                   leftover_lines=_normalised(left.get("lines", [])),
                   leftover_phrases=_normalised(left.get("phrases", [])),
                   placeholder_tokens=tuple(dict.fromkeys(t for t in doc.get("placeholders", {}).get("tokens", [])
                                                          if t.strip())),
                   punctuation=dict(sorted(doc.get("punctuation", {}).items())),
                   documents=doc.get("meta", {}).get("documents", 0),
                   source=path, builtin=builtin)


_CACHE: dict[str, tuple[tuple[int, int], Profile]] = {}


def load_profile_file(path: str) -> Profile:
    """A profile file, parsed once per (path, mtime, size)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise ConfigError(f"{path}：约定配置文件不存在") from None
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取约定配置：{exc.strerror}") from None
    stamp = (st.st_mtime_ns, st.st_size)
    hit = _CACHE.get(path)
    if hit is not None and hit[0] == stamp:
        return hit[1]
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except IsADirectoryError:
        raise ConfigError(f"{path}：约定配置应是文件，不是目录") from None
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取约定配置：{exc.strerror}") from None
    profile = parse_profile(path, data)
    _CACHE[path] = (stamp, profile)
    return profile


_DEFAULT: Optional[Profile] = None
DEFAULT_NAME = "gwlint/rules/profiles/default.toml"


def default_profile() -> Profile:
    """The profile shipped in the package (learned from corpus/seeds)."""
    global _DEFAULT
    if _DEFAULT is None:
        from gwlint.rules import default_profile_path
        try:
            data = default_profile_path().read_bytes()
        except OSError:  # a broken installation: lint without learned conventions
            _DEFAULT = Profile(builtin=True, source=DEFAULT_NAME)
        else:
            _DEFAULT = parse_profile(DEFAULT_NAME, data, builtin=True)
    return _DEFAULT


def load_for_settings(settings) -> Profile:
    """The profile a Settings asks for: None -> the built-in default, "none" -> no profile,
    otherwise the file (relative paths were resolved by the config loader)."""
    name = getattr(settings, "profile", None)
    if name is None:
        return default_profile()
    if name.strip().lower() == "none":
        return EMPTY
    return load_profile_file(name)
