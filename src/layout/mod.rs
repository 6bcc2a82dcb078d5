//! Layout: positioned text items (a PDF's text layer) → the lines and
//! tab-separated cells the rest of the pipeline reads.
//!
//! The browser gets the items from pdf.js (`page.getTextContent()`); the
//! command line gets the very same items by running pdf.js under node
//! (`tools/pdf-items.mjs`). Both hand them to [`items_to_text`], so a PDF gives
//! the same text, and the same report, in either place.
//!
//! # Coordinates
//!
//! Every [`TextItem`] is in page space with the origin at the **top left** of
//! its page and y growing **downward** (PDF points at scale 1): `x` is where
//! the text starts, `y` is its **baseline**, `width` its advance and `height`
//! its font height. From pdf.js: `t = pdfjsLib.Util.transform(viewport.transform,
//! item.transform)` with a scale-1 viewport, then `x = t[4]`, `y = t[5]`,
//! `width = item.width`, `height = item.height` (see `tools/pdf-items.mjs`).
//!
//! # What [`items_to_text`] does, page by page
//!
//! 1. Drops white-space items (pdf.js reports spaces with meaningless
//!    widths), duplicated items (fake bold) and vertical text: an item taller
//!    than wide (a vertical font), or single characters stacked one per line
//!    in one narrow column (`三、\n本\n年\n度\n办\n理\n结\n果`). A vertical
//!    label is a merged cell spanning rows; dropping it keeps those rows whole.
//!    A character touching its neighbours on its line (the last item of a
//!    wrapped cell's line) is horizontal text, however it lines up.
//! 2. Groups items into lines by baseline (tolerance: half the smaller font
//!    height) and orders each line by x. A horizontal gap of at least 0.75 of
//!    the font height (0.35 between two numbers) separates cells (`\t`); a
//!    smaller visible gap is a space.
//! 3. Table rows: a line whose cells end in numbers is a row. A label broken
//!    over lines (a wrapped cell whose lines sit above and below the row's
//!    numbers) is joined into the row's label, cell by cell: into the label
//!    cell it lies over, or as a label cell of its own when it wraps around
//!    the row's baseline (right of a group label centred on that baseline,
//!    left of a unit cell). A label in a column of its own that spans
//!    several rows (`（三）不予公开`) stays a line of its own, or a cell of
//!    the row whose baseline it lands on.
//! 4. Table headers: the lines just above a table's first row are rebuilt
//!    column by column, the columns being those of the row's numbers, so a
//!    header broken into pieces (`商业企` / `业`) becomes one cell. A header
//!    cell spanning several columns (`法人或其他组织`) gets a line of its own,
//!    and so does a table title row (`第二十条第（一）项`) above the header.
//! 5. Page furniture: a page number (`-3-`, `第3页`, `3/12`) alone on the
//!    first or last line of a page, and a running header or footer (the same
//!    first or last line on most pages), are dropped. Pages are joined with a
//!    newline, so a table that runs over a page break keeps its rows in order.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// One run of text on a page (see the module documentation for the
/// coordinates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextItem {
    /// 1-based page number.
    #[serde(default)]
    pub page: u32,
    /// Left edge of the text, from the left of the page.
    pub x: f32,
    /// Baseline, from the top of the page (downward).
    pub y: f32,
    /// Advance width (0 when unknown: estimated from the height).
    #[serde(default)]
    pub width: f32,
    /// Font height (0 when unknown: estimated from the width).
    #[serde(default)]
    pub height: f32,
    #[serde(alias = "str")]
    pub text: String,
}

/// Whether `items` hold any visible text (a scanned PDF has none).
pub fn has_text(items: &[TextItem]) -> bool {
    items.iter().any(|i| !i.text.trim().is_empty())
}

/// Rebuilds reading-order text from positioned items: one line per text line,
/// table rows as one line of `\t`-separated cells.
pub fn items_to_text(items: &[TextItem]) -> String {
    // One sort of small integer keys puts every page's items together, each
    // page's in order of (baseline, x) as the layout reads them (the index
    // keeps equal positions in input order), instead of filtering all items
    // for every page and sorting each page's items.
    let mut order: Vec<u128> = items
        .iter()
        .enumerate()
        .map(|(k, i)| {
            u128::from(i.page) << 96
                | u128::from(total_key(i.y)) << 64
                | u128::from(total_key(i.x)) << 32
                | k as u128
        })
        .collect();
    // (Keys are unique; the stable sort is the quicker one here, taking the
    // runs the items mostly come in.)
    order.sort();
    // The prepared items of all pages, and each page's range of them (every
    // page counts, even one without text: see `drop_furniture`). They stay
    // here: the layout refers to them and borrows their texts.
    let mut its: Vec<It> = Vec::with_capacity(items.len());
    let mut ranges: Vec<std::ops::Range<usize>> = Vec::new();
    for page in order.chunk_by(|a, b| a >> 96 == b >> 96) {
        let start = its.len();
        its.extend(page.iter().filter_map(|&k| It::new(&items[k as u32 as usize])));
        ranges.push(start..its.len());
    }
    let mut page_lines: Vec<Vec<OutLine>> = ranges.into_iter().map(|r| layout_page(&its[r])).collect();
    drop_furniture(&mut page_lines);
    let mut out = String::new();
    for lines in &page_lines {
        for l in lines {
            l.write_text(&mut out);
            out.push('\n');
        }
    }
    out
}

/// `v` as an integer that orders like [`f32::total_cmp`] (so that sorting by
/// coordinates is sorting integers).
fn total_key(v: f32) -> u32 {
    let b = v.to_bits() as i32;
    // `total_cmp`'s signed key, its sign bit flipped for unsigned order.
    (b ^ (((b >> 31) as u32) >> 1) as i32) as u32 ^ 0x8000_0000
}

