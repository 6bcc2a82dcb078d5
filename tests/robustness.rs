//! `extract` never panics and always terminates, whatever the bytes; its
//! output is deterministic and keeps the report contract (spans inside the
//! text, JSON that reads back); and re-reading a report's own `text` gives
//! the same fields.
//!
//! No timing assertions: a hang shows as a test that does not finish.
//! Inputs that once crashed the fuzzer live in `tests/fuzz_regressions/`.

#[path = "../benches/common/synthetic.rs"]
mod synthetic;
#[path = "../benches/common/pdf_records.rs"]
mod pdf_records;

use ogi_extract::{extract, extract_str, ExtractError, Report, MAX_INPUT_BYTES};
use synthetic::XorShift;

/// Format hints the library distinguishes.
const NAMES: [Option<&str>; 4] = [None, Some("x.txt"), Some("x.html"), Some("x.md")];

/// Extracts `bytes` with every name hint and checks the contract on each
/// report. A panic inside `extract` fails the test with its message.
fn survive(what: &str, bytes: &[u8]) {
    for name in NAMES {
        match extract(bytes, name) {
            Ok(report) => check_contract(what, &report),
            Err(e) => assert!(
                !e.to_string().is_empty(),
                "{what}: an error needs a message"
            ),
        }
    }
}

/// What every report must satisfy, whatever the input.
fn check_contract(what: &str, report: &Report) {
    let chars = report.text.chars().count();
    let all = report.fields.iter().chain(&report.derived);
    for f in all {
        if let Some([a, b]) = f.span {
            assert!(
                a <= b && b <= chars,
                "{what}: span {a}..{b} of {} outside the text ({chars} chars)",
                f.id
            );
        }
        assert!(!f.id.is_empty(), "{what}: a field without an id");
    }
    for h in &report.outline {
        if let Some([a, b]) = h.span {
            assert!(
                a <= b && b <= chars,
                "{what}: heading span {a}..{b} outside the text ({chars} chars)"
            );
        }
        if let Some(end) = h.end {
            assert!(
                end <= chars,
                "{what}: heading end {end} outside the text ({chars} chars)"
            );
        }
    }
    // The JSON must read back as a report (NaN or infinity would not).
    let json = serde_json::to_string(report)
        .unwrap_or_else(|e| panic!("{what}: report does not serialise: {e}"));
    let back: Result<Report, _> = serde_json::from_str(&json);
    assert!(
        back.is_ok(),
        "{what}: report JSON does not read back: {:?}",
        back.err()
    );
}

// ------------------------------------------------------------ adversarial

#[test]
fn random_bytes() {
    let mut rng = XorShift::new(0x5EED_0001);
    for i in 0..300 {
        let len = rng.below(4096) as usize;
        let bytes = rng.bytes(len);
        survive(&format!("random #{i} ({len} bytes)"), &bytes);
    }
    survive("1 MB random", &XorShift::new(42).bytes(1 << 20));
}

#[test]
fn random_bytes_from_report_alphabet() {
    // Random mixes of the pieces reports are made of find more paths than
    // uniform bytes do.
    let pieces: &[&str] = &[
        "一、",
        "（一）",
        "1.",
        "\t",
        "\n",
        "\r\n",
        "件",
        "条",
        "万元",
        "元",
        "余",
        "约",
        "0",
        "1",
        "12",
        "3.5",
        "１２",
        "收到",
        "申请",
        "政府信息公开",
        "年度报告",
        "2020年",
        "3月1日",
        "总计",
        "合计",
        "其中",
        "：",
        ":",
        "|",
        "---",
        "<td>",
        "</td>",
        "<tr>",
        "</tr>",
        "<table>",
        "<br>",
        "&nbsp;",
        "&#20320;",
        "第二十条第（一）项",
        "本年新收政府信息公开申请数量",
        "自然人",
        "商业企业",
        "予以公开",
        "行政复议",
        "结果维持",
        "人民政府",
        "零",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "两",
        "三",
        "-",
        "—",
        "/",
        "%",
        "\u{3000}",
        " ",
        "“",
        "”",
    ];
    let mut rng = XorShift::new(7);
    for i in 0..300 {
        let n = rng.below(400) as usize;
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(pieces[rng.below(pieces.len() as u64) as usize]);
        }
        survive(&format!("alphabet #{i}"), s.as_bytes());
    }
}

