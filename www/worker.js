// Extraction worker: loads the WebAssembly core once, then extracts files
// and pasted text on request. Never touches the DOM.
import init, * as ogi from './pkg/ogi_wasm.js';
import { documentParams, failureKind, eachTextItem } from './pdf-text.js';

const ready = (async () => {
  await init({ module_or_path: new URL('./pkg/ogi_wasm_bg.wasm', import.meta.url) });
  const meta = {
    version: ogi.version(),
    registry: ogi.registry(),
    layouts: ogi.layouts(),
    csvHeader: ogi.csv_header(),
    maxBytes: ogi.max_input_bytes(),
  };
  return meta;
})();

const encoder = new TextEncoder();

// Warm-up at idle, once the engine is ready: the first extraction builds the
// key automata and has the engine compile the hot code (~80 ms in Chromium),
// which would otherwise land on the user's first paste. A job that arrives
// meanwhile waits for it at most once.
const WARM_UP = '某某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n本年共收到政府信息公开申请12件，全部按时答复。\n'
  + '二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t1\t0\t11\n'
  + '三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t12\t0\t0\t0\t0\t0\t12\n';
ready.then(
  () => setTimeout(() => {
    try {
      ogi.extract_page(encoder.encode(WARM_UP), 'warm-up.txt', 'warm-up');
    } catch {
      /* a real job will report the problem */
    }
  }, 0),
  () => {},
);

function message(e) {
  return String((e && e.message) || e);
}

// PDFs: pdf.js, loaded only when a PDF arrives, read by pdf-text.js as the
// CLI's tools/pdf-items.mjs reads it, so that a PDF gives the same report in both.
// It runs here, inside this worker (its "fake worker"): no nested worker.
const PDFJS = new URL('./vendor/pdfjs/', import.meta.url);
let pdfjs = null;

async function loadPdfjs() {
  if (!pdfjs) {
    pdfjs = (async () => {
      const [lib, worker] = await Promise.all([import(new URL('pdf.min.mjs', PDFJS).href), import(new URL('pdf.worker.min.mjs', PDFJS).href)]);
      globalThis.pdfjsWorker = worker;
      return lib;
    })();
    pdfjs.catch(() => {
      pdfjs = null;
    });
  }
  return pdfjs;
}

class PdfFailure extends Error {}

// The core built with its PDF layout: a second module, loaded with pdf.js.
let pdfCore = null;
function loadPdfCore() {
  if (!pdfCore) {
    pdfCore = (async () => {
      const m = await import('./pkg/ogi_wasm_pdf.js');
      await m.default({ module_or_path: new URL('./pkg/ogi_wasm_pdf_bg.wasm', import.meta.url) });
      return m;
    })();
    pdfCore.catch(() => {
      pdfCore = null;
    });
  }
  return pdfCore;
}

/** The text items of a PDF, as columns (page, x, y, width, height, text). */
async function pdfItems(bytes) {
  let lib;
  try {
    lib = await loadPdfjs();
  } catch (e) {
    throw new PdfFailure(ogi.pdf_failure('error', `pdf.js is not available (${message(e)})`));
  }
  let doc;
  try {
    doc = await lib.getDocument(
      documentParams(bytes, {
        cMapUrl: new URL('cmaps/', PDFJS).href,
        standardFontDataUrl: new URL('standard_fonts/', PDFJS).href,
        // pdf.js' default readers use `document`, which a worker has not: fetch directly.
        useWorkerFetch: true,
      }),
    ).promise;
  } catch (e) {
    throw new PdfFailure(ogi.pdf_failure(failureKind(e), message(e)));
  }
  const cols = { pages: [], xs: [], ys: [], widths: [], heights: [], texts: [] };
  try {
    await eachTextItem(lib, doc, (page, x, y, width, height, text) => {
      cols.pages.push(page);
      cols.xs.push(x);
      cols.ys.push(y);
      cols.widths.push(width);
      cols.heights.push(height);
      cols.texts.push(text);
    });
  } catch (e) {
    throw new PdfFailure(ogi.pdf_failure('error', message(e)));
  } finally {
    doc.destroy();
  }
  return cols;
}

