//! Export formats for many reports: CSV (one row per report, one column per
//! field id) and JSON lines.

use crate::registry;
use crate::report::Report;

/// CSV header: file, meta columns, then every stated field id in registry order.
pub fn csv_header() -> Vec<String> {
    let mut h: Vec<String> = ["file", "agency", "year", "era", "published"].iter().map(|s| s.to_string()).collect();
    h.extend(registry::stated_ids().into_iter().map(str::to_string));
    h
}
