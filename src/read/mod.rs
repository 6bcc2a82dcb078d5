//! Reading values out of a segmented document: the official tables first,
//! then the narrative; table beats narrative (ANNOTATION rule 3), and a
//! disagreement becomes a `conflict.narrative_table` check.

pub mod keyset;
pub mod narrative;
pub mod tables;

use crate::normalise::Normalised;
use std::borrow::Cow;
use crate::registry;
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
        // Borrowing the registry's strings spares two allocations per value.
        let def = registry::field(id);
        let unit = def.map(|f| f.value_unit()).unwrap_or("");
        let id = def.map_or_else(|| Cow::Owned(id.to_string()), |d| Cow::Borrowed(d.id));
        Value { id, value, decimal: false, unit, approx: false, source, span, context }
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
            (Some(c), Some(s)) if s.start >= c.start && s.end <= c.end => norm.original_snippet(c.start, c.end),
            (Some(c), Some(s)) => {
                let a = norm.original_snippet(c.start, c.end);
                let b = norm.original_snippet(s.start, s.end);
                if b.is_empty() {
                    a
                } else {
                    let mut s = a;
                    s.push_str(" … ");
                    s.push_str(&b);
                    s
                }
            }
            (Some(c), None) => norm.original_snippet(c.start, c.end),
            (None, Some(s)) => norm.original_snippet(s.start, s.end),
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
    let quote = narr.context.map(|c| doc.norm.original_snippet(c.start, c.end)).unwrap_or_default();
    let mut c = conflict_check(table, narr, "the table");
    c.message = format!("{} Narrative: “{}”", c.message, quote);
    c
}

/// A `conflict.narrative_table` check: the narrative states `narr` where
/// `source` (the table, or a sum of table cells) gives `table`.
pub fn conflict_check(table: &Value, narr: &Value, source: &str) -> Check {
    Check {
        id: "conflict.narrative_table".to_string(),
        severity: "soft".to_string(),
        status: "fail".to_string(),
        formula: format!("{} (narrative) = {} (table)", table.id, table.id),
        scope: None,
        values: vec![(format!("{}#table", table.id), table.value), (format!("{}#narrative", narr.id), narr.value)],
        expected: Some(table.value),
        actual: Some(narr.value),
        difference: Some(narr.value - table.value),
        message: format!(
            "The narrative says {} but {source} give(s) {} for {}; the table value is kept.",
            fmt_num(narr.value),
            fmt_num(table.value),
            table.id,
        ),
    }
}

pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