#[test]
fn one_megabyte_of_digits() {
    let digits: Vec<u8> = (0..1 << 20).map(|i| b'0' + (i % 10) as u8).collect();
    survive("1 MB of digits", &digits);
    let mut with_units = String::new();
    while with_units.len() < 1 << 20 {
        with_units.push_str("申请99999999999999999999件，约1.5万元，");
    }
    survive("digits with units", with_units.as_bytes());
}

#[test]
fn a_table_label_repeated_100k_times() {
    let label = "本年新收政府信息公开申请数量";
    survive("label x100k, one line", label.repeat(100_000).as_bytes());
    survive(
        "label x100k, tab cells",
        format!("{label}\t").repeat(100_000).as_bytes(),
    );
    survive(
        "label x100k, rows",
        format!("{label}\t1\t2\t3\n").repeat(100_000).as_bytes(),
    );
    survive(
        "heading x100k",
        "三、收到和处理政府信息公开申请情况\n"
            .repeat(100_000)
            .as_bytes(),
    );
}

#[test]
fn nested_divs_100k_deep() {
    let mut s = String::with_capacity(1_200_000);
    s.push_str("<html><body>");
    s.push_str(&"<div>".repeat(100_000));
    s.push_str("收到政府信息公开申请12件");
    s.push_str(&"</div>".repeat(100_000));
    s.push_str("</body></html>");
    survive("100k nested <div>", s.as_bytes());
    survive("100k unclosed <div>", "<div>".repeat(100_000).as_bytes());
    survive(
        "100k nested tables",
        "<table><tr><td>".repeat(30_000).as_bytes(),
    );
}

#[test]
fn one_ten_megabyte_line_of_chinese() {
    let unit = "政府信息公开工作年度报告主动公开申请件";
    let mut s = String::with_capacity(10 << 20);
    while s.len() < 10 << 20 {
        s.push_str(unit);
    }
    survive("10 MB line", s.as_bytes());
}

#[test]
fn invalid_utf8() {
    let cases: Vec<Vec<u8>> = vec![
        vec![0xFF; 1000],
        vec![
            0xC0, 0x80, 0xE0, 0x80, 0x80, 0xED, 0xA0, 0x80, 0xF4, 0x90, 0x80, 0x80,
        ],
        [&b"\xe6\x94\xbf\xe5\xba"[..], "申请12件".as_bytes(), b"\xe5"].concat(),
        "收到申请12件\n"
            .repeat(50)
            .into_bytes()
            .into_iter()
            .enumerate()
            .map(|(i, b)| if i % 97 == 0 { 0x80 } else { b })
            .collect(),
        // GB18030 / Big5 lead bytes with bad trail bytes.
        (0..5000u32)
            .map(|i| {
                if i % 2 == 0 {
                    0x81 + (i % 126) as u8
                } else {
                    (i % 64) as u8
                }
            })
            .collect(),
        (0..5000u32).map(|i| 0xA1 + (i % 90) as u8).collect(),
    ];
    for (i, c) in cases.iter().enumerate() {
        survive(&format!("invalid UTF-8 #{i}"), c);
    }
}

#[test]
fn utf16_with_odd_length() {
    let text = "某某县人民政府2020年政府信息公开工作年度报告\n收到申请12件\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
    survive(
        "utf-16le + BOM, odd",
        &[&[0xFF, 0xFE][..], &le, &[0x41]].concat(),
    );
    survive(
        "utf-16be + BOM, odd",
        &[&[0xFE, 0xFF][..], &be, &[0x41]].concat(),
    );
    survive("utf-16le no BOM, odd", &[&le[..], &[0x00]].concat());
    survive("BOM and one byte", &[0xFF, 0xFE, 0x00]);
    survive(
        "lone surrogates",
        &[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00, 0x00, 0xDC, 0x00, 0xD8],
    );
    survive("utf-16 BOM only", &[0xFF, 0xFE]);
    survive("utf-8 BOM only", &[0xEF, 0xBB, 0xBF]);
}