// ------------------------------------------------------------------ items

/// An item prepared for layout (its text borrowed from the [`TextItem`]
/// unless control characters had to be replaced).
#[derive(Debug, Clone)]
struct It<'a> {
    x0: f32,
    x1: f32,
    /// Baseline.
    y: f32,
    /// Font height.
    size: f32,
    text: Cow<'a, str>,
    /// Characters in `text`.
    n_chars: usize,
    /// Whether `text` has a full-width character.
    wide: bool,
    /// Whether `text` may have a space (else it is one part: see
    /// [`split_spaces`]).
    spaced: bool,
}

/// A full-width character (CJK and the like: one em wide).
fn is_wide(c: char) -> bool {
    let u = c as u32;
    // (Most text below the first range, ASCII above all, is ruled out at once.)
    u >= 0x2E80 && (0x2E80..=0xA4CF).contains(&u)
        || (0xAC00..=0xD7AF).contains(&u)
        || (0xF900..=0xFAFF).contains(&u)
        || (0xFE30..=0xFE4F).contains(&u)
        || (0xFF00..=0xFF60).contains(&u)
        || (0xFFE0..=0xFFE6).contains(&u)
        || u >= 0x20000
}

/// The width `text` would take at font height `size` (full-width characters
/// one em, others half).
fn est_width(text: &str, size: f32) -> f32 {
    text.chars()
        .map(|c| if is_wide(c) { size } else { size * 0.5 })
        .sum()
}

impl<'a> It<'a> {
    fn new(t: &'a TextItem) -> Option<It<'a>> {
        if !(t.x.is_finite() && t.y.is_finite()) {
            return None;
        }
        // One pass over the bytes for what is rare: control characters (C0,
        // DEL and C1: `0xC2` leads those), ruled out without decoding, and
        // spaces (see `split_spaces`).
        let (mut maybe_control, mut spaced) = (false, false);
        for &b in t.text.as_bytes() {
            maybe_control |= b < 0x20 || b == 0x7F || b == 0xC2;
            spaced |= b == b' ';
        }
        // (A text that trims to nothing is dropped below: control
        // characters become spaces, which trim away too.)
        let text = if maybe_control && t.text.chars().any(char::is_control) {
            spaced = true;
            let text: String = t
                .text
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect();
            Cow::Owned(text.trim().to_string())
        } else {
            Cow::Borrowed(t.text.trim())
        };
        if text.is_empty() {
            return None;
        }
        let w = if t.width.is_finite() && t.width > 0.0 {
            t.width
        } else {
            0.0
        };
        let h = if t.height.is_finite() && t.height > 0.0 {
            t.height
        } else {
            0.0
        };
        // (ASCII text, numbers mostly, has no wide characters.)
        let (mut n_chars, mut wide) = (0, 0);
        if text.is_ascii() {
            n_chars = text.len();
        } else {
            for c in text.chars() {
                n_chars += 1;
                wide += usize::from(is_wide(c));
            }
        }
        let n = n_chars as f32;
        // A vertical run (a vertical font): taller than wide by far.
        if wide >= 2 && w > 0.0 && h > 1.8 * w && h >= 0.6 * n * w {
            return None;
        }
        let size = if h > 0.0 {
            h
        } else if w > 0.0 {
            let units: f32 = text
                .chars()
                .map(|c| if is_wide(c) { 1.0 } else { 0.5 })
                .sum();
            (w / units.max(0.5)).clamp(1.0, 200.0)
        } else {
            10.0
        };
        let width = if w > 0.0 { w } else { est_width(&text, size) };
        Some(It {
            x0: t.x,
            x1: t.x + width,
            y: t.y,
            size,
            text,
            n_chars,
            wide: wide > 0,
            spaced,
        })
    }
    fn chars(&self) -> usize {
        self.n_chars
    }
}

/// A number cell: digits with separators, a sign or a percent, or a dash.
fn is_num(s: &str) -> bool {
    NumScan::of(s).is_num(s)
}

/// What [`is_num`] reads of a text: the digits before the first char that is
/// neither a digit nor a separator, whether there is such a char, and the
/// first char (white space aside). Kept for a cell whose text grows, so that
/// the text is not read again.
#[derive(Debug, Clone, Copy)]
struct NumScan {
    digits: usize,
    other: bool,
    first: Option<char>,
}

impl NumScan {
    fn of(s: &str) -> NumScan {
        // White space is ignored (`1 234`), without building the squashed text.
        let mut scan = NumScan { digits: 0, other: false, first: None };
        for c in s.chars().filter(|c| !c.is_whitespace()) {
            scan.first = scan.first.or(Some(c));
            match c {
                '0'..='9' | '０'..='９' => scan.digits += 1,
                '.' | ',' | '，' | '．' | '+' | '-' | '－' | '%' | '％' => {}
                _ => {
                    scan.other = true;
                    break;
                }
            }
        }
        scan
    }
    /// The scan of this text followed by `next`'s (white space between them
    /// is ignored).
    fn then(self, next: NumScan) -> NumScan {
        let first = self.first.or(next.first);
        if self.other {
            self
        } else {
            NumScan { digits: self.digits + next.digits, other: next.other, first }
        }
    }
    /// Whether `s`, the text scanned, is a number cell.
    fn is_num(self, s: &str) -> bool {
        // (A dash starts with a dash char: most texts are ruled out by the
        // char already read.)
        let dash = || self.first.is_some_and(is_dash_char) && is_dash(s);
        if self.other {
            self.digits == 0 && dash()
        } else {
            self.digits > 0 || dash()
        }
    }
}

/// The dash words of [`is_dash`].
const DASHES: [&str; 9] = ["-", "—", "——", "－", "/", "／", "\\", "--", "–"];

/// The chars the words of `DASHES` are made of.
fn is_dash_char(c: char) -> bool {
    matches!(c, '-' | '—' | '－' | '/' | '／' | '\\' | '–')
}

/// A dash (or slash) alone, white space aside: no value, in a number column.
fn is_dash(s: &str) -> bool {
    let squashed = || s.chars().filter(|c| !c.is_whitespace());
    // Most cells are ruled out by their first char.
    if !squashed().next().is_some_and(is_dash_char) {
        return false;
    }
    DASHES.iter().any(|d| squashed().eq(d.chars()))
}

// ----------------------------------------------------------------- lines

/// A cell of a line (its text borrowed from its item unless it was joined
/// from several).
#[derive(Debug, Clone)]
struct Cell<'a> {
    x0: f32,
    x1: f32,
    /// Baseline and font height of the cell's first item.
    y: f32,
    size: f32,
    text: Cow<'a, str>,
    /// `is_num(text)`, kept up to date as the text grows.
    num: bool,
    /// The number scan of `text` (to update `num`).
    scan: NumScan,
}

