//! `ogi`: the command line of ogi-extract.
//!
//! ```text
//! ogi extract [OPTIONS] FILE|DIR|- ...
//! ```
//!
//! One file gives its report as pretty JSON; several inputs (or a directory)
//! give a JSON array, JSON lines (`--jsonl`) or CSV (`--csv`). Files are read
//! in parallel and written in input order. Exit code: 0 when every input gave
//! a report, 1 when some did not, 2 for a usage error.

/// Many small allocations per report: see Cargo.toml.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::fs;
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use ogi_extract::{export, ExtractError, MAX_INPUT_BYTES};

const VERSION: &str = env!("CARGO_PKG_VERSION");

const HELP: &str = "\
ogi - reads Chinese government information disclosure annual reports
(政府信息公开工作年度报告) into structured, checked JSON

Usage:
  ogi extract [OPTIONS] FILE|DIR|- ...   extract one report per file
  ogi help [extract]                     show this help, or a command's
  ogi --version                          show the version

Run 'ogi extract --help' for the options.
";

const EXTRACT_HELP: &str = "\
Usage: ogi extract [OPTIONS] FILE|DIR|- ...

Reads each input (text, HTML or markdown in UTF-8, UTF-16, GB18030 or Big5;
Word .docx; PDF with a text layer, read with pdf.js, which needs node and the
npm package pdfjs-dist) and prints its report.

  one file or -     its report as one pretty JSON object
  several inputs    a JSON array of reports, in input order
  a directory       every file under it (recursively, sorted, hidden files
                    and folders skipped), as for several inputs

