//! Export formats for many reports: CSV (one row per report, one column per
//! field id) and JSON lines.
//!
//! CSV follows RFC 4180: fields that contain a comma, a double quote, a line
//! break or leading/trailing white space are quoted, with inner quotes
//! doubled; records end with `\n`.

use std::io::{self, Write};

use crate::registry;
use crate::report::Report;

/// CSV header: file, meta columns, then every stated field id in registry order.
pub fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = ["file", "agency", "year", "era", "published"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    h.extend(registry::stated_ids().into_iter().map(str::to_string));
    h
}

/// One CSV row for `report`, in the column order of [`csv_header`]: the file
/// name, the meta columns, then the value of each stated field id (empty when
/// the report does not have it; the first value when it has several).
pub fn csv_row(file: &str, report: &Report) -> Vec<String> {
    let ids = registry::stated_ids();
    let mut row = Vec::with_capacity(5 + ids.len());
    let meta = &report.meta;
    row.push(file.to_string());
    row.push(meta.agency.clone().unwrap_or_default());
    row.push(meta.year.map(|y| y.to_string()).unwrap_or_default());
    row.push(meta.era.clone().unwrap_or_default());
    row.push(meta.published.clone().unwrap_or_default());
    for id in ids {
        let value = report
            .fields
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.value.to_string());
        row.push(value.unwrap_or_default());
    }
    row
}

/// One report as one compact JSON line (no trailing newline).
pub fn jsonl_line(report: &Report) -> String {
    // Serialising a `Report` cannot fail (string keys, no maps with
    // non-string keys); fall back to an error record rather than panic.
    serde_json::to_string(report).unwrap_or_else(|e| error_record("", &e.to_string()))
}

/// The record batch output carries for an input that could not be read or
/// extracted: `{"file":…,"error":…}`, compact, no trailing newline.
pub fn error_record(file: &str, error: &str) -> String {
    // Written by hand so `file` comes first (serde_json's map sorts keys).
    let quote = |s: &str| serde_json::Value::from(s).to_string();
    format!("{{\"file\":{},\"error\":{}}}", quote(file), quote(error))
}

/// Quotes one CSV field when it needs it.
pub fn csv_field(s: &str) -> std::borrow::Cow<'_, str> {
    let needs = s.contains([',', '"', '\n', '\r'])
        || s.starts_with([' ', '\t'])
        || s.ends_with([' ', '\t']);
    if needs {
        let mut q = String::with_capacity(s.len() + 2);
        q.push('"');
        for c in s.chars() {
            if c == '"' {
                q.push('"');
            }
            q.push(c);
        }
        q.push('"');
        q.into()
    } else {
        s.into()
    }
}

/// One CSV record, quoted as needed, ending with `\n`.
pub fn csv_record<S: AsRef<str>>(fields: &[S]) -> String {
    let mut line = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            line.push(',');
        }
        line.push_str(&csv_field(f.as_ref()));
    }
    line.push('\n');
    line
}

/// Writes one CSV record (see [`csv_record`]).
pub fn write_csv_record<W: Write, S: AsRef<str>>(w: &mut W, fields: &[S]) -> io::Result<()> {
    w.write_all(csv_record(fields).as_bytes())
}

/// Parses CSV text written by [`csv_record`] back into records (RFC 4180
/// quoting; `\n` or `\r\n` line ends). Used by tests and tools that read
/// the export back; returns `None` on an unterminated quote.
pub fn parse_csv(text: &str) -> Option<Vec<Vec<String>>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' => in_quotes = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
                any = false;
            }
            c => field.push(c),
        }
    }
    if in_quotes {
        return None;
    }
    if any {
        record.push(field);
        records.push(record);
    }
    Some(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_round_trips() {
        let row = [
            "plain",
            "a,b",
            "say \"hi\"",
            "two\nlines",
            " pad",
            "",
            "中文，全角",
        ];
        let text = csv_record(&row);
        assert_eq!(
            text,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" pad\",,中文，全角\n"
        );
        let back = parse_csv(&text).unwrap();
        assert_eq!(
            back,
            vec![row.iter().map(|s| s.to_string()).collect::<Vec<_>>()]
        );
    }

    #[test]
    fn header_and_row_have_the_same_width() {
        let report: Report =
            crate::extract_str("某某县人民政府2020年政府信息公开工作年度报告\n").unwrap();
        let row = csv_row("x.txt", &report);
        assert_eq!(row.len(), csv_header().len());
        assert_eq!(row[0], "x.txt");
    }

    #[test]
    fn error_record_is_json_with_file_first() {
        let r = error_record("a \"b\".txt", "bad\nthing");
        assert!(r.starts_with("{\"file\":"), "{r}");
        let v: serde_json::Value = serde_json::from_str(&r).unwrap();
        assert_eq!(v["file"], "a \"b\".txt");
        assert_eq!(v["error"], "bad\nthing");
    }
}