#[derive(Debug, Clone)]
struct Line<'a> {
    y: f32,
    size: f32,
    cells: Vec<Cell<'a>>,
    /// [`first_value`] of the cells (asked for again and again).
    first_value: Option<usize>,
}

/// Index of the first number cell of a row (a line ending in numbers).
fn first_value(cells: &[Cell]) -> Option<usize> {
    let last = cells.last()?;
    if !last.num {
        return None;
    }
    let first = cells.iter().rposition(|c| !c.num).map_or(0, |i| i + 1);
    let nums = cells.len() - first;
    (nums >= 2 || first > 0).then_some(first)
}

impl<'a> Line<'a> {
    fn new(y: f32, size: f32, cells: Vec<Cell<'a>>) -> Line<'a> {
        let first_value = first_value(&cells);
        Line { y, size, cells, first_value }
    }
    /// Index of the first number cell of a row (a line ending in numbers).
    fn first_value(&self) -> Option<usize> {
        self.first_value
    }
    fn is_row(&self) -> bool {
        self.first_value().is_some()
    }
    fn text_only(&self) -> bool {
        self.cells.iter().all(|c| !c.num)
    }
    /// Whether the cells joined by spaces contain `。` or run over `max`
    /// characters (without joining them).
    fn prose_like(&self, max: usize) -> bool {
        let mut chars = self.cells.len().saturating_sub(1);
        for c in &self.cells {
            chars += c.text.chars().count();
            // (Either way the line is prose: no need to read on.)
            if chars > max || has_full_stop(&c.text) {
                return true;
            }
        }
        false
    }
}

/// Whether `s` contains `。` (E3 80 82): found by its lead byte, which only
/// CJK punctuation and kana share (the last byte continues many a Han char).
fn has_full_stop(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while let Some(k) = memchr::memchr(0xE3, &b[i..]) {
        i += k + 1;
        if b[i..].starts_with(&[0x80, 0x82]) {
            return true;
        }
    }
    false
}

/// A line as written out: its cells.
#[derive(Debug, Clone)]
struct OutLine<'a> {
    cells: Vec<Cow<'a, str>>,
}

impl OutLine<'_> {
    /// Appends the cells, tab-separated (a tab or newline inside a cell
    /// becomes a space).
    fn write_text(&self, out: &mut String) {
        for (k, c) in self.cells.iter().enumerate() {
            if k > 0 {
                out.push('\t');
            }
            let mut rest = c.as_ref();
            // (A byte search: both are ASCII.)
            while let Some(p) = rest.bytes().position(|b| b == b'\t' || b == b'\n') {
                out.push_str(&rest[..p]);
                out.push(' ');
                rest = &rest[p + 1..];
            }
            out.push_str(rest);
        }
    }
    /// The line's chars that `keep` accepts, white space aside, unless there
    /// are more than `max` of them (the page furniture tests look at short
    /// lines only: a long one is not copied).
    fn squashed_up_to(&self, max: usize, keep: impl Fn(char) -> bool) -> Option<String> {
        let mut out = String::new();
        let mut n = 0;
        for c in self.cells.iter().flat_map(|c| c.chars()) {
            if c.is_whitespace() || !keep(c) {
                continue;
            }
            n += 1;
            if n > max {
                return None;
            }
            out.push(c);
        }
        Some(out)
    }
}

/// Lays out one page's items (in order of baseline, then x).
fn layout_page<'a>(items: &'a [It]) -> Vec<OutLine<'a>> {
    let items = drop_stacked_vertical(dedup(items));
    let lines = group_lines(&items);
    let rows_label = attach_wrapped_labels(&lines);
    let header = rebuild_headers(&lines, &rows_label.consumed);
    let mut out: Vec<(f32, usize, OutLine<'a>)> = Vec::new();
    let RowLabels { consumed, mut labels, mut rest } = rows_label;
    for (i, l) in lines.into_iter().enumerate() {
        if consumed[i] || header.consumed[i] {
            continue;
        }
        let cells = match (labels[i].take(), rest[i].take()) {
            (Some(cells), _) | (None, Some(cells)) => cells,
            (None, None) => l.cells.into_iter().map(|c| c.text).collect(),
        };
        out.push((l.y, 0, OutLine { cells }));
    }
    for (y, order, line) in header.lines {
        out.push((y, order, line));
    }
    out.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    out.into_iter().map(|x| x.2).collect()
}

