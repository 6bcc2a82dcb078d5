//! Fuzz target `html`: the HTML flattener and the MHTML reader, directly and
//! through `extract` with an `.html` / `.mhtml` name. Never a panic, never
//! a hang; the flattened text is itself readable input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_extract::decode::{decode_entities, flatten_html, looks_like_html};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let _ = looks_like_html(&html);
    let _ = decode_entities(&html);
    let flat = flatten_html(&html);
    // Flattening is idempotent enough to be re-read: no panic on its output.
    let _ = ogi_extract::extract_str(&flat);
    let _ = ogi_extract::extract(data, Some("x.html"));
    let _ = ogi_extract::extract(data, Some("x.mhtml"));
});
