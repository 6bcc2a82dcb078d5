//! Word documents (.docx): a ZIP archive whose `word/document.xml` holds the
//! text. Read without a ZIP or XML crate: the central directory is walked by
//! hand, the one member inflated with `miniz_oxide` (capped, so a ZIP bomb is
//! refused), and the XML scanned by a small tolerant tokenizer.
//!
//! Output, in document order:
//! - a paragraph (`w:p`) is one line: its `w:t` text; `w:tab` is a space,
//!   `w:br`/`w:cr` a line break;
//! - a table row (`w:tr`) is one line whose cells (`w:tc`) are joined by `\t`:
//!   a cell spanning columns (`gridSpan`) appears once, a vertically merged
//!   continuation cell (`vMerge`) is an empty cell, the paragraphs of a cell
//!   are joined into one cell text, and a table nested in a cell is flattened
//!   into that cell's text;
//! - deleted text, field codes, tab stop definitions and the `mc:Fallback`
//!   copy of alternate content are skipped; footnotes, headers and footers
//!   (other parts) are not read.

use crate::ExtractError;

/// The largest inflated `document.xml` accepted (a ZIP bomb is refused).
pub const MAX_INFLATED: usize = 64 * 1024 * 1024;

const CONVERT: &str = "open it in Word or WPS and save it again as a .docx (文件 → 另存为 → Word 文档), or copy all of the report's text and paste it in";

/// `None` when `bytes` are not a ZIP archive that is (or claims to be) a Word
/// document; otherwise the text or a specific error.
pub fn try_decode(bytes: &[u8], name: Option<&str>) -> Option<Result<String, ExtractError>> {
    if !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")) {
        return None;
    }
    let named_docx = name.is_some_and(|n| {
        let n = n.trim().to_ascii_lowercase();
        n.ends_with(".docx") || n.ends_with(".docm") || n.ends_with(".dotx")
    });
    let err = |msg: String| Some(Err(ExtractError::Binary { kind: msg }));
    let entries = match central_directory(bytes) {
        Ok(e) => e,
        Err(why) => {
            // Not readable as a ZIP: say so if it looks like a Word document.
            let mentions_word = super::encoding::find(bytes, b"word/").is_some();
            if named_docx || mentions_word {
                return err(format!(
                    "This Word document (.docx) is damaged: its ZIP structure cannot be read ({why}); the file may be \
                     cut short or corrupted. Download it again, or {CONVERT}."
                ));
            }
            return None;
        }
    };
    let main = match main_part(bytes, &entries) {
        Some(p) => p,
        None => {
            if named_docx {
                return err(format!(
                    "This file is named .docx and is a ZIP archive, but it has no word/document.xml, so it is not a Word \
                     document that can be read (it may be another kind of archive). {}",
                    "Open the original document and copy all of the report's text and paste it in."
                ));
            }
            // Another ZIP (xlsx, OFD…): the binary sniffer names it.
            return None;
        }
    };
    let xml = match read_entry(bytes, main) {
        Ok(x) => x,
        Err(why) => {
            return err(format!(
                "This Word document (.docx) cannot be read: {why}. {}",
                capitalize_convert()
            ))
        }
    };
    let xml = match xml_text(&xml) {
        Some(s) => s,
        None => {
            return err(format!(
                "This Word document (.docx) cannot be read: {} is not valid UTF-8/UTF-16 XML. {}",
                main.name,
                capitalize_convert()
            ))
        }
    };
    let text = docx_text(&xml);
    if text.trim().is_empty() {
        return err(
            "This Word document (.docx) contains no text: its pages may be pictures (a scan pasted into Word). \
             Text recognition (OCR) is not supported: use a text version of the report."
                .to_string(),
        );
    }
    Some(Ok(text))
}

fn capitalize_convert() -> String {
    let mut s = CONVERT.to_string();
    s.replace_range(..1, "O");
    s.push('.');
    s
}

