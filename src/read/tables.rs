//! The one table reader: every template, every layout.
//!
//! Lines become rows first. An explicit row (tab- or pipe-separated cells)
//! is one row. Text where a table lost its grid is rebuilt: one cell per line
//! (a label line, then its value lines), one row per line (`规章 1 0 11`), or
//! a label broken over lines (continuation lines are joined until the values
//! come). Then each row is matched against the templates of
//! `registry::templates` by its label, and its value cells are mapped to the
//! template's field ids.

use super::keyset::KeySet;
use super::Value;
use crate::numbers::{self, Num};
use crate::registry::templates::{self, Blank, Columns, Match, Template};
use crate::registry::{self, FieldDef};
use crate::segment::{heading_at, space_at_start, Document, Span};
use crate::fasthash::{FastMap, FastSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// What a value cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellKind {
    Num(Num),
    /// An empty cell.
    Blank,
    /// `/`, `-`, `—`, `无`: explicitly not stated.
    Dash,
    /// A unit-column cell (`万元`, `人次`).
    Unit,
    /// A yes/no placeholder (`是/否`).
    Bool,
    Text,
}

const UNITS: &[&str] = &["条", "件", "次", "篇", "个", "人", "人次", "万元", "元", "项", "期", "场", "名", "起"];
/// Cells that say "not stated".
const DASHES: &[&str] = &["/", "-", "—", "——", "--", "无", "\\", "／", "-/-", "—/—", "*"];
/// Yes/no placeholders.
const BOOLS: &[&str] = &["是/否", "是", "否", "是否", "有/无"];
/// Words that start a signed change (`增加5`).
const SIGNS: [&str; 2] = ["增加", "减少"];

/// Whether a cell starting with `c` can only be text: a Han char that
/// starts no dash, yes/no, unit, sign or approximate-number word (most
/// labels), so `classify` need not try them one by one.
fn only_text_starts_with(c: char) -> bool {
    static LEADS: OnceLock<Vec<char>> = OnceLock::new();
    let leads = LEADS.get_or_init(|| {
        let words = [DASHES, BOOLS, UNITS, &SIGNS, numbers::APPROX_PREFIXES].concat();
        let mut leads: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
        leads.sort_unstable();
        leads.dedup();
        leads
    });
    matches!(c, '\u{4E00}'..='\u{9FFF}') && leads.binary_search(&c).is_err()
}

/// Classifies a whole cell.
pub fn classify(cell: &str) -> CellKind {
    let t = cell.trim();
    if t.is_empty() {
        return CellKind::Blank;
    }
    // Most cells are a plain count (`0`, `37`): read directly.
    if let Some(n) = numbers::parse_count(t) {
        return CellKind::Num(n);
    }
    if t.chars().next().is_some_and(only_text_starts_with) {
        return CellKind::Text;
    }
    if DASHES.contains(&t) {
        return CellKind::Dash;
    }
    if BOOLS.contains(&t) {
        return CellKind::Bool;
    }
    if UNITS.contains(&t) {
        return CellKind::Unit;
    }
    let signed = t.starts_with(['+', '-']) || t.starts_with(SIGNS[0]) || t.starts_with(SIGNS[1]);
    let n = if signed { numbers::parse_signed(t) } else { numbers::parse_at(t, 0, false) };
    let Some(n) = n else { return CellKind::Text };
    let rest = t[n.end..].trim_start();
    // A date, a percentage or an item number (`1.`) is not a value.
    if rest.starts_with(['年', '月', '日', '%', '.']) {
        return CellKind::Text;
    }
    let ok = rest.is_empty()
        || UNITS.iter().any(|u| {
            rest.strip_prefix(u).is_some_and(|r| r.is_empty() || r.starts_with(['(', ',', '、', '，']))
        })
        || rest.starts_with('(')
        || (rest.starts_with(',') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()));
    if ok {
        CellKind::Num(n)
    } else {
        CellKind::Text
    }
}

#[derive(Debug, Clone)]
struct VCell {
    kind: CellKind,
    span: Span,
}

#[derive(Debug, Clone)]
struct Row<'a> {
    /// Normalised label text with all spaces removed (borrowed from the
    /// document when it is one piece without spaces, the usual case).
    label: Cow<'a, str>,
    label_span: Option<Span>,
    values: Vec<VCell>,
    header: bool,
    /// Header cells (for header rows).
    header_cells: Vec<String>,
    block: usize,
    /// The document lines the row was read from: `first..=last` (lines in
    /// between that are not the row's are empty).
    lines: (usize, usize),
}

impl<'a> Row<'a> {
    /// A row read from line `li` (and maybe the lines after it).
    fn new(block: usize, li: usize) -> Row<'a> {
        Row { label: Cow::Borrowed(""), label_span: None, values: Vec::new(), header: false, header_cells: Vec::new(), block, lines: (li, li) }
    }
    /// The row goes on over line `li`.
    fn add_line(&mut self, li: usize) {
        self.lines.1 = li;
    }
    fn line_range(&self) -> std::ops::RangeInclusive<usize> {
        self.lines.0..=self.lines.1
    }
    fn add_label(&mut self, text: &'a str, sp: Span) {
        self.add_squashed_label(squash(text), sp);
    }
    /// [`Row::add_label`] for text already squashed.
    fn add_squashed_label(&mut self, piece: Cow<'a, str>, sp: Span) {
        if self.label.is_empty() {
            self.label = piece;
        } else {
            self.label.to_mut().push_str(&piece);
        }
        self.label_span = Some(match self.label_span {
            Some(s) => Span { start: s.start, end: sp.end },
            None => sp,
        });
    }
}

/// `s` without white space (borrowed when it has none, the usual case).
fn squash(s: &str) -> Cow<'_, str> {
    if has_space(s) {
        Cow::Owned(s.chars().filter(|c| !c.is_whitespace()).collect())
    } else {
        Cow::Borrowed(s)
    }
}

