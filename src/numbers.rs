//! Numbers as reports write them: `1,234`, `3119`, `5.5万`, `1.7万余`, `近500`,
//! `三次`, `一千二百`, `0.00`, `+461`, `增加5`.
//!
//! Parsing works on normalised text (half-width digits) and reports the byte
//! range it consumed, so callers can check what follows (the unit).

/// A parsed number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    /// Written with 余/多/近/约/左右/逾/超过…
    pub approx: bool,
    /// Written with a decimal point (keeps `0.00` and `96171.6` decimal).
    pub decimal: bool,
    /// Byte range of the number (with its prefixes and suffixes) in the input.
    pub start: usize,
    pub end: usize,
}

impl Num {
    /// The value as an integer when it is one.
    pub fn as_int(&self) -> Option<i64> {
        if self.value.fract() == 0.0 && self.value.abs() < 9.0e15 {
            Some(self.value as i64)
        } else {
            None
        }
    }
}

/// Words before a number that make it approximate (`近3万`, `约200`).
pub const APPROX_PREFIXES: &[&str] = &["将近", "接近", "大约", "超过", "近", "约", "逾", "超"];
const APPROX_SUFFIXES: &[&str] = &["左右", "余", "多"];

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cn_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        _ => return None,
    })
}

/// Parses Chinese numerals at the start of `s` (`三`, `十二`, `一千二百`,
/// `两万`). Returns the value and the bytes consumed.
fn parse_chinese(s: &str) -> Option<(f64, usize)> {
    let mut total: u64 = 0; // completed 万/亿 groups
    let mut section: u64 = 0; // below 万
    let mut digit: Option<u64> = None;
    let mut used = 0;
    let mut any = false;
    for (i, c) in s.char_indices() {
        if let Some(d) = cn_digit(c) {
            if digit.is_some() {
                // 二三 is not a number we read (except via units).
                break;
            }
            digit = Some(d as u64);
        } else if let Some(u) = cn_unit(c) {
            let d = digit.take().unwrap_or(if section == 0 && u == 10 { 1 } else { 0 });
            if d == 0 && u != 10 {
                break;
            }
            section += d * u;
        } else if c == '万' || c == '亿' {
            if !any {
                break;
            }
            let m = if c == '万' { 10_000 } else { 100_000_000 };
            section += digit.take().unwrap_or(0);
            total = (total + section).saturating_mul(m);
            section = 0;
        } else {
            break;
        }
        any = true;
        used = i + c.len_utf8();
    }
    if !any {
        return None;
    }
    section += digit.unwrap_or(0);
    Some(((total + section) as f64, used))
}

/// Parses Arabic digits at the start of `s`: `12`, `1,234`, `0.00`, `5.5`.
fn parse_arabic(s: &str) -> Option<(f64, bool, usize)> {
    let b = s.as_bytes();
    let int_end = b.iter().position(|c| !c.is_ascii_digit()).unwrap_or(b.len());
    if int_end == 0 {
        return None;
    }
    let mut i = int_end;
    // Thousands separators: exactly three digits after each comma.
    let mut groups = 0;
    while b.len() >= i + 4
        && b[i] == b','
        && b[i + 1..i + 4].iter().all(u8::is_ascii_digit)
        && !(b.len() > i + 4 && b[i + 4].is_ascii_digit())
    {
        groups += 1;
        i += 4;
    }
    let mut decimal = false;
    let frac_start = i + 1;
    if i + 1 < b.len() && b[i] == b'.' && b[i + 1].is_ascii_digit() {
        decimal = true;
        i += 1;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
    }
    // The common case, a plain integer of up to 15 digits, is exact in an
    // f64 and needs no text; anything else goes through `str::parse`.
    if !decimal && groups == 0 && int_end <= 15 {
        return Some((digits_value(&b[..int_end]), false, i));
    }
    let mut digits = String::with_capacity(i);
    digits.push_str(&s[..int_end]);
    for g in 0..groups {
        let at = int_end + 4 * g + 1;
        digits.push_str(&s[at..at + 3]);
    }
    if decimal {
        digits.push('.');
        digits.push_str(&s[frac_start..i]);
    }
    digits.parse::<f64>().ok().map(|v| (v, decimal, i))
}