/// Drops items drawn twice at (almost) the same place (fake bold, shadows).
/// The items come in order of (baseline, x) (see [`items_to_text`]); the
/// ones kept are referred to (moving references, not items).
fn dedup<'b, 'a>(items: &'b [It<'a>]) -> Vec<&'b It<'a>> {
    let mut out: Vec<&It> = Vec::with_capacity(items.len());
    for it in items {
        let dup = out[out.len().saturating_sub(8)..].iter().rev().any(|o| {
            (o.x0 - it.x0).abs() < 0.3 * it.size
                && (o.y - it.y).abs() < 0.3 * it.size
                && o.text == it.text
        });
        if !dup {
            out.push(it);
        }
    }
    out
}

/// Drops characters stacked one (or two) per line in one narrow column: a
/// vertical label (`三、本年度办理结果` written downward).
fn drop_stacked_vertical<'b, 'a>(mut items: Vec<&'b It<'a>>) -> Vec<&'b It<'a>> {
    // Candidates: items of one or two characters, one of them full-width,
    // not numbers.
    let mut cand: Vec<usize> = Vec::new();
    for run in touching_runs(&items) {
        // A character run on into its neighbours (`…政府信` `息`) is
        // horizontal text cut into items, however it lines up with the
        // lines above and below.
        if items[run.clone()].iter().map(|i| i.chars()).sum::<usize>() <= 2 {
            cand.extend(run.filter(|&i| items[i].wide && !is_num(&items[i].text)));
        }
    }
    if cand.is_empty() {
        return items;
    }
    let mut drop = vec![false; items.len()];
    let mut used = vec![false; items.len()];
    // Candidates in order of x, then y.
    let mut order = cand.clone();
    order.sort_by(|&a, &b| {
        items[a]
            .x0
            .total_cmp(&items[b].x0)
            .then(items[a].y.total_cmp(&items[b].y))
    });
    // The column of the current candidate and a run of it (one buffer each
    // for all).
    let mut col: Vec<usize> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    for &start in &order {
        if used[start] {
            continue;
        }
        let s = &items[start];
        // The column: candidates aligned with `start` (left or centre).
        // Only candidates whose left edge is within two ems (`order` is
        // sorted by x).
        let lo = order.partition_point(|&j| items[j].x0 < s.x0 - 2.0 * s.size);
        let hi = order.partition_point(|&j| items[j].x0 <= s.x0 + 2.0 * s.size);
        col.clear();
        col.extend(order[lo..hi.max(lo)].iter().copied().filter(|&j| {
                let o = &items[j];
                !used[j]
                    && (o.size - s.size).abs() < 0.25 * s.size
                    && ((o.x0 - s.x0).abs() < 0.3 * s.size
                        || ((o.x0 + o.x1) / 2.0 - (s.x0 + s.x1) / 2.0).abs() < 0.3 * s.size)
        }));
        col.sort_by(|&a, &b| items[a].y.total_cmp(&items[b].y));
        // Runs with a tight pitch.
        let flush = |run: &mut Vec<usize>, drop: &mut Vec<bool>, used: &mut Vec<bool>| {
            let chars: usize = run.iter().map(|&k| items[k].chars()).sum();
            if run.len() >= 3 && chars >= 4 && !overlapped(&items, run) {
                for &k in run.iter() {
                    drop[k] = true;
                    used[k] = true;
                }
            }
            run.clear();
        };
        for &j in &col {
            if let Some(&last) = run.last() {
                let dy = items[j].y - items[last].y;
                let limit = if items[j].chars() == 1 && items[last].chars() == 1 {
                    1.5
                } else {
                    1.3
                };
                if dy < 0.6 * s.size || dy > limit * s.size {
                    flush(&mut run, &mut drop, &mut used);
                }
            }
            run.push(j);
        }
        flush(&mut run, &mut drop, &mut used);
    }
    let mut drop = drop.into_iter();
    items.retain(|_| drop.next() == Some(false));
    items
}

/// The runs of items (sorted by baseline, then x) on one baseline, each
/// touching the next (no gap between them), as ranges of indices.
fn touching_runs<'s>(items: &'s [&It]) -> impl Iterator<Item = std::ops::Range<usize>> + 's {
    let touches = |a: &It, b: &It| {
        let size = a.size.min(b.size).max(1.0);
        (a.y - b.y).abs() < 0.3 * size && (b.x0 - a.x1).abs() < 0.3 * size
    };
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= items.len() {
            return None;
        }
        let mut end = start + 1;
        while end < items.len() && touches(items[end - 1], items[end]) {
            end += 1;
        }
        let run = start..end;
        start = end;
        Some(run)
    })
}

/// Whether another item shares the column of `run` within its vertical span
/// (then the run is a column of table cells, not one vertical label).
fn overlapped(items: &[&It], run: &[usize]) -> bool {
    let x0 = run.iter().map(|&k| items[k].x0).fold(f32::MAX, f32::min);
    let x1 = run.iter().map(|&k| items[k].x1).fold(f32::MIN, f32::max);
    let y0 = run
        .iter()
        .map(|&k| items[k].y - items[k].size)
        .fold(f32::MAX, f32::min);
    let y1 = run.iter().map(|&k| items[k].y).fold(f32::MIN, f32::max);
    let mut in_run = vec![false; items.len()];
    for &k in run {
        in_run[k] = true;
    }
    items.iter().enumerate().any(|(i, it)| {
        !in_run[i] && it.x0 < x1 - 0.5 && it.x1 > x0 + 0.5 && it.y > y0 && it.y - it.size < y1
    })
}

