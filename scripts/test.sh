#!/usr/bin/env bash
# Front door, command 2: install gwlint with its test dependencies into .venv and run the tests.
#   bash scripts/test.sh [pytest options...]
# Real-editor tests (Neovim, Emacs + eglot) run when those editors are installed and are
# skipped with a reason otherwise; .ci/run installs them. The VS Code end-to-end test is
# scripts/e2e_vscode.sh.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
exec .venv/bin/python -m pytest -q -p no:cacheprovider "$@"