/// The value of ASCII digits (at most 15: exact in an `f64`).
fn digits_value(digits: &[u8]) -> f64 {
    digits.iter().fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0')) as f64
}

/// `s` when it is a plain count (`0`, `37`: ASCII digits only, at most 13 of
/// them), read without the prefix and suffix tests of [`parse_at`], which
/// gives the same for it (up to 13 digits its rounding changes nothing).
pub fn parse_count(s: &str) -> Option<Num> {
    let b = s.as_bytes();
    if b.is_empty() || b.len() > 13 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(Num { value: digits_value(b), approx: false, decimal: false, start: 0, end: b.len() })
}

/// Parses a number starting exactly at byte `pos` of `s`, with approximate
/// prefixes (近/约/逾…), 万/亿 multipliers and approximate suffixes (余/多/左右).
/// Chinese numerals are read only when `allow_chinese`.
pub fn parse_at(s: &str, pos: usize, allow_chinese: bool) -> Option<Num> {
    let rest = s.get(pos..)?;
    // The prefixes and the Chinese numerals are Han chars: at an ASCII char
    // other than a digit (`(一)`, `第`… are not) no number starts.
    if rest.as_bytes().first().is_some_and(|b| b.is_ascii() && !b.is_ascii_digit()) {
        return None;
    }
    let mut off = 0;
    let mut approx = false;
    for p in APPROX_PREFIXES {
        if rest.starts_with(p) {
            off = p.len();
            approx = true;
            break;
        }
    }
    let body = &rest[off..];
    let (mut value, decimal, used) = if let Some((v, d, u)) = parse_arabic(body) {
        (v, d, u)
    } else if allow_chinese {
        let (v, u) = parse_chinese(body)?;
        (v, false, u)
    } else {
        return None;
    };
    let mut end = off + used;
    let tail = &rest[end..];
    // 余 may come before or after 万 (1.7万余, 3万余); 多 likewise.
    let mut tail_off = 0;
    for suf in ["余万", "多万"] {
        if tail.starts_with(suf) {
            approx = true;
            value *= 10_000.0;
            tail_off = suf.len();
        }
    }
    if tail_off == 0 {
        if tail.starts_with('万') && !tail.starts_with("万元") {
            value *= 10_000.0;
            tail_off = '万'.len_utf8();
        } else if tail.starts_with('亿') && !tail.starts_with("亿元") {
            value *= 100_000_000.0;
            tail_off = '亿'.len_utf8();
        }
    }
    end += tail_off;
    let tail = &rest[end..];
    for suf in APPROX_SUFFIXES {
        if tail.starts_with(suf) {
            approx = true;
            end += suf.len();
            break;
        }
    }
    // Rounding noise from 1.7 × 10000.
    if !decimal || tail_off > 0 {
        let r = (value * 100.0).round() / 100.0;
        value = r;
    }
    // Still a decimal unless 万/亿 made it whole (1.7万 → 17000).
    let decimal = decimal && (value.fract() != 0.0 || tail_off == 0);
    Some(Num { value, approx, decimal, start: pos, end: pos + end })
}