/// Groups items (in order of baseline, then x) into lines and their cells.
fn group_lines<'b>(items: &[&'b It]) -> Vec<Line<'b>> {
    // The line of each item, and each line's baseline and size so far (its
    // first item's).
    let mut heads: Vec<(f32, f32)> = Vec::new();
    let mut keys: Vec<u128> = Vec::with_capacity(items.len());
    for (k, it) in items.iter().enumerate() {
        // Join the most recent line whose baseline is close enough.
        let hit = (heads.len().saturating_sub(3)..heads.len()).rev().find(|&l| {
            let (y, size) = heads[l];
            let tol = 0.5 * size.min(it.size).max(1.0);
            (it.y - y).abs() <= tol
        });
        let line = hit.unwrap_or_else(|| {
            heads.push((it.y, it.size));
            heads.len() - 1
        });
        // Sorting (line, x, index) orders each line's items by x, equal
        // ones as they came, all in one sort of integers.
        keys.push((line as u128) << 64 | u128::from(total_key(it.x0)) << 32 | k as u128);
    }
    // (Keys are unique; the stable sort takes the runs they mostly come in.)
    keys.sort();
    let mut lines: Vec<Line> = Vec::with_capacity(heads.len());
    // The items of a line and their sizes (buffers for all lines).
    let mut line_items: Vec<&It> = Vec::new();
    let mut sizes: Vec<f32> = Vec::new();
    for (group, &(y, _)) in keys.chunk_by(|a, b| a >> 64 == b >> 64).zip(&heads) {
        line_items.clear();
        line_items.extend(group.iter().map(|&k| items[k as u32 as usize]));
        // The line's baseline and size: its largest run of text.
        let y = line_items.iter().max_by_key(|i| i.chars()).map_or(y, |i| i.y);
        sizes.clear();
        sizes.extend(line_items.iter().map(|i| i.size));
        sizes.sort_by(f32::total_cmp);
        lines.push(Line::new(y, sizes[sizes.len() / 2], make_cells(&line_items)));
    }
    lines.sort_by(|a, b| a.y.total_cmp(&b.y));
    lines
}

/// A line's cells from its items (in order of x).
fn make_cells<'b>(items: &[&'b It]) -> Vec<Cell<'b>> {
    let mut cells: Vec<Cell> = Vec::new();
    let mut prev: Option<&It> = None;
    let mut parts: Vec<&str> = Vec::new();
    for &it in items {
        // Several cells inside one item (written with runs of spaces).
        if it.spaced {
            split_spaces(&it.text, &mut parts);
        } else {
            parts.clear();
            parts.push(&it.text);
        }
        for (k, &part) in parts.iter().enumerate() {
            let part_scan = NumScan::of(part);
            let part_num = part_scan.is_num(part);
            let new_cell = match (k, prev, cells.last()) {
                (0, Some(p), Some(_)) => {
                    let gap = it.x0 - p.x1;
                    let size = p.size.min(it.size);
                    // Two numbers apart are two columns even when close.
                    let numbers = part_num && cells.last().is_some_and(|c| c.num);
                    if gap >= 0.75 * size || (numbers && gap >= 0.35 * size) {
                        true
                    } else {
                        let c = cells.last_mut().unwrap();
                        let text = c.text.to_mut();
                        if gap > 0.2 * size && !text.ends_with(' ') {
                            text.push(' ');
                        }
                        text.push_str(part);
                        c.scan = c.scan.then(part_scan);
                        c.num = c.scan.is_num(&c.text);
                        c.x1 = c.x1.max(it.x1);
                        false
                    }
                }
                _ => true,
            };
            if new_cell {
                cells.push(Cell {
                    x0: it.x0,
                    x1: it.x1,
                    y: it.y,
                    size: it.size,
                    text: Cow::Borrowed(part),
                    num: part_num,
                    scan: part_scan,
                });
            }
        }
        prev = Some(it);
    }
    cells
}

/// Splits text at runs of four or more spaces (cells a producer wrote as one
/// string) into `out` (cleared first); otherwise the text is one part.
fn split_spaces<'a>(s: &'a str, out: &mut Vec<&'a str>) {
    out.clear();
    let mut start = 0;
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b' ' {
            let j = (i..b.len()).find(|&j| b[j] != b' ').unwrap_or(b.len());
            if j - i >= 4 && i > start {
                out.push(&s[start..i]);
                start = j;
            }
            i = j;
        } else {
            i += 1;
        }
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    if out.is_empty() {
        out.push(s);
    }
}

// ------------------------------------------------------------- table rows

struct RowLabels<'a> {
    /// Lines joined into rows whole (not written on their own).
    consumed: Vec<bool>,
    /// The rebuilt cells of rows that received wrapped label lines.
    labels: Vec<Option<Vec<Cow<'a, str>>>>,
    /// What is left of lines some of whose cells were joined into a row (a
    /// group label that shares a baseline with a wrapped label's line).
    rest: Vec<Option<Vec<Cow<'a, str>>>>,
}

