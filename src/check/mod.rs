//! Derived values and arithmetic checks (stub, being written).
use crate::read::Value;
use crate::report::Check;
pub fn derive(_fields: &[Value], _era: &str) -> Vec<Value> { Vec::new() }
pub fn run(_fields: &[Value], _derived: &[Value], _era: &str) -> Vec<Check> { Vec::new() }
