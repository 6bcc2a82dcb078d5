//! The `ogi` command line, run as a process on files made here.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::Value;

const REPORT: &str = "某某县人民政府办公室2020年政府信息公开工作年度报告\n\
一、总体情况\n\
2020年，本机关共收到政府信息公开申请12件，主动公开政府信息1200条。\n\
二、主动公开政府信息情况\n\
第二十条第（一）项\n\
信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n\
规章\t1\t1\t11\n\
规范性文件\t8\t8\t66\n\
某某县人民政府办公室\n2021年1月20日\n";

/// A fresh, empty directory for one test.
fn temp_dir(tag: &str) -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "ogi-cli-{}-{}-{tag}",
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&p, bytes).unwrap();
    p
}

fn ogi() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_ogi"));
    c.stdin(Stdio::null());
    c
}

fn run(args: &[&str]) -> Output {
    ogi().args(args).output().expect("run ogi")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = ogi()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run ogi");
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    let feeder = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    out
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally (no signal)")
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn assert_is_report(v: &Value) {
    let o = v
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {v}"));
    for key in ["meta", "fields", "text", "checks", "warnings"] {
        assert!(o.contains_key(key), "report has no `{key}`: {v}");
    }
    assert!(o["fields"].is_array());
    assert!(o["text"].is_string());
}

#[test]
fn single_file_prints_one_pretty_report() {
    let dir = temp_dir("single");
    let f = write(&dir, "report.txt", REPORT.as_bytes());
    let out = run(&["extract", s(&f)]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with("{\n"), "pretty JSON object expected");
    assert!(
        text.contains("某某县"),
        "Chinese is written as UTF-8, not escaped"
    );
    let v: Value = serde_json::from_str(&text).expect("stdout is one JSON object");
    assert_is_report(&v);
    assert!(v["text"].as_str().unwrap().contains("政府信息公开"));
    // It is a Report as the library defines it.
    let _: ogi_extract::Report = serde_json::from_str(&text).unwrap();
}

#[test]
fn directory_gives_an_array_in_sorted_order_without_hidden_files() {
    let dir = temp_dir("dir");
    write(&dir, "b.txt", REPORT.as_bytes());
    write(&dir, "a.txt", REPORT.as_bytes());
    write(&dir, "sub/c.md", REPORT.as_bytes());
    write(&dir, ".hidden.txt", REPORT.as_bytes());
    write(&dir, ".git/d.txt", REPORT.as_bytes());
    let out = run(&["extract", s(&dir)]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).expect("a JSON array");
    let arr = v.as_array().expect("array");
    assert_eq!(arr.len(), 3, "{}", stdout(&out));
    for r in arr {
        assert_is_report(r);
    }
    let names: Vec<&str> = arr
        .iter()
        .map(|r| r["source_name"].as_str().unwrap_or(""))
        .collect();
    assert!(
        names[0].ends_with("a.txt") && names[1].ends_with("b.txt") && names[2].ends_with("c.md"),
        "{names:?}"
    );
}

#[test]
fn a_directory_with_one_file_is_still_an_array() {
    let dir = temp_dir("dir1");
    write(&dir, "only.txt", REPORT.as_bytes());
    let out = run(&["extract", s(&dir)]);
    assert_eq!(code(&out), 0);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v.as_array().map(Vec::len), Some(1));
}

#[test]
fn jsonl_gives_one_line_per_file_in_input_order() {
    let dir = temp_dir("jsonl");
    let mut paths = Vec::new();
    for i in 0..25 {
        paths.push(write(
            &dir,
            &format!("r{i:02}.txt"),
            REPORT.replace("12件", &format!("{}件", 100 + i)).as_bytes(),
        ));
    }
    let mut args = vec!["extract", "--jsonl", "-j", "4"];
    // Given in reverse order: the output follows the arguments, not the names.
    let rev: Vec<String> = paths.iter().rev().map(|p| s(p).to_string()).collect();
    args.extend(rev.iter().map(String::as_str));
    let out = run(&args);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 25);
    for (line, path) in lines.iter().zip(&rev) {
        let v: Value = serde_json::from_str(line).expect("each line is one JSON object");
        assert_is_report(&v);
        assert_eq!(v["source_name"].as_str(), Some(path.as_str()));
    }
}

