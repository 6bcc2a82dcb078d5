//! The field registry: every field id with its kind, eras, unit and labels.
//!
//! `fields.tsv` is the project's copy of the public field list (ids are a
//! public contract); a test checks it against `../shared/spec/fields.tsv`.
//! The table templates (`templates.rs`) and narrative rules (`narrative.rs`)
//! refer to these ids, so every label a field is recognised by lives in this
//! folder.

pub mod narrative;
pub mod templates;

use crate::fasthash::FastMap;
use std::sync::OnceLock;

const FIELDS_TSV: &str = include_str!("fields.tsv");

/// One row of `fields.tsv`.
#[derive(Debug, Clone)]
pub struct FieldDef {
    pub id: &'static str,
    /// `data`, `local`, `regional`, `narrative`, `optional`, `derived`,
    /// `summary`, or `data (E19) / derived (E21)`.
    pub kind: &'static str,
    pub eras: Vec<&'static str>,
    pub unit: &'static str,
    pub table: &'static str,
    pub labels: &'static str,
    pub synonyms: Vec<&'static str>,
}

impl FieldDef {
    /// Fields the document can state (everything but `derived`/`summary`).
    pub fn is_stated(&self) -> bool {
        !matches!(self.kind, "derived" | "summary")
    }
    pub fn in_era(&self, era: &str) -> bool {
        self.eras.contains(&era)
    }
    /// Is this id recorded in a report of `era`? E08 reports use the E14
    /// (`stat.*`) ids (ANNOTATION rule 0).
    pub fn recorded_in(&self, era: &str) -> bool {
        self.in_era(era) || (era == "E08" && self.in_era("E14"))
    }
    /// The unit a value is reported in; `元|万元 (as written)` becomes `元`.
    pub fn value_unit(&self) -> &'static str {
        match self.unit {
            u if u.starts_with("元|万元") => "元",
            u if u.starts_with("个+text") => "个",
            u => u,
        }
    }
}

fn parse() -> Vec<FieldDef> {
    let mut out = Vec::new();
    for line in FIELDS_TSV.lines().skip(1) {
        if line.trim().is_empty() {
            continue;
        }
        let c: Vec<&'static str> = line.split('\t').collect();
        let get = |i: usize| c.get(i).copied().unwrap_or("");
        out.push(FieldDef {
            id: get(0),
            kind: get(1),
            eras: get(2).split(',').map(str::trim).filter(|s| !s.is_empty()).collect(),
            unit: get(3),
            table: get(4),
            labels: get(7),
            synonyms: get(8).split('|').map(str::trim).filter(|s| !s.is_empty()).collect(),
        });
    }
    out
}

/// All fields, in `fields.tsv` order.
pub fn fields() -> &'static [FieldDef] {
    static F: OnceLock<Vec<FieldDef>> = OnceLock::new();
    F.get_or_init(parse)
}

/// Position of every id in `fields.tsv`.
fn positions() -> &'static FastMap<&'static str, usize> {
    static P: OnceLock<FastMap<&'static str, usize>> = OnceLock::new();
    P.get_or_init(|| fields().iter().enumerate().map(|(i, f)| (f.id, i)).collect())
}

/// Looks a field up by id.
pub fn field(id: &str) -> Option<&'static FieldDef> {
    positions().get(id).map(|&i| &fields()[i])
}

/// Position in [`fields`] of one of its definitions (found by address: no
/// hashing), `None` for a definition that is not one of them.
pub fn index_of(def: &FieldDef) -> Option<usize> {
    let (base, at, size) = (fields().as_ptr() as usize, def as *const FieldDef as usize, std::mem::size_of::<FieldDef>());
    let offset = at.checked_sub(base)?;
    (offset % size == 0 && offset / size < fields().len()).then_some(offset / size)
}

/// Position of an id in `fields.tsv` (for a stable output order).
pub fn order(id: &str) -> usize {
    position_of(id).unwrap_or(usize::MAX)
}

/// Position of a known id in `fields.tsv`, an index into [`fields`].
pub fn position(id: &str) -> Option<usize> {
    positions().get(id).copied()
}

/// [`position`] for an id that is usually the registry's own string (a
/// `Value`'s id is): found by its address, without hashing the text. Any
/// other string falls back to [`position`].
pub fn position_of(id: &str) -> Option<usize> {
    static BY_ADDRESS: OnceLock<FastMap<usize, usize>> = OnceLock::new();
    let by_address = BY_ADDRESS.get_or_init(|| fields().iter().enumerate().map(|(i, f)| (f.id.as_ptr() as usize, i)).collect());
    match by_address.get(&(id.as_ptr() as usize)) {
        // Same address and length: the very same text.
        Some(&i) if fields()[i].id.len() == id.len() => Some(i),
        _ => position(id),
    }
}

/// Ids of the fields a document can state, in registry order (CSV columns).
pub fn stated_ids() -> Vec<&'static str> {
    fields().iter().filter(|f| f.is_stated()).map(|f| f.id).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_found_by_address_and_by_text() {
        let f = fields();
        for (i, d) in f.iter().enumerate() {
            assert_eq!(position_of(d.id), Some(i));
            let copy = d.id.to_string();
            assert_eq!(position_of(&copy), Some(i));
            assert_eq!(position_of(&d.id[..d.id.len() - 1]), position(&d.id[..d.id.len() - 1]));
        }
        assert_eq!(position_of("no.such.id"), None);
    }
}
