//! Encoding detection, without asking the user.
//!
//! Order: byte-order mark (UTF-8, UTF-16LE/BE); UTF-16 without a BOM (NUL
//! bytes on one side of ASCII code units); valid UTF-8 (or UTF-8 with a few
//! stray bytes, e.g. a file cut in the middle of a character); a declared
//! charset (`<meta charset>`, `http-equiv` content, `<?xml encoding>`, or a
//! MIME part's charset) when it names GBK/GB2312/GB18030 or Big5; otherwise
//! GB18030 or Big5, whichever decodes a sample more plausibly.
//!
//! GB18030 and Big5 bytes are decoded with encoding_rs (feature
//! `legacy-encodings`, on by default). Without the feature (the page's
//! WebAssembly, which leaves encoding_rs out) the detection above is the
//! same, and the bytes of the chosen legacy encoding are decoded by the
//! function registered with [`set_legacy_decoder`] (the browser's
//! `TextDecoder`, which implements the same WHATWG decoders). UTF-8 and
//! UTF-16 are decoded here in both builds.

use std::sync::OnceLock;

pub const UTF8: &str = "utf-8";
pub const UTF16LE: &str = "utf-16le";
pub const UTF16BE: &str = "utf-16be";
pub const GB: &str = "gb18030";
pub const BIG5_NAME: &str = "big5";

/// Bytes of the input used for sniffing and for scoring legacy encodings.
const SAMPLE: usize = 64 * 1024;

/// The encodings this crate reads (GBK and GB2312 are read as GB18030, their
/// superset, as the WHATWG Encoding Standard does).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enc {
    Utf8,
    Utf16Le,
    Utf16Be,
    Gb18030,
    Big5,
}

impl Enc {
    /// The name this crate reports (and the WHATWG label of the decoder).
    pub fn name(self) -> &'static str {
        match self {
            Enc::Utf8 => UTF8,
            Enc::Utf16Le => UTF16LE,
            Enc::Utf16Be => UTF16BE,
            Enc::Gb18030 => GB,
            Enc::Big5 => BIG5_NAME,
        }
    }

    fn is_legacy(self) -> bool {
        matches!(self, Enc::Gb18030 | Enc::Big5)
    }
}

/// Decoded text and the name of the encoding it was decoded from (one of
/// "utf-8", "utf-16le", "utf-16be", "gb18030", "big5").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodedText {
    pub text: String,
    pub encoding: &'static str,
}

/// The WHATWG Encoding Standard's labels of the encodings this crate reads
/// (<https://encoding.spec.whatwg.org/#names-and-labels>); GBK's go to
/// GB18030. Every other label (windows-1252, shift_jis…) is not read.
const LABELS: &[(&str, Enc)] = &[
    ("unicode-1-1-utf-8", Enc::Utf8),
    ("unicode11utf8", Enc::Utf8),
    ("unicode20utf8", Enc::Utf8),
    ("utf-8", Enc::Utf8),
    ("utf8", Enc::Utf8),
    ("x-unicode20utf8", Enc::Utf8),
    ("chinese", Enc::Gb18030),
    ("csgb2312", Enc::Gb18030),
    ("csiso58gb231280", Enc::Gb18030),
    ("gb2312", Enc::Gb18030),
    ("gb_2312", Enc::Gb18030),
    ("gb_2312-80", Enc::Gb18030),
    ("gbk", Enc::Gb18030),
    ("iso-ir-58", Enc::Gb18030),
    ("x-gbk", Enc::Gb18030),
    ("gb18030", Enc::Gb18030),
    ("big5", Enc::Big5),
    ("big5-hkscs", Enc::Big5),
    ("cn-big5", Enc::Big5),
    ("csbig5", Enc::Big5),
    ("x-x-big5", Enc::Big5),
    ("unicodefffe", Enc::Utf16Be),
    ("utf-16be", Enc::Utf16Be),
    ("csunicode", Enc::Utf16Le),
    ("iso-10646-ucs-2", Enc::Utf16Le),
    ("ucs-2", Enc::Utf16Le),
    ("unicode", Enc::Utf16Le),
    ("unicodefeff", Enc::Utf16Le),
    ("utf-16", Enc::Utf16Le),
    ("utf-16le", Enc::Utf16Le),
];