#[test]
fn csv_has_the_field_ids_and_one_row_per_file() {
    let dir = temp_dir("csv");
    write(&dir, "a.txt", REPORT.as_bytes());
    write(&dir, "b,with comma.txt", REPORT.as_bytes());
    let out = run(&["extract", "--csv", s(&dir)]);
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let rows = ogi_extract::export::parse_csv(&stdout(&out)).expect("valid CSV");
    assert_eq!(rows.len(), 3, "header + 2 rows: {rows:?}");
    let header = &rows[0];
    assert_eq!(
        &header[..5],
        &["file", "agency", "year", "era", "published"]
    );
    let ids = ogi_extract::registry::stated_ids();
    assert!(!ids.is_empty());
    assert_eq!(header.len(), 5 + ids.len());
    for (col, id) in header[5..].iter().zip(&ids) {
        assert_eq!(col, id);
    }
    for row in &rows[1..] {
        assert_eq!(row.len(), header.len());
    }
    assert!(rows[1][0].ends_with("a.txt"));
    assert!(
        rows[2][0].ends_with("b,with comma.txt"),
        "quoted file name survives: {:?}",
        rows[2][0]
    );
}

#[test]
fn csv_for_one_file_has_header_and_row() {
    let dir = temp_dir("csv1");
    let f = write(&dir, "a.txt", REPORT.as_bytes());
    let out = run(&["extract", "--csv", s(&f)]);
    assert_eq!(code(&out), 0);
    let rows = ogi_extract::export::parse_csv(&stdout(&out)).unwrap();
    assert_eq!(rows.len(), 2);
}

#[test]
fn a_missing_file_fails_and_the_others_go_on() {
    let dir = temp_dir("missing");
    let good = write(&dir, "good.txt", REPORT.as_bytes());
    let missing = dir.join("missing.txt");
    let out = run(&["extract", s(&missing), s(&good)]);
    assert_eq!(code(&out), 1);
    let err = stderr(&out);
    assert!(
        err.contains(&format!("ogi: {}: ", s(&missing))),
        "stderr: {err}"
    );
    assert_eq!(err.lines().count(), 1, "one line per failure: {err}");
    let v: Value = serde_json::from_str(&stdout(&out)).expect("still a JSON array");
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 2);
    assert_eq!(arr[0]["file"].as_str(), Some(s(&missing)));
    assert!(arr[0]["error"].as_str().is_some_and(|e| !e.is_empty()));
    assert_is_report(&arr[1]);

    // JSON lines: an error record too. CSV: the good row only.
    let out = run(&["extract", "--jsonl", s(&good), s(&missing)]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[1]["error"].is_string());
    let out = run(&["extract", "--csv", s(&good), s(&missing)]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        ogi_extract::export::parse_csv(&stdout(&out)).unwrap().len(),
        2
    );
}

