#!/usr/bin/env bash
# Builds everything (scripts/build-web.sh) and serves the page on 127.0.0.1.
#   scripts/serve.sh            → http://127.0.0.1:8080/
#   PORT=9000 scripts/serve.sh  → another port (or: scripts/serve.sh 9000)
# Nothing but the files of www/ is served; the page makes no other request.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${1:-${PORT:-8080}}"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    bash scripts/build-web.sh
fi
echo
echo "Serving www/ at  http://127.0.0.1:${PORT}/   (Ctrl-C to stop)"
echo
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory www
