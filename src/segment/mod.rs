//! Segmentation: lines, cells, sentences and the outline of a normalised text.
//!
//! A line with tabs (HTML rows) or pipes (markdown) is a table row whose
//! cells are split here; every other line is one cell. Sentences end at 。；
//! ！？ and line ends; the narrative reader works sentence by sentence.

use crate::normalise::Normalised;
use crate::report::Heading;

/// A byte range of the normalised text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// One line of the normalised text.
#[derive(Debug, Clone)]
pub struct Line {
    pub span: Span,
    /// Cells: one per tab/pipe-separated part, or the whole line.
    pub cells: Vec<Span>,
    /// Split on tabs or pipes (an explicit table row).
    pub explicit_row: bool,
}

pub struct Document<'a> {
    pub norm: &'a Normalised,
    pub text: &'a str,
    pub lines: Vec<Line>,
}

/// `text[s..e]` without the white space `str::trim` removes, as a span (an
/// all-space range becomes empty at its end).
///
/// Most lines and cells start and end with a char that is not white space,
/// which its first or last byte tells (the std trims decode a char at each
/// end and look it up in the Unicode table).
#[inline]
fn trim_span(text: &str, s: usize, e: usize) -> Span {
    let b = &text.as_bytes()[s..e];
    let trimmed = match *b {
        [] => true,
        // The last byte of `。` (E3 80 82) is also that of U+2002: such a
        // last byte is looked at with the bytes before it.
        [f, .., l] | [f @ l] => !SPACE_FIRST[f as usize] && (!SPACE_LAST[l as usize] || space_at_end(b).is_none()),
    };
    if trimmed {
        return Span { start: s, end: e };
    }
    trim_span_bytes(text.as_bytes(), s, e)
}

/// Bytes that may start a white space char (see `space_at_start`).
static SPACE_FIRST: [bool; 256] = byte_set(&[b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0xC2, 0xE1, 0xE2, 0xE3]);
/// Bytes that may end a white space char (see `space_at_start`).
static SPACE_LAST: [bool; 256] = byte_set(&[
    b'\t', b'\n', 0x0B, 0x0C, b'\r', b' ', 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8A, 0x9F, 0xA0, 0xA8, 0xA9, 0xAF,
]);

/// A byte → member table of `bytes`.
const fn byte_set(bytes: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < bytes.len() {
        t[bytes[i] as usize] = true;
        i += 1;
    }
    t
}

/// `trim_span` char by char from both ends (`text` is valid UTF-8).
#[cold]
fn trim_span_bytes(b: &[u8], mut s: usize, mut e: usize) -> Span {
    while let Some(n) = space_at_start(&b[s..e]) {
        s += n;
    }
    while let Some(n) = space_at_end(&b[s..e]) {
        e -= n;
    }
    Span { start: s, end: e }
}

/// The byte length of the `char::is_whitespace` char `b` (UTF-8) starts
/// with, if it starts with one: ASCII `\t`..`\r` and space, U+0085,
/// U+00A0, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F or
/// U+3000, matched as their UTF-8 bytes.
pub(crate) fn space_at_start(b: &[u8]) -> Option<usize> {
    match b {
        [b'\t'..=b'\r' | b' ', ..] => Some(1),
        [0xC2, 0x85 | 0xA0, ..] => Some(2),
        [0xE1, 0x9A, 0x80, ..]
        | [0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..]
        | [0xE2, 0x81, 0x9F, ..]
        | [0xE3, 0x80, 0x80, ..] => Some(3),
        _ => None,
    }
}

/// The byte length of the white space char (as in `space_at_start`) that
/// `b` (valid UTF-8) ends with, if any. A lead byte is never a continuation
/// byte, so the bytes matched are the whole last char.
fn space_at_end(b: &[u8]) -> Option<usize> {
    match b {
        [.., b'\t'..=b'\r' | b' '] => Some(1),
        [.., 0xC2, 0x85 | 0xA0] => Some(2),
        [.., 0xE1, 0x9A, 0x80]
        | [.., 0xE2, 0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF]
        | [.., 0xE2, 0x81, 0x9F]
        | [.., 0xE3, 0x80, 0x80] => Some(3),
        _ => None,
    }
}

