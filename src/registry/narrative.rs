//! Narrative rules (stub).