#[test]
fn a_single_missing_file_exits_1_with_one_message() {
    let out = run(&["extract", "/nonexistent/ogi/report.txt"]);
    assert_eq!(code(&out), 1);
    assert!(stdout(&out).is_empty());
    assert!(
        stderr(&out).starts_with("ogi: /nonexistent/ogi/report.txt: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_pdf_gets_a_clear_message() {
    let dir = temp_dir("pdf");
    let mut pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n".to_vec();
    pdf.extend((0..2000u32).map(|i| (i * 7919 % 251) as u8));
    let f = write(&dir, "report.pdf", &pdf);
    let out = run(&["extract", s(&f)]);
    assert_eq!(
        code(&out),
        1,
        "a PDF is not a text report; stdout: {}",
        stdout(&out)
    );
    let err = stderr(&out);
    assert!(err.starts_with(&format!("ogi: {}: ", s(&f))), "{err}");
    assert!(
        err.to_lowercase().contains("pdf"),
        "the message says it is a PDF: {err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn empty_file_is_an_error() {
    let dir = temp_dir("empty");
    let f = write(&dir, "empty.txt", b"");
    let out = run(&["extract", s(&f)]);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
}

#[test]
fn files_over_the_limit_are_refused_before_reading() {
    let dir = temp_dir("large");
    let p = dir.join("huge.txt");
    // A sparse file: its size says too large, without writing 64 MB.
    let f = std::fs::File::create(&p).unwrap();
    f.set_len(ogi_extract::MAX_INPUT_BYTES as u64 + 1).unwrap();
    drop(f);
    let out = run(&["extract", s(&p)]);
    let _ = std::fs::remove_file(&p);
    assert_eq!(code(&out), 1);
    assert!(stderr(&out).contains("limit"), "{}", stderr(&out));
}

#[test]
fn stdin_works_with_and_without_a_name() {
    let out = run_with_stdin(&["extract", "-"], REPORT.as_bytes());
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_is_report(&v);

    let html = format!(
        "<html><body><p>{}</p></body></html>",
        REPORT.replace('\n', "</p><p>")
    );
    let out = run_with_stdin(&["extract", "--name", "report.html", "-"], html.as_bytes());
    assert_eq!(code(&out), 0, "stderr: {}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["source_name"].as_str(), Some("report.html"));
    assert_eq!(
        v["input"]["format"].as_str(),
        Some("html"),
        "read as HTML: {}",
        v["input"]
    );
    assert!(
        !v["text"].as_str().unwrap().contains("<p>"),
        "HTML flattened: {}",
        v["text"]
    );

    // stdin among files: a batch.
    let dir = temp_dir("stdin");
    let f = write(&dir, "a.txt", REPORT.as_bytes());
    let out = run_with_stdin(&["extract", "--jsonl", s(&f), "-"], REPORT.as_bytes());
    assert_eq!(code(&out), 0);
    assert_eq!(stdout(&out).lines().count(), 2);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["frobnicate"][..],
        &["extract"][..],
        &["extract", "--bogus", "x.txt"][..],
        &["extract", "--csv", "--jsonl", "x.txt"][..],
        &["extract", "--name"][..],
        &["extract", "--name", "x.html", "file.txt"][..],
        &["extract", "-j", "0", "x.txt"][..],
        &["extract", "-", "-"][..],
    ] {
        let out = run(args);
        assert_eq!(code(&out), 2, "args {args:?}: stderr {}", stderr(&out));
        assert!(
            stderr(&out).starts_with("ogi: "),
            "args {args:?}: {}",
            stderr(&out)
        );
        assert!(stdout(&out).is_empty());
    }
}

#[test]
fn help_and_version() {
    for args in [
        &["--help"][..],
        &["-h"][..],
        &["help"][..],
        &["extract", "--help"][..],
        &["help", "extract"][..],
    ] {
        let out = run(args);
        assert_eq!(code(&out), 0, "{args:?}");
        assert!(
            stdout(&out).contains("ogi extract"),
            "{args:?}: {}",
            stdout(&out)
        );
    }
    let out = run(&["extract", "--help"]);
    for opt in ["--jsonl", "--csv", "--name"] {
        assert!(stdout(&out).contains(opt));
    }
    let out = run(&["--version"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        stdout(&out).trim(),
        format!("ogi {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn files_named_like_options_after_double_dash() {
    let dir = temp_dir("dash");
    let f = write(&dir, "-odd.txt", REPORT.as_bytes());
    let out = ogi()
        .current_dir(&dir)
        .args(["extract", "--", "-odd.txt"])
        .output()
        .unwrap();
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(f.exists());
}

#[test]
fn many_files_keep_their_order_and_no_bar_without_a_terminal() {
    let dir = temp_dir("many");
    for i in 0..40 {
        // Different sizes so workers finish out of order.
        let body = REPORT.repeat(1 + (i * 7) % 13);
        write(&dir, &format!("f{i:03}.txt"), body.as_bytes());
    }
    let out = run(&["extract", "--jsonl", s(&dir)]);
    assert_eq!(code(&out), 0);
    assert!(
        stderr(&out).is_empty(),
        "no progress bar when stderr is not a terminal: {:?}",
        stderr(&out)
    );
    let names: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["source_name"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names.len(), 40);
    assert_eq!(names, sorted);
}

#[test]
fn an_empty_directory_gives_an_empty_array() {
    let dir = temp_dir("emptydir");
    let out = run(&["extract", s(&dir)]);
    assert_eq!(code(&out), 0);
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v, Value::Array(vec![]));
    assert!(stderr(&out).contains("no files"));
}

#[test]
fn cross_year_checks_link_consecutive_reports_of_one_agency() {
    let dir = temp_dir("cross-year");
    write(&dir, "2022.txt", "甲市2022年政府信息公开工作年度报告\n四、结转下年度继续办理\t3\t0\t0\t0\t0\t0\t3\n".as_bytes());
    write(&dir, "2023.txt", "甲市2023年政府信息公开工作年度报告\n二、上年结转政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t4\n".as_bytes());
    write(&dir, "other.txt", "乙县2023年政府信息公开工作年度报告\n二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n".as_bytes());
    let o = run(&["extract", "--cross-year", s(&dir)]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 3);
    let checks = v["checks"].as_array().unwrap();
    assert_eq!(checks.len(), 7, "one check per applicant column");
    assert!(checks.iter().all(|c| c["agency"] == "甲市人民政府" && c["years"] == serde_json::json!([2022, 2023])));
    let total = checks.iter().find(|c| c["check"]["scope"] == "total").unwrap();
    assert_eq!(total["check"]["status"], "fail");
    assert_eq!(total["check"]["difference"], 1.0);
}