/// Maps a charset label ("gb2312", "GBK", "big5-hkscs", "utf-8"…) to one of
/// the encodings this crate reads; `None` for anything else.
pub fn encoding_for_label(label: &str) -> Option<Enc> {
    let label = label.trim();
    LABELS
        .iter()
        .find(|(l, _)| l.eq_ignore_ascii_case(label))
        .map(|&(_, enc)| enc)
}

/// The BOM at the start of `bytes`, if any: (encoding, BOM length).
pub fn bom(bytes: &[u8]) -> Option<(Enc, usize)> {
    match bytes {
        [0xEF, 0xBB, 0xBF, ..] => Some((Enc::Utf8, 3)),
        [0xFF, 0xFE, ..] => Some((Enc::Utf16Le, 2)),
        [0xFE, 0xFF, ..] => Some((Enc::Utf16Be, 2)),
        _ => None,
    }
}

/// Decodes `bytes` (the whole input), detecting the encoding.
pub fn decode_bytes(bytes: &[u8]) -> DecodedText {
    decode_bytes_with_hint(bytes, None)
}

/// As [`decode_bytes`], with a charset declared outside the bytes (e.g. a
/// MIME part header). A BOM or valid UTF-8 still wins over a legacy label.
pub fn decode_bytes_with_hint(bytes: &[u8], hint: Option<Enc>) -> DecodedText {
    if let Some((enc, len)) = bom(bytes) {
        return decode_as(&bytes[len..], enc);
    }
    if let Some(enc) = hint {
        if enc == Enc::Utf16Le || enc == Enc::Utf16Be {
            return decode_as(bytes, enc);
        }
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        return decode_as(bytes, enc);
    }
    // The common case first: valid UTF-8 needs no counting.
    if let Ok(s) = simdutf8::basic::from_utf8(bytes) {
        return finish(s.to_string(), Enc::Utf8);
    }
    let q = utf8_quality(bytes);
    if q.errors == 0 {
        // Valid, or valid up to a character cut off at the very end.
        return decode_as(bytes, Enc::Utf8);
    }
    if q.multibyte >= 10 && q.errors * 50 <= q.multibyte {
        // Almost all UTF-8: a few stray bytes become U+FFFD.
        return decode_as(bytes, Enc::Utf8);
    }
    let declared = match hint {
        Some(enc) if enc.is_legacy() => Some(enc),
        _ => declared_charset(bytes),
    };
    decode_legacy_detected(bytes, declared)
}

/// Decodes with a known encoding (no BOM handling; malformed sequences
/// become U+FFFD, as the WHATWG Encoding Standard's decoders do).
pub fn decode_as(bytes: &[u8], enc: Enc) -> DecodedText {
    let text = match enc {
        Enc::Utf8 => String::from_utf8_lossy(bytes).into_owned(),
        Enc::Utf16Le => utf16(bytes, false),
        Enc::Utf16Be => utf16(bytes, true),
        Enc::Gb18030 | Enc::Big5 => decode_legacy(bytes, enc),
    };
    finish(text, enc)
}

/// Drops a leading U+FEFF (a BOM decoded as text) and names the encoding.
fn finish(mut text: String, enc: Enc) -> DecodedText {
    if text.starts_with('\u{FEFF}') {
        text.remove(0);
    }
    DecodedText {
        text,
        encoding: enc.name(),
    }
}

