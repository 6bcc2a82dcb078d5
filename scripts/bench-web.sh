#!/usr/bin/env bash
# The browser benchmark (scripts/bench-web.mjs): wasm instantiation and
# first-load bytes, extraction of a 40 KB report in wasm, paste → rendered,
# 1,000 dropped files with the page's responsiveness, and the native CLI for
# comparison. Prints a table; writes e2e/artifacts/bench-web.json.
#
#   bash scripts/bench-web.sh            # full run (1–2 minutes)
#   bash scripts/bench-web.sh --quick    # short smoke run
#   other options: --out FILE --launches N --repeats N --runs N --pastes N --files N --batch-runs N
#
# Builds the page first when www/pkg is missing (scripts/build-web.sh), or
# always with BUILD=1. Needs Debian's chromium (scripts/test-web.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${BUILD:-0}" = 1 ] || [ ! -f www/pkg/ogi_wasm_bg.wasm ] || [ ! -x target/release/ogi ]; then
    bash scripts/build-web.sh
fi
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { echo "chromium is missing: run scripts/test-web.sh once (it installs it)" >&2; exit 1; }
[ -d node_modules/playwright-core ] || { echo "playwright-core is missing: npm ci" >&2; exit 1; }

echo "load: $(uptime)"
node scripts/bench-web.mjs "$@"
