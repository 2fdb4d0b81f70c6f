"""The wheel contains only the gwlint namespace (no generic top-level modules), every Python
package folder is listed, and the data files (packs, profile) ship with it."""
import os
import subprocess
import sys
import zipfile

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MAPPED = {"linter": "gwlint.linter", "lsp": "gwlint.lsp", "rules": "gwlint.rules"}


def _declared_packages():
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    with open(os.path.join(ROOT, "pyproject.toml"), "rb") as fh:
        return set(tomllib.load(fh)["tool"]["setuptools"]["packages"])


def test_every_package_folder_is_declared():
    found = set()
    for top, ns in MAPPED.items():
        for root, dirs, files in os.walk(os.path.join(ROOT, top)):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            if "__init__.py" in files:
                rel = os.path.relpath(root, os.path.join(ROOT, top))
                found.add(ns if rel == "." else ns + "." + rel.replace(os.sep, "."))
    assert found == _declared_packages()


@pytest.mark.slow
def test_wheel_has_only_the_gwlint_namespace(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), ROOT],
                   check=True)
    wheel = next(p for p in tmp_path.iterdir() if p.suffix == ".whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/")[0] for n in names}
    assert {t for t in tops if not t.endswith(".dist-info")} == {"gwlint"}
    assert not any(n.startswith("gwlint/__init__") for n in names), "gwlint must stay a namespace"
    assert "gwlint/rules/profiles/default.toml" in names
    assert any(n.startswith("gwlint/rules/packs/") and n.endswith(".toml") for n in names)
    assert "gwlint/linter/cli.py" in names and "gwlint/lsp/__init__.py" in names