#[test]
fn odd_shapes() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty", vec![]),
        ("white space", b" \t\r\n\x0c\x0b ".to_vec()),
        ("ideographic spaces", "\u{3000}".repeat(1000).into_bytes()),
        ("NULs", vec![0; 10_000]),
        ("CR only", "一、总体情况\r收到申请12件\r".repeat(1000).into_bytes()),
        ("100k newlines", vec![b'\n'; 100_000]),
        ("100k tabs", vec![b'\t'; 100_000]),
        ("100k pipes", "|".repeat(100_000).into_bytes()),
        ("markdown table 10k columns", format!("{}\n{}\n{}\n", "|a".repeat(10_000), "|---".repeat(10_000), "|1".repeat(10_000)).into_bytes()),
        ("huge numbers", "收到申请99999999999999999999999999999999件，收费1e309元，-0件，.5万元，1,000,000,000,000,000,000元\n".repeat(100).into_bytes()),
        ("chinese numerals", "九千九百九十九亿亿亿亿亿亿亿亿万万万万万两千零一十件".repeat(1000).into_bytes()),
        ("full-width digits", "申请１２３４５６７８９０１２３４５６７８９０件".repeat(10_000).into_bytes()),
        ("entities", "&#99999999999;&#xD800;&#x110000;&#0;&amp&lt;&#;&#x;&nbsp".repeat(1000).into_bytes()),
        ("unterminated comment", b"<html><!-- ".iter().copied().chain("收到申请12件".repeat(1000).into_bytes()).collect()),
        ("unterminated script", b"<html><script>".iter().copied().chain("x<y".repeat(10_000).into_bytes()).collect()),
        ("1 MB of <", vec![b'<'; 1 << 20]),
        ("tags only", "<<>><</></<a <b c=\"".repeat(10_000).into_bytes()),
        ("rowspan", "<table><tr><td rowspan=999999999 colspan=999999999>1</td></tr></table>".repeat(10).into_bytes()),
        ("long word", "a".repeat(5 << 20).into_bytes()),
        ("dates", "2020年13月45日发布9999年99月99日0000-00-00".repeat(1000).into_bytes()),
        ("PDF", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nstream\x00\x01\x02".to_vec()),
        ("PNG", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec()),
        ("ZIP", b"PK\x03\x04\x14\x00\x06\x00".to_vec()),
    ];
    for (what, bytes) in cases {
        survive(what, &bytes);
    }
}

#[test]
fn synthetic_reports_mutated() {
    // Real-looking reports with bytes flipped, cut or duplicated.
    let mut rng = XorShift::new(99);
    for seed in 0..40 {
        let base = if seed % 2 == 0 {
            synthetic::e21_report(seed)
        } else {
            synthetic::e14_report(seed)
        }
        .into_bytes();
        survive(&format!("synthetic {seed}"), &base);
        for m in 0..5 {
            let mut b = base.clone();
            match rng.below(3) {
                0 => {
                    for _ in 0..1 + rng.below(20) {
                        let i = rng.below(b.len() as u64) as usize;
                        b[i] = rng.next_u64() as u8;
                    }
                }
                1 => b.truncate(rng.below(b.len() as u64) as usize),
                _ => {
                    let i = rng.below(b.len() as u64) as usize;
                    let j = (i + rng.below(500) as usize).min(b.len());
                    let chunk = b[i..j].to_vec();
                    b.splice(i..i, chunk.iter().copied().cycle().take(chunk.len() * 50));
                }
            }
            survive(&format!("synthetic {seed} mutation {m}"), &b);
        }
    }
}

