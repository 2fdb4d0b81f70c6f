"""Finding the drafts to lint: files given by name, and folders searched recursively with
include/exclude globs."""
from __future__ import annotations

import fnmatch
import os
from typing import Iterable, Iterator, Sequence

SKIP_DIRS = {".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__", ".tox",
             ".mypy_cache", ".pytest_cache", "dist", "build"}


def _match(rel: str, patterns: Sequence[str]) -> bool:
    base = os.path.basename(rel)
    for p in patterns:
        if fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(base, p) or fnmatch.fnmatch(rel, p.rstrip("/") + "/*"):
            return True
        if "/" in rel and fnmatch.fnmatch(rel, "*/" + p.lstrip("/")):
            return True
    return False


def discover(paths: Iterable[str], include: Sequence[str], exclude: Sequence[str]) -> Iterator[str]:
    """Yield files to lint. A file named explicitly is always linted (unless excluded);
    folders yield the files matching ``include`` and not ``exclude``, in sorted order."""
    seen: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            for root, dirs, files in os.walk(path):
                rel_root = os.path.relpath(root, path)
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith(".")
                                 and not _match(_rel(rel_root, d), exclude))
                for name in sorted(files):
                    rel = _rel(rel_root, name)
                    if _match(rel, include) and not _match(rel, exclude):
                        full = os.path.join(root, name)
                        if full not in seen:
                            seen.add(full)
                            yield full
        else:
            if path not in seen and not (exclude and _match(path.replace(os.sep, "/"), exclude)):
                seen.add(path)
                yield path


def _rel(root: str, name: str) -> str:
    return name if root in (".", "") else f"{root}/{name}".replace(os.sep, "/")
