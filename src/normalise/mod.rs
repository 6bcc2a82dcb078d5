//! Normalisation: one canonical text that every reader matches against.
//!
//! Full-width ASCII becomes half-width, traditional characters become
//! simplified (char for char), quote marks are unified, and white space that
//! copy-paste put between Chinese characters and digits is removed. Each
//! normalised character remembers where it came from, so a value's snippet
//! can be quoted in the original wording.

/// The normalised text with its map back to the decoded original.
#[derive(Debug, Clone)]
pub struct Normalised {
    pub text: String,
    /// The decoded original text.
    pub original: String,
    /// Where each char of `text` comes from in `original`, as runs: see
    /// [`Anchor`]. Sorted by `norm`, the first at 0 (when `text` is not
    /// empty). Most text is copied as it is, so there are few runs (a
    /// converted or dropped char, a collapsed space or a CRLF starts one);
    /// a map per char would cost a push per char.
    anchors: Vec<Anchor>,
    /// For each block of `ANCHOR_BLOCK` bytes of `text`: the index of the
    /// last anchor at or before its start, where a lookup starts (a binary
    /// search costs more than a step or two forward).
    anchor_blocks: Vec<u32>,
    /// The number of chars of `text` before each block of `BLOCK` bytes:
    /// a byte offset becomes a char offset by counting the char starts in at
    /// most `BLOCK - 1` bytes. (A map per char costs a push per char and a
    /// binary search per lookup; this costs half a `u32` per byte of text.)
    chars_before: Vec<u32>,
}

/// The start of a run of `text` that maps to `original` at a constant
/// shift: the char of `text` at byte `norm + k` (up to the next anchor)
/// comes from the char of `original` at byte `orig + k`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Anchor {
    norm: u32,
    orig: u32,
}

/// Bytes of `text` per entry of `Normalised::anchor_blocks`.
const ANCHOR_BLOCK: usize = 32;

/// [`Normalised::anchor_blocks`] for `anchors` over a text of `len` bytes.
fn anchor_blocks(anchors: &[Anchor], len: usize) -> Vec<u32> {
    let mut j = 0;
    (0..=len / ANCHOR_BLOCK)
        .map(|k| {
            while anchors.get(j + 1).is_some_and(|a| a.norm as usize <= k * ANCHOR_BLOCK) {
                j += 1;
            }
            j as u32
        })
        .collect()
}

/// Builds [`Normalised::anchors`] while the text is written.
struct RunMap {
    anchors: Vec<Anchor>,
    /// `orig - norm` of the last anchor (none yet: `i64::MIN`).
    shift: i64,
}

impl RunMap {
    fn new() -> Self {
        RunMap { anchors: Vec::new(), shift: i64::MIN }
    }

    /// The char written next, at byte `norm` of the text, comes from byte
    /// `orig` of the original: a new run unless that is the current shift.
    /// (Called for the first char of every copied stretch and for each char
    /// written singly; also with the position after a converted char, whose
    /// next char may never come: an anchor is then replaced by the next one
    /// at the same `norm`.)
    #[inline]
    fn at(&mut self, norm: usize, orig: usize) {
        let shift = orig as i64 - norm as i64;
        if shift != self.shift {
            self.shift = shift;
            let a = Anchor { norm: norm as u32, orig: orig as u32 };
            match self.anchors.last_mut() {
                Some(last) if last.norm == a.norm => *last = a,
                _ => self.anchors.push(a),
            }
        }
    }
}

/// Bytes of `text` per entry of `Normalised::chars_before`: one `u64`.
const BLOCK: usize = 8;

/// Chars starting in `bytes` (UTF-8): every byte but continuation bytes
/// (`0b10xx_xxxx`).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

fn chars_before_blocks(text: &str) -> Vec<u32> {
    // High bit of every byte of a word.
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let blocks = text.as_bytes().chunks_exact(BLOCK);
    let mut out = Vec::with_capacity(blocks.len() + 1);
    let mut n = 0u32;
    out.push(n);
    for block in blocks {
        let w = u64::from_le_bytes(block.try_into().unwrap_or([0; BLOCK]));
        // A word at a time: a continuation byte has bit 7 set and bit 6
        // clear (`w << 1` moves each byte's bit 6 under its bit 7). The
        // multiplication adds up the eight 0/1 bytes into the top byte.
        let continuations = (((w & !(w << 1) & HIGH) >> 7).wrapping_mul(0x0101_0101_0101_0101) >> 56) as u32;
        n += BLOCK as u32 - continuations;
        out.push(n);
    }
    out
}

