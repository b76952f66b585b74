#!/usr/bin/env bash
# End-to-end tests of the packaged extension in a real VS Code: installs the tools (setup.sh), builds
# and packages the .vsix, starts code-server (fresh user data, extensions and workspace) and headless
# Chromium, runs suite.mjs against them, and always stops both, whatever happens.
# Screenshots and logs: artifacts/e2e/. KFS_E2E_SCREENSHOT=media/screenshot.png also saves the README picture.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=${KFS_E2E_DIR:-$HOME/.cache/kfs-e2e}
ARTIFACTS="$ROOT/artifacts/e2e"
ENTRY="$TOOLS/node_modules/code-server/out/node/entry.js"
START=$SECONDS
say() { printf '[e2e %3ds] %s\n' "$((SECONDS - START))" "$*"; }
fail() {
  printf '[e2e] FAILED: %s\n' "$*" >&2
  exit 1
}
# Runs a command quietly; on failure shows its output.
quiet() {
  local out
  if ! out=$("$@" 2>&1); then
    printf '%s\n' "$out" >&2
    fail "$*"
  fi
}

say "tools (test/e2e/setup.sh)"
"$ROOT/test/e2e/setup.sh"

cd "$ROOT"
say "build and package the extension"
quiet npm run build
quiet npm run package
VSIX="$ROOT/kestra-flow-studio.vsix"
[ -f "$VSIX" ] || fail "npm run package made no $VSIX"

RUN=$(mktemp -d /tmp/kfs-e2e-run.XXXXXX)
CS_PID='' CR_PID=''
# Stops a process group: TERM, then KILL if it is still there after 10 s.
stop_group() {
  local pid=$1 name=$2
  [ -n "$pid" ] || return 0
  kill -TERM -- "-$pid" 2>/dev/null || return 0
  for _ in $(seq 50); do
    pgrep -g "$pid" >/dev/null || return 0
    sleep 0.2 # polling the group until it is gone
  done
  say "$name did not stop on TERM: KILL"
  kill -KILL -- "-$pid" 2>/dev/null || true
}
cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_group "$CR_PID" chromium
  stop_group "$CS_PID" code-server
  for pid in $CR_PID $CS_PID; do
    if pgrep -g "$pid" >/dev/null; then
      echo "[e2e] processes left behind in group $pid: $(pgrep -g "$pid" | tr '\n' ' ')" >&2
      rc=1
    fi
  done
  # VS Code's own logs (extension host, the language server's output channel) go with the screenshots.
  [ -d "$RUN/user-data/logs" ] && cp -r "$RUN/user-data/logs" "$ARTIFACTS/vscode-logs" 2>/dev/null
  rm -rf "$RUN"
  say "stopped code-server and chromium; artifacts in ${ARTIFACTS#"$ROOT/"}"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

rm -rf "$ARTIFACTS"
mkdir -p "$ARTIFACTS" "$RUN/user-data/User" "$RUN/extensions" "$RUN/chromium" "$RUN/workspace"
cp "$ROOT/test/e2e/user-settings.json" "$RUN/user-data/User/settings.json"
node "$ROOT/test/e2e/lib/fixtures.mjs" "$RUN/workspace" >/dev/null

say "install the .vsix into a fresh extensions folder"
quiet node "$ENTRY" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" --install-extension "$VSIX"

PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
say "start code-server on 127.0.0.1:$PORT"
# setsid: code-server and everything it starts (extension host, language server) share one process
# group that cleanup stops at once.
setsid node "$ENTRY" --auth none --bind-addr "127.0.0.1:$PORT" --disable-telemetry --disable-update-check \
  --config "$RUN/config.yaml" --user-data-dir "$RUN/user-data" --extensions-dir "$RUN/extensions" \
  "$RUN/workspace" >"$ARTIFACTS/code-server.log" 2>&1 &
CS_PID=$!
for _ in $(seq 300); do
  curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" && break
  kill -0 "$CS_PID" 2>/dev/null || { cat "$ARTIFACTS/code-server.log" >&2; fail "code-server exited"; }
  sleep 0.2 # polling until it answers (60 s at most)
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/healthz" || fail "code-server did not answer on port $PORT"

say "start headless chromium"
setsid /usr/bin/chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --disable-default-apps \
  --disable-renderer-backgrounding --disable-background-timer-throttling --disable-backgrounding-occluded-windows \
  --remote-debugging-address=127.0.0.1 --remote-debugging-port=0 --user-data-dir="$RUN/chromium" \
  --window-size=1280,800 about:blank >"$ARTIFACTS/chromium.log" 2>&1 &
CR_PID=$!
for _ in $(seq 150); do
  [ -s "$RUN/chromium/DevToolsActivePort" ] && break
  kill -0 "$CR_PID" 2>/dev/null || { cat "$ARTIFACTS/chromium.log" >&2; fail "chromium exited"; }
  sleep 0.2 # polling until chromium writes its DevTools port (30 s at most)
done
CDP_PORT=$(head -n 1 "$RUN/chromium/DevToolsActivePort" 2>/dev/null) || fail "chromium wrote no DevTools port"

say "run the suite"
set +e
KFS_E2E_URL="http://127.0.0.1:$PORT/?folder=$RUN/workspace" KFS_E2E_CDP="http://127.0.0.1:$CDP_PORT" \
  KFS_E2E_TOOLS="$TOOLS" KFS_E2E_ARTIFACTS="$ARTIFACTS" KFS_E2E_WORKSPACE="$RUN/workspace" \
  timeout --foreground --kill-after=10 480 node "$ROOT/test/e2e/suite.mjs"
rc=$?
set -e
[ $rc -eq 124 ] && echo "[e2e] the suite took more than 480 s and was stopped" >&2
exit $rc