/// Whether `s` holds a white-space char (`char::is_whitespace`). Only
/// ASCII spaces and chars with the lead bytes C2 (U+0085, U+00A0), E1
/// (U+1680), E2 (U+2000–U+205F) and E3 (U+3000) can be one. A branch-free
/// pass over the bytes (bytes up to the space stand for the ASCII ones)
/// rules most labels out; E3 is looked at apart because it also leads 、
/// and 《》, common in labels. Candidates are confirmed by the segmenter's
/// byte-level white-space test.
fn has_space(s: &str) -> bool {
    let b = s.as_bytes();
    let (mut others, mut e3) = (0u8, 0u8);
    for &x in b {
        others |= u8::from(x <= b' ') | u8::from(x == 0xC2) | u8::from(x.wrapping_sub(0xE1) < 2);
        e3 |= u8::from(x == 0xE3);
    }
    // (A continuation byte starts no white space: any offset may be tried.)
    let space_at = |i: usize| space_at_start(&b[i..]).is_some();
    if others != 0 {
        (0..b.len()).any(space_at)
    } else {
        e3 != 0 && memchr::memchr_iter(0xE3, b).any(space_at)
    }
}

/// Every key and header of every template, indexed once.
struct Vocab {
    headers: FastSet<&'static str>,
    /// Headers of 2+ chars, for splitting a line of run-together headers.
    long_headers: Vec<&'static str>,
    /// The first two chars of every long header (`pair_key`), sorted: a line
    /// that starts otherwise is not run-together headers (most lines).
    long_header_heads: Vec<u64>,
    /// Contains-keys of 3+ chars of every template: a line holding one
    /// starts a row label.
    strong: KeySet<()>,
    /// Per template (by name): its row keys.
    rows: Vec<(&'static Template, RowKeys)>,
    /// The registry's definition of every id the templates fill, by the
    /// address of the template's id string (no hashing of the text), with
    /// its length (same address and length: the very same text).
    fields: FastMap<usize, (usize, Option<&'static FieldDef>)>,
    /// For a template that is not in `templates::all()` (none is).
    no_rows: RowKeys,
    /// Label fragments only the 福建 appendix prints.
    fj: KeySet<()>,
    /// 行政复议 and 行政诉讼 (table 四's context), searched in many labels.
    review: memchr::memmem::Finder<'static>,
    lawsuit: memchr::memmem::Finder<'static>,
    /// Every column key of table 二's rows.
    t2_column_keys: Vec<&'static str>,
    /// 勾稽关系, the header of table 三's check column.
    balance: memchr::memmem::Finder<'static>,
}

impl Vocab {
    /// The definition of a template's field id.
    fn field(&self, id: &'static str) -> Option<&'static FieldDef> {
        match self.fields.get(&(id.as_ptr() as usize)) {
            Some(&(len, def)) if len == id.len() => def,
            _ => registry::field(id),
        }
    }

    /// The row keys of a template (a handful: found by address).
    fn row_keys(&self, t: &Template) -> &RowKeys {
        self.rows.iter().find(|(r, _)| std::ptr::eq(*r, t)).map(|(_, k)| k).unwrap_or(&self.no_rows)
    }
}

/// The row keys of one template: contains-keys in one set, exact keys
/// beside it; payloads are row indices.
struct RowKeys {
    contains: KeySet<usize>,
    exact: Vec<(&'static str, usize)>,
}

fn vocab() -> &'static Vocab {
    static V: OnceLock<Vocab> = OnceLock::new();
    V.get_or_init(|| {
        let mut headers = FastSet::default();
        let mut strong = Vec::new();
        let mut rows = Vec::new();
        for t in templates::all() {
            headers.extend(t.headers.iter().copied());
            let (mut contains, mut exact) = (Vec::new(), Vec::new());
            for (i, r) in t.rows.iter().enumerate() {
                for &k in r.keys {
                    match r.how {
                        Match::Contains => {
                            contains.push((k, i));
                            if k.chars().count() >= 3 {
                                strong.push((k, ()));
                            }
                        }
                        Match::Exact => exact.push((k, i)),
                    }
                }
            }
            rows.push((t, RowKeys { contains: KeySet::new(contains), exact }));
        }
        let ids = templates::all().into_iter().flat_map(|t| t.rows).flat_map(|r| r.ids.iter().flat_map(|ids| ids.iter()).chain(r.by_header.iter().map(|(_, id)| id)));
        let fields = ids.map(|&id| (id.as_ptr() as usize, (id.len(), registry::field(id)))).collect();
        let mut long_headers: Vec<&'static str> = headers.iter().copied().filter(|h| h.chars().count() >= 2).collect();
        long_headers.sort_unstable();
        let mut long_header_heads: Vec<u64> = long_headers.iter().filter_map(|h| first_two_chars(h)).collect();
        long_header_heads.sort_unstable();
        long_header_heads.dedup();
        Vocab {
            headers,
            long_headers,
            long_header_heads,
            strong: KeySet::new(strong),
            rows,
            fields,
            t2_column_keys: {
                let mut keys: Vec<&'static str> = templates::T2.rows.iter().flat_map(|r| r.by_header.iter().map(|(k, _)| *k)).collect();
                keys.sort_unstable();
                keys.dedup();
                keys
            },
            no_rows: RowKeys { contains: KeySet::new([]), exact: Vec::new() },
            fj: KeySet::new(templates::FJ_APPENDIX.distinctive.iter().map(|&d| (d, ()))),
            review: memchr::memmem::Finder::new("行政复议"),
            lawsuit: memchr::memmem::Finder::new("行政诉讼"),
            balance: memchr::memmem::Finder::new("勾稽关系"),
        }
    })
}

/// A cell that names a column (`自然人`, `本年制发件数`, `2018年度`, `历年累计`).
fn is_header_cell(s: &str) -> bool {
    is_header_word(&squash(s))
}

/// [`is_header_cell`] for a cell already squashed.
fn is_header_word(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    // A header, or a header followed by a note in brackets: 本年收费金额(单位:万元).
    let v = vocab();
    if v.headers.contains(&*s) || s.match_indices('(').any(|(p, _)| v.headers.contains(&s[..p])) {
        return true;
    }
    if v.balance.find(s.as_bytes()).is_some() || s == "历年累计" || s == "本年度" {
        return true;
    }
    // 2018年度 / 2018年
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    digits == 4 && matches!(&s[4..], "年度" | "年")
}

/// A line that is several column names run together (PDF text loses the
/// spaces between header cells): `信息内容本年制发件数本年废止件数现行有效件数`.
/// Returns the cells when the whole line segments into header words.
fn header_cells_in_line(s: &str) -> Option<Vec<String>> {
    let v = vocab();
    // The first header starts the line: its first two chars must.
    let head = first_two_chars(s)?;
    v.long_header_heads.binary_search(&head).ok()?;
    let q = squash(s);
    if q.chars().count() > 120 {
        return None;
    }
    let mut out = Vec::new();
    let mut rest: &str = &q;
    while !rest.is_empty() {
        // The headers sharing the first char are a run of the sorted list.
        let first = &rest[..rest.chars().next().map_or(0, char::len_utf8)];
        let run = &v.long_headers[v.long_headers.partition_point(|h| *h < first)..];
        let h = run.iter().take_while(|h| h.starts_with(first)).filter(|h| rest.starts_with(*h)).max_by_key(|h| h.len())?;
        let mut take = h.len();
        // A unit note belongs to its header: 本年收费金额(单位:万元)
        if rest[take..].starts_with('(') {
            if let Some(c) = rest[take..].find(')') {
                take += c + 1;
            }
        }
        out.push(rest[..take].to_string());
        rest = &rest[take..];
    }
    (out.len() >= 2).then_some(out)
}

/// The first two chars of `s` that are not white space, packed into one
/// number (a cheap key to compare), if it has two.
fn first_two_chars(s: &str) -> Option<u64> {
    let mut chars = s.chars().filter(|c| !c.is_whitespace());
    let (a, b) = (chars.next()?, chars.next()?);
    Some(u64::from(a) << 32 | u64::from(b))
}

/// A line of numbers only (`4 0 0 0 0 0 4`): the values of the pending row.
fn numbers_line(s: &str) -> Option<Vec<(usize, usize)>> {
    if !s.contains(' ') {
        return None;
    }
    let mut out = Vec::new();
    let mut pos = 0;
    for tok in s.split(' ') {
        if !tok.is_empty() {
            if !matches!(classify(tok), CellKind::Num(_) | CellKind::Dash) {
                return None;
            }
            out.push((pos, pos + tok.len()));
        }
        pos += tok.len() + 1;
    }
    (out.len() >= 2).then_some(out)
}

/// A line that starts a new row label (an item number or a template key).
fn is_strong_label(s: &str) -> bool {
    if heading_at(s).is_some() || s.starts_with("其中") {
        return true;
    }
    vocab().strong.any_in(&squash(s))
}

/// A line of prose rather than a table cell.
fn is_prose(s: &str) -> bool {
    if s.contains('。') {
        return true;
    }
    // Up to 30 bytes is up to 30 chars: short cells are not counted.
    if s.len() <= 30 {
        return false;
    }
    let n = s.chars().count();
    n > 60 || (n > 30 && s.matches(',').count() >= 2 && !s.contains("勾稽"))
}

/// `规章 1 0 11` / `规章1 0 11`: a label followed by numbers on one line.
fn split_row_line(s: &str) -> Option<(usize, Vec<(usize, usize)>)> {
    // Walk back over space-separated numeric tokens.
    let mut nums: Vec<(usize, usize)> = Vec::new();
    let mut end = s.len();
    loop {
        let part = &s[..end];
        let tok_start = part.rfind(' ').map(|i| i + 1).unwrap_or(0);
        let tok = &part[tok_start..];
        // A whole token that is a value (`+461`, `0.00`, `-`).
        if tok_start > 0 && matches!(classify(tok), CellKind::Num(_) | CellKind::Dash) {
            nums.push((tok_start, end));
            end = tok_start - 1;
            continue;
        }
        // The first token may be glued to the label: take its digit suffix.
        let dstart = tok
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.' || *c == ',')
            .last()
            .map(|(i, _)| i)
            .unwrap_or(tok.len());
        if dstart == tok.len() {
            break;
        }
        let digits = &tok[dstart..];
        if !digits.starts_with(|c: char| c.is_ascii_digit()) {
            break;
        }
        nums.push((tok_start + dstart, end));
        if dstart > 0 {
            end = tok_start + dstart;
            break;
        }
        if tok_start == 0 {
            end = 0;
            break;
        }
        end = tok_start - 1;
    }
    nums.reverse();
    let label = s[..end].trim_end();
    if label.is_empty() || nums.is_empty() || label.ends_with(['(', '第', '年', '月']) {
        return None;
    }
    if nums.len() < 2 && !is_strong_label(label) {
        return None;
    }
    Some((label.len(), nums))
}

fn build_rows<'a>(doc: &Document<'a>) -> Vec<Row<'a>> {
    let mut rows: Vec<Row> = Vec::new();
    let mut pending: Option<Row> = None;
    let mut block = 0usize;
    let flush = |pending: &mut Option<Row<'a>>, rows: &mut Vec<Row<'a>>| {
        if let Some(r) = pending.take() {
            rows.push(r);
        }
    };
    for (li, line) in doc.lines.iter().enumerate() {
        let text = doc.slice(line.span);
        if text.is_empty() {
            continue;
        }
        if line.explicit_row {
            flush(&mut pending, &mut rows);
            let cells = || line.cells.iter().map(|&c| (doc.slice(c), c));
            let mut non_empty = cells().map(|c| c.0).filter(|t| !t.is_empty()).peekable();
            if non_empty.peek().is_none() {
                continue;
            }
            let mut row = Row::new(block, li);
            // A plain count is never a header cell (a test holds the
            // header words to it): rows of values skip the header test.
            let counts = cells().any(|(t, _)| numbers::parse_count(t.trim()).is_some());
            if !counts && non_empty.all(is_header_cell) {
                row.header = true;
                row.header_cells = cells().filter(|c| !c.0.is_empty()).map(|c| squash(c.0).into_owned()).collect();
                rows.push(row);
                continue;
            }
            row.values.reserve(line.cells.len());
            let mut in_values = false;
            for (t, sp) in cells() {
                let kind = classify(t);
                if !in_values && kind == CellKind::Text {
                    row.add_label(t, sp);
                    continue;
                }
                if !in_values && kind == CellKind::Blank && row.label.is_empty() {
                    // Leading empty cells (under a merged label) carry nothing.
                    continue;
                }
                in_values = true;
                row.values.push(VCell { kind, span: sp });
            }
            rows.push(row);
            continue;
        }
        // One cell on the line. A lone count (most lines of a table that
        // lost its grid) is a value: none of the tests up to `classify`
        // below can take it (no label, no second number, no header word).
        let lone_count = numbers::parse_count(text).is_some();
        let split = if lone_count { None } else { split_row_line(text) };
        if !lone_count {
            // A long label with commas is still a row when numbers end the line:
            // `(二)部分公开(区分处理的,只计这一情形,不计其他情形) 0 37 …`.
            let row_line = split.as_ref().filter(|(l, nums)| nums.len() >= 2 && text[..*l].chars().count() <= 80);
            if is_prose(text) && row_line.is_none() {
                flush(&mut pending, &mut rows);
                block += 1;
                continue;
            }
            if let Some(nums) = numbers_line(text) {
                let cells: Vec<VCell> = nums
                    .into_iter()
                    .map(|(a, b)| VCell { kind: classify(&text[a..b]), span: Span { start: line.span.start + a, end: line.span.start + b } })
                    .collect();
                match pending.as_mut() {
                    Some(p) if !p.header && p.values.is_empty() => {
                        p.values.extend(cells);
                        p.add_line(li);
                    }
                    _ => {
                        flush(&mut pending, &mut rows);
                        let mut r = Row::new(block, li);
                        r.values.extend(cells);
                        rows.push(r);
                    }
                }
                continue;
            }
            if let Some(cells) = header_cells_in_line(text) {
                flush(&mut pending, &mut rows);
                let mut r = Row::new(block, li);
                r.header = true;
                r.header_cells = cells;
                rows.push(r);
                continue;
            }
        }
        let kind = classify(text);
        match kind {
            CellKind::Text => {}
            _ => {
                match pending.as_mut() {
                    Some(p) if !p.header => {
                        p.values.push(VCell { kind, span: line.span });
                        p.add_line(li);
                    }
                    _ => {
                        flush(&mut pending, &mut rows);
                        let mut r = Row::new(block, li);
                        r.values.push(VCell { kind, span: line.span });
                        pending = Some(r);
                    }
                }
                continue;
            }
        }
        if let Some((label_len, nums)) = split {
            flush(&mut pending, &mut rows);
            let mut r = Row::new(block, li);
            r.add_label(&text[..label_len], Span { start: line.span.start, end: line.span.start + label_len });
            for (s, e) in nums {
                let sp = Span { start: line.span.start + s, end: line.span.start + e };
                r.values.push(VCell { kind: classify(&text[s..e]), span: sp });
            }
            rows.push(r);
            continue;
        }
        // A header word or a piece of a row label: squashed once for both.
        let q = squash(text);
        if is_header_word(&q) {
            match pending.as_mut() {
                Some(p) if p.header => {
                    p.header_cells.push(q.into_owned());
                    p.add_line(li);
                }
                _ => {
                    flush(&mut pending, &mut rows);
                    let mut r = Row::new(block, li);
                    r.header = true;
                    r.header_cells.push(q.into_owned());
                    pending = Some(r);
                }
            }
            continue;
        }
        match pending.as_mut() {
            Some(p) if !p.header && p.values.is_empty() && !p.label.is_empty() && p.label.len() < 240 && !is_strong_label(text) => {
                p.add_squashed_label(q, line.span);
                p.add_line(li);
            }
            _ => {
                flush(&mut pending, &mut rows);
                let mut r = Row::new(block, li);
                r.add_squashed_label(q, line.span);
                pending = Some(r);
            }
        }
    }
    flush(&mut pending, &mut rows);
    rows
}

/// Picks `n` value cells out of a row's `vals` (indexes into `values`).
/// Extra cells must be blank: blank cells before the values are the padding
/// of a merged label (a filled grid: `一、本年新收…\t\t\t42\t59…`), blank
/// cells after them are empty trailing columns (`| 3 | 0 | 3 | ||`).
fn fit_columns<'v>(values: &[VCell], vals: &'v [usize], n: usize) -> Option<&'v [usize]> {
    if vals.len() < n {
        return None;
    }
    let extra = vals.len() - n;
    let blank = |v: &usize| values[*v].kind == CellKind::Blank;
    if vals[n..].iter().all(blank) {
        Some(&vals[..n])
    } else if vals[..extra].iter().all(blank) {
        Some(&vals[extra..])
    } else {
        None
    }
}