impl Normalised {
    /// Char offset of a byte offset into `text` (clamped to the text; an
    /// offset inside a char counts that char).
    pub fn char_index(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let byte = byte.min(bytes.len());
        // `min` only matters if `text` was changed after normalising: stay in bounds.
        let block = (byte / BLOCK).min(self.chars_before.len().saturating_sub(1));
        let before = self.chars_before.get(block).map_or(0, |&n| n as usize);
        before + char_starts(&bytes[block * BLOCK..byte])
    }

    /// The original wording behind the normalised byte range `[start, end)`.
    pub fn original_snippet(&self, start: usize, end: usize) -> String {
        self.original_str(start, end).to_string()
    }

    /// [`Normalised::original_snippet`] without the copy: trimmed, borrowed
    /// from `original`.
    pub fn original_str(&self, start: usize, end: usize) -> &str {
        // Offsets inside a char count that char as before them (as in
        // `char_index`): both ends move on to the next char start.
        let (s, e) = (self.char_start_from(start), self.char_start_from(end));
        if s >= e {
            return "";
        }
        let os = self.orig_of(s);
        let oe = if e < self.text.len() { self.orig_of(e) } else { self.original.len() };
        let oe = oe.max(os).min(self.original.len());
        // Offsets always sit on char boundaries of `original`.
        trim(self.original.get(os..oe).unwrap_or(""))
    }

    /// The first char start of `text` at or after `byte` (clamped to the
    /// text; its length if none).
    fn char_start_from(&self, byte: usize) -> usize {
        let bytes = self.text.as_bytes();
        let mut p = byte.min(bytes.len());
        while p < bytes.len() && bytes[p] & 0xC0 == 0x80 {
            p += 1;
        }
        p
    }

    /// The byte offset in `original` of the source of the char of `text`
    /// that starts at byte `p`: the run it is in, found from its block's.
    fn orig_of(&self, p: usize) -> usize {
        let block = (p / ANCHOR_BLOCK).min(self.anchor_blocks.len().saturating_sub(1));
        let mut j = self.anchor_blocks.get(block).map_or(0, |&j| j as usize);
        while self.anchors.get(j + 1).is_some_and(|a| a.norm as usize <= p) {
            j += 1;
        }
        self.anchors.get(j).map_or(0, |a| a.orig as usize + p.saturating_sub(a.norm as usize))
    }
}

/// `s.trim()`, looking first whether either end is white space (a snippet
/// mostly starts and ends with a word: `trim` costs more than the look).
fn trim(s: &str) -> &str {
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    if space(s.chars().next()) || space(s.chars().next_back()) {
        s.trim()
    } else {
        s
    }
}

/// Frequent characters that exist only in traditional script; text with none
/// of them is simplified and skips the converter.
const COMMON_TRADITIONAL: &[char] = &[
    '們', '個', '這', '會', '說', '時', '來', '對', '國', '為', '與', '發', '開', '問', '長', '關', '實', '現', '於', '經', '還', '進',
    '業', '動', '區', '員', '務', '條', '數', '報', '據', '網', '應', '處', '門', '機', '請', '復', '議', '訴', '訟', '費', '統', '計',
    '資', '訊', '體', '過', '項', '號', '稱', '際', '點', '導', '覽', '電', '話', '傳', '書', '廣', '檢', '縣', '鄉', '鎮',
    '辦', '設', '總', '從', '將', '當', '無', '見', '樣', '聯', '錄', '單', '屬', '級', '歷', '義', '產', '華', '構',
];

/// The range of CJK Unified Ideographs every char of `COMMON_TRADITIONAL` is in.
const HAN_FIRST: u32 = 0x4E00;
const HAN_LAST: u32 = 0x9FFF;

