//! Extraction throughput: MB/s and reports/s, on one core and on all cores,
//! over two sets:
//!
//! - **corpus**: every text/HTML/markdown file in
//!   `../shared/corpus/{seeds,reports,synthetic}` (PDFs are skipped: they
//!   are read by pdf.js under node, which is not what is measured here);
//!   8 built-in synthetic reports when that folder is absent;
//! - **synthetic**: the synthetic batch of `benches/common/synthetic.rs`
//!   (10,000 reports: E14/E19/E21 × tab, cell-per-line, space, pipe, HTML,
//!   .docx and PDF-text-item layouts, some GB18030 and CRLF), seed
//!   `BATCH_SEED`. PDF items are decoded from their records before timing
//!   and given to `extract_pdf_items`; their MB are the records' bytes.
//!
//! ```text
//! cargo bench --bench extract              # full: 10,000 synthetic reports, 5 timed passes per setting (~4 min)
//! cargo bench --bench extract -- --quick   # CI: 400 synthetic reports, 3 passes (well under a minute)
//! cargo bench --bench extract -- --synthetic 2000 --runs 7   # other sizes
//! ```
//!
//! A small harness on `std::time::Instant` (no criterion, to keep builds
//! short): one warm-up pass, then the median of N timed passes; each pass
//! extracts every input of the set (repeated until the pass lasts long
//! enough to time). "all cores" uses `available_parallelism()` threads that
//! take the next input from a shared counter. It prints numbers and
//! compares them with the target of issue #5 (≥ 50 MB/s per core); it
//! asserts nothing about speed. The load average is printed before and
//! after, since a busy machine slows every figure.

/// The command line's allocator, so the figures are the CLI's (Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common/synthetic.rs"]
mod synthetic;
#[path = "common/pdf_records.rs"]
mod pdf_records;

use std::collections::BTreeMap;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Issue #5: native extraction at least this fast on one core.
const TARGET_MB_S_PER_CORE: f64 = 50.0;

struct Input {
    name: String,
    /// Group for the per-group breakdown (`E21 pipes`, `seeds`…).
    group: String,
    bytes: Vec<u8>,
    /// PDF text items (the synthetic `pdf-items` layout), read with
    /// `extract_pdf_items`; `bytes` are then their records.
    items: Option<Vec<ogi_extract::TextItem>>,
}

fn load_corpus() -> Vec<Input> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut inputs = Vec::new();
    let mut skipped = 0;
    for sub in ["seeds", "reports", "synthetic"] {
        let Ok(entries) = std::fs::read_dir(root.join(sub)) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok())
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .map(|e| e.path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for p in paths {
            if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf")) {
                skipped += 1;
                continue;
            }
            if let Ok(bytes) = std::fs::read(&p) {
                let name = format!("{sub}/{}", p.file_name().unwrap_or_default().to_string_lossy());
                inputs.push(Input { name, group: sub.to_string(), bytes, items: None });
            }
        }
    }
    if skipped > 0 {
        println!("note: {skipped} PDF file(s) in the corpus skipped (read by pdf.js, not timed here)");
    }
    if inputs.is_empty() {
        println!(
            "NOTICE: no files in {}/{{seeds,reports,synthetic}}; the corpus set is 8 built-in synthetic reports",
            root.display()
        );
        inputs = synthetic::corpus(8)
            .into_iter()
            .map(|(name, bytes)| Input { name, group: "built-in".into(), bytes, items: None })
            .collect();
    }
    inputs
}

fn load_synthetic(n: usize) -> Vec<Input> {
    synthetic::batch(synthetic::BATCH_SEED, n)
        .map(|g| Input {
            group: format!("{} {}", g.era.as_str(), g.layout.as_str()),
            items: (g.layout == synthetic::Layout::PdfItems).then(|| pdf_records::items(&g.bytes)),
            name: g.name,
            bytes: g.bytes,
        })
        .collect()
}

/// Extracts one input; returns something derived from the result so the
/// work cannot be optimised away.
fn run_one(input: &Input) -> usize {
    match extract(input) {
        Ok(r) => r.fields.len() + r.text.len(),
        Err(_) => 1,
    }
}

fn extract(input: &Input) -> Result<ogi_extract::Report, ogi_extract::ExtractError> {
    match &input.items {
        Some(items) => ogi_extract::extract_pdf_items(black_box(items), Some(&input.name)),
        None => ogi_extract::extract(black_box(&input.bytes), Some(&input.name)),
    }
}

/// One pass: every input `reps` times on `threads` threads.
fn pass(inputs: &[Input], reps: usize, threads: usize) -> Duration {
    let total = inputs.len() * reps;
    let start = Instant::now();
    if threads <= 1 {
        for i in 0..total {
            black_box(run_one(&inputs[i % inputs.len()]));
        }
    } else {
        let next = AtomicUsize::new(0);
        std::thread::scope(|s| {
            for _ in 0..threads {
                s.spawn(|| loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    black_box(run_one(&inputs[i % inputs.len()]));
                });
            }
        });
    }
    start.elapsed()
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

struct Settings {
    runs: usize,
    min_pass: Duration,
    cores: usize,
    breakdown: bool,
    /// `--quick`: a smoke run, its verdict only indicative.
    quick: bool,
}

