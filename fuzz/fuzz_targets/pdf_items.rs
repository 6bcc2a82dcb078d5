//! Fuzz target `pdf_items`: the PDF layout (positioned text items → lines
//! and table cells) and the extraction after it, via `extract_pdf_items`.
//!
//! The bytes are a list of text items in the record format of
//! `benches/common/pdf_records.rs` (page, flags, x, y, width, height, text;
//! coordinates in quarter points, flags for NaN/infinite/huge values). The
//! seeds are synthetic reports laid out as items
//! (`synthetic::pdf_items_bytes`) and the items pdf.js gives for the shared
//! PDF (`fuzz/items_to_records.py`).
#![no_main]

#[path = "../../benches/common/pdf_records.rs"]
mod pdf_records;

use libfuzzer_sys::fuzz_target;
use ogi_extract::extract_pdf_items;

fuzz_target!(|data: &[u8]| {
    let items = pdf_records::items(data);
    let _ = ogi_extract::layout::items_to_text(&items);
    if let Ok(report) = extract_pdf_items(&items, Some("x.pdf")) {
        let _ = serde_json::to_string(&report);
    }
});