/// A text cell of a text-only line: a piece of a wrapped label, or a label
/// of its own (a group label centred over its rows).
#[derive(Debug, Clone, Copy)]
struct Frag {
    /// Index of the fragment (a fragment is tried with two rows).
    id: usize,
    line: usize,
    cell: usize,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

/// A label column of a row: one of its label cells, or a cell wrapped
/// around the row's baseline with no text on it (`new`).
#[derive(Debug, Clone)]
struct LabelCol {
    x0: f32,
    x1: f32,
    /// The row's label cell in this column, if any.
    cell: Option<usize>,
    frags: Vec<Frag>,
    new: bool,
}

impl LabelCol {
    fn has_side(&self, row_y: f32, above: bool) -> bool {
        self.frags.iter().any(|f| (f.y < row_y) == above)
    }
}

fn overlaps(a: (f32, f32), b: (f32, f32)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// How much two x-ranges overlap.
fn overlap(a: (f32, f32), b: (f32, f32)) -> f32 {
    (a.1.min(b.1) - a.0.max(b.0)).max(0.0)
}

/// A line of running text rather than a table cell.
fn is_prose_line(l: &Line) -> bool {
    l.prose_like(40)
}

/// Joins labels broken over lines into their rows, cell by cell: a text cell
/// lying within a row's height, left of its first number, joins the row's
/// label cell it lies over. Cells over none of the row's label cells form a
/// new label cell when they wrap around the row's baseline (a line above and
/// a line below, one over the other): the row's label is then in a column
/// right of a group label on its baseline (`（四）无法提供` centred over its
/// rows), or left of a unit cell (`次`, `万元` in the 2014 统计表). Other
/// cells (a group label between rows, a vertical label set horizontally)
/// stay lines of their own, so a label is never glued into a row it does not
/// belong to.
fn attach_wrapped_labels<'a>(lines: &[Line<'a>]) -> RowLabels<'a> {
    let n = lines.len();
    let mut consumed = vec![false; n];
    let mut labels: Vec<Option<Vec<Cow<'a, str>>>> = vec![None; n];
    let mut rest: Vec<Option<Vec<Cow<'a, str>>>> = vec![None; n];
    let rows: Vec<usize> = (0..n).filter(|&i| lines[i].is_row()).collect();
    if rows.is_empty() {
        return RowLabels { consumed, labels, rest };
    }
    // Fragments with the nearest row above and the nearest row below (a
    // label's last line may lie nearer the next row than its own), closest
    // first, so chains (a label in three lines) grow outward from the row.
    let mut frags: Vec<(f32, Frag, usize)> = Vec::new();
    let mut pieces = 0;
    for (li, l) in lines.iter().enumerate() {
        if !l.text_only() || is_prose_line(l) {
            continue;
        }
        for (ci, c) in l.cells.iter().enumerate() {
            let f = Frag { id: pieces, line: li, cell: ci, x0: c.x0, x1: c.x1, y: c.y, size: c.size.max(1.0) };
            pieces += 1;
            // `rows` is in order of y.
            let below = rows.partition_point(|&r| lines[r].y < f.y);
            for r in [below.checked_sub(1).map(|k| rows[k]), rows.get(below).copied()].into_iter().flatten() {
                frags.push(((lines[r].y - f.y).abs(), f, r));
            }
        }
    }
    frags.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut by_row: Vec<Vec<(f32, Frag)>> = vec![Vec::new(); n];
    for &(d, f, r) in &frags {
        by_row[r].push((d, f));
    }
    // Per row, its label columns.
    let mut cols: Vec<Vec<LabelCol>> = vec![Vec::new(); n];
    for &r in &rows {
        let fv = lines[r].first_value().unwrap_or(0);
        cols[r] = lines[r].cells[..fv]
            .iter()
            .enumerate()
            .map(|(k, c)| LabelCol { x0: c.x0, x1: c.x1, cell: Some(k), frags: Vec::new(), new: false })
            .collect();
    }
    let mut taken = vec![false; pieces];
    // Round 0 places fragments next to the baseline (and may open new
    // columns); later rounds extend a column by the next line of its chain.
    for round in 0..8 {
        let mut changed = false;
        for &(dist, f, r) in &frags {
            if taken[f.id] {
                continue;
            }
            let row = &lines[r];
            let fv = row.first_value().unwrap_or(0);
            // In the label area: left of the row's numbers.
            if f.x1 > row.cells[fv].x0 - 0.3 * f.size {
                continue;
            }
            // (No other row lies between the fragment and its row: `r` is the
            // nearest row above or below it.)
            let above = f.y < row.y;
            let direct = dist <= 1.3 * f.size;
            let range = (f.x0, f.x1);
            // A line further off is the next line of the row's own cell only
            // when the cell wraps on both sides of its baseline (three lines,
            // the middle one on it); else it may be a heading after the table.
            let mirrored = || {
                let mine = |g: &Frag| cols[r].iter().any(|c| c.frags.iter().any(|h| h.id == g.id));
                by_row[r].iter().any(|&(gd, g)| {
                    (g.y < row.y) != above
                        && gd <= 1.8 * g.size
                        && overlaps((g.x0, g.x1), range)
                        && (!taken[g.id] || mine(&g))
                })
            };
            let best = cols[r]
                .iter()
                .enumerate()
                .filter(|(_, c)| overlaps(range, (c.x0, c.x1)))
                .max_by(|a, b| overlap(range, (a.1.x0, a.1.x1)).total_cmp(&overlap(range, (b.1.x0, b.1.x1))))
                .map(|(i, _)| i);
            match best {
                Some(ci) => {
                    let col = &cols[r][ci];
                    // Next to a fragment already in this column, on the same side.
                    // Or next to the row's own cell in this column (the
                    // middle line of a label wrapped over three lines).
                    let chained = col
                        .frags
                        .iter()
                        .any(|g| (g.y < row.y) == above && (g.y - f.y).abs() <= 1.8 * f.size)
                        || (col.cell.is_some() && dist <= 1.8 * f.size && mirrored());
                    if !(direct || chained) {
                        continue;
                    }
                    let col = &mut cols[r][ci];
                    col.x0 = col.x0.min(f.x0);
                    col.x1 = col.x1.max(f.x1);
                    col.frags.push(f);
                }
                None if round == 0 && direct => cols[r].push(LabelCol {
                    x0: f.x0,
                    x1: f.x1,
                    cell: None,
                    frags: vec![f],
                    new: true,
                }),
                None => continue,
            }
            taken[f.id] = true;
            changed = true;
        }
        if round == 0 {
            // A new column stands only when it wraps around the baseline, or
            // when it is a row's whole label (no label cell on the baseline,
            // no other new column).
            for &r in &rows {
                let y = lines[r].y;
                let wraps = |c: &LabelCol| c.has_side(y, true) && c.has_side(y, false);
                let old = cols[r].iter().filter(|c| !c.new).count();
                let wrapped = cols[r].iter().filter(|c| c.new && wraps(c)).count();
                let news = cols[r].iter().filter(|c| c.new).count();
                let lone = old == 0 && news == 1;
                cols[r].retain(|c| {
                    let k = !c.new || wraps(c) || (lone && wrapped == 0);
                    if !k {
                        for g in &c.frags {
                            taken[g.id] = false;
                        }
                    }
                    k
                });
            }
        }
        if !changed && round > 0 {
            break;
        }
    }
    // Rebuild rows and what is left of their fragments' lines.
    // Which cells went into rows: line `l`'s are `used[starts[l]..starts[l + 1]]`
    // (one buffer for all lines).
    let mut starts: Vec<usize> = Vec::with_capacity(n + 1);
    starts.push(0);
    starts.extend(lines.iter().scan(0, |k, l| {
        *k += l.cells.len();
        Some(*k)
    }));
    let mut used = vec![false; starts[n]];
    for &r in &rows {
        if cols[r].iter().all(|c| c.frags.is_empty()) {
            continue;
        }
        let row = &lines[r];
        let fv = row.first_value().unwrap_or(0);
        let mut cs = cols[r].clone();
        cs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
        let mut cells: Vec<Cow<'a, str>> = Vec::with_capacity(cs.len() + row.cells.len() - fv);
        for c in &mut cs {
            c.frags.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
            let mut text = String::new();
            let mut prev: Option<&Frag> = None;
            let mut own = c.cell.map(|k| &*row.cells[k].text);
            for g in &c.frags {
                if g.y >= row.y {
                    if let Some(t) = own.take() {
                        text.push_str(t);
                    }
                }
                // Two cells of one line side by side keep a space.
                if prev.is_some_and(|p| p.line == g.line) {
                    text.push(' ');
                }
                text.push_str(&lines[g.line].cells[g.cell].text);
                used[starts[g.line] + g.cell] = true;
                prev = Some(g);
            }
            if let Some(t) = own {
                text.push_str(t);
            }
            cells.push(Cow::Owned(text));
        }
        cells.extend(row.cells[fv..].iter().map(|c| c.text.clone()));
        labels[r] = Some(cells);
    }
    for (li, u) in starts.windows(2).map(|w| &used[w[0]..w[1]]).enumerate() {
        if u.iter().all(|&x| x) && !u.is_empty() {
            consumed[li] = true;
        } else if u.iter().any(|&x| x) {
            rest[li] = Some(
                lines[li]
                    .cells
                    .iter()
                    .zip(u)
                    .filter(|(_, &x)| !x)
                    .map(|(c, _)| c.text.clone())
                    .collect(),
            );
        }
    }
    RowLabels { consumed, labels, rest }
}

