//! WebAssembly bindings of ogi-extract for the static page (`www/`) and the
//! embeddable `<ogi-extract>` element.
//!
//! Every export is a thin wrapper over a pure Rust function of this crate
//! (tested natively with `cargo test -p ogi-wasm`); the wrappers only convert
//! to and from JavaScript values (results as JSON given to `JSON.parse`), so
//! the page receives plain objects and arrays shaped as the report contract
//! (`schema/report.schema.json`), exactly the CLI's JSON.

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

pub fn extract_page_core(
    bytes: &[u8],
    name: Option<&str>,
    file: &str,
) -> Result<PageResult, String> {
    let report = extract_core(bytes, name)?;
    let csv_row = csv_row_core(file, &report);
    let astral = astral_offsets(&report.text);
    Ok(PageResult {
        report,
        csv_row,
        astral,
    })
}

/// A PDF's text items (from pdf.js, as `tools/pdf-items.mjs` gives them to
/// the CLI), in columns.
#[derive(Debug, Clone, Default)]
pub struct PdfItems {
    pub pages: Vec<u32>,
    pub xs: Vec<f32>,
    pub ys: Vec<f32>,
    pub widths: Vec<f32>,
    pub heights: Vec<f32>,
    pub texts: Vec<String>,
}

/// `extract_page_core` for a PDF's text items; `file_bytes` is the PDF's
/// size (the report's `input.bytes`, as the CLI sets it).
pub fn extract_pdf_core(items: &PdfItems, name: Option<&str>, file: &str, file_bytes: usize) -> Result<PageResult, String> {
    let n = items.texts.len();
    let at = |v: &Vec<f32>, i: usize| v.get(i).copied().unwrap_or(0.0);
    let list: Vec<ogi_extract::layout::TextItem> = (0..n)
        .map(|i| ogi_extract::layout::TextItem {
            page: items.pages.get(i).copied().unwrap_or(1),
            x: at(&items.xs, i),
            y: at(&items.ys, i),
            width: at(&items.widths, i),
            height: at(&items.heights, i),
            text: items.texts[i].clone(),
        })
        .collect();
    let mut report = ogi_extract::extract_pdf_items(&list, name).map_err(|e| e.to_string())?;
    report.input.bytes = file_bytes;
    let csv_row = csv_row_core(file, &report);
    let astral = astral_offsets(&report.text);
    Ok(PageResult { report, csv_row, astral })
}

/// Whether the bytes are a PDF (the core's test).
pub fn is_pdf_core(bytes: &[u8]) -> bool {
    ogi_extract::decode::pdf::is_pdf(bytes)
}

/// The core's message when pdf.js fails (`kind`: `password`, `invalid` or `error`).
pub fn pdf_failure_core(kind: &str, message: &str) -> String {
    ogi_extract::decode::pdf::pdfjs_failure(kind, message).to_string()
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

/// What the CSV row and the cross-year checks read from a report: its meta
/// and its values. The page passes report objects; only these parts are
/// read from them (so the module needs no deserialiser for the whole
/// contract, which would cost ~40 KB gzipped).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Flat {
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub era: Option<String>,
    pub published: Option<String>,
    pub fields: Vec<(String, f64)>,
    pub derived: Vec<(String, f64)>,
}

/// A JSON number as the core writes it: integers as integers.
fn number(v: f64) -> serde_json::Number {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        serde_json::Number::from(v as i64)
    } else {
        serde_json::Number::from_f64(v).unwrap_or_else(|| 0.into())
    }
}

fn field(id: &str, value: f64) -> ogi_extract::report::Field {
    ogi_extract::report::Field {
        id: id.to_string().into(),
        value: number(value),
        unit: "".into(),
        approx: false,
        source: "".into(),
        span: None,
        snippet: String::new(),
    }
}

/// A report holding only what `Flat` carries.
pub fn report_from_flat(f: &Flat) -> Report {
    Report {
        schema_version: ogi_extract::report::SCHEMA_VERSION.to_string(),
        source_name: None,
        input: Default::default(),
        meta: ogi_extract::report::Meta {
            agency: f.agency.clone(),
            year: f.year,
            era: f.era.clone(),
            published: f.published.clone(),
            ..Default::default()
        },
        outline: Vec::new(),
        fields: f.fields.iter().map(|(id, v)| field(id, *v)).collect(),
        derived: f.derived.iter().map(|(id, v)| field(id, *v)).collect(),
        checks: Vec::new(),
        warnings: Vec::new(),
        text: String::new(),
    }
}

