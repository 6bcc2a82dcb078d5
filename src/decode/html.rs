//! HTML → plain text lines, with a small tolerant tokenizer (no DOM).
//!
//! Contract of [`flatten_html`]:
//! - the `<title>` text is the first line (if non-empty and not already the
//!   first line of the body);
//! - `script`, `style`, `noscript`, `iframe`, `textarea`, comments and the
//!   rest of `<head>` are dropped; `template`, `svg`, `math`, `select`,
//!   `option`, `button`, `object`, `nav`, `aside`, `header`/`footer` (outside
//!   `article`/`main`) and elements whose class or id contains
//!   nav|menu|footer|breadcrumb|sidebar|share are dropped too, unless they
//!   contain a table or more than 200 CJK characters that are not link text;
//! - block elements end the line; `<br>` ends the line (at most one blank
//!   line in a row);
//! - every table row is one line, its cells joined by `\t` (empty cells kept
//!   as empty strings, colspan/rowspan not expanded). Inside a cell, block
//!   boundaries and `<br>` join the text with no separator (a space between
//!   two ASCII letters/digits), white space collapses to one space, and a
//!   nested table's cells are joined with spaces;
//! - layout tables are recognised: a cell holding a nested table of two or
//!   more rows, or 300+ bytes of text with line breaks, is laid out as lines
//!   (its block boundaries end lines, nested data tables keep their rows);
//! - entities are decoded (`&nbsp;` is a space); unknown entities are kept;
//! - runs of 3+ short lines that are only link text, and lines made of 4+
//!   links only (menus, friend links, keyword spam), are dropped.
//!
//! Linear time in the input: no recursion, end tags are matched through a
//! per-name index of open elements, and re-writing of table cells is bounded
//! by the table nesting limit.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Marker bytes inside the working buffer; never present in text (control
/// characters are dropped from text).
const JOIN: u8 = 0x01;
const BREAK: u8 = 0x02;
const LINK_START: u8 = 0x03;
const LINK_END: u8 = 0x04;

/// Tables nested deeper than this are flattened as plain text.
const MAX_TABLE_DEPTH: usize = 8;
/// A droppable element with more non-link CJK characters than this is kept.
const KEEP_CJK: usize = 200;
/// A cell with at least this many bytes of text and a line break is layout.
const LAYOUT_CELL_BYTES: usize = 300;
/// Link-only lines longer than this never count towards a link farm.
const LINK_LINE_MAX_CHARS: usize = 40;

/// Flattens an HTML document (or fragment) to plain text lines; see the
/// module documentation for the exact contract.
pub fn flatten_html(html: &str) -> String {
    let mut f = Flattener::default();
    let mut tok = Tokenizer::new(html);
    while let Some(t) = tok.next_token() {
        match t {
            Token::Text(s) => f.text(s),
            Token::Start(tag) => f.start(tag),
            Token::End(name, known) => f.end(&name, known),
            Token::Raw(name, s) => f.raw(name, s),
        }
    }
    f.finish()
}

// ---------------------------------------------------------------------------
// Tokenizer

enum Token<'a> {
    Text(&'a str),
    Start(StartTag<'a>),
    /// An end tag's name (lower case) and its known id.
    End(Cow<'a, str>, Option<u32>),
    /// Content of a raw-text element (script, style, title…).
    Raw(&'static str, &'a str),
}

struct StartTag<'a> {
    name: Cow<'a, str>,
    /// The name's id among the known tags.
    known: Option<u32>,
    class: Option<&'a str>,
    id: Option<&'a str>,
    href: Option<&'a str>,
    self_closing: bool,
}

const RAW_ELEMENTS: [&str; 10] = [
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

struct Tokenizer<'a> {
    s: &'a str,
    pos: usize,
    raw: Option<&'static str>,
}

fn is_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0C)
}

fn find_byte(b: &[u8], from: usize, x: u8) -> Option<usize> {
    memchr::memchr(x, b.get(from..)?).map(|p| from + p)
}

/// Position just past the next `>` at or after `from` (or the end).
fn skip_to_gt(b: &[u8], from: usize) -> usize {
    find_byte(b, from, b'>').map_or(b.len(), |p| p + 1)
}

fn scan_name(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && !is_ws(b[i]) && b[i] != b'/' && b[i] != b'>' {
        i += 1;
    }
    i
}

/// A tag name in lower case and its id among the known tags: the known
/// tags' own names (no allocation), else the input's slice when it has no
/// upper-case letter, else a lower-cased copy. `name` ends at white space,
/// `/` or `>` (ASCII), so it is whole UTF-8.
fn lower(name: &str) -> (Cow<'_, str>, Option<u32>) {
    if let Some(id) = known_tag(name) {
        return (Cow::Borrowed(known_tags().names[id as usize]), Some(id));
    }
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        (Cow::Owned(name.to_ascii_lowercase()), None)
    } else {
        (Cow::Borrowed(name), None)
    }
}

impl<'a> Tokenizer<'a> {
    fn new(s: &'a str) -> Self {
        Tokenizer {
            s,
            pos: 0,
            raw: None,
        }
    }

    fn next_token(&mut self) -> Option<Token<'a>> {
        let b = self.s.as_bytes();
        if let Some(name) = self.raw.take() {
            let start = self.pos;
            let end = find_close(b, start, name);
            self.pos = end;
            return Some(Token::Raw(name, &self.s[start..end]));
        }
        loop {
            let p = self.pos;
            if p >= b.len() {
                return None;
            }
            if b[p] != b'<' {
                let end = find_byte(b, p + 1, b'<').unwrap_or(b.len());
                self.pos = end;
                return Some(Token::Text(&self.s[p..end]));
            }
            match b.get(p + 1).copied() {
                Some(b'!') => self.pos = skip_declaration(b, p),
                Some(b'?') => self.pos = skip_to_gt(b, p + 2),
                Some(b'/') => match b.get(p + 2).copied() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_end = scan_name(b, p + 2);
                        let (name, known) = lower(&self.s[p + 2..name_end]);
                        self.pos = skip_to_gt(b, name_end);
                        return Some(Token::End(name, known));
                    }
                    Some(b'>') => self.pos = p + 3,
                    None => {
                        self.pos = b.len();
                        return Some(Token::Text(&self.s[p..]));
                    }
                    _ => self.pos = skip_to_gt(b, p + 2),
                },
                Some(c) if c.is_ascii_alphabetic() => match parse_start_tag(self.s, p) {
                    Some((tag, end)) => {
                        self.pos = end;
                        self.raw = tag.known.and_then(|id| known_tags().raw_name(id));
                        return Some(Token::Start(tag));
                    }
                    None => {
                        // End of input inside a tag: the tag is dropped.
                        self.pos = b.len();
                        return None;
                    }
                },
                _ => {
                    self.pos = p + 1;
                    return Some(Token::Text(&self.s[p..p + 1]));
                }
            }
        }
    }
}

/// `<!--…-->`, `<![CDATA[…]]>`, `<!DOCTYPE…>`: the position after it.
fn skip_declaration(b: &[u8], p: usize) -> usize {
    let rest = &b[p + 2..];
    if rest.starts_with(b"--") {
        let start = p + 4;
        if b.get(start) == Some(&b'>') {
            return start + 1;
        }
        if b.get(start..start + 2) == Some(b"->") {
            return start + 2;
        }
        let mut i = start;
        while let Some(d) = find_byte(b, i, b'-') {
            if b.get(d + 1) == Some(&b'-') {
                match b.get(d + 2) {
                    Some(b'>') => return d + 3,
                    Some(b'!') if b.get(d + 3) == Some(&b'>') => return d + 4,
                    _ => {}
                }
            }
            i = d + 1;
        }
        return b.len();
    }
    if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"[CDATA[") {
        let mut i = p + 9;
        while let Some(k) = find_byte(b, i, b']') {
            if b.get(k + 1..k + 3) == Some(b"]>") {
                return k + 3;
            }
            i = k + 1;
        }
        return b.len();
    }
    skip_to_gt(b, p + 2)
}

