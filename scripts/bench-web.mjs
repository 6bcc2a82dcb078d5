#!/usr/bin/env node
// Browser benchmark of the web page (issue #5, browser part), in headless
// Chromium (Debian's, through playwright-core, as the e2e tests run it):
//
//   1. first load: bytes of every file the page fetches (raw, gzip -9,
//      brotli -11), and the WebAssembly module's compile + instantiate time in
//      the page and in a worker (cold: a fresh browser each run; warm: again
//      in the same page), and page load → engine ready;
//   2. extraction of a ~40 KB report in wasm (extract_page, what the worker
//      calls), timed inside a worker and in the page with performance.now(),
//      plus the round trip page → worker → page (structured clone included);
//   3. paste → summary and tables on screen for that report, in the real page;
//   4. 1,000 dropped reports (generated, varied, small to medium) until the
//      batch table is complete, with the longest frame gap, long tasks and
//      the input delay of key presses made during the batch;
//   5. the native CLI on the same report and the same 1,000 files.
//
// Prints a table and writes JSON to e2e/artifacts/bench-web.json. Every
// timing is a median with min, max and the run count; the machine's load
// (uptime) is reported because other jobs may share its 2 cores.
//
//   node scripts/bench-web.mjs            # full run (about 1–2 minutes)
//   node scripts/bench-web.mjs --quick    # a short smoke run (CI: e2e/bench.test.mjs)
//   options: --out FILE  --launches N  --repeats N  --runs N  --pastes N  --files N  --batch-runs N
//
// Needs the page built (bash scripts/build-web.sh) and /usr/bin/chromium.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startServer, ROOT, WWW } from '../e2e/lib/server.mjs';
import { launch, CHROMIUM } from '../e2e/lib/browser.mjs';
import { frameRecorder } from '../e2e/lib/helpers.mjs';

const CLI = path.join(ROOT, 'target', 'release', 'ogi');
const SAMPLES = path.join(WWW, 'samples');

// ------------------------------------------------------------ targets (issue #5)

export const TARGETS = {
  firstLoadGzipKB: 400, // scripts/build-web.sh's budget
  extractMs: 2, // median extract_page of the 40 KB report in the worker
  pasteMs: 100, // median paste → summary and tables painted
  batchMs: 5000, // 1,000 files until the batch table is complete
  // "the page stays responsive": no key press waits longer than this before
  // its handler runs, and no frame takes longer (the "good" INP threshold).
  responsiveMs: 200,
};

// ------------------------------------------------------------ statistics

export function stats(xs) {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = s.length;
  if (!n) return { n: 0, median: NaN, min: NaN, max: NaN, p95: NaN };
  const median = n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  return { n, median, min: s[0], max: s[n - 1], p95: s[Math.min(n - 1, Math.ceil(n * 0.95) - 1)] };
}

// ------------------------------------------------------------ generated reports

/** A small deterministic PRNG (mulberry32): the same reports every run. */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)), pick: (list) => list[Math.floor(next() * list.length)] };
}

const PLACES = ['临河区', '青山县', '东湖市', '南川县', '北岭区', '西江市', '云溪县', '石门县', '长宁区', '白沙市', '金台区', '玉泉县', '柳林县', '桃源市', '清水区', '松江县', '凤凰市', '安平县', '永和区', '新华县'];

// Narrative of the kind long reports carry: figures in most sentences
// (items, cases, sessions, people, dates, document numbers, percentages).
const SENTENCES = [
  (r, y, p) => `全年通过政府门户网站发布各类信息${r.int(800, 9000)}条，其中政策文件${r.int(20, 300)}件、工作动态${r.int(200, 3000)}条。`,
  (r) => `围绕“放管服”改革，公开行政权力事项清单${r.int(100, 2000)}项，更新办事指南${r.int(50, 900)}份。`,
  (r) => `举办新闻发布会${r.int(3, 40)}场，主要负责同志出席${r.int(1, 12)}场，发布权威信息${r.int(20, 400)}条。`,
  (r) => `通过政务微博发布信息${r.int(300, 6000)}条，政务微信公众号推送信息${r.int(200, 3000)}条，阅读量累计${r.int(10, 900)}万人次。`,
  (r) => `组织开展政务公开专题培训${r.int(2, 15)}期，参训人员${r.int(100, 1500)}人次。`,
  (r) => `办理人大代表建议${r.int(10, 200)}件、政协委员提案${r.int(10, 260)}件，办复率100%。`,
  (r) => `公开重大建设项目批准和实施领域信息${r.int(20, 600)}条，公共资源配置领域信息${r.int(50, 1200)}条。`,
  (r) => `公开部门预算${r.int(20, 90)}个、部门决算${r.int(20, 90)}个，预决算公开率达到100%。`,
  (r) => `在“政民互动”栏目回复网民留言${r.int(100, 3000)}条，平均办理时限${r.int(2, 9)}个工作日。`,
  (r) => `加强政策解读，发布文字解读${r.int(10, 150)}篇、图解${r.int(5, 80)}篇、视频解读${r.int(1, 30)}个。`,
  (r) => `开展政府开放日活动${r.int(2, 20)}次，邀请${r.int(30, 600)}名群众代表参加。`,
  (r) => `12345政务服务便民热线受理群众诉求${r.int(5000, 90000)}件，按期办结率${r.int(95, 99)}.${r.int(0, 9)}%。`,
  (r, y) => `于${y}年${r.int(1, 12)}月${r.int(1, 28)}日召开政务公开工作推进会，部署年度重点任务。`,
  (r, y, p) => `印发《${p}${y}年政务公开工作要点》（${p.slice(0, 1)}政办发〔${y}〕${r.int(1, 60)}号），明确${r.int(10, 60)}项具体任务。`,
  (r) => `持续推进基层政务公开标准化规范化建设，${r.int(6, 30)}个乡镇（街道）全部完成公开事项目录编制。`,
  () => '坚持以公开为常态、不公开为例外，严格落实公开属性源头认定机制，做到应公开尽公开。',
  () => '进一步规范依申请公开工作流程，严格落实登记、审核、办理、答复、归档等环节要求，确保答复内容准确、程序合法、形式规范。',
  () => '聚焦企业和群众关切，围绕就业、教育、医疗、养老等民生领域加大信息公开力度，及时回应社会关切。',
  (r) => `全年审核拟公开政府信息${r.int(500, 8000)}条，未发生泄密和不当公开事件。`,
  (r) => `完成政府网站和政务新媒体季度检查${r.int(2, 4)}次，整改问题${r.int(3, 60)}个。`,
];

