#!/usr/bin/env bash
# Builds the page (scripts/build-web.sh) and runs the browser tests:
#   node --test e2e/   (every e2e/**/*.test.mjs: the wasm core in node, and
#                       the page in headless Chromium through playwright-core)
# Installs Debian's chromium and a CJK font when they are missing (as root,
# or through sudo). Screenshots go to e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."

section() { printf '\n==== %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        echo "need root to run: $*" >&2; return 1; fi
}

section "browser"
need=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need+=(chromium)
if ! fc-list 2>/dev/null | grep -qi 'wqy\|noto sans cjk\|wenquanyi'; then need+=(fonts-wqy-microhei); fi
if [ "${#need[@]}" -gt 0 ]; then
    echo "installing: ${need[*]}"
    as_root apt-get update
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need[@]}"
fi
"${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | grep -v 'unexpected operator' || true

section "build"
bash scripts/build-web.sh

section "node --test e2e/"
rm -rf e2e/artifacts
mkdir -p e2e/artifacts
node --test --test-concurrency=1 e2e/
echo "screenshots: $(ls e2e/artifacts | tr '\n' ' ')"
