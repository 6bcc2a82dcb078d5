//! The report contract: one JSON object per input report.
//!
//! Everything a viewer needs is here: the normalised `text` (spans index into
//! it), what the document states (`fields`), what we computed from it
//! (`derived`), the arithmetic `checks` and the `warnings`. The JSON Schema in
//! `schema/report.schema.json` documents the same shape; a test keeps them in
//! step.

use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Version of the report contract; bump on any incompatible change.
pub const SCHEMA_VERSION: &str = "1";

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Report {
    pub schema_version: String,
    /// File name (or `-` for stdin) when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_name: Option<String>,
    /// Input facts: encoding and format that were detected.
    pub input: InputInfo,
    pub meta: Meta,
    pub outline: Vec<Heading>,
    /// Facts the document states, one per field id (ids of `fields.tsv`).
    pub fields: Vec<Field>,
    /// Values computed from `fields`: the `derived` and `summary` ids.
    pub derived: Vec<Field>,
    pub checks: Vec<Check>,
    pub warnings: Vec<String>,
    /// The normalised text; every `span` is a pair of character offsets into it.
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct InputInfo {
    /// `utf-8`, `utf-16le`, `utf-16be`, `gb18030` or `big5`.
    pub encoding: String,
    /// `text`, `html` or `markdown`.
    pub format: String,
    pub bytes: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Meta {
    /// The body whose disclosure work the report covers (simplified characters).
    pub agency: Option<String>,
    /// The year the statistics cover.
    pub year: Option<i32>,
    /// `E08`, `E14`, `E19` or `E21`.
    pub era: Option<String>,
    /// How the era was decided: `headers` (template wording found) or `year`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub era_basis: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Statistics period `[from, to]` as `YYYY-MM-DD` when stated.
    pub period: Option<[String; 2]>,
    pub contact: Contact,
    /// The document's title line when one was found.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Default)]
pub struct Contact {
    pub address: Option<String>,
    pub phone: Vec<String>,
    pub website: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Heading {
    /// 1 for 一、, 2 for （一）, 3 for 1.
    pub level: u8,
    pub number: String,
    pub title: String,
    /// Character span of the heading line; `None` when the heading was only
    /// listed in the report's table of contents.
    pub span: Option<[usize; 2]>,
    /// Character offset where the section's body ends (next heading of the
    /// same or a higher level, or the end of the text).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Field {
    /// Borrowed from the registry when known (no allocation per field).
    pub id: Cow<'static, str>,
    /// Integers are emitted as JSON integers, decimals (万元, 元) as numbers.
    pub value: serde_json::Number,
    pub unit: Cow<'static, str>,
    /// 余/多/近/约/左右/逾 made the value approximate.
    pub approx: bool,
    /// `table`, `narrative` or `derived`.
    pub source: Cow<'static, str>,
    /// Character span in `text` of the cell or phrase the value came from.
    pub span: Option<[usize; 2]>,
    /// The original wording (before normalisation) the value was read from.
    pub snippet: String,
}

/// One evaluated identity. The ids, severity, status, formula and scope are
/// mostly static text (from the registry and the check tables), so they are
/// borrowed rather than allocated for every check of every report.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Check {
    /// Identity id from `checks.tsv` (`s14.received`, `t3.balance`, …) or
    /// `conflict.narrative_table`.
    pub id: Cow<'static, str>,
    /// `hard`, `soft` or `info`.
    pub severity: Cow<'static, str>,
    /// `pass`, `fail` or `skipped`.
    pub status: Cow<'static, str>,
    /// The identity as evaluated, e.g. `stat.apply.received_total = in_person + fax + online + letter`.
    pub formula: Cow<'static, str>,
    /// A short scope when the identity is evaluated per row or column (`自然人`, …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scope: Option<Cow<'static, str>>,
    /// The values used, by field id.
    pub values: Vec<(Cow<'static, str>, f64)>,
    pub expected: Option<f64>,
    pub actual: Option<f64>,
    pub difference: Option<f64>,
    /// Plain-language explanation (why it failed, or why it was skipped).
    pub message: String,
}
