// Shared helpers of the browser tests: the CLI, sample files, drops.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, WWW } from './server.mjs';

export const CLI = path.join(ROOT, 'target', 'release', 'ogi');
export const SAMPLES = path.join(WWW, 'samples');
export const ARTIFACTS = path.join(ROOT, 'e2e', 'artifacts');

export function sample(name) {
  return fs.readFileSync(path.join(SAMPLES, name));
}

export const SAMPLE_NAMES = ['e14-2017-shili-county.txt', 'e19-2019-yanshi-district.html', 'e21-2022-yangben-city.md', 'e21-2023-yangben-city.txt'];

/** A PDF header, a Word (zip) header and an empty file: inputs the core refuses. */
export const BAD_FILES = [
  { name: 'scan.pdf', bytes: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1') },
  { name: 'report.docx', bytes: Buffer.concat([Buffer.from('PK\x03\x04\x14\x00\x06\x00\x08\x00', 'latin1'), Buffer.alloc(64, 1), Buffer.from('word/document.xml')]) },
  { name: 'empty.txt', bytes: Buffer.alloc(0) },
];

/**
 * Runs `ogi extract ARGS FILES` in a temporary folder holding `files`
 * ({name, bytes}) so that the file names the CLI prints are the bare names
 * the page shows. Returns {stdout, stderr, status}.
 */
export function cli(args, files) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-cli-'));
  try {
    for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.bytes);
    const r = spawnSync(CLI, ['extract', ...args, ...files.map((f) => f.name)], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 28 });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function cliJson(name, bytes) {
  const r = cli([], [{ name, bytes }]);
  if (r.status !== 0) throw new Error(`ogi failed on ${name}: ${r.stderr}`);
  return JSON.parse(r.stdout);
}

/** Drops files on the page as a user would (DataTransfer + DragEvent). */
export async function dropFiles(page, files, selector = 'body') {
  const payload = files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes).toString('base64'), type: f.type || '' }));
  await page.evaluate(({ payload, selector }) => {
    const dt = new DataTransfer();
    for (const f of payload) {
      const bin = atob(f.b64);
      const u8 = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) u8[i] = bin.charCodeAt(i);
      dt.items.add(new File([u8], f.name, { type: f.type }));
    }
    const target = document.querySelector(selector);
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, { payload, selector });
}

export async function ready(page, url) {
  await page.goto(url);
  await page.waitForSelector('ogi-extract[data-ready]', { timeout: 30000 });
}

/** Every `[data-field][data-value]` inside `root` as {id: [values…]}. */
export async function pageValues(page, root) {
  return page.$$eval(`${root} [data-field][data-value]`, (els) => {
    const out = {};
    for (const el of els) (out[el.getAttribute('data-field')] ||= []).push(el.getAttribute('data-value'));
    return out;
  });
}

/** An init script (`ctx.addInitScript(frameRecorder)`): in the page,
 * `window.__recordFrames()` starts recording the gaps between animation
 * frames (the page's responsiveness) until `frameGaps` stops it. */
export function frameRecorder() {
  window.__recordFrames = () => {
    window.__gaps = [];
    let last = performance.now();
    window.__run = true;
    const tick = () => {
      const n = performance.now();
      window.__gaps.push(n - last);
      last = n;
      if (window.__run) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  };
}

/** Stops the recording and returns the gaps in ms, leaving out the first
 * (from the start to the first frame). */
export async function frameGaps(page) {
  return page.evaluate(() => {
    window.__run = false;
    return window.__gaps.slice(1);
  });
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
