//! Accuracy on the shared hand-checked gold set, through the command-line
//! tool and the shared scorer: precision ≥ 0.99, recall ≥ 0.95, meta ≥ 0.95
//! on every gold report that is text, HTML or markdown.
//!
//! The corpus lives outside the project (`../shared`). Without it the test
//! prints a notice and checks nothing; CI sets `OGI_REQUIRE_CORPUS=1`, which
//! turns a missing corpus into a failure.

use std::path::Path;
use std::process::Command;

fn shared() -> Option<std::path::PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if p.join("tools/score.py").is_file() && p.join("corpus/gold").is_dir() {
        Some(p)
    } else {
        println!("NOTICE: ../shared (corpus and scorer) not found: gold scoring NOT run");
        assert!(std::env::var_os("OGI_REQUIRE_CORPUS").is_none(), "OGI_REQUIRE_CORPUS is set but ../shared is missing");
        None
    }
}

/// Parses `precision=0.990 recall=0.950 … meta=1.000` from the scorer's last line.
fn metric(line: &str, name: &str) -> f64 {
    let key = format!("{name}=");
    let i = line.find(&key).unwrap_or_else(|| panic!("no {name} in: {line}"));
    line[i + key.len()..].split_whitespace().next().unwrap().parse().unwrap()
}

/// Runs the scorer over the gold set (`skip`: extensions left out).
fn score(shared: &Path, skip: &str) {
    let bin = env!("CARGO_BIN_EXE_ogi");
    let out = Command::new("python3")
        .arg(shared.join("tools/score.py"))
        .args(["--skip-ext", skip, "--details", "--gold"])
        .arg(shared.join("corpus/gold"))
        .arg("--corpus")
        .arg(shared.join("corpus"))
        .arg("--cmd")
        .arg(format!("{bin} extract {{file}}"))
        .output()
        .expect("python3 runs the scorer");
    let stdout = String::from_utf8_lossy(&out.stdout);
    println!("{stdout}");
    assert!(out.status.success(), "scorer failed: {}", String::from_utf8_lossy(&out.stderr));
    let last = stdout.lines().last().unwrap_or("");
    assert!(last.contains("failed=0"), "a report failed to extract: {last}");
    let (p, r, m) = (metric(last, "precision"), metric(last, "recall"), metric(last, "meta"));
    assert!(p >= 0.99, "precision {p} < 0.99");
    assert!(r >= 0.95, "recall {r} < 0.95");
    assert!(m >= 0.95, "meta {m} < 0.95");
}

#[test]
fn gold_text_html_markdown() {
    let Some(shared) = shared() else { return };
    score(&shared, "pdf,docx");
}

/// Every gold report, PDFs included: the CLI reads PDFs with pdf.js under
/// node (`tools/pdf-items.mjs`), so this needs `npm ci` (pdfjs-dist).
#[test]
fn gold_all_formats_pdf_included() {
    let Some(shared) = shared() else { return };
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let pdfjs = std::env::var_os("OGI_PDFJS_DIR").is_some() || here.join("node_modules/pdfjs-dist/package.json").is_file();
    if !pdfjs {
        println!("NOTICE: pdfjs-dist is not installed (npm ci): the PDF gold reports were NOT scored");
        assert!(std::env::var_os("OGI_REQUIRE_CORPUS").is_none(), "OGI_REQUIRE_CORPUS is set but pdfjs-dist is missing");
        return;
    }
    score(&shared, "");
}