/// Start of the `</name` that ends a raw-text element (or the end).
fn find_close(b: &[u8], start: usize, name: &str) -> usize {
    let n = name.len();
    let mut i = start;
    while let Some(k) = find_byte(b, i, b'<') {
        if b.get(k + 1) == Some(&b'/')
            && b.len() >= k + 2 + n
            && b[k + 2..k + 2 + n].eq_ignore_ascii_case(name.as_bytes())
            && b.get(k + 2 + n)
                .map_or(true, |&c| is_ws(c) || c == b'/' || c == b'>')
        {
            return k;
        }
        i = k + 1;
    }
    b.len()
}

/// Parses `<name attr=value …>` at `p`; `None` if the input ends first.
fn parse_start_tag(s: &str, p: usize) -> Option<(StartTag<'_>, usize)> {
    let b = s.as_bytes();
    let len = b.len();
    let name_end = scan_name(b, p + 1);
    let (name, known) = lower(&s[p + 1..name_end]);
    let mut tag = StartTag {
        name,
        known,
        class: None,
        id: None,
        href: None,
        self_closing: false,
    };
    let mut i = name_end;
    loop {
        while i < len && is_ws(b[i]) {
            i += 1;
        }
        if i >= len {
            return None;
        }
        match b[i] {
            b'>' => return Some((tag, i + 1)),
            b'/' => {
                i += 1;
                if b.get(i) == Some(&b'>') {
                    tag.self_closing = true;
                    return Some((tag, i + 1));
                }
                continue;
            }
            _ => {}
        }
        let name_start = i;
        i += 1;
        while i < len && !is_ws(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            i += 1;
        }
        let attr = &b[name_start..i];
        let mut j = i;
        while j < len && is_ws(b[j]) {
            j += 1;
        }
        let mut value = None;
        if j < len && b[j] == b'=' {
            j += 1;
            while j < len && is_ws(b[j]) {
                j += 1;
            }
            if j >= len {
                return None;
            }
            match b[j] {
                q @ (b'"' | b'\'') => {
                    let end = find_byte(b, j + 1, q)?;
                    value = Some(&s[j + 1..end]);
                    i = end + 1;
                }
                b'>' => {
                    value = Some("");
                    i = j;
                }
                _ => {
                    let start = j;
                    while j < len && !is_ws(b[j]) && b[j] != b'>' {
                        j += 1;
                    }
                    value = Some(&s[start..j]);
                    i = j;
                }
            }
        }
        let slot = if attr.eq_ignore_ascii_case(b"class") {
            &mut tag.class
        } else if attr.eq_ignore_ascii_case(b"id") {
            &mut tag.id
        } else if attr.eq_ignore_ascii_case(b"href") {
            &mut tag.href
        } else {
            continue;
        };
        if slot.is_none() {
            *slot = Some(value.unwrap_or(""));
        }
    }
}

// ---------------------------------------------------------------------------
// Entities

/// Decodes character references: named ones this module knows, decimal and
/// hexadecimal ones. Unknown names are left as they are.
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut last = 0;
    let mut i = 0;
    while let Some(amp) = find_byte(b, i, b'&') {
        match parse_entity(&b[amp..]) {
            Some((c, len)) => {
                out.push_str(&s[last..amp]);
                out.push(c);
                i = amp + len;
                last = i;
            }
            None => i = amp + 1,
        }
    }
    out.push_str(&s[last..]);
    Cow::Owned(out)
}