/// Splits a markdown pipe row `| a | b |` into cell spans (outer pipes dropped).
fn pipe_cells(text: &str, s: usize, e: usize) -> Vec<Span> {
    let line = &text[s..e];
    let t = line.trim();
    let lead = line.len() - line.trim_start().len();
    let mut inner_s = s + lead;
    let mut inner_e = inner_s + t.len();
    if t.starts_with('|') {
        inner_s += 1;
    }
    if t.ends_with('|') && inner_e > inner_s {
        inner_e -= 1;
    }
    let mut out = Vec::new();
    let mut cs = inner_s;
    // A pipe is ASCII: its byte offsets are char boundaries.
    for i in memchr::memchr_iter(b'|', &text.as_bytes()[inner_s..inner_e]) {
        out.push(trim_span(text, cs, inner_s + i));
        cs = inner_s + i + 1;
    }
    out.push(trim_span(text, cs, inner_e));
    out
}

fn is_pipe_separator(line: &str) -> bool {
    let t = line.trim();
    t.contains('-') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

impl<'a> Document<'a> {
    pub fn new(norm: &'a Normalised) -> Self {
        let text = norm.text.as_str();
        let bytes = text.as_bytes();
        // A guess (lines are rarely shorter on average); the vector grows
        // if need be, which costs less than counting the lines first.
        let mut lines = Vec::with_capacity(bytes.len() / 16 + 1);
        // One pass over the text for line ends and tabs together; the tabs
        // of the line being read wait in `tabs`. The last line runs to the
        // end of the text.
        let mut tabs: Vec<usize> = Vec::new();
        let mut s = 0;
        for e in memchr::memchr2_iter(b'\n', b'\t', bytes).chain(std::iter::once(bytes.len())) {
            if bytes.get(e) == Some(&b'\t') {
                tabs.push(e);
                continue;
            }
            let span = trim_span(text, s, e);
            let trimmed = &bytes[span.start..span.end];
            let pipes = trimmed.first() == Some(&b'|') && trimmed.iter().filter(|&&b| b == b'|').count() >= 2;
            if pipes && is_pipe_separator(&text[span.start..span.end]) {
                // `|---|---|` carries nothing.
            } else if !tabs.is_empty() {
                let mut cells = Vec::with_capacity(tabs.len() + 1);
                let mut cs = s;
                // A tab is ASCII: its byte offsets are char boundaries.
                for &i in &tabs {
                    cells.push(trim_span(text, cs, i));
                    cs = i + 1;
                }
                cells.push(trim_span(text, cs, e));
                lines.push(Line { span, cells, explicit_row: true });
            } else if pipes {
                lines.push(Line { span, cells: pipe_cells(text, s, e), explicit_row: true });
            } else {
                lines.push(Line { span, cells: vec![span], explicit_row: false });
            }
            tabs.clear();
            s = e + 1;
        }
        Document { norm, text, lines }
    }

    pub fn slice(&self, sp: Span) -> &'a str {
        &self.text[sp.start..sp.end]
    }

    /// Sentences (byte spans) of the text: split at 。；！？ and line ends.
    /// Table cells are sentences of their own.
    pub fn sentences(&self) -> Vec<Span> {
        let mut stops = sentence_stops(self.text.as_bytes());
        // At least one sentence per non-empty cell, one more per stop.
        let mut out = Vec::with_capacity(self.lines.iter().map(|l| l.cells.len()).sum::<usize>() + stops.len());
        // A stop past every cell ends the lookups below.
        stops.push((usize::MAX, 0));
        // `stops[k]` is the first stop not before the last cell's end:
        // cells come in text order (should one not, the stops are looked
        // up afresh).
        let mut k = 0;
        let mut last_end = 0;
        for line in &self.lines {
            for cell in &line.cells {
                if cell.start == cell.end {
                    continue;
                }
                if cell.start < last_end {
                    k = stops.partition_point(|s| s.0 < cell.start);
                }
                last_end = cell.end;
                while stops[k].0 < cell.start {
                    k += 1;
                }
                // A stop that starts in a cell ends in it (cells end at
                // char boundaries).
                let mut st = cell.start;
                while stops[k].0 < cell.end {
                    let (at, len) = stops[k];
                    out.push(Span { start: st, end: at + len });
                    st = at + len;
                    k += 1;
                }
                if cell.end > st {
                    out.push(Span { start: st, end: cell.end });
                }
            }
        }
        out
    }
}