/// `COMMON_TRADITIONAL` as one bit per char of `HAN_FIRST..=HAN_LAST`: the
/// test runs on every Han char of the sample.
const COMMON_TRADITIONAL_BITS: [u64; ((HAN_LAST - HAN_FIRST) / 64 + 1) as usize] = {
    assert!(HAN_FIRST % 64 == 0 && (HAN_LAST + 1 - HAN_FIRST) % 64 == 0);
    let mut bits = [0u64; ((HAN_LAST - HAN_FIRST) / 64 + 1) as usize];
    let mut i = 0;
    while i < COMMON_TRADITIONAL.len() {
        let c = COMMON_TRADITIONAL[i] as u32;
        assert!(c >= HAN_FIRST && c <= HAN_LAST);
        let k = c - HAN_FIRST;
        bits[(k / 64) as usize] |= 1 << (k % 64);
        i += 1;
    }
    bits
};

fn is_common_traditional(c: char) -> bool {
    is_common_traditional_code(c as u32)
}

/// [`is_common_traditional`] for a code point.
#[inline]
fn is_common_traditional_code(c: u32) -> bool {
    // Below `HAN_FIRST` the index wraps beyond the table, as it is beyond
    // `HAN_LAST`: one bounds check tests the range. (`HAN_FIRST` is a
    // multiple of 64: the bit is `c % 64`.)
    let k = c.wrapping_sub(HAN_FIRST);
    COMMON_TRADITIONAL_BITS.get((k / 64) as usize).is_some_and(|w| w & (1 << (c % 64)) != 0)
}

/// Maps one char to its canonical form (before traditional → simplified).
/// Returns `None` for chars that are dropped (zero-width, controls).
#[inline]
pub fn canonical_char(c: char) -> Option<char> {
    // Fast path for what text is mostly made of: printable ASCII and Han.
    if matches!(c, ' '..='~' | '\u{4E00}'..='\u{9FFF}') {
        return Some(c);
    }
    Some(match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => ' ',
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => return None,
        '\r' => '\n',
        '\t' | '\n' => c,
        c if c.is_control() => return None,
        '“' | '”' | '„' | '‟' | '″' | '「' | '」' => '"',
        '‘' | '’' | '′' => '\'',
        '―' | '–' | '‐' | '‑' => '-',
        '〜' => '~',
        c => c,
    })
}

/// True for Han ideographs (the ranges reports use) and CJK punctuation.
#[inline]
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3001..=0x303F)
}

/// Normalises a string the way document text is normalised; used for
/// registry labels too, so labels and text always compare like for like.
pub fn normalise_str(s: &str) -> String {
    normalise(s).text
}

/// How many chars of a text decide whether it is written in traditional
/// characters.
const SAMPLE_CHARS: usize = 20_000;

/// What the sample (the first `SAMPLE_CHARS` chars) says about the script.
#[derive(Debug, Default, PartialEq, Eq)]
struct Sample {
    /// Chars seen so far (up to `SAMPLE_CHARS`).
    chars: usize,
    cjk: usize,
    /// Chars of `COMMON_TRADITIONAL`.
    traditional: usize,
    /// Set when the first `EARLY_CHARS` chars are plainly traditional text.
    early_traditional: bool,
}

/// Counts of a stretch of chars for [`Sample`].
#[derive(Default, Clone, Copy)]
struct Counts {
    chars: usize,
    cjk: usize,
    traditional: usize,
}

/// After this many chars, a text with 5% or more of the commonest
/// traditional-only chars among its Han chars is plainly traditional.
const EARLY_CHARS: usize = 1_000;

impl Sample {
    /// Counts `c`, the next char of the original, while in the sample.
    #[inline]
    fn see(&mut self, c: char) {
        self.count(!c.is_ascii() && is_cjk(c), || is_common_traditional(c));
    }

    /// Counts the next char of the original, while in the sample: whether
    /// it is CJK, and if so whether it is in `COMMON_TRADITIONAL` (asked only
    /// then).
    #[inline]
    fn count(&mut self, cjk: bool, traditional: impl FnOnce() -> bool) {
        if self.is_open() {
            let traditional = cjk && traditional();
            self.add(Counts { chars: 1, cjk: usize::from(cjk), traditional: usize::from(traditional) });
        }
    }

    /// Is the sample still taking chars?
    #[inline]
    fn is_open(&self) -> bool {
        self.chars < SAMPLE_CHARS
    }

