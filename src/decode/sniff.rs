//! Binary sniffing: a clear message for files that are not text (PDF, Office,
//! OFD, images, archives…) instead of decoding them into garbage.

use super::encoding::{bom, find, utf16_without_bom};

/// Bytes looked at for NUL and control bytes.
const PROBE: usize = 8192;

const HOW_TO: &str = "Readable inputs: plain text (.txt), web pages (.html, .htm, .mhtml) and markdown (.md) in UTF-8, UTF-16, GB18030/GBK or Big5, Word documents (.docx) and PDFs with a text layer.";

/// `Some(message)` when `bytes` are a known binary format or look binary.
pub fn binary_kind(bytes: &[u8]) -> Option<String> {
    if let Some(m) = magic(bytes) {
        return Some(m);
    }
    if bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return None;
    }
    let probe = &bytes[..bytes.len().min(PROBE)];
    // Trailing NUL padding (pre-allocated or cut downloads) is not evidence.
    let end = probe.iter().rposition(|&b| b != 0).map_or(0, |p| p + 1);
    let probe = &probe[..end];
    // One branch-free pass, counting in bytes per chunk so that it
    // vectorises (a chunk of 240 cannot overflow a u8, and is a multiple of
    // the vector widths: no scalar tail but the last).
    let (mut nul, mut control) = (0usize, 0usize);
    for chunk in probe.chunks(240) {
        let (mut n, mut c) = (0u8, 0u8);
        for &b in chunk {
            n += u8::from(b == 0);
            let is_control = (b < 0x20
                && b != b'\t'
                && b != b'\n'
                && b != b'\r'
                && b != 0x0C
                && b != 0x1B)
                || b == 0x7F;
            c += u8::from(is_control);
        }
        nul += usize::from(n);
        control += usize::from(c);
    }
    if nul > 0 || (control > 8 && control * 20 > probe.len()) {
        return Some(format!(
            "This file looks like binary data, not text (its first 8 KB contain {}). {HOW_TO}",
            if nul > 0 {
                "NUL bytes"
            } else {
                "many control bytes"
            }
        ));
    }
    None
}

fn magic(b: &[u8]) -> Option<String> {
    let head = &b[..b.len().min(1024)];
    if find(head, b"%PDF-").is_some() {
        return Some(
            "This file is a PDF document (it starts with %PDF). A PDF is read from its text layer, not as text: \
             use the command line (ogi extract, which reads it with pdf.js) or the web page, or, from a program, pass \
             its text items (pdf.js getTextContent) to extract_pdf_items."
                .to_string(),
        );
    }
    if b.starts_with(b"PK\x03\x04") || b.starts_with(b"PK\x05\x06") {
        return Some(zip_kind(b));
    }
    if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Some(ole_kind(b));
    }
    let image = if b.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("a PNG image")
    } else if b.starts_with(&[0xFF, 0xD8, 0xFF]) {
        Some("a JPEG image")
    } else if b.starts_with(b"GIF87a") || b.starts_with(b"GIF89a") {
        Some("a GIF image")
    } else if b.len() >= 12 && b.starts_with(b"RIFF") && &b[8..12] == b"WEBP" {
        Some("a WebP image")
    } else if b.starts_with(b"II*\0") || b.starts_with(b"MM\0*") {
        Some("a TIFF image")
    } else if b.starts_with(b"BM") && b.len() > 14 && b[6..10] == [0, 0, 0, 0] {
        Some("a BMP image")
    } else {
        None
    };
    if let Some(what) = image {
        return Some(format!(
            "This file is {what}, not text. Images (e.g. a scanned report) are not read by this version: \
             the text has to be recognised (OCR) or copied from a text version of the report first."
        ));
    }
    let archive = if b.starts_with(&[0x1F, 0x8B]) {
        Some("gzip-compressed (.gz)")
    } else if b.starts_with(&[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]) {
        Some("a 7-Zip archive (.7z)")
    } else if b.starts_with(b"Rar!\x1a\x07") {
        Some("a RAR archive (.rar)")
    } else if b.starts_with(b"BZh") && b.len() > 4 && b[3].is_ascii_digit() && b[4] == 0x31 {
        Some("bzip2-compressed (.bz2)")
    } else if b.starts_with(&[0xFD, b'7', b'z', b'X', b'Z', 0x00]) {
        Some("xz-compressed (.xz)")
    } else {
        None
    };
    if let Some(what) = archive {
        return Some(format!(
            "This file is {what}, not text. Decompress it first and read the report file inside. {HOW_TO}"
        ));
    }
    None
}

/// OLE compound files: an encrypted Office document (a .docx with a password
/// is wrapped in one), or a legacy .doc/.wps/.xls/.et file.
fn ole_kind(b: &[u8]) -> String {
    let utf16 = |s: &str| -> Vec<u8> { s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect() };
    let has = |s: &str| find(b, &utf16(s)).is_some();
    if has("EncryptedPackage") || has("EncryptionInfo") {
        return "This file is a password-protected (encrypted) Office document: Word and WPS wrap a .docx with a \
                password in an OLE container that cannot be read without the password. Open it with the password, \
                remove the password (文件 → 信息 → 保护文档 → 用密码进行加密, clear it) and save it as .docx, or copy \
                all of the report's text and paste it in."
            .to_string();
    }
    let what = if has("WordDocument") {
        "a legacy Word or WPS document (.doc or .wps)"
    } else if has("Workbook") || has("Book") {
        "a legacy Excel or WPS spreadsheet (.xls, .et)"
    } else {
        "a legacy Microsoft Office or WPS document (.doc, .wps, .xls or .et: an OLE compound file)"
    };
    format!(
        "This file is {what}, an old binary format that is not read. Open it in Word or WPS and save it as a .docx \
         (文件 → 另存为 → Word 文档 *.docx), or copy all of the report's text and paste it in."
    )
}

