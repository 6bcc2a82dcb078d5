//! Scaling: extraction time and peak memory against input size, from 1 KB to
//! 50 MB, for a realistic report repeated and for adversarial inputs, so
//! that linearity (or its absence) is visible.
//!
//! ```text
//! cargo bench --bench scaling              # 1 KB … 50 MB (a few minutes)
//! cargo bench --bench scaling -- --quick   # 1 KB … 4 MB (CI, well under a minute)
//! cargo bench --bench scaling -- --case digits --max-mb 16
//! ```
//!
//! Each (case, size) point runs in a child process (this binary re-executed
//! with `OGI_SCALING_CHILD=<case>:<bytes>`), so its peak memory is its own:
//! the child builds the input, resets the peak-RSS counter (`5` to
//! `/proc/self/clear_refs`), extracts once, and reads `VmHWM` and `VmRSS`
//! from `/proc/self/status`. "extra MB" is the peak minus the resident size
//! just before extracting (the input is already in memory), i.e. what
//! extraction itself needed. Small inputs are then extracted repeatedly
//! until 0.2 s have passed (0.05 s with `--quick`) and the mean is taken.
//!
//! For each case the table shows ms per MB and extra MB per input MB. A
//! WARNING line flags a case whose time per MB at the largest size is more
//! than 3× its best time per MB (super-linear time), or whose extra memory
//! per MB grows more than 3× from the smallest to the largest of the sizes
//! ≥ 64 KB. A child that takes over 300 s (60 s with `--quick`) is stopped
//! and reported as TIMEOUT. Nothing fails: it prints.

/// The command line's allocator, so the figures are the CLI's (Cargo.toml).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "common/synthetic.rs"]
mod synthetic;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CASES: &[(&str, &str)] = &[
    ("report", "a realistic E21 report (text, tables as tab rows) repeated"),
    ("report-html", "a realistic E19 report (HTML page, merged cells) repeated"),
    ("digits", "digits only (0123456789…), one line"),
    ("label-rows", "a table label row `本年新收政府信息公开申请数量\\t1\\t…` repeated"),
    ("nested-html", "<div> nested to the depth the size allows, one sentence inside"),
    ("one-line", "one line of Chinese report text, no line break"),
    ("short-lines", "short lines `收到申请1件` (20 bytes each)"),
    ("html-table", "one HTML table of 8-cell rows"),
];

const KB: usize = 1000;
const MB: usize = 1_000_000;

/// The input of `case` at about `size` bytes, and its file-name hint.
fn make(case: &str, size: usize) -> (Vec<u8>, &'static str) {
    let repeat = |unit: &str| -> Vec<u8> {
        let mut s = String::with_capacity(size + unit.len());
        while s.len() < size {
            s.push_str(unit);
        }
        s.into_bytes()
    };
    match case {
        "report" => (repeat(&pick(synthetic::Era::E21, synthetic::Layout::Tabs)), "report.txt"),
        "report-html" => (repeat(&pick(synthetic::Era::E19, synthetic::Layout::Html)), "report.html"),
        "digits" => ((0..size).map(|i| b'0' + (i % 10) as u8).collect(), "digits.txt"),
        "label-rows" => (repeat("本年新收政府信息公开申请数量\t1\t2\t0\t0\t1\t0\t4\n"), "rows.txt"),
        "nested-html" => {
            let inner = "收到政府信息公开申请12件";
            let depth = size.saturating_sub(inner.len() + 26) / 11;
            let mut s = String::with_capacity(size + 32);
            s.push_str("<html><body>");
            s.push_str(&"<div>".repeat(depth));
            s.push_str(inner);
            s.push_str(&"</div>".repeat(depth));
            s.push_str("</body></html>");
            (s.into_bytes(), "nested.html")
        }
        "one-line" => (repeat("本机关全年共收到政府信息公开申请12件，主动公开政府信息1200条，"), "line.txt"),
        "short-lines" => (repeat("收到申请1件\n"), "lines.txt"),
        "html-table" => {
            let row = "<tr><td>本年新收政府信息公开申请数量</td><td>1</td><td>2</td><td></td><td>0</td><td>1</td><td>0</td><td>4</td></tr>\n";
            let mut s = String::from("<html><body><table>\n");
            while s.len() + 30 < size {
                s.push_str(row);
            }
            s.push_str("</table></body></html>\n");
            (s.into_bytes(), "table.html")
        }
        other => panic!("unknown case {other}"),
    }
}

