//! The byte format the `pdf_items` fuzz target reads positioned text items
//! from (shared by the fuzz target, `tests/robustness.rs`, which replays its
//! findings, and the seed writer `synthetic::pdf_items_bytes`).
//!
//! A list of records, each (little-endian):
//!
//! ```text
//! page u8 | flags u8 | x i16 | y i16 | width u16 | height u8 | len u8 | text (len bytes, UTF-8, lossy)
//! ```
//!
//! Coordinates are in quarter points (x = i16 / 4). `flags & 1`: x and y are
//! instead special values (NaN, ±infinity, 0, -0, ±1e30, f32::MAX, chosen by
//! `x & 7` and `y & 7`); `flags & 2`: width and height are too (by
//! `width & 7`, `height & 7`). A last record cut short is dropped; a text
//! cut short is kept.
#![allow(dead_code)]

use ogi_extract::TextItem;

const SPECIAL: [f32; 8] = [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, 0.0, -0.0, 1e30, -1e30, f32::MAX];

pub fn items(mut data: &[u8]) -> Vec<TextItem> {
    let mut out = Vec::new();
    while data.len() >= 10 {
        let (h, rest) = data.split_at(10);
        let len = (h[9] as usize).min(rest.len());
        let (text, rest) = rest.split_at(len);
        data = rest;
        let i16_at = |i: usize| i16::from_le_bytes([h[i], h[i + 1]]);
        let (xr, yr) = (i16_at(2), i16_at(4));
        let wr = u16::from_le_bytes([h[6], h[7]]);
        let hr = h[8];
        let (x, y) = if h[1] & 1 != 0 {
            (SPECIAL[xr as usize & 7], SPECIAL[yr as usize & 7])
        } else {
            (xr as f32 / 4.0, yr as f32 / 4.0)
        };
        let (width, height) = if h[1] & 2 != 0 {
            (SPECIAL[wr as usize & 7], SPECIAL[hr as usize & 7])
        } else {
            (wr as f32 / 4.0, hr as f32 / 4.0)
        };
        out.push(TextItem {
            page: h[0] as u32,
            x,
            y,
            width,
            height,
            text: String::from_utf8_lossy(text).into_owned(),
        });
    }
    out
}
