//! Extraction throughput: MB/s and reports/s, single-threaded and on all
//! cores, over every file in `../shared/corpus/{seeds,reports,synthetic}`
//! (built-in synthetic reports when that folder is absent).
//!
//! ```text
//! cargo bench --bench extract              # ~11 timed passes per setting
//! cargo bench --bench extract -- --quick   # a few seconds (CI)
//! ```
//!
//! A small harness on `std::time::Instant` (no criterion, to keep builds
//! short): one warm-up pass, then the median of N timed passes. It prints
//! numbers and asserts nothing about speed.

#[path = "common/synthetic.rs"]
mod synthetic;

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

struct Input {
    name: String,
    bytes: Vec<u8>,
}

fn load_corpus() -> Vec<Input> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let mut inputs = Vec::new();
    for sub in ["seeds", "reports", "synthetic"] {
        let dir = root.join(sub);
        let Ok(entries) = std::fs::read_dir(&dir) else {
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
            if let Ok(bytes) = std::fs::read(&p) {
                let name = format!(
                    "{sub}/{}",
                    p.file_name().unwrap_or_default().to_string_lossy()
                );
                inputs.push(Input { name, bytes });
            }
        }
    }
    if inputs.is_empty() {
        println!(
            "NOTICE: no files in {}/{{seeds,reports,synthetic}}; benchmarking 8 built-in synthetic reports instead",
            root.display()
        );
        inputs = synthetic::corpus(8)
            .into_iter()
            .map(|(name, bytes)| Input { name, bytes })
            .collect();
    }
    inputs
}

/// Extracts one input; returns something derived from the result so the
/// work cannot be optimised away.
fn run_one(input: &Input) -> usize {
    match ogi_extract::extract(black_box(&input.bytes), Some(&input.name)) {
        Ok(r) => r.fields.len() + r.text.len(),
        Err(_) => 1,
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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    let runs = if quick { 3 } else { 11 };
    // Each timed pass should last at least this long, so timer noise stays small.
    let min_pass = Duration::from_millis(if quick { 100 } else { 500 });

    let inputs = load_corpus();
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    println!(
        "ogi-extract benchmark: {} files, {:.2} MB, {} runs per setting{}",
        inputs.len(),
        bytes as f64 / 1e6,
        runs,
        if quick { " (--quick)" } else { "" }
    );

    // Warm-up, and per-file timings (the slowest files are worth knowing).
    let mut per_file: Vec<(Duration, &Input, bool)> = inputs
        .iter()
        .map(|input| {
            let t = Instant::now();
            let ok = ogi_extract::extract(&input.bytes, Some(&input.name)).is_ok();
            (t.elapsed(), input, ok)
        })
        .collect();
    let warm: Duration = per_file.iter().map(|p| p.0).sum();
    let failed = per_file.iter().filter(|p| !p.2).count();
    if failed > 0 {
        println!("note: {failed} file(s) gave an extraction error (timed all the same)");
    }
    per_file.sort_by_key(|p| std::cmp::Reverse(p.0));
    for (t, input, _) in per_file.iter().take(3) {
        println!(
            "  slowest: {:<50} {:>8.2} ms  {:>8.1} KB",
            input.name,
            t.as_secs_f64() * 1e3,
            input.bytes.len() as f64 / 1e3
        );
    }

    let reps = if warm.is_zero() {
        1000
    } else {
        ((min_pass.as_secs_f64() / warm.as_secs_f64()).ceil() as usize).clamp(1, 100_000)
    };
    let mut settings = vec![1];
    if cores > 1 {
        settings.push(cores);
    }
    let mut single = None;
    for threads in settings {
        pass(&inputs, reps.div_ceil(4).max(1), threads); // warm the threads too
        let times: Vec<Duration> = (0..runs).map(|_| pass(&inputs, reps, threads)).collect();
        let t = median(times).as_secs_f64();
        let mbs = (bytes * reps) as f64 / 1e6 / t;
        let rps = (inputs.len() * reps) as f64 / t;
        let speedup = match single {
            None => {
                single = Some(rps);
                String::new()
            }
            Some(s) => format!("  ({:.2}x)", rps / s),
        };
        println!(
            "extract  threads={threads:<3} {mbs:>9.2} MB/s  {rps:>10.1} reports/s  (median of {runs} passes of {} reports){speedup}",
            inputs.len() * reps
        );
    }
}
