"""Building the rule registry and the conventions profile for a given Settings.

Registries are immutable and cached per pack configuration, so the CLI builds one per
run and the language server one per workspace folder."""
from __future__ import annotations

from functools import lru_cache

from .registry import Registry, python_checkers


@lru_cache(maxsize=16)
def _registry(packs: tuple[str, ...], disabled: tuple[str, ...]) -> Registry:
    from gwlint.rules import PYTHON_RULE_MODULES
    checkers = python_checkers(PYTHON_RULE_MODULES)
    try:
        from .packs import load_pack_checkers
    except ImportError:  # packs engine not present yet
        load_pack_checkers = None
    if load_pack_checkers is not None:
        checkers.extend(load_pack_checkers(packs, disabled))
    return Registry.build(checkers)


def default_registry(settings) -> Registry:
    return _registry(tuple(settings.packs), tuple(settings.disable_packs))


def load_profile(settings):
    try:
        from .profile import load_for_settings
    except ImportError:
        return None
    return load_for_settings(settings)