#[test]
fn pdf_items_with_odd_geometry() {
    // Synthetic reports as PDF text items, with coordinates and sizes made
    // NaN, infinite, huge, negative or zero, items shuffled across pages.
    let mut rng = XorShift::new(0x0DD_1735);
    for seed in 0..30u64 {
        let g = synthetic::generate(synthetic::BATCH_SEED, seed);
        let mut records = if g.layout == synthetic::Layout::PdfItems {
            g.bytes.clone()
        } else {
            synthetic::pdf_items_bytes(&String::from_utf8_lossy(&g.bytes))
        };
        let items = pdf_records::items(&records);
        if let Ok(r) = ogi_extract::extract_pdf_items(&items, Some("x.pdf")) {
            check_contract(&format!("items {seed}"), &r);
        }
        // Walk the records and disturb some of them.
        let mut i = 0;
        while i + 10 <= records.len() {
            let len = records[i + 9] as usize;
            match rng.below(12) {
                0 => records[i + 1] = rng.below(4) as u8,             // special x/y, w/h
                1 => records[i] = rng.below(6) as u8,                 // another page (0 too)
                2 => records[i + 2..i + 6].copy_from_slice(&rng.next_u64().to_le_bytes()[..4]),
                3 => records[i + 6..i + 9].fill(0),                   // no width, no height
                _ => {}
            }
            i += 10 + len;
        }
        let items = pdf_records::items(&records);
        match ogi_extract::extract_pdf_items(&items, Some("x.pdf")) {
            Ok(r) => check_contract(&format!("odd items {seed}"), &r),
            Err(e) => assert!(!e.to_string().is_empty()),
        }
    }
}

#[test]
fn every_synthetic_layout_mutated() {
    // .docx, HTML, pipes… of the synthetic batch with bytes flipped or cut.
    let mut rng = XorShift::new(0xD0C5);
    for seed in 0..60u64 {
        let g = synthetic::generate(synthetic::BATCH_SEED, seed);
        for m in 0..4 {
            let mut b = g.bytes.clone();
            if m % 2 == 0 {
                for _ in 0..1 + rng.below(8) {
                    let i = rng.below(b.len() as u64) as usize;
                    b[i] = rng.next_u64() as u8;
                }
            } else {
                b.truncate(rng.below(b.len() as u64) as usize);
            }
            if g.layout == synthetic::Layout::PdfItems {
                let items = pdf_records::items(&b);
                match ogi_extract::extract_pdf_items(&items, Some("x.pdf")) {
                    Ok(r) => check_contract(&g.name, &r),
                    Err(e) => assert!(!e.to_string().is_empty()),
                }
                continue;
            }
            for name in [Some(g.name.as_str()), None] {
                match extract(&b, name) {
                    Ok(r) => check_contract(&g.name, &r),
                    Err(e) => assert!(!e.to_string().is_empty()),
                }
            }
        }
    }
}

#[test]
fn over_the_limit_is_refused() {
    let bytes = vec![b'a'; MAX_INPUT_BYTES + 1];
    match extract(&bytes, None) {
        Err(ExtractError::TooLarge { bytes: n, limit }) => {
            assert_eq!((n, limit), (MAX_INPUT_BYTES + 1, MAX_INPUT_BYTES));
        }
        other => panic!("expected TooLarge, got {:?}", other.map(|r| r.fields.len())),
    }
}