// ---------------------------------------------------------------- headers

struct Headers<'a> {
    consumed: Vec<bool>,
    /// Rebuilt header lines: (y, order, line).
    lines: Vec<(f32, usize, OutLine<'a>)>,
}

/// How many of the column centres lie within `c` (widened by `tol`), and the
/// first of them (0 when none).
fn columns_within(centres: &[f32], c: &Cell, tol: f32) -> (usize, usize) {
    let (mut n, mut first) = (0, 0);
    for (k, &m) in centres.iter().enumerate() {
        if m >= c.x0 - tol && m <= c.x1 + tol {
            if n == 0 {
                first = k;
            }
            n += 1;
        }
    }
    (n, first)
}

/// Rebuilds the header above each table's first row column by column.
fn rebuild_headers<'a>(lines: &[Line<'a>], taken: &[bool]) -> Headers<'a> {
    let n = lines.len();
    let mut consumed = vec![false; n];
    let mut out = Vec::new();
    for r in 0..n {
        let row = &lines[r];
        let Some(fv) = row.first_value() else {
            continue;
        };
        // The first row of a table: the line above is not a row.
        let prev = (0..r).rev().find(|&i| !taken[i]);
        let Some(mut i) = prev else { continue };
        if lines[i].is_row() {
            continue;
        }
        let anchors: Vec<(f32, f32)> = row.cells[fv..].iter().map(|c| (c.x0, c.x1)).collect();
        if anchors.len() < 2 {
            continue;
        }
        let centres: Vec<f32> = anchors.iter().map(|a| (a.0 + a.1) / 2.0).collect();
        let spacing = centres
            .windows(2)
            .map(|w| w[1] - w[0])
            .fold(f32::MAX, f32::min)
            .max(1.0);
        let value_x0 = anchors[0].0;
        // Whether a header cell lies in the stub (left of every value column).
        let in_stub = |c: &Cell| {
            let tol = 0.25 * spacing;
            c.x1 <= value_x0 + tol && !centres.iter().any(|&m| m >= c.x0 - tol && m <= c.x1 + tol)
        };
        // The header band: text lines above the row, close together.
        let mut band: Vec<usize> = Vec::new();
        let mut below_y = row.y;
        let mut first = true;
        // Whether the band so far names the stub and every value column.
        let mut have_stub = false;
        let mut have_col = vec![false; centres.len()];
        loop {
            let l = &lines[i];
            if taken[i] || consumed[i] || l.is_row() || is_prose_line(l) {
                break;
            }
            let gap = below_y - l.y;
            let limit = if first { 6.0 } else { 2.0 } * l.size.max(1.0);
            if gap > limit {
                break;
            }
            // A stub-only line a row's height above a complete header is the
            // table's title row (`第二十条第（一）项` over the whole table),
            // not a piece of the header; a wrapped stub header is a line
            // height above.
            let complete = have_stub && have_col.iter().all(|&h| h);
            if complete && gap >= 1.8 * l.size.max(1.0) && l.cells.iter().all(&in_stub) {
                break;
            }
            for c in &l.cells {
                if in_stub(c) {
                    have_stub = true;
                } else {
                    let mid = (c.x0 + c.x1) / 2.0;
                    let tol = 0.25 * spacing;
                    match columns_within(&centres, c, tol) {
                        (1, k) => have_col[k] = true,
                        (0, _) => {
                            if let Some(k) = (0..centres.len())
                                .min_by(|&a, &b| (centres[a] - mid).abs().total_cmp(&(centres[b] - mid).abs()))
                            {
                                have_col[k] = true;
                            }
                        }
                        _ => {}
                    }
                }
            }
            band.push(i);
            below_y = l.y;
            first = false;
            if i == 0 {
                break;
            }
            i -= 1;
            while taken[i] && i > 0 {
                i -= 1;
            }
            if taken[i] {
                break;
            }
        }
        // Worth rebuilding only when some column's header is in pieces.
        if band.len() < 2 {
            continue;
        }
        let mut cols: Vec<Vec<&Cell>> = vec![Vec::new(); anchors.len()];
        let mut stub: Vec<&Cell> = Vec::new();
        let mut spans: Vec<&Cell> = Vec::new();
        for &b in &band {
            for it in &lines[b].cells {
                let tol = 0.25 * spacing;
                match columns_within(&centres, it, tol) {
                    (1, k) => cols[k].push(it),
                    (0, _) if it.x1 <= value_x0 + 0.25 * spacing => stub.push(it),
                    (0, _) => {
                        let mid = (it.x0 + it.x1) / 2.0;
                        let k = (0..centres.len())
                            .min_by(|&a, &b| {
                                (centres[a] - mid)
                                    .abs()
                                    .total_cmp(&(centres[b] - mid).abs())
                            })
                            .unwrap_or(0);
                        cols[k].push(it);
                    }
                    _ => spans.push(it),
                }
            }
        }
        // Only when every column got a header (else this is not a header).
        if cols.iter().any(|c| c.is_empty()) {
            continue;
        }
        let join = |v: &mut Vec<&Cell>| -> String {
            v.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
            v.iter()
                .map(|i| &*i.text)
                .collect::<Vec<_>>()
                .join("")
        };
        let top = band.iter().map(|&b| lines[b].y).fold(f32::MAX, f32::min);
        if !spans.is_empty() {
            spans.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x0.total_cmp(&b.x0)));
            // One line per baseline of spanning cells.
            let mut groups: Vec<Vec<&Cell>> = Vec::new();
            for s in spans {
                match groups.last_mut() {
                    Some(g) if (g[0].y - s.y).abs() <= 0.5 * s.size => g.push(s),
                    _ => groups.push(vec![s]),
                }
            }
            for (k, mut g) in groups.into_iter().enumerate() {
                g.sort_by(|a, b| a.x0.total_cmp(&b.x0));
                let cells = g.iter().map(|i| i.text.clone()).collect();
                out.push((top, k, OutLine { cells }));
            }
        }
        let mut cells = Vec::with_capacity(cols.len() + 1);
        cells.push(Cow::Owned(join(&mut stub)));
        for mut c in cols {
            cells.push(Cow::Owned(join(&mut c)));
        }
        out.push((top, 100, OutLine { cells }));
        for &b in &band {
            consumed[b] = true;
        }
    }
    Headers {
        consumed,
        lines: out,
    }
}