/// `&…` at the start of `t`: (character, bytes consumed).
fn parse_entity(t: &[u8]) -> Option<(char, usize)> {
    if t.get(1) == Some(&b'#') {
        let hex = matches!(t.get(2), Some(b'x' | b'X'));
        let start = if hex { 3 } else { 2 };
        let mut i = start;
        let mut v: u32 = 0;
        while i < t.len() {
            let d = match (hex, t[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            v = v
                .saturating_mul(if hex { 16 } else { 10 })
                .saturating_add(d);
            i += 1;
        }
        if i == start {
            return None;
        }
        if t.get(i) == Some(&b';') {
            i += 1;
        }
        return Some((numeric_char(v), i));
    }
    let mut i = 1;
    while i < t.len() && i <= 33 && t[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == 1 || i > 33 {
        return None;
    }
    let name = std::str::from_utf8(&t[1..i]).ok()?;
    if t.get(i) == Some(&b';') {
        return named_entity(name).map(|c| (c, i + 1));
    }
    // A few legacy names are recognised without the semicolon.
    match name {
        "nbsp" | "amp" | "lt" | "gt" | "quot" | "copy" | "reg" | "NBSP" | "AMP" | "LT" | "GT" => {
            named_entity(&name.to_ascii_lowercase()).map(|c| (c, i))
        }
        _ => None,
    }
}

fn numeric_char(v: u32) -> char {
    const CP1252: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    let v = if (0x80..=0x9F).contains(&v) {
        CP1252[(v - 0x80) as usize]
    } else {
        v
    };
    if v == 0 {
        return '\u{FFFD}';
    }
    char::from_u32(v).unwrap_or('\u{FFFD}')
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "nbsp" => '\u{A0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "lsaquo" => '‹',
        "rsaquo" => '›',
        "mdash" => '—',
        "ndash" => '–',
        "minus" => '−',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "times" => '×',
        "divide" => '÷',
        "plusmn" => '±',
        "yen" => '¥',
        "cent" => '¢',
        "pound" => '£',
        "euro" => '€',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "deg" => '°',
        "permil" => '‰',
        "sect" => '§',
        "para" => '¶',
        "micro" => 'µ',
        "sup1" => '¹',
        "sup2" => '²',
        "sup3" => '³',
        "frac12" => '½',
        "frac14" => '¼',
        "frac34" => '¾',
        "le" => '≤',
        "ge" => '≥',
        "ne" => '≠',
        "larr" => '←',
        "rarr" => '→',
        "uarr" => '↑',
        "darr" => '↓',
        "harr" => '↔',
        "prime" => '′',
        "Prime" => '″',
        "dagger" => '†',
        "Dagger" => '‡',
        "circ" => 'ˆ',
        "tilde" => '˜',
        "emsp" => '\u{2003}',
        "ensp" => '\u{2002}',
        "thinsp" => '\u{2009}',
        "zwsp" => '\u{200B}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "shy" => '\u{AD}',
        "iexcl" => '¡',
        "iquest" => '¿',
        "brvbar" => '¦',
        "not" => '¬',
        "ordf" => 'ª',
        "ordm" => 'º',
        "acute" => '´',
        "uml" => '¨',
        "macr" => '¯',
        "cedil" => '¸',
        "curren" => '¤',
        "hearts" => '♥',
        "star" => '☆',
        "starf" => '★',
        "check" => '✓',
        "cross" => '✗',
        "square" => '□',
        "oplus" => '⊕',
        "alpha" => 'α',
        "beta" => 'β',
        "mu" => 'μ',
        "pi" => 'π',
        "sigma" => 'σ',
        "Omega" => 'Ω',
        "comma" => ',',
        "period" => '.',
        "colon" => ':',
        "semi" => ';',
        "excl" => '!',
        "quest" => '?',
        "lpar" => '(',
        "rpar" => ')',
        "lsqb" | "lbrack" => '[',
        "rsqb" | "rbrack" => ']',
        "percnt" => '%',
        "num" => '#',
        "dollar" => '$',
        "commat" => '@',
        "sol" => '/',
        "bsol" => '\\',
        "verbar" | "vert" => '|',
        "lowbar" => '_',
        "plus" => '+',
        "equals" => '=',
        "ast" => '*',
        "Tab" => '\t',
        "NewLine" => '\n',
        _ => return None,
    })
}

// ---------------------------------------------------------------------------
// Flattener

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
enum Pending {
    #[default]
    None,
    /// White space; `true` if it contained a line break.
    Space(bool),
    /// A block boundary inside a cell (resolved when the cell closes).
    Join,
    /// A table/row boundary inside a cell (resolved when the cell closes).
    Break,
}

impl Pending {
    fn rank(self) -> u8 {
        match self {
            Pending::None => 0,
            Pending::Space(_) => 1,
            Pending::Join => 2,
            Pending::Break => 3,
        }
    }
}

// Element flags.
const BLOCK: u16 = 1;
const LINK: u16 = 1 << 1;
const FORMCTL: u16 = 1 << 2;
const PRE: u16 = 1 << 3;
const SVG: u16 = 1 << 4;
const ARTICLE: u16 = 1 << 5;
const TABLE: u16 = 1 << 6;
const ROW: u16 = 1 << 7;
const CELL: u16 = 1 << 8;
const DEEP_TABLE: u16 = 1 << 9;
/// A boundary for end-tag matching (table, td, th, caption).
const SCOPE: u16 = 1 << 10;
/// Row or cell of a table that is not laid out (too deep, or no table).
const LOOSE_ROW: u16 = 1 << 11;
const LOOSE_CELL: u16 = 1 << 12;

#[derive(Clone, Copy)]
struct Checkpoint {
    out_len: usize,
    pending: Pending,
    kept_cjk: usize,
    table_events: usize,
}

struct Elem {
    name: u32,
    flags: u16,
    region: Option<Checkpoint>,
}

struct TableCtx {
    /// Index of the open row element, if any.
    row: Option<usize>,
    /// Index into `cells` of the open cell of this table, if any.
    cell: Option<usize>,
    cells_in_row: usize,
    /// Rows with at least one cell.
    rows: usize,
    /// A layout cell was in this row: further cells start a new line.
    row_broken: bool,
    /// Index into `cells` of the cell this table is nested in.
    parent_cell: Option<usize>,
}

struct CellCtx {
    elem: usize,
    content_start: usize,
    sep_pos: Option<usize>,
    multirow_inside: bool,
    layout_inside: bool,
}

#[derive(Default)]
struct Flattener {
    out: Vec<u8>,
    pending: Pending,
    stack: Vec<Elem>,
    names: HashMap<String, u32>,
    /// For each interned name, the stack indices where it is open.
    open_by_name: Vec<Vec<usize>>,
    scope_marks: Vec<usize>,
    table_marks: Vec<usize>,
    tables: Vec<TableCtx>,
    cells: Vec<CellCtx>,
    deep_tables: usize,
    link_depth: usize,
    link_pos: Option<usize>,
    formctl_depth: usize,
    pre_depth: usize,
    svg_depth: usize,
    article_depth: usize,
    kept_cjk: usize,
    table_events: usize,
    title: Option<String>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "isindex",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "section",
    "article",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "dl",
    "ul",
    "ol",
    "center",
    "hr",
    "address",
    "main",
    "figure",
    "figcaption",
    "caption",
    "form",
    "fieldset",
    "legend",
    "details",
    "summary",
    "body",
    "html",
    "nav",
    "header",
    "footer",
    "aside",
    "hgroup",
    "menu",
    "dir",
    "listing",
    "xmp",
    "plaintext",
    "frameset",
    "dialog",
    "marquee",
    "tbody",
    "thead",
    "tfoot",
    "option",
    "optgroup",
    "select",
    "object",
    "video",
    "audio",
    "canvas",
    "svg",
    "math",
    "template",
    "noscript",
    "iframe",
    "textarea",
];

/// Start tags that close an open `<p>`.
const CLOSES_P: &[&str] = &[
    "p",
    "div",
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "header",
    "hgroup",
    "main",
    "menu",
    "nav",
    "ol",
    "section",
    "summary",
    "ul",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "listing",
    "hr",
    "xmp",
    "plaintext",
    "table",
    "li",
    "dd",
    "dt",
];

/// Names that [`Flattener::start`] matches on by name; every other name
/// takes the default path (block or inline, by its properties).
const SPECIAL: &[&str] = &[
    "li", "dt", "dd", "option", "optgroup", "a", "br", "hr", "table", "tr", "td", "th", "tbody",
    "thead", "tfoot", "select", "datalist", "pre", "listing", "svg", "math", "article", "main",
    "caption", "nav", "aside", "template", "object", "applet", "button", "audio", "video",
    "canvas", "header", "footer", "html", "body",
];

/// Table parts whose end tag does not close past the innermost table.
const TABLE_PARTS: &[&str] = &[
    "td", "th", "tr", "tbody", "thead", "tfoot", "caption", "colgroup",
];

// Properties of known tags.
const T_VOID: u8 = 1;
const T_BLOCK: u8 = 1 << 1;
const T_CLOSES_P: u8 = 1 << 2;
const T_RAW: u8 = 1 << 3;
const T_SPECIAL: u8 = 1 << 4;
const T_TABLE_PART: u8 = 1 << 5;
const T_TABLE: u8 = 1 << 6;

/// Common inline tags (Word's `o:p` among them), known too so that most
/// tags need no hashing.
const OTHER_TAGS: &[&str] = &[
    "span", "font", "b", "strong", "i", "em", "u", "sup", "sub", "small", "big", "label", "head",
    "o:p", "st1:chsdate",
];

/// The properties (`T_*`) of a tag name that is not known.
const UNKNOWN_TAG: u8 = 0;

/// Slots of the known tags' hash table (a power of two, a few times the
/// number of names, so that probe sequences stay short).
const TAG_SLOTS: usize = 512;

/// Tag names known in advance (interned ids `0..names.len()`), found by
/// their lower-cased bytes packed in a `u128` (every name here is at most 16
/// bytes long) in an open-addressing table, with their properties (`T_*`:
/// in [`VOID`], [`BLOCKS`], [`CLOSES_P`], [`RAW_ELEMENTS`], [`SPECIAL`],
/// [`TABLE_PARTS`]), so that a tag is looked up once.
struct KnownTags {
    /// (key, id + 1) by slot; 0 = empty.
    slots: Vec<(u128, u32)>,
    names: Vec<&'static str>,
    props: Vec<u8>,
    /// The ids of `p` and `a`, closed implicitly by many start tags.
    p: u32,
    a: u32,
}

impl KnownTags {
    fn props(&self, known: Option<u32>) -> u8 {
        known.map_or(UNKNOWN_TAG, |id| self.props[id as usize])
    }

    fn raw_name(&self, id: u32) -> Option<&'static str> {
        (self.props[id as usize] & T_RAW != 0).then(|| self.names[id as usize])
    }
}

fn known_tags() -> &'static KnownTags {
    static TAGS: OnceLock<KnownTags> = OnceLock::new();
    TAGS.get_or_init(|| {
        let mut all: Vec<(u128, &'static str)> = [
            VOID,
            BLOCKS,
            CLOSES_P,
            &RAW_ELEMENTS,
            SPECIAL,
            TABLE_PARTS,
            OTHER_TAGS,
        ]
        .into_iter()
        .flatten()
        .filter_map(|&n| Some((tag_key(n)?, n)))
        .collect();
        all.sort_unstable();
        all.dedup();
        let mut slots = vec![(0u128, 0u32); TAG_SLOTS];
        for (id, &(key, _)) in all.iter().enumerate() {
            let mut h = tag_slot(key);
            while slots[h].1 != 0 {
                h = (h + 1) % TAG_SLOTS;
            }
            slots[h] = (key, id as u32 + 1);
        }
        let props = all
            .iter()
            .map(|&(_, n)| {
                [
                    (VOID, T_VOID),
                    (BLOCKS, T_BLOCK),
                    (CLOSES_P, T_CLOSES_P),
                    (&RAW_ELEMENTS, T_RAW),
                    (SPECIAL, T_SPECIAL),
                    (TABLE_PARTS, T_TABLE_PART),
                    (&["table"], T_TABLE),
                ]
                .iter()
                .filter(|(list, _)| list.contains(&n))
                .fold(0, |acc, &(_, bit)| acc | bit)
            })
            .collect();
        let id = |name: &str| all.iter().position(|t| t.1 == name).unwrap_or(0) as u32;
        KnownTags {
            slots,
            names: all.iter().map(|t| t.1).collect(),
            props,
            p: id("p"),
            a: id("a"),
        }
    })
}

/// A name's lower-cased bytes packed in a `u128` (zero-padded); `None` when
/// empty, longer than 16 bytes or holding a NUL (no known name does, and
/// `td\0` must not be taken for `td`).
fn tag_key(name: &str) -> Option<u128> {
    let b = name.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let mut k = [0u8; 16];
    for (d, &c) in k.iter_mut().zip(b) {
        if c == 0 {
            return None;
        }
        *d = c.to_ascii_lowercase();
    }
    Some(u128::from_be_bytes(k))
}

