//! PDFs: read from their text layer.
//!
//! A PDF is not decoded from its bytes here. Its text items (positioned runs
//! of text) come from pdf.js: in the browser directly, on the command line by
//! running pdf.js under node ([`pdfjs_items`], `tools/pdf-items.mjs`). The
//! items are laid out into lines and table rows by
//! [`crate::layout::items_to_text`] ([`text_from_items`]), so both give the
//! same text and the same report.

use crate::layout::{self, TextItem};
use crate::ExtractError;

/// The message for a PDF without a text layer.
pub const NO_TEXT_LAYER: &str = "This PDF has no text layer: its pages are images (a scanned document), so there is no \
     text to read. Text recognition (OCR) is not supported: run OCR on it first (or find a text version of the \
     report, e.g. its web page), then read the result.";

/// The message for a password-protected PDF.
pub const ENCRYPTED: &str = "This PDF is password-protected (encrypted) and cannot be opened without its password. \
     Open it with the password and save or print it as an unprotected PDF, or copy all of the report's text and paste it in.";

/// Whether `bytes` are a PDF (`%PDF-` within the first kilobyte).
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    head.windows(5).any(|w| w == b"%PDF-")
}

/// The text of a PDF's items, or the no-text-layer error.
pub fn text_from_items(items: &[TextItem]) -> Result<String, ExtractError> {
    if !layout::has_text(items) {
        return Err(ExtractError::Binary {
            kind: NO_TEXT_LAYER.to_string(),
        });
    }
    let text = layout::items_to_text(items);
    if text.trim().is_empty() {
        return Err(ExtractError::Binary {
            kind: NO_TEXT_LAYER.to_string(),
        });
    }
    Ok(text)
}

/// The error for a failure reported by `tools/pdf-items.mjs`
/// (`{"ok":false,"kind":…,"message":…}`).
pub fn pdfjs_failure(kind: &str, message: &str) -> ExtractError {
    let kind = match kind {
        "password" => ENCRYPTED.to_string(),
        "invalid" => format!(
            "This file starts like a PDF but is damaged or not a PDF, so it cannot be read (pdf.js: {message}). \
             Download it again, or copy the report's text from a working copy and paste it in."
        ),
        "no-pdfjs" => String::from(
            "Reading a PDF needs the npm package pdfjs-dist, which is not installed: run `npm install` in the \
             ogi-extract folder (or set OGI_PDFJS_DIR to a pdfjs-dist folder). Or copy the report's text from the PDF \
             and paste it in."
        ),
        _ => format!("pdf.js could not read this PDF: {message}"),
    };
    ExtractError::Binary { kind }
}

#[cfg(not(target_arch = "wasm32"))]
pub use native::pdfjs_items;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use super::*;
    use std::io::{Read, Write};
    use std::path::PathBuf;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    /// How long pdf.js may take for one PDF.
    const TIMEOUT: Duration = Duration::from_secs(180);

    #[derive(serde::Deserialize)]
    struct Answer {
        ok: bool,
        #[serde(default)]
        kind: String,
        #[serde(default)]
        message: String,
        #[serde(default)]
        items: Vec<TextItem>,
    }

    /// The helper script: `$OGI_PDF_ITEMS`, else `tools/pdf-items.mjs` of the
    /// project the executable was built in or sits in.
    fn script() -> Option<PathBuf> {
        if let Some(p) = std::env::var_os("OGI_PDF_ITEMS") {
            return Some(PathBuf::from(p));
        }
        let mut candidates = Vec::new();
        if let Ok(exe) = std::env::current_exe() {
            // target/release/ogi → the project folder; or tools/ beside the executable.
            for up in exe.ancestors().skip(1).take(4) {
                candidates.push(up.join("tools/pdf-items.mjs"));
            }
        }
        candidates.push(PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tools/pdf-items.mjs"
        )));
        candidates.into_iter().find(|p| p.is_file())
    }

    /// Runs pdf.js under node on `bytes` and returns the PDF's text items.
    /// Node is `$OGI_NODE` or `node` on the PATH; pdfjs-dist is looked up as
    /// `tools/pdf-items.mjs` says. Every failure is an [`ExtractError::Binary`]
    /// with a specific message (node missing, pdfjs-dist missing, password,
    /// damaged file).
    pub fn pdfjs_items(bytes: &[u8]) -> Result<Vec<TextItem>, ExtractError> {
        let err = |m: String| ExtractError::Binary { kind: m };
        let script = script().ok_or_else(|| {
            err("Reading a PDF needs the helper tools/pdf-items.mjs of ogi-extract, which was not found: set \
                 OGI_PDF_ITEMS to its path. Or copy the report's text from the PDF and paste it in."
                .to_string())
        })?;
        let node = std::env::var_os("OGI_NODE").unwrap_or_else(|| "node".into());
        let mut child = Command::new(&node)
            .arg(&script)
            .arg("-")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| {
                if e.kind() == std::io::ErrorKind::NotFound {
                    err(format!(
                        "Reading a PDF needs Node.js (version 20 or later) and the npm package pdfjs-dist, but node \
                         was not found ({}): install Node.js and run `npm install` in the ogi-extract folder, or set \
                         OGI_NODE to node's path. Or copy the report's text from the PDF and paste it in.",
                        node.to_string_lossy()
                    ))
                } else {
                    err(format!("Reading a PDF needs Node.js, which could not be started: {e}"))
                }
            })?;
        let mut stdin = child.stdin.take();
        let mut stdout = child.stdout.take();
        let mut stderr = child.stderr.take();
        let answer = std::thread::scope(|s| {
            let input = bytes;
            s.spawn(move || {
                if let Some(mut w) = stdin.take() {
                    let _ = w.write_all(input);
                }
            });
            let err_reader = s.spawn(move || {
                let mut e = String::new();
                if let Some(r) = stderr.as_mut() {
                    let _ = r.read_to_string(&mut e);
                }
                e
            });
            let out_reader = s.spawn(move || {
                let mut o = Vec::new();
                if let Some(r) = stdout.as_mut() {
                    let _ = r.read_to_end(&mut o);
                }
                o
            });
            let start = Instant::now();
            let status = loop {
                match child.try_wait() {
                    Ok(Some(st)) => break Some(st),
                    Ok(None) if start.elapsed() > TIMEOUT => {
                        let _ = child.kill();
                        let _ = child.wait();
                        break None;
                    }
                    Ok(None) => std::thread::sleep(Duration::from_millis(5)),
                    Err(_) => break None,
                }
            };
            let out = out_reader.join().unwrap_or_default();
            let errs = err_reader.join().unwrap_or_default();
            (status, out, errs)
        });
        let (status, out, errs) = answer;
        if status.is_none() {
            return Err(err(format!(
                "pdf.js did not finish reading this PDF within {} seconds",
                TIMEOUT.as_secs()
            )));
        }
        // The answer is the last line of standard output.
        let out = String::from_utf8_lossy(&out);
        let last = out
            .lines()
            .rev()
            .find(|l| l.starts_with("{\"ok\""))
            .unwrap_or("");
        let parsed: Option<Answer> = serde_json::from_str(last).ok();
        match parsed {
            Some(a) if a.ok => Ok(a.items),
            Some(a) => Err(pdfjs_failure(&a.kind, &a.message)),
            None => {
                let last = errs
                    .lines()
                    .rev()
                    .find(|l| !l.trim().is_empty())
                    .unwrap_or("no output")
                    .trim()
                    .to_string();
                Err(err(format!(
                    "pdf.js (under node) failed to read this PDF: {last}"
                )))
            }
        }
    }
}
