//! MHTML (.mht/.mhtml, "web archive"): the text/html part of a MIME
//! multipart/related message, with its transfer encoding undone and its
//! charset applied.

use super::encoding::{self, find, DecodedText};

/// Whether `bytes` look like a MIME multipart message (MHTML).
pub fn looks_like_mhtml(bytes: &[u8], name_lc: Option<&str>) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    // "multipart/" (any case), found from its '/', is rare: check it first.
    let multipart = memchr::memchr_iter(b'/', head)
        .any(|i| i >= 9 && head[i - 9..i].eq_ignore_ascii_case(b"multipart"));
    if !multipart {
        return false;
    }
    let head = head.to_ascii_lowercase();
    let named = name_lc.is_some_and(|n| n.ends_with(".mht") || n.ends_with(".mhtml"));
    find(&head, b"boundary").is_some() && (named || find(&head, b"mime-version").is_some())
}

/// The decoded text of the first text/html part, if there is one.
pub fn html_part(bytes: &[u8]) -> Option<DecodedText> {
    let (headers, body_start) = parse_headers(bytes);
    let ctype = header(&headers, "content-type")?;
    let boundary = param(&ctype, "boundary")?;
    let part = find_html(&bytes[body_start..], boundary.as_bytes(), 0)?;
    Some(decode_part(&part))
}

struct Part<'a> {
    headers: Vec<(String, String)>,
    body: &'a [u8],
}

/// The lines of `data`, split at `\n`: (offset of the line, the line without
/// its `\n`, offset of the next line).
fn lines(data: &[u8]) -> impl Iterator<Item = (usize, &[u8], usize)> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= data.len() {
            return None;
        }
        let end = memchr::memchr(b'\n', &data[pos..]).map_or(data.len(), |p| pos + p);
        let line = (pos, &data[pos..end], (end + 1).min(data.len()));
        pos = line.2;
        Some(line)
    })
}

/// Header lines (unfolded) up to the first empty line; returns them and the
/// offset of the body.
fn parse_headers(data: &[u8]) -> (Vec<(String, String)>, usize) {
    let mut headers: Vec<(String, String)> = Vec::new();
    for (_, line, next) in lines(data) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            return (headers, next);
        }
        let text = String::from_utf8_lossy(line);
        if line[0] == b' ' || line[0] == b'\t' {
            if let Some(last) = headers.last_mut() {
                last.1.push(' ');
                last.1.push_str(text.trim());
            }
        } else if let Some((k, v)) = text.split_once(':') {
            headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    (headers, data.len())
}

fn header(headers: &[(String, String)], name: &str) -> Option<String> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
}

/// A `key=value` or `key="value"` parameter of a header value.
fn param(value: &str, key: &str) -> Option<String> {
    for piece in value.split(';') {
        let Some((k, v)) = piece.split_once('=') else {
            continue;
        };
        if k.trim().eq_ignore_ascii_case(key) {
            let v = v.trim();
            let v = v
                .strip_prefix('"')
                .map_or(v, |v| v.split('"').next().unwrap_or(v));
            return Some(v.to_string());
        }
    }
    None
}

/// The first text/html part of a multipart body (nested multiparts too).
fn find_html<'a>(data: &'a [u8], boundary: &[u8], depth: usize) -> Option<Part<'a>> {
    if boundary.is_empty() || depth > 4 {
        return None;
    }
    for raw in split_parts(data, boundary) {
        let (headers, body_start) = parse_headers(raw);
        let ctype = header(&headers, "content-type")
            .unwrap_or_default()
            .to_ascii_lowercase();
        let body = &raw[body_start..];
        if ctype.starts_with("multipart/") {
            if let Some(b) = param(&ctype, "boundary") {
                // Boundaries are case-sensitive: take it from the original.
                let original = header(&headers, "content-type").and_then(|c| param(&c, "boundary"));
                let b = original.unwrap_or(b);
                if let Some(p) = find_html(body, b.as_bytes(), depth + 1) {
                    return Some(p);
                }
            }
        } else if ctype.starts_with("text/html") {
            return Some(Part { headers, body });
        }
    }
    None
}