    /// How many chars the sample takes before its next decision point
    /// (`EARLY_CHARS`, then `SAMPLE_CHARS`; unlimited after that): what
    /// [`Sample::add`] may be given at once.
    #[inline]
    fn budget(&self) -> usize {
        if self.chars < EARLY_CHARS {
            EARLY_CHARS - self.chars
        } else if self.chars < SAMPLE_CHARS {
            SAMPLE_CHARS - self.chars
        } else {
            usize::MAX
        }
    }

    /// Counts the next `n.chars` chars of the original (at most
    /// [`Sample::budget`]), while in the sample.
    #[inline]
    fn add(&mut self, n: Counts) {
        if self.is_open() {
            self.chars += n.chars;
            self.cjk += n.cjk;
            self.traditional += n.traditional;
            if self.chars == EARLY_CHARS {
                self.early_traditional = self.cjk >= 400 && self.traditional * 20 > self.cjk;
            }
        }
    }

    /// Is the converter worth trying? Not for simplified text with none of
    /// the commonest traditional-only chars, nor with only a trace of them
    /// (a stray 於 or 們: < 0.5%).
    fn may_be_traditional(&self) -> bool {
        let trace = self.cjk >= 40 && self.traditional * 200 < self.cjk;
        self.traditional > 0 && !trace
    }
}

/// Normalises decoded text.
pub fn normalise(original: &str) -> Normalised {
    // Traditional → simplified, char for char (fast2s keeps the count), only
    // for text written in traditional characters: decided on a sample (the
    // first 20,000 chars); in simplified text the converter's few changes are
    // variants (薰 → 熏) that would alter names. Most text is simplified, so
    // it is normalised first as such, looking at the sample on the way; that
    // pass stops early on text plainly traditional (then the converter
    // decides, as it would have, and the plain pass is rerun only if needed).
    let (plain, sample) = normalise_with(original, None, true);
    if !sample.may_be_traditional() {
        return plain;
    }
    // (A pass that stopped early is only a start.)
    let plain = (!sample.early_traditional).then_some(plain);
    // Converted once, whole; the decision looks at the sample's chars.
    let canon: String = original.chars().filter_map(canonical_char).collect();
    let converted = fast2s::convert(&canon);
    let (mut cjk, mut changed) = (0usize, 0usize);
    for (a, b) in canon.chars().zip(converted.chars()).take(SAMPLE_CHARS) {
        if is_cjk(a) {
            cjk += 1;
            changed += usize::from(a != b);
        }
    }
    let traditional = changed * 20 > cjk || (cjk < 40 && changed > 0);
    if traditional {
        normalise_with(original, Some(&converted), false).0
    } else {
        plain.unwrap_or_else(|| normalise_with(original, None, false).0)
    }
}

/// One pass: canonical chars, the `simplified` ones where given (the
/// converter's output for the canonical chars), and white space. Also
/// counts the sample's Han and traditional-only chars. With
/// `stop_if_traditional`, stops as soon as the sample shows plainly
/// traditional text (`Sample::early_traditional`; the text so far would be
/// thrown away).
fn normalise_with(original: &str, simplified: Option<&str>, stop_if_traditional: bool) -> (Normalised, Sample) {
    let mut simp_chars = simplified.map(str::chars);
    let mut sample = Sample::default();

    // Spaces are dropped at line ends and next to CJK characters (PDF/Word
    // paste puts them between every glyph); runs of spaces elsewhere collapse
    // to one. Tabs (cell separators) and newlines stay. Whether a held space
    // is kept depends on the char before it: the last one of `text`.
    let mut text = String::with_capacity(original.len());
    let mut map = RunMap::new();
    let mut pending_space: Option<usize> = None; // source offset of a held space
    let mut prev_cr = false;
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if stop_if_traditional && sample.early_traditional {
            break;
        }
        // Fast path: a run of chars that normalise on their own (most of a
        // text) is copied whole where it stays as it is. It does what the
        // general path below does for those chars. (Not right after a \r,
        // whose \n the general path drops.)
        if simp_chars.is_none() && !prev_cr {
            if let Some(first) = plain_at(bytes, i) {
                if let Some(o) = pending_space.take() {
                    if keep_space(text.chars().next_back(), first.normalised()) {
                        map.at(text.len(), o);
                        text.push(' ');
                    }
                }
                i = copy_run(original, i, &mut text, &mut map, &mut sample);
                continue;
            }
        }
        let Some(c) = original[i..].chars().next() else { break };
        let at = i;
        i += c.len_utf8();
        sample.see(c);
        if c == '\n' && prev_cr {
            prev_cr = false;
            continue; // \r\n already became one \n
        }
        prev_cr = c == '\r';
        let Some(mut n) = canonical_char(c) else { continue };
        if let Some(it) = simp_chars.as_mut() {
            // The converter output follows the canonical chars one to one.
            if let Some(s) = it.next() {
                n = s;
            }
        }
        if n == ' ' {
            if pending_space.is_none() {
                pending_space = Some(at);
            }
            continue;
        }
        if let Some(o) = pending_space.take() {
            if keep_space(text.chars().next_back(), n) {
                map.at(text.len(), o);
                text.push(' ');
            }
        }
        map.at(text.len(), at);
        text.push(n);
    }
    let chars_before = chars_before_blocks(&text);
    let anchor_blocks = anchor_blocks(&map.anchors, text.len());
    let normalised = Normalised { text, original: original.to_string(), anchors: map.anchors, anchor_blocks, chars_before };
    (normalised, sample)
}

