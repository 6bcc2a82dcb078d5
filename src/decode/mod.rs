//! Decoding: raw bytes → text the rest of the pipeline reads.
//!
//! Detects the encoding (BOM, valid UTF-8, else GB18030 vs Big5 by which
//! decodes more plausibly) and the format. HTML is flattened to lines: block
//! elements end a line and every table row becomes one line whose cells are
//! separated by `\t`, so one table reader serves HTML, markdown pipes and
//! pasted text alike. Binary files get a clear error instead of garbage.
//!
//! Steps of [`decode`]:
//! 1. empty / white-space-only → [`ExtractError::Empty`];
//! 2. binary sniffing ([`binary_kind`]) → [`ExtractError::Binary`];
//! 3. MHTML (.mht/.mhtml or a MIME multipart/related message): the text/html
//!    part is decoded and flattened;
//! 4. encoding detection ([`decode_text`]), CR/CRLF → LF, NULs removed
//!    (GB18030/Big5 bytes are decoded by encoding_rs, or without the
//!    `legacy-encodings` feature by the [`set_legacy_decoder`] function);
//! 5. format detection ([`detect_format`]); HTML is flattened
//!    ([`flatten_html`]), markdown and text are returned as they are.
//!
//! A Word document (.docx: a ZIP archive with `word/document.xml`) is read by
//! [`docx`] before step 2: paragraphs become lines and table rows
//! tab-separated lines. PDFs are read from their text layer ([`pdf`],
//! [`crate::layout`]), not from their bytes here.

mod docx;
mod encoding;
mod html;
mod mhtml;
pub mod pdf;
mod sniff;

use crate::ExtractError;

pub use docx::docx_text;
pub use encoding::{decode_bytes as decode_text, set_legacy_decoder, DecodedText, LegacyDecoder};
pub use html::{decode_entities, flatten_html, looks_like_html};
pub use sniff::binary_kind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Markdown,
    /// A Word document (.docx).
    Docx,
    /// A PDF's text layer.
    Pdf,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub format: Format,
}

/// Decodes `bytes`; `name` (a file name) is only a hint for the format.
pub fn decode(bytes: &[u8], name: Option<&str>) -> Result<Decoded, ExtractError> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ExtractError::Empty);
    }
    if let Some(result) = docx::try_decode(bytes, name) {
        let text = clean(result?);
        return finish(text, "utf-8", Format::Docx);
    }
    if let Some(kind) = binary_kind(bytes) {
        return Err(ExtractError::Binary { kind });
    }
    let name_lc = name.map(|n| n.trim().to_ascii_lowercase());
    let name_lc = name_lc.as_deref();
    if mhtml::looks_like_mhtml(bytes, name_lc) {
        if let Some(part) = mhtml::html_part(bytes) {
            let text = flatten_html(&clean(part.text));
            return finish(text, part.encoding, Format::Html);
        }
    }
    let decoded = decode_text(bytes);
    let text = clean(decoded.text);
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    match detect_format(&text, name_lc) {
        Format::Html => finish(flatten_html(&text), decoded.encoding, Format::Html),
        format => Ok(Decoded {
            text,
            encoding: decoded.encoding,
            format,
        }),
    }
}

fn finish(text: String, encoding: &'static str, format: Format) -> Result<Decoded, ExtractError> {
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(Decoded {
        text,
        encoding,
        format,
    })
}

/// Line endings to LF; NUL characters and a leading BOM removed.
fn clean(text: String) -> String {
    let mut text = encoding::normalize_newlines(text);
    if text.starts_with('\u{FEFF}') {
        text.remove(0);
    }
    // (memchr's search, not `str::contains`'s scalar one.)
    if memchr::memchr(0, text.as_bytes()).is_some() {
        text.retain(|c| c != '\0');
    }
    text
}

