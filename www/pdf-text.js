// The text items of a PDF, read with pdf.js. One routine for the page's
// worker (worker.js) and the CLI's helper (tools/pdf-items.mjs): the same
// options and the same walk give the same items, hence the same report, in
// both. Each caller brings its own pdf.js and says where its CMaps and fonts
// are; this module touches no browser or node API.

/** `getDocument` parameters: `where` adds cMapUrl, standardFontDataUrl and
 * whatever the environment needs. Fonts are never evaluated or installed:
 * only the text and its geometry are wanted. */
export function documentParams(bytes, where) {
  return {
    data: bytes,
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
    ...where,
  };
}

/** The failure kind the core knows (`pdf_failure`) for an error of `getDocument`. */
export function failureKind(e) {
  const name = e && e.name;
  if (name === 'PasswordException') return 'password';
  if (name === 'InvalidPDFException' || name === 'MissingPDFException') return 'invalid';
  return 'error';
}

/** Calls `item(page, x, y, width, height, text)` for every text item that is
 * not blank, page by page in pdf.js' order. x and y are in PDF points at
 * scale 1 from the page's top left, y the baseline growing downward: the
 * shape of the core's `layout::TextItem`. */
export async function eachTextItem(lib, doc, item) {
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (typeof it.str !== 'string' || it.str.trim() === '') continue;
      const t = lib.Util.transform(viewport.transform, it.transform);
      item(p, t[4], t[5], it.width, it.height, it.str);
    }
    page.cleanup();
  }
}