/// Copies the run of plain chars (see [`plain_at`]) that starts at
/// `original[i..]` to `text` as normalisation writes them, with single
/// spaces between them kept or dropped; maps it and counts it for the
/// sample. Returns where it ends. (Most of a text goes through this loop:
/// a function of its own, so that its state stays in registers.)
#[inline(never)]
fn copy_run(original: &str, mut i: usize, text: &mut String, map: &mut RunMap, sample: &mut Sample) -> usize {
    let bytes = original.as_bytes();
    map.at(text.len(), i);
    // `original[copied..i]` is still to be copied.
    let mut copied = i;
    // The run's chars for the sample, given to it at its decision points
    // and at the end.
    let mut seen = Counts::default();
    let (mut budget, mut open) = (sample.budget(), sample.is_open());
    loop {
        if seen.chars == budget {
            sample.add(seen);
            seen = Counts::default();
            (budget, open) = (sample.budget(), sample.is_open());
        }
        match plain_at(bytes, i) {
            Some(Plain::Ascii(_)) => i += 1,
            Some(Plain::Han(c)) => {
                seen.cjk += 1;
                if open {
                    seen.traditional += usize::from(is_common_traditional_code(c));
                }
                i += 3;
            }
            Some(Plain::Punct(_)) => {
                seen.cjk += 1;
                i += 3;
            }
            Some(Plain::FullWidth(b)) => {
                text.push_str(&original[copied..i]);
                text.push(char::from(b));
                i += 3;
                copied = i;
                // The next char is one shift further on.
                map.at(text.len(), i);
            }
            // A single space between two chars of the run: kept as it is
            // or dropped.
            None if bytes[i..].starts_with(b" ") => {
                let Some(next) = plain_at(bytes, i + 1) else { break };
                if !keep_space(plain_before(bytes, i).map(Plain::normalised), next.normalised()) {
                    text.push_str(&original[copied..i]);
                    copied = i + 1;
                    map.at(text.len(), copied);
                }
                i += 1;
            }
            None => break,
        }
        seen.chars += 1;
    }
    sample.add(seen);
    text.push_str(&original[copied..i]);
    i
}

/// Is a held space kept between `last` (the char before it, if any) and
/// `next`? Not at line starts or ends, next to tabs, or next to CJK.
fn keep_space(last: Option<char>, next: char) -> bool {
    match last {
        None => false,
        Some(b) => !(b == '\n' || b == '\t' || next == '\n' || next == '\t' || is_cjk(b) || is_cjk(next)),
    }
}

/// A char that normalisation handles on its own (but for a space next to
/// it), as [`plain_at`] finds it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Plain {
    /// Printable ASCII other than the space, or a tab or a newline: one
    /// byte, kept.
    Ascii(u8),
    /// A Han char of the common block (U+4E00–U+9FFF), this code point:
    /// three bytes, kept.
    Han(u32),
    /// CJK punctuation (U+3001–U+303F) but for 「」〜, this code point:
    /// three bytes, kept.
    Punct(u32),
    /// Full-width ASCII (U+FF01–U+FF5E): three bytes, becomes this byte.
    FullWidth(u8),
}

