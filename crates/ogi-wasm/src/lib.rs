//! WebAssembly bindings of ogi-extract for the static page (`www/`) and the
//! embeddable `<ogi-extract>` element.
//!
//! Every export is a thin wrapper over a pure Rust function of this crate
//! (tested natively with `cargo test -p ogi-wasm`); the wrappers only convert
//! to and from JavaScript values with `serde_wasm_bindgen` in its JSON
//! compatible mode, so the page receives plain objects and arrays shaped as
//! the report contract (`schema/report.schema.json`).

pub mod en;
pub mod layout;

use ogi_extract::check::CrossCheck;
use ogi_extract::{export, registry, ExtractError, Report, MAX_INPUT_BYTES};
use serde::Serialize;
use wasm_bindgen::prelude::*;

// ------------------------------------------------------------ pure functions

/// One report from the bytes of a file (any supported encoding and format).
pub fn extract_core(bytes: &[u8], name: Option<&str>) -> Result<Report, String> {
    ogi_extract::extract(bytes, name).map_err(|e| e.to_string())
}

/// What the page needs for one input: the report, its CSV record (exactly
/// as `ogi extract --csv` writes it) and the code-point offsets of the
/// characters outside the Basic Multilingual Plane in `report.text` (so the
/// page can turn code-point spans into UTF-16 offsets without copying the
/// text into an array).
#[derive(Debug, Serialize)]
pub struct PageResult {
    pub report: Report,
    pub csv_row: String,
    pub astral: Vec<u32>,
}

pub fn extract_page_core(bytes: &[u8], name: Option<&str>, file: &str) -> Result<PageResult, String> {
    let report = extract_core(bytes, name)?;
    let csv_row = csv_row_core(file, &report);
    let astral = astral_offsets(&report.text);
    Ok(PageResult { report, csv_row, astral })
}

/// Code-point offsets of the characters above U+FFFF (two UTF-16 units).
pub fn astral_offsets(text: &str) -> Vec<u32> {
    text.chars()
        .enumerate()
        .filter(|(_, c)| (*c as u32) > 0xFFFF)
        .map(|(i, _)| i as u32)
        .collect()
}

/// One registry entry as the page sees it.
#[derive(Debug, Serialize)]
pub struct FieldInfo {
    pub id: &'static str,
    pub kind: &'static str,
    pub eras: Vec<&'static str>,
    /// The unit values are reported in.
    pub unit: &'static str,
    /// `fields.tsv`'s table column (`stat.table`, `gk.table3`, …).
    pub table: &'static str,
    /// The printed label(s), as in `fields.tsv`.
    pub labels: &'static str,
    /// A short label: the last part of the printed label path, without the
    /// item number's era variants.
    pub label: String,
    /// Whether a document can state it (a CSV column).
    pub stated: bool,
}

pub fn registry_core() -> Vec<FieldInfo> {
    registry::fields()
        .iter()
        .map(|f| {
            let era = f.eras.first().copied().unwrap_or("E14");
            let path = layout::label_path(f, era);
            let label = path.join(" / ");
            FieldInfo {
                id: f.id,
                kind: f.kind,
                eras: f.eras.clone(),
                unit: f.value_unit(),
                table: f.table,
                labels: f.labels,
                label,
                stated: f.is_stated(),
            }
        })
        .collect()
}

/// The CSV header record of `ogi extract --csv` (with its `\n`).
pub fn csv_header_core() -> String {
    export::csv_record(&export::csv_header())
}

/// One CSV record of `ogi extract --csv` (with its `\n`).
pub fn csv_row_core(file: &str, report: &Report) -> String {
    export::csv_record(&export::csv_row(file, report))
}

/// The message the core gives for an input over the size limit (the page
/// refuses such files before reading them).
pub fn too_large_core(bytes: usize) -> String {
    ExtractError::TooLarge { bytes, limit: MAX_INPUT_BYTES }.to_string()
}

// ------------------------------------------------------------ wasm wrappers

fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
}

fn from_js<T: serde::de::DeserializeOwned>(v: JsValue) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(v).map_err(|e| JsError::new(&e.to_string()))
}

/// Extracts one report; throws an `Error` with the core's message when the
/// input cannot be read (empty, too large, binary, PDF, Word…).
#[wasm_bindgen]
pub fn extract(bytes: &[u8], name: Option<String>) -> Result<JsValue, JsError> {
    let report = extract_core(bytes, name.as_deref()).map_err(|e| JsError::new(&e))?;
    to_js(&report)
}

/// `extract` plus the CSV record and the astral offsets: `{report, csv_row, astral}`.
#[wasm_bindgen]
pub fn extract_page(bytes: &[u8], name: Option<String>, file: String) -> Result<JsValue, JsError> {
    let r = extract_page_core(bytes, name.as_deref(), &file).map_err(|e| JsError::new(&e))?;
    to_js(&r)
}

/// Every registry field: id, kind, eras, unit, labels.
#[wasm_bindgen]
pub fn registry() -> Result<JsValue, JsError> {
    to_js(&registry_core())
}

/// The official tables to redraw (see [`layout`]).
#[wasm_bindgen]
pub fn layouts() -> Result<JsValue, JsError> {
    to_js(&layout::layouts())
}