/// UTF-16 to text as the WHATWG Encoding Standard's UTF-16 decoder does (no
/// BOM handling): an unpaired surrogate becomes U+FFFD, and so does an odd
/// last byte or a lead surrogate cut off by the end (one U+FFFD for both).
fn utf16(bytes: &[u8], big_endian: bool) -> String {
    let mut out = String::with_capacity(bytes.len() / 2 * 3);
    let mut lead: Option<u16> = None;
    for pair in bytes.chunks_exact(2) {
        let unit = if big_endian {
            u16::from_be_bytes([pair[0], pair[1]])
        } else {
            u16::from_le_bytes([pair[0], pair[1]])
        };
        if let Some(high) = lead.take() {
            if (0xDC00..=0xDFFF).contains(&unit) {
                let c = 0x10000 + ((u32::from(high) - 0xD800) << 10) + (u32::from(unit) - 0xDC00);
                out.push(char::from_u32(c).unwrap_or('\u{FFFD}'));
                continue;
            }
            out.push('\u{FFFD}');
        }
        match unit {
            0xD800..=0xDBFF => lead = Some(unit),
            0xDC00..=0xDFFF => out.push('\u{FFFD}'),
            _ => out.push(char::from_u32(u32::from(unit)).unwrap_or('\u{FFFD}')),
        }
    }
    if lead.is_some() || bytes.len() % 2 == 1 {
        out.push('\u{FFFD}');
    }
    out
}

/// A decoder of GB18030 or Big5 bytes for builds without the
/// `legacy-encodings` feature (the page's WebAssembly, where the browser's
/// `TextDecoder` decodes): `(bytes, label)` → the text, with `label` one of
/// "gb18030" and "big5". It must decode as the WHATWG Encoding Standard's
/// decoder of that label with replacement (`fatal: false`) and no BOM
/// handling, as `new TextDecoder(label).decode(bytes)` does; `None` when it
/// cannot decode.
pub type LegacyDecoder = fn(&[u8], &'static str) -> Option<String>;

#[cfg_attr(feature = "legacy-encodings", allow(dead_code))]
static LEGACY_DECODER: OnceLock<LegacyDecoder> = OnceLock::new();

/// Registers the decoder of GB18030 and Big5 bytes used when the crate is
/// built without the `legacy-encodings` feature (with it, encoding_rs
/// decodes and this is never called). Detection stays here either way: the
/// decoder is only asked to decode bytes in an encoding chosen here. Returns
/// false when a decoder was already registered (the first one stays).
pub fn set_legacy_decoder(decoder: LegacyDecoder) -> bool {
    LEGACY_DECODER.set(decoder).is_ok()
}

/// GB18030 or Big5 bytes to text.
#[cfg(feature = "legacy-encodings")]
fn decode_legacy(bytes: &[u8], enc: Enc) -> String {
    let e = if enc == Enc::Big5 {
        encoding_rs::BIG5
    } else {
        encoding_rs::GB18030
    };
    e.decode_without_bom_handling(bytes).0.into_owned()
}

/// GB18030 or Big5 bytes to text, by the registered [`LegacyDecoder`];
/// without one (or when it fails) the bytes are read as UTF-8 with
/// replacement characters, so the input is never refused here.
#[cfg(not(feature = "legacy-encodings"))]
fn decode_legacy(bytes: &[u8], enc: Enc) -> String {
    #[cfg(test)]
    let decoder = Some(LEGACY_DECODER.get_or_init(|| tests::encoding_rs_decoder));
    #[cfg(not(test))]
    let decoder = LEGACY_DECODER.get();
    decoder
        .and_then(|f| f(bytes, enc.name()))
        .unwrap_or_else(|| String::from_utf8_lossy(bytes).into_owned())
}

struct Utf8Quality {
    /// Invalid sequences (not counting one cut off at the very end).
    errors: usize,
    /// Valid multi-byte characters.
    multibyte: usize,
}

/// Counts errors and multi-byte characters, stopping early once the bytes
/// cannot pass as almost-all UTF-8 (`errors * 50 > multibyte` even if all
/// the rest were multi-byte characters), the usual case for GB18030/Big5:
/// what [`decode_bytes_with_hint`] decides from the counts is the same.
fn utf8_quality(bytes: &[u8]) -> Utf8Quality {
    let count_leads = |b: &[u8]| b.iter().filter(|&&x| x >= 0xC0).count();
    let mut q = Utf8Quality {
        errors: 0,
        multibyte: 0,
    };
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                q.multibyte += count_leads(s.as_bytes());
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                q.multibyte += count_leads(&rest[..valid]);
                match e.error_len() {
                    Some(n) => {
                        q.errors += 1;
                        rest = &rest[valid + n..];
                        if q.errors * 50 > q.multibyte + rest.len() / 2 {
                            break;
                        }
                    }
                    None => break,
                }
            }
        }
    }
    q
}