impl Plain {
    /// What the char normalises to.
    fn normalised(self) -> char {
        match self {
            Plain::Ascii(b) | Plain::FullWidth(b) => char::from(b),
            Plain::Han(c) | Plain::Punct(c) => char::from_u32(c).unwrap_or(' '),
        }
    }
}

/// The kind of the char starting at `bytes[i]` if it is one normalisation
/// handles on its own: printable ASCII other than the space, the tab, the
/// newline (the caller keeps one after a \r apart), the common Han block,
/// CJK punctuation but for 「」〜 and the ideographic space, and full-width
/// ASCII. Others give `None`. Read from the UTF-8 bytes: the lead byte
/// alone tells most of them.
#[inline(always)]
fn plain_at(bytes: &[u8], i: usize) -> Option<Plain> {
    // The code point of a three-byte char.
    let code = |lead: u8, b1: u8, b2: u8| u32::from(lead & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F);
    let rest = bytes.get(i..)?;
    let lead = *rest.first()?;
    // ASCII first: the rest is tested on non-ASCII bytes only.
    if lead < 0x80 {
        return matches!(lead, b'!'..=b'~' | b'\t' | b'\n').then_some(Plain::Ascii(lead));
    }
    match *rest {
        // U+5000–U+9FFF (E5–E9) and U+4E00–U+4FFF (E4 B8 80 on).
        [0xE5..=0xE9, b1, b2, ..] | [0xE4, b1 @ 0xB8..=0xBF, b2, ..] => Some(Plain::Han(code(lead, b1, b2))),
        // U+3001–U+303F but 「 (E3 80 8C), 」 (8D) and 〜 (9C).
        [0xE3, 0x80, b2 @ 0x81..=0xBF, ..] if !matches!(b2, 0x8C | 0x8D | 0x9C) => Some(Plain::Punct(code(0xE3, 0x80, b2))),
        // U+FF01–U+FF3F and U+FF40–U+FF5E, minus 0xFEE0.
        [0xEF, 0xBC, b2 @ 0x81..=0xBF, ..] => Some(Plain::FullWidth(b2 - 0x60)),
        [0xEF, 0xBD, b2 @ 0x80..=0x9E, ..] => Some(Plain::FullWidth(b2 - 0x20)),
        _ => None,
    }
}