fn tag_slot(key: u128) -> usize {
    let folded = (key as u64) ^ ((key >> 64) as u64);
    // The top bits of the product depend on every bit of the key.
    (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - TAG_SLOTS.trailing_zeros())) as usize
}

/// The id of a known tag name (any case).
fn known_tag(name: &str) -> Option<u32> {
    let key = tag_key(name)?;
    let slots = &known_tags().slots;
    let mut h = tag_slot(key);
    loop {
        match slots[h] {
            (_, 0) => return None,
            (k, id) if k == key => return Some(id - 1),
            _ => h = (h + 1) % TAG_SLOTS,
        }
    }
}

fn class_is_chrome(v: Option<&str>) -> bool {
    let Some(v) = v else { return false };
    let v = v.as_bytes();
    ["nav", "menu", "footer", "breadcrumb", "sidebar", "share"]
        .iter()
        .any(|k| {
            v.windows(k.len())
                .any(|w| w.eq_ignore_ascii_case(k.as_bytes()))
        })
}

/// White space in HTML text (collapsible).
fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t'
            | '\n'
            | '\r'
            | '\u{c}'
            | '\u{A0}'
            | '\u{2002}'
            | '\u{2003}'
            | '\u{2009}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{3000}'
    )
}

/// Characters never written: controls (they would clash with the markers),
/// zero-width spaces and BOMs.
fn is_dropped(c: char) -> bool {
    let u = c as u32;
    u < 0x20 || (0x7F..=0x9F).contains(&u) || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{AD}')
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3FFFF)
}

/// East Asian wide characters (CSS: a line break between two of them is
/// removed, not turned into a space).
fn is_wide(c: char) -> bool {
    matches!(
        c as u32,
        0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFF
    )
}

impl Flattener {
    // -- writer ------------------------------------------------------------

    fn set_pending(&mut self, p: Pending) {
        let cur = self.pending;
        self.pending = match (cur, p) {
            (Pending::Space(a), Pending::Space(b)) => Pending::Space(a || b),
            _ if p.rank() > cur.rank() => p,
            _ => cur,
        };
    }

    fn cell_mode(&self) -> bool {
        !self.cells.is_empty()
    }

    /// Length of the buffer ignoring a trailing link-start marker.
    fn effective_len(&self) -> usize {
        let n = self.out.len();
        if n > 0 && self.out[n - 1] == LINK_START {
            n - 1
        } else {
            n
        }
    }

    /// At the start of a line or of a cell: no space is written.
    fn at_start(&self) -> bool {
        self.at_block_start() || self.out[self.effective_len() - 1] == b'\t'
    }

    /// At the start of a line, of a cell or after a boundary marker: no
    /// boundary marker is written. (After a tab, i.e. an empty last cell of
    /// a nested row, a row boundary still has to be written.)
    fn at_block_start(&self) -> bool {
        let e = self.effective_len();
        let barrier = self.cells.last().map_or(0, |c| c.content_start);
        e == 0 || e <= barrier || matches!(self.out[e - 1], b'\n' | JOIN | BREAK)
    }

    fn at_line_start(&self) -> bool {
        let e = self.effective_len();
        e == 0 || self.out[e - 1] == b'\n'
    }

    fn last_char(&self) -> Option<char> {
        let mut e = self.out.len();
        while e > 0 && matches!(self.out[e - 1], LINK_START | LINK_END) {
            e -= 1;
        }
        let mut s = e;
        while s > 0 && e - s < 4 {
            s -= 1;
            if self.out[s] & 0xC0 != 0x80 {
                break;
            }
        }
        std::str::from_utf8(&self.out[s..e])
            .ok()?
            .chars()
            .next_back()
    }

    fn flush_pending(&mut self, next: char) {
        let p = std::mem::replace(&mut self.pending, Pending::None);
        let suppressed = match p {
            Pending::None => true,
            Pending::Space(_) => self.at_start(),
            Pending::Join | Pending::Break => self.at_block_start(),
        };
        if suppressed {
            return;
        }
        match p {
            Pending::Space(newline) => {
                let wide = newline && is_wide(next) && self.last_char().is_some_and(is_wide);
                if !wide {
                    self.out.push(b' ');
                }
            }
            Pending::Join => self.out.push(JOIN),
            Pending::Break => self.out.push(BREAK),
            Pending::None => {}
        }
    }

    /// Writes a pending block/row boundary (not a space) before a separator.
    fn flush_structural(&mut self) {
        let p = std::mem::replace(&mut self.pending, Pending::None);
        if self.at_block_start() {
            return;
        }
        match p {
            Pending::Join => self.out.push(JOIN),
            Pending::Break => self.out.push(BREAK),
            _ => {}
        }
    }

    fn put_char(&mut self, c: char) {
        if self.pre_depth > 0 && !self.cell_mode() {
            match c {
                '\n' => {
                    self.pending = Pending::None;
                    self.out.push(b'\n');
                    return;
                }
                '\r' => return,
                ' ' | '\t' | '\u{A0}' => {
                    self.pending = Pending::None;
                    self.out.push(if c == '\t' { b'\t' } else { b' ' });
                    return;
                }
                _ => {}
            }
        } else if is_space(c) {
            self.set_pending(Pending::Space(c == '\n' || c == '\r'));
            return;
        }
        if is_dropped(c) {
            return;
        }
        self.flush_pending(c);
        let mut buf = [0u8; 4];
        self.out
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        if self.link_depth == 0 && self.formctl_depth == 0 && is_cjk(c) {
            self.kept_cjk += 1;
        }
    }

    /// [`Self::put_char`] for each character of `s` (entities decoded),
    /// with runs of characters written as they are copied at once.
    fn text(&mut self, s: &str) {
        let s = decode_entities(s);
        if self.pre_depth > 0 && !self.cell_mode() {
            for c in s.chars() {
                self.put_char(c);
            }
            return;
        }
        let count_cjk = self.link_depth == 0 && self.formctl_depth == 0;
        // Start of the run being copied; inside a run nothing is pending.
        let mut run: Option<usize> = None;
        for (i, c) in s.char_indices() {
            let space = is_space(c);
            if space || is_dropped(c) {
                if let Some(r) = run.take() {
                    self.out.extend_from_slice(&s.as_bytes()[r..i]);
                }
                if space {
                    self.set_pending(Pending::Space(c == '\n' || c == '\r'));
                }
                continue;
            }
            if run.is_none() {
                self.flush_pending(c);
                run = Some(i);
            }
            if count_cjk && is_cjk(c) {
                self.kept_cjk += 1;
            }
        }
        if let Some(r) = run {
            self.out.extend_from_slice(&s.as_bytes()[r..]);
        }
    }

    /// Ends the current line (outside cells) or marks a join (inside).
    fn block_break(&mut self) {
        if self.cell_mode() {
            self.set_pending(Pending::Join);
            return;
        }
        self.pending = Pending::None;
        if !self.at_line_start() {
            self.out.push(b'\n');
        }
    }

    /// A table or row boundary.
    fn struct_break(&mut self) {
        if self.cell_mode() {
            self.set_pending(Pending::Break);
        } else {
            self.block_break();
        }
    }

    fn br(&mut self) {
        if self.cell_mode() {
            self.set_pending(Pending::Join);
            return;
        }
        self.pending = Pending::None;
        let n = self.out.len();
        if n == 0 || (n >= 2 && self.out[n - 1] == b'\n' && self.out[n - 2] == b'\n') {
            return;
        }
        self.out.push(b'\n');
    }

    // -- element stack -------------------------------------------------------

    /// The id of a (lower-case) name, `known` if it is a known tag's:
    /// known tags have fixed ids, other names are numbered as they come.
    fn intern(&mut self, name: &str, known: Option<u32>) -> u32 {
        if let Some(id) = self.id_of(name, known) {
            return id;
        }
        let id = (known_tags().names.len() + self.names.len()) as u32;
        self.names.insert(name.to_string(), id);
        id
    }

    /// The id of a name already seen (or known).
    fn id_of(&self, name: &str, known: Option<u32>) -> Option<u32> {
        known.or_else(|| self.names.get(name).copied())
    }