/// Strips an item number (`(七)`, `3.`, `一、`) and `其中:` from a label.
fn strip_numbering(label: &str) -> &str {
    let mut s = label;
    loop {
        let before = s;
        s = s.trim_start_matches("其中:").trim_start_matches("其中");
        if let Some(r) = s.strip_prefix('(') {
            if let Some(close) = r.find(')') {
                if r[..close].chars().all(|c| "一二三四五六七八九十".contains(c)) && close > 0 {
                    s = &r[close + 1..];
                }
            }
        }
        let cn = s.chars().take_while(|c| "一二三四五六七八九十".contains(*c)).count();
        if cn > 0 {
            let b: usize = s.chars().take(cn).map(char::len_utf8).sum();
            if s[b..].starts_with('、') {
                s = &s[b + '、'.len_utf8()..];
            }
        }
        let d = s.chars().take_while(|c| c.is_ascii_digit()).count();
        if d > 0 && d <= 2 && (s[d..].starts_with('.') || s[d..].starts_with('、')) {
            s = &s[d + if s[d..].starts_with('.') { 1 } else { '、'.len_utf8() }..];
        }
        if s == before {
            return s;
        }
    }
}

/// Picks the row spec whose key best matches `label` (longest key; among
/// equals the first at or after `cursor`, so repeated labels such as
/// 被依法纠错数 follow the printed order).
fn best_row(t: &Template, label: &str, cursor: usize) -> Option<usize> {
    let keys = vocab().row_keys(t);
    let mut best: Option<(usize, bool, usize)> = None; // (score, at_or_after_cursor, index)
    let mut consider = |k: &str, i: usize| {
        let score = k.chars().count();
        let after = i >= cursor;
        let better = match best {
            None => true,
            Some((bs, ba, bi)) => score > bs || (score == bs && ((after && !ba) || (after == ba && i < bi))),
        };
        if better {
            best = Some((score, after, i));
        }
    };
    // (The best match does not depend on the order they are seen in.)
    keys.contains.each_unordered(label, |_, k, i| consider(k, i));
    // Stripping removes a prefix only: an exact key must end the label.
    if keys.exact.iter().any(|(k, _)| label.ends_with(k)) {
        let stripped = strip_numbering(label);
        for &(k, i) in &keys.exact {
            if stripped == k {
                consider(k, i);
            }
        }
    }
    best.map(|b| b.2)
}

