#!/usr/bin/env bash
# Put gwlint and its pure-Python dependencies into bundled/libs, so that the .vsix needs only
# a Python >= 3.10 on the user's machine (the extension runs `python -S -m gwlint.lsp` with
# PYTHONPATH=bundled/libs). gwlint's rules use only the standard library's re; the compiled
# `regex` package (an optional accelerator for user packs) is not bundled.
#   PYTHON=python3 bash scripts/bundle-python.sh      (PyPI, or the pip index configured here)
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-python3}"
LIBS="$HERE/bundled/libs"
PIP=("$PY" -m pip install -q --disable-pip-version-check --no-warn-script-location -t "$LIBS" --no-deps)
rm -rf "$LIBS" && mkdir -p "$LIBS"

# 1. the dependencies: pinned, pure-Python wheels only, resolved for the oldest supported Python
"${PIP[@]}" --only-binary=:all: --implementation py --python-version 3.10 \
  -r "$HERE/scripts/requirements-bundled.txt" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)

# 2. gwlint itself, built from a clean copy of the working tree (setuptools reuses build/lib
#    in the source folder, which could carry modules that no longer exist)
SRC="$(mktemp -d -t gwlint-src.XXXXXX)"
trap 'rm -rf "$SRC"' EXIT
cp -r "$ROOT/pyproject.toml" "$ROOT/README.md" "$ROOT/linter" "$ROOT/lsp" "$ROOT/rules" "$SRC/"
find "$SRC" -name __pycache__ -prune -exec rm -rf {} +
"${PIP[@]}" "$SRC" 2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)

rm -rf "$LIBS"/bin "$LIBS"/*.dist-info/RECORD "$LIBS"/*.dist-info/direct_url.json
find "$LIBS" -name __pycache__ -prune -exec rm -rf {} +
compiled="$(find "$LIBS" \( -name '*.so' -o -name '*.pyd' -o -name '*.dylib' \) | head -5)"
if [ -n "$compiled" ]; then
  echo "bundle-python: compiled modules would tie the .vsix to one platform:" >&2; echo "$compiled" >&2; exit 1
fi
[ -f "$LIBS/gwlint/lsp/__main__.py" ] || { echo "bundle-python: gwlint.lsp missing from $LIBS" >&2; exit 1; }
echo "bundled ($(du -sh "$LIBS" | cut -f1)): $(ls "$LIBS" | grep -v dist-info | tr '\n' ' ')"
