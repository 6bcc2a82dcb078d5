//! ogi-extract: reads Chinese government information disclosure annual
//! reports (政府信息公开工作年度报告) into one structured, checked report.
//!
//! The pipeline, one module per step:
//! 1. [`decode`]: bytes → text (encoding detection; HTML and markdown flattened
//!    to lines, table rows kept as tab-separated cells).
//! 2. [`normalise`]: full-width → half-width, traditional → simplified,
//!    spaces inside numbers removed, with a map back to the original text.
//! 3. [`segment`]: lines, table rows, sentences and the outline.
//! 4. [`read`]: the official tables (one routine for every template) and the
//!    narrative sentences, each value with its provenance.
//! 5. [`check`]: derived and summary values, and the arithmetic identities.
//! 6. [`report`]: the JSON contract.
//!
//! Field ids, labels and units live in one place, [`registry`].

pub mod check;
pub mod decode;
pub mod export;
pub mod fasthash;
pub mod layout;
pub mod meta;
pub mod normalise;
pub mod numbers;
pub mod read;
pub mod registry;
pub mod report;
pub mod segment;

pub use layout::TextItem;
pub use report::Report;

use std::fmt;

/// Inputs larger than this are refused (the page and the CLI say so).
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Why a report could not be produced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    /// Zero bytes, or only white space.
    Empty,
    /// Larger than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize, limit: usize },
    /// Looks like a binary file (PDF, Office, image, archive…), not text.
    Binary { kind: String },
}

impl fmt::Display for ExtractError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ExtractError::Empty => write!(f, "the input is empty"),
            ExtractError::TooLarge { bytes, limit } => write!(
                f,
                "the input is {bytes} bytes, over the limit of {limit} bytes"
            ),
            ExtractError::Binary { kind } => write!(f, "{kind}"),
        }
    }
}

impl std::error::Error for ExtractError {}

/// Extracts one report from the raw bytes of a file (any supported encoding
/// and format). `name` is the file name, used only as a format hint and
/// echoed in the report.
pub fn extract(bytes: &[u8], name: Option<&str>) -> Result<Report, ExtractError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge { bytes: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    let decoded = decode::decode(bytes, name)?;
    let mut report = extract_decoded(&decoded.text);
    report.input = report::InputInfo {
        encoding: decoded.encoding.to_string(),
        format: decoded.format.as_str().to_string(),
        bytes: bytes.len(),
    };
    report.source_name = name.map(str::to_string);
    Ok(report)
}

/// Extracts one report from a PDF's text layer: its positioned text items
/// (from pdf.js `getTextContent()`, see [`layout`] for the coordinates). The
/// items are laid out into lines and table rows by [`layout::items_to_text`],
/// then read as any other report. The report's `input` is `utf-8` / `pdf`,
/// and `bytes` is the length of the rebuilt text (set it to the file's size
/// when it is known, as the command line does).
///
/// No text items (or only white space) → [`ExtractError::Binary`] saying the
/// PDF has no text layer (a scan) and OCR is not supported.
pub fn extract_pdf_items(items: &[TextItem], name: Option<&str>) -> Result<Report, ExtractError> {
    let text = decode::pdf::text_from_items(items)?;
    let mut report = extract_decoded(&text);
    report.input = report::InputInfo {
        encoding: "utf-8".to_string(),
        format: decode::Format::Pdf.as_str().to_string(),
        bytes: text.len(),
    };
    report.source_name = name.map(str::to_string);
    Ok(report)
}

/// [`extract`] for native programs: a PDF is read with pdf.js run by node
/// (`tools/pdf-items.mjs`, see [`decode::pdf::pdfjs_items`]) and then as with
/// [`extract_pdf_items`], so it gives the same report as the web page; every
/// other input goes to [`extract`].
#[cfg(not(target_arch = "wasm32"))]
pub fn extract_native(bytes: &[u8], name: Option<&str>) -> Result<Report, ExtractError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge { bytes: bytes.len(), limit: MAX_INPUT_BYTES });
    }
    if !decode::pdf::is_pdf(bytes) {
        return extract(bytes, name);
    }
    let items = decode::pdf::pdfjs_items(bytes)?;
    let mut report = extract_pdf_items(&items, name)?;
    report.input.bytes = bytes.len();
    Ok(report)
}

/// Extracts one report from text that is already decoded (e.g. a paste).
/// HTML and markdown are recognised as with [`extract`].
pub fn extract_str(text: &str) -> Result<Report, ExtractError> {
    extract(text.as_bytes(), None)
}

/// The pipeline after decoding: `text` is plain text with table rows as
/// tab-separated cells.
fn extract_decoded(text: &str) -> Report {
    let mut norm = normalise::normalise(text);
    let doc = segment::Document::new(&norm);
    let meta = meta::read_meta(&doc);
    let era = meta.era.clone().unwrap_or_else(|| "E14".to_string());
    let mut reading = read::read(&doc, &era, meta.year);
    let outline = segment::outline(&doc, &reading.table_lines);
    let (derived, mut conflicts, mut checks) = check::derive_and_run(&reading.fields, &reading.extra, &era);
    checks.append(&mut reading.conflicts);
    checks.append(&mut conflicts);
    let mut warnings = reading.warnings;
    warnings.extend(reading_warnings(&meta, &reading.fields));
    let fields = reading.fields.into_iter().map(|v| v.to_field(&norm)).collect();
    let derived = derived.into_iter().map(|v| v.to_field(&norm)).collect();
    Report {
        schema_version: report::SCHEMA_VERSION.to_string(),
        source_name: None,
        input: Default::default(),
        meta,
        outline,
        fields,
        derived,
        checks,
        warnings,
        // The spans are converted above; the text itself moves into the report.
        text: std::mem::take(&mut norm.text),
    }
}

/// Plain-language notes on what could not be read.
fn reading_warnings(meta: &report::Meta, fields: &[read::Value]) -> Vec<String> {
    let mut w = Vec::new();
    if meta.agency.is_none() {
        w.push("The reporting body is not named in the text (no title, opening or signature names it).".to_string());
    }
    if meta.year.is_none() {
        w.push("The statistics year could not be determined; the 2014–2018 field set was assumed.".to_string());
    }
    let modern = matches!(meta.era.as_deref(), Some("E19") | Some("E21"));
    let from_tables = fields.iter().any(|f| f.source == "table");
    if modern && !from_tables {
        w.push(
            "None of the 2019/2021 tables (二、三、四) was found in the text; they may be images or attachments. \
             Figures come from the narrative only."
                .to_string(),
        );
    }
    w
}
