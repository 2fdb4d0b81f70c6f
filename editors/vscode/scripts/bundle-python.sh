#!/usr/bin/env bash
# Put gwlint and its pure-Python dependencies into bundled/libs, so that the .vsix needs only
# a Python >= 3.10 on the user's machine. gwlint's rules use only the standard library's re;
# the compiled `regex` package (an optional accelerator for user packs) is not bundled.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
PY="${PYTHON:-python3}"
LIBS="$HERE/bundled/libs"
rm -rf "$LIBS" && mkdir -p "$LIBS"
"$PY" -m pip install -q --disable-pip-version-check -t "$LIBS" --no-deps --only-binary=:all: \
  --implementation py --python-version 3.10 \
  -r "$HERE/scripts/requirements-bundled.txt"
"$PY" -m pip install -q --disable-pip-version-check -t "$LIBS" --no-deps "$ROOT"
rm -rf "$LIBS"/bin "$LIBS"/*.dist-info/RECORD
find "$LIBS" -name __pycache__ -prune -exec rm -rf {} +
echo "bundled: $(ls "$LIBS" | tr '\n' ' ')"
