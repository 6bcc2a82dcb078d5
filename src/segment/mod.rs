//! Segmentation (stub, being written).
use crate::normalise::Normalised;
use crate::report::Heading;
pub struct Document<'a> { pub norm: &'a Normalised }
impl<'a> Document<'a> { pub fn new(norm: &'a Normalised) -> Self { Document { norm } } }
pub fn outline(_doc: &Document) -> Vec<Heading> { Vec::new() }
