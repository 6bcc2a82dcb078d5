#!/bin/sh
# Seed corpora for every fuzz target, from the repository root:
#   sh fuzz/seeds.sh
# - generated reports of the synthetic batch in every layout (text, pipes,
#   HTML, .docx and its document.xml, GB18030/Big5/UTF-16 copies, PDF text
#   items), written by `cargo test --test synthetic -- --ignored write_fuzz_seeds`;
# - the shared corpus (../shared/corpus) when it is present, and the text
#   items of its PDFs (pdf.js under node, tools/pdf-items.mjs).
set -e
cargo test --release --test synthetic -- --ignored write_fuzz_seeds
for t in extract html docx pdf_items text; do mkdir -p "fuzz/corpus/$t"; done
S=../shared/corpus
if [ -d "$S" ]; then
    cp "$S"/seeds/* "$S"/reports/* "$S"/synthetic/* fuzz/corpus/extract/ 2>/dev/null || true
    cp "$S"/reports/*.html "$S"/synthetic/*.html fuzz/corpus/html/ 2>/dev/null || true
    cp "$S"/seeds/* "$S"/reports/*.txt fuzz/corpus/text/ 2>/dev/null || true
    for pdf in "$S"/pdf/*.pdf; do
        [ -f "$pdf" ] || continue
        node tools/pdf-items.mjs "$pdf" | python3 fuzz/items_to_records.py \
            > "fuzz/corpus/pdf_items/$(basename "$pdf" .pdf).items" || echo "skipped $pdf (needs node and pdfjs-dist)"
    done
fi
for t in extract html docx pdf_items text; do echo "fuzz/corpus/$t: $(ls "fuzz/corpus/$t" | wc -l) files"; done
