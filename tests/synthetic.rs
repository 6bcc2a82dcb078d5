//! Accuracy on generated truth: reports from the synthetic batch
//! (`benches/common/synthetic.rs`: E14 narrative + 统计表, E19 and E21 tables
//! 二/三/四, in six layouts), extracted and compared value by value with what
//! the generator wrote. Unlike the gold set, the truth here is complete and
//! exact, so every missed value is a recall error and every value read that
//! the document does not state (or states differently) a precision error.
//!
//! ```text
//! cargo test --release --test synthetic                          # 300 reports
//! OGI_SYNTHETIC_N=10000 cargo test --release --test synthetic -- --nocapture
//! cargo test --release --test synthetic -- --ignored synthetic_batch_accuracy_strict
//! cargo test --release --test synthetic -- --ignored write_fuzz_seeds   # seeds for cargo fuzz
//! OGI_SYNTHETIC_DIR=/tmp/batch cargo test --release --test synthetic -- --ignored write_batch
//! ```

#[path = "../benches/common/synthetic.rs"]
mod synthetic;
#[path = "../benches/common/pdf_records.rs"]
mod pdf_records;

use ogi_extract::extract;
use std::collections::{BTreeMap, HashMap};
use synthetic::{batch, Generated, Layout, BATCH_SEED};

#[derive(Default, Clone)]
struct Tally {
    reports: usize,
    truth: usize,
    /// Read with the right value.
    correct: usize,
    /// Read with another value.
    wrong: usize,
    /// Read, but not stated by the document.
    extra: usize,
    /// Stated, not read.
    missed: usize,
    meta_ok: usize,
    failed_checks: usize,
    errors: usize,
}

