#!/usr/bin/env bash
# Installs what the end-to-end suite and `npm start` need, outside the repository:
#   - Debian packages: chromium (the browser that drives VS Code), ripgrep, and the headers that
#     code-server's native modules build against (libkrb5-dev, pkg-config);
#   - code-server (a full VS Code served over HTTP) and playwright-core, in their own npm folder.
# Target folder: $KFS_E2E_DIR, default ~/.cache/kfs-e2e. Safe to run again: it only does what is missing.
# The machine reaches only the npm registry and Debian's archive, so nothing here downloads a binary
# by itself: code-server's postinstall (which would fetch ripgrep) is skipped and redone step by step.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3 # VS Code 1.100.3; the last code-server whose engines field accepts Node 20
PLAYWRIGHT_VERSION=1.64.1
DIR=${KFS_E2E_DIR:-$HOME/.cache/kfs-e2e}
STAMP="code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION node@$(node -p process.versions.modules)"
LOG="$DIR/setup.log"
START=$SECONDS

say() { printf '[e2e setup %3ds] %s\n' "$((SECONDS - START))" "$*"; }
die() { printf '[e2e setup] FAILED: %s\n' "$*" >&2; exit 1; }
# Runs a command with its output in the log; on failure shows the end of the log and stops.
run() {
  echo "\$ $*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1; then
    printf '[e2e setup] FAILED: %s\n--- last lines of %s ---\n' "$*" "$LOG" >&2
    tail -n 40 "$LOG" >&2
    exit 1
  fi
}

mkdir -p "$DIR"
# One installer at a time (start.sh and run.sh may both call this).
exec 9>"$DIR/.lock"
flock 9
: >"$LOG"

CS="$DIR/node_modules/code-server"
VSCODE="$CS/lib/vscode"
ready() {
  [ "$(cat "$DIR/.ready" 2>/dev/null)" = "$STAMP" ] && [ -f "$CS/out/node/entry.js" ] &&
    [ -f "$DIR/node_modules/playwright-core/package.json" ] && [ -x "$VSCODE/node_modules/@vscode/ripgrep/bin/rg" ]
}

# 1. Debian packages, only those missing (apt-get update once, and only if something is missing).
need=()
for pkg in chromium ripgrep libkrb5-dev pkg-config python3 make g++; do
  case $pkg in
    python3 | make | g++) command -v "$pkg" >/dev/null || need+=("$pkg") ;;
    *) dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || need+=("$pkg") ;;
  esac
done
if [ ${#need[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "Debian packages missing (${need[*]}); run as root or install them first"
  say "apt-get update"
  run apt-get update
  say "apt-get install ${need[*]}"
  DEBIAN_FRONTEND=noninteractive run apt-get install -y --no-install-recommends "${need[@]}"
else
  say "Debian packages present (chromium, ripgrep, libkrb5-dev, pkg-config)"
fi
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium missing after install"

if ready; then
  say "code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_VERSION ready in $DIR"
  exit 0
fi

export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false npm_config_loglevel=warn
cd "$DIR"
[ -f package.json ] || echo '{ "name": "kfs-e2e-tools", "private": true }' >package.json

# 2. code-server and playwright-core, without install scripts (code-server's would download ripgrep).
say "npm install code-server@$CODE_SERVER_VERSION playwright-core@$PLAYWRIGHT_VERSION into $DIR (log: $LOG)"
run npm install --ignore-scripts "code-server@$CODE_SERVER_VERSION" "playwright-core@$PLAYWRIGHT_VERSION"
say "npm rebuild argon2"
run npm rebuild argon2

# 3. code-server's postinstall, by hand: VS Code's own production dependencies, native modules built
#    against the headers of the Node that runs them.
say "npm install in code-server's lib/vscode (VS Code's dependencies)"
(cd "$VSCODE" && run npm install --omit=dev --ignore-scripts)
GYP="$(npm prefix -g)/lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$GYP" ] || GYP="$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")/node_modules/node-gyp/bin/node-gyp.js"
[ -f "$GYP" ] || die "npm's node-gyp not found"
NODEDIR=$(npm config get nodedir)
[ "$NODEDIR" = undefined ] || [ -z "$NODEDIR" ] && NODEDIR=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
for mod in kerberos node-pty @parcel/watcher @vscode/spdlog native-watchdog @vscode/deviceid; do
  if [ -d "$VSCODE/node_modules/$mod" ]; then
    say "node-gyp rebuild $mod"
    (cd "$VSCODE/node_modules/$mod" && run node "$GYP" rebuild -j max --nodedir="$NODEDIR")
  else
    say "skip $mod (not a dependency of this VS Code)"
  fi
done

# 4. ripgrep from Debian where @vscode/ripgrep would have downloaded it; the .asar path VS Code
#    expects; the built-in extensions' dependencies.
say "ripgrep, node_modules.asar, built-in extensions' dependencies"
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
cp "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"
ln -sfn node_modules "$VSCODE/node_modules.asar"
(cd "$VSCODE/extensions" && run npm install --omit=dev --ignore-scripts)

# 5. Smoke check: the entry point answers.
say "check: code-server --version"
run node "$CS/out/node/entry.js" --version
echo "$STAMP" >"$DIR/.ready"
say "ready: $DIR"