/// Replays every input in `tests/fuzz_regressions/` through `extract` with
/// every name hint, and through the entry points of the fuzz target its
/// name starts with (`html-…`, `docx-…`, `pdf_items-…`, `text-…`; see
/// fuzz/fuzz_targets/).
#[test]
fn fuzz_regressions() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        println!("no {} folder: nothing to replay", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    paths.sort();
    for p in paths {
        let file = p.file_name().unwrap().to_string_lossy().to_string();
        if file == "README.md" {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        survive(&file, &bytes);
        if let Ok(r) = extract(&bytes, Some("x.txt")) {
            let _ = extract_str(&r.text);
        }
        let target = file.split('-').next().unwrap_or("");
        replay(target, &file, &bytes);
    }
}

/// What the fuzz target `target` does with `bytes`.
fn replay(target: &str, what: &str, bytes: &[u8]) {
    use ogi_extract::decode::{decode_entities, decode_text, docx_text, flatten_html};
    match target {
        "html" => {
            let html = String::from_utf8_lossy(bytes);
            let _ = decode_entities(&html);
            let _ = extract_str(&flatten_html(&html));
            let _ = extract(bytes, Some("x.mhtml"));
        }
        "docx" => {
            if bytes.starts_with(b"PK") {
                let _ = extract(bytes, Some("a.docx"));
            } else {
                let _ = extract_str(&docx_text(&String::from_utf8_lossy(bytes)));
                let _ = extract(&synthetic::docx_archive(bytes, false), Some("a.docx"));
            }
        }
        "pdf_items" => {
            let items = pdf_records::items(bytes);
            let _ = ogi_extract::layout::items_to_text(&items);
            if let Ok(r) = ogi_extract::extract_pdf_items(&items, Some("x.pdf")) {
                check_contract(what, &r);
            }
        }
        "text" => {
            let d = decode_text(bytes);
            let n = ogi_extract::normalise::normalise(&d.text);
            assert_eq!(n.char_index(n.text.len()), n.text.chars().count(), "{what}: char index");
            for (i, _) in n.text.char_indices().take_while(|(i, _)| *i < 4096) {
                let _ = ogi_extract::numbers::parse_at(&n.text, i, true);
            }
            for line in n.text.lines().take(2000) {
                let _ = ogi_extract::segment::heading_at(line);
            }
        }
        _ => {}
    }
}

// ------------------------------------------------------------ determinism

fn json(bytes: &[u8], name: Option<&str>) -> String {
    match extract(bytes, name) {
        Ok(r) => serde_json::to_string(&r).unwrap(),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn same_input_same_json() {
    let mut inputs: Vec<Vec<u8>> = (0..6)
        .map(|s| synthetic::e21_report(s).into_bytes())
        .collect();
    inputs.extend((0..6).map(|s| synthetic::e14_report(s).into_bytes()));
    inputs.push(XorShift::new(3).bytes(10_000));
    inputs.push(
        format!(
            "<table><tr><td>{}</td></tr></table>",
            synthetic::e21_report(1)
                .replace('\t', "</td><td>")
                .replace('\n', "</td></tr><tr><td>")
        )
        .into_bytes(),
    );
    for (i, input) in inputs.iter().enumerate() {
        for name in NAMES {
            let a = json(input, name);
            let b = json(input, name);
            assert!(a == b, "input {i} ({name:?}): two runs differ");
        }
    }
    // And on other threads (hash maps are seeded per thread and per map).
    let first: Vec<String> = inputs.iter().map(|b| json(b, None)).collect();
    std::thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for (i, b) in inputs.iter().enumerate() {
                    assert!(
                        json(b, None) == first[i],
                        "input {i}: differs on another thread"
                    );
                }
            });
        }
    });
}

// -------------------------------------------------------- re-extraction

/// The fields of a report as comparable (id, value) pairs.
fn field_values(r: &Report) -> Vec<(String, String)> {
    let mut v: Vec<(String, String)> = r
        .fields
        .iter()
        .map(|f| (f.id.to_string(), f.value.to_string()))
        .collect();
    v.sort();
    v
}

/// Re-reading a report's normalised `text` gives the same fields: the text is
/// what a viewer shows and what spans index, so it must carry everything the
/// fields were read from.
#[test]
fn re_extraction_gives_the_same_fields() {
    let mut inputs: Vec<(String, String)> = Vec::new();
    for seed in 0..4 {
        inputs.push((format!("e21 #{seed}"), synthetic::e21_report(seed)));
        inputs.push((format!("e14 #{seed}"), synthetic::e14_report(seed)));
    }
    inputs.push((
        "narrative".into(),
        "某某县人民政府2020年政府信息公开工作年度报告\n一、总体情况\n2020年，本机关共收到政府信息公开申请12件，主动公开政府信息1200条。\n".into(),
    ));
    let mut failures = Vec::new();
    for (what, text) in &inputs {
        let first = extract_str(text).unwrap_or_else(|e| panic!("{what}: {e}"));
        let again =
            extract_str(&first.text).unwrap_or_else(|e| panic!("{what}: re-reading the text: {e}"));
        let (a, b) = (field_values(&first), field_values(&again));
        if a != b {
            let only_first: Vec<_> = a.iter().filter(|x| !b.contains(x)).collect();
            let only_again: Vec<_> = b.iter().filter(|x| !a.contains(x)).collect();
            failures.push(format!(
                "{what}: first only {only_first:?}; re-read only {only_again:?}"
            ));
        }
        assert_eq!(first.meta.year, again.meta.year, "{what}: year");
        assert_eq!(first.meta.era, again.meta.era, "{what}: era");
    }
    assert!(
        failures.is_empty(),
        "re-extraction changed fields:\n{}",
        failures.join("\n")
    );
}