function paragraph(r, year, place) {
  const n = r.int(3, 7);
  let s = '';
  for (let i = 0; i < n; i++) s += r.pick(SENTENCES)(r, year, place);
  return s;
}

const KINDS = [
  { file: 'e21-2023-yangben-city.txt', place: '样本市', year: 2023, anchor: '五、存在的主要问题及改进情况', wrap: (p) => `${p}\n` },
  { file: 'e21-2022-yangben-city.md', place: '样本市', year: 2022, anchor: '## 五、存在的主要问题及改进情况', wrap: (p) => `${p}\n\n` },
  { file: 'e19-2019-yanshi-district.html', place: '演示区', year: 2019, anchor: '<p><strong>五、存在的主要问题及改进情况</strong></p>', wrap: (p) => `<p>${p}</p>\n` },
  { file: 'e14-2017-shili-county.txt', place: '示例县', year: 2017, anchor: '六、政府信息公开工作存在的主要问题及改进情况', wrap: (p) => `${p}\n` },
];

/** A report of about `bytes` bytes from a bundled sample: narrative added, the place renamed, some table figures changed. */
function report(kind, r, bytes, place, perturb) {
  let text = fs.readFileSync(path.join(SAMPLES, kind.file), 'utf8');
  if (place !== kind.place) text = text.split(kind.place).join(place);
  if (perturb) {
    // Table cells (tab, <td>, markdown pipes): one in ten changed a little, so
    // some identities fail, as in real reports.
    text = text.replace(/(\t|<td>|\| )(\d{1,6})(?=\t|<\/td>| \||\r?\n)/g, (m, pre, d) => (r.next() < 0.1 ? pre + String(Math.max(0, Number(d) + r.int(-3, 3))) : m));
  }
  let extra = '';
  while (Buffer.byteLength(text) + Buffer.byteLength(extra) < bytes) extra += kind.wrap(paragraph(r, kind.year, place));
  const at = text.indexOf(kind.anchor);
  if (at < 0) throw new Error(`anchor not found in ${kind.file}`);
  return text.slice(0, at) + extra + text.slice(at);
}

/** The ~40 KB report: the 2023 text sample with a long narrative (41,000 bytes or just over). */
export function report40k() {
  return report(KINDS[0], rng(40), 41000, '样本市', false);
}

/** `n` varied reports: four formats, twenty places, 4–40 KB (most small). */
export function batchFiles(n) {
  const r = rng(1000);
  const files = [];
  for (let i = 0; i < n; i++) {
    const kind = KINDS[i % KINDS.length];
    const u = r.next();
    const size = u < 0.5 ? r.int(0, 2000) : u < 0.85 ? r.int(2000, 15000) : r.int(15000, 40000);
    const place = PLACES[r.int(0, PLACES.length - 1)];
    const text = report(kind, r, size, place, true);
    files.push({ name: `r${String(i).padStart(4, '0')}-${kind.file.replace(/^[^-]+-\d+-/, '')}`, bytes: Buffer.from(text) });
  }
  return files;
}

// ------------------------------------------------------------ first-load bytes

/** What the page fetches before it can extract (the build script's list). */
function firstLoadFiles() {
  const list = ['index.html'];
  for (const f of fs.readdirSync(WWW).sort()) if (/\.(css|js|svg)$/.test(f)) list.push(f);
  list.push('pkg/ogi_wasm.js', 'pkg/ogi_wasm_bg.wasm');
  return list;
}

