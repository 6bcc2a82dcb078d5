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
    /// For each normalised char: the byte offset of its source in `original`.
    orig_at: Vec<u32>,
    /// The number of chars of `text` before each block of `BLOCK` bytes:
    /// a byte offset becomes a char offset by counting the char starts in at
    /// most `BLOCK - 1` bytes. (A map per char costs a push per char and a
    /// binary search per lookup; this costs half a `u32` per byte of text.)
    chars_before: Vec<u32>,
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
        let (cs, ce) = (self.char_index(start), self.char_index(end));
        if cs >= ce || self.orig_at.is_empty() {
            return "";
        }
        let os = self.orig_at[cs] as usize;
        let oe = if ce < self.orig_at.len() {
            self.orig_at[ce] as usize
        } else {
            self.original.len()
        };
        let oe = oe.max(os).min(self.original.len());
        // Offsets always sit on char boundaries of `original`.
        self.original.get(os..oe).unwrap_or("").trim()
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
    let c = c as u32;
    (HAN_FIRST..=HAN_LAST).contains(&c) && {
        let k = c - HAN_FIRST;
        COMMON_TRADITIONAL_BITS[(k / 64) as usize] & (1 << (k % 64)) != 0
    }
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
#[derive(Default)]
struct Sample {
    /// Chars seen so far (up to `SAMPLE_CHARS`).
    chars: usize,
    cjk: usize,
    /// Chars of `COMMON_TRADITIONAL`.
    traditional: usize,
    /// Set when the first `EARLY_CHARS` chars are plainly traditional text.
    early_traditional: bool,
}

/// After this many chars, a text with 5% or more of the commonest
/// traditional-only chars among its Han chars is plainly traditional.
const EARLY_CHARS: usize = 1_000;

impl Sample {
    /// Counts `c`, the next char of the original, while in the sample.
    #[inline]
    fn see(&mut self, c: char) {
        if self.chars < SAMPLE_CHARS {
            self.chars += 1;
            if !c.is_ascii() && is_cjk(c) {
                self.cjk += 1;
                self.traditional += usize::from(is_common_traditional(c));
            }
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
    // to one. Tabs (cell separators) and newlines stay.
    let mut text = String::with_capacity(original.len());
    let mut orig_at: Vec<u32> = Vec::with_capacity(original.len() / 2);
    let mut last: Option<char> = None;
    let mut pending_space: Option<u32> = None; // source offset of a held space
    let mut prev_cr = false;
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if stop_if_traditional && sample.early_traditional {
            break;
        }
        // Fast path: a run of chars that normalise on their own (most of a
        // text) is copied whole where it stays as it is. It does what the
        // general path below does for those chars.
        if simp_chars.is_none() {
            if let Some((_, first, _)) = plain_at(bytes, i) {
                if let Some(o) = pending_space.take() {
                    if keep_space(last, first) {
                        orig_at.push(o);
                        text.push(' ');
                    }
                }
                // `original[copied..i]` is still to be copied.
                let mut copied = i;
                let mut n = first;
                while let Some((c, next, len)) = plain_at(bytes, i) {
                    sample.see(c);
                    orig_at.push(i as u32);
                    if next != c {
                        text.push_str(&original[copied..i]);
                        text.push(next);
                        copied = i + len;
                    }
                    n = next;
                    i += len;
                }
                text.push_str(&original[copied..i]);
                last = Some(n);
                prev_cr = false;
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
                pending_space = Some(at as u32);
            }
            continue;
        }
        if let Some(o) = pending_space.take() {
            if keep_space(last, n) {
                orig_at.push(o);
                text.push(' ');
            }
        }
        orig_at.push(at as u32);
        text.push(n);
        last = Some(n);
    }
    let chars_before = chars_before_blocks(&text);
    (Normalised { text, original: original.to_string(), orig_at, chars_before }, sample)
}

/// Is a held space kept between `last` (the char before it, if any) and
/// `next`? Not at line starts or ends, next to tabs, or next to CJK.
fn keep_space(last: Option<char>, next: char) -> bool {
    match last {
        None => false,
        Some(b) => !(b == '\n' || b == '\t' || next == '\n' || next == '\t' || is_cjk(b) || is_cjk(next)),
    }
}

/// The char starting at `bytes[i]`, what it normalises to, and its
/// length, for the chars normalisation handles on their own (no space
/// around them, no line end): printable ASCII but the space, the tab, the
/// common Han block (U+4E00–U+9FFF), CJK punctuation but for 「」〜 and the
/// ideographic space, and full-width ASCII. Others give `None`.
#[inline]
fn plain_at(bytes: &[u8], i: usize) -> Option<(char, char, usize)> {
    let lead = *bytes.get(i)?;
    if lead < 0x80 {
        let c = char::from(lead);
        return matches!(lead, b'!'..=b'~' | b'\t').then_some((c, c, 1));
    }
    // Only three-byte chars from here (lead bytes E3 to EF cover
    // U+3000–U+FFFF); `bytes` is UTF-8, so both continuation bytes follow.
    if !(0xE3..=0xEF).contains(&lead) {
        return None;
    }
    let (b1, b2) = (*bytes.get(i + 1)?, *bytes.get(i + 2)?);
    let c = char::from_u32(u32::from(lead & 0x0F) << 12 | u32::from(b1 & 0x3F) << 6 | u32::from(b2 & 0x3F))?;
    let n = match c {
        '\u{4E00}'..='\u{9FFF}' => c,
        '\u{3001}'..='\u{303F}' if !matches!(c, '「' | '」' | '〜') => c,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0)?,
        _ => return None,
    };
    Some((c, n, 3))
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
            assert_eq!((&fast.text, &fast.orig_at, &fast.chars_before), (&general.text, &general.orig_at, &general.chars_before), "{src:?}");
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
            assert_eq!((&fast.text, &fast.orig_at), (&general.text, &general.orig_at), "{src:?}");
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