    fn push(&mut self, id: u32, flags: u16) -> usize {
        let id = id as usize;
        let idx = self.stack.len();
        if self.open_by_name.len() <= id {
            self.open_by_name.resize_with(id + 1, Vec::new);
        }
        self.open_by_name[id].push(idx);
        if flags & SCOPE != 0 {
            self.scope_marks.push(idx);
        }
        if flags & (TABLE | DEEP_TABLE) != 0 {
            self.table_marks.push(idx);
        }
        if flags & LINK != 0 {
            self.link_depth += 1;
        }
        if flags & FORMCTL != 0 {
            self.formctl_depth += 1;
        }
        if flags & PRE != 0 {
            self.pre_depth += 1;
        }
        if flags & SVG != 0 {
            self.svg_depth += 1;
        }
        if flags & ARTICLE != 0 {
            self.article_depth += 1;
        }
        if flags & DEEP_TABLE != 0 {
            self.deep_tables += 1;
        }
        self.stack.push(Elem {
            name: id as u32,
            flags,
            region: None,
        });
        idx
    }

    fn pop_to(&mut self, idx: usize) {
        while self.stack.len() > idx {
            self.pop_one();
        }
    }

    fn pop_one(&mut self) {
        let Some(el) = self.stack.pop() else { return };
        let idx = self.stack.len();
        if let Some(v) = self.open_by_name.get_mut(el.name as usize) {
            v.pop();
        }
        if self.scope_marks.last() == Some(&idx) {
            self.scope_marks.pop();
        }
        if self.table_marks.last() == Some(&idx) {
            self.table_marks.pop();
        }
        let f = el.flags;
        if f & LINK != 0 {
            self.link_depth = self.link_depth.saturating_sub(1);
            if self.link_depth == 0 {
                self.end_link();
            }
        }
        if let Some(cp) = el.region {
            self.end_region(cp);
        }
        if f & CELL != 0 {
            self.end_cell(idx);
        }
        if f & ROW != 0 {
            self.end_row();
        }
        if f & TABLE != 0 {
            self.end_table();
        }
        if f & (DEEP_TABLE | LOOSE_ROW) != 0 {
            self.struct_break();
        }
        if f & LOOSE_CELL != 0 {
            self.set_pending(Pending::Space(false));
        }
        if f & DEEP_TABLE != 0 {
            self.deep_tables = self.deep_tables.saturating_sub(1);
        }
        if f & FORMCTL != 0 {
            self.formctl_depth = self.formctl_depth.saturating_sub(1);
        }
        if f & PRE != 0 {
            self.pre_depth = self.pre_depth.saturating_sub(1);
        }
        if f & SVG != 0 {
            self.svg_depth = self.svg_depth.saturating_sub(1);
        }
        if f & ARTICLE != 0 {
            self.article_depth = self.article_depth.saturating_sub(1);
        }
        if f & BLOCK != 0 {
            self.block_break();
        }
    }

    /// The open element with the id `id` that an end tag would close, if
    /// it is not hidden behind a table or cell boundary.
    fn open_in_scope(&self, id: u32) -> Option<usize> {
        let idx = *self.open_by_name.get(id as usize)?.last()?;
        let props = known_tags()
            .props
            .get(id as usize)
            .copied()
            .unwrap_or(UNKNOWN_TAG);
        let boundary = if props & T_TABLE != 0 {
            None
        } else if props & T_TABLE_PART != 0 {
            self.table_marks.last()
        } else {
            self.scope_marks.last()
        };
        match boundary {
            Some(&b) if idx < b => None,
            _ => Some(idx),
        }
    }

    fn top_is(&self, names: &[&str]) -> bool {
        let Some(top) = self.stack.last() else {
            return false;
        };
        names.iter().any(|n| known_tag(n) == Some(top.name))
    }

    // -- regions and links ---------------------------------------------------

    fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            out_len: self.out.len(),
            pending: self.pending,
            kept_cjk: self.kept_cjk,
            table_events: self.table_events,
        }
    }

    fn end_region(&mut self, cp: Checkpoint) {
        let droppable = self.table_events == cp.table_events
            && self.kept_cjk.saturating_sub(cp.kept_cjk) <= KEEP_CJK;
        if droppable && self.out.len() >= cp.out_len {
            self.out.truncate(cp.out_len);
            self.pending = cp.pending;
            self.kept_cjk = cp.kept_cjk;
        }
    }

    fn end_link(&mut self) {
        if let Some(p) = self.link_pos.take() {
            let n = self.out.len();
            if n == p + 1 && self.out[p] == LINK_START {
                self.out.pop();
            } else if n > p + 1 {
                self.out.push(LINK_END);
            }
        }
    }

    // -- tables ----------------------------------------------------------------

    fn structured(&self) -> bool {
        self.deep_tables == 0 && !self.tables.is_empty()
    }

    fn start_table(&mut self, id: u32) -> usize {
        if self.deep_tables > 0 || self.tables.len() >= MAX_TABLE_DEPTH {
            self.struct_break();
            return self.push(id, DEEP_TABLE | SCOPE);
        }
        self.table_events += 1;
        self.struct_break();
        let parent_cell = self.cells.len().checked_sub(1);
        let idx = self.push(id, TABLE | SCOPE);
        self.tables.push(TableCtx {
            row: None,
            cell: None,
            cells_in_row: 0,
            rows: 0,
            row_broken: false,
            parent_cell,
        });
        idx
    }

    fn end_table(&mut self) {
        self.table_events += 1;
        if let Some(t) = self.tables.pop() {
            if let (Some(pc), true) = (t.parent_cell, t.rows >= 2) {
                if let Some(c) = self.cells.get_mut(pc) {
                    c.multirow_inside = true;
                }
            }
        }
        self.struct_break();
    }

    /// Closes the open cell and row of the innermost table.
    fn close_row_parts(&mut self, close_row: bool) {
        let Some(t) = self.tables.last() else { return };
        if let Some(ci) = t.cell {
            if let Some(c) = self.cells.get(ci) {
                let e = c.elem;
                self.pop_to(e);
            }
        }
        if close_row {
            if let Some(r) = self.tables.last().and_then(|t| t.row) {
                self.pop_to(r);
            }
        }
    }

    fn start_row(&mut self, id: u32) -> usize {
        self.close_row_parts(true);
        self.table_events += 1;
        self.struct_break();
        let idx = self.push(id, ROW);
        if let Some(t) = self.tables.last_mut() {
            t.row = Some(idx);
            t.cells_in_row = 0;
            t.row_broken = false;
        }
        idx
    }

    fn end_row(&mut self) {
        self.table_events += 1;
        if let Some(t) = self.tables.last_mut() {
            t.row = None;
            if t.cells_in_row > 0 {
                t.rows += 1;
            }
        }
        self.struct_break();
    }

    fn start_cell(&mut self, id: u32) -> usize {
        self.close_row_parts(false);
        if self.tables.last().is_some_and(|t| t.row.is_none()) {
            let tr = self.intern("tr", known_tag("tr"));
            self.start_row(tr);
        }
        self.table_events += 1;
        let (cells_in_row, broken) = self
            .tables
            .last()
            .map_or((0, false), |t| (t.cells_in_row, t.row_broken));
        self.flush_structural();
        let sep_pos = if cells_in_row > 0 {
            let p = self.out.len();
            self.out.push(if broken { b'\n' } else { b'\t' });
            Some(p)
        } else {
            None
        };
        let content_start = self.out.len();
        let idx = self.push(id, CELL | SCOPE);
        self.cells.push(CellCtx {
            elem: idx,
            content_start,
            sep_pos,
            multirow_inside: false,
            layout_inside: false,
        });
        let ci = self.cells.len() - 1;
        if let Some(t) = self.tables.last_mut() {
            t.cells_in_row += 1;
            t.cell = Some(ci);
        }
        self.pending = Pending::None;
        idx
    }

    fn end_cell(&mut self, idx: usize) {
        self.table_events += 1;
        if self.cells.last().map(|c| c.elem) != Some(idx) {
            return;
        }
        let Some(c) = self.cells.pop() else { return };
        let ci = self.cells.len();
        if let Some(t) = self.tables.last_mut() {
            if t.cell == Some(ci) {
                t.cell = None;
            }
        }
        self.pending = Pending::None;
        let layout = self.resolve_cell(&c);
        if layout {
            if let Some(p) = c.sep_pos {
                if p < self.out.len() {
                    self.out[p] = b'\n';
                }
            }
            let parent = self.tables.last_mut().and_then(|t| {
                t.row_broken = true;
                t.parent_cell
            });
            if let Some(pc) = parent.and_then(|pc| self.cells.get_mut(pc)) {
                pc.layout_inside = true;
            }
        }
    }

    /// Rewrites a closed cell's markers: a data cell becomes one line of
    /// text, a layout cell becomes lines. Returns whether it is layout.
    fn resolve_cell(&mut self, c: &CellCtx) -> bool {
        let start = c.content_start.min(self.out.len());
        let (mut joins, mut visible) = (0usize, 0usize);
        for &b in &self.out[start..] {
            match b {
                JOIN => joins += 1,
                BREAK | LINK_START | LINK_END | b'\t' | b'\n' | b' ' => {}
                _ => visible += 1,
            }
        }
        let layout =
            c.multirow_inside || c.layout_inside || (joins > 0 && visible >= LAYOUT_CELL_BYTES);
        let out = &mut self.out;
        let end = out.len();
        let mut w = start;
        if layout {
            for r in start..end {
                let b = out[r];
                if matches!(b, JOIN | BREAK | b'\n') {
                    if w > start && out[w - 1] != b'\n' {
                        out[w] = b'\n';
                        w += 1;
                    }
                } else {
                    out[w] = b;
                    w += 1;
                }
            }
            while w > start && out[w - 1] == b'\n' {
                w -= 1;
            }
        } else {
            // 0 = none, 1 = join, 2 = space
            let mut sep = 0u8;
            let mut last_visible = 0u8;
            for r in start..end {
                let b = out[r];
                match b {
                    JOIN => sep = sep.max(1),
                    BREAK | b'\t' | b'\n' | b' ' => sep = 2,
                    LINK_START | LINK_END => {
                        out[w] = b;
                        w += 1;
                    }
                    _ => {
                        if sep != 0
                            && last_visible != 0
                            && (sep == 2
                                || (last_visible.is_ascii_alphanumeric()
                                    && b.is_ascii_alphanumeric()))
                        {
                            out[w] = b' ';
                            w += 1;
                        }
                        sep = 0;
                        out[w] = b;
                        w += 1;
                        last_visible = b;
                    }
                }
            }
        }
        out.truncate(w);
        layout
    }

    // -- tokens ------------------------------------------------------------------

    fn raw(&mut self, name: &str, s: &str) {
        match name {
            "title" if self.title.is_none() && self.svg_depth == 0 => {
                let t = collapse_spaces(&decode_entities(s));
                if !t.is_empty() {
                    self.title = Some(t);
                }
            }
            "xmp" | "plaintext" => {
                self.pre_depth += 1;
                for c in s.chars() {
                    self.put_char(c);
                }
                self.pre_depth -= 1;
                self.block_break();
            }
            _ => {}
        }
    }

    fn close_if_open(&mut self, id: u32) {
        if let Some(idx) = self.open_in_scope(id) {
            self.pop_to(idx);
        }
    }

    fn start(&mut self, t: StartTag<'_>) {
        let name = &*t.name;
        let tags = known_tags();
        let props = tags.props(t.known);
        if props & T_RAW != 0 {
            if matches!(name, "xmp" | "plaintext") {
                self.block_break();
            }
            return;
        }
        if props & T_CLOSES_P != 0 {
            self.close_if_open(tags.p);
        }
        // Only names in SPECIAL are matched by name below.
        let special = props & T_SPECIAL != 0;
        if special {
            match name {
                "li" if self.top_is(&["li"]) => self.pop_one(),
                "dt" | "dd" if self.top_is(&["dt", "dd"]) => self.pop_one(),
                "option" | "optgroup" if self.top_is(&["option"]) => self.pop_one(),
                "a" => self.close_if_open(tags.a),
                _ => {}
            }
            match name {
                "br" => return self.br(),
                "hr" => return self.block_break(),
                _ => {}
            }
        }
        if props & T_VOID != 0 {
            return;
        }
        let id = self.intern(name, t.known);
        let idx = match name {
            _ if !special => self.start_other(id, props, 0),
            "table" => self.start_table(id),
            "tr" | "td" | "th" if self.deep_tables > 0 => {
                let loose = if name == "tr" { LOOSE_ROW } else { LOOSE_CELL };
                if name == "tr" {
                    self.struct_break();
                } else {
                    self.set_pending(Pending::Space(false));
                }
                self.push(id, loose)
            }
            "tr" | "td" | "th" => {
                if self.tables.is_empty() {
                    // Rows without a table (a pasted fragment): imply one.
                    let table = self.intern("table", known_tag("table"));
                    self.start_table(table);
                }
                if name == "tr" {
                    self.start_row(id)
                } else {
                    self.start_cell(id)
                }
            }
            "tbody" | "thead" | "tfoot" => {
                if self.structured() {
                    self.close_row_parts(true);
                }
                self.push(id, 0)
            }
            _ => {
                let flags = match name {
                    "a" if t.href.is_some_and(|h| !h.trim_start().starts_with('#')) => LINK,
                    "select" | "option" | "optgroup" | "datalist" => FORMCTL,
                    "pre" | "listing" => PRE,
                    "svg" | "math" => SVG,
                    "article" | "main" => ARTICLE,
                    "caption" => SCOPE,
                    _ => 0,
                };
                self.start_other(id, props, flags)
            }
        };
        let region = match name {
            _ if !special => class_is_chrome(t.class) || class_is_chrome(t.id),
            "nav" | "aside" | "template" | "svg" | "math" | "select" | "datalist" | "object"
            | "applet" | "button" | "option" | "optgroup" | "audio" | "video" | "canvas" => true,
            "header" | "footer" => self.article_depth == 0,
            "html" | "body" => false,
            _ => class_is_chrome(t.class) || class_is_chrome(t.id),
        };
        if region {
            let cp = self.checkpoint();
            if let Some(el) = self.stack.get_mut(idx) {
                el.region = Some(cp);
            }
        }
        if self.stack.get(idx).is_some_and(|e| e.flags & LINK != 0) && self.link_depth == 1 {
            self.link_pos = Some(self.out.len());
            self.out.push(LINK_START);
        }
        if t.self_closing {
            self.pop_to(idx);
        }
    }

    /// An element without a table role: a block ends the line.
    fn start_other(&mut self, id: u32, props: u8, mut flags: u16) -> usize {
        if props & T_BLOCK != 0 {
            flags |= BLOCK;
            self.block_break();
        }
        self.push(id, flags)
    }

    fn end(&mut self, name: &str, known: Option<u32>) {
        if known_tags().props(known) & T_SPECIAL != 0 {
            match name {
                "br" => return self.br(),
                "body" | "html" => return,
                _ => {}
            }
        }
        match self
            .id_of(name, known)
            .and_then(|id| self.open_in_scope(id))
        {
            Some(idx) => self.pop_to(idx),
            None => {
                if name == "p" {
                    self.block_break();
                }
            }
        }
    }

    fn finish(mut self) -> String {
        self.pop_to(0);
        finish_lines(&self.out, self.title.as_deref())
    }
}

fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split(|c: char| is_space(c) || c.is_whitespace()) {
        if w.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(w.chars().filter(|&c| !is_dropped(c)));
    }
    out
}

/// Separators allowed between links on a link-only line.
fn is_link_separator(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '|' | '｜'
                | '·'
                | '•'
                | '・'
                | '/'
                | '\\'
                | '>'
                | '＞'
                | '»'
                | '›'
                | '→'
                | '-'
                | '—'
                | '_'
                | ':'
                | '：'
                | '['
                | ']'
                | '【'
                | '】'
                | '■'
                | '□'
                | '◆'
                | '●'
                | '○'
                | '★'
                | '☆'
                | '▪'
                | '▶'
        )
}

struct LineInfo {
    /// The line's text in the buffer of kept text.
    text: std::ops::Range<usize>,
    links: usize,
    link_only: bool,
    chars: usize,
    tab: bool,
}