/// UTF-16 without a BOM: NUL bytes (the high byte of ASCII code units) on one
/// side only, and the sample decodes to plausible text.
pub fn utf16_without_bom(bytes: &[u8]) -> Option<Enc> {
    let n = bytes.len().min(8192) & !1;
    let sample = &bytes[..n];
    // No NUL byte in the sample: not UTF-16 (the common case, checked fast).
    if n < 4 || memchr::memchr(0, sample).is_none() {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, &b) in sample.iter().enumerate() {
        if b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    let units = n / 2;
    // CJK code units have a zero low byte 1 time in 256: allow some.
    let enc = if odd * 10 >= units && even * 4 <= odd {
        Enc::Utf16Le
    } else if even * 10 >= units && odd * 4 <= even {
        Enc::Utf16Be
    } else {
        return None;
    };
    let text = utf16(sample, enc == Enc::Utf16Be);
    let (mut total, mut bad) = (0usize, 0usize);
    for c in text.chars() {
        total += 1;
        let u = c as u32;
        let control = (u < 0x20 && !matches!(c, '\t' | '\n' | '\r' | '\u{c}')) || u == 0x7F;
        if control || c == '\u{FFFD}' || (0xE000..=0xF8FF).contains(&u) {
            bad += 1;
        }
    }
    // One replacement may come from a surrogate pair cut by the sample end.
    if total == 0 || bad.saturating_sub(1) * 50 > total {
        return None;
    }
    Some(enc)
}

/// A GB or Big5 charset declared in the first 4 KB: `<meta charset=…>`,
/// `<meta http-equiv … content="…; charset=…">`, `<?xml … encoding="…"?>`.
pub fn declared_charset(bytes: &[u8]) -> Option<Enc> {
    let head = bytes[..bytes.len().min(4096)].to_ascii_lowercase();
    let mut keys: Vec<&[u8]> = vec![b"charset"];
    if find(&head, b"<?xml").is_some() {
        keys.push(b"encoding");
    }
    for key in keys {
        let mut from = 0;
        while let Some(i) = find(&head[from..], key) {
            let at = from + i + key.len();
            from = at;
            if let Some(label) = label_after(&head, at) {
                if let Some(enc) = encoding_for_label(&label) {
                    if enc.is_legacy() {
                        return Some(enc);
                    }
                    // A declared UTF-8/16 that the bytes contradict: ignore.
                    return None;
                }
            }
        }
    }
    None
}

/// `= "label"` (spaces and quotes optional) starting at `at`.
fn label_after(head: &[u8], mut at: usize) -> Option<String> {
    while at < head.len() && head[at] == b' ' {
        at += 1;
    }
    if head.get(at) != Some(&b'=') {
        return None;
    }
    at += 1;
    while at < head.len() && matches!(head[at], b' ' | b'"' | b'\'') {
        at += 1;
    }
    let start = at;
    while at < head.len()
        && (head[at].is_ascii_alphanumeric() || matches!(head[at], b'-' | b'_' | b'.' | b':'))
    {
        at += 1;
    }
    if at == start {
        return None;
    }
    Some(String::from_utf8_lossy(&head[start..at]).into_owned())
}

pub(crate) fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() {
        return None;
    }
    memchr::memmem::find(hay, needle)
}

/// GB18030 or Big5 (see [`choose_legacy`]), decoded.
fn decode_legacy_detected(bytes: &[u8], declared: Option<Enc>) -> DecodedText {
    let (enc, sample) = choose_legacy(bytes, declared);
    if sample_prefix(bytes).len() == bytes.len() {
        // The sample is the whole input: it is decoded already.
        return finish(sample, enc);
    }
    decode_as(bytes, enc)
}

