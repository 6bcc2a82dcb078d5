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
    /// For each normalised char: its byte offset in `text` (plus one final
    /// entry = `text.len()`), to turn byte offsets into char offsets.
    byte_at: Vec<u32>,
}

impl Normalised {
    /// Char offset of a byte offset into `text` (clamped).
    pub fn char_index(&self, byte: usize) -> usize {
        match self.byte_at.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.min(self.byte_at.len().saturating_sub(1)),
        }
    }

    /// The original wording behind the normalised byte range `[start, end)`.
    pub fn original_snippet(&self, start: usize, end: usize) -> String {
        let (cs, ce) = (self.char_index(start), self.char_index(end));
        if cs >= ce || self.orig_at.is_empty() {
            return String::new();
        }
        let os = self.orig_at[cs] as usize;
        let oe = if ce < self.orig_at.len() {
            self.orig_at[ce] as usize
        } else {
            self.original.len()
        };
        let oe = oe.max(os).min(self.original.len());
        // Offsets always sit on char boundaries of `original`.
        self.original.get(os..oe).unwrap_or("").trim().to_string()
    }
}

/// Frequent characters that exist only in traditional script; text with none
/// of them is simplified and skips the converter (sorted for binary search).
const COMMON_TRADITIONAL: &[char] = &{
    let mut a = [
        '們', '個', '這', '會', '說', '時', '來', '對', '國', '為', '與', '發', '開', '問', '長', '關', '實', '現', '於', '經', '還', '進',
        '業', '動', '區', '員', '務', '條', '數', '報', '據', '網', '應', '處', '門', '機', '請', '復', '議', '訴', '訟', '費', '統', '計',
        '資', '訊', '體', '過', '項', '號', '稱', '際', '點', '導', '覽', '電', '話', '傳', '書', '廣', '檢', '縣', '鄉', '鎮',
        '辦', '設', '總', '從', '將', '當', '無', '見', '樣', '聯', '錄', '單', '屬', '級', '歷', '義', '產', '華', '構',
    ];
    // const-sort (insertion sort; the list is short)
    let mut i = 1;
    while i < a.len() {
        let mut j = i;
        while j > 0 && (a[j - 1] as u32) > (a[j] as u32) {
            let t = a[j - 1];
            a[j - 1] = a[j];
            a[j] = t;
            j -= 1;
        }
        i += 1;
    }
    a
};

/// Maps one char to its canonical form (before traditional → simplified).
/// Returns `None` for chars that are dropped (zero-width, controls).
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
pub fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F | 0x3001..=0x303F)
}

/// Normalises a string the way document text is normalised; used for
/// registry labels too, so labels and text always compare like for like.
pub fn normalise_str(s: &str) -> String {
    normalise(s).text
}

/// Normalises decoded text.
pub fn normalise(original: &str) -> Normalised {
    // Traditional → simplified, char for char (fast2s keeps the count), only
    // for text written in traditional characters: decided on a sample (the
    // first 20,000 chars); in simplified text the converter's few changes are
    // variants (薰 → 熏) that would alter names.
    let sample_end = original.char_indices().nth(20_000).map(|(i, _)| i).unwrap_or(original.len());
    let sample = &original[..sample_end];
    // Counting the commonest traditional-only chars first spares the
    // converter on simplified text with a stray 於 or 們 (a trace: < 0.5%).
    let (mut cjk_in_sample, mut trad_hits) = (0usize, 0usize);
    for c in sample.chars() {
        if is_cjk(c) {
            cjk_in_sample += 1;
            trad_hits += usize::from(c as u32 >= 0x4E00 && COMMON_TRADITIONAL.binary_search(&c).is_ok());
        }
    }
    let trace = cjk_in_sample >= 40 && trad_hits * 200 < cjk_in_sample;
    let simplified: Option<String> = if trad_hits > 0 && !trace {
        // Converted once, whole; the decision looks at the sample's chars.
        let canon: String = original.chars().filter_map(canonical_char).collect();
        let converted = fast2s::convert(&canon);
        let (mut cjk, mut changed) = (0usize, 0usize);
        for (a, b) in canon.chars().zip(converted.chars()).take(20_000) {
            if is_cjk(a) {
                cjk += 1;
                changed += usize::from(a != b);
            }
        }
        let traditional = changed * 20 > cjk || (cjk < 40 && changed > 0);
        traditional.then_some(converted)
    } else {
        None
    };
    let mut simp_chars = simplified.as_deref().map(str::chars);

    // One pass: canonical chars, simplified where needed, and white space.
    // Spaces are dropped at line ends and next to CJK characters (PDF/Word
    // paste puts them between every glyph); runs of spaces elsewhere collapse
    // to one. Tabs (cell separators) and newlines stay.
    let mut text = String::with_capacity(original.len());
    let mut orig_at: Vec<u32> = Vec::with_capacity(original.len() / 2);
    let mut byte_at: Vec<u32> = Vec::with_capacity(original.len() / 2 + 1);
    let mut last: Option<char> = None;
    let mut pending_space: Option<u32> = None; // source offset of a held space
    let mut prev_cr = false;
    let mut push = |text: &mut String, c: char, o: u32| {
        byte_at.push(text.len() as u32);
        orig_at.push(o);
        text.push(c);
    };
    for (i, c) in original.char_indices() {
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
                pending_space = Some(i as u32);
            }
            continue;
        }
        if let Some(o) = pending_space.take() {
            let keep = match last {
                None => false,
                Some(b) => !(b == '\n' || b == '\t' || n == '\n' || n == '\t' || is_cjk(b) || is_cjk(n)),
            };
            if keep {
                push(&mut text, ' ', o);
            }
        }
        push(&mut text, n, i as u32);
        last = Some(n);
    }
    byte_at.push(text.len() as u32);
    Normalised { text, original: original.to_string(), orig_at, byte_at }
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
    fn quotes_unified() {
        assert_eq!(normalise("危及“三安全一稳定”").text, "危及\"三安全一稳定\"");
    }
}
