#!/usr/bin/env bash
# Runs the JavaScript suites for Maven's integration-test phase (see client/pom.xml):
#   js-tests.sh node     kalisocket.js under Node's test runner, against the demo jar
#   js-tests.sh browser  the demo's chat page in Debian's Chromium via playwright-core, against the demo jar
# A second argument "skip" (-Dkalisocket.jsTests=skip) skips them. With CI=true nothing is ever skipped: a
# missing prerequisite fails the build. Elsewhere a missing prerequisite skips the suite with a message.
set -euo pipefail

suite=${1:?usage: js-tests.sh node|browser [run|skip]}
mode=${2:-run}
client=$(cd "$(dirname "$0")/.." && pwd)
repo=$(dirname "$client")
export KS_DEMO_JAR=${KS_DEMO_JAR:-$repo/demo/target/kalisocket-demo.jar}
chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
in_ci=false
[ "${CI:-}" = true ] && in_ci=true

unavailable() { # unavailable WHY HOW
  if $in_ci; then
    echo "[js-tests] ERROR: the $suite tests must run in CI but cannot: $1. $2" >&2
    exit 1
  fi
  echo "[js-tests] SKIPPED the $suite tests: $1. To run them: $2"
  exit 0
}

if [ "$mode" = skip ] && ! $in_ci; then
  echo "[js-tests] SKIPPED the $suite tests (-Dkalisocket.jsTests=skip)"
  exit 0
fi
command -v node >/dev/null || unavailable "node is not installed" "install Node.js 20 or newer"
major=$(node -p 'process.versions.node.split(".")[0]')
[ "$major" -ge 20 ] || unavailable "node $major is too old" "install Node.js 20 or newer"
[ -f "$KS_DEMO_JAR" ] || unavailable "$KS_DEMO_JAR is missing" "build it first (mvn -B verify from the root does)"

# Node 20-21 has WebSocket behind a flag; later versions have it on by default.
flags=()
if [ "$major" -lt 22 ]; then flags+=(--experimental-websocket); fi

case "$suite" in
  node)
    cd "$client/js"
    exec node "${flags[@]}" --test test/kalisocket.test.mjs test/recovery.test.mjs test/refusals.test.mjs
    ;;
  browser)
    [ -x "$chromium" ] || unavailable "no Chromium at $chromium" "apt-get install -y chromium (or set CHROMIUM_PATH)"
    command -v npm >/dev/null || unavailable "npm is not installed" "install npm"
    cd "$client/browser-test"
    if [ ! -f node_modules/playwright-core/package.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
      npm ci --no-audit --no-fund
    fi
    export CHROMIUM_PATH="$chromium"
    exec node "${flags[@]}" --test chat.test.mjs login.test.mjs stop.test.mjs refusals.test.mjs typings.test.mjs
    ;;
  *)
    echo "usage: js-tests.sh node|browser [run|skip]" >&2
    exit 2
    ;;
esac