// -------------------------------------------------------------------- zip

#[derive(Debug, Clone)]
struct Entry {
    name: String,
    method: u16,
    flags: u16,
    csize: usize,
    usize_: usize,
    offset: usize,
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(i..i + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
}

/// The entries of the central directory.
fn central_directory(b: &[u8]) -> Result<Vec<Entry>, &'static str> {
    // End of central directory: the last `PK\x05\x06` within 64 KiB + 22 of
    // the end.
    let lo = b.len().saturating_sub(65_557);
    let eocd = (lo..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b[i..].starts_with(b"PK\x05\x06"))
        .ok_or("no end of central directory")?;
    let count = u16_at(b, eocd + 10).ok_or("short end record")? as usize;
    let size = u32_at(b, eocd + 12).ok_or("short end record")? as usize;
    let offset = u32_at(b, eocd + 16).ok_or("short end record")? as usize;
    if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
        return Err("ZIP64 archives are not supported");
    }
    // Self-extracting or prefixed archives: the directory sits right before
    // the end record.
    let start = if offset + size <= eocd {
        offset
    } else {
        eocd.checked_sub(size)
            .ok_or("bad central directory offset")?
    };
    let shift = start.wrapping_sub(offset);
    let mut entries = Vec::new();
    let mut p = start;
    for _ in 0..count {
        if !b.get(p..).is_some_and(|s| s.starts_with(b"PK\x01\x02")) {
            return Err("bad central directory entry");
        }
        let flags = u16_at(b, p + 8).ok_or("short entry")?;
        let method = u16_at(b, p + 10).ok_or("short entry")?;
        let csize = u32_at(b, p + 20).ok_or("short entry")? as usize;
        let usize_ = u32_at(b, p + 24).ok_or("short entry")? as usize;
        let nlen = u16_at(b, p + 28).ok_or("short entry")? as usize;
        let elen = u16_at(b, p + 30).ok_or("short entry")? as usize;
        let clen = u16_at(b, p + 32).ok_or("short entry")? as usize;
        let local = (u32_at(b, p + 42).ok_or("short entry")? as usize).wrapping_add(shift);
        let name = b.get(p + 46..p + 46 + nlen).ok_or("short entry name")?;
        entries.push(Entry {
            name: String::from_utf8_lossy(name).replace('\\', "/"),
            method,
            flags,
            csize,
            usize_,
            offset: local,
        });
        p += 46 + nlen + elen + clen;
    }
    Ok(entries)
}

/// The main document part: `word/document.xml`, or the target of the
/// officeDocument relationship in `_rels/.rels`.
fn main_part<'a>(b: &[u8], entries: &'a [Entry]) -> Option<&'a Entry> {
    let find = |n: &str| {
        entries
            .iter()
            .find(|e| e.name.trim_start_matches('/').eq_ignore_ascii_case(n))
    };
    if let Some(e) = find("word/document.xml") {
        return Some(e);
    }
    let rels = find("_rels/.rels")?;
    let xml = read_entry(b, rels).ok()?;
    let xml = String::from_utf8_lossy(&xml);
    for tag in xml.split('<').filter(|t| t.starts_with("Relationship ")) {
        if tag.contains("relationships/officeDocument") {
            let target = attr(tag, "Target")?;
            return find(target.trim_start_matches('/'))
                .filter(|e| e.name.contains("word/") || e.name.ends_with(".xml"));
        }
    }
    None
}