async function run(job) {
  const t0 = performance.now();
  let bytes;
  if (job.file) {
    const max = ogi.max_input_bytes();
    if (job.file.size > max) return { ok: false, error: ogi.too_large_message(job.file.size) };
    bytes = new Uint8Array(await job.file.arrayBuffer());
  } else if (typeof job.text === 'string') {
    bytes = encoder.encode(job.text);
  } else {
    bytes = new Uint8Array(job.bytes);
  }
  const label = job.file_label ?? job.name ?? '-';
  let r;
  if (ogi.is_pdf(bytes) && bytes.length <= ogi.max_input_bytes()) {
    let c, core;
    try {
      // pdf.js takes the bytes over: give it a copy.
      [c, core] = await Promise.all([pdfItems(bytes.slice()), loadPdfCore()]);
    } catch (e) {
      if (e instanceof PdfFailure) return { ok: false, error: e.message };
      throw e;
    }
    r = core.extract_pdf(new Uint32Array(c.pages), new Float32Array(c.xs), new Float32Array(c.ys), new Float32Array(c.widths), new Float32Array(c.heights), c.texts, job.name ?? undefined, label, bytes.length);
  } else {
    r = ogi.extract_page(bytes, job.name ?? undefined, label);
  }
  const out = { ok: true, csv_row: r.csv_row, astral: r.astral, ms: performance.now() - t0, bytes: bytes.length };
  if (job.compact) {
    // Batches: one string instead of thousands of small objects keeps the
    // main thread's share of each message tiny; it is parsed when opened.
    out.json = JSON.stringify(r.report);
    out.summary = summarise(r.report);
    out.cross = slim(r.report);
  } else {
    out.report = r.report;
  }
  return out;
}

/** What the cross-year checks read: meta and every value, nothing else (small to pass around). */
function slim(report) {
  const pairs = (list) => list.map((f) => [f.id, f.value]);
  const m = report.meta;
  return JSON.stringify({ meta: { agency: m.agency, year: m.year, era: m.era }, fields: pairs(report.fields), derived: pairs(report.derived) });
}

function unslim(json) {
  const s = JSON.parse(json);
  const items = (list) => list.map(([id, value]) => ({ id, value }));
  return { meta: s.meta, fields: items(s.fields), derived: items(s.derived) };
}

/** What a batch row shows: meta, the summary values, the failing checks. */
function summarise(report) {
  const values = {};
  for (const f of report.derived) if (f.id.startsWith('summary.') && !(f.id in values)) values[f.id] = f.value;
  const m = report.meta;
  return {
    meta: { agency: m.agency, year: m.year, era: m.era },
    values,
    failing: report.checks.filter((c) => c.status === 'fail').length,
  };
}

self.onmessage = async (ev) => {
  const job = ev.data;
  let meta;
  try {
    meta = await ready;
  } catch (e) {
    self.postMessage({ id: job.id, type: 'fatal', error: message(e) });
    return;
  }
  if (job.type === 'meta') {
    self.postMessage({ id: job.id, type: 'meta', meta });
    return;
  }
  if (job.type === 'cross') {
    try {
      const reports = job.slims.map(unslim);
      self.postMessage({ id: job.id, type: 'cross', checks: ogi.cross_year(reports) });
    } catch (e) {
      self.postMessage({ id: job.id, type: 'cross', checks: [], error: message(e) });
    }
    return;
  }
  try {
    const out = await run(job);
    self.postMessage({ id: job.id, type: 'result', ...out });
  } catch (e) {
    // A trap (RuntimeError) may leave the instance unusable: ask for a new worker.
    const trap = e instanceof WebAssembly.RuntimeError;
    self.postMessage({ id: job.id, type: 'result', ok: false, error: trap ? `internal error: ${message(e)}` : message(e), restart: trap });
  }
};