/// The cross-year checks of a batch.
pub fn cross_year_core(batch: &[Flat]) -> Vec<CrossCheck> {
    let reports: Vec<Report> = batch.iter().map(report_from_flat).collect();
    ogi_extract::check::cross_year(&reports)
}

/// The message the core gives for an input over the size limit (the page
/// refuses such files before reading them).
pub fn too_large_core(bytes: usize) -> String {
    ExtractError::TooLarge {
        bytes,
        limit: MAX_INPUT_BYTES,
    }
    .to_string()
}

// ------------------------------------------------------------ legacy encodings

// The module is built without the core's `legacy-encodings` feature (no
// encoding_rs): GB18030/GBK and Big5 bytes are decoded by the browser's
// TextDecoder, which implements the same WHATWG Encoding Standard decoders.
// The core still decides (BOM, UTF-16, UTF-8, declared charset, GB18030 vs
// Big5 by plausibility) and only asks for the bytes to be decoded, so the
// page and the CLI read a file the same way.

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
extern "C" {
    type TextDecoder;
    #[wasm_bindgen(constructor, catch)]
    fn new(label: &str) -> Result<TextDecoder, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn decode(this: &TextDecoder, input: &[u8]) -> Result<String, JsValue>;
}

/// `new TextDecoder(label).decode(bytes)` (`fatal: false`: malformed
/// sequences become U+FFFD; no BOM handling for "gb18030" and "big5").
#[cfg(target_arch = "wasm32")]
fn legacy_decoder(bytes: &[u8], label: &'static str) -> Option<String> {
    TextDecoder::new(label).ok()?.decode(bytes).ok()
}

/// Registers the browser's decoder with the core (the first call does).
fn use_browser_decoder() {
    #[cfg(target_arch = "wasm32")]
    ogi_extract::decode::set_legacy_decoder(legacy_decoder);
}

// ------------------------------------------------------------ wasm wrappers

/// A value as the plain JavaScript object its JSON describes: serialised to
/// JSON here and parsed by `JSON.parse`. One string crosses the boundary,
/// which is several times faster than building the objects one property at
/// a time from wasm (a 40 KB report has thousands of strings and numbers).
fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(v).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("JSON.parse failed"))
}