Options:
      --jsonl       one compact JSON report per line
      --csv         CSV: a header row (file, agency, year, era, published,
                    then one column per stated field id), one row per report
      --json        JSON (the default)
      --cross-year  only the checks between reports of one agency in
                    consecutive years (上年结转 = last year's 结转下年度;
                    现行有效 stock-flow), as {\"files\": [...], \"checks\": [...]}
      --name NAME   the file name to use for standard input (-), e.g. x.html
  -j, --jobs N      files to read at once (default: the number of cores)
  -h, --help        show this help

An input that cannot be read or extracted gives one line on stderr
('ogi: PATH: message'); the others go on. In JSON and JSON-lines output it
also gives a record {\"file\": PATH, \"error\": message}. A progress bar is drawn
on stderr for more than 20 files when stderr is a terminal and stdout is not.

Exit status: 0 when every input gave a report, 1 when some did not, 2 for a
usage error.
";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Json,
    Jsonl,
    Csv,
    /// Only the checks between reports of one agency in consecutive years.
    CrossYear,
}

#[derive(Debug)]
struct Options {
    mode: Mode,
    name: Option<String>,
    jobs: Option<usize>,
    inputs: Vec<OsString>,
}

/// Why the arguments could not be used (exit code 2).
struct Usage(String);

/// What `ogi` was asked to do.
enum Command {
    Help(&'static str),
    Version,
    Extract(Options),
}

fn main() -> ExitCode {
    install_panic_hook();
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match parse_args(args) {
        Ok(Command::Help(text)) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("ogi {VERSION}");
            ExitCode::SUCCESS
        }
        Ok(Command::Extract(opts)) => match run_extract(opts) {
            Ok(true) => ExitCode::SUCCESS,
            Ok(false) => ExitCode::from(1),
            Err(Usage(msg)) => usage_error(&msg),
        },
        Err(Usage(msg)) => usage_error(&msg),
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("ogi: {msg}");
    eprintln!("Try 'ogi --help' or 'ogi extract --help'.");
    ExitCode::from(2)
}

// ---------------------------------------------------------------- arguments

fn parse_args(args: Vec<OsString>) -> Result<Command, Usage> {
    let mut it = args.into_iter();
    let Some(first) = it.next() else {
        return Err(Usage("no command given".into()));
    };
    match first.to_str() {
        Some("-h" | "--help") => Ok(Command::Help(HELP)),
        Some("help") => match it.next().as_ref().and_then(|a| a.to_str()) {
            None => Ok(Command::Help(HELP)),
            Some("extract") => Ok(Command::Help(EXTRACT_HELP)),
            Some(other) => Err(Usage(format!("no help for unknown command '{other}'"))),
        },
        Some("-V" | "--version" | "version") => Ok(Command::Version),
        Some("extract") => parse_extract(it),
        _ => Err(Usage(format!(
            "unknown command '{}'",
            first.to_string_lossy()
        ))),
    }
}

fn parse_extract(mut it: impl Iterator<Item = OsString>) -> Result<Command, Usage> {
    let mut opts = Options {
        mode: Mode::Json,
        name: None,
        jobs: None,
        inputs: Vec::new(),
    };
    let mut mode_flag: Option<&'static str> = None;
    let mut set_mode = |opts: &mut Options, mode: Mode, flag: &'static str| match mode_flag {
        Some(prev) if prev != flag => {
            Err(Usage(format!("{prev} and {flag} cannot be used together")))
        }
        _ => {
            mode_flag = Some(flag);
            opts.mode = mode;
            Ok(())
        }
    };
    let mut only_inputs = false;
    while let Some(arg) = it.next() {
        let text = arg.to_str();
        if only_inputs || text == Some("-") || !text.is_some_and(|t| t.starts_with('-')) {
            // Inputs: anything after `--`, `-`, and every non-option (file
            // names that are not valid UTF-8 included).
            if !only_inputs && text.is_none() && arg.to_string_lossy().starts_with('-') {
                return Err(Usage(format!("unknown option '{}'", arg.to_string_lossy())));
            }
            opts.inputs.push(arg);
            continue;
        }
        let text = text.unwrap_or_default();
        let (flag, inline) = match text.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f, Some(v.to_string())),
            // `-j4`, as make has it.
            _ if text.starts_with("-j") && text.len() > 2 => ("-j", Some(text[2..].to_string())),
            _ => (text, None),
        };
        if inline.is_some() && !matches!(flag, "--name" | "--jobs" | "-j") {
            return Err(Usage(format!("{flag} takes no value")));
        }
        let mut value = |name: &str| -> Result<String, Usage> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            match it.next() {
                Some(v) => v
                    .into_string()
                    .map_err(|_| Usage(format!("the value of {name} is not valid UTF-8"))),
                None => Err(Usage(format!("{name} needs a value"))),
            }
        };
        match flag {
            "--" => only_inputs = true,
            "-h" | "--help" => return Ok(Command::Help(EXTRACT_HELP)),
            "--json" => set_mode(&mut opts, Mode::Json, "--json")?,
            "--jsonl" => set_mode(&mut opts, Mode::Jsonl, "--jsonl")?,
            "--csv" => set_mode(&mut opts, Mode::Csv, "--csv")?,
            "--cross-year" => set_mode(&mut opts, Mode::CrossYear, "--cross-year")?,
            "--name" => {
                let v = value("--name")?;
                if v.is_empty() {
                    return Err(Usage("--name needs a non-empty value".into()));
                }
                opts.name = Some(v);
            }
            "-j" | "--jobs" => {
                let v = value("--jobs")?;
                match v.parse::<usize>() {
                    Ok(n) if n > 0 => opts.jobs = Some(n),
                    _ => return Err(Usage(format!("--jobs needs a positive number, not '{v}'"))),
                }
            }
            _ => return Err(Usage(format!("unknown option '{text}'"))),
        }
    }
    if opts.inputs.is_empty() {
        return Err(Usage(
            "no input given (a file, a directory, or - for standard input)".into(),
        ));
    }
    let stdin_count = opts.inputs.iter().filter(|a| a.as_os_str() == "-").count();
    if stdin_count > 1 {
        return Err(Usage("standard input (-) can be given only once".into()));
    }
    if opts.name.is_some() && stdin_count == 0 {
        return Err(Usage(
            "--name applies to standard input; give - as an input".into(),
        ));
    }
    Ok(Command::Extract(opts))
}

// ------------------------------------------------------------------- inputs

/// Where one report's bytes come from.
#[derive(Debug)]
enum Source {
    Stdin,
    File(PathBuf),
    /// The input could not even be listed (a directory that cannot be read…).
    Failed(String),
}

#[derive(Debug)]
struct Job {
    /// The path as shown in messages, the CSV `file` column and error records.
    display: String,
    source: Source,
}

