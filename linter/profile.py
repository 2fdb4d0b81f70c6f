"""Conventions profile: what an organisation's corpus does where the standards leave a choice
(ordinal scheme per heading level, leftover lines and phrases, placeholder vocabulary,
punctuation preferences). Written by ``gwlint learn``, read by ``gwlint check``.

(Contract version: the loader and learner fill this in.)
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class Profile:
    # heading level (1-4) -> ordinal style name, see gwlint.linter.structure (e.g. "一、", "（一）", "1.", "（1）")
    ordinal_styles: Mapping[int, str] = field(default_factory=dict)
    # whole lines (normalised: stripped of spaces) known as leftovers in this corpus
    leftover_lines: tuple[str, ...] = ()
    # phrases that mark a leftover wherever they occur (brand names, stamps)
    leftover_phrases: tuple[str, ...] = ()
    # placeholder tokens seen in the corpus (e.g. "XX", "×", "○○")
    placeholder_tokens: tuple[str, ...] = ()
    # punctuation preferences, e.g. {"range-connector": "—"}
    punctuation: Mapping[str, str] = field(default_factory=dict)
    source: str = ""          # file the profile was read from ("" when built in code)


EMPTY = Profile()


def load_for_settings(settings) -> Profile:
    return EMPTY