/// The result of reading every table of a document.
pub struct TableRead {
    pub values: Vec<Value>,
    pub table_lines: Vec<bool>,
    pub warnings: Vec<String>,
}

/// One matched row before blanks are resolved.
struct Hit<'a> {
    template: &'a Template,
    row: usize,
    /// Its (value cell index, field ids) pairs: a range of `Hits::cols`.
    cols: std::ops::Range<usize>,
}

/// The matched rows, their columns in one list (not a list per row).
struct Hits<'a> {
    hits: Vec<Hit<'a>>,
    cols: Vec<(usize, &'static [&'static str])>,
}

impl<'a> Hits<'a> {
    /// Row `row` matches `template` with the columns pushed to `cols` since
    /// `from`, if any were.
    fn add(&mut self, template: &'a Template, row: usize, from: usize) -> bool {
        let added = self.cols.len() > from;
        if added {
            self.hits.push(Hit { template, row, cols: from..self.cols.len() });
        }
        added
    }
}

/// Where each template's next row is expected (the row after the last one
/// matched): a handful of templates, found by address.
#[derive(Default)]
struct Cursors(Vec<(*const Template, usize)>);

impl Cursors {
    fn get(&self, t: &Template) -> usize {
        self.0.iter().find(|(k, _)| std::ptr::eq(*k, t)).map_or(0, |&(_, c)| c)
    }
    fn set(&mut self, t: &Template, at: usize) {
        match self.0.iter_mut().find(|(k, _)| std::ptr::eq(*k, t)) {
            Some(e) => e.1 = at,
            None => self.0.push((t, at)),
        }
    }
}

