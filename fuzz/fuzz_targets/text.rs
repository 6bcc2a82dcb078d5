//! Fuzz target `text`: encoding detection (`decode_text`: BOMs, UTF-16
//! without BOM, UTF-8, GB18030 vs Big5), normalisation and its map back to
//! the original, number parsing and heading detection, on any bytes.
//!
//! Besides "no panic", it asserts: valid UTF-8 read as UTF-8 comes back
//! unchanged (minus a leading BOM and one U+FEFF after it); the normalised
//! text's char index of its own end is its char count; numbers parsed at a
//! char boundary end at one; snippets of any range do not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use ogi_extract::decode::decode_text;
use ogi_extract::normalise::normalise;
use ogi_extract::numbers::{parse_at, parse_signed};
use ogi_extract::segment::heading_at;

fuzz_target!(|data: &[u8]| {
    let d = decode_text(data);
    if d.encoding == "utf-8" {
        if let Ok(s) = std::str::from_utf8(data) {
            // A BOM is dropped, and one more U+FEFF right after it.
            let s = s.strip_prefix('\u{FEFF}').map_or(s, |r| r.strip_prefix('\u{FEFF}').unwrap_or(r));
            assert_eq!(d.text, s, "valid UTF-8 changed by decoding");
        }
    }
    let n = normalise(&d.text);
    let chars = n.text.chars().count();
    assert_eq!(n.char_index(n.text.len()), chars, "char index of the end");
    // Snippets over a few ranges, chosen from the input bytes.
    let len = n.text.len();
    if len > 0 {
        for w in data.chunks(2).take(16) {
            let a = w[0] as usize * len / 256;
            let b = w.get(1).map_or(len, |&x| x as usize * len / 256);
            let _ = n.original_snippet(a.min(b), a.max(b));
            let _ = n.original_snippet(b, a); // reversed: empty, no panic
        }
    }
    // Numbers at every char boundary of the first 4 KB, both modes.
    for (i, _) in n.text.char_indices().take_while(|(i, _)| *i < 4096) {
        if let Some(num) = parse_at(&n.text, i, true) {
            assert!(num.start == i && num.end > i && num.end <= len, "number range");
            assert!(n.text.is_char_boundary(num.end), "number end inside a char");
        }
        let _ = parse_at(&n.text, i, false);
    }
    for line in n.text.lines().take(2000) {
        let _ = heading_at(line);
        for cell in line.split('\t').take(64) {
            let _ = parse_signed(cell);
        }
    }
});