/// ZIP archives: name the Office/OFD/EPUB format when the member names show it.
fn zip_kind(b: &[u8]) -> String {
    // Member names appear in the local headers (start) and the central
    // directory (end).
    let window = 64 * 1024;
    let head = &b[..b.len().min(window)];
    let tail = &b[b.len().saturating_sub(window)..];
    let has = |name: &[u8]| find(head, name).is_some() || find(tail, name).is_some();
    let (what, member) = if has(b"word/document.xml") {
        ("a Word document (.docx", "word/document.xml")
    } else if has(b"xl/workbook.xml") {
        ("an Excel workbook (.xlsx", "xl/workbook.xml")
    } else if has(b"ppt/presentation.xml") {
        ("a PowerPoint presentation (.pptx", "ppt/presentation.xml")
    } else if has(b"OFD.xml") {
        ("an OFD document (版式文档, .ofd", "OFD.xml")
    } else if has(b"mimetypeapplication/epub+zip") {
        ("an EPUB e-book (.epub", "mimetype")
    } else if has(b"mimetypeapplication/vnd.oasis.opendocument") {
        ("an OpenDocument file (.odt/.ods", "mimetype")
    } else {
        return format!(
            "This file is a ZIP archive (an .xlsx or other zipped file, but not a Word .docx), not text. \
             Open the document inside and copy all of the report's text and paste it in. {HOW_TO}"
        );
    };
    format!(
        "This file is {what}: a ZIP archive containing {member}), not text. This format is not read: open it \
         and copy all of the report's text and paste it in, or save it as a Word document (.docx), plain text \
         (.txt) or a web page (.html)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(b: &[u8]) -> String {
        binary_kind(b).unwrap_or_default()
    }

    #[test]
    fn pdf() {
        assert!(kind(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").contains("PDF"));
        assert!(kind(b"\r\n%PDF-1.4 junk before the header").contains("PDF"));
    }

    #[test]
    fn zips() {
        let mut docx = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
        docx.extend_from_slice(b"[Content_Types].xml...PK\x03\x04....word/document.xml....");
        let k = kind(&docx);
        assert!(k.contains("Word document (.docx"), "{k}");
        assert!(k.contains("word/document.xml"));
        let xlsx = b"PK\x03\x04\x14\x00xl/workbook.xml";
        assert!(kind(xlsx).contains(".xlsx"));
        let ofd = b"PK\x03\x04\x14\x00OFD.xml\x00Doc_0/Document.xml";
        assert!(kind(ofd).contains("OFD"));
        let plain = b"PK\x03\x04\x14\x00\x00\x00data.csv";
        let k = kind(plain);
        assert!(k.contains("ZIP archive") && k.contains(".docx"), "{k}");
    }

    #[test]
    fn ole() {
        let k = kind(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]);
        assert!(
            k.contains(".doc") && k.contains(".wps") && k.contains("copy"),
            "{k}"
        );
    }

    #[test]
    fn images_and_archives() {
        assert!(kind(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").contains("PNG image"));
        assert!(kind(&[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]).contains("JPEG image"));
        assert!(kind(b"GIF89a\x01\x00").contains("GIF image"));
        assert!(kind(&[0x1F, 0x8B, 0x08, 0, 0, 0]).contains("gzip"));
    }

    #[test]
    fn generic_binary() {
        let mut b = b"hello".to_vec();
        b.extend_from_slice(&[0, 1, 2, 0, 5, 0, 7, 8, 0, 3]);
        b.extend_from_slice(b"more bytes here");
        assert!(kind(&b).contains("binary data"));
        let ctl: Vec<u8> = (0..200u8)
            .map(|i| if i % 4 == 0 { 0x01 } else { b'a' })
            .collect();
        assert!(kind(&ctl).contains("control bytes"));
    }

    /// The counting in chunks decides as a byte-by-byte count does, around
    /// its thresholds (more than 8 control bytes and 5% of the probe).
    #[test]
    fn control_bytes_counted_exactly() {
        let mut x = 0x9E37_79B9_7F4A_7C15u64;
        let mut binary = 0;
        for round in 0..2000u64 {
            let len = (round * 37 % 9000) as usize;
            let rate = 1 + round % 250;
            let b: Vec<u8> = (0..len)
                .map(|_| {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let pick = [1, 8, 9, 10, 12, 13, 27, 31, 0x7F, 0x20][(x >> 8) as usize % 10];
                    if x % 1000 < rate { pick } else { b'a' + (x >> 20) as u8 % 26 }
                })
                .collect();
            let probe = &b[..b.len().min(PROBE)];
            let control = probe
                .iter()
                .filter(|&&c| (c < 0x20 && !matches!(c, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B)) || c == 0x7F)
                .count();
            let want = control > 8 && control * 20 > probe.len();
            assert_eq!(binary_kind(&b).is_some(), want, "{round}: {control} of {}", probe.len());
            binary += usize::from(want);
        }
        assert!((200..1800).contains(&binary), "{binary}");
    }

    #[test]
    fn text_is_not_binary() {
        assert_eq!(binary_kind("政府信息公开\t年度报告\r\n".as_bytes()), None);
        assert_eq!(binary_kind(b"{\\rtf1\\ansi\\ansicpg936 {\\fonttbl}}"), None);
        assert_eq!(
            binary_kind(b"plain text\n\0\0\0\0"),
            None,
            "trailing NUL padding"
        );
        let le: Vec<u8> = "年度报告 2019 abc"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert_eq!(binary_kind(&le), None);
        let mut bom = vec![0xFF, 0xFE];
        bom.extend(le);
        assert_eq!(binary_kind(&bom), None);
    }
}