function sizes(files) {
  const rows = files.map((f) => {
    const b = fs.readFileSync(path.join(WWW, f));
    return {
      file: f,
      raw: b.length,
      gzip: zlib.gzipSync(b, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length,
    };
  });
  const total = rows.reduce((t, x) => ({ raw: t.raw + x.raw, gzip: t.gzip + x.gzip, brotli: t.brotli + x.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { files: rows, total };
}

// ------------------------------------------------------------ fixtures served beside www/

// A worker that times the core by itself: served at the site root, so its
// imports resolve as worker.js' do.
const BENCH_WORKER = `
const enc = new TextEncoder();
let ogi = null;
self.onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.cmd === 'init') {
      const t0 = performance.now();
      const glue = await import('./pkg/ogi_wasm.js');
      const t1 = performance.now();
      await glue.default({ module_or_path: new URL('./pkg/ogi_wasm_bg.wasm', self.location.href) });
      const t2 = performance.now();
      ogi = glue;
      self.postMessage({ glue: t1 - t0, init: t2 - t1, since_start: t2 });
    } else if (m.cmd === 'extract') {
      self.postMessage(timeExtract(ogi, m));
    }
  } catch (e) {
    self.postMessage({ error: String(e && e.stack || e) });
  }
};
${timeExtractSource()}
`;

function timeExtractSource() {
  // Shared by the bench worker and the page: warm-up, then each call timed.
  return `
function timeExtract(ogi, m) {
  const enc = new TextEncoder();
  const bytes = enc.encode(m.text);
  const out = { page: [], report: [], job: [] };
  for (let i = 0; i < m.warm; i++) ogi.extract_page(bytes, m.name, '-');
  for (let i = 0; i < m.runs; i++) {
    let t = performance.now();
    ogi.extract_page(bytes, m.name, '-');
    out.page.push(performance.now() - t);
    t = performance.now();
    ogi.extract(bytes, m.name);
    out.report.push(performance.now() - t);
    // What worker.js does for a paste: encode the text, extract, build its answer.
    t = performance.now();
    const r = ogi.extract_page(enc.encode(m.text), m.name, '-');
    const ans = { ok: true, csv_row: r.csv_row, astral: r.astral, report: r.report };
    out.job.push(performance.now() - t);
    if (!ans.report.fields.length) throw new Error('no fields');
  }
  const r = ogi.extract_page(bytes, m.name, '-');
  out.fields = r.report.fields.length;
  out.derived = r.report.derived.length;
  out.checks = r.report.checks.length;
  out.chars = r.report.text.length;
  return out;
}`;
}

const BLANK = '<!DOCTYPE html><html><head><meta charset="utf-8"><title>bench</title><link rel="icon" href="data:,"></head><body></body></html>';

// Installed in the real page before its scripts: records when each worker
// message arrives and what reading its data (structured clone) costs. It
// only observes; the page's own handlers run unchanged after it.
function pageProbe() {
  window.__bench = { on: false, last: null, msgs: 0, cloneSum: 0, cloneMax: 0, workerMs: 0, bytes: 0 };
  const W = window.Worker;
  window.Worker = class extends W {
    constructor(url, opts) {
      super(url, opts);
      this.addEventListener('message', (ev) => {
        const b = window.__bench;
        const at = performance.now();
        const d = ev.data;
        const clone = performance.now() - at;
        if (!b.on || !d || d.type !== 'result') return;
        b.last = { at, clone, ms: d.ms };
        b.msgs++;
        b.cloneSum += clone;
        b.cloneMax = Math.max(b.cloneMax, clone);
        b.workerMs += d.ms || 0;
        b.bytes += d.bytes || 0;
      });
    }
  };
  // Page load → engine ready (the element's data-ready attribute).
  new MutationObserver((list, mo) => {
    const el = document.querySelector('ogi-extract[data-ready]');
    if (el) {
      window.__bench.readyAt = performance.now();
      mo.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
}

// ------------------------------------------------------------ the benchmark

function uptime() {
  const r = spawnSync('uptime', [], { encoding: 'utf8' });
  return (r.stdout || '').trim() || `load average: ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}`;
}

function gitState() {
  const run = (args) => (spawnSync('git', args, { cwd: ROOT, encoding: 'utf8' }).stdout || '').trim();
  return { commit: run(['rev-parse', '--short', 'HEAD']) || null, changed: run(['status', '--porcelain', '--', 'www', 'crates', 'src', 'Cargo.toml']).split('\n').filter(Boolean) };
}

function log(quiet, ...a) {
  if (!quiet) console.error(...a);
}

export async function runBench(opts = {}) {
  const quick = !!opts.quick;
  const P = {
    launches: opts.launches ?? (quick ? 1 : 5), // fresh browsers for cold instantiation
    repeats: opts.repeats ?? (quick ? 2 : 20), // warm instantiations
    runs: opts.runs ?? (quick ? 10 : 200), // extraction calls timed
    warm: quick ? 3 : 50, // V8 tiers a function up to optimised code only after many calls
    roundTrips: quick ? 5 : 100,
    pastes: opts.pastes ?? (quick ? 3 : 30),
    pasteWarm: quick ? 1 : 10,
    files: opts.files ?? (quick ? 40 : 1000),
    batchRuns: opts.batchRuns ?? (quick ? 1 : 3),
    native: quick ? 5 : 200,
  };
  const quiet = !!opts.quiet;
  const out = opts.out ?? path.join(ROOT, 'e2e', 'artifacts', 'bench-web.json');
  const result = {
    date: new Date().toISOString(),
    machine: { cores: os.cpus().length, uptime_before: uptime(), chromium: (spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout || '').trim() },
    git: gitState(),
    params: P,
    targets: TARGETS,
  };
  for (const f of ['pkg/ogi_wasm.js', 'pkg/ogi_wasm_bg.wasm']) {
    if (!fs.existsSync(path.join(WWW, f))) throw new Error(`www/${f} is missing: run bash scripts/build-web.sh first`);
  }

  const text40 = report40k();
  const files = batchFiles(P.files);
  const offsets = [];
  let off = 0;
  for (const f of files) {
    offsets.push({ name: f.name, off, len: f.bytes.length });
    off += f.bytes.length;
  }
  const blob = Buffer.concat(files.map((f) => f.bytes));
  result.inputs = {
    report40k: { bytes: Buffer.byteLength(text40), chars: [...text40].length },
    batch: { files: files.length, bytes: blob.length, min: Math.min(...files.map((f) => f.bytes.length)), max: Math.max(...files.map((f) => f.bytes.length)), median: stats(files.map((f) => f.bytes.length)).median },
  };

  const srv = await startServer({
    '/__bench/blank.html': { body: BLANK },
    '/__bench-worker.js': { body: BENCH_WORKER, type: 'text/javascript; charset=utf-8' },
    '/__bench/report40k.txt': { body: text40, type: 'text/plain; charset=utf-8' },
    '/__bench/batch.bin': { body: blob, type: 'application/octet-stream' },
    '/__bench/batch.json': { body: JSON.stringify(offsets), type: 'application/json' },
  });
  const browsers = [];
  const fresh = async () => {
    const b = await launch();
    browsers.push(b);
    return b;
  };
  const done = async (b) => {
    await b.close();
    browsers.splice(browsers.indexOf(b), 1);
  };
  try {
    // ---------------------------------------------------- 1. first load
    log(quiet, '# first-load bytes');
    const first = sizes(firstLoadFiles());
    result.firstLoad = first;

    log(quiet, `# instantiation, cold (${P.launches} fresh browsers per measure)`);
    const cold = { fetch: [], compile: [], instantiate: [], pageStreaming: [], workerInit: [], workerReady: [], pageReady: [], requests: null };
    for (let l = 0; l < P.launches; l++) {
      // (a) in the page, from bytes: compile, then instantiate (+ the glue's start).
      let b = await fresh();
      await b.page.goto(srv.url + '__bench/blank.html');
      const a = await b.page.evaluate(async () => {
        const glue = await import('/pkg/ogi_wasm.js?a');
        let t = performance.now();
        const bytes = await (await fetch('/pkg/ogi_wasm_bg.wasm')).arrayBuffer();
        const fetchMs = performance.now() - t;
        t = performance.now();
        const mod = await WebAssembly.compile(bytes);
        const compile = performance.now() - t;
        t = performance.now();
        glue.initSync({ module: mod });
        const instantiate = performance.now() - t;
        if (!glue.version()) throw new Error('no version');
        return { fetchMs, compile, instantiate };
      });
      cold.fetch.push(a.fetchMs);
      cold.compile.push(a.compile);
      cold.instantiate.push(a.instantiate);
      await done(b);
      // (b) in the page, as the worker does it: init(url) = fetch + streaming compile + instantiate.
      b = await fresh();
      await b.page.goto(srv.url + '__bench/blank.html');
      cold.pageStreaming.push(await b.page.evaluate(async () => {
        const glue = await import('/pkg/ogi_wasm.js?b');
        const t = performance.now();
        await glue.default({ module_or_path: '/pkg/ogi_wasm_bg.wasm' });
        return performance.now() - t;
      }));
      await done(b);
      // (c) in a worker: init(url) inside it, and new Worker(worker.js) → its first answer (engine ready).
      b = await fresh();
      await b.page.goto(srv.url + '__bench/blank.html');
      const w = await b.page.evaluate(async () => {
        const t = performance.now();
        const w = new Worker('/worker.js', { type: 'module' });
        const meta = await new Promise((res, rej) => {
          w.onmessage = (ev) => res(ev.data);
          w.onerror = (e) => rej(new Error(e.message));
          w.postMessage({ id: 1, type: 'meta' });
        });
        const ready = performance.now() - t;
        w.terminate();
        if (meta.type !== 'meta') throw new Error(JSON.stringify(meta));
        const bw = new Worker('/__bench-worker.js', { type: 'module' });
        const init = await new Promise((res) => {
          bw.onmessage = (ev) => res(ev.data);
          bw.postMessage({ cmd: 'init' });
        });
        bw.terminate();
        if (init.error) throw new Error(init.error);
        return { ready, init: init.init };
      });
      cold.workerReady.push(w.ready);
      cold.workerInit.push(w.init); // second compile of the process (the first was worker.js')
      await done(b);
      // (d) the real page: navigation → engine ready (data-ready), and what it fetched.
      b = await fresh();
      await b.ctx.addInitScript(pageProbe);
      await b.page.goto(srv.url);
      await b.page.waitForSelector('ogi-extract[data-ready]', { timeout: 30000 });
      cold.pageReady.push(await b.page.evaluate(() => window.__bench.readyAt));
      if (!cold.requests) cold.requests = [...new Set(b.requests.map((u) => new URL(u).pathname))];
      await done(b);
    }

    log(quiet, `# instantiation, warm (${P.repeats} repeats in one page)`);
    const b0 = await fresh();
    await b0.page.goto(srv.url + '__bench/blank.html');
    const warm = await b0.page.evaluate(async (n) => {
      const r = { compile: [], instantiate: [], pageStreaming: [], workerInit: [], workerReady: [] };
      const bytes = await (await fetch('/pkg/ogi_wasm_bg.wasm')).arrayBuffer();
      for (let i = 0; i < n; i++) {
        const glue = await import(`/pkg/ogi_wasm.js?w${i}`);
        let t = performance.now();
        const mod = await WebAssembly.compile(bytes);
        r.compile.push(performance.now() - t);
        t = performance.now();
        glue.initSync({ module: mod });
        r.instantiate.push(performance.now() - t);
        const g2 = await import(`/pkg/ogi_wasm.js?s${i}`);
        t = performance.now();
        await g2.default({ module_or_path: '/pkg/ogi_wasm_bg.wasm' });
        r.pageStreaming.push(performance.now() - t);
        t = performance.now();
        const w = new Worker('/worker.js', { type: 'module' });
        await new Promise((res) => {
          w.onmessage = res;
          w.postMessage({ id: 1, type: 'meta' });
        });
        r.workerReady.push(performance.now() - t);
        w.terminate();
        const bw = new Worker('/__bench-worker.js', { type: 'module' });
        const init = await new Promise((res) => {
          bw.onmessage = (ev) => res(ev.data);
          bw.postMessage({ cmd: 'init' });
        });
        bw.terminate();
        r.workerInit.push(init.init);
      }
      return r;
    }, P.repeats);
    await done(b0);
    result.instantiate = {
      note: 'ms. cold: first time in a fresh browser (one per run); warm: repeated in one page (V8 may reuse compiled code). compile+instantiate = WebAssembly.compile(bytes) + initSync; streaming = init(url), fetch included; worker ready = new Worker(worker.js) until its first answer (module load, init, meta calls)',
      cold: Object.fromEntries(Object.entries(cold).filter(([k]) => k !== 'requests').map(([k, v]) => [k, stats(v)])),
      warm: Object.fromEntries(Object.entries(warm).map(([k, v]) => [k, stats(v)])),
    };
    result.instantiate.cold.compileAndInstantiate = stats(cold.compile.map((c, i) => c + cold.instantiate[i]));
    result.instantiate.warm.compileAndInstantiate = stats(warm.compile.map((c, i) => c + warm.instantiate[i]));
    result.firstLoad.requested = cold.requests;

    // ---------------------------------------------------- 2. extraction of the 40 KB report
    log(quiet, `# extraction of the ${result.inputs.report40k.bytes}-byte report (${P.runs} runs after ${P.warm} warm-up)`);
    const b1 = await fresh();
    await b1.page.goto(srv.url + '__bench/blank.html');
    const ex = await b1.page.evaluate(async ({ P, src }) => {
      const text = await (await fetch('/__bench/report40k.txt')).text();
      const bw = new Worker('/__bench-worker.js', { type: 'module' });
      const ask = (m) => new Promise((res, rej) => {
        bw.onmessage = (ev) => (ev.data.error ? rej(new Error(ev.data.error)) : res(ev.data));
        bw.postMessage(m);
      });
      await ask({ cmd: 'init' });
      const inWorker = await ask({ cmd: 'extract', text, name: 'report40k.txt', runs: P.runs, warm: P.warm });
      bw.terminate();
      // The same in the page's main thread.
      const glue = await import('/pkg/ogi_wasm.js');
      await glue.default({ module_or_path: '/pkg/ogi_wasm_bg.wasm' });
      // eslint-disable-next-line no-new-func
      const timeExtract = new Function(`${src}; return timeExtract;`)();
      const inPage = timeExtract(glue, { text, name: 'report40k.txt', runs: P.runs, warm: P.warm });
      // Round trip through the page's own worker.js, as a paste goes: the
      // text posted, extracted, the report cloned back and read.
      const w = new Worker('/worker.js', { type: 'module' });
      let id = 0;
      const req = (msg) => new Promise((res) => {
        w.onmessage = (ev) => {
          const t = performance.now();
          const d = ev.data;
          res({ d, clone: performance.now() - t });
        };
        w.postMessage({ ...msg, id: ++id });
      });
      await req({ type: 'meta' });
      const rt = { total: [], worker: [], clone: [] };
      for (let i = 0; i < P.warm; i++) await req({ type: 'text', text, name: 'report40k.txt', file_label: '-' });
      for (let i = 0; i < P.roundTrips; i++) {
        const t = performance.now();
        const { d, clone } = await req({ type: 'text', text: text + ' '.repeat(i % 3), name: 'report40k.txt', file_label: '-' });
        rt.total.push(performance.now() - t);
        rt.worker.push(d.ms);
        rt.clone.push(clone);
      }
      w.terminate();
      return { inWorker, inPage, rt };
    }, { P, src: timeExtractSource() });
    await done(b1);
    result.extract = {
      note: 'ms per call on the 40 KB report. extract_page = what worker.js calls (core + csv row + astral + the whole report as JSON turned into JS objects by JSON.parse); extract = report only; job = encode + extract_page + the answer object; round trip = page → worker.js → page, including the structured clone of the report (clone = reading ev.data on the main thread)',
      report: { fields: ex.inWorker.fields, derived: ex.inWorker.derived, checks: ex.inWorker.checks, chars: ex.inWorker.chars },
      worker: { extract_page: stats(ex.inWorker.page), extract: stats(ex.inWorker.report), job: stats(ex.inWorker.job) },
      page: { extract_page: stats(ex.inPage.page), extract: stats(ex.inPage.report), job: stats(ex.inPage.job) },
      roundTrip: { total: stats(ex.rt.total), inWorker: stats(ex.rt.worker), clone: stats(ex.rt.clone) },
    };

    // ---------------------------------------------------- 3. paste → on screen
    log(quiet, `# paste → summary and tables on screen (${P.pastes} pastes)`);
    const b2 = await fresh();
    await b2.ctx.addInitScript(pageProbe);
    await b2.page.goto(srv.url);
    await b2.page.waitForSelector('ogi-extract[data-ready]', { timeout: 30000 });
    const pastes = await b2.page.evaluate(async ({ n, warm }) => {
      const text = await (await fetch('/__bench/report40k.txt')).text();
      const ta = document.querySelector('#input');
      const res = document.querySelector('#results');
      const r = { painted: [], dom: [], reported: [], worker: [], toArrival: [], clone: [], render: [], paint: [] };
      window.__bench.on = true;
      for (let i = 0; i < warm + n; i++) {
        res.dataset.latency = '';
        window.__bench.last = null;
        const domDone = new Promise((ok) => {
          const mo = new MutationObserver(() => {
            if (res.dataset.latency) {
              mo.disconnect();
              ok(performance.now());
            }
          });
          mo.observe(res, { attributes: true, attributeFilter: ['data-latency'] });
        });
        const t0 = performance.now();
        ta.value = text + ' '.repeat(i % 4);
        ta.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
        const tDom = await domDone;
        // The frame after the DOM change has been laid out and painted once
        // a task posted from its requestAnimationFrame callback runs.
        const tPaint = await new Promise((ok) => requestAnimationFrame(() => {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => ok(performance.now());
          ch.port2.postMessage(0);
        }));
        if (!document.querySelector('.ogi-summary [data-field="summary.applications.received"]') || !document.querySelector('.ogi-report .ogi-table')) throw new Error('summary or tables missing');
        const last = window.__bench.last;
        if (i === 0) r.first = { painted: tPaint - t0, worker: last.ms };
        if (i < warm) continue;
        r.painted.push(tPaint - t0);
        r.dom.push(tDom - t0);
        r.reported.push(Number(res.dataset.latency));
        r.worker.push(last.ms);
        r.toArrival.push(last.at - t0);
        r.clone.push(last.clone);
        r.render.push(tDom - last.at);
        r.paint.push(tPaint - tDom);
        await new Promise((ok) => setTimeout(ok, 30));
      }
      window.__bench.on = false;
      return r;
    }, { n: P.pastes, warm: P.pasteWarm });
    await done(b2);
    const { first: firstPaste, ...pasteRuns } = pastes;
    result.paste = {
      note: `ms from setting the text box (an insertFromPaste input event) to: painted = the next frame painted with the summary and tables; dom = the report in the DOM (the page's results[data-latency]); worker = extraction inside the worker (encode + extract_page); arrival = the result message reaching the page; clone = reading its data; render = building the report view; paint = style, layout and paint of that frame. first = the first paste after the page loaded (the wasm code not yet optimised; not in the medians, which follow ${P.pasteWarm} warm-up pastes)`,
      first: firstPaste,
      ...Object.fromEntries(Object.entries(pasteRuns).map(([k, v]) => [k, stats(v)])),
    };

    // ---------------------------------------------------- 4. many dropped files
    // Twice: a clean run for the time, then one with key presses (made
    // through the DevTools protocol, which itself costs the page some time).
    log(quiet, `# ${P.files} dropped files`);
    const cleans = [];
    for (let i = 0; i < P.batchRuns; i++) {
      const b3 = await fresh();
      cleans.push(await dropBatch(b3, srv, P, false));
      await done(b3);
    }
    const clean = cleans[0];
    log(quiet, `# ${P.files} dropped files, typing meanwhile`);
    const b4 = await fresh();
    const typed = await dropBatch(b4, srv, P, true);
    await done(b4);
    result.batch = {
      note: 'ms from the drop to the batch table complete (every row filled; data-complete), and to the cross-year checks shown. clean runs (runs: how many, each in a fresh browser): no input; frame gaps of all runs together; typing run: a key pressed in a text box outside the element every ~100 ms. frame gap = time between consecutive animation frames; key delay = a key press\'s wait before its handler ran (event.timeStamp → handler); key round trip = the same seen from the driver (DevTools protocol included); event duration = Event Timing (input → next paint; only those ≥ 16 ms are reported); long tasks: the longest, and the blocking time (sum of each task\'s time over 50 ms)',
      files: P.files,
      workers: clean.workers,
      runs: cleans.length,
      complete: stats(cleans.map((c) => c.complete)),
      cross: stats(cleans.map((c) => c.cross)),
      rows: clean.rows,
      done: clean.done,
      errors: clean.errors,
      frameGap: stats(cleans.flatMap((c) => c.gaps)),
      longTasks: { longest: stats(cleans.map((c) => c.longtasks.max)), blocking: stats(cleans.map((c) => c.longtasks.blocking)), count: stats(cleans.map((c) => c.longtasks.n)) },
      perFile: { workerMs: stats(cleans.map((c) => c.perFile.workerMs)), cloneMs: stats(cleans.map((c) => c.perFile.cloneMs)), cloneMaxMs: Math.max(...cleans.map((c) => c.perFile.cloneMaxMs)) },
      typing: {
        complete: typed.complete,
        frameGap: stats(typed.gaps),
        longTasks: typed.longtasks,
        keyDelay: stats(typed.keyDelay),
        keyRoundTrip: stats(typed.press),
        keyEventDuration: stats(typed.events.map((e) => e.duration)),
      },
    };

    // ---------------------------------------------------- 5. native
    result.native = native(text40, files, P, quiet);
  } finally {
    for (const b of [...browsers]) await b.close().catch(() => {});
    await srv.close();
  }
  result.machine.uptime_after = uptime();
  result.verdict = verdict(result);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2) + '\n');
  result.outFile = out;
  return result;
}

/** Drops the batch on the real page; with `typing`, presses keys in a text box meanwhile. */
async function dropBatch(br, srv, P, typing) {
  const page = br.page;
  await br.ctx.addInitScript(pageProbe);
  await br.ctx.addInitScript(frameRecorder);
  await page.goto(srv.url);
  await page.waitForSelector('ogi-extract[data-ready]', { timeout: 30000 });
  await page.evaluate(async () => {
    const idx = await (await fetch('/__bench/batch.json')).json();
    const buf = await (await fetch('/__bench/batch.bin')).arrayBuffer();
    const dt = new DataTransfer();
    for (const f of idx) dt.items.add(new File([new Uint8Array(buf, f.off, f.len)], f.name, { type: 'text/plain' }));
    // A text box outside the element, to type into during the batch.
    const probe = document.createElement('input');
    probe.id = '__probe';
    probe.setAttribute('aria-label', 'probe');
    document.body.prepend(probe);
    const keys = [];
    probe.addEventListener('keydown', (ev) => keys.push(performance.now() - ev.timeStamp));
    const B = (window.__batch = { keys, longtasks: [], events: [] });
    new PerformanceObserver((l) => B.longtasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask' });
    new PerformanceObserver((l) => B.events.push(...l.getEntries().map((e) => ({ name: e.name, duration: e.duration, delay: e.processingStart - e.startTime })))).observe({ type: 'event', durationThreshold: 16 });
    const batchEl = document.querySelector('.ogi-batch');
    B.complete = new Promise((ok) => {
      new MutationObserver((_, mo) => {
        if (batchEl.hasAttribute('data-complete')) {
          mo.disconnect();
          ok(performance.now());
        }
      }).observe(batchEl, { attributes: true, attributeFilter: ['data-complete'] });
    });
    B.cross = new Promise((ok) => {
      new MutationObserver((_, mo) => {
        if (batchEl.querySelector('.ogi-cross h3')) {
          mo.disconnect();
          ok(performance.now());
        }
      }).observe(batchEl, { subtree: true, childList: true });
    });
    probe.focus();
    window.__recordFrames();
    window.__bench.on = true;
    B.t0 = performance.now();
    for (const type of ['dragenter', 'dragover', 'drop']) document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  // Key presses while the batch runs: how long each waits for the main thread.
  const press = [];
  let complete = false;
  const finished = page.waitForSelector('.ogi-batch[data-complete]', { timeout: 180000 }).then(() => (complete = true));
  if (typing) {
    while (!complete) {
      const t = process.hrtime.bigint();
      await page.keyboard.press('a');
      press.push(Number(process.hrtime.bigint() - t) / 1e6);
      await Promise.race([finished, new Promise((r) => setTimeout(r, 100))]);
    }
  }
  await finished;
  const r = await page.evaluate(async () => {
    const B = window.__batch;
    const tComplete = await B.complete;
    const tCross = await Promise.race([B.cross, new Promise((ok) => setTimeout(() => ok(NaN), 60000))]);
    window.__run = false;
    window.__bench.on = false;
    const inBatch = (x) => x.start >= B.t0 && x.start <= tComplete;
    const lt = B.longtasks.filter(inBatch);
    const m = window.__bench;
    return {
      complete: tComplete - B.t0,
      cross: tCross - B.t0,
      rows: document.querySelectorAll('.ogi-batch-table tbody tr').length,
      done: document.querySelectorAll('.ogi-batch-table tbody tr[data-status="done"]').length,
      errors: document.querySelectorAll('.ogi-batch-table tbody tr[data-status="error"]').length,
      gaps: window.__gaps.slice(1),
      longtasks: { n: lt.length, max: Math.max(0, ...lt.map((x) => x.duration)), blocking: lt.reduce((s, x) => s + Math.max(0, x.duration - 50), 0) },
      keyDelay: B.keys,
      events: B.events.filter((e) => e.name.startsWith('key')),
      perFile: { workerMs: m.workerMs / Math.max(1, m.msgs), cloneMs: m.cloneSum / Math.max(1, m.msgs), cloneMaxMs: m.cloneMax },
      workers: Math.min(4, Math.max(2, (navigator.hardwareConcurrency || 2) - 1)),
    };
  });
  r.press = press;
  if (r.done + r.errors !== P.files) throw new Error(`batch: ${r.done} done + ${r.errors} errors of ${P.files}`);
  return r;
}

/** The CLI on the same report (one thread; per report = (N+1 files − 1 file) / N) and on the batch. */
function native(text40, files, P, quiet) {
  if (!fs.existsSync(CLI)) return { skipped: `${CLI} is missing (cargo build --release)` };
  log(quiet, '# native CLI');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ogi-bench-'));
  try {
    const one = path.join(dir, 'report40k.txt');
    fs.writeFileSync(one, text40);
    const time = (args) => {
      const t = process.hrtime.bigint();
      const r = spawnSync(CLI, args, { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
      if (r.status !== 0) throw new Error(`ogi ${args.slice(0, 3).join(' ')}…: ${r.stderr}`);
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    const reps = P.native > 20 ? 7 : 2;
    const t1 = [], tn = [];
    for (let i = 0; i < reps; i++) {
      t1.push(time(['extract', '-j', '1', '--jsonl', one]));
      tn.push(time(['extract', '-j', '1', '--jsonl', ...Array(P.native + 1).fill(one)]));
    }
    const per = tn.map((t, i) => (t - t1[i]) / P.native);
    const bdir = path.join(dir, 'batch');
    fs.mkdirSync(bdir);
    for (const f of files) fs.writeFileSync(path.join(bdir, f.name), f.bytes);
    const tb = [];
    for (let i = 0; i < (reps > 2 ? 3 : 1); i++) tb.push(time(['extract', '--csv', bdir]));
    return {
      note: `ms. target/release/ogi extract -j 1 --jsonl: per report = (time for ${P.native + 1} copies − time for 1) / ${P.native} (read + extract + JSON written; process start excluded); batch = ogi extract --csv DIR on the same ${files.length} files (all cores, process start included)`,
      perReport: stats(per),
      oneFileProcess: stats(t1),
      batch: stats(tb),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function verdict(r) {
  const T = TARGETS;
  const v = [];
  const add = (what, value, target, met, detail) => v.push({ what, value, target, met, detail });
  add('first load, gzip -9 (KB)', r.firstLoad.total.gzip / 1024, `≤ ${T.firstLoadGzipKB}`, r.firstLoad.total.gzip <= T.firstLoadGzipKB * 1024);
  const e = r.extract.worker.extract_page;
  add('extract_page 40 KB in the worker (median ms)', e.median, `≤ ${T.extractMs}`, e.median <= T.extractMs);
  const p = r.paste.painted;
  add('paste 40 KB → painted (median ms)', p.median, `< ${T.pasteMs}`, p.median < T.pasteMs);
  add(`${r.batch.files} files → table complete (median ms)`, r.batch.complete.median, `≤ ${T.batchMs}`, r.batch.complete.median <= T.batchMs);
  const worst = Math.max(r.batch.typing.keyDelay.max, r.batch.frameGap.max);
  add('batch: worst key delay / frame gap (ms)', worst, `≤ ${T.responsiveMs}`, worst <= T.responsiveMs, `key delay max ${fmt(r.batch.typing.keyDelay.max)} (typing run), frame gap max ${fmt(r.batch.frameGap.max)} (clean run)`);
  return v;
}

// ------------------------------------------------------------ printing

function fmt(x, d) {
  if (!Number.isFinite(x)) return '—';
  if (d === undefined) d = Math.abs(x) < 10 ? 2 : Math.abs(x) < 100 ? 1 : 0;
  return x.toFixed(d);
}

export function printTable(r) {
  const lines = [];
  const row = (label, s, extra = '') => lines.push(`${label.padEnd(58)} ${fmt(s.median).padStart(8)} ${fmt(s.min).padStart(8)} ${fmt(s.max).padStart(8)} ${String(s.n).padStart(5)}  ${extra}`);
  const one = (label, x, extra = '') => lines.push(`${label.padEnd(58)} ${fmt(x).padStart(8)} ${''.padStart(8)} ${''.padStart(8)} ${'1'.padStart(5)}  ${extra}`);
  lines.push(`ogi-extract web benchmark · ${r.date} · ${r.machine.chromium} · ${r.machine.cores} cores`);
  if (r.git) lines.push(`commit ${r.git.commit}${r.git.changed.length ? ` + ${r.git.changed.length} changed file(s) in www/ crates/ src/` : ''}`);
  lines.push(`load before: ${r.machine.uptime_before}`);
  lines.push(`load after:  ${r.machine.uptime_after}`);
  lines.push(`40 KB report: ${r.inputs.report40k.bytes} bytes, ${r.inputs.report40k.chars} chars; ${r.extract.report.fields} fields, ${r.extract.report.derived} derived, ${r.extract.report.checks} checks`);
  lines.push(`batch: ${r.inputs.batch.files} files, ${(r.inputs.batch.bytes / 1048576).toFixed(1)} MB (${r.inputs.batch.min}–${r.inputs.batch.max} bytes, median ${r.inputs.batch.median})`);
  lines.push('');
  lines.push('1. first load (bytes)');
  lines.push(`${'file'.padEnd(30)} ${'raw'.padStart(10)} ${'gzip -9'.padStart(10)} ${'brotli'.padStart(10)}`);
  for (const f of r.firstLoad.files) lines.push(`${f.file.padEnd(30)} ${String(f.raw).padStart(10)} ${String(f.gzip).padStart(10)} ${String(f.brotli).padStart(10)}`);
  const t = r.firstLoad.total;
  lines.push(`${'total'.padEnd(30)} ${String(t.raw).padStart(10)} ${String(t.gzip).padStart(10)} ${String(t.brotli).padStart(10)}   (${(t.gzip / 1024).toFixed(0)} KB gzip)`);
  lines.push('');
  lines.push(`${'measure (ms)'.padEnd(58)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'max'.padStart(8)} ${'runs'.padStart(5)}`);
  const c = r.instantiate.cold, w = r.instantiate.warm;
  lines.push('1. wasm instantiation, cold (fresh browser each run)');
  row('  page: fetch bytes', c.fetch);
  row('  page: WebAssembly.compile', c.compile);
  row('  page: instantiate (initSync)', c.instantiate);
  row('  page: compile + instantiate', c.compileAndInstantiate);
  row('  page: init(url) streaming, fetch included', c.pageStreaming);
  row('  worker: new Worker(worker.js) → engine ready', c.workerReady);
  row('  worker: init(url) inside a worker (2nd in process)', c.workerInit);
  row('  page load → engine ready (data-ready)', c.pageReady);
  lines.push('1. wasm instantiation, warm (repeated in one page)');
  row('  page: compile + instantiate', w.compileAndInstantiate);
  row('  page: init(url) streaming', w.pageStreaming);
  row('  worker: init(url)', w.workerInit);
  row('  worker: new Worker(worker.js) → engine ready', w.workerReady);
  lines.push('2. extraction, 40 KB report');
  row('  worker: extract_page (what worker.js calls)', r.extract.worker.extract_page);
  row('  worker: extract (report only)', r.extract.worker.extract);
  row('  worker: encode + extract_page + answer', r.extract.worker.job);
  row('  page main thread: extract_page', r.extract.page.extract_page);
  row('  round trip page → worker.js → page', r.extract.roundTrip.total);
  row('    of which in the worker', r.extract.roundTrip.inWorker);
  row('    of which reading the cloned report', r.extract.roundTrip.clone);
  lines.push('3. paste 40 KB → on screen');
  row('  painted (summary + tables)', r.paste.painted);
  row('  in the DOM', r.paste.dom);
  row('    worker extraction', r.paste.worker);
  row('    paste → result message arrives', r.paste.toArrival);
  row('    reading the message (clone)', r.paste.clone);
  row('    building the report view', r.paste.render);
  row('    style, layout, paint', r.paste.paint);
  one('  first paste after load: painted', r.paste.first.painted, `worker ${fmt(r.paste.first.worker)} ms`);
  const b = r.batch;
  lines.push(`4. ${b.files} dropped files (${b.workers} workers; ${b.runs} runs, a fresh browser each)`);
  row('  drop → batch table complete', b.complete, `${b.done} done, ${b.errors} errors`);
  row('  drop → cross-year checks shown', b.cross);
  row('  frame gap (all runs)', b.frameGap, `p95 ${fmt(b.frameGap.p95)}`);
  row('  long tasks: longest per run', b.longTasks.longest, `blocking time per run: median ${fmt(b.longTasks.blocking.median)} ms`);
  row('  per file: extraction in a worker (mean per run)', b.perFile.workerMs);
  row('  per file: reading its message (mean per run)', b.perFile.cloneMs, `max ${fmt(b.perFile.cloneMaxMs)}`);
  const ty = b.typing;
  lines.push(`4. the same, typing in a text box meanwhile`);
  one('  drop → batch table complete', ty.complete);
  row('  frame gap', ty.frameGap, `p95 ${fmt(ty.frameGap.p95)}`);
  row('  key delay (timeStamp → handler)', ty.keyDelay, `p95 ${fmt(ty.keyDelay.p95)}`);
  row('  key round trip from the driver', ty.keyRoundTrip);
  row('  key event duration ≥ 16 ms (Event Timing)', ty.keyEventDuration);
  one('  long tasks: longest', ty.longTasks.max, `${ty.longTasks.n} long tasks, blocking ${fmt(ty.longTasks.blocking)} ms`);
  lines.push('5. native CLI');
  if (r.native.skipped) lines.push(`  skipped: ${r.native.skipped}`);
  else {
    row('  per 40 KB report (-j 1, JSON written)', r.native.perReport);
    row(`  ${b.files} files, ogi extract --csv DIR (process)`, r.native.batch);
  }
  lines.push('');
  lines.push('targets');
  for (const x of r.verdict) lines.push(`  ${x.met ? 'MET    ' : 'MISSED '} ${x.what}: ${fmt(x.value)} (target ${x.target})${x.detail ? ` — ${x.detail}` : ''}`);
  return lines.join('\n');
}

// ------------------------------------------------------------ command line

function parseArgs(argv) {
  const o = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`${a} needs a positive integer`);
      return v;
    };
    if (a === '--quick') o.quick = true;
    else if (a === '--out') o.out = path.resolve(argv[++i]);
    else if (a === '--launches') o.launches = num();
    else if (a === '--repeats') o.repeats = num();
    else if (a === '--runs') o.runs = num();
    else if (a === '--pastes') o.pastes = num();
    else if (a === '--files') o.files = num();
    else if (a === '--batch-runs') o.batchRuns = num();
    else if (a === '-h' || a === '--help') o.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  return o;
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  let o;
  try {
    o = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`bench-web: ${e.message}`);
    process.exit(2);
  }
  if (o.help) {
    const src = fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
    console.log(src.slice(1, src.findIndex((l) => l.startsWith('import'))).map((l) => l.replace(/^\/\/ ?/, '')).join('\n'));
    process.exit(0);
  }
  runBench(o).then(
    (r) => {
      console.log(printTable(r));
      console.log(`\nJSON: ${path.relative(process.cwd(), r.outFile)}`);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
