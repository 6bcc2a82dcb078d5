#!/usr/bin/env node
// Reads a PDF (a file name, or - for standard input) with pdf.js and prints
// its text items as JSON, in the shape of ogi-extract's `layout::TextItem`:
//
//   {"ok":true,"pages":N,"items":[{"page":1,"x":..,"y":..,"width":..,"height":..,"text":".."},...]}
//
// x and y are in PDF points at scale 1, origin at the top left of the page,
// y is the baseline, growing downward. On failure it prints
//
//   {"ok":false,"kind":"password"|"invalid"|"no-pdfjs"|"error","message":".."}
//
// and exits with status 2. The page's worker reads PDFs with the same pdf.js
// through the same module (www/pdf-text.js), so a PDF gives the same report
// in both places.
//
// pdf.js is looked up in: $OGI_PDFJS_DIR (a pdfjs-dist folder), then the
// node_modules next to this script's project, then the current directory's.
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
// The same reading as the page's worker (one routine for both).
import { documentParams, failureKind, eachTextItem } from '../www/pdf-text.js';

// pdf.js logs warnings with console.log: keep stdout for the JSON answer.
console.log = (...args) => console.error(...args);

function fail(kind, message) {
  process.stdout.write(JSON.stringify({ ok: false, kind, message: String(message) }) + '\n');
  process.exit(2);
}

function findPdfjs() {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dirs = [];
  if (process.env.OGI_PDFJS_DIR) dirs.push(process.env.OGI_PDFJS_DIR);
  for (const base of [path.join(here, '..'), process.cwd()]) {
    try {
      dirs.push(path.dirname(createRequire(path.join(base, 'x.js')).resolve('pdfjs-dist/package.json')));
    } catch { /* not there */ }
  }
  for (const d of dirs) {
    if (existsSync(path.join(d, 'legacy', 'build', 'pdf.mjs'))) return d;
  }
  return null;
}

const arg = process.argv[2];
if (!arg) fail('error', 'usage: pdf-items.mjs FILE|-');
const dir = findPdfjs();
if (!dir) fail('no-pdfjs', 'pdfjs-dist is not installed (npm install pdfjs-dist, or set OGI_PDFJS_DIR to its folder)');

let bytes;
try {
  bytes = new Uint8Array(readFileSync(arg === '-' ? 0 : arg));
} catch (e) {
  fail('error', `cannot read ${arg}: ${e.message}`);
}

const pdfjs = await import(pathToFileURL(path.join(dir, 'legacy', 'build', 'pdf.mjs')).href);
let doc;
try {
  doc = await pdfjs.getDocument(
    documentParams(bytes, {
      // Under node, pdf.js 5 reads CMaps and fonts from plain paths, not file:// URLs.
      cMapUrl: path.join(dir, 'cmaps') + path.sep,
      standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    }),
  ).promise;
} catch (e) {
  fail(failureKind(e), e && e.message ? e.message : e);
}

const items = [];
try {
  await eachTextItem(pdfjs, doc, (page, x, y, width, height, text) => items.push({ page, x, y, width, height, text }));
} catch (e) {
  fail('error', e && e.message ? e.message : e);
}
process.stdout.write(JSON.stringify({ ok: true, pages: doc.numPages, items }) + '\n');
await doc.destroy();
