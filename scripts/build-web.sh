#!/usr/bin/env bash
# Builds the web page: the extraction core compiled to WebAssembly
# (crates/ogi-wasm → www/pkg/), and the native CLI (target/release/ogi) that
# the browser tests compare against. Installs what is missing first:
#   - the wasm32-unknown-unknown Rust target (rustup),
#   - wasm-bindgen-cli 0.2.130 (cargo install; must match the crate's pin),
#   - binaryen (wasm-opt), playwright-core and pdfjs-dist from package-lock.json (npm).
# Afterwards www/ is a self-contained static site: serve it as it is.
#
# Prints the gzipped size of the first load (wasm + JS + CSS + HTML) and fails
# when it is over the budget of 400 KB.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

WASM_BINDGEN_VERSION=0.2.130
BUDGET=$((400 * 1024))

step() { printf '\n==== %s\n' "$*"; }

step "toolchain"
command -v cargo >/dev/null || { echo "cargo is missing: install Rust (rustup) first" >&2; exit 1; }
command -v node >/dev/null || { echo "node is missing: apt-get install -y nodejs npm" >&2; exit 1; }
if command -v rustup >/dev/null; then
    if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
        rustup target add wasm32-unknown-unknown
    fi
fi
WASM_BINDGEN="${CARGO_HOME:-$HOME/.cargo}/bin/wasm-bindgen"
if [ "$("$WASM_BINDGEN" --version 2>/dev/null || true)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    # Not --locked: its lockfile names crate versions some registry mirrors lack.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi
"$WASM_BINDGEN" --version
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] || [ ! -d node_modules/pdfjs-dist ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-audit --no-fund 2>&1 | grep -v 'Unknown user config' || true
fi
[ -x node_modules/.bin/wasm-opt ] || { echo "npm did not install binaryen (wasm-opt)" >&2; exit 1; }

# Two modules: ogi_wasm (every input but PDF; the first load) and
# ogi_wasm_pdf (the same plus the PDF layout of pdf.js text items, loaded by
# the worker only when a PDF arrives, with pdf.js).
#
# Speed over the last bytes: the `wasm` profile is opt-level "s" (Cargo.toml),
# the wasm target is built with SIMD (.cargo/config.toml: +simd128), and the
# core leaves encoding_rs out (GB18030/Big5 are decoded by the browser's
# TextDecoder), which pays for both. wasm-opt -O3 (speed; about the size of
# -Oz on this module) with the features the module uses, SIMD included.
WASM=target/wasm32-unknown-unknown/wasm/ogi_wasm.wasm
WASM_OPT_FLAGS=(-O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int
    --enable-sign-ext --enable-reference-types --enable-multivalue)
rm -rf www/pkg
for variant in ogi_wasm ogi_wasm_pdf; do
    features=()
    [ "$variant" = ogi_wasm_pdf ] && features=(--features pdf)
    step "cargo build -p ogi-wasm --profile wasm --target wasm32-unknown-unknown ${features[*]:-}"
    cargo build -p ogi-wasm --profile wasm --target wasm32-unknown-unknown "${features[@]}"
    step "wasm-bindgen --target web → www/pkg/$variant.js, wasm-opt ${WASM_OPT_FLAGS[0]}"
    "$WASM_BINDGEN" --target web --no-typescript --out-dir www/pkg --out-name "$variant" "$WASM"
    # The npm build of binaryen (Debian's wasm-opt 108 breaks wasm-bindgen 0.2.130 output).
    node_modules/.bin/wasm-opt "${WASM_OPT_FLAGS[@]}" \
        "www/pkg/${variant}_bg.wasm" -o "www/pkg/${variant}_bg.wasm"
done
# wasm-bindgen writes ES modules; node needs this to load them (tests).
printf '{"type":"module"}\n' > www/pkg/package.json

# pdf.js for PDFs, loaded by the worker only when a PDF is dropped (not part
# of the first load): the same pdfjs-dist the CLI runs under node.
rm -rf www/vendor/pdfjs
mkdir -p www/vendor/pdfjs
PDFJS=node_modules/pdfjs-dist
cp "$PDFJS/build/pdf.min.mjs" "$PDFJS/build/pdf.worker.min.mjs" "$PDFJS/LICENSE" www/vendor/pdfjs/
cp -r "$PDFJS/cmaps" "$PDFJS/standard_fonts" www/vendor/pdfjs/
echo "pdf.js $(node -p "require('./$PDFJS/package.json').version") → www/vendor/pdfjs/"

step "cargo build --release (the ogi CLI)"
cargo build --release

step "first load, gzip -9"
# Everything the page fetches before it can extract: the HTML, the element,
# its modules, the worker, the wasm glue and module, the stylesheet.
FIRST_LOAD=(www/index.html www/*.css www/*.js www/*.svg www/pkg/ogi_wasm.js www/pkg/ogi_wasm_bg.wasm)
total=0
printf '%-28s %10s %10s\n' file bytes gzip
for f in "${FIRST_LOAD[@]}"; do
    [ -f "$f" ] || { echo "missing: $f" >&2; exit 1; }
    raw=$(wc -c < "$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + gz))
    printf '%-28s %10d %10d\n' "${f#www/}" "$raw" "$gz"
done
printf '%-28s %10s %10d  (%d KB; budget %d KB)\n' total "" "$total" $((total / 1024)) $((BUDGET / 1024))
lazy=0
for f in www/pkg/ogi_wasm_pdf.js www/pkg/ogi_wasm_pdf_bg.wasm www/vendor/pdfjs/pdf.min.mjs www/vendor/pdfjs/pdf.worker.min.mjs; do
    lazy=$((lazy + $(gzip -9 -c "$f" | wc -c)))
done
printf 'loaded only for a PDF (PDF module + pdf.js, gzip): %d KB\n' $((lazy / 1024))
if [ "$total" -gt "$BUDGET" ]; then
    echo "first load is over the budget" >&2
    exit 1
fi

step "done: www/ is ready (serve it with scripts/serve.sh or any static server)"