impl Tally {
    fn add(&mut self, o: &Tally) {
        self.reports += o.reports;
        self.truth += o.truth;
        self.correct += o.correct;
        self.wrong += o.wrong;
        self.extra += o.extra;
        self.missed += o.missed;
        self.meta_ok += o.meta_ok;
        self.failed_checks += o.failed_checks;
        self.errors += o.errors;
    }
    fn precision(&self) -> f64 {
        let read = self.correct + self.wrong + self.extra;
        if read == 0 {
            1.0
        } else {
            self.correct as f64 / read as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.truth == 0 {
            1.0
        } else {
            self.correct as f64 / self.truth as f64
        }
    }
    fn line(&self, what: &str) -> String {
        format!(
            "{what:<22} {:>6} {:>8} {:>8} {:>6} {:>6} {:>6}  {:>7.4} {:>7.4}  {:>5.3} {:>6}",
            self.reports,
            self.truth,
            self.correct,
            self.wrong,
            self.extra,
            self.missed,
            self.precision(),
            self.recall(),
            self.meta_ok as f64 / self.reports.max(1) as f64,
            self.failed_checks,
        )
    }
}

/// Scores one report; `notes` collects the first differences.
fn score(g: &Generated, notes: &mut Vec<String>) -> Tally {
    let mut t = Tally {
        reports: 1,
        truth: g.truth.len(),
        ..Default::default()
    };
    let result = if g.layout == Layout::PdfItems {
        ogi_extract::extract_pdf_items(&pdf_records::items(&g.bytes), Some(&g.name))
    } else {
        extract(&g.bytes, Some(&g.name))
    };
    let report = match result {
        Ok(r) => r,
        Err(e) => {
            t.errors = 1;
            t.missed = g.truth.len();
            notes.push(format!("{}: extraction error: {e}", g.name));
            return t;
        }
    };
    let truth: HashMap<&str, f64> = g.truth.iter().map(|(k, v)| (k.as_str(), *v)).collect();
    let mut seen: HashMap<&str, f64> = HashMap::new();
    for f in &report.fields {
        let v = f.value.as_f64().unwrap_or(f64::NAN);
        if seen.insert(f.id.as_ref(), v).is_some() {
            continue; // an id twice: counted once
        }
        match truth.get(f.id.as_ref()) {
            Some(&want) if (want - v).abs() < 1e-6 => t.correct += 1,
            Some(&want) => {
                t.wrong += 1;
                notes.push(format!("{}: {} = {v}, expected {want} ({:?})", g.name, f.id, f.snippet));
            }
            None => {
                t.extra += 1;
                notes.push(format!("{}: {} = {v} not stated ({:?}, {})", g.name, f.id, f.snippet, f.source));
            }
        }
    }
    for (id, want) in &g.truth {
        if !seen.contains_key(id.as_str()) {
            t.missed += 1;
            notes.push(format!("{}: {id} = {want} missed", g.name));
        }
    }
    let m = &report.meta;
    let meta_ok = m.agency.as_deref() == Some(g.agency.as_str())
        && m.year == Some(g.year)
        && m.era.as_deref() == Some(g.era.as_str());
    if meta_ok {
        t.meta_ok = 1;
    } else {
        notes.push(format!(
            "{}: meta {:?} {:?} {:?}, expected {} {} {}",
            g.name,
            m.agency,
            m.year,
            m.era,
            g.agency,
            g.year,
            g.era.as_str()
        ));
    }
    for c in report.checks.iter().filter(|c| c.status == "fail") {
        t.failed_checks += 1;
        notes.push(format!("{}: check {} failed: {}", g.name, c.id, c.message));
    }
    t
}

fn count() -> usize {
    std::env::var("OGI_SYNTHETIC_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(300)
}

/// Layouts the extractor reads only in part today, with the recall they
/// reach (a floor against regressions). Each is reported in BENCHMARKS.md
/// ("Synthetic batch"); `synthetic_batch_accuracy_strict` holds every
/// layout to the full bar.
const KNOWN_GAPS: &[(&str, f64)] = &[
    // (Closed: merged-label padding in `tabs-filled`, row lines whose label
    // has commas in `spaces`; in `pdf-items`, table titles joined into
    // table 二's header, group labels centred on a row's baseline, labels
    // wrapped around a unit cell, line-end characters taken for vertical
    // text.)
];

/// Extracts reports `0..n` of the batch and scores them: (by era and
/// layout, by layout, all).
fn run(n: usize) -> (BTreeMap<String, Tally>, BTreeMap<String, Tally>, Tally) {
    let mut by: BTreeMap<String, Tally> = BTreeMap::new();
    let mut by_layout: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let mut notes = Vec::new();
    for g in batch(BATCH_SEED, n) {
        let t = score(&g, &mut notes);
        all.add(&t);
        by.entry(format!("{} {}", g.era.as_str(), g.layout.as_str())).or_default().add(&t);
        by.entry(format!("{} (all)", g.era.as_str())).or_default().add(&t);
        by_layout.entry(g.layout.as_str().to_string()).or_default().add(&t);
    }
    println!(
        "{:<22} {:>6} {:>8} {:>8} {:>6} {:>6} {:>6}  {:>7} {:>7}  {:>5} {:>6}",
        "era layout", "files", "truth", "correct", "wrong", "extra", "missed", "prec", "recall", "meta", "fails"
    );
    for (k, t) in &by_layout {
        println!("{}", t.line(&format!("(all) {k}")));
    }
    for (k, t) in &by {
        println!("{}", t.line(k));
    }
    println!("{}", all.line("ALL"));
    let notes: Vec<String> = match std::env::var("OGI_SYNTHETIC_GREP") {
        Ok(p) => notes.into_iter().filter(|n| n.contains(&p)).collect(),
        Err(_) => notes,
    };
    let shown = notes.len().min(
        std::env::var("OGI_SYNTHETIC_SHOW").ok().and_then(|s| s.parse().ok()).unwrap_or(40),
    );
    if shown > 0 {
        println!("first {shown} of {} differences (OGI_SYNTHETIC_GREP=… OGI_SYNTHETIC_SHOW=… for more):", notes.len());
        for n in &notes[..shown] {
            println!("  {n}");
        }
    }
    (by, by_layout, all)
}

/// 300 reports (`OGI_SYNTHETIC_N` for more): no extraction error; precision
/// ≥ 0.99 in every layout; recall ≥ 0.99 in every layout but the known gaps
/// (which must not fall below their floor); meta (agency, year, era) right
/// for ≥ 95% of reports; no failing check outside the known gaps (the
/// numbers are consistent, so a failing check is a false alarm).
#[test]
fn synthetic_batch_accuracy() {
    let (_, by_layout, all) = run(count());
    assert_eq!(all.errors, 0, "reports that did not extract");
    let mut problems = Vec::new();
    for (layout, t) in &by_layout {
        if t.precision() < 0.99 {
            problems.push(format!("{layout}: precision {:.4} < 0.99", t.precision()));
        }
        let gap = KNOWN_GAPS.iter().find(|g| g.0 == layout);
        let floor = gap.map_or(0.99, |g| g.1);
        if t.recall() < floor {
            problems.push(format!("{layout}: recall {:.4} < {floor}", t.recall()));
        }
        if let Some((_, floor)) = gap {
            if t.recall() >= 0.99 {
                println!("NOTE: {layout} now reaches recall {:.4}: remove it from KNOWN_GAPS", t.recall());
            } else {
                println!("KNOWN GAP: {layout} recall {:.4} (floor {floor})", t.recall());
            }
        } else if t.failed_checks > 0 {
            problems.push(format!("{layout}: {} failing check(s) on consistent numbers", t.failed_checks));
        }
    }
    let meta = all.meta_ok as f64 / all.reports as f64;
    if meta < 0.95 {
        problems.push(format!("meta right for {meta:.3} of reports < 0.95"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The full bar everywhere: recall ≥ 0.99 in every layout, every report's
/// meta right, no failing check.
#[test]
fn synthetic_batch_accuracy_strict() {
    let (_, by_layout, all) = run(count());
    let mut problems = Vec::new();
    for (layout, t) in &by_layout {
        if t.precision() < 0.99 || t.recall() < 0.99 || t.failed_checks > 0 {
            problems.push(format!(
                "{layout}: precision {:.4}, recall {:.4}, {} failing checks",
                t.precision(),
                t.recall(),
                t.failed_checks
            ));
        }
    }
    if all.meta_ok != all.reports {
        problems.push(format!("meta wrong for {} of {} reports", all.reports - all.meta_ok, all.reports));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_batch_is_deterministic_and_varied() {
    let a: Vec<Generated> = batch(BATCH_SEED, 60).collect();
    let b: Vec<Generated> = batch(BATCH_SEED, 60).collect();
    for (x, y) in a.iter().zip(&b) {
        assert_eq!(x.bytes, y.bytes, "{} differs between two runs", x.name);
        assert_eq!(x.truth, y.truth);
    }
    let eras: std::collections::HashSet<_> = a.iter().map(|g| g.era).collect();
    let layouts: std::collections::HashSet<_> = a.iter().map(|g| g.layout).collect();
    assert_eq!(eras.len(), 3, "all three templates in 60 reports");
    assert!(layouts.len() >= 5, "most layouts in 60 reports: {layouts:?}");
    let other = synthetic::generate(BATCH_SEED + 1, 0);
    assert_ne!(other.bytes, a[0].bytes, "another seed, another batch");
}

/// Writes seeds for every fuzz target into `fuzz/corpus/<target>/`.
#[test]
#[ignore]
fn write_fuzz_seeds() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let write = |target: &str, name: &str, bytes: &[u8]| {
        let dir = root.join(target);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join(name), bytes).unwrap();
    };
    let mut per_layout: HashMap<synthetic::Layout, usize> = HashMap::new();
    for g in batch(BATCH_SEED, 400) {
        let k = per_layout.entry(g.layout).or_default();
        if *k >= 6 {
            continue;
        }
        *k += 1;
        write("extract", &g.name, &g.bytes);
        match g.layout {
            synthetic::Layout::Html => {
                write("html", &g.name, &g.bytes);
                // The page saved as a web archive (.mht): MIME parts, the HTML
                // quoted-printable or base64, so the fuzzer starts inside the
                // MHTML reader.
                for (i, cte) in ["quoted-printable", "base64"].into_iter().enumerate() {
                    let mht = mhtml(&g.bytes, cte);
                    write("html", &format!("{}.{i}.mht", g.name), &mht);
                    write("extract", &format!("{}.{i}.mht", g.name), &mht);
                }
            }
            synthetic::Layout::PdfItems => write("pdf_items", &g.name, &g.bytes),
            synthetic::Layout::Docx => {
                write("docx", &g.name, &g.bytes);
                if let Some(xml) = synthetic::docx_document_xml(&g.bytes) {
                    write("docx", &format!("{}.xml", g.name), &xml);
                }
            }
            _ => {
                write("text", &g.name, &g.bytes);
                let text = String::from_utf8_lossy(&g.bytes);
                write("pdf_items", &format!("{}.items", g.name), &synthetic::pdf_items_bytes(&text));
                // The same text in the legacy encodings the decoder detects.
                let (gb, _, _) = encoding_rs::GB18030.encode(&text);
                write("text", &format!("{}.gb18030", g.name), &gb);
                let (big5, _, _) = encoding_rs::BIG5.encode(&text);
                write("text", &format!("{}.big5", g.name), &big5);
                let utf16: Vec<u8> = [0xFF, 0xFE]
                    .into_iter()
                    .chain(text.encode_utf16().flat_map(|u| u.to_le_bytes()))
                    .collect();
                write("text", &format!("{}.utf16le", g.name), &utf16);
            }
        }
    }
    println!("seeds written under {}", root.display());
}

/// `html` as a one-page web archive, its body in `cte` (`quoted-printable`
/// or `base64`), with a second (image) part.
fn mhtml(html: &[u8], cte: &str) -> Vec<u8> {
    let body = if cte == "base64" {
        const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        let mut out = Vec::new();
        for (k, c) in html.chunks(3).enumerate() {
            let n = (c[0] as u32) << 16 | (*c.get(1).unwrap_or(&0) as u32) << 8 | *c.get(2).unwrap_or(&0) as u32;
            for j in 0..4 {
                out.push(if j <= c.len() { B64[(n >> (18 - 6 * j) & 63) as usize] } else { b'=' });
            }
            if k % 19 == 18 {
                out.extend_from_slice(b"\r\n");
            }
        }
        out
    } else {
        // `=` escaped, bytes over 0x7E as `=XX`, lines kept (no soft breaks).
        html.iter()
            .flat_map(|&b| if b == b'=' || b > 0x7E { format!("={b:02X}").into_bytes() } else { vec![b] })
            .collect()
    };
    let mut out = format!(
        "MIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\tboundary=\"----=_NextPart_000\"\r\n\r\n\
         ------=_NextPart_000\r\nContent-Type: text/html; charset=\"utf-8\"\r\nContent-Transfer-Encoding: {cte}\r\n\r\n"
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out.extend_from_slice(b"\r\n------=_NextPart_000\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlh\r\n------=_NextPart_000--\r\n");
    out
}

/// Writes the whole batch (`OGI_SYNTHETIC_N`, default 10,000) to
/// `OGI_SYNTHETIC_DIR` with a `truth.jsonl`, e.g. to time the CLI on it.
#[test]
#[ignore]
fn write_batch() {
    let Some(dir) = std::env::var_os("OGI_SYNTHETIC_DIR") else {
        println!("set OGI_SYNTHETIC_DIR");
        return;
    };
    let n = std::env::var("OGI_SYNTHETIC_N").ok().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let dir = std::path::PathBuf::from(dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut truth = String::new();
    for g in batch(BATCH_SEED, n) {
        std::fs::write(dir.join(&g.name), &g.bytes).unwrap();
        let fields: serde_json::Map<String, serde_json::Value> =
            g.truth.iter().map(|(k, v)| (k.clone(), serde_json::json!(v))).collect();
        truth.push_str(&serde_json::json!({"file": g.name, "agency": g.agency, "year": g.year, "era": g.era.as_str(), "layout": g.layout.as_str(), "fields": fields}).to_string());
        truth.push('\n');
    }
    std::fs::write(dir.join("truth.jsonl"), truth).unwrap();
    println!("{n} reports written to {}", dir.display());
}

/// Prints report `OGI_SYNTHETIC_DUMP` of the batch as the extractor sees it
/// (for a PDF-items report: the text the layout rebuilt), then its truth.
#[test]
#[ignore]
fn dump() {
    let Some(i) = std::env::var("OGI_SYNTHETIC_DUMP").ok().and_then(|s| s.parse().ok()) else {
        println!("set OGI_SYNTHETIC_DUMP=<index>");
        return;
    };
    let g = synthetic::generate(BATCH_SEED, i);
    println!("{} ({} {}, {})", g.name, g.agency, g.year, g.encoding);
    let text = if g.layout == Layout::PdfItems {
        ogi_extract::layout::items_to_text(&pdf_records::items(&g.bytes))
    } else {
        match ogi_extract::decode::decode(&g.bytes, Some(&g.name)) {
            Ok(d) => d.text,
            Err(e) => format!("error: {e}"),
        }
    };
    println!("{text}");
    for (id, v) in &g.truth {
        println!("  {id} = {v}");
    }
}