/// GB18030 or Big5: the declared one unless the other is far more plausible,
/// else the more plausible one (ties go to GB18030). Returns the choice and
/// the sample (see [`sample_prefix`]) decoded with it.
fn choose_legacy(bytes: &[u8], declared: Option<Enc>) -> (Enc, String) {
    let sample = sample_prefix(bytes);
    let gb = decode_legacy(sample, Enc::Gb18030);
    let b5 = decode_legacy(sample, Enc::Big5);
    match pick_legacy(plausibility(&gb), plausibility(&b5), declared) {
        Enc::Big5 => (Enc::Big5, b5),
        enc => (enc, gb),
    }
}

/// [`choose_legacy`] from the plausibility of the sample read as GB18030
/// (`sg`) and as Big5 (`sb`).
fn pick_legacy(sg: i64, sb: i64, declared: Option<Enc>) -> Enc {
    match declared {
        Some(d) => {
            let (own, other, alt) = if d == Enc::Big5 {
                (sb, sg, Enc::Gb18030)
            } else {
                (sg, sb, Enc::Big5)
            };
            if other > own.max(0) * 2 + 50 {
                alt
            } else {
                d
            }
        }
        None => {
            if sb > sg {
                Enc::Big5
            } else {
                Enc::Gb18030
            }
        }
    }
}

/// The first [`SAMPLE`] bytes, cut after a newline so that no double-byte
/// character is split (a newline is never a trail byte).
fn sample_prefix(bytes: &[u8]) -> &[u8] {
    if bytes.len() <= SAMPLE {
        return bytes;
    }
    let head = &bytes[..SAMPLE];
    match head.iter().rposition(|&b| b == b'\n') {
        Some(p) if p > SAMPLE / 2 => &head[..=p],
        _ => head,
    }
}

/// Very common Chinese characters in simplified and traditional form; right
/// decodings hit them constantly, wrong ones (GBK bytes read as Big5 or the
/// reverse) rarely.
const COMMON: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞息申请告诉讼复政务网站平台依据条例规范性文件数量单位情况工作总体主动收到处理结果办理答复不予予以公开信息年度报告县区乡镇街道办事处人民政府办公室";

const COMMON_TRADITIONAL: &str = "這為個國們於對會發動過說產種後進著經電裡現實兩體機當點從業應開還義與間樣關數麼質氣變條沒結問軍總題黨員頭資邊級圖統較將組見計別論運農幾區強決幹戰則據處隊給門規熱領導壓爭濟階術極聯認權證轉單風帶場車務萬達積議聲報鬥類離華確張馬節話溫傳許廣記須際驗連斷難礦圍備辦習響約勞團歷構稱準號維劃選標寫親廠識屬圓調滿縣參紅細聽該鐵價嚴龍飛請訴訟復務網臺據條範件數量單位情況總動處結辦答復開資訊年度報告縣區鄉鎮街道辦事處人民政府辦公室";

/// A plausibility score for Chinese text: common characters ([`COMMON`],
/// [`COMMON_TRADITIONAL`]) count for, replacement characters, private-use
/// characters and the kana, Greek, Cyrillic and box-drawing characters that
/// wrong decodings produce against.
pub fn plausibility(text: &str) -> i64 {
    let scores = bmp_scores();
    text.chars().map(|c| scores.get(c as usize).map_or(0, |&s| i64::from(s))).sum()
}

/// The score of each char of the Basic Multilingual Plane in
/// [`plausibility`] (chars beyond it score 0): one lookup per char.
fn bmp_scores() -> &'static [i8] {
    static SCORES: OnceLock<Vec<i8>> = OnceLock::new();
    SCORES.get_or_init(|| {
        let mut scores = vec![0i8; 0x10000];
        // Written from the weakest rule to the strongest: a later one wins.
        let against = [0x3040..=0x30FF, 0x0370..=0x052F, 0x2500..=0x257F, 0x3100..=0x312F, 0xAC00..=0xD7AF, 0xFF61..=0xFF9F];
        for range in against {
            scores[range].fill(-2);
        }
        scores[0xE000..=0xF8FF].fill(-5);
        for c in COMMON.chars().chain(COMMON_TRADITIONAL.chars()) {
            scores[c as usize] = 3;
        }
        scores[0xFFFD] = -20;
        scores
    })
}