fn read_entry(b: &[u8], e: &Entry) -> Result<Vec<u8>, String> {
    if e.flags & 1 != 0 {
        return Err("it is encrypted (password-protected)".into());
    }
    if e.usize_ > MAX_INFLATED {
        return Err(format!(
            "{} would inflate to {} bytes, over the limit of {} bytes",
            e.name, e.usize_, MAX_INFLATED
        ));
    }
    if !b
        .get(e.offset..)
        .is_some_and(|s| s.starts_with(b"PK\x03\x04"))
    {
        return Err(format!(
            "the local header of {} is missing (the file is damaged)",
            e.name
        ));
    }
    let nlen = u16_at(b, e.offset + 26).unwrap_or(0) as usize;
    let elen = u16_at(b, e.offset + 28).unwrap_or(0) as usize;
    let start = e.offset + 30 + nlen + elen;
    let data = b.get(start..start.saturating_add(e.csize)).ok_or_else(|| {
        format!(
            "{} is cut short (the file is damaged or incomplete)",
            e.name
        )
    })?;
    match e.method {
        0 => Ok(data.to_vec()),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_INFLATED).map_err(|err| {
            if matches!(err.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                format!("{} inflates to more than {} bytes (refused: a ZIP bomb or a huge document)", e.name, MAX_INFLATED)
            } else {
                format!("{} is damaged (its compressed data cannot be inflated)", e.name)
            }
        }),
        m => Err(format!("{} uses ZIP compression method {m}, which is not supported", e.name)),
    }
}

/// XML bytes as text (UTF-8, or UTF-16 with a BOM).
fn xml_text(b: &[u8]) -> Option<String> {
    if b.starts_with(&[0xFF, 0xFE]) || b.starts_with(&[0xFE, 0xFF]) {
        let le = b[0] == 0xFF;
        let units: Vec<u16> = b[2..]
            .chunks_exact(2)
            .map(|c| {
                if le {
                    u16::from_le_bytes([c[0], c[1]])
                } else {
                    u16::from_be_bytes([c[0], c[1]])
                }
            })
            .collect();
        return String::from_utf16(&units).ok();
    }
    let b = b.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(b);
    match simdutf8::basic::from_utf8(b) {
        Ok(s) => Some(s.to_string()),
        // Tolerate a few bad bytes.
        Err(_) => Some(String::from_utf8_lossy(b).into_owned()),
    }
}

// -------------------------------------------------------------------- xml

/// The value of attribute `name` (exact qualified name) in a tag's text.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = tag;
    while let Some(i) = memchr::memmem::find(rest.as_bytes(), name.as_bytes()) {
        let before_ok = i == 0 || rest[..i].ends_with(|c: char| c.is_whitespace());
        let after = rest[i + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let end = v[1..].find(q)?;
                    return Some(&v[1..1 + end]);
                }
            }
        }
        rest = &rest[i + name.len()..];
    }
    None
}

/// Resolves the five predefined entities and character references.
fn unescape(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(i) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let Some(end) = after.find(';').filter(|&e| e <= 12) else {
            out.push('&');
            rest = after;
            continue;
        };
        let ent = &after[..end];
        let c = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => {
                let code =
                    if let Some(h) = ent.strip_prefix("#x").or_else(|| ent.strip_prefix("#X")) {
                        u32::from_str_radix(h, 16).ok()
                    } else if let Some(d) = ent.strip_prefix('#') {
                        d.parse::<u32>().ok()
                    } else {
                        None
                    };
                code.and_then(char::from_u32)
            }
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<String>>,
    row: Option<Vec<String>>,
    cell: Option<String>,
}

#[derive(Default)]
struct Builder {
    lines: Vec<String>,
    tables: Vec<Table>,
    /// Open paragraphs (a text box's paragraphs nest inside a paragraph).
    paras: Vec<String>,
}

/// Joins two pieces of one cell: nothing between CJK text, a space between
/// words.
fn join_into(cell: &mut String, piece: &str) {
    let piece = piece.trim();
    if piece.is_empty() {
        return;
    }
    let need_space = cell
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric())
        && piece
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if need_space {
        cell.push(' ');
    }
    cell.push_str(piece);
}