/// The parts between `--boundary` lines (linear: one pass over the lines).
fn split_parts<'a>(data: &'a [u8], boundary: &[u8]) -> Vec<&'a [u8]> {
    let mut parts = Vec::new();
    let mut start: Option<usize> = None;
    for (pos, line, next) in lines(data) {
        let is_boundary = line.len() >= 2 + boundary.len()
            && line.starts_with(b"--")
            && &line[2..2 + boundary.len()] == boundary
            && line[2 + boundary.len()..]
                .iter()
                .all(|&b| matches!(b, b'-' | b' ' | b'\t' | b'\r'));
        if is_boundary {
            if let Some(s) = start {
                // The line break before the boundary belongs to it.
                let mut e = pos;
                if e > s && data[e - 1] == b'\n' {
                    e -= 1;
                }
                if e > s && data[e - 1] == b'\r' {
                    e -= 1;
                }
                parts.push(&data[s..e.max(s)]);
            }
            let closing = line[2 + boundary.len()..].starts_with(b"--");
            if closing {
                return parts;
            }
            start = Some(next);
        }
    }
    if let Some(s) = start {
        parts.push(&data[s.min(data.len())..]);
    }
    parts
}

fn decode_part(part: &Part<'_>) -> DecodedText {
    let cte = header(&part.headers, "content-transfer-encoding")
        .unwrap_or_default()
        .to_ascii_lowercase();
    let bytes = match cte.trim() {
        "quoted-printable" => quoted_printable(part.body),
        "base64" => base64(part.body),
        _ => part.body.to_vec(),
    };
    let charset = header(&part.headers, "content-type").and_then(|c| param(&c, "charset"));
    let hint = charset.as_deref().and_then(encoding::encoding_for_label);
    encoding::decode_bytes_with_hint(&bytes, hint)
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Quoted-printable: `=XX` bytes and `=` soft line breaks.
pub fn quoted_printable(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len());
    let mut i = 0;
    while i < data.len() {
        let b = data[i];
        if b == b'=' {
            match (data.get(i + 1).copied(), data.get(i + 2).copied()) {
                (Some(b'\n'), _) => {
                    i += 2;
                    continue;
                }
                (Some(b'\r'), Some(b'\n')) => {
                    i += 3;
                    continue;
                }
                (Some(h), Some(l)) => {
                    if let (Some(h), Some(l)) = (hex(h), hex(l)) {
                        out.push(h * 16 + l);
                        i += 3;
                        continue;
                    }
                }
                _ => {}
            }
        }
        out.push(b);
        i += 1;
    }
    out
}

/// Base64, ignoring line breaks and anything outside the alphabet.
pub fn base64(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &b in data {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            _ => continue,
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qp_and_base64() {
        assert_eq!(
            quoted_printable(b"a=3Db=\r\nc=E4=B8=AD=zz="),
            "a=bc中=zz=".as_bytes()
        );
        assert_eq!(base64(b"5Lit\r\n5paH"), "中文".as_bytes());
        assert_eq!(base64(b"YQ=="), b"a");
        assert_eq!(base64(b"YWI="), b"ab");
    }

    #[test]
    fn params() {
        assert_eq!(
            param(
                "multipart/related; type=\"text/html\"; boundary=\"----=_Next\"",
                "boundary"
            )
            .as_deref(),
            Some("----=_Next")
        );
        assert_eq!(
            param("text/html; charset=gb2312", "charset").as_deref(),
            Some("gb2312")
        );
    }

    #[test]
    fn finds_html_part() {
        let m = "From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B--x\"\r\n\r\n\
                 ------B--x\r\nContent-Type: text/css\r\n\r\np{}\r\n\
                 ------B--x\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n<p>=E6=8A=A5=E5=91=8A</p>\r\n\
                 ------B--x--\r\n";
        assert!(looks_like_mhtml(m.as_bytes(), None));
        let d = html_part(m.as_bytes()).expect("html part");
        assert_eq!((d.text.as_str(), d.encoding), ("<p>报告</p>", "utf-8"));
    }

    #[test]
    fn nested_multipart() {
        let m = "MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"Outer\"\n\n--Outer\n\
                 Content-Type: multipart/alternative; boundary=\"Inner\"\n\n--Inner\nContent-Type: text/plain\n\nplain\n\
                 --Inner\nContent-Type: text/html; charset=\"utf-8\"\n\n<p>年报</p>\n--Inner--\n--Outer--\n";
        let d = html_part(m.as_bytes()).expect("html part");
        assert_eq!(d.text, "<p>年报</p>");
        assert!(html_part(b"MIME-Version: 1.0\nContent-Type: multipart/related; boundary=x\n\n--x\nContent-Type: text/plain\n\nhi\n--x--\n").is_none());
    }
}