/// The CSV column names (file, agency, year, era, published, then every stated field id).
#[wasm_bindgen]
pub fn csv_columns() -> Result<JsValue, JsError> {
    to_js(&export::csv_header())
}

/// The CSV header record, as `ogi extract --csv` writes it.
#[wasm_bindgen]
pub fn csv_header() -> String {
    csv_header_core()
}

/// One CSV record for a report object (as returned by `extract`). A decimal
/// the CLI writes as `5.0` has become the JavaScript number 5 and is written
/// `5`; `extract_page` gives the CLI's exact record.
#[wasm_bindgen]
pub fn csv_row(file: &str, report: JsValue) -> Result<String, JsError> {
    let report: Report = from_js(report)?;
    Ok(csv_row_core(file, &report))
}

/// The cross-year checks of a batch of report objects (`text` may be empty).
#[wasm_bindgen]
pub fn cross_year(reports: JsValue) -> Result<JsValue, JsError> {
    let reports: Vec<Report> = from_js(reports)?;
    let checks: Vec<CrossCheck> = ogi_extract::check::cross_year(&reports);
    to_js(&checks)
}

/// The largest input the core reads, in bytes.
#[wasm_bindgen]
pub fn max_input_bytes() -> f64 {
    MAX_INPUT_BYTES as f64
}

/// The core's message for an input of `bytes` bytes over the limit.
#[wasm_bindgen]
pub fn too_large_message(bytes: f64) -> String {
    too_large_core(bytes as usize)
}

/// The library version.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const E21: &str = "甲市人民政府2022年政府信息公开工作年度报告\n\
        三、收到和处理政府信息公开申请情况\n\
        一、本年新收政府信息公开申请数量\t10\t1\t0\t0\t0\t0\t11\n\
        二、上年结转政府信息公开申请数量\t2\t0\t0\t0\t0\t0\t2\n\
        四、结转下年度继续办理\t1\t0\t0\t0\t0\t0\t1\n";

    #[test]
    fn extract_and_csv_match_the_cli_functions() {
        let r = extract_page_core(E21.as_bytes(), Some("a.txt"), "a.txt").unwrap();
        assert_eq!(r.report.meta.year, Some(2022));
        assert!(r.csv_row.starts_with("a.txt,"));
        assert!(r.csv_row.ends_with('\n'));
        assert_eq!(
            r.csv_row.trim_end().split(',').count(),
            csv_header_core().trim_end().split(',').count()
        );
        assert_eq!(csv_header_core().split(',').next(), Some("file"));
        assert!(r.astral.is_empty());
    }

    #[test]
    fn errors_are_the_core_messages() {
        assert_eq!(extract_core(b"", None).unwrap_err(), "the input is empty");
        let pdf = extract_core(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", Some("x.pdf")).unwrap_err();
        assert!(pdf.to_lowercase().contains("pdf"), "{pdf}");
        assert!(too_large_core(MAX_INPUT_BYTES + 1).contains("over the limit"));
    }

    #[test]
    fn astral_offsets_are_code_points() {
        assert_eq!(astral_offsets("a𠀀b𠀁"), vec![1, 3]);
    }

    #[test]
    fn registry_has_every_field_with_a_label() {
        let r = registry_core();
        assert_eq!(r.len(), registry::fields().len());
        let f = r.iter().find(|f| f.id == "stat.apply.received_total").unwrap();
        assert_eq!(f.label, "三、依申请公开情况 / （一）收到申请数");
        assert_eq!(f.unit, "件");
        assert!(r.iter().all(|f| !f.label.is_empty()), "a field without a label");
    }

    #[test]
    fn summary_sources_agree_with_the_core() {
        // For each summary value a report has, the first source present in
        // the report has the same value (×10 000 for 万元 fees).
        let src = layout::layouts().derived_sources;
        let text = "乙县人民政府2017年政府信息公开工作年度报告\n统计指标\t单位\t统计数\n\
            （一）收到申请数\t件\t12\n1.当面申请数\t件\t5\n3.网络申请数\t件\t7\n\
            （三）申请答复数\t件\t12\n四、行政复议数量\t件\t1\n七、依申请公开信息收取的费用\t万元\t0\n";
        let r = extract_core(text.as_bytes(), None).unwrap();
        let all: Vec<&ogi_extract::report::Field> = r.fields.iter().chain(r.derived.iter()).collect();
        let mut seen = 0;
        for d in r.derived.iter().filter(|d| d.id.starts_with("summary.")) {
            let first = src[&d.id].iter().find_map(|id| all.iter().find(|f| &f.id == id)).unwrap();
            let scale = if first.unit == "万元" { 10_000.0 } else { 1.0 };
            assert_eq!(first.value.as_f64().unwrap() * scale, d.value.as_f64().unwrap(), "{}", d.id);
            seen += 1;
        }
        assert!(seen >= 3, "{seen}");
    }

    #[test]
    fn layouts_serialise_to_plain_json() {
        let v = serde_json::to_value(layout::layouts()).unwrap();
        assert_eq!(v["tables"][0]["key"], "e14");
        assert_eq!(v["tables"][0]["body"][0]["cells"][0]["t"], "label");
    }
}