impl Builder {
    /// A finished paragraph (its text may hold `\n` from line breaks).
    fn paragraph(&mut self, text: String) {
        if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            for part in text.split('\n') {
                join_into(cell, &part.replace('\t', " "));
            }
            return;
        }
        for part in text.split('\n') {
            self.lines
                .push(part.replace('\t', " ").trim_end().to_string());
        }
    }
    fn end_table(&mut self) {
        let Some(mut t) = self.tables.pop() else {
            return;
        };
        if let Some(row) = t.row.take() {
            t.rows.push(row);
        }
        let rows: Vec<Vec<String>> = t
            .rows
            .into_iter()
            .filter(|r| r.iter().any(|c| !c.trim().is_empty()))
            .collect();
        if let Some(cell) = self.tables.last_mut().and_then(|o| o.cell.as_mut()) {
            // A nested table: flattened into the outer cell.
            for r in rows {
                for c in r {
                    if !cell.is_empty() && !c.trim().is_empty() {
                        cell.push(' ');
                    }
                    join_into(cell, &c);
                }
            }
            return;
        }
        for r in rows {
            self.lines.push(
                r.iter()
                    .map(|c| c.replace(['\t', '\n'], " ").trim().to_string())
                    .collect::<Vec<_>>()
                    .join("\t"),
            );
        }
    }
}

