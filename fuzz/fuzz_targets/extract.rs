//! Fuzz target: `extract` must never panic, whatever the bytes, and whatever
//! format the file name hints at.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ogi_extract::extract(data, None);
    let _ = ogi_extract::extract(data, Some("x.html"));
    let _ = ogi_extract::extract(data, Some("x.md"));
    // The text of a report is itself valid input (the page re-reads it).
    if let Ok(report) = ogi_extract::extract(data, Some("x.txt")) {
        let _ = ogi_extract::extract_str(&report.text);
        let _ = serde_json::to_string(&report);
    }
});