/// Times one set; returns the single-core MB/s.
fn bench_set(label: &str, inputs: &[Input], s: &Settings) -> f64 {
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    println!(
        "\n[{label}] {} files, {:.2} MB ({:.1} KB per file)",
        inputs.len(),
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / inputs.len().max(1) as f64
    );

    // Warm-up: the first extraction in a process builds the registry's
    // tables and key automata (a few ms, once), and code pages are faulted
    // in; neither belongs to the per-file timings below.
    for input in inputs {
        black_box(run_one(input));
    }
    // Per-file timings (the slowest files are worth knowing).
    let mut per_file: Vec<(Duration, &Input, bool)> = inputs
        .iter()
        .map(|input| {
            let t = Instant::now();
            let ok = extract(input).is_ok();
            (t.elapsed(), input, ok)
        })
        .collect();
    let warm: Duration = per_file.iter().map(|p| p.0).sum();
    let failed = per_file.iter().filter(|p| !p.2).count();
    if failed > 0 {
        println!("  note: {failed} file(s) gave an extraction error (timed all the same)");
    }
    if s.breakdown {
        // One-core time per group, from the warm-up pass (one sample each).
        let mut groups: BTreeMap<&str, (usize, usize, Duration)> = BTreeMap::new();
        for (t, input, _) in &per_file {
            let g = groups.entry(input.group.as_str()).or_default();
            g.0 += 1;
            g.1 += input.bytes.len();
            g.2 += *t;
        }
        println!("  {:<24} {:>6} {:>9} {:>10} {:>9}", "group (one pass, 1 core)", "files", "KB/file", "ms/file", "MB/s");
        for (g, (n, b, t)) in groups {
            println!(
                "  {g:<24} {n:>6} {:>9.1} {:>10.3} {:>9.1}",
                b as f64 / 1e3 / n as f64,
                t.as_secs_f64() * 1e3 / n as f64,
                b as f64 / 1e6 / t.as_secs_f64()
            );
        }
    }
    per_file.sort_by_key(|p| std::cmp::Reverse(p.0));
    for (t, input, _) in per_file.iter().take(3) {
        println!(
            "  slowest: {:<48} {:>8.2} ms {:>8.1} KB",
            input.name,
            t.as_secs_f64() * 1e3,
            input.bytes.len() as f64 / 1e3
        );
    }

    let reps = if warm.is_zero() {
        1000
    } else {
        ((s.min_pass.as_secs_f64() / warm.as_secs_f64()).ceil() as usize).clamp(1, 100_000)
    };
    let mut settings = vec![1];
    if s.cores > 1 {
        settings.push(s.cores);
    }
    let mut single = (0.0, 0.0);
    for threads in settings {
        if threads > 1 {
            pass(inputs, reps.div_ceil(4).max(1), threads); // warm the threads
        }
        let times: Vec<Duration> = (0..s.runs).map(|_| pass(inputs, reps, threads)).collect();
        let (lo, hi) = (
            times.iter().min().unwrap().as_secs_f64(),
            times.iter().max().unwrap().as_secs_f64(),
        );
        let t = median(times).as_secs_f64();
        let mbs = (bytes * reps) as f64 / 1e6 / t;
        let rps = (inputs.len() * reps) as f64 / t;
        let extra = if threads == 1 {
            single = (mbs, rps);
            String::new()
        } else {
            format!("  {:.2}x one core, {:.1} MB/s per core", rps / single.1, mbs / threads as f64)
        };
        println!(
            "{label:<10} threads={threads:<3} {mbs:>9.2} MB/s {rps:>10.1} reports/s  (median of {} passes of {} reports, spread {:.0}%){extra}",
            s.runs,
            inputs.len() * reps,
            (hi - lo) / t * 100.0
        );
    }
    let verdict = if single.0 >= TARGET_MB_S_PER_CORE { "MET" } else { "NOT MET" };
    // A quick run (CI, beside other work, few passes) only shows the bench works.
    let caveat = if s.quick { " in this quick run; the target is judged on full runs" } else { "" };
    println!(
        "{label:<10} target ≥ {TARGET_MB_S_PER_CORE} MB/s per core: {verdict} ({:.1} MB/s on one core){caveat}",
        single.0
    );
    single.0
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let value = |flag: &str| -> Option<usize> {
        args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).and_then(|v| v.parse().ok())
    };
    let s = Settings {
        runs: value("--runs").unwrap_or(if quick { 3 } else { 5 }),
        // Each timed pass should last at least this long, so timer noise stays small.
        min_pass: Duration::from_millis(if quick { 150 } else { 1000 }),
        cores: std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1),
        breakdown: !quick || args.iter().any(|a| a == "--breakdown"),
        quick,
    };
    let n_synthetic = value("--synthetic").unwrap_or(if quick { 400 } else { 10_000 });
    println!(
        "ogi-extract throughput{}: {} core(s), load average {}",
        if quick { " (--quick)" } else { "" },
        s.cores,
        loadavg()
    );

    let corpus = load_corpus();
    bench_set("corpus", &corpus, &s);
    drop(corpus);

    let t = Instant::now();
    let batch = load_synthetic(n_synthetic);
    println!("\n(generated {} synthetic reports in {:.2} s)", batch.len(), t.elapsed().as_secs_f64());
    bench_set("synthetic", &batch, &s);
    println!("\nload average after: {}", loadavg());
}
