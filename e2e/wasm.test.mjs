// The WebAssembly core in node: loaded with initSync from its bytes, it
// gives the same reports, CSV and errors as the native CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { WWW } from './lib/server.mjs';
import { SAMPLE_NAMES, BAD_FILES, sample, cli, cliJson } from './lib/helpers.mjs';
import { legacyFiles } from './lib/legacy.mjs';
import { makeLabeler } from '../www/report-view.js';
import { initSync, extract, extract_page, registry, layouts, csv_header, csv_columns, csv_row, cross_year, version, too_large_message, max_input_bytes, is_pdf, pdf_failure } from '../www/pkg/ogi_wasm.js';

initSync({ module: fs.readFileSync(path.join(WWW, 'pkg', 'ogi_wasm_bg.wasm')) });

test('version is the crate version', () => {
  assert.match(version(), /^\d+\.\d+\.\d+/);
});

for (const name of SAMPLE_NAMES) {
  test(`extract(${name}) is the CLI's report`, () => {
    const bytes = sample(name);
    const got = extract(bytes, name);
    assert.deepEqual(got, cliJson(name, bytes));
  });
}

// The module has no encoding_rs: the core detects the encoding and the
// runtime's TextDecoder decodes (node's here, the browser's on the page).
test('GB18030 and Big5 files (text, HTML, MHTML, over the sample) give the CLI\'s reports', () => {
  const files = legacyFiles();
  const want = cli(['--jsonl'], files);
  assert.equal(want.status, 0, want.stderr);
  const lines = want.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  files.forEach((f, i) => {
    const got = extract(f.bytes, f.name);
    assert.equal(got.input.encoding, f.encoding, f.name);
    assert.ok(got.fields.length > 0, f.name);
    assert.deepEqual(got, lines[i], f.name);
  });
});

test('the CSV header and rows are the CLI --csv output', () => {
  const files = SAMPLE_NAMES.map((name) => ({ name, bytes: sample(name) }));
  const want = cli(['--csv'], files).stdout;
  // extract_page's row is computed from the Rust report: byte for byte the CLI's.
  let got = csv_header();
  for (const f of files) got += extract_page(f.bytes, f.name, f.name).csv_row;
  assert.equal(got, want);
  // csv_row on a report object that went through JavaScript: a decimal
  // written as `0.0` comes back as the number 0, so compare numerically.
  const lines = want.trimEnd().split('\n');
  files.forEach((f, i) => {
    const a = csv_row(f.name, extract(f.bytes, f.name)).trimEnd().split(',');
    const b = lines[i + 1].split(',');
    assert.equal(a.length, b.length);
    a.forEach((x, j) => assert.ok(x === b[j] || (x !== '' && Number(x) === Number(b[j])), `${f.name} column ${j}: ${x} vs ${b[j]}`));
  });
  const p = extract_page(files[1].bytes, files[1].name, files[1].name);
  assert.deepEqual(p.astral, []);
  assert.equal(csv_columns().join(',') + '\n', want.split('\n')[0] + '\n');
});

test('astral characters are reported so spans map to UTF-16', () => {
  const text = '𠀀𠀁示例县人民政府2017年政府信息公开工作年度报告\n统计指标\t单位\t统计数\n（一）收到申请数\t件\t12\n';
  const p = extract_page(new TextEncoder().encode(text), 'a.txt', 'a.txt');
  assert.ok(p.astral.length >= 2, JSON.stringify(p.astral));
  const f = p.report.fields.find((x) => x.id === 'stat.apply.received_total');
  assert.equal(Array.from(p.report.text).slice(f.span[0], f.span[1]).join(''), '12');
});

test('unreadable inputs throw the core message (the CLI refuses them too)', () => {
  const r = cli(['--csv'], BAD_FILES);
  assert.equal(r.status, 1);
  for (const f of BAD_FILES) {
    const line = r.stderr.split('\n').find((l) => l.startsWith(`ogi: ${f.name}: `));
    assert.ok(line, `no CLI message for ${f.name}`);
    assert.throws(() => extract(f.bytes, f.name), (e) => e.message.length > 10);
  }
  // The messages that do not depend on a PDF reader are the CLI's word for word.
  for (const name of ['empty.txt', 'report.docx']) {
    const f = BAD_FILES.find((x) => x.name === name);
    const line = r.stderr.split('\n').find((l) => l.startsWith(`ogi: ${name}: `));
    assert.throws(() => extract(f.bytes, f.name), (e) => e.message === line.slice(`ogi: ${name}: `.length));
  }
  assert.match(too_large_message(max_input_bytes() + 1), /over the limit/);
});