/// The year a header cell names (`2018年度`, `2018年`), if any.
fn header_year(h: &str) -> Option<i32> {
    let digits = h.bytes().take_while(u8::is_ascii_digit).count();
    (digits == 4 && matches!(&h[4..], "年度" | "年" | "")).then(|| h[..4].parse().ok()).flatten()
}

/// `year` is the report's statistics year: when a table prints several
/// year columns (2017年 | 2018年), only that year's column is read.
pub fn read_tables(doc: &Document, era: &str, year: Option<i32>) -> TableRead {
    let rows = build_rows(doc);
    let hits = match_rows(&rows, era, year);
    emit(doc, era, &rows, &hits)
}

/// Matches rows to template rows and their value cells to field ids.
fn match_rows(rows: &[Row], era: &str, year: Option<i32>) -> Hits<'static> {
    let mut year_cols: Option<(usize, Vec<Option<i32>>)> = None; // (block, header years)
    let modern = matches!(era, "E19" | "E21");
    let mut hits = Hits { hits: Vec::new(), cols: Vec::new() };
    let mut cursors = Cursors::default();
    // Per block: the 福建 appendix or the national table; table 二's header;
    // whether a 行政复议 header was seen (table 四).
    let mut block_is_fj: FastMap<usize, bool> = FastMap::default();
    let v = vocab();
    // (Only the 2014–2018 tables have the 福建 variant.)
    for r in rows.iter().filter(|_| !modern) {
        let fj = v.fj.any_in(&r.label)
            || r.header_cells.iter().any(|h| templates::FJ_APPENDIX.distinctive.contains(&h.as_str()));
        if fj {
            block_is_fj.insert(r.block, true);
        }
    }
    // Table 二's column names, each with the column keys of its rows that
    // it contains (worked out once per header, not once per row).
    let mut t2_header: Vec<Vec<&'static str>> = Vec::new();
    let mut t2_block = usize::MAX;
    let mut t4_seen_at: Option<usize> = None;
    // Value cells of the row at hand without unit-column cells.
    let mut vals: Vec<usize> = Vec::new();
    for (ri, r) in rows.iter().enumerate() {
        if r.header {
            let ys: Vec<Option<i32>> = r.header_cells.iter().map(|h| header_year(h)).collect();
            if ys.iter().filter(|y| y.is_some()).count() >= 2 {
                // Value columns are the header cells from the first year on.
                let first = ys.iter().position(|y| y.is_some()).unwrap_or(0);
                year_cols = Some((r.block, ys[first..].to_vec()));
            }
            if r.header_cells.iter().any(|h| templates::T2.headers.iter().skip(1).any(|k| h.starts_with(k))) {
                t2_header = r
                    .header_cells
                    .iter()
                    .filter(|h| h.as_str() != "信息内容")
                    .map(|h| v.t2_column_keys.iter().copied().filter(|k| h.contains(k)).collect())
                    .collect();
                t2_block = r.block;
            }
            if r.header_cells.iter().any(|h| h.contains("行政复议")) {
                t4_seen_at = Some(ri);
            }
            continue;
        }
        let review = v.review.find(r.label.as_bytes()).is_some();
        if review && r.values.is_empty() {
            t4_seen_at = Some(ri);
        }
        if r.values.is_empty() {
            continue;
        }
        vals.clear();
        vals.extend((0..r.values.len()).filter(|&i| r.values[i].kind != CellKind::Unit));
        if modern {
            // Table 四: 15 numbers after a 行政复议 header, no row label.
            let t4_ctx = t4_seen_at.is_some_and(|at| ri - at <= 8) || review;
            // The label may be the scrambled header (结果维持…总计) PDF text leaves.
            let header_words = || !r.label.is_empty() && r.label.chars().all(|c| "行政复议诉讼结果维持纠正其他尚未审结总计未经直接起后".contains(c));
            let t4_label = || r.label.is_empty() || review || v.lawsuit.find(r.label.as_bytes()).is_some() || header_words();
            let t4_cells = fit_columns(&r.values, &vals, 15).filter(|_| t4_ctx && t4_label());
            if let Some(cells) = t4_cells {
                let spec = &templates::T4.rows[0];
                let from = hits.cols.len();
                hits.cols.extend(cells.iter().zip(spec.ids).map(|(&vi, ids)| (vi, *ids)));
                hits.add(&templates::T4, ri, from);
                continue;
            }
            if r.label.is_empty() {
                continue;
            }
            // Table 三: fixed 7 columns.
            if let Some(i) = best_row(&templates::T3, &r.label, cursors.get(&templates::T3)) {
                if let Some(cells) = fit_columns(&r.values, &vals, 7) {
                    let spec = &templates::T3.rows[i];
                    let from = hits.cols.len();
                    hits.cols.extend(cells.iter().zip(spec.ids).map(|(&vi, ids)| (vi, *ids)));
                    hits.add(&templates::T3, ri, from);
                    cursors.set(&templates::T3, i + 1);
                    continue;
                }
            }
            // Table 二: columns named by the block's header.
            if t2_block == r.block && !t2_header.is_empty() {
                if let Some(i) = best_row(&templates::T2, &r.label, cursors.get(&templates::T2)) {
                    let spec = &templates::T2.rows[i];
                    let from = hits.cols.len();
                    let cells = fit_columns(&r.values, &vals, t2_header.len()).unwrap_or(&vals);
                    for (pos, &vi) in cells.iter().enumerate() {
                        let Some(keys) = t2_header.get(pos) else { break };
                        if let Some((_, id)) = spec.by_header.iter().find(|(k, _)| keys.contains(k)) {
                            hits.cols.push((vi, std::slice::from_ref(id)));
                        }
                    }
                    if hits.add(&templates::T2, ri, from) {
                        cursors.set(&templates::T2, i + 1);
                    }
                }
            }
        } else {
            if r.label.is_empty() {
                continue;
            }
            let t: &Template = if block_is_fj.get(&r.block).copied().unwrap_or(false) {
                &templates::FJ_APPENDIX
            } else {
                &templates::E14_TABLE
            };
            let Some(i) = best_row(t, &r.label, cursors.get(t)) else { continue };
            let spec = &t.rows[i];
            let from = hits.cols.len();
            let cols = &mut hits.cols;
            match t.columns {
                Columns::Fixed(1) => match &year_cols {
                    // Several year columns: read the report year's column only.
                    Some((b, ys)) if *b == r.block => {
                        let numeric: Vec<usize> = vals.iter().copied().filter(|&v| r.values[v].kind != CellKind::Unit).collect();
                        if let (Some(y), true) = (year, numeric.len() == ys.len()) {
                            if let Some(pos) = ys.iter().position(|c| *c == Some(y)) {
                                cols.push((numeric[pos], spec.ids[0]));
                            }
                        }
                    }
                    _ => {
                        if let Some(&vi) = vals.iter().find(|&&v| r.values[v].kind != CellKind::Blank) {
                            cols.push((vi, spec.ids[0]));
                        }
                    }
                },
                Columns::YearAndCumulative => {
                    let nb: Vec<usize> = vals.iter().copied().filter(|&v| r.values[v].kind != CellKind::Blank).collect();
                    if let Some(&vi) = nb.first() {
                        cols.push((vi, spec.ids[0]));
                    }
                    if let (Some(&vi), Some(ids)) = (nb.get(1), spec.ids.get(1)) {
                        cols.push((vi, *ids));
                    }
                }
                _ => {}
            }
            if hits.add(t, ri, from) {
                cursors.set(t, i + 1);
            }
        }
    }

    hits
}

