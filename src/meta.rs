//! Report metadata (stub, being written).
use crate::report::Meta;
use crate::segment::Document;
pub fn read_meta(_doc: &Document) -> Meta { Meta::default() }