/// The plain char that ends at `bytes[i]` (exclusive), if any: one byte
/// if ASCII, else three (all plain chars but ASCII have three).
fn plain_before(bytes: &[u8], i: usize) -> Option<Plain> {
    let one = i.checked_sub(1)?;
    if bytes[one] < 0x80 {
        plain_at(bytes, one)
    } else {
        plain_at(bytes, i.checked_sub(3)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_width_and_traditional() {
        let n = normalise("主動公開政府信息數（不同渠道）：５４８３５條");
        assert_eq!(n.text, "主动公开政府信息数(不同渠道):54835条");
    }

    #[test]
    fn spaces_between_cjk_and_digits_go() {
        assert_eq!(normalise("申请 3119 件").text, "申请3119件");
        assert_eq!(normalise("统  计  指  标").text, "统计指标");
        assert_eq!(normalise("  0472-5618197   5618298 ").text, "0472-5618197 5618298");
        assert_eq!(normalise("a\t b\r\nc").text, "a\tb\nc");
    }

    #[test]
    fn snippet_maps_back_to_original() {
        let src = "收到申請數 　８１ 件";
        let n = normalise(src);
        assert_eq!(n.text, "收到申请数81件");
        let s = n.text.find("81").unwrap();
        assert_eq!(n.original_snippet(s, s + 2), "８１");
        let e = n.text.len();
        assert_eq!(n.original_snippet(0, e), src.trim_end());
        assert_eq!(n.char_index(s), 5);
    }

    #[test]
    fn char_index_counts_chars_before_the_offset() {
        for src in ["", "a", "统计", "申请 3119 件\t表三：（一）予以公开\n𠀀𠀁 ok 第二十条", &"信息公开ab".repeat(40)] {
            let n = normalise(src);
            for byte in 0..=n.text.len() + 3 {
                // Every char that starts before `byte` (an offset inside a char counts it).
                let want = n.text.char_indices().filter(|&(i, _)| i < byte).count();
                assert_eq!(n.char_index(byte), want, "{src:?} at {byte}");
            }
        }
    }

    #[test]
    fn fast_path_matches_the_general_path() {
        // The general path, given the canonical chars as the "converted"
        // text, does what the fast path does (no \r here: the two differ on
        // a \r\n, where the converted chars are one ahead).
        for src in [
            "申请 3119 件\t表三：（一）予以公开\n𠀀𠀁 ok  第二十条 x\u{200B}y",
            "  主動公開政府信息數（不同渠道）：５４８３５條 \n\t a  b ䷀丁 ",
            "abc", "", " ", "信息\u{4DFF}\u{4E00}\u{9FFF}\u{A000}龥",
            "「引号」〜、。《》\u{3000}（一）予以公开，：；！～ａ１ \u{3000}（二）\u{303F}\u{3000}\u{FF5F}\u{FF00}",
            "，a，\t，\n， ，b ， c，", "\u{3001} \u{3001}x y\u{FF01}",
        ] {
            let canon: String = src.chars().filter_map(canonical_char).collect();
            let (fast, _) = normalise_with(src, None, false);
            let (general, _) = normalise_with(src, Some(&canon), false);
            assert_eq!(
                (&fast.text, orig_offsets(&fast), &fast.chars_before),
                (&general.text, orig_offsets(&general), &general.chars_before),
                "{src:?}"
            );
        }
    }

    #[test]
    fn fast_path_matches_the_general_path_on_mixed_text() {
        let alphabet = [
            ' ', '\t', '\n', 'a', '1', '~', '，', '（', '、', '。', '「', '」', '〜', '\u{3000}', '\u{3001}', '\u{303F}', '\u{200B}', '信',
            '國', '𠀀', '\u{4DFF}', '\u{9FFF}', '\u{A000}', '\u{FF01}', '\u{FF5E}', '\u{FF5F}', '\u{A0}', '\u{7F}', 'é', '“',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let len = (seed >> 59) as usize;
            let src: String = (0..len)
                .map(|k| alphabet[((seed >> (k % 50)) as usize ^ k.wrapping_mul(7)) % alphabet.len()])
                .collect();
            let canon: String = src.chars().filter_map(canonical_char).collect();
            let (fast, _) = normalise_with(&src, None, false);
            let (general, _) = normalise_with(&src, Some(&canon), false);
            assert_eq!((&fast.text, orig_offsets(&fast)), (&general.text, orig_offsets(&general)), "{src:?}");
        }
    }

    /// The source offset of every char of the text, from the run map.
    fn orig_offsets(n: &Normalised) -> Vec<u32> {
        n.text.char_indices().map(|(p, _)| n.orig_of(p) as u32).collect()
    }

    /// A straightforward normaliser, char by char, with a map entry per
    /// char: what `normalise_with` must give (`simplified` as there).
    fn reference(original: &str, simplified: Option<&str>) -> (String, Vec<u32>) {
        let mut simp = simplified.map(str::chars);
        let (mut text, mut orig_at) = (String::new(), Vec::new());
        let (mut pending, mut prev_cr) = (None, false);
        for (at, c) in original.char_indices() {
            if c == '\n' && prev_cr {
                prev_cr = false;
                continue;
            }
            prev_cr = c == '\r';
            let Some(mut n) = canonical_char(c) else { continue };
            if let Some(s) = simp.as_mut().and_then(Iterator::next) {
                n = s;
            }
            if n == ' ' {
                pending = pending.or(Some(at));
                continue;
            }
            if let Some(o) = pending.take() {
                if keep_space(text.chars().last(), n) {
                    orig_at.push(o as u32);
                    text.push(' ');
                }
            }
            orig_at.push(at as u32);
            text.push(n);
        }
        (text, orig_at)
    }

    /// `original_str` as it was with a map entry per char.
    fn reference_str<'a>(n: &'a Normalised, orig_at: &[u32], start: usize, end: usize) -> &'a str {
        let (cs, ce) = (n.char_index(start), n.char_index(end));
        if cs >= ce || orig_at.is_empty() {
            return "";
        }
        let os = orig_at[cs] as usize;
        let oe = orig_at.get(ce).map_or(n.original.len(), |&o| o as usize).max(os).min(n.original.len());
        n.original.get(os..oe).unwrap_or("").trim()
    }

    /// The run map gives every char's source and every snippet as a map
    /// per char does, on random mixed text (full-width, spaces, CRLF,
    /// zero-width and control chars, traditional text), simplified or
    /// converted, with offsets inside chars too.
    #[test]
    fn run_map_matches_a_map_per_char() {
        let alphabet = [
            ' ', ' ', '\t', '\n', '\r', 'a', '1', '~', '，', '（', '８', 'ａ', '\u{FF5E}', '、', '「', '〜', '\u{3000}', '\u{200B}', '\u{FEFF}',
            '\u{7F}', '\u{A0}', '\u{AD}', '信', '國', '們', '這', '說', '𠀀', 'é', '“', '‘', '―', '\u{2003}', '\u{4DFF}', '\u{A000}',
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        for round in 0..4000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let len = (seed >> 58) as usize;
            let mut x = seed;
            let src: String = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    alphabet[(x % alphabet.len() as u64) as usize]
                })
                .collect();
            let canon: String = src.chars().filter_map(canonical_char).collect();
            let converted = fast2s::convert(&canon);
            let simplified = (round % 2 == 1).then_some(converted.as_str());
            let (n, _) = normalise_with(&src, simplified, false);
            let (text, orig_at) = reference(&src, simplified);
            assert_eq!((&n.text, orig_offsets(&n)), (&text, orig_at.clone()), "{src:?}");
            for start in 0..=n.text.len() + 1 {
                for end in start.saturating_sub(2)..=n.text.len() + 1 {
                    assert_eq!(n.original_str(start, end), reference_str(&n, &orig_at, start, end), "{src:?} {start}..{end}");
                }
            }
        }
        // A whole text through `normalise` (converted as traditional).
        let src = "主動公開政府信息數（不同渠道）：５４８３５條 \r\n\t 這個 a  b\u{200B}們".repeat(3);
        let n = normalise(&src);
        let canon: String = src.chars().filter_map(canonical_char).collect();
        let (text, orig_at) = reference(&src, Some(&fast2s::convert(&canon)));
        assert_eq!((&n.text, orig_offsets(&n)), (&text, orig_at), "{src:?}");
    }

    /// The sample a pass takes in bulk is the one taken char by char, at
    /// the early decision (`EARLY_CHARS`) and at the end (`SAMPLE_CHARS`).
    #[test]
    fn sample_in_bulk_matches_char_by_char() {
        let lines = [
            "這個國家說話時間問題發展經濟關係實際\n",
            "政府信息公开工作年度报告（一）：１２ 件\t\t3\r\n",
            "ab cd\u{3000}「引」、。𠀀é\n",
            "主動公開條\u{200B}們 x\n",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..300 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            let n = (seed >> 52) as usize % 1600;
            let src: String = (0..n).map(|k| lines[((seed >> (k % 40)) as usize ^ k) % lines.len()]).collect();
            let mut want = Sample::default();
            src.chars().for_each(|c| want.see(c));
            assert_eq!(normalise_with(&src, None, false).1, want, "{n}");
            // A pass that stops early has decided so at the same point.
            let (_, early) = normalise_with(&src, None, true);
            assert_eq!(early.early_traditional, want.early_traditional, "{n}");
        }
    }

    #[test]
    fn traditional_bits_are_the_list() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_common_traditional(c), COMMON_TRADITIONAL.contains(&c), "{c:?}");
        }
    }

    #[test]
    fn quotes_unified() {
        assert_eq!(normalise("危及“三安全一稳定”").text, "危及\"三安全一稳定\"");
    }

    /// A plainly traditional start stops the first pass early; when the
    /// whole sample then turns out to be simplified, the text is still
    /// normalised as simplified (nothing converted), as without the stop.
    #[test]
    fn traditional_start_of_a_simplified_text() {
        // (The pass looks at its sample between runs of plain chars: lines.)
        let head = "這個國家說話時間問題發展經濟關係實際\n".repeat(40);
        let body = "政府信息公开工作年度报告\n".repeat(2_000);
        let text = format!("{head}{body}");
        let (_, sample) = normalise_with(&text, None, true);
        assert!(sample.early_traditional);
        assert_eq!(normalise(&text).text, text);
        // Wholly traditional text is converted.
        assert_eq!(normalise(&head.repeat(3)).text, "这个国家说话时间问题发展经济关系实际\n".repeat(120));
    }
}
