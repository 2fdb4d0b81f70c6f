"""Declarative rule packs in TOML: word lists and patterns as data (modelled on Vale's rule
kinds: existence, substitution, consistency, occurrence, sequence, plus ordered lists).

See docs/packs.md for the format."""
from .loader import PackError, load_pack_checkers, load_pack_file

__all__ = ["PackError", "load_pack_checkers", "load_pack_file"]
