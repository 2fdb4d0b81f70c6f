"""gwlint's built-in rules: Python rule modules (listed explicitly, no import-time scanning)
and the declarative TOML packs under ``packs/``."""
from __future__ import annotations

from importlib.resources import files

#: Python rule modules, in the order their checkers run.
PYTHON_RULE_MODULES = (
    "gwlint.linter.meta_rules",
    "gwlint.rules.headings",       # HD heading numbering and enumerations
    "gwlint.rules.placeholders",   # PH unfilled placeholders
    "gwlint.rules.watermarks",     # WM watermark / advert / download leftovers
    "gwlint.rules.pinyin",         # WM011 pinyin inserted after characters by web pages
    "gwlint.rules.punctuation",    # PU punctuation (GB/T 15834-2011)
    "gwlint.rules.symbols",        # PU015 emoji and keycap digits
    "gwlint.rules.numbers",        # NU number usage (GB/T 15835-2011)
    "gwlint.rules.wording",        # WD wording rules that need code (的/地/得 ...)
    "gwlint.rules.consistency",    # CS in-document consistency
    "gwlint.rules.genre_forms",    # CF rules that depend on the 文种 (letter forms in a 请示 …)
)


def builtin_packs_dir():
    """The folder of built-in TOML packs (a Traversable inside the installed package)."""
    return files(__name__) / "packs"


def default_profile_path():
    return files(__name__) / "profiles" / "default.toml"
