#!/usr/bin/env bash
# Front door, command 1: install gwlint into .venv and lint the bundled sample drafts.
#   bash scripts/try.sh [gwlint check options...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e .
echo "gwlint 已安装到 .venv（.venv/bin/gwlint）。检查 examples/ 中的示例稿件："
echo
rc=0
.venv/bin/gwlint check examples/ "$@" || rc=$?
# exit 1 only means "findings", which the sample drafts are meant to have
[ "$rc" -le 1 ] || exit "$rc"