// ------------------------------------------------------- page furniture

/// `-3-`, `- 3 -`, `第3页`, `第 3 页 共 12 页`, `3/12`, `3`, `—3—`, `Page 3`.
fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() || t.chars().count() > 16 {
        return false;
    }
    let t = t.trim_matches(|c| matches!(c, '-' | '—' | '–' | '－' | '·' | '•'));
    let t = t.trim_start_matches("Page").trim_start_matches("page");
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.chars().all(|c| c.is_ascii_digit());
    if digits(t) {
        return true;
    }
    if let Some((a, b)) = t.split_once('/') {
        return digits(a) && digits(b);
    }
    if let Some(r) = t.strip_prefix('第') {
        let (page, rest) = match r.split_once('页') {
            Some(x) => x,
            None => return false,
        };
        if !digits(page) {
            return false;
        }
        return rest.is_empty()
            || rest
                .strip_prefix('共')
                .and_then(|x| x.strip_suffix('页'))
                .is_some_and(digits)
            || rest.strip_prefix(',').is_some();
    }
    false
}

/// Drops page numbers and running headers/footers (first or last line of a
/// page).
fn drop_furniture(pages: &mut [Vec<OutLine>]) {
    // (A page number has at most 16 chars: see `is_page_number`.)
    let page_number = |l: &OutLine| l.squashed_up_to(16, |_| true).is_some_and(|t| is_page_number(&t));
    for lines in pages.iter_mut() {
        while lines.last().is_some_and(page_number) {
            lines.pop();
        }
        while lines.first().is_some_and(page_number) {
            lines.remove(0);
        }
    }
    if pages.len() < 3 {
        return;
    }
    // A running header or footer: up to 60 chars, digits (page numbers)
    // aside.
    let key = |l: &OutLine| l.squashed_up_to(60, |c| !c.is_ascii_digit()).filter(|k| !k.is_empty());
    for first in [true, false] {
        let keys: Vec<Option<String>> = pages
            .iter()
            .map(|p| {
                if first { p.first() } else { p.last() }.and_then(key)
            })
            .collect();
        let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        for k in keys.iter().flatten() {
            *counts.entry(k.as_str()).or_default() += 1;
        }
        let repeated: Vec<String> = counts
            .into_iter()
            .filter(|(_, c)| *c * 2 > pages.len().max(3) && *c >= 3)
            .map(|(k, _)| k.to_string())
            .collect();
        for (p, k) in pages.iter_mut().zip(&keys) {
            if k.as_ref().is_some_and(|k| repeated.contains(k)) {
                if first {
                    p.remove(0);
                } else {
                    p.pop();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
