"""Declarative rule packs in TOML: word lists and patterns as data, modelled on Vale's rule
kinds (existence, substitution, consistency, occurrence, sequence) plus ``ordered`` lists.

The built-in packs live in ``gwlint/rules/packs/``; users add their own with the config key
``packs`` and switch packs off with ``disable-packs``. The format is described in docs/packs.md.
"""
from .kinds import KINDS, literal_pattern
from .loader import PackError, builtin_pack_names, load_pack_checkers, load_pack_file

__all__ = ["KINDS", "PackError", "builtin_pack_names", "literal_pattern", "load_pack_checkers",
           "load_pack_file"]