fn get(o: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(o, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn pairs(list: JsValue) -> Vec<(String, f64)> {
    if !js_sys::Array::is_array(&list) {
        return Vec::new();
    }
    js_sys::Array::from(&list)
        .iter()
        .filter_map(|x| Some((get(&x, "id").as_string()?, get(&x, "value").as_f64()?)))
        .collect()
}

/// Reads a report object's meta and values (see [`Flat`]).
fn flat_from_js(r: &JsValue) -> Flat {
    let meta = get(r, "meta");
    Flat {
        agency: get(&meta, "agency").as_string(),
        year: get(&meta, "year").as_f64().map(|y| y as i32),
        era: get(&meta, "era").as_string(),
        published: get(&meta, "published").as_string(),
        fields: pairs(get(r, "fields")),
        derived: pairs(get(r, "derived")),
    }
}

/// Extracts one report; throws an `Error` with the core's message when the
/// input cannot be read (empty, too large, binary, PDF, Word…).
#[wasm_bindgen]
pub fn extract(bytes: &[u8], name: Option<String>) -> Result<JsValue, JsError> {
    use_browser_decoder();
    let report = extract_core(bytes, name.as_deref()).map_err(|e| JsError::new(&e))?;
    to_js(&report)
}

/// `extract` plus the CSV record and the astral offsets: `{report, csv_row, astral}`.
#[wasm_bindgen]
pub fn extract_page(bytes: &[u8], name: Option<String>, file: String) -> Result<JsValue, JsError> {
    use_browser_decoder();
    let r = extract_page_core(bytes, name.as_deref(), &file).map_err(|e| JsError::new(&e))?;
    to_js(&r)
}

/// A PDF's report from its pdf.js text items, given as columns (page, x,
/// y, width, height, text per item): `{report, csv_row, astral}` as
/// `extract_page` gives. Only in the module built with the `pdf` feature.
#[cfg(feature = "pdf")]
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn extract_pdf(
    pages: Vec<u32>,
    xs: Vec<f32>,
    ys: Vec<f32>,
    widths: Vec<f32>,
    heights: Vec<f32>,
    texts: Vec<String>,
    name: Option<String>,
    file: String,
    file_bytes: f64,
) -> Result<JsValue, JsError> {
    let items = PdfItems { pages, xs, ys, widths, heights, texts };
    let r = extract_pdf_core(&items, name.as_deref(), &file, file_bytes as usize).map_err(|e| JsError::new(&e))?;
    to_js(&r)
}

/// Whether the bytes are a PDF (then the page reads them with pdf.js).
#[wasm_bindgen]
pub fn is_pdf(bytes: &[u8]) -> bool {
    is_pdf_core(bytes)
}

/// The core's message for a PDF pdf.js could not read.
#[wasm_bindgen]
pub fn pdf_failure(kind: &str, message: &str) -> String {
    pdf_failure_core(kind, message)
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
pub fn csv_row(file: &str, report: JsValue) -> String {
    csv_row_core(file, &report_from_flat(&flat_from_js(&report)))
}

/// The cross-year checks of a batch of report objects (only `meta`,
/// `fields` and `derived` are read: `{id, value}` items suffice).
#[wasm_bindgen]
pub fn cross_year(reports: JsValue) -> Result<JsValue, JsError> {
    if !js_sys::Array::is_array(&reports) {
        return Err(JsError::new("cross_year expects an array of reports"));
    }
    let batch: Vec<Flat> = js_sys::Array::from(&reports)
        .iter()
        .map(|r| flat_from_js(&r))
        .collect();
    to_js(&cross_year_core(&batch))
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
        let pdf =
            extract_core(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", Some("x.pdf")).unwrap_err();
        assert!(pdf.to_lowercase().contains("pdf"), "{pdf}");
        assert!(too_large_core(MAX_INPUT_BYTES + 1).contains("over the limit"));
    }

    fn flat(r: &Report) -> Flat {
        let pairs = |l: &[ogi_extract::report::Field]| {
            l.iter()
                .map(|f| (f.id.to_string(), f.value.as_f64().unwrap()))
                .collect()
        };
        Flat {
            agency: r.meta.agency.clone(),
            year: r.meta.year,
            era: r.meta.era.clone(),
            published: r.meta.published.clone(),
            fields: pairs(&r.fields),
            derived: pairs(&r.derived),
        }
    }

    #[test]
    fn flat_reports_give_the_same_csv_and_cross_year_checks() {
        let a = extract_core(E21.as_bytes(), None).unwrap();
        let b = extract_core(
            E21.replace("2022", "2023")
                .replace(
                    "二、上年结转政府信息公开申请数量\t2",
                    "二、上年结转政府信息公开申请数量\t1",
                )
                .as_bytes(),
            None,
        )
        .unwrap();
        assert_eq!(
            csv_row_core("x", &report_from_flat(&flat(&a))),
            csv_row_core("x", &a)
        );
        let full = ogi_extract::check::cross_year(&[a.clone(), b.clone()]);
        let slim = cross_year_core(&[flat(&a), flat(&b)]);
        assert!(!full.is_empty());
        assert_eq!(full, slim);
    }

    #[test]
    fn pdf_items_are_read_like_the_core_reads_them() {
        // Two lines of a table, as pdf.js would give them.
        let rows = [
            ("甲县人民政府2019年政府信息公开工作年度报告", 100.0),
            ("（一）收到申请数", 140.0),
        ];
        let mut items = PdfItems::default();
        for (text, y) in rows {
            items.pages.push(1);
            items.xs.push(50.0);
            items.ys.push(y);
            items.widths.push(12.0 * text.chars().count() as f32);
            items.heights.push(12.0);
            items.texts.push(text.to_string());
        }
        let r = extract_pdf_core(&items, Some("a.pdf"), "a.pdf", 1234).unwrap();
        assert_eq!(r.report.input.format, "pdf");
        assert_eq!(r.report.input.bytes, 1234);
        assert_eq!(r.report.meta.year, Some(2019));
        assert!(r.csv_row.starts_with("a.pdf,"));
        let empty = extract_pdf_core(&PdfItems::default(), None, "b.pdf", 10).unwrap_err();
        assert!(empty.contains("no text layer"), "{empty}");
        assert!(is_pdf_core(b"%PDF-1.7\n"));
        assert!(pdf_failure_core("password", "x").contains("password"));
    }

    /// What the module's TextDecoder does, natively: encoding_rs's decoder
    /// of the same WHATWG label (the core is built here without its own).
    fn register_decoder() {
        ogi_extract::decode::set_legacy_decoder(|bytes, label| {
            let enc = encoding_rs::Encoding::for_label(label.as_bytes())?;
            Some(enc.decode_without_bom_handling(bytes).0.into_owned())
        });
    }

    #[test]
    fn gb18030_and_big5_are_detected_here_and_decoded_by_the_registered_decoder() {
        register_decoder();
        let utf8 = extract_page_core(E21.as_bytes(), Some("a.txt"), "a.txt").unwrap();
        let same = |r: &PageResult, encoding: &str| {
            assert_eq!(r.report.input.encoding, encoding);
            assert_eq!(r.report.text, utf8.report.text);
            assert_eq!(r.report.fields, utf8.report.fields);
            assert_eq!(r.csv_row, utf8.csv_row);
        };
        let gb = encoding_rs::GB18030.encode(E21).0;
        same(&extract_page_core(&gb, Some("a.txt"), "a.txt").unwrap(), "gb18030");
        // Declared in HTML, and in a traditional-character Big5 file.
        let html = format!("<html><head><meta charset=\"gb2312\"></head><body><pre>{E21}</pre></body></html>");
        let r = extract_core(&encoding_rs::GBK.encode(&html).0, Some("a.html")).unwrap();
        assert_eq!((r.input.encoding.as_str(), r.input.format.as_str()), ("gb18030", "html"));
        assert_eq!(r.meta.year, Some(2022));
        let trad = "甲市人民政府2022年政府信息公開工作年度報告\n\
            三、收到和處理政府信息公開申請情況\n\
            一、本年新收政府信息公開申請數量\t10\t1\t0\t0\t0\t0\t11\n\
            二、上年結轉政府信息公開申請數量\t2\t0\t0\t0\t0\t0\t2\n\
            四、結轉下年度繼續辦理\t1\t0\t0\t0\t0\t0\t1\n";
        let (b5, _, unmappable) = encoding_rs::BIG5.encode(trad);
        assert!(!unmappable);
        let r = extract_page_core(&b5, Some("b.txt"), "b.txt").unwrap();
        let want = extract_page_core(trad.as_bytes(), Some("b.txt"), "b.txt").unwrap();
        assert_eq!(r.report.input.encoding, "big5");
        assert_eq!((&r.report.text, &r.report.fields, &r.csv_row), (&want.report.text, &want.report.fields, &want.csv_row));
        assert_eq!(r.report.fields.len(), utf8.report.fields.len());
    }

    #[test]
    fn astral_offsets_are_code_points() {
        assert_eq!(astral_offsets("a𠀀b𠀁"), vec![1, 3]);
    }

    #[test]
    fn registry_has_every_field_with_a_label() {
        let r = registry_core();
        assert_eq!(r.len(), registry::fields().len());
        let f = r
            .iter()
            .find(|f| f.id == "stat.apply.received_total")
            .unwrap();
        assert_eq!(f.label, "三、依申请公开情况 / （一）收到申请数");
        assert_eq!(f.unit, "件");
        assert!(
            r.iter().all(|f| !f.label.is_empty()),
            "a field without a label"
        );
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
        let all: Vec<&ogi_extract::report::Field> =
            r.fields.iter().chain(r.derived.iter()).collect();
        let mut seen = 0;
        for d in r.derived.iter().filter(|d| d.id.starts_with("summary.")) {
            let first = src[d.id.as_ref()]
                .iter()
                .find_map(|id| all.iter().find(|f| &f.id == id))
                .unwrap();
            let scale = if first.unit == "万元" {
                10_000.0
            } else {
                1.0
            };
            assert_eq!(
                first.value.as_f64().unwrap() * scale,
                d.value.as_f64().unwrap(),
                "{}",
                d.id
            );
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