/// The first report of the synthetic batch with this era and layout, in UTF-8.
fn pick(era: synthetic::Era, layout: synthetic::Layout) -> String {
    (0..)
        .map(|i| synthetic::generate(synthetic::BATCH_SEED, i))
        .find(|g| g.era == era && g.layout == layout && g.encoding == "utf-8")
        .map(|g| String::from_utf8(g.bytes).expect("UTF-8"))
        .unwrap()
}

/// `VmHWM` and `VmRSS` of this process, in bytes.
fn memory() -> (usize, usize) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| -> usize {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse::<usize>().ok())
            .unwrap_or(0)
            * 1024
    };
    (field("VmHWM:"), field("VmRSS:"))
}

/// The child: one (case, size) point. Prints `bytes seconds peak_bytes
/// rss_before_bytes iterations ok`.
fn child(spec: &str, quick: bool) {
    let (case, size) = spec.split_once(':').expect("case:bytes");
    let size: usize = size.parse().expect("bytes");
    let (input, name) = make(case, size);
    // Reset the peak to the current RSS (Linux ≥ 4.0); without it the peak
    // includes building the input.
    let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
    let (_, rss_before) = memory();
    let t = Instant::now();
    let result = ogi_extract::extract(&input, Some(name));
    let first = t.elapsed();
    let ok = match &result {
        Ok(r) => format!("ok:{}fields", r.fields.len()),
        Err(e) => format!("error:{}", e.to_string().split_whitespace().take(4).collect::<Vec<_>>().join("_")),
    };
    drop(result);
    let (peak, _) = memory();
    let peak = if reset { peak } else { peak.max(rss_before) };
    // Small inputs: repeat for a stable mean.
    let budget = Duration::from_millis(if quick { 50 } else { 200 });
    let mut iterations = 1u32;
    let mut total = first;
    while total < budget && iterations < 100_000 {
        let t = Instant::now();
        std::hint::black_box(ogi_extract::extract(std::hint::black_box(&input), Some(name)).is_ok());
        total += t.elapsed();
        iterations += 1;
    }
    let secs = total.as_secs_f64() / iterations as f64;
    println!("{} {secs} {peak} {rss_before} {iterations} {ok}", input.len());
}

struct Point {
    bytes: usize,
    secs: f64,
    extra: usize,
    peak: usize,
    status: String,
}

/// Runs one point in a child process; `None` on timeout or crash (printed).
fn measure(case: &str, size: usize, quick: bool, limit: Duration) -> Option<Point> {
    let exe = std::env::current_exe().expect("own path");
    let mut cmd = Command::new(exe);
    cmd.env("OGI_SCALING_CHILD", format!("{case}:{size}")).stdout(Stdio::piped()).stderr(Stdio::piped());
    if quick {
        cmd.arg("--quick");
    }
    let mut child = cmd.spawn().expect("re-exec the bench binary");
    let start = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                println!("{case:<12} {:>10}  TIMEOUT after {:.0} s", human(size), limit.as_secs_f64());
                return None;
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(e) => panic!("waiting for the child: {e}"),
        }
    }
    let mut out = String::new();
    child.stdout.take().unwrap().read_to_string(&mut out).ok();
    let status = child.wait().expect("child status");
    let fields: Vec<&str> = out.split_whitespace().collect();
    if !status.success() || fields.len() < 6 {
        let mut err = String::new();
        child.stderr.take().unwrap().read_to_string(&mut err).ok();
        println!(
            "{case:<12} {:>10}  CRASH ({status}): {}",
            human(size),
            err.lines().find(|l| l.contains("panicked")).unwrap_or(err.lines().last().unwrap_or(""))
        );
        return None;
    }
    let bytes: usize = fields[0].parse().ok()?;
    let secs: f64 = fields[1].parse().ok()?;
    let peak: usize = fields[2].parse().ok()?;
    let before: usize = fields[3].parse().ok()?;
    Some(Point {
        bytes,
        secs,
        extra: peak.saturating_sub(before),
        peak,
        status: fields[5].to_string(),
    })
}