/// The values of the matched cells, in document order; the first of an id
/// read twice is kept.
fn emit(doc: &Document, era: &str, rows: &[Row], hits: &Hits) -> TableRead {
    let Hits { hits, cols } = hits;
    // Which templates hold at least one number in each block (rule 9: a blank
    // cell is 0 only in a table that holds numbers).
    // (Templates by address.)
    let mut has_numbers: FastSet<(usize, usize)> = FastSet::default();
    for h in hits {
        let r = &rows[h.row];
        if cols[h.cols.clone()].iter().any(|(vi, _)| matches!(r.values[*vi].kind, CellKind::Num(_))) {
            has_numbers.insert((h.template as *const Template as usize, r.block));
        }
    }

    let vocab = vocab();
    // At most one value per field, however many rows repeat.
    let cells = cols.len();
    let mut values: Vec<Value> = Vec::with_capacity(cells.min(registry::fields().len()));
    // Position in `values` of each field read so far, by the field's
    // position in the registry.
    let mut seen: Vec<Option<u32>> = vec![None; registry::fields().len()];
    let mut warnings = Vec::new();
    let mut table_lines = vec![false; doc.lines.len()];
    for h in hits {
        let r = &rows[h.row];
        for li in r.line_range() {
            table_lines[li] = true;
        }
        for (vi, ids) in &cols[h.cols.clone()] {
            let cell = &r.values[*vi];
            for &id in *ids {
                let Some(def) = vocab.field(id) else { continue };
                if !def.recorded_in(era) {
                    continue;
                }
                // The definition is at hand: no second lookup by id.
                let value = |x: f64| Value::of_field(def, x, "table", Some(cell.span), r.label_span);
                let v = match cell.kind {
                    CellKind::Num(n) => {
                        let mut v = value(n.value);
                        v.approx = n.approx;
                        v.decimal = n.decimal || def.value_unit() == "万元";
                        if id.ends_with("total_amount") && doc.slice(cell.span).contains("万元") {
                            v.unit = "万元";
                        }
                        v
                    }
                    CellKind::Blank
                        if h.template.blank == Blank::ZeroExceptTotals
                            && !templates::is_total_id(id)
                            && has_numbers.contains(&(h.template as *const Template as usize, r.block)) =>
                    {
                        value(0.0)
                    }
                    _ => continue,
                };
                let Some(key) = registry::index_of(def) else { continue };
                if let Some(prev) = seen[key].map(|i| &values[i as usize]) {
                    if (prev.value - v.value).abs() > 1e-9 {
                        warnings.push(format!(
                            "{} appears twice in the tables ({} and {}); the first is kept",
                            v.id,
                            super::fmt_num(prev.value),
                            super::fmt_num(v.value)
                        ));
                    }
                    continue;
                }
                seen[key] = Some(values.len() as u32);
                values.push(v);
            }
        }
    }
    // Header rows of a block that held a table are table lines too (their
    // words, 尚未审结, 未经复议…, are not narrative).
    let table_blocks: crate::fasthash::FastSet<usize> = hits.iter().map(|h| rows[h.row].block).collect();
    for r in rows.iter().filter(|r| r.header && table_blocks.contains(&r.block)) {
        for li in r.line_range() {
            table_lines[li] = true;
        }
    }
    TableRead { values, table_lines, warnings }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squash_drops_every_kind_of_space() {
        assert_eq!(squash("一、本年 新收\t申请"), "一、本年新收申请");
        assert_eq!(squash("本年\u{3000}新收\u{a0}申请\u{2003}数"), "本年新收申请数");
        assert!(matches!(squash("(一)“三、”—…"), Cow::Borrowed(_)));
    }

    #[test]
    fn a_plain_count_is_never_a_header_cell() {
        // (Rows of values skip the header test on this ground.)
        for count in ["0", "7", "2018", "20180", "0000"] {
            assert!(!is_header_cell(count), "{count}");
        }
        for h in vocab().headers.iter().chain(&vocab().long_headers) {
            assert!(numbers::parse_count(h.trim()).is_none(), "{h}");
        }
    }

    #[test]
    fn has_space_is_char_is_whitespace() {
        // Every char alone and between two others, as the byte test sees it.
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let alone = c.to_string();
            let between = format!("、{c}信");
            assert_eq!(has_space(&alone), c.is_whitespace(), "{:X}", c as u32);
            assert_eq!(has_space(&between), c.is_whitespace(), "{:X}", c as u32);
        }
    }
    use crate::normalise::normalise;

    fn read(text: &str, era: &str) -> Vec<(String, f64)> {
        let n = normalise(text);
        let d = Document::new(&n);
        read_tables(&d, era, Some(2018)).values.into_iter().map(|v| (v.id.into_owned(), v.value)).collect()
    }

    fn get(v: &[(String, f64)], id: &str) -> Option<f64> {
        v.iter().find(|x| x.0 == id).map(|x| x.1)
    }

    #[test]
    fn template_keys_are_written_normalised() {
        // Keys are compared with normalised text as they are, so they must
        // already be in normal form (half-width, simplified).
        use crate::normalise::normalise_str;
        for t in templates::all() {
            for k in t.headers.iter().chain(t.distinctive).chain(t.rows.iter().flat_map(|r| r.keys.iter())) {
                assert_eq!(normalise_str(k), *k, "{}", t.name);
            }
            for r in t.rows {
                for (h, _) in r.by_header {
                    assert_eq!(normalise_str(h), *h);
                }
            }
        }
        for r in crate::registry::narrative::RULES {
            for a in r.anchors.iter().chain(r.require).chain(r.exclude) {
                assert_eq!(normalise_str(a), *a);
            }
        }
    }

    #[test]
    fn classify_cells() {
        // The plain-count shortcut reads what the number parser reads.
        for t in ["0", "37", " 0012 ", "9999999999999", "99999999999999"] {
            assert_eq!(classify(t), CellKind::Num(crate::numbers::parse_at(t.trim(), 0, false).unwrap()), "{t}");
        }
        assert!(matches!(classify("54835"), CellKind::Num(_)));
        assert!(matches!(classify("45478(政府热线)"), CellKind::Num(n) if n.value == 45478.0));
        assert!(matches!(classify("10个,昆区、青山区"), CellKind::Num(n) if n.value == 10.0));
        assert!(matches!(classify("251000元"), CellKind::Num(_)));
        assert!(matches!(classify("+461"), CellKind::Num(n) if n.value == 461.0));
        assert!(matches!(classify("-3"), CellKind::Num(n) if n.value == -3.0));
        assert_eq!(classify("-"), CellKind::Dash);
        assert_eq!(classify("/"), CellKind::Dash);
        assert_eq!(classify("是/否"), CellKind::Bool);
        assert_eq!(classify("万元"), CellKind::Unit);
        assert_eq!(classify("2018年度"), CellKind::Text);
        assert_eq!(classify("2019年"), CellKind::Text);
        assert_eq!(classify(""), CellKind::Blank);
    }

    #[test]
    fn e14_one_cell_per_line_with_broken_label_and_repeated_labels() {
        let t = "统计指标\n单位\n统计数\n(一)主动公开政府信息数\n(不同渠道和方式公开相同信息计1条)\n\n54835\n\
                 四、行政复议数量\n3\n(一)维持具体行政行为数\n3\n(二)被依法纠错数\n0\n(三)其他情形数\n0\n\
                 五、行政诉讼数量\n2\n(一)维持具体行政行为或者驳回原告诉讼请求数\n2\n(二)被依法纠错数\n1\n(三)其他情形数\n0\n\
                 七、依申请公开信息收取的费用\n万元\n0\n(一)网站是否具备网上办事功能\n是/否";
        let v = read(t, "E14");
        assert_eq!(get(&v, "stat.active.total"), Some(54835.0));
        assert_eq!(get(&v, "stat.review.corrected"), Some(0.0));
        assert_eq!(get(&v, "stat.litigation.corrected"), Some(1.0));
        assert_eq!(get(&v, "stat.litigation.upheld"), Some(2.0));
        assert_eq!(get(&v, "stat.fees_collected"), Some(0.0));
        assert_eq!(get(&v, "stat.ext_nm.web.has_online_service"), None);
    }

    #[test]
    fn fj_appendix_two_columns_and_mapped_ids() {
        let t = "指标名称\n单位\n2018年度\n历年累计\n主动公开文件数\n1552\n16534\n3.信函、传真申请数\n3\n8\n行政诉讼数\n0\n2";
        let v = read(t, "E14");
        assert_eq!(get(&v, "local.fj.active_docs.year"), Some(1552.0));
        assert_eq!(get(&v, "local.fj.active_docs.cumulative"), Some(16534.0));
        assert_eq!(get(&v, "stat.active.total"), Some(1552.0));
        assert_eq!(get(&v, "local.fj.apply.received.letter_fax.cumulative"), Some(8.0));
        assert_eq!(get(&v, "stat.apply.received.letter"), None);
        assert_eq!(get(&v, "stat.litigation_total"), Some(0.0));
        assert_eq!(get(&v, "local.fj.litigation.cumulative"), Some(2.0));
    }

    #[test]
    fn t2_by_header_in_tab_rows_and_flattened() {
        let t = "第二十条第(一)项\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n行政规范性文件\t8\t26\t66\n\
                 第二十条第(八)项\n信息内容\t本年收费金额(单位:万元)\n行政事业性收费\t96171.6";
        let v = read(t, "E21");
        assert_eq!(get(&v, "active.art20_1.regulations.in_force"), Some(11.0));
        assert_eq!(get(&v, "active.art20_1.normative_docs.repealed"), Some(26.0));
        assert_eq!(get(&v, "active.art20_8.admin_fees.amount"), Some(96171.6));
        let flat = "第二十条第(五)项\n信息内容\n上一年项目数量\n本年增/减\n处理决定数量\n行政许可\n5\n+461\n3";
        let v = read(flat, "E19");
        assert_eq!(get(&v, "active.art20_5.admin_license.prev_year_count"), Some(5.0));
        assert_eq!(get(&v, "active.art20_5.admin_license.change"), Some(461.0));
        assert_eq!(get(&v, "active.art20_5.admin_license.decisions"), Some(3.0));
    }

    #[test]
    fn t3_blank_cells_are_zero_but_blank_totals_absent() {
        let t = "一、本年新收政府信息公开申请数量\t821\t35\t\t\t2\t1\t859\n\
                 三、本年度办理结果\t(一)予以公开\t258\t12\t\t\t1\t1\t\n\
                 (六)其他处理\t1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t3\t0\t0\t0\t0\t0\t3\n\
                 3.其他\t1\t0\t0\t0\t0\t0\t1\n(七)总计\t767\t35\t\t\t2\t1\t805";
        let v = read(t, "E21");
        assert_eq!(get(&v, "applications.new_received.research"), Some(0.0));
        assert_eq!(get(&v, "applications.new_received.total"), Some(859.0));
        assert_eq!(get(&v, "applications.results.granted.natural_person"), Some(258.0));
        assert_eq!(get(&v, "applications.results.granted.total"), None);
        assert_eq!(get(&v, "applications.results.other.no_correction.total"), Some(3.0));
        assert_eq!(get(&v, "applications.results.other_total.total"), None);
        assert_eq!(get(&v, "applications.results.other.other.natural_person"), Some(1.0));
        assert_eq!(get(&v, "applications.results.total.total"), Some(805.0));
    }

    #[test]
    fn filled_grid_label_padding_and_trailing_empty_columns() {
        let t = "一、本年新收政府信息公开申请数量\t\t\t42\t59\t0\t0\t1\t2\t104\n\
                 | 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 | ||\n\
                 (二)部分公开(区分处理的,只计这一情形,不计其他情形) 0 37 0 0 0 1 38";
        let v = read(t, "E21");
        assert_eq!(get(&v, "applications.new_received.natural_person"), Some(42.0));
        assert_eq!(get(&v, "applications.new_received.total"), Some(104.0));
        assert_eq!(get(&v, "applications.carried_over.total"), Some(3.0));
        assert_eq!(get(&v, "applications.results.partial.commercial"), Some(37.0));
        assert_eq!(get(&v, "applications.results.partial.total"), Some(38.0));
    }

    #[test]
    fn t4_fifteen_numbers_after_header() {
        let t = "行政复议行政诉讼\n| 119 | 25 | 91 | 24 | 259 | 7 | 0 | 15 | 6 | 28 | 21 | 1 | 7 | 9 | 38 |";
        let v = read(t, "E21");
        assert_eq!(get(&v, "review.total"), Some(259.0));
        assert_eq!(get(&v, "litigation.direct.other"), Some(15.0));
        assert_eq!(get(&v, "litigation.after_review.total"), Some(38.0));
        // Not in an old-era report.
        assert!(read(t, "E14").is_empty());
    }

    #[test]
    fn pdf_layout_text_rows_headers_and_wrapped_labels() {
        // As `pdftotext -layout` prints an E21 report: header cells run
        // together, numbers on the label's line or on a line of their own, a
        // long label wrapped, and table 四's header scrambled over lines.
        let t = "第二十条第(一)项\n信息内容   本年制发件数    本年废止件数    现行有效件数\n\
                 规章               1          0       11\n行政规范性文件          0          5       5\n\
                 一、本年新收政府信息公开申请数量      21    0      0     0   0   0     21\n\
                 (二)部分公开(区分处理的,只计这一情 形,不\n计其他情形)\n     4    0      0     0   0   0     4\n\
                 (七)总计        21   0   0   0    0    0   21\n\
                 行政复议                              行政诉讼\n未经复议直接起诉                  复议后起诉\n\
                 结果   结果     其他   尚未\n总计 结果 结果 其他 尚未 结果 结果 其他 尚未\n维持   纠正     结果   审结  总计\n\
                 10    1      0   0    11   0    0   0   0    0   5   0     0   0   5";
        let v = read(t, "E21");
        assert_eq!(get(&v, "active.art20_1.regulations.in_force"), Some(11.0));
        assert_eq!(get(&v, "active.art20_1.normative_docs.repealed"), Some(5.0));
        assert_eq!(get(&v, "applications.new_received.total"), Some(21.0));
        assert_eq!(get(&v, "applications.results.partial.natural_person"), Some(4.0));
        assert_eq!(get(&v, "applications.results.total.total"), Some(21.0));
        assert_eq!(get(&v, "review.upheld"), Some(10.0));
        assert_eq!(get(&v, "review.total"), Some(11.0));
        assert_eq!(get(&v, "litigation.after_review.total"), Some(5.0));
    }

    #[test]
    fn e14_with_two_year_columns_reads_the_report_year() {
        let t = "统计指标\t单位\t2017年\t2018年\n(一)收到申请数\t件\t70\t81\n1.当面申请数\t件\t30\t39";
        let v = read(t, "E14");
        assert_eq!(get(&v, "stat.apply.received_total"), Some(81.0));
        assert_eq!(get(&v, "stat.apply.received.in_person"), Some(39.0));
    }

    #[test]
    fn header_segmentation() {
        assert_eq!(
            header_cells_in_line("信息内容本年制发件数本年废止件数现行有效件数"),
            Some(vec!["信息内容".to_string(), "本年制发件数".into(), "本年废止件数".into(), "现行有效件数".into()])
        );
        assert_eq!(header_cells_in_line("信息内容本年收费金额(单位:万元)").map(|c| c[1].clone()), Some("本年收费金额(单位:万元)".into()));
        assert_eq!(header_cells_in_line("行政许可"), None);
        assert_eq!(numbers_line("4 0 0 0 0 0 4").map(|n| n.len()), Some(7));
        assert_eq!(numbers_line("2020 年"), None);
    }

    #[test]
    fn row_per_line_text() {
        let t = "信息内容 本年制发件数 本年废止件数 现行有效件数\n规章 1 0 11";
        let n = normalise(t);
        let d = Document::new(&n);
        let _ = read_tables(&d, "E21", None);
        assert_eq!(split_row_line("规章1 0 11").map(|x| x.1.len()), Some(3));
        assert_eq!(split_row_line("收到申请数81").map(|x| x.1.len()), Some(1));
        assert_eq!(split_row_line("2020年1月23"), None);
        assert_eq!(split_row_line("行政许可 5 +461 3").map(|x| (x.0, x.1.len())), Some(("行政许可".len(), 3)));
    }
}
