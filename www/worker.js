// Extraction worker: loads the WebAssembly core once, then extracts files
// and pasted text on request. Never touches the DOM.
import init, * as ogi from './pkg/ogi_wasm.js';

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

function message(e) {
  return String((e && e.message) || e);
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
  const r = ogi.extract_page(bytes, job.name ?? undefined, job.file_label ?? job.name ?? '-');
  return { ok: true, report: r.report, csv_row: r.csv_row, astral: r.astral, ms: performance.now() - t0, bytes: bytes.length };
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
      self.postMessage({ id: job.id, type: 'cross', checks: ogi.cross_year(job.reports) });
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