/// Expands the command-line inputs into jobs, in order. Returns whether a
/// directory was among them (which makes the output a batch).
fn expand_inputs(opts: &Options) -> (Vec<Job>, bool) {
    let mut jobs = Vec::new();
    let mut saw_dir = false;
    for arg in &opts.inputs {
        if arg.as_os_str() == "-" {
            let display = opts.name.clone().unwrap_or_else(|| "-".to_string());
            jobs.push(Job {
                display,
                source: Source::Stdin,
            });
            continue;
        }
        let path = PathBuf::from(arg);
        if path.is_dir() {
            saw_dir = true;
            let before = jobs.len();
            walk_dir(&path, &mut jobs);
            if jobs.len() == before {
                eprintln!("ogi: {}: no files found in this directory", path.display());
            }
        } else {
            jobs.push(Job {
                display: path.display().to_string(),
                source: Source::File(path),
            });
        }
    }
    (jobs, saw_dir)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Every non-hidden file under `dir`, sorted by path. Symbolic links to files
/// are followed; links to directories are not (no loops).
fn walk_dir(dir: &Path, jobs: &mut Vec<Job>) {
    let mut found: Vec<(PathBuf, Option<String>)> = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) => {
                found.push((d.clone(), Some(io_message(&e))));
                continue;
            }
        };
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    found.push((d.clone(), Some(io_message(&e))));
                    continue;
                }
            };
            if is_hidden(&entry.file_name()) {
                continue;
            }
            let path = entry.path();
            let Ok(ft) = entry.file_type() else {
                found.push((path, None));
                continue;
            };
            if ft.is_dir() {
                stack.push(path);
            } else if ft.is_symlink() {
                // Follow links to files only.
                match fs::metadata(&path) {
                    Ok(m) if m.is_dir() => {}
                    _ => found.push((path, None)),
                }
            } else {
                found.push((path, None));
            }
        }
    }
    found.sort();
    for (path, err) in found {
        let display = path.display().to_string();
        let source = match err {
            Some(msg) => Source::Failed(msg),
            None => Source::File(path),
        };
        jobs.push(Job { display, source });
    }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        io::ErrorKind::InvalidData => "the file could not be read (invalid data)".into(),
        _ => {
            // Drop the "(os error N)" suffix; keep the system's wording.
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_lowercase(),
                None => s,
            }
        }
    }
}

fn too_large(bytes: u64) -> String {
    let bytes = usize::try_from(bytes).unwrap_or(usize::MAX);
    ExtractError::TooLarge {
        bytes,
        limit: MAX_INPUT_BYTES,
    }
    .to_string()
}

