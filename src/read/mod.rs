//! Reading values out of a segmented document: the official tables first,
//! then the narrative; table beats narrative (ANNOTATION rule 3), and a
//! disagreement becomes a `conflict.narrative_table` check.

pub mod keyset;
pub mod narrative;
pub mod tables;

use crate::normalise::Normalised;
use std::borrow::Cow;
use crate::registry::{self, FieldDef};
use crate::report::{Check, Field};
use crate::segment::{Document, Span};

/// One value read from the document (or derived from others).
#[derive(Debug, Clone)]
pub struct Value {
    /// The registry's own id (borrowed), or an unknown id (owned).
    pub id: Cow<'static, str>,
    pub value: f64,
    /// Emit as a decimal number (万元 amounts like `96171.6`, `0.00`).
    pub decimal: bool,
    pub unit: &'static str,
    pub approx: bool,
    /// `table`, `narrative` or `derived`.
    pub source: &'static str,
    /// The cell or phrase holding the number.
    pub span: Option<Span>,
    /// The row label or sentence around it, quoted in the snippet.
    pub context: Option<Span>,
}

impl Value {
    pub fn new(id: &str, value: f64, source: &'static str, span: Option<Span>, context: Option<Span>) -> Value {
        match registry::field(id) {
            Some(def) => Value::of_field(def, value, source, span, context),
            None => Value { id: Cow::Owned(id.to_string()), value, decimal: false, unit: "", approx: false, source, span, context },
        }
    }

    /// A value of a registry field (no id lookup).
    pub fn of_field(def: &'static FieldDef, value: f64, source: &'static str, span: Option<Span>, context: Option<Span>) -> Value {
        // Borrowing the registry's strings spares two allocations per value.
        Value { id: Cow::Borrowed(def.id), value, decimal: false, unit: def.value_unit(), approx: false, source, span, context }
    }

    /// The report's JSON form, with char spans and the original wording.
    pub fn to_field(&self, norm: &Normalised) -> Field {
        let number = if self.decimal || self.value.fract() != 0.0 {
            serde_json::Number::from_f64(self.value).unwrap_or_else(|| 0.into())
        } else {
            serde_json::Number::from(self.value as i64)
        };
        let span = self.span.map(|s| [norm.char_index(s.start), norm.char_index(s.end)]);
        let snippet = match (self.context, self.span) {
            (Some(c), Some(s)) if s.start >= c.start && s.end <= c.end => norm.original_str(c.start, c.end).to_string(),
            (Some(c), Some(s)) => {
                let (a, b) = (norm.original_str(c.start, c.end), norm.original_str(s.start, s.end));
                let mut snippet = String::with_capacity(a.len() + " … ".len() + b.len());
                snippet.push_str(a);
                if !b.is_empty() {
                    snippet.push_str(" … ");
                    snippet.push_str(b);
                }
                snippet
            }
            (Some(c), None) => norm.original_str(c.start, c.end).to_string(),
            (None, Some(s)) => norm.original_str(s.start, s.end).to_string(),
            (None, None) => String::new(),
        };
        Field {
            id: self.id.clone(),
            value: number,
            unit: Cow::Borrowed(self.unit),
            approx: self.approx,
            source: Cow::Borrowed(self.source),
            span,
            snippet,
        }
    }
}

/// Everything read from one document.
pub struct Reading {
    pub fields: Vec<Value>,
    pub conflicts: Vec<Check>,
    pub warnings: Vec<String>,
    /// Derived and summary values the narrative states (not scored facts).
    pub extra: Vec<Value>,
    /// Lines that belong to a recognised table (not headings, not prose).
    pub table_lines: Vec<bool>,
}

/// Reads tables and narrative and merges them (table first).
pub fn read(doc: &Document, era: &str, year: Option<i32>) -> Reading {
    let tables = tables::read_tables(doc, era, year);
    let narr = narrative::read_narrative(doc, era, &tables.table_lines);
    let mut fields: Vec<Value> = tables.values;
    let mut conflicts = Vec::new();
    let mut warnings = tables.warnings;
    warnings.extend(narr.warnings);
    let mut extra = Vec::new();
    for v in narr.values {
        if registry::field(&v.id).is_some_and(|d| !d.is_stated()) {
            extra.push(v);
            continue;
        }
        if let Some(t) = fields.iter().find(|f| f.id == v.id) {
            if (t.value - v.value).abs() > 1e-9 && !v.approx {
                conflicts.push(conflict(doc, t, &v));
            }
            continue;
        }
        // A blank table total may be stated by the narrative (rule 9).
        fields.push(v);
    }
    fields.sort_by_cached_key(|v| registry::order(&v.id));
    Reading { fields, conflicts, warnings, extra, table_lines: tables.table_lines }
}

fn conflict(doc: &Document, table: &Value, narr: &Value) -> Check {
    let mut c = conflict_check(table, narr, "the table");
    c.message.push_str(" Narrative: “");
    if let Some(ctx) = narr.context {
        c.message.push_str(doc.norm.original_str(ctx.start, ctx.end));
    }
    c.message.push('”');
    c
}

/// A `conflict.narrative_table` check: the narrative states `narr` where
/// `source` (the table, or a sum of table cells) gives `table`.
pub fn conflict_check(table: &Value, narr: &Value, source: &str) -> Check {
    let id = &*table.id;
    let mut message = String::with_capacity(80 + source.len() + id.len());
    message.push_str("The narrative says ");
    push_num(&mut message, narr.value);
    message.push_str(" but ");
    message.push_str(source);
    message.push_str(" give(s) ");
    push_num(&mut message, table.value);
    message.push_str(" for ");
    message.push_str(id);
    message.push_str("; the table value is kept.");
    Check {
        id: Cow::Borrowed("conflict.narrative_table"),
        severity: Cow::Borrowed("soft"),
        status: Cow::Borrowed("fail"),
        formula: Cow::Owned([id, " (narrative) = ", id, " (table)"].concat()),
        scope: None,
        values: vec![
            (Cow::Owned([id, "#table"].concat()), table.value),
            (Cow::Owned([&*narr.id, "#narrative"].concat()), narr.value),
        ],
        expected: Some(table.value),
        actual: Some(narr.value),
        difference: Some(narr.value - table.value),
        message,
    }
}

/// A count or amount as the messages print it: integers without a
/// fraction, other values as Rust prints an `f64`.
pub fn fmt_num(v: f64) -> String {
    let mut s = String::new();
    push_num(&mut s, v);
    s
}

/// [`fmt_num`] appended to `out` (no allocation of its own; messages are
/// built in one buffer).
pub fn push_num(out: &mut String, v: f64) {
    if v.fract() == 0.0 {
        // `v as i64` saturates, as the `format!` this replaces did; the
        // digits are written by hand because the formatting machinery costs
        // more than the rest of a check.
        let n = v as i64;
        let mut digits = [0u8; 20];
        let mut i = digits.len();
        let mut m = n.unsigned_abs();
        loop {
            i -= 1;
            digits[i] = b'0' + (m % 10) as u8;
            m /= 10;
            if m == 0 {
                break;
            }
        }
        if n < 0 {
            out.push('-');
        }
        // ASCII digits only.
        out.push_str(std::str::from_utf8(&digits[i..]).unwrap_or(""));
    } else {
        use std::fmt::Write;
        // Writing to a String cannot fail.
        let _ = write!(out, "{v}");
    }
}