/// Markers out, lines and cells trimmed, link farms dropped, blank lines
/// collapsed, the title first.
fn finish_lines(out: &[u8], title: Option<&str>) -> String {
    // The buffer is UTF-8 (text and ASCII markers); checked, not assumed.
    let text = match std::str::from_utf8(out) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(out),
    };
    // Every line's visible text, one after the other.
    let mut kept = String::with_capacity(text.len());
    let mut lines: Vec<LineInfo> = Vec::new();
    let mut vis = String::new();
    let mut in_link = false;
    for raw in text.split('\n') {
        vis.clear();
        let (mut links, mut other, mut seg_counted) = (0usize, false, false);
        // Outside links, a line without markers or controls has no link
        // text: it is kept as it is (the common case, no per-char work).
        let plain = !in_link && !raw.bytes().any(|b| b < 0x20 && b != b'\t');
        let vis: &str = if plain {
            raw
        } else {
            for c in raw.chars() {
                match c {
                    '\u{3}' => {
                        in_link = true;
                        seg_counted = false;
                    }
                    '\u{4}' => in_link = false,
                    c if (c as u32) < 0x20 && c != '\t' => {}
                    c => {
                        vis.push(c);
                        if in_link {
                            if !c.is_whitespace() && !seg_counted {
                                links += 1;
                                seg_counted = true;
                            }
                        } else if !other && !is_link_separator(c) {
                            other = true;
                        }
                    }
                }
            }
            &vis
        };
        let tab = vis.contains('\t');
        let start = kept.len();
        if tab {
            for (k, cell) in vis.split('\t').enumerate() {
                if k > 0 {
                    kept.push('\t');
                }
                kept.push_str(cell.trim_matches(' '));
            }
        } else {
            kept.push_str(vis.trim_matches(' '));
        }
        let link_only = links > 0 && !other;
        lines.push(LineInfo {
            // Only read for link-only lines.
            chars: if link_only {
                kept[start..].chars().count()
            } else {
                0
            },
            link_only,
            links,
            tab,
            text: start..kept.len(),
        });
    }
    let mut drop = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        if l.link_only && l.links >= 4 && !l.tab {
            drop[i] = true;
        }
    }
    // Runs of 3+ short link-only lines (blank lines inside a run allowed).
    let short_link = |l: &LineInfo| l.link_only && l.chars <= LINK_LINE_MAX_CHARS;
    let mut i = 0;
    while i < lines.len() {
        if !short_link(&lines[i]) {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut count = 0;
        let mut last = i;
        while j < lines.len() && (short_link(&lines[j]) || lines[j].text.is_empty()) {
            if !lines[j].text.is_empty() {
                count += 1;
                last = j;
            }
            j += 1;
        }
        if count >= 3 {
            for d in &mut drop[i..=last] {
                *d = true;
            }
        }
        i = last + 1;
    }
    let mut result = String::with_capacity(text.len());
    let mut blank = true; // suppresses leading blank lines
    let mut first: Option<&str> = None;
    for (l, d) in lines.iter().zip(drop) {
        if d {
            continue;
        }
        let line = &kept[l.text.clone()];
        if line.is_empty() {
            if !blank {
                result.push('\n');
                blank = true;
            }
            continue;
        }
        if first.is_none() {
            first = Some(line);
        }
        result.push_str(line);
        result.push('\n');
        blank = false;
    }
    while result.ends_with('\n') {
        result.pop();
    }
    match title {
        Some(t) if !t.is_empty() && first != Some(t) => {
            if result.is_empty() {
                t.to_string()
            } else {
                format!("{t}\n{result}")
            }
        }
        _ => result,
    }
}

/// Whether decoded text looks like HTML: it starts (after white space) with
/// `<` and has HTML tags in its first 64 KB.
pub fn looks_like_html(text: &str) -> bool {
    text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .starts_with('<')
        && has_html_tags(text)
}

