// Smoke run of the browser benchmark (scripts/bench-web.mjs --quick): every
// measure runs and gives a finite number. No timing is asserted here (the
// machine may be shared); the full run is `bash scripts/bench-web.sh`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { runBench, printTable } from '../scripts/bench-web.mjs';
import { artifact } from './lib/helpers.mjs';

const finite = (what, x) => assert.ok(Number.isFinite(x), `${what} is ${x}`);
const median = (what, s) => {
  assert.ok(s && s.n > 0, `${what}: no runs`);
  for (const k of ['median', 'min', 'max']) finite(`${what}.${k}`, s[k]);
};

test('the browser benchmark runs and reports finite numbers', { timeout: 240000 }, async () => {
  const out = artifact('bench-web-smoke.json');
  const r = await runBench({ quick: true, quiet: true, out });
  console.log(printTable(r));

  const saved = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.deepEqual(saved.verdict.map((v) => [v.what, v.met]), r.verdict.map((v) => [v.what, v.met]));
  finite('first load gzip', r.firstLoad.total.gzip);
  assert.ok(r.firstLoad.files.some((f) => f.file === 'pkg/ogi_wasm_bg.wasm'));
  for (const [k, s] of Object.entries(r.instantiate.cold)) median(`instantiate.cold.${k}`, s);
  for (const [k, s] of Object.entries(r.instantiate.warm)) median(`instantiate.warm.${k}`, s);
  for (const where of ['worker', 'page']) for (const [k, s] of Object.entries(r.extract[where])) median(`extract.${where}.${k}`, s);
  median('extract.roundTrip', r.extract.roundTrip.total);
  assert.ok(r.extract.report.fields > 0);
  for (const k of ['painted', 'dom', 'worker', 'toArrival', 'render', 'paint']) median(`paste.${k}`, r.paste[k]);
  finite('paste.first', r.paste.first.painted);
  assert.equal(r.batch.done + r.batch.errors, r.batch.files);
  median('batch.complete', r.batch.complete);
  finite('batch.typing.complete', r.batch.typing.complete);
  median('batch.frameGap', r.batch.frameGap);
  median('batch.typing.keyDelay', r.batch.typing.keyDelay);
  if (!r.native.skipped) median('native.perReport', r.native.perReport);
  assert.equal(r.verdict.length, 5);
  for (const v of r.verdict) {
    finite(v.what, v.value);
    assert.equal(typeof v.met, 'boolean');
  }
});