fn human(bytes: usize) -> String {
    if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        format!("{:.1} KB", bytes as f64 / KB as f64)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let quick = args.iter().any(|a| a == "--quick");
    if let Ok(spec) = std::env::var("OGI_SCALING_CHILD") {
        child(&spec, quick);
        return;
    }
    let value = |flag: &str| args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)).cloned();
    let only = value("--case");
    let max = value("--max-mb")
        .and_then(|v| v.parse::<f64>().ok())
        .map(|mb| (mb * MB as f64) as usize)
        .unwrap_or(if quick { 4 * MB } else { 50 * MB });
    let sizes: Vec<usize> = if quick {
        vec![KB, 16 * KB, 256 * KB, MB, 4 * MB]
    } else {
        vec![KB, 4 * KB, 16 * KB, 64 * KB, 256 * KB, MB, 4 * MB, 16 * MB, 50 * MB]
    }
    .into_iter()
    .filter(|&s| s <= max)
    .collect();
    let limit = Duration::from_secs(if quick { 60 } else { 300 });
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    println!(
        "ogi-extract scaling{}: time and peak memory per input size; one child process per point; load average {}",
        if quick { " (--quick)" } else { "" },
        load.split_whitespace().take(3).collect::<Vec<_>>().join(" ")
    );
    println!(
        "{:<12} {:>10} {:>11} {:>10} {:>10} {:>10} {:>9}  result",
        "case", "input", "time ms", "ms/MB", "peak MB", "extra MB", "extra/MB"
    );
    let started = Instant::now();
    let mut warnings = Vec::new();
    for (case, what) in CASES {
        if only.as_deref().is_some_and(|o| o != *case) {
            continue;
        }
        println!("# {case}: {what}");
        let mut points: Vec<Point> = Vec::new();
        for &size in &sizes {
            // A case whose unit is larger than the size gives one unit: skip
            // sizes that would repeat the previous point.
            if points.last().is_some_and(|p| p.bytes >= size) {
                continue;
            }
            let Some(p) = measure(case, size, quick, limit) else {
                warnings.push(format!("WARNING: {case} at {}: timeout or crash (see above)", human(size)));
                break;
            };
            let mb = p.bytes as f64 / MB as f64;
            println!(
                "{case:<12} {:>10} {:>11.3} {:>10.1} {:>10.1} {:>10.1} {:>9.1}  {}",
                human(p.bytes),
                p.secs * 1e3,
                p.secs * 1e3 / mb,
                p.peak as f64 / MB as f64,
                p.extra as f64 / MB as f64,
                p.extra as f64 / p.bytes as f64,
                p.status
            );
            points.push(p);
        }
        if points.len() >= 2 {
            let per_mb = |p: &Point| p.secs / p.bytes as f64;
            let best = points.iter().map(per_mb).fold(f64::INFINITY, f64::min);
            let last = points.last().unwrap();
            let growth = per_mb(last) / best;
            // Memory per MB over the sizes where fixed costs no longer dominate.
            let big: Vec<&Point> = points.iter().filter(|p| p.bytes >= 64 * KB).collect();
            let mem_growth = match (big.first(), big.last()) {
                (Some(a), Some(b)) if b.bytes > a.bytes && a.extra > 0 => {
                    (b.extra as f64 / b.bytes as f64) / (a.extra as f64 / a.bytes as f64)
                }
                _ => 1.0,
            };
            println!(
                "{case:<12} time/MB at {} is {growth:.2}x the best; extra memory/MB {mem_growth:.2}x from 64 KB up",
                human(last.bytes)
            );
            if growth > 3.0 {
                warnings.push(format!(
                    "WARNING: {case}: time per MB at {} is {growth:.1}x the best ({:.1} vs {:.1} ms/MB): super-linear",
                    human(last.bytes),
                    per_mb(last) * 1e3 * MB as f64,
                    best * 1e3 * MB as f64
                ));
            }
            if mem_growth > 3.0 {
                warnings.push(format!(
                    "WARNING: {case}: extra memory per MB grows {mem_growth:.1}x from 64 KB to {}",
                    human(last.bytes)
                ));
            }
        }
    }
    println!();
    for w in &warnings {
        println!("{w}");
    }
    if warnings.is_empty() {
        println!("no case grows super-linearly (time/MB within 3x of its best; memory/MB within 3x)");
    }
    println!("total {:.1} s", started.elapsed().as_secs_f64());
}