/// The sentence stops of `b` (UTF-8), in text order, as (byte offset, byte
/// length): `;`, `!`, `?`, 。(E3 80 82) and ；(EF BC 9B).
///
/// Two vector searches over the whole text (the stops are rare) instead of
/// a walk through every char of every cell.
fn sentence_stops(b: &[u8]) -> Vec<(usize, usize)> {
    let mut stops: Vec<(usize, usize)> = memchr::memchr3_iter(b';', b'!', b'?', b).map(|i| (i, 1)).collect();
    let ascii = stops.len();
    // E3 and EF are lead bytes only: every hit starts a char.
    stops.extend(
        memchr::memchr2_iter(0xE3, 0xEF, b).filter(|&i| b[i..].starts_with("。".as_bytes()) || b[i..].starts_with("；".as_bytes())).map(|i| (i, 3)),
    );
    if ascii > 0 && ascii < stops.len() {
        stops.sort_unstable();
    }
    stops
}

fn is_cn_num(c: char) -> bool {
    matches!(c, '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Recognises a heading at the start of a line: `一、`, `(一)`, `1.`/`1、`.
/// Returns (level, number, title byte length within the line); the number
/// is a slice of `line`.
pub fn heading_at(line: &str) -> Option<(u8, &str, usize)> {
    let first = line.chars().next()?;
    if !(is_cn_num(first) || first == '(' || first.is_ascii_digit()) {
        return None;
    }
    // Byte length of the run of Chinese numerals starting at byte `from`.
    let num_run = |from: usize| -> (usize, usize) {
        let n = line[from..].chars().take_while(|&c| is_cn_num(c)).count();
        (n, n * '一'.len_utf8())
    };
    let next_char = |at: usize| line[at..].chars().next();
    // (level, number, byte offset of the body).
    let (level, number, body_from) = if is_cn_num(first) {
        let (n, nb) = num_run(0);
        if n > 3 || next_char(nb) != Some('、') {
            return None;
        }
        (1u8, &line[..nb], nb + '、'.len_utf8())
    } else if first == '(' {
        let (n, nb) = num_run(1);
        if n == 0 || n > 3 || next_char(1 + nb) != Some(')') {
            return None;
        }
        (2u8, &line[1..1 + nb], nb + 2)
    } else {
        let n = line.bytes().take_while(u8::is_ascii_digit).count();
        let sep = next_char(n);
        if n > 2 || !matches!(sep, Some('.') | Some('、')) {
            return None;
        }
        let body_from = n + sep.map_or(0, char::len_utf8);
        // `1.5万` is a number, not an item.
        if next_char(body_from).is_some_and(|c| c.is_ascii_digit()) {
            return None;
        }
        (3u8, &line[..n], body_from)
    };
    // Only the line's first 200 characters are looked at (a line of at
    // most 200 bytes has no more; longer ones are walked to the 200th).
    let limit = if line.len() <= 200 { line.len() } else { line.char_indices().nth(200).map_or(line.len(), |(i, _)| i) };
    let body = &line[body_from.min(limit)..limit];
    if body.trim().is_empty() {
        return None;
    }
    // The title ends at the first sentence stop, or is the whole short line.
    let stop = title_stop(body);
    let title = &body[..stop];
    if title.chars().count() > 40 || (level == 1 && body.len() > stop + 3 && body.chars().count() > 60) {
        // A long `一、…` line is prose that happens to start with a number.
        if level == 1 {
            return None;
        }
    }
    Some((level, number, body_from + title.len()))
}

/// The byte offset of the first `。`, `:` or `;` in `body`, else its length
/// (as `body.find(['。', ':', ';'])`, by a vector search for the ASCII stops
/// and the lead byte of `。` instead of decoding every char).
fn title_stop(body: &str) -> usize {
    let b = body.as_bytes();
    memchr::memchr3_iter(b':', b';', 0xE3, b).find(|&i| b[i] != 0xE3 || b[i..].starts_with("。".as_bytes())).unwrap_or(b.len())
}

/// The outline: headings with level and span. Lines listed in `skip` (table
/// rows) are not headings. When the body has no level-1 headings but the
/// introduction lists the sections (全文包括…：一、…；二、…), those are
/// returned without spans.
pub fn outline(doc: &Document, skip: &[bool]) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    for (i, line) in doc.lines.iter().enumerate() {
        if skip.get(i).copied().unwrap_or(false) || line.explicit_row {
            continue;
        }
        let t = doc.slice(line.span);
        if let Some((level, number, len)) = heading_at(t) {
            let title_start = line.span.start;
            let title_end = title_start + len;
            let full = &doc.text[title_start..title_end];
            let title = full
                .trim_start_matches(|c: char| is_cn_num(c) || c == '(' || c == ')' || c == '、' || c == '.' || c.is_ascii_digit())
                .trim()
                .to_string();
            out.push(Heading {
                level,
                number: number.to_string(),
                title,
                span: Some([doc.norm.char_index(title_start), doc.norm.char_index(title_end)]),
                end: None,
            });
        }
    }
    // Section ends: next heading of the same or a higher level.
    let total = doc.norm.char_index(doc.text.len());
    for i in 0..out.len() {
        let lvl = out[i].level;
        let end = out[i + 1..]
            .iter()
            .find(|h| h.level <= lvl)
            .and_then(|h| h.span.map(|s| s[0]))
            .unwrap_or(total);
        out[i].end = Some(end);
    }
    if !out.iter().any(|h| h.level == 1) {
        let listed = listed_sections(doc.text);
        if listed.len() >= 3 {
            let mut merged: Vec<Heading> = listed;
            merged.extend(out);
            return merged;
        }
    }
    out
}

/// Sections listed in an introduction: `全文包括…内容:一、A;二、B;…`.
fn listed_sections(text: &str) -> Vec<Heading> {
    let mut out = Vec::new();
    let Some(pos) = text.find("全文包括") else { return out };
    let rest = &text[pos..];
    let end = rest.find(['。', '\n']).unwrap_or(rest.len());
    let intro = &rest[..end];
    for part in intro.split([';', ',', '；']) {
        // Each part may carry a `一、` marker somewhere in it.
        if let Some(idx) = part.find('、') {
            let (head, title) = part.split_at(idx);
            let num: String = head.chars().rev().take_while(|&c| is_cn_num(c)).collect::<Vec<_>>().into_iter().rev().collect();
            let title = title.trim_start_matches('、').trim();
            if !num.is_empty() && !title.is_empty() && title.chars().count() <= 40 {
                out.push(Heading { level: 1, number: num, title: title.to_string(), span: None, end: None });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::normalise;

    #[test]
    fn cells_from_tabs_and_pipes() {
        let n = normalise("规章\t13\t\t524\n| 一、本年新收 | 3 | 0 |\n|---|---|\n普通一行");
        let d = Document::new(&n);
        let c: Vec<Vec<&str>> = d.lines.iter().map(|l| l.cells.iter().map(|s| d.slice(*s)).collect()).collect();
        assert_eq!(c[0], vec!["规章", "13", "", "524"]);
        assert_eq!(c[1], vec!["一、本年新收", "3", "0"]);
        assert_eq!(c[2], vec!["普通一行"]);
        assert!(d.lines[0].explicit_row && d.lines[1].explicit_row && !d.lines[2].explicit_row);
    }

    /// The byte-level trim removes exactly what `str::trim` does: every
    /// char is told white space or not as `char::is_whitespace` tells it,
    /// at either end, and runs of mixed spaces are all removed.
    #[test]
    fn trim_span_agrees_with_trim() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            let want = c.is_whitespace().then_some(b.len());
            assert!(want.is_none() || (SPACE_FIRST[b[0] as usize] && SPACE_LAST[b[b.len() - 1] as usize]), "{c:?}");
            assert_eq!((space_at_start(b), space_at_end(b)), (want, want), "{c:?}");
        }
        let ends = ["", " ", "\t", "\u{b}", "\u{85}", "\u{a0}", "\u{1680}", "\u{2000}", "\u{2029}", "\u{205f}", "\u{3000}", " \u{3000}\t", "。", "\u{a9}", "\u{1681}", "a", "中"];
        for a in ends {
            for mid in ["", "x", "中文", " 。 "] {
                for b in ends {
                    let t = format!("{a}{mid}{b}");
                    let sp = trim_span(&t, 0, t.len());
                    let want = t.trim();
                    let at = if want.is_empty() { t.len() } else { want.as_ptr() as usize - t.as_ptr() as usize };
                    assert_eq!((sp.start, sp.end), (at, at + want.len()), "{t:?}");
                }
            }
        }
    }

    #[test]
    fn headings() {
        assert_eq!(heading_at("一、概述").map(|h| h.0), Some(1));
        assert_eq!(heading_at("(二)依申请公开情况。2020年,我局没有依申请公开事项。").map(|h| (h.0, h.1)), Some((2, "二")));
        assert_eq!(heading_at("3.其他").map(|h| h.0), Some(3));
        assert_eq!(heading_at("1.5万条"), None);
        assert_eq!(heading_at("一是加强组织领导"), None);
        // The title ends at the first stop; a CJK char sharing 。's lead byte does not end it.
        assert_eq!(heading_at("二、《条例》落实情况:良好").map(|h| h.2), Some("二、《条例》落实情况".len()));
        assert_eq!(heading_at("(三)主动公开;其他").map(|h| h.2), Some("(三)主动公开".len()));
        assert_eq!(heading_at("4.复议。诉讼").map(|h| h.2), Some("4.复议".len()));
    }

    #[test]
    fn outline_with_listed_sections() {
        let n = normalise("全文包括三个方面的内容:一、基本情况;二、主动公开情况;三、存在问题。\n正文");
        let d = Document::new(&n);
        let o = outline(&d, &[]);
        assert_eq!(o.len(), 3);
        assert_eq!(o[1].title, "主动公开情况");
        assert!(o[0].span.is_none());
    }

    #[test]
    fn sentences_split() {
        let n = normalise("甲。乙;丙\n丁");
        let d = Document::new(&n);
        let s: Vec<&str> = d.sentences().iter().map(|s| d.slice(*s)).collect();
        assert_eq!(s, vec!["甲。", "乙;", "丙", "丁"]);
        // Stops in cells, at cell ends, between cells; ；and ! ? kept.
        let n = normalise("a。b\t;c。\t\t!\n| x?y | 。 |\nzw。");
        let d = Document::new(&n);
        let s: Vec<&str> = d.sentences().iter().map(|s| d.slice(*s)).collect();
        assert_eq!(s, vec!["a。", "b", ";", "c。", "!", "x?", "y", "。", "zw。"]);
        // A full-width ；does not survive normalising, but is a stop.
        assert_eq!(sentence_stops("a；b?。".as_bytes()), vec![(1, 3), (5, 1), (6, 3)]);
    }
}