test('registry and layouts describe every field and the official tables', () => {
  const reg = registry();
  const ids = new Set(reg.map((f) => f.id));
  assert.ok(reg.length > 400);
  for (const f of reg) assert.ok(f.label && f.unit !== undefined && Array.isArray(f.eras), f.id);
  const l = layouts();
  const keys = l.tables.map((t) => `${t.key}:${t.eras.join('+')}`);
  assert.deepEqual(keys, ['e14:E08+E14', 'fj:E08+E14', 't2:E19', 't2:E21', 't3:E19', 't3:E21', 't4:E19+E21']);
  for (const t of l.tables) for (const id of t.ids) assert.ok(ids.has(id), id);
  assert.equal(l.t3_rows.length, 26);
  assert.equal(l.t3_cols.length, 7);
  assert.equal(l.t4_ids.length, 15);
  const stated = reg.filter((f) => f.stated).map((f) => f.id);
  assert.deepEqual(csv_columns().slice(5), stated);
});

test('every field the core reports has an English label on the page', () => {
  const L = makeLabeler({ registry: registry(), layouts: layouts() });
  // The 上海-model table has no reader yet: the core never reports local.sh.*.
  const reported = registry().filter((f) => f.table !== 'local.sh_model');
  assert.ok(reported.length > 400);
  const han = /\p{Script=Han}/u;
  const missing = reported.filter((f) => han.test(L.label(f.id, 'en'))).map((f) => `${f.id}: ${L.label(f.id, 'en')}`);
  assert.deepEqual(missing, []);
  for (const f of reported) assert.ok(han.test(L.label(f.id, 'zh')), f.id);
});

test('cross-year checks of two consecutive reports of one agency', () => {
  const a = extract(sample('e21-2022-yangben-city.md'), 'e21-2022-yangben-city.md');
  const b = extract(sample('e21-2023-yangben-city.txt'), 'e21-2023-yangben-city.txt');
  const other = extract(sample('e19-2019-yanshi-district.html'), 'x.html');
  const slim = (r) => ({ ...r, text: '' });
  const checks = cross_year([slim(b), slim(other), slim(a)]);
  const carry = checks.filter((c) => c.check.id === 'cross.carry_over');
  assert.equal(carry.length, 7);
  assert.ok(carry.every((c) => c.check.status === 'pass' && c.reports[0] === 2 && c.reports[1] === 0));
  const flow = checks.filter((c) => c.check.id === 't2.e21_stock_flow');
  assert.deepEqual(flow.map((c) => [c.check.scope, c.check.status]), [['regulations', 'pass'], ['normative_docs', 'warn']]);
});

test('the PDF module reads pdf.js text items (as the page worker gives them)', async () => {
  const pdf = await import('../www/pkg/ogi_wasm_pdf.js');
  pdf.initSync({ module: fs.readFileSync(path.join(WWW, 'pkg', 'ogi_wasm_pdf_bg.wasm')) });
  const { reportPdf } = await import('./lib/pdf.mjs');
  const dir = path.join(WWW, '..', 'node_modules', 'pdfjs-dist');
  const lib = await import(path.join(dir, 'legacy', 'build', 'pdf.mjs'));
  const bytes = reportPdf();
  const doc = await lib.getDocument({ data: new Uint8Array(bytes), cMapUrl: path.join(dir, 'cmaps') + path.sep, cMapPacked: true, standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep, useSystemFonts: false, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  const c = { pages: [], xs: [], ys: [], widths: [], heights: [], texts: [] };
  const page = await doc.getPage(1);
  const viewport = page.getViewport({ scale: 1 });
  for (const it of (await page.getTextContent()).items) {
    if (!it.str.trim()) continue;
    const t = lib.Util.transform(viewport.transform, it.transform);
    c.pages.push(1); c.xs.push(t[4]); c.ys.push(t[5]); c.widths.push(it.width); c.heights.push(it.height); c.texts.push(it.str);
  }
  await doc.destroy();
  const r = pdf.extract_pdf(new Uint32Array(c.pages), new Float32Array(c.xs), new Float32Array(c.ys), new Float32Array(c.widths), new Float32Array(c.heights), c.texts, 'made-up.pdf', 'made-up.pdf', bytes.length);
  assert.equal(r.report.input.format, 'pdf');
  assert.equal(r.report.input.bytes, bytes.length);
  assert.equal(r.report.meta.agency, '测试县人民政府');
  const v = (id) => r.report.fields.find((f) => f.id === id)?.value;
  assert.deepEqual([v('stat.apply.received_total'), v('stat.apply.received.online'), v('stat.review_total')], [36, 20, 2]);
  assert.ok(r.csv_row.startsWith('made-up.pdf,测试县人民政府,2016,'));
  assert.throws(() => pdf.extract_pdf(new Uint32Array(), new Float32Array(), new Float32Array(), new Float32Array(), new Float32Array(), [], 'b.pdf', 'b.pdf', 10), /no text layer/);
  assert.equal(is_pdf(bytes), true);
  assert.match(pdf_failure('password', 'x'), /password/);
});
