//! Table templates (stub).