/// Reads a signed change as a table cell writes it: `+461`, `-3`, `增加5`,
/// `减少2`, `0`.
pub fn parse_signed(s: &str) -> Option<Num> {
    let t = s.trim();
    let (sign, body, skip) = if let Some(r) = t.strip_prefix('+') {
        (1.0, r, 1)
    } else if let Some(r) = t.strip_prefix('-') {
        (-1.0, r, 1)
    } else if let Some(r) = t.strip_prefix("增加") {
        (1.0, r, "增加".len())
    } else if let Some(r) = t.strip_prefix("减少") {
        (-1.0, r, "减少".len())
    } else if let Some(r) = t.strip_prefix('增') {
        (1.0, r, '增'.len_utf8())
    } else if let Some(r) = t.strip_prefix('减') {
        (-1.0, r, '减'.len_utf8())
    } else {
        (1.0, t, 0)
    };
    let n = parse_at(body, 0, false)?;
    Some(Num { value: sign * n.value, start: 0, end: skip + n.end, ..n })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> (f64, bool) {
        let n = parse_at(s, 0, true).unwrap();
        (n.value, n.approx)
    }

    #[test]
    fn arabic() {
        assert_eq!(v("3119件"), (3119.0, false));
        assert_eq!(v("1,234条"), (1234.0, false));
        assert_eq!(v("12,345,678"), (12345678.0, false));
        assert_eq!(v("81,其中"), (81.0, false));
        assert_eq!(v("0.00"), (0.0, false));
        assert_eq!(v("96171.6万元"), (96171.6, false));
        assert!(parse_at("0.00", 0, true).unwrap().decimal);
    }

    /// The allocation-free reader gives what parsing the consumed digits
    /// (without thousands commas) as text gives.
    #[test]
    fn arabic_matches_text_parse() {
        for s in [
            "0", "7", "0001", "123456789012345", "1234567890123456", "99999999999999999999", "1,234",
            "1,234,567", "12,34", "1,2345", "1,234.5", "0.00", "5.", "5.5万", "3119件", "81,其中",
            "12345678901234567890.25",
        ] {
            let (v, decimal, used) = parse_arabic(s).unwrap();
            let text: String = s[..used].chars().filter(|c| *c != ',').collect();
            assert_eq!((v, decimal), (text.parse::<f64>().unwrap(), text.contains('.')), "{s}");
        }
        assert_eq!(parse_arabic("1,234,567").map(|r| r.2), Some(9));
        assert_eq!(parse_arabic("12,34").map(|r| r.2), Some(2));
        assert!(parse_arabic("件").is_none() && parse_arabic("").is_none());
    }

    #[test]
    fn plain_counts_read_as_parse_at_reads_them() {
        for s in ["0", "37", "0012", "9999999999999"] {
            assert_eq!(parse_count(s), parse_at(s, 0, false), "{s}");
        }
        for s in ["", "99999999999999", "3件", "1,234", "0.5", " 3"] {
            assert!(parse_count(s).is_none(), "{s}");
        }
    }

    #[test]
    fn multipliers_and_approx() {
        assert_eq!(v("5.5万条"), (55000.0, false));
        assert_eq!(v("1.7万余条"), (17000.0, true));
        assert_eq!(v("3万余条"), (30000.0, true));
        assert_eq!(v("近500人"), (500.0, true));
        assert_eq!(v("10余条"), (10.0, true));
        assert_eq!(v("1000多人"), (1000.0, true));
        assert_eq!(v("约20次"), (20.0, true));
        assert_eq!(v("200左右"), (200.0, true));
        // 万元 is a unit, not a multiplier.
        let n = parse_at("10万元", 0, true).unwrap();
        assert_eq!((n.value, n.end), (10.0, 2));
    }

    #[test]
    fn chinese_numerals() {
        assert_eq!(v("三次"), (3.0, false));
        assert_eq!(v("两次"), (2.0, false));
        assert_eq!(v("十二场"), (12.0, false));
        assert_eq!(v("一千二百人"), (1200.0, false));
        assert_eq!(v("二十三"), (23.0, false));
        assert!(parse_at("三次", 0, false).is_none());
        assert!(parse_at("次", 0, true).is_none());
    }

    #[test]
    fn signed_changes() {
        assert_eq!(parse_signed("+461").unwrap().value, 461.0);
        assert_eq!(parse_signed("-3").unwrap().value, -3.0);
        assert_eq!(parse_signed("增加5").unwrap().value, 5.0);
        assert_eq!(parse_signed("减少2").unwrap().value, -2.0);
        assert_eq!(parse_signed("0").unwrap().value, 0.0);
        assert!(parse_signed("/").is_none());
    }
}
