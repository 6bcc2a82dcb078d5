//! Fuzz target `docx`: the Word reader.
//!
//! Input starting with `PK`: the bytes are a ZIP archive, read as a `.docx`
//! (central directory, inflate, the ZIP-bomb cap, relationships) and without
//! a name (sniffing). Any other input: the bytes are `word/document.xml`;
//! it goes to `docx_text` directly and, packed into a small stored ZIP with
//! the other parts a .docx has, through `extract`. Seeds: generated .docx
//! files and their document.xml (see fuzz/README.md).
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_extract::decode::docx_text;
use ogi_extract::extract;

#[path = "../../benches/common/zip.rs"]
mod zip;

fuzz_target!(|data: &[u8]| {
    if data.starts_with(b"PK") {
        let _ = extract(data, Some("a.docx"));
        let _ = extract(data, None);
    } else {
        let xml = String::from_utf8_lossy(data);
        let text = docx_text(&xml);
        let _ = ogi_extract::extract_str(&text);
        let archive = zip::docx(data, false);
        let _ = extract(&archive, Some("a.docx"));
    }
});
