"""Conventions profile: what an organisation's corpus does where the standards leave a choice
(ordinal form per heading depth, leftover lines and phrases, placeholder vocabulary,
punctuation preferences). Written by ``gwlint learn``, read by ``gwlint check``.

The TOML file is meant to be reviewed by people, so every table is commented by the learner;
this module reads it back and validates it (unknown keys are errors naming file and key).
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Mapping, Optional

from .config import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


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


EMPTY = Profile()

_TABLES = {
    "meta": {"documents", "generator", "min-docs"},
    "ordinals": {"level-1", "level-2", "level-3", "level-4"},
    "leftovers": {"lines", "phrases"},
    "placeholders": {"tokens"},
    "punctuation": {"range-connector"},
}


def _str_list(path: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}：约定配置项“{key}”应为字符串数组")
    return tuple(value)


def parse_profile(path: str, data: bytes, builtin: bool = False) -> Profile:
    try:
        doc = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path}：约定配置必须是 UTF-8 编码") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}：约定配置 TOML 语法错误：{exc}") from None
    for table, value in doc.items():
        if table not in _TABLES:
            raise ConfigError(f"{path}：未知的约定配置表“{table}”（可用：{'、'.join(_TABLES)}）")
        if not isinstance(value, dict):
            raise ConfigError(f"{path}：“{table}”应为表")
        for key in value:
            if key not in _TABLES[table]:
                raise ConfigError(f"{path}：未知的约定配置项“{table}.{key}”")
    ordinals = {}
    for key, style in doc.get("ordinals", {}).items():
        if not isinstance(style, str):
            raise ConfigError(f"{path}：约定配置项“ordinals.{key}”应为字符串")
        ordinals[int(key.split("-")[1])] = style
    left = doc.get("leftovers", {})
    punct = doc.get("punctuation", {})
    for key, value in punct.items():
        if not isinstance(value, str):
            raise ConfigError(f"{path}：约定配置项“punctuation.{key}”应为字符串")
    return Profile(ordinal_styles=ordinals,
                   leftover_lines=_str_list(path, "leftovers.lines", left.get("lines", [])),
                   leftover_phrases=_str_list(path, "leftovers.phrases", left.get("phrases", [])),
                   placeholder_tokens=_str_list(path, "placeholders.tokens",
                                                doc.get("placeholders", {}).get("tokens", [])),
                   punctuation=dict(punct), source=path, builtin=builtin)


_CACHE: dict[tuple[str, int], Profile] = {}


def load_profile_file(path: str) -> Profile:
    try:
        mtime = os.stat(path).st_mtime_ns
    except FileNotFoundError:
        raise ConfigError(f"{path}：约定配置文件不存在") from None
    except OSError as exc:
        raise ConfigError(f"{path}：无法读取约定配置：{exc.strerror}") from None
    hit = _CACHE.get((path, mtime))
    if hit is None:
        with open(path, "rb") as fh:
            hit = _CACHE[(path, mtime)] = parse_profile(path, fh.read())
    return hit


_DEFAULT: Optional[Profile] = None


def default_profile() -> Profile:
    """The profile shipped in the package (learned from corpus/seeds)."""
    global _DEFAULT
    if _DEFAULT is None:
        from gwlint.rules import default_profile_path
        res = default_profile_path()
        try:
            data = res.read_bytes()
        except (FileNotFoundError, OSError):
            _DEFAULT = Profile(builtin=True)
        else:
            _DEFAULT = parse_profile("gwlint/rules/profiles/default.toml", data, builtin=True)
    return _DEFAULT


def load_for_settings(settings) -> Profile:
    if settings.profile is None:
        return default_profile()
    if settings.profile.lower() == "none":
        return EMPTY
    return load_profile_file(settings.profile)
