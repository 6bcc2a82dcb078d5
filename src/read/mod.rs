//! Reading values (stub, being written).
use crate::normalise::Normalised;
use crate::report::{Check, Field};
use crate::segment::Document;
#[derive(Debug, Clone)]
pub struct Value { pub id: String, pub value: f64, pub decimal: bool, pub unit: String, pub approx: bool, pub source: &'static str, pub span: Option<(usize, usize)> }
impl Value {
    pub fn to_field(&self, norm: &Normalised) -> Field {
        let number = if self.decimal { serde_json::Number::from_f64(self.value).unwrap_or_else(|| 0.into()) } else { (self.value as i64).into() };
        let (span, snippet) = match self.span { Some((s, e)) => (Some([norm.char_index(s), norm.char_index(e)]), norm.original_snippet(s, e)), None => (None, String::new()) };
        Field { id: self.id.clone(), value: number, unit: self.unit.clone(), approx: self.approx, source: self.source.to_string(), span, snippet }
    }
}
pub struct Reading { pub fields: Vec<Value>, pub conflicts: Vec<Check>, pub warnings: Vec<String> }
pub fn read(_doc: &Document, _era: &str) -> Reading { Reading { fields: vec![], conflicts: vec![], warnings: vec![] } }
