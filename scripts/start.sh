#!/usr/bin/env bash
# `npm start`: the extension in a real VS Code. Builds and packages the extension, installs code-server
# and its needs (test/e2e/setup.sh), installs the .vsix into a fresh extensions folder, copies the example
# flows into .e2e/workspace and serves VS Code on http://127.0.0.1:$PORT (default 8080) until Ctrl-C.
# State lives in .e2e/ (gitignored): the workspace copy is made anew at each start.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT=${PORT:-8080}
TOOLS=${KFS_E2E_DIR:-$HOME/.cache/kfs-e2e}
ENTRY="$TOOLS/node_modules/code-server/out/node/entry.js"
STATE="$ROOT/.e2e/start"
WORKSPACE="$ROOT/.e2e/workspace"
START=$SECONDS
say() { printf '[start %3ds] %s\n' "$((SECONDS - START))" "$*"; }
fail() {
  printf '[start] FAILED: %s\n' "$*" >&2
  exit 1
}

[[ $PORT =~ ^[0-9]+$ ]] || fail "PORT must be a number, not '$PORT'"
cd "$ROOT"
[ -d node_modules ] || fail "node_modules is missing: run npm ci first"

say "build the extension (npm run build)"
npm run --silent build
say "package it (npm run package)"
mkdir -p "$ROOT/.e2e"
npm run --silent package >"$ROOT/.e2e/package.log" 2>&1 || {
  cat "$ROOT/.e2e/package.log" >&2
  fail "npm run package"
}
VSIX="$ROOT/kestra-flow-studio.vsix"
[ -f "$VSIX" ] || fail "npm run package made no $VSIX"

say "code-server and its needs (test/e2e/setup.sh)"
"$ROOT/test/e2e/setup.sh"

say "install the .vsix into a fresh extensions folder"
rm -rf "$STATE/extensions"
mkdir -p "$STATE/extensions" "$STATE/user-data/User"
node "$ENTRY" --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions" --install-extension "$VSIX" >/dev/null ||
  fail "code-server --install-extension $VSIX"

say "user settings: workspace trust prompt off, no start-up editor"
# The same quiet, trusted VS Code settings as the end-to-end suite (one file for both).
cp "$ROOT/test/e2e/user-settings.json" "$STATE/user-data/User/settings.json"

# The example flows sit in ../shared/flows beside the project; without them, the golden fixtures.
FLOWS="$ROOT/../shared/flows"
rm -rf "$WORKSPACE"
mkdir -p "$WORKSPACE"
if [ -d "$FLOWS" ]; then
  FLOWS=$(cd "$FLOWS" && pwd)
  cp -R "$FLOWS/." "$WORKSPACE/"
  chmod -R u+w "$WORKSPACE" # shared/ may be read-only; the copy is for editing
else
  FLOWS="$ROOT/test/fixtures/diagnostics"
  cp "$FLOWS"/*.yaml "$WORKSPACE/"
fi
say "workspace: ${WORKSPACE#"$ROOT/"} ($(find "$WORKSPACE" -name '*.y*ml' | wc -l) YAML files from $FLOWS)"

echo
echo "  Kestra Flow Studio in VS Code:  http://127.0.0.1:$PORT/?folder=$WORKSPACE"
echo "  (code-server's own log follows; Ctrl-C stops it)"
echo
# The session socket goes to /tmp: a socket path must stay under 108 bytes, the checkout's may not.
exec node "$ENTRY" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --config "$STATE/config.yaml" --user-data-dir "$STATE/user-data" --extensions-dir "$STATE/extensions" \
  --session-socket "${TMPDIR:-/tmp}/kfs-start-$(id -u)-$PORT.sock" "$WORKSPACE"
