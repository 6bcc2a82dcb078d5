//! Word (.docx) and PDF inputs, and every kind of input that cannot be read,
//! each with its specific message. Inputs are built here: .docx archives with
//! stored and deflated members, OLE containers, minimal hand-written PDFs.
//!
//! The PDF tests that need pdf.js (node and the npm package pdfjs-dist) print
//! a notice and return when it is missing; so does the gold comparison on
//! `../shared/corpus/pdf/2023-hongze-district.pdf` when `../shared` is absent.

use ogi_extract::{
    extract, extract_native, extract_pdf_items, ExtractError, Report, TextItem, MAX_INPUT_BYTES,
};
use std::path::Path;

// ------------------------------------------------------------------ helpers

#[path = "../benches/common/zip.rs"]
mod zip;
use zip::{docx, zip};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn para(text: &str) -> String {
    format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
}

fn row(cells: &[&str]) -> String {
    let tcs: String = cells
        .iter()
        .map(|c| format!("<w:tc><w:tcPr/>{}</w:tc>", para(c)))
        .collect();
    format!("<w:tr>{tcs}</w:tr>")
}

/// A small E21 report as Word would save it.
fn report_xml() -> String {
    let body = [
        para("某某区人民政府2023年政府信息公开工作年度报告"),
        para("二、主动公开政府信息情况"),
        para("第二十条第（一）项"),
        format!(
            "<w:tbl><w:tblPr/>{}{}{}</w:tbl>",
            row(&["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]),
            row(&["规章", "1", "0", "11"]),
            row(&["行政规范性文件", "8", "26", "66"])
        ),
        para("2023年，本区主动公开政府信息1136条。"),
    ]
    .concat();
    format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{W}\"><w:body>{body}<w:sectPr/></w:body></w:document>")
}

fn field(r: &Report, id: &str) -> Option<String> {
    r.fields
        .iter()
        .find(|f| f.id == id)
        .map(|f| f.value.to_string())
}

fn binary_message(result: Result<Report, ExtractError>) -> String {
    match result {
        Err(ExtractError::Binary { kind }) => kind,
        Err(other) => panic!("expected a Binary error, got {other:?}"),
        Ok(r) => panic!(
            "expected an error, got a report with {} fields",
            r.fields.len()
        ),
    }
}

// --------------------------------------------------------------------- docx

#[test]
fn docx_deflated_and_stored_read_as_text_with_table_rows() {
    for deflate in [true, false] {
        let bytes = docx(report_xml().as_bytes(), deflate);
        let r = extract(&bytes, Some("报告.docx")).expect("docx reads");
        assert_eq!(
            (r.input.format.as_str(), r.input.encoding.as_str()),
            ("docx", "utf-8")
        );
        assert_eq!(r.input.bytes, bytes.len());
        assert!(r.text.contains("规章\t1\t0\t11"), "{}", r.text);
        assert_eq!(r.meta.year, Some(2023));
        assert_eq!(
            field(&r, "active.art20_1.regulations.in_force").as_deref(),
            Some("11")
        );
        assert_eq!(
            field(&r, "active.art20_1.normative_docs.repealed").as_deref(),
            Some("26")
        );
        // Without a name too (the archive says what it is).
        assert_eq!(extract(&bytes, None).unwrap().input.format, "docx");
    }
}

#[test]
fn docx_main_part_found_through_relationships() {
    let types = b"<Types/>";
    let rels = br#"<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/document2.xml"/></Relationships>"#;
    let bytes = zip(&[
        ("[Content_Types].xml", types, false),
        ("_rels/.rels", rels, false),
        ("word/document2.xml", report_xml().as_bytes(), true),
    ], None);
    let r = extract(&bytes, Some("a.docx")).expect("reads document2.xml");
    assert_eq!(r.input.format, "docx");
}

#[test]
fn corrupt_docx_is_refused_with_a_clear_message() {
    let bytes = docx(report_xml().as_bytes(), true);
    // Cut short (an interrupted download): no central directory.
    let cut = &bytes[..bytes.len() / 2];
    let m = binary_message(extract(cut, Some("a.docx")));
    assert!(m.contains("Word document (.docx) is damaged"), "{m}");
    // Garbled compressed data.
    let mut bad = bytes.clone();
    let at = bad
        .windows(17)
        .position(|w| w == b"word/document.xml")
        .unwrap()
        + 17;
    for b in &mut bad[at..at + 40] {
        *b ^= 0x5A;
    }
    let m = binary_message(extract(&bad, Some("a.docx")));
    assert!(
        m.contains(".docx") && (m.contains("damaged") || m.contains("cannot be read")),
        "{m}"
    );
    // A .docx without word/document.xml.
    let other = zip(&[("data.csv", b"a,b\n", false)], None);
    let m = binary_message(extract(&other, Some("a.docx")));
    assert!(m.contains("no word/document.xml"), "{m}");
    // The same ZIP under another name is just a ZIP archive.
    let m = binary_message(extract(&other, Some("a.zip")));
    assert!(m.contains("ZIP archive"), "{m}");
}

#[test]
fn docx_zip_bomb_is_refused() {
    // Declared size over the limit.
    let bytes = zip(
        &[("word/document.xml", report_xml().as_bytes(), true)],
        Some(200 * 1024 * 1024),
    );
    let m = binary_message(extract(&bytes, Some("a.docx")));
    assert!(m.contains("over the limit"), "{m}");
    // Declared small, inflates past the limit.
    let big = vec![b' '; ogi_extract_max_inflated() + 1024];
    let bytes = zip(&[("word/document.xml", &big, true)], Some(1000));
    assert!(bytes.len() < 1 << 20, "the bomb is small: {}", bytes.len());
    let m = binary_message(extract(&bytes, Some("a.docx")));
    assert!(m.contains("ZIP bomb"), "{m}");
}

fn ogi_extract_max_inflated() -> usize {
    64 * 1024 * 1024
}

#[test]
fn encrypted_docx_and_legacy_word_files() {
    let ole = |streams: &[&str]| {
        let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        b.resize(512, 0);
        for s in streams {
            b.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
            b.resize(b.len() + 64, 0);
        }
        b
    };
    let m = binary_message(extract(
        &ole(&["EncryptionInfo", "EncryptedPackage"]),
        Some("a.docx"),
    ));
    assert!(
        m.contains("password-protected") && m.contains(".docx"),
        "{m}"
    );
    let m = binary_message(extract(&ole(&["WordDocument", "1Table"]), Some("a.doc")));
    assert!(
        m.contains(".doc") && m.contains("save it as a .docx") && m.contains("copy"),
        "{m}"
    );
    let m = binary_message(extract(&ole(&["WordDocument"]), Some("a.wps")));
    assert!(m.contains(".wps") && m.contains(".docx"), "{m}");
}

// ---------------------------------------------------------- other refusals

#[test]
fn binary_empty_and_too_large() {
    let mut b: Vec<u8> = (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect();
    b[10] = 0;
    let m = binary_message(extract(&b, Some("x.bin")));
    assert!(m.contains("binary data"), "{m}");
    assert_eq!(
        extract(b"", Some("x.txt")).unwrap_err(),
        ExtractError::Empty
    );
    assert_eq!(extract(b" \n\t", None).unwrap_err(), ExtractError::Empty);
    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    assert!(matches!(
        extract(&big, None),
        Err(ExtractError::TooLarge { .. })
    ));
    assert!(matches!(
        extract_native(&big, Some("big.pdf")),
        Err(ExtractError::TooLarge { .. })
    ));
    assert!(ExtractError::TooLarge {
        bytes: big.len(),
        limit: MAX_INPUT_BYTES
    }
    .to_string()
    .contains("over the limit"));
}

// ---------------------------------------------------------------------- pdf

/// A minimal PDF: one page with `content`; `encrypt` adds a standard
/// security handler whose user password is not empty.
fn pdf(content: &str, encrypt: bool) -> Vec<u8> {
    let mut objs = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>"
            .to_string(),
        format!(
            "<< /Length {} >>\nstream\n{}\nendstream",
            content.len() + 1,
            content
        ),
    ];
    if encrypt {
        let hex32 = "8A5B2E7C9D1F3A4B5C6D7E8F9A0B1C2D3E4F5A6B7C8D9E0F1A2B3C4D5E6F7A8B";
        objs.push(format!(
            "<< /Filter /Standard /V 1 /R 2 /O <{hex32}> /U <{hex32}> /P -44 >>"
        ));
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{}\nendobj\n", i + 1, o).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    let enc = if encrypt {
        " /Encrypt 5 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>]"
    } else {
        ""
    };
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R{enc} >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Runs pdf.js on `bytes`; `None` (with a notice) when node or pdfjs-dist is
/// missing.
fn via_pdfjs(bytes: &[u8], name: &str) -> Option<Result<Report, ExtractError>> {
    let r = extract_native(bytes, Some(name));
    if let Err(ExtractError::Binary { kind }) = &r {
        if kind.contains("pdfjs-dist, which is not installed")
            || kind.contains("node was not found")
            || kind.contains("helper tools/pdf-items.mjs")
        {
            println!("NOTICE: pdf.js is not available ({kind}): PDF check through node NOT run");
            return None;
        }
    }
    Some(r)
}

#[test]
fn pdf_without_text_layer_says_so() {
    let m = binary_message(extract_pdf_items(&[], Some("scan.pdf")));
    assert!(m.contains("no text layer") && m.contains("OCR"), "{m}");
    let blank = vec![TextItem {
        page: 1,
        x: 1.0,
        y: 1.0,
        width: 5.0,
        height: 10.0,
        text: " \u{3000}".into(),
    }];
    let m = binary_message(extract_pdf_items(&blank, None));
    assert!(m.contains("no text layer"), "{m}");
    // A real (tiny) PDF whose page only draws a line.
    if let Some(r) = via_pdfjs(&pdf("0 0 m 100 100 l S", false), "scan.pdf") {
        let m = binary_message(r);
        assert!(m.contains("no text layer") && m.contains("OCR"), "{m}");
    }
}

#[test]
fn encrypted_and_damaged_pdfs_say_so() {
    if let Some(r) = via_pdfjs(&pdf("0 0 m 100 100 l S", true), "locked.pdf") {
        let m = binary_message(r);
        assert!(m.contains("password-protected"), "{m}");
    }
    if let Some(r) = via_pdfjs(b"%PDF-1.7\nthis is not really a PDF\n", "bad.pdf") {
        let m = binary_message(r);
        assert!(
            m.contains("damaged or not a PDF")
                || m.contains("no text layer")
                || m.contains("could not read"),
            "{m}"
        );
    }
    // The messages pdf.js failures map to.
    let m = ogi_extract::decode::pdf::pdfjs_failure("password", "No password given").to_string();
    assert!(m.contains("password-protected"), "{m}");
    let m = ogi_extract::decode::pdf::pdfjs_failure("no-pdfjs", "x").to_string();
    assert!(m.contains("npm install"), "{m}");
    // The library's byte entry point points to the text-layer route.
    let m = binary_message(extract(&pdf("", false), Some("a.pdf")));
    assert!(m.contains("PDF") && m.contains("extract_pdf_items"), "{m}");
}

#[test]
fn pdf_with_text_through_pdfjs() {
    let content = "BT /F1 12 Tf 72 700 Td (Hello 2023) Tj ET";
    let mut bytes = pdf(content, false);
    // Give the page a standard font.
    let s = String::from_utf8_lossy(&bytes).replace(
        "/Resources << >>",
        "/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >>",
    );
    bytes = s.into_bytes();
    if let Some(r) = via_pdfjs(&bytes, "hello.pdf") {
        let r = r.expect("a PDF with text reads");
        assert_eq!(r.input.format, "pdf");
        assert_eq!(r.input.bytes, bytes.len());
        assert!(r.text.contains("Hello 2023"), "{}", r.text);
    }
}

/// The shared PDF gold report: every field right, through pdf.js and the
/// layout.
#[test]
fn hongze_pdf_matches_gold() {
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let pdf_path = shared.join("pdf/2023-hongze-district.pdf");
    let gold_path = shared.join("gold/2023-hongze-district.json");
    if !pdf_path.is_file() || !gold_path.is_file() {
        println!("NOTICE: ../shared/corpus (the PDF gold) not found: PDF gold check NOT run");
        return;
    }
    let bytes = std::fs::read(&pdf_path).unwrap();
    let Some(r) = via_pdfjs(&bytes, "2023-hongze-district.pdf") else {
        return;
    };
    let r = r.expect("the PDF reads");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let mut wrong = Vec::new();
    let mut n = 0;
    for (id, v) in gold["fields"].as_object().unwrap() {
        let Some(want) = v.as_f64() else { continue };
        n += 1;
        let got = r
            .fields
            .iter()
            .find(|f| &f.id == id)
            .and_then(|f| f.value.as_f64());
        if !matches!(got, Some(g) if (g - want).abs() <= 1e-6) {
            wrong.push(format!("{id}: got {got:?}, gold {want}"));
        }
    }
    assert!(n >= 180, "gold has {n} fields");
    assert!(
        wrong.is_empty(),
        "{} of {n} fields wrong:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(r.meta.year, gold["meta"]["year"].as_i64().map(|y| y as i32));
    assert_eq!(r.meta.era.as_deref(), gold["meta"]["era"].as_str());
    assert_eq!(r.input.format, "pdf");
}

/// Damaged archives and XML never panic: every truncation and many random
/// byte changes of a small .docx give a report or an error.
#[test]
fn damaged_docx_never_panics() {
    let good = docx(report_xml().as_bytes(), true);
    for cut in 0..good.len() {
        let _ = extract(&good[..cut], Some("a.docx"));
    }
    let mut seed = 0x2545_F491u32;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed
    };
    for _ in 0..3000 {
        let mut b = good.clone();
        for _ in 0..1 + next() % 4 {
            let i = next() as usize % b.len();
            b[i] = next() as u8;
        }
        let _ = extract(&b, Some("a.docx"));
    }
    // Stored XML with broken markup.
    for xml in [
        "<w:document><w:body><w:p><w:r><w:t>未闭合",
        "<w:t>&#xFFFFFFFF;&#99999999999;&bogus;&</w:t>",
        "<<<>>>\"'<w:tbl><w:tr><w:tc>",
        "<![CDATA[",
        "<!--",
    ] {
        let _ = extract(&docx(xml.as_bytes(), false), Some("a.docx"));
    }
}