/// Whether the first 64 KB contain common HTML tags (one pass over the `<`s).
pub fn has_html_tags(text: &str) -> bool {
    let head = &text.as_bytes()[..text.len().min(64 * 1024)];
    const TAGS: [&[u8]; 16] = [
        b"html",
        b"body",
        b"p>",
        b"p ",
        b"div",
        b"table",
        b"td",
        b"tr",
        b"br",
        b"!doctype",
        b"head",
        b"meta",
        b"span",
        b"h1",
        b"h2",
        b"li",
    ];
    memchr::memchr_iter(b'<', head).any(|i| {
        let rest = &head[i + 1..];
        TAGS.iter()
            .any(|t| rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        flatten_html(s)
    }

    #[test]
    fn tag_names_any_case_and_odd_ones() {
        // Upper case is the same tag; a name with a NUL in it is no known
        // tag (`<td\0>` is not a cell); unknown and prefixed names are inline.
        assert_eq!(f("<table><tr><td>4</td><td\0>0</td></tr></table>"), "40");
        assert_eq!(f("<P>A<BR>b</P><Font color=red>c</FONT><O:P>d</O:P><x-y>e</x-y>"), "A\nb\ncde");
        assert_eq!(f("<TABLE><TR><TD>规章</TD><TD>3</TD></TR></TABLE>"), "规章\t3");
    }

    #[test]
    fn paragraphs_and_title() {
        let h = "<!DOCTYPE html><html><head><meta charset=utf-8><title> 某某县2023年政府信息公开工作年度报告 </title>\
                 <style>p{color:red}</style><script>var a='<p>x</p>';</script></head>\
                 <body><p>一、总体情况</p><p>2023年，本县\n  扎实推进。</p><!-- <p>comment</p> --></body></html>";
        assert_eq!(
            f(h),
            "某某县2023年政府信息公开工作年度报告\n一、总体情况\n2023年，本县扎实推进。"
        );
    }

    #[test]
    fn title_not_repeated() {
        let h = "<title>年度报告</title><h1>年度报告</h1><p>正文</p>";
        assert_eq!(f(h), "年度报告\n正文");
    }

    #[test]
    fn rows_become_tab_lines() {
        let h = "<table><tr><td colspan=\"5\"><p align=\"center\">第二十条第（一）项</p></td></tr>\
                 <tr><td><p>信息内容</p></td><td><p align=\"center\">本年新<br />制作数量</p></td>\
                 <td colspan=\"2\"><p>本年新<br />公开数量</p></td><td>对外公开总数量</td></tr>\
                 <tr><td>规章</td><td>&nbsp;</td><td>13</td><td>524</td></tr></table>";
        assert_eq!(
            f(h),
            "第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t\t13\t524"
        );
    }

    #[test]
    fn empty_cells_and_whitespace_in_cells() {
        let h = "<table>\n<tr>\n <td>a</td>\n <td> </td>\n <td>\t3\n</td>\n</tr>\n<tr><td></td><td>x\ty\nz</td></tr></table>";
        assert_eq!(f(h), "a\t\t3\n\tx y z");
    }

    #[test]
    fn unclosed_cells_and_rows() {
        let h = "<table><tr><td>a<td>b<tr><td>c<td>d</table><p>after";
        assert_eq!(f(h), "a\tb\nc\td\nafter");
    }

    #[test]
    fn ascii_words_kept_apart_in_cells() {
        let h = "<table><tr><td>12<br>34</td><td>本年<br>12件</td></tr></table>";
        assert_eq!(f(h), "12 34\t本年12件");
    }

    #[test]
    fn nested_single_row_table_flattens_into_cell() {
        let h = "<table><tr><td>外</td><td><table><tr><td>内1</td><td>内2</td></tr></table></td><td>9</td></tr></table>";
        assert_eq!(f(h), "外\t内1 内2\t9");
    }

    #[test]
    fn layout_table_with_nested_data_table() {
        let h = "<table width=100%><tr><td class=left>栏目</td><td>\
                 <p>一、总体情况</p><p>本年度工作</p>\
                 <table><tr><td>信息内容</td><td>数量</td></tr><tr><td>规章</td><td>3</td></tr></table>\
                 <p>二、其他</p></td></tr></table>";
        assert_eq!(
            f(h),
            "栏目\n一、总体情况\n本年度工作\n信息内容\t数量\n规章\t3\n二、其他"
        );
    }

    #[test]
    fn nested_row_ending_with_empty_cell() {
        let h = "<table><tr><td><table><tr><td>a</td><td>1</td></tr><tr><td>b</td><td>&nbsp;</td></tr></table>\
                 <p>after</p></td></tr></table>";
        assert_eq!(f(h), "a\t1\nb\t\nafter");
        let h = "<table><tr><td>x</td><td><table><tr><td>a</td><td></td></tr></table>y</td></tr></table>";
        assert_eq!(f(h), "x\ta y");
    }

    #[test]
    fn word_export() {
        let h = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head>\
                 <!--[if gte mso 9]><xml><o:DocumentProperties>x</o:DocumentProperties></xml><![endif]-->\
                 <style><!-- p.MsoNormal {margin:0} --></style></head><body lang=ZH-CN>\
                 <div class=WordSection1><p class=MsoNormal><span style='font-family:宋体'>一、总体\n情况<o:p></o:p></span></p>\
                 <p class=MsoListParagraph><![if !supportLists]><span>1.</span><![endif]><span>主动公开</span></p>\
                 <table class=MsoNormalTable border=1><thead><tr><th><p class=MsoNormal align=center>本年新</p>\
                 <p class=MsoNormal align=center>制作数量</p></th><th>数量</th></tr></thead>\
                 <tbody><tr><td><p class=MsoNormal>规章<o:p></o:p></p></td><td><p class=MsoNormal><span lang=EN-US>3<o:p></o:p></span></p></td></tr></tbody>\
                 </table></div></body></html>";
        assert_eq!(
            f(h),
            "一、总体情况\n1.主动公开\n本年新制作数量\t数量\n规章\t3"
        );
    }

    #[test]
    fn caption_and_sections() {
        let h = "<table><caption>表二</caption><thead><tr><th>a</th><th>b</th></thead><tbody><tr><td>1<td>2</tbody></table>";
        assert_eq!(f(h), "表二\na\tb\n1\t2");
    }

    #[test]
    fn layout_cell_with_long_text() {
        let para = "本机关认真贯彻落实政府信息公开条例，".repeat(10);
        let h = format!(
            "<table><tr><td><p>一、总体情况</p><p>{para}</p><p>二、主动公开</p></td></tr></table>"
        );
        assert_eq!(f(&h), format!("一、总体情况\n{para}\n二、主动公开"));
    }

    #[test]
    fn rows_without_table() {
        assert_eq!(
            f("<tr><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr>"),
            "a\t1\nb\t2"
        );
    }

    #[test]
    fn entities() {
        assert_eq!(
            decode_entities("&lt;a&gt; &amp; &quot;x&quot; &#20013;&#x6587; &ldquo;y&rdquo; &unknown; &nbsp &copy;"),
            "<a> & \"x\" 中文 “y” &unknown; \u{A0} ©"
        );
        assert_eq!(
            decode_entities("&#0;&#x110000;&#150;&"),
            "\u{FFFD}\u{FFFD}–&"
        );
        assert_eq!(
            f("<p>&nbsp;&nbsp;正文&emsp;内容&lt;script&gt;</p>"),
            "正文 内容<script>"
        );
    }

    #[test]
    fn dropped_elements() {
        let h = "<body><noscript>请启用脚本</noscript><select><option>国务院</option><option>省政府</option></select>\
                 <nav>首页 政务公开</nav><div class=\"topNav\">导航</div><div id=\"Footer\">版权所有</div>\
                 <svg><text>图</text></svg><button>打印</button><iframe src=x>框</iframe>\
                 <header>网站头部</header><article><header>文章标题</header><p>正文</p></article>\
                 <template><p>模板</p></template><object>插件</object><p>结束</p></body>";
        assert_eq!(f(h), "文章标题\n正文\n结束");
    }

    #[test]
    fn chrome_with_report_content_is_kept() {
        let long = "政府信息公开".repeat(40);
        let h = format!("<div class=\"sidebar\"><p>{long}</p></div><nav><table><tr><td>1</td></tr></table></nav>");
        assert_eq!(f(&h), format!("{long}\n1"));
        // An unclosed button does not swallow the report.
        let h = format!("<button>打印<p>{long}</p>");
        assert!(f(&h).contains(&long));
    }

    #[test]
    fn link_farms_dropped() {
        let h = "<p>一、总体情况</p><ul><li><a href=/a>国务院</a></li><li><a href=/b>省政府</a></li>\
                 <li><a href=/c>市政府</a></li></ul><p>正文<a href=/d>链接</a>内容</p>\
                 <div><a href=1>首页</a> | <a href=2>关于</a> | <a href=3>地图</a> | <a href=4>联系</a></div>\
                 <p><a href=/x>附件一</a></p><p><a href=#s1>二、主动公开</a></p>";
        assert_eq!(f(h), "一、总体情况\n正文链接内容\n附件一\n二、主动公开");
    }

    #[test]
    fn br_and_blank_lines() {
        assert_eq!(
            f("a<br>b<br><br><br><br>c<p></p><p></p><div>d</div>"),
            "a\nb\n\nc\nd"
        );
    }

    #[test]
    fn pre_keeps_lines() {
        // Inner spacing is kept; lines are trimmed.
        assert_eq!(f("<pre>a  b\n c\n\n\td</pre><p>e</p>"), "a  b\nc\n\n\td\ne");
    }

    #[test]
    fn cjk_line_breaks_in_source() {
        assert_eq!(f("<p>本年度\n报告 2019\nyear</p>"), "本年度报告 2019 year");
    }

    #[test]
    fn malformed_input_does_not_panic() {
        for h in [
            "<",
            "<a",
            "<a href='x",
            "</",
            "</a",
            "<!--",
            "<!-- x --",
            "<![CDATA[",
            "<table><td",
            "</td></tr></table>",
            "<p <p <p>",
            "&#",
            "&#x;",
            "&",
            "<<<>>>",
            "<script>",
            "<title>x",
            "<td><td><tr>",
            "<a/><b/>",
            "<div/>x",
            "<table><caption>c<tr><td>1</table>",
            "</br>x",
            "<p>a</p></p>b",
            "<select>x",
            "\u{1}\u{2}\u{3}\u{4}",
        ] {
            let _ = f(h);
        }
        assert_eq!(f("</br>x"), "x");
        assert_eq!(f("<p>a</p></p>b"), "a\nb");
        assert_eq!(f("a < b and c<5"), "a < b and c<5");
        assert_eq!(f("\u{1}x\u{3}y"), "xy");
    }

    #[test]
    fn misnested_end_tags_do_not_break_tables() {
        let h = "<div><table><tr><td>a</div>b</td><td>c</td></tr></table>";
        assert_eq!(f(h), "ab\tc");
    }

    #[test]
    fn deep_nesting_is_fine() {
        let n = 100_000;
        let h = format!("{}报告{}", "<div>".repeat(n), "</div>".repeat(n));
        assert_eq!(f(&h), "报告");
        let h = format!("{}x", "<div class=nav><span>".repeat(n));
        assert_eq!(f(&h), "");
        let h = format!("{}数字", "<table><tr><td>".repeat(20_000));
        assert_eq!(f(&h), "数字");
        let h = format!("{}y{}", "<div>".repeat(50_000), "</span>".repeat(50_000));
        assert_eq!(f(&h), "y");
    }

    #[test]
    fn five_mb_nested_divs_and_long_line() {
        let n = 100_000;
        let mut h = String::with_capacity(5_200_000);
        for _ in 0..n {
            h.push_str("<div class=\"x\">");
        }
        while h.len() < 5_000_000 {
            h.push_str("<p>政府信息公开</p>");
        }
        for _ in 0..n {
            h.push_str("</div>");
        }
        let out = f(&h);
        assert!(out.starts_with("政府信息公开\n"));
        let line = "政府信息公开年度报告 12345 ".repeat(40_000);
        assert!(line.len() > 1_000_000);
        let out = f(&format!("<p>{line}</p>"));
        assert_eq!(out, line.trim_end());
    }

    #[test]
    fn detection() {
        assert!(looks_like_html("  <p>x</p>"));
        assert!(looks_like_html("\u{FEFF}<!DOCTYPE html><html>"));
        assert!(!looks_like_html("text <p>x</p>"));
        assert!(!looks_like_html("<不是标签>"));
    }
}