/// The format of decoded text; `name` is the file name (any case), a hint.
///
/// HTML: the text starts with `<` and has HTML tags, or the name ends with
/// .html/.htm/.xhtml/.mht/.mhtml and the text has HTML tags. Markdown: the
/// name ends with .md/.markdown, or a pipe-table line is followed by a
/// `|---|` separator line. Otherwise text.
pub fn detect_format(text: &str, name: Option<&str>) -> Format {
    let name_lc = name.map(|n| n.trim().to_ascii_lowercase());
    let name_lc = name_lc.as_deref();
    let ends = |exts: &[&str]| name_lc.is_some_and(|n| exts.iter().any(|e| n.ends_with(e)));
    if looks_like_html(text)
        || (ends(&[".html", ".htm", ".xhtml", ".mht", ".mhtml", ".shtml"])
            && html::has_html_tags(text))
    {
        return Format::Html;
    }
    if ends(&[".md", ".markdown", ".mdown", ".mkd"]) || has_pipe_table(text) {
        return Format::Markdown;
    }
    Format::Text
}

/// A `| a | b |` line directly followed by a `|---|---|` line.
fn has_pipe_table(text: &str) -> bool {
    if memchr::memchr(b'|', text.as_bytes()).is_none() {
        return false;
    }
    let mut prev_row = false;
    for line in text.lines() {
        let t = line.trim();
        let is_sep = t.contains('|')
            && t.contains("---")
            && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
        if prev_row && is_sep {
            return true;
        }
        prev_row = t.starts_with('|') && t.matches('|').count() >= 2 && !is_sep;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8], name: Option<&str>) -> Decoded {
        decode(bytes, name).expect("decodes")
    }

    #[test]
    fn empty_and_whitespace() {
        assert_eq!(decode(b"", None).unwrap_err(), ExtractError::Empty);
        assert_eq!(decode(b"  \r\n\t ", None).unwrap_err(), ExtractError::Empty);
        assert_eq!(
            decode("\u{3000}\u{3000}\n".as_bytes(), None).unwrap_err(),
            ExtractError::Empty
        );
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x20, 0x00], None).unwrap_err(),
            ExtractError::Empty
        );
        assert_eq!(
            decode(
                b"<html><head><script>x</script></head><body> </body></html>",
                None
            )
            .unwrap_err(),
            ExtractError::Empty
        );
    }

    #[test]
    fn binary_errors() {
        match decode(b"%PDF-1.5\n...", Some("report.pdf")) {
            Err(ExtractError::Binary { kind }) => assert!(kind.contains("PDF")),
            other => panic!("{other:?}"),
        }
        match decode(
            b"PK\x03\x04\x14\x00\x00\x00word/document.xml",
            Some("a.docx"),
        ) {
            Err(ExtractError::Binary { kind }) => {
                assert!(kind.contains("DOCX") || kind.contains(".docx"))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn text_unchanged_except_line_endings() {
        let t = "一、总体情况\r\n　　2019年，本机关…\r\n信息内容\t本年制发件数\r";
        let d = ok(t.as_bytes(), Some("report.txt"));
        assert_eq!(d.format, Format::Text);
        assert_eq!(d.encoding, "utf-8");
        assert_eq!(
            d.text,
            "一、总体情况\n　　2019年，本机关…\n信息内容\t本年制发件数\n"
        );
    }

    #[test]
    fn markdown_by_name_and_by_pipe_table() {
        let md = "## 表二\n| 信息内容 | 本年制发件数 |\n|---|---|\n| 规章 | 3 |\n";
        let d = ok(md.as_bytes(), None);
        assert_eq!((d.format, d.text.as_str()), (Format::Markdown, md));
        let d = ok("正文\n| 119 | 25 |\n".as_bytes(), Some("2025-suqian.MD"));
        assert_eq!(d.format, Format::Markdown);
        assert_eq!(ok("a | b\nc | d\n".as_bytes(), None).format, Format::Text);
    }

    #[test]
    fn html_detection() {
        let d = ok(b"  <p>a</p><p>b</p>", None);
        assert_eq!((d.format, d.text.as_str()), (Format::Html, "a\nb"));
        // Name hint with tags somewhere.
        let d = ok("报告\n<br>正文".as_bytes(), Some("x.htm"));
        assert_eq!((d.format, d.text.as_str()), (Format::Html, "报告\n正文"));
        // Name hint without tags: plain text, newlines kept.
        let d = ok("报告\n正文 a<b".as_bytes(), Some("x.html"));
        assert_eq!(d.format, Format::Text);
        // Text that merely mentions tags.
        assert_eq!(ok("说明：<p>标签".as_bytes(), None).format, Format::Text);
    }

    #[test]
    fn gbk_html_with_meta() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                    <title>年度报告</title></head><body><table><tr><td>规章</td><td>3</td></tr></table></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(html);
        let d = ok(&bytes, Some("report.html"));
        assert_eq!((d.encoding, d.format), ("gb18030", Format::Html));
        assert_eq!(d.text, "年度报告\n规章\t3");
    }

    #[test]
    fn big5_text() {
        let t = "包頭市2017年政府信息公開工作年度報告\r\n本年度報告按照《中華人民共和國政府信息公開條例》要求編制。\r\n";
        let (bytes, _, _) = encoding_rs::BIG5.encode(t);
        let d = ok(&bytes, None);
        assert_eq!(d.encoding, "big5");
        assert_eq!(d.text, t.replace("\r\n", "\n"));
    }

    #[test]
    fn utf16_html() {
        let mut b = vec![0xFF, 0xFE];
        b.extend(
            "<p>政府信息</p>\r\n<p>公开</p>"
                .encode_utf16()
                .flat_map(|u| u.to_le_bytes()),
        );
        let d = ok(&b, None);
        assert_eq!(
            (d.encoding, d.format, d.text.as_str()),
            ("utf-16le", Format::Html, "政府信息\n公开")
        );
    }

    #[test]
    fn mhtml_gb2312_quoted_printable() {
        let html = "<html><body><p>年度报告</p><table><tr><td>规章</td><td>3</td></tr></table></body></html>";
        let (gb, _, _) = encoding_rs::GBK.encode(html);
        let mut qp = String::new();
        for &b in gb.iter() {
            if b >= 0x80 || b == b'=' {
                qp.push_str(&format!("={b:02X}"));
            } else {
                qp.push(b as char);
            }
        }
        let m = format!(
            "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01\"\r\n\r\n\
             This is a multi-part message in MIME format.\r\n\r\n------=_NextPart_01\r\n\
             Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n{qp}\r\n\
             ------=_NextPart_01\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlh\r\n\
             ------=_NextPart_01--\r\n"
        );
        let d = ok(m.as_bytes(), Some("report.mht"));
        assert_eq!(
            (d.encoding, d.format, d.text.as_str()),
            ("gb18030", Format::Html, "年度报告\n规章\t3")
        );
    }

    #[test]
    fn mhtml_base64_utf8() {
        // "<p>报告</p>" in UTF-8, base64.
        let m = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b1\n\n--b1\nContent-Type: text/html\n\
                 Content-Transfer-Encoding: base64\n\nPHA+5oql5ZGKPC9wPg==\n--b1--\n";
        let d = ok(m.as_bytes(), Some("x.mhtml"));
        assert_eq!(
            (d.encoding, d.format, d.text.as_str()),
            ("utf-8", Format::Html, "报告")
        );
    }

    #[test]
    fn rtf_is_text() {
        let d = ok(
            b"{\\rtf1\\ansi\\ansicpg936\\deff0 {\\fonttbl{\\f0 SimSun;}}\\f0 abc\\par }",
            Some("a.rtf"),
        );
        assert_eq!(d.format, Format::Text);
    }

    #[test]
    fn nul_characters_removed() {
        let d = ok(b"abc\n\0\0", None);
        assert_eq!(d.text, "abc\n");
    }
}