/// The text of a WordprocessingML `document.xml`.
pub fn docx_text(xml: &str) -> String {
    let mut b = Builder::default();
    // The prefix bound to the WordprocessingML namespace (usually `w`).
    let prefix = word_prefix(xml).unwrap_or_else(|| "w".to_string());
    let mut in_run = 0usize;
    let mut in_t = false;
    let mut t_preserve = false;
    let mut t_buf = String::new();
    // The text of a `<w:t>`, unescaped (one buffer for all of them).
    let mut t_text = String::new();
    // Depth inside skipped content (mc:Fallback).
    let mut skip = 0usize;
    let mut pos = 0;
    let bytes = xml.as_bytes();
    while pos < xml.len() {
        let Some(lt) = memchr::memchr(b'<', &bytes[pos..]).map(|i| pos + i) else {
            break;
        };
        if in_t && skip == 0 {
            t_buf.push_str(&xml[pos..lt]);
        }
        let rest = &xml[lt..];
        // Comments, CDATA, processing instructions, declarations.
        if matches!(bytes.get(lt + 1), Some(b'!' | b'?')) {
            if rest.starts_with("<!--") {
                pos = rest.find("-->").map_or(xml.len(), |e| lt + e + 3);
                continue;
            }
            if rest.starts_with("<![CDATA[") {
                let end = rest.find("]]>").map_or(xml.len(), |e| lt + e);
                if in_t && skip == 0 {
                    // CDATA text is literal: escape-free.
                    t_buf.push_str(&xml[lt + 9..end].replace('&', "&amp;"));
                }
                pos = (end + 3).min(xml.len());
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                pos = rest.find('>').map_or(xml.len(), |e| lt + e + 1);
                continue;
            }
        }
        // A tag: find its end outside quotes (jumping from quote to quote);
        // the end of the text when it is cut off.
        let mut i = lt + 1;
        loop {
            let Some(at) = memchr::memchr3(b'>', b'"', b'\'', &bytes[i..]) else {
                i = bytes.len();
                break;
            };
            i += at;
            let c = bytes[i];
            if c == b'>' {
                break;
            }
            let Some(close) = memchr::memchr(c, &bytes[i + 1..]) else {
                i = bytes.len();
                break;
            };
            i += 1 + close + 1;
        }
        let tag = &xml[lt + 1..i.min(xml.len())];
        pos = (i + 1).min(xml.len());
        let closing = tag.starts_with('/');
        let self_closing = tag.ends_with('/');
        let body = tag.trim_start_matches('/').trim_end_matches('/');
        // Up to the first white space: ASCII in well-formed XML (a non-ASCII
        // char on the way takes the general route, for Unicode spaces).
        let name = match body.bytes().position(|c| matches!(c, b'\t'..=b'\r' | b' ') || c >= 0x80) {
            Some(i) if body.as_bytes()[i] >= 0x80 => body.split(|c: char| c.is_whitespace()).next().unwrap_or(""),
            Some(i) => &body[..i],
            None => body,
        };
        if name == "mc:Fallback" {
            if closing {
                skip = skip.saturating_sub(1);
            } else if !self_closing {
                skip += 1;
            }
            continue;
        }
        if skip > 0 {
            continue;
        }
        // The local name of a WordprocessingML element (`t` of `w:t`).
        let Some(local) = name.strip_prefix(prefix.as_str()).and_then(|n| n.strip_prefix(':')) else {
            continue;
        };
        if closing {
            if local == "t" {
                if in_t {
                    t_text.clear();
                    unescape(&t_buf, &mut t_text);
                    let s = if t_preserve { &t_text[..] } else { t_text.trim() };
                    if let Some(p) = b.paras.last_mut() {
                        p.push_str(s);
                    }
                    t_buf.clear();
                    in_t = false;
                }
            } else if local == "r" {
                in_run = in_run.saturating_sub(1);
            } else if local == "p" {
                if let Some(p) = b.paras.pop() {
                    b.paragraph(p);
                }
            } else if local == "tc" {
                if let Some(t) = b.tables.last_mut() {
                    if let Some(c) = t.cell.take() {
                        t.row.get_or_insert_with(Vec::new).push(c);
                    }
                }
            } else if local == "tr" {
                if let Some(t) = b.tables.last_mut() {
                    if let Some(c) = t.cell.take() {
                        t.row.get_or_insert_with(Vec::new).push(c);
                    }
                    if let Some(r) = t.row.take() {
                        t.rows.push(r);
                    }
                }
            } else if local == "tbl" {
                // Paragraphs left open inside the table are closed first.
                b.end_table();
            }
            continue;
        }
        // Opening (or empty) tags.
        if local == "t" {
            if !self_closing && in_run > 0 {
                in_t = true;
                t_buf.clear();
                t_preserve = attr(body, "xml:space") == Some("preserve");
            }
        } else if local == "r" {
            if !self_closing {
                in_run += 1;
            }
        } else if local == "p" {
            if self_closing {
                b.paragraph(String::new());
            } else {
                b.paras.push(String::new());
            }
        } else if local == "tab" || local == "noBreakHyphen" || local == "br" || local == "cr" || local == "sym" {
            if in_run > 0 {
                if let Some(p) = b.paras.last_mut() {
                    if local == "tab" {
                        p.push(' ');
                    } else if local == "noBreakHyphen" {
                        p.push('-');
                    } else if local == "sym" {
                        // Symbol-font characters are private-use code points: skipped.
                    } else {
                        p.push('\n');
                    }
                }
            }
        } else if local == "tbl" {
            if !self_closing {
                b.tables.push(Table::default());
            }
        } else if local == "tr" {
            if let Some(t) = b.tables.last_mut() {
                if let Some(r) = t.row.take() {
                    t.rows.push(r);
                }
                t.row = Some(Vec::new());
            }
        } else if local == "tc" {
            if let Some(t) = b.tables.last_mut() {
                if let Some(c) = t.cell.take() {
                    t.row.get_or_insert_with(Vec::new).push(c);
                }
                if self_closing {
                    t.row.get_or_insert_with(Vec::new).push(String::new());
                } else {
                    t.cell = Some(String::new());
                }
            }
        }
    }
    // Unclosed structures (a cut document): flush what there is.
    while let Some(p) = b.paras.pop() {
        b.paragraph(p);
    }
    while !b.tables.is_empty() {
        b.end_table();
    }
    let mut out = String::new();
    for l in b.lines {
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// The prefix declared for the WordprocessingML namespace, if any.
fn word_prefix(xml: &str) -> Option<String> {
    for ns in [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ] {
        let needle = format!("=\"{ns}\"");
        let mut cut = xml.len().min(64 * 1024);
        while !xml.is_char_boundary(cut) {
            cut -= 1;
        }
        let head = &xml[..cut];
        if let Some(i) = head.find(&needle) {
            let before = &head[..i];
            let start = before.rfind("xmlns:")?;
            return Some(before[start + 6..].trim().to_string());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
             <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
             xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{body}</w:body></w:document>"
        )
    }

    /// An element name ends at any white space, ASCII or not; comments,
    /// declarations and text outside a run carry no text; a quoted `>` does
    /// not end a tag.
    #[test]
    fn element_names_end_at_any_space() {
        let x = doc(
            "<w:p\u{a0}x=\"1\"><w:r\u{b}><w:t>甲</w:t></w:r></w:p><!-- <w:p><w:r><w:t>注</w:t></w:r></w:p> -->\
             <?pi <w:t>?><v:x><w:t>丙</w:t></v:x><w:p><w:r><w:t a='>'>乙</w:t></w:r></w:p>",
        );
        assert_eq!(docx_text(&x), "甲\n乙\n");
    }

    #[test]
    fn paragraphs_runs_tabs_breaks_entities() {
        let x = doc(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"420\"/></w:tabs></w:pPr>\
             <w:r><w:t>一、总体</w:t></w:r><w:r><w:t xml:space=\"preserve\">情况 </w:t></w:r><w:r><w:tab/><w:t>A&amp;B &lt;1&gt; &#x4E00;&#20108;</w:t></w:r></w:p>\
             <w:p><w:r><w:t>第一行</w:t><w:br/><w:t>  第二行  </w:t></w:r></w:p><w:p/>\
             <w:p><w:r><w:delText>删除</w:delText><w:instrText> PAGE </w:instrText><w:t>留下</w:t></w:r></w:p>",
        );
        assert_eq!(
            docx_text(&x),
            "一、总体情况  A&B <1> 一二\n第一行\n第二行\n\n留下\n"
        );
    }

    #[test]
    fn tables_spans_merges_nesting() {
        let x = doc(
            "<w:p><w:r><w:t>表前</w:t></w:r></w:p>\
             <w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>\
             <w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>信息内容</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>本年</w:t></w:r></w:p><w:p><w:r><w:t>制发件数</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>三、本年度办理结果</w:t></w:r></w:p></w:tc>\
             <w:tc><w:p><w:r><w:t>（一）予以公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>258</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>\
             <w:tc><w:p><w:r><w:t>（二）部分公开</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>4</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>嵌套</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>表</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p/></w:tc>\
             <w:tc><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc></w:tr>\
             </w:tbl><w:p><w:r><w:t>表后</w:t></w:r></w:p>",
        );
        assert_eq!(
            docx_text(&x),
            "表前\n信息内容\t本年制发件数\n三、本年度办理结果\t（一）予以公开\t258\n\t（二）部分公开\t4\n嵌套 表\t7\n表后\n"
        );
    }

    #[test]
    fn alternate_content_fallback_skipped_and_other_prefix() {
        let x = "<x:document xmlns:x=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><x:body>\
                 <x:p><x:r><mc:AlternateContent><mc:Choice><x:t>甲</x:t></mc:Choice><mc:Fallback><x:t>甲</x:t></mc:Fallback></mc:AlternateContent></x:r></x:p>\
                 </x:body></x:document>";
        assert_eq!(docx_text(x), "甲\n");
    }

    #[test]
    fn attributes() {
        assert_eq!(
            attr("w:t xml:space=\"preserve\"", "xml:space"),
            Some("preserve")
        );
        assert_eq!(
            attr("Relationship Id='r1' Target='word/document.xml'", "Target"),
            Some("word/document.xml")
        );
        assert_eq!(attr("w:t", "xml:space"), None);
    }
}