/// Reads one input, refusing anything over [`MAX_INPUT_BYTES`] (checked from
/// the file's metadata before reading, and while reading for streams).
fn read_input(source: &Source) -> Result<Vec<u8>, String> {
    let limit = MAX_INPUT_BYTES as u64;
    let mut buf = Vec::new();
    match source {
        Source::Failed(msg) => return Err(msg.clone()),
        Source::Stdin => {
            io::stdin()
                .lock()
                .take(limit + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {}", io_message(&e)))?;
        }
        Source::File(path) => {
            let meta = fs::metadata(path).map_err(|e| io_message(&e))?;
            if meta.is_dir() {
                return Err("is a directory".into());
            }
            if meta.len() > limit {
                return Err(too_large(meta.len()));
            }
            let file = fs::File::open(path).map_err(|e| io_message(&e))?;
            buf.reserve(meta.len() as usize);
            file.take(limit + 1)
                .read_to_end(&mut buf)
                .map_err(|e| io_message(&e))?;
        }
    }
    if buf.len() as u64 > limit {
        return Err(format!("{} (or more)", too_large(buf.len() as u64)));
    }
    Ok(buf)
}

// --------------------------------------------------------------- extraction

thread_local! {
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// A panic inside the library becomes an error for that one input (with the
/// location, so it can be reported) instead of ending the whole run. With
/// RUST_BACKTRACE set, the default report is printed too.
fn install_panic_hook() {
    let default = panic::take_hook();
    let verbose = std::env::var_os("RUST_BACKTRACE").is_some_and(|v| v != "0");
    panic::set_hook(Box::new(move |info| {
        let text = info.to_string().replace('\n', " ");
        LAST_PANIC.with(|p| *p.borrow_mut() = Some(text));
        if verbose {
            default(info);
        }
    }));
}

/// Reads, extracts and renders one input; the rendered text has no trailing
/// newline.
fn process(job: &Job, mode: Mode) -> Result<String, String> {
    let bytes = read_input(&job.source)?;
    let result = panic::catch_unwind(AssertUnwindSafe(|| {
        // PDFs go through pdf.js under node (extract_native); the rest as extract.
        let report = ogi_extract::extract_native(&bytes, Some(&job.display)).map_err(|e| e.to_string())?;
        Ok(match mode {
            Mode::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
            Mode::Jsonl | Mode::CrossYear => export::jsonl_line(&report),
            Mode::Csv => {
                let mut line = export::csv_record(&export::csv_row(&job.display, &report));
                line.pop();
                line
            }
        })
    }));
    match result {
        Ok(r) => r,
        Err(_) => {
            let what = LAST_PANIC
                .with(|p| p.borrow_mut().take())
                .unwrap_or_else(|| "panic".into());
            Err(format!("internal error, please report it: {what}"))
        }
    }
}

// ------------------------------------------------------------------- output

fn run_extract(opts: Options) -> Result<bool, Usage> {
    if opts.mode == Mode::CrossYear {
        return Ok(run_cross_year(&opts));
    }
    let (jobs, saw_dir) = expand_inputs(&opts);
    let single = jobs.len() == 1 && !saw_dir && opts.inputs.len() == 1;
    let stdout = io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let result = if single {
        write_single(&jobs[0], opts.mode, &mut out)
    } else {
        write_batch(&jobs, &opts, &mut out)
    };
    let result = result.and_then(|ok| out.flush().map(|_| ok));
    match result {
        Ok(ok) => Ok(ok),
        // The reader went away (`ogi extract dir | head`): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => {
            eprintln!("ogi: cannot write the output: {}", io_message(&e));
            Ok(false)
        }
    }
}

/// `--cross-year`: extracts every input, then prints the cross-year checks
/// (same agency, consecutive years) as one JSON object.
fn run_cross_year(opts: &Options) -> bool {
    let (jobs, _) = expand_inputs(opts);
    let mut buf: Vec<u8> = Vec::new();
    let jsonl = Options { mode: Mode::Jsonl, name: opts.name.clone(), jobs: opts.jobs, inputs: opts.inputs.clone() };
    let ok = write_batch(&jobs, &jsonl, &mut buf).unwrap_or(false);
    let mut files = Vec::new();
    let mut reports = Vec::new();
    for (job, line) in jobs.iter().zip(String::from_utf8_lossy(&buf).lines()) {
        if let Ok(r) = serde_json::from_str::<ogi_extract::Report>(line) {
            files.push(job.display.clone());
            reports.push(r);
        }
    }
    let checks = ogi_extract::check::cross_year(&reports);
    let out = serde_json::json!({ "files": files, "checks": checks });
    println!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
    ok
}

fn write_single(job: &Job, mode: Mode, out: &mut impl Write) -> io::Result<bool> {
    if mode == Mode::Csv {
        export::write_csv_record(out, &export::csv_header())?;
    }
    match process(job, mode) {
        Ok(text) => {
            out.write_all(text.as_bytes())?;
            out.write_all(b"\n")?;
            Ok(true)
        }
        Err(msg) => {
            eprintln!("ogi: {}: {msg}", job.display);
            if mode == Mode::Jsonl {
                writeln!(out, "{}", export::error_record(&job.display, &msg))?;
            }
            Ok(false)
        }
    }
}

fn write_batch(jobs: &[Job], opts: &Options, out: &mut impl Write) -> io::Result<bool> {
    let total = jobs.len();
    let mode = opts.mode;
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let threads = opts.jobs.unwrap_or(cores).clamp(1, total.max(1));
    let mut bar = Progress::new(total);

    let next = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<(usize, Result<String, String>)>();
    let mut all_ok = true;

    let written: io::Result<()> = std::thread::scope(|scope| {
        let work = |tx: mpsc::Sender<(usize, Result<String, String>)>| loop {
            if stop.load(Ordering::Relaxed) {
                break;
            }
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= total {
                break;
            }
            if tx.send((i, process(&jobs[i], mode))).is_err() {
                break;
            }
        };
        let mut spawned = 0;
        for _ in 0..threads {
            let tx = tx.clone();
            // The main thread's stack size, so a file behaves the same alone
            // or in a batch.
            let worker = std::thread::Builder::new()
                .name("ogi-worker".into())
                .stack_size(8 << 20);
            if worker.spawn_scoped(scope, move || work(tx)).is_ok() {
                spawned += 1;
            }
        }
        if spawned == 0 {
            // No threads to be had: do the work here, then write it.
            work(tx.clone());
        }
        drop(tx);

        let mut write_all = || -> io::Result<()> {
            match mode {
                Mode::Csv => export::write_csv_record(out, &export::csv_header())?,
                Mode::Json => out.write_all(b"[")?,
                Mode::Jsonl | Mode::CrossYear => {}
            }
            let mut pending: BTreeMap<usize, Result<String, String>> = BTreeMap::new();
            let mut next_out = 0;
            let mut records = 0;
            for (i, result) in rx.iter() {
                bar.tick(result.is_err());
                pending.insert(i, result);
                while let Some(result) = pending.remove(&next_out) {
                    let job = &jobs[next_out];
                    next_out += 1;
                    let record = match result {
                        Ok(text) => Some(text),
                        Err(msg) => {
                            all_ok = false;
                            bar.message(&format!("ogi: {}: {msg}", job.display));
                            match mode {
                                Mode::Csv => None,
                                Mode::Json | Mode::Jsonl | Mode::CrossYear => {
                                    Some(export::error_record(&job.display, &msg))
                                }
                            }
                        }
                    };
                    let Some(record) = record else { continue };
                    match mode {
                        Mode::Json => out.write_all(if records == 0 { b"\n" } else { b",\n" })?,
                        Mode::Jsonl | Mode::Csv | Mode::CrossYear => {}
                    }
                    out.write_all(record.as_bytes())?;
                    if mode != Mode::Json {
                        out.write_all(b"\n")?;
                    }
                    records += 1;
                }
            }
            if mode == Mode::Json {
                out.write_all(if records == 0 { b"]\n" } else { b"\n]\n" })?;
            }
            Ok(())
        };
        let r = write_all();
        if r.is_err() {
            // Let the workers finish the file they are on and stop.
            stop.store(true, Ordering::Relaxed);
        }
        r
    });
    bar.finish();
    written.map(|_| all_ok)
}

/// A progress bar on stderr: drawn only for more than 20 files, when stderr is
/// a terminal and stdout is not (so it never mixes with the output).
struct Progress {
    enabled: bool,
    total: usize,
    done: usize,
    failed: usize,
    started: Instant,
    last_draw: Option<Instant>,
}

impl Progress {
    fn new(total: usize) -> Self {
        let enabled = total > 20 && io::stderr().is_terminal() && !io::stdout().is_terminal();
        Progress {
            enabled,
            total,
            done: 0,
            failed: 0,
            started: Instant::now(),
            last_draw: None,
        }
    }

    fn tick(&mut self, failed: bool) {
        self.done += 1;
        if failed {
            self.failed += 1;
        }
        let due = self
            .last_draw
            .map_or(true, |t| t.elapsed() >= Duration::from_millis(100));
        if due || self.done == self.total {
            self.draw();
        }
    }

    fn draw(&mut self) {
        if !self.enabled {
            return;
        }
        self.last_draw = Some(Instant::now());
        let width = 30;
        let filled = (self.done * width).checked_div(self.total).unwrap_or(width);
        let secs = self.started.elapsed().as_secs_f64();
        let rate = if secs > 0.0 {
            self.done as f64 / secs
        } else {
            0.0
        };
        let failed = if self.failed > 0 {
            format!("  {} failed", self.failed)
        } else {
            String::new()
        };
        let line = format!(
            "\r\x1b[K[{}{}] {}/{}{}  {:.1}/s",
            "#".repeat(filled),
            "-".repeat(width - filled),
            self.done,
            self.total,
            failed,
            rate
        );
        let mut err = io::stderr().lock();
        let _ = err.write_all(line.as_bytes());
        let _ = err.flush();
    }

    /// Prints one line on stderr above the bar.
    fn message(&mut self, line: &str) {
        let mut err = io::stderr().lock();
        if self.enabled {
            let _ = err.write_all(b"\r\x1b[K");
        }
        let _ = writeln!(err, "{line}");
        drop(err);
        if self.enabled {
            self.draw();
        }
    }

    fn finish(&mut self) {
        if self.enabled && self.last_draw.is_some() {
            let _ = io::stderr().lock().write_all(b"\r\x1b[K");
        }
    }
}