/// CRLF and lone CR become LF.
pub fn normalize_newlines(text: String) -> String {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    // CR and LF are ASCII: the text between them is copied whole.
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for cr in memchr::memchr_iter(b'\r', b) {
        out.push_str(&text[last..cr]);
        out.push('\n');
        last = if b.get(cr + 1) == Some(&b'\n') { cr + 2 } else { cr + 1 };
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{BIG5, GBK};

    /// The decoder unit tests register when the crate is built without the
    /// `legacy-encodings` feature (encoding_rs is a dev-dependency).
    #[allow(dead_code)]
    pub(super) fn encoding_rs_decoder(bytes: &[u8], label: &'static str) -> Option<String> {
        let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
        Some(enc.decode_without_bom_handling(bytes).0.into_owned())
    }

    const SIMPLIFIED: &str = "2019年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，主动公开政府信息1234条，收到政府信息公开申请56件，均已按时办理答复。本年度报告由县人民政府办公室编制。";
    const TRADITIONAL: &str = "2017年，我市堅持把政務公開作為加強政府誠信建設的有力抓手，認真貫徹落實國家關於政務公開的各項決策部署。本年度報告按照《中華人民共和國政府信息公開條例》的要求編制，全年收到政府信息公開申請十二件。";

    fn gbk(s: &str) -> Vec<u8> {
        let (b, _, unmappable) = GBK.encode(s);
        assert!(!unmappable);
        b.into_owned()
    }

    fn big5(s: &str) -> Vec<u8> {
        let (b, _, unmappable) = BIG5.encode(s);
        assert!(!unmappable);
        b.into_owned()
    }

    #[test]
    fn utf8_plain_and_bom() {
        let d = decode_bytes(SIMPLIFIED.as_bytes());
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text, SIMPLIFIED);
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("报告".as_bytes());
        let d = decode_bytes(&b);
        assert_eq!((d.text.as_str(), d.encoding), ("报告", "utf-8"));
    }

    #[test]
    fn utf16_with_bom() {
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "年度报告 2019".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode_bytes(&le);
        assert_eq!((d.text.as_str(), d.encoding), ("年度报告 2019", "utf-16le"));
        let d = decode_bytes(&be);
        assert_eq!((d.text.as_str(), d.encoding), ("年度报告 2019", "utf-16be"));
    }

    #[test]
    fn utf16_without_bom_ascii_heavy() {
        let s = "2019年 政府信息公开 申请 12 件\n受理 3 件\n";
        let le: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let d = decode_bytes(&le);
        assert_eq!((d.text.as_str(), d.encoding), (s, "utf-16le"));
        let be: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        assert_eq!(decode_bytes(&be).encoding, "utf-16be");
    }

    #[test]
    fn truncated_utf8_is_still_utf8() {
        let b = "政府信息公开".as_bytes();
        let cut = &b[..b.len() - 1];
        let d = decode_bytes(cut);
        assert_eq!(d.encoding, "utf-8");
        assert!(d.text.starts_with("政府信息公"));
    }

    #[test]
    fn mostly_utf8_with_a_stray_byte() {
        let mut b = SIMPLIFIED.repeat(3).into_bytes();
        b.insert(2, 0xFF);
        let d = decode_bytes(&b);
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(d.text.matches('\u{FFFD}').count(), 1);
    }

    #[test]
    fn gbk_detected() {
        let d = decode_bytes(&gbk(SIMPLIFIED));
        assert_eq!((d.text.as_str(), d.encoding), (SIMPLIFIED, "gb18030"));
    }

    #[test]
    fn big5_detected() {
        let d = decode_bytes(&big5(TRADITIONAL));
        assert_eq!((d.text.as_str(), d.encoding), (TRADITIONAL, "big5"));
    }

    #[test]
    fn short_inputs() {
        for s in ["政府信息公开工作年度报告", "申请件数"] {
            assert_eq!(decode_bytes(&gbk(s)).encoding, "gb18030", "{s}");
        }
        for s in ["政府信息公開工作年度報告", "申請件數"] {
            assert_eq!(decode_bytes(&big5(s)).encoding, "big5", "{s}");
        }
    }

    #[test]
    fn meta_charset_honoured() {
        // Text that on its own would be ambiguous: the declaration decides.
        let mut b = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>".to_vec();
        b.extend(gbk(SIMPLIFIED));
        let d = decode_bytes(&b);
        assert_eq!(d.encoding, "gb18030");
        assert!(d.text.contains(SIMPLIFIED));

        let mut b = b"<meta charset='big5'>".to_vec();
        b.extend(big5(TRADITIONAL));
        assert_eq!(decode_bytes(&b).encoding, "big5");

        let mut b = b"<?xml version=\"1.0\" encoding=\"GBK\"?><html><body>".to_vec();
        b.extend(gbk("年度报告"));
        assert_eq!(decode_bytes(&b).encoding, "gb18030");
    }

    #[test]
    fn wrong_declaration_overridden_when_far_less_plausible() {
        let mut b = b"<meta charset=\"big5\">".to_vec();
        b.extend(gbk(&SIMPLIFIED.repeat(3)));
        assert_eq!(decode_bytes(&b).encoding, "gb18030");
    }

    #[test]
    fn declared_utf8_but_gbk_bytes() {
        let mut b = b"<meta charset=\"utf-8\">".to_vec();
        b.extend(gbk(SIMPLIFIED));
        assert_eq!(decode_bytes(&b).encoding, "gb18030");
    }

    #[test]
    fn hint_from_outside() {
        let d = decode_bytes_with_hint(&big5("政府資訊"), Some(Enc::Big5));
        assert_eq!((d.text.as_str(), d.encoding), ("政府資訊", "big5"));
        // Valid UTF-8 wins over a legacy label.
        let d = decode_bytes_with_hint("政府信息".as_bytes(), Some(Enc::Gb18030));
        assert_eq!(d.encoding, "utf-8");
    }

    #[test]
    fn labels() {
        assert_eq!(encoding_for_label("GB2312"), Some(Enc::Gb18030));
        assert_eq!(encoding_for_label("x-gbk"), Some(Enc::Gb18030));
        assert_eq!(encoding_for_label("big5-hkscs"), Some(Enc::Big5));
        assert_eq!(encoding_for_label("windows-1252"), None);
    }

    #[test]
    fn newlines() {
        assert_eq!(
            normalize_newlines("a\r\nb\rc\n\r\n".to_string()),
            "a\nb\nc\n\n"
        );
    }

    #[test]
    fn guess_on_large_input_uses_sample() {
        let big = gbk(&format!("{SIMPLIFIED}\n").repeat(2000));
        assert!(big.len() > SAMPLE);
        assert_eq!(choose_legacy(&big, None).0.name(), "gb18030");
    }

    /// The label table agrees with encoding_rs (the WHATWG labels): the same
    /// encoding for every label read, none for the others.
    #[test]
    fn labels_agree_with_encoding_rs() {
        let ours = |l: &str| encoding_for_label(l).map(Enc::name);
        let theirs = |l: &str| {
            let e = encoding_rs::Encoding::for_label(l.trim().as_bytes())?;
            if e == GBK || e == encoding_rs::GB18030 {
                Some("gb18030")
            } else if e == BIG5 {
                Some("big5")
            } else if e == encoding_rs::UTF_8 {
                Some("utf-8")
            } else if e == encoding_rs::UTF_16LE {
                Some("utf-16le")
            } else if e == encoding_rs::UTF_16BE {
                Some("utf-16be")
            } else {
                None
            }
        };
        let others = [
            "", "windows-1252", "latin1", "iso-8859-1", "shift_jis", "euc-kr", "euc-jp",
            "iso-2022-jp", "iso-2022-kr", "hz-gb-2312", "utf-7", "utf-32", "x-user-defined",
            "gb", "big", "utf", "gb2312 ", "\tUTF-8\n", "GB_2312-80", "X-X-BIG5", "UnicodeFFFE",
        ];
        for l in LABELS.iter().map(|(l, _)| *l).chain(others) {
            assert_eq!(ours(l), theirs(l), "{l:?}");
            let upper = l.to_ascii_uppercase();
            assert_eq!(ours(&upper), theirs(&upper), "{upper:?}");
        }
        assert_eq!(LABELS.len(), 30);
    }

    /// The score table gives each char the score of the rules it stands
    /// for (in their order: the first that applies).
    #[test]
    fn plausibility_scores_follow_the_rules() {
        let mut common: Vec<char> = COMMON.chars().chain(COMMON_TRADITIONAL.chars()).collect();
        common.sort_unstable();
        let rule = |c: char| -> i64 {
            let u = c as u32;
            if u < 0x80 {
                0
            } else if c == '\u{FFFD}' {
                -20
            } else if common.binary_search(&c).is_ok() {
                3
            } else if (0xE000..=0xF8FF).contains(&u) {
                -5
            } else if (0x3040..=0x30FF).contains(&u)
                || (0x0370..=0x052F).contains(&u)
                || (0x2500..=0x257F).contains(&u)
                || (0x3100..=0x312F).contains(&u)
                || (0xAC00..=0xD7AF).contains(&u)
                || (0xFF61..=0xFF9F).contains(&u)
            {
                -2
            } else {
                0
            }
        };
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(plausibility(c.encode_utf8(&mut [0; 4])), rule(c), "{c:?}");
        }
    }

    /// A small deterministic PRNG (xorshift) for the differential tests.
    fn bytes_from(seed: u64, len: usize, alphabet: &[u8]) -> Vec<u8> {
        let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                alphabet[(x % alphabet.len() as u64) as usize]
            })
            .collect()
    }

    /// UTF-8 with replacement and UTF-16 are decoded here in both builds:
    /// exactly as encoding_rs decodes them, malformed input included.
    #[test]
    fn utf8_and_utf16_decode_as_encoding_rs_does() {
        let all: Vec<u8> = (0..=255).collect();
        // Bytes that make surrogates, truncated sequences and overlongs likely.
        let tricky = [
            0x00, 0x41, 0x80, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF,
            0xD8, 0xDB, 0xDC,
        ];
        for seed in 0..3000u64 {
            let alphabet: &[u8] = if seed % 2 == 0 { &all } else { &tricky };
            let b = bytes_from(seed, (seed % 41) as usize, alphabet);
            for (enc, theirs) in [
                (Enc::Utf8, encoding_rs::UTF_8),
                (Enc::Utf16Le, encoding_rs::UTF_16LE),
                (Enc::Utf16Be, encoding_rs::UTF_16BE),
            ] {
                let mut want = theirs.decode_without_bom_handling(&b).0.into_owned();
                if want.starts_with('\u{FEFF}') {
                    want.remove(0);
                }
                assert_eq!(decode_as(&b, enc).text, want, "{enc:?} {b:02X?}");
            }
            let theirs = encoding_rs::Encoding::for_bom(&b)
                .map(|(e, n)| (e.name().to_ascii_lowercase(), n));
            let ours = bom(&b).map(|(e, n)| (e.name().to_string(), n));
            assert_eq!(ours, theirs, "{b:02X?}");
        }
    }

    /// Inputs within the sample are decoded once per legacy encoding; larger
    /// ones are decoded again whole: the same text either way.
    #[test]
    fn sample_reuse_gives_the_whole_decoding() {
        for n in [1, 100, 2000] {
            let b = gbk(&format!("{SIMPLIFIED}\n").repeat(n));
            let want = GBK.decode_without_bom_handling(&b).0.into_owned();
            assert_eq!(decode_bytes(&b).text, want, "{n}");
        }
        let text = format!("{TRADITIONAL}\n").repeat(1000);
        let b = big5(&text);
        assert!(b.len() > SAMPLE);
        let d = decode_bytes(&b);
        assert_eq!((d.encoding, d.text == text), ("big5", true));
    }
}
