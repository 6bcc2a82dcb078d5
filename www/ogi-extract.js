// <ogi-extract>: the whole extractor as one custom element (light DOM, CSS
// namespaced under `ogi-extract`). Include this module with one script tag
// and put <ogi-extract></ogi-extract> in the page; it loads its stylesheet,
// its workers and the WebAssembly core from its own folder and makes no
// other request.
//
// Attributes: lang="zh|en" (interface language), drop="page|element" (where
// files can be dropped; default page), samples="off" (hide the bundled samples).

import { h, clear, download, copyText, baseName, comparePaths } from './util.js';
import { t } from './i18n.js';
import { LatestJob, Pool } from './pool.js';
import { ReportView, makeLabeler, failingCount } from './report-view.js';
import { BatchView } from './batch-view.js';

const BASE = new URL('.', import.meta.url);
const SAMPLES = [
  { file: 'e14-2017-shili-county.txt', zh: '2017 年 · 示例县（2014–2018 统计表）', en: '2017 · county (2014–2018 table)' },
  { file: 'e19-2019-yanshi-district.html', zh: '2019 年 · 演示区（网页，表二/三/四）', en: '2019 · district (web page, tables II–IV)' },
  { file: 'e21-2022-yangben-city.md', zh: '2022 年 · 样本市（Markdown）', en: '2022 · city (markdown)' },
  { file: 'e21-2023-yangben-city.txt', zh: '2023 年 · 样本市（文本）', en: '2023 · city (text)' },
];

let instances = 0;
/** Pastes longer than this (characters) stay out of the textarea. */
const BIG = 400000;

function ensureStylesheet() {
  const href = new URL('style.css', BASE).href;
  for (const l of document.querySelectorAll('link[rel="stylesheet"]')) if (l.href === href) return;
  document.head.append(h('link', { rel: 'stylesheet', href }));
}

/** Files of a drop, walking dropped folders (hidden entries skipped, sorted by path like the CLI). */
async function droppedFiles(dt) {
  const entries = [];
  for (const it of dt.items ? [...dt.items] : []) {
    if (it.kind !== 'file') continue;
    const en = it.webkitGetAsEntry ? it.webkitGetAsEntry() : null;
    entries.push({ en, file: en ? null : it.getAsFile() });
  }
  if (!entries.some((x) => x.en && x.en.isDirectory)) {
    return [...(dt.files || [])].map((f) => ({ file: f, path: f.name }));
  }
  const out = [];
  const read = (reader) => new Promise((res, rej) => reader.readEntries(res, rej));
  const walk = async (en, prefix) => {
    if (en.name.startsWith('.')) return;
    if (en.isFile) {
      const f = await new Promise((res, rej) => en.file(res, rej));
      out.push({ file: f, path: prefix + en.name });
    } else if (en.isDirectory) {
      const r = en.createReader();
      const kids = [];
      for (let b = await read(r); b.length; b = await read(r)) kids.push(...b);
      for (const k of kids) await walk(k, prefix + en.name + '/');
    }
  };
  for (const x of entries) {
    if (x.en) await walk(x.en, '');
    else if (x.file) out.push({ file: x.file, path: x.file.name });
  }
  out.sort((a, b) => comparePaths(a.path, b.path));
  return out;
}

class OgiExtract extends HTMLElement {
  connectedCallback() {
    if (this.started) return;
    this.started = true;
    this.n = ++instances;
    ensureStylesheet();
    const saved = (() => {
      try {
        return localStorage.getItem('ogi-extract.lang');
      } catch {
        return null;
      }
    })();
    const want = this.getAttribute('lang') || saved || 'zh';
    this.lang = want === 'en' ? 'en' : 'zh-CN';
    this.batch = [];
    this.current = null;
    this.build();
    this.paste = new LatestJob((e) => this.fatal(e));
    const hc = navigator.hardwareConcurrency || 2;
    this.pool = new Pool(Math.min(4, Math.max(2, hc - 1)), (e) => this.fatal(e));
    this.metaReady = this.paste.meta().then((meta) => {
      this.meta = meta;
      this.labeler = makeLabeler(meta);
      this.setStatus(t(this.ui, 'ready') + ` · ogi-extract ${meta.version}`);
      this.dataset.ready = '';
      this.dispatchEvent(new CustomEvent('ogi-ready', { bubbles: true, detail: { version: meta.version } }));
      return meta;
    }, (e) => this.fatal(e.message || e));
    this.bindDrop();
  }

  get ui() {
    return this.lang === 'en' ? 'en' : 'zh';
  }

  id(base) {
    return this.n === 1 ? base : `${base}-${this.n}`;
  }

  build() {
    clear(this);
    this.classList.add('ogi-root');
    const tr = (k) => t(this.ui, k);
    const txt = (k, tag = 'span', attrs = {}) => h(tag, { ...attrs, 'data-i18n': k, text: tr(k) });
    this.langBtn = h('button', { type: 'button', class: 'ogi-btn ogi-lang', 'data-action': 'lang', 'aria-label': tr('langLabel'), text: tr('lang') });
    const header = h('header', { class: 'ogi-header' },
      h('div', null, txt('title', 'h1', { class: 'ogi-title-main' }), txt('tagline', 'p', { class: 'ogi-tagline' })),
      this.langBtn);
    this.input = h('textarea', { id: this.id('input'), class: 'ogi-input', spellcheck: 'false', autocomplete: 'off', placeholder: tr('placeholder'), 'data-i18n-placeholder': 'placeholder' });
    const label = h('label', { for: this.input.id, class: 'ogi-label', 'data-i18n': 'inputLabel', text: tr('inputLabel') });
    this.fileInput = h('input', { type: 'file', multiple: true, class: 'ogi-hidden', tabindex: '-1', 'aria-hidden': 'true' });
    this.dirInput = h('input', { type: 'file', multiple: true, webkitdirectory: true, class: 'ogi-hidden', tabindex: '-1', 'aria-hidden': 'true' });
    const samples = h('div', { class: 'ogi-samples', hidden: this.getAttribute('samples') === 'off' });
    samples.append(txt('samples', 'span', { class: 'ogi-muted' }));
    for (const s of SAMPLES) samples.append(h('button', { type: 'button', class: 'ogi-btn ogi-sample', 'data-sample': s.file, 'data-zh': s.zh, 'data-en': s.en, text: this.ui === 'en' ? s.en : s.zh }));
    samples.append(h('button', { type: 'button', class: 'ogi-btn ogi-sample', 'data-action': 'samples-batch', 'data-i18n': 'sampleAll', text: tr('sampleAll') }));
    this.status = h('p', { class: 'ogi-status', role: 'status', 'aria-live': 'polite', text: tr('loading') });
    this.bigNote = h('div', { class: 'ogi-big-note', hidden: true },
      h('span', { class: 'ogi-big-text' }),
      h('button', { type: 'button', class: 'ogi-btn', 'data-action': 'clear-big', 'data-i18n': 'clearBig', text: tr('clearBig') }));
    const actions = h('div', { class: 'ogi-input-actions' },
      h('button', { type: 'button', class: 'ogi-btn ogi-primary', 'data-action': 'pick', 'data-i18n': 'pick', text: tr('pick') }),
      h('button', { type: 'button', class: 'ogi-btn', 'data-action': 'pick-folder', 'data-i18n': 'pickFolder', text: tr('pickFolder') }),
      this.fileInput, this.dirInput,
      txt('dropHint', 'span', { class: 'ogi-muted ogi-small' }));
    const inputSec = h('section', { class: 'ogi-input-box' }, label, this.input, this.bigNote, actions, samples, this.status);
    this.batchView = new BatchView(this);
    this.reportBox = h('div', { class: 'ogi-report-box' });
    this.results = h('div', { id: this.id('results'), class: 'ogi-results' }, this.batchView.el, this.reportBox);
    this.placeholder();
    this.overlay = h('div', { class: 'ogi-drop', hidden: true }, txt('dropHere', 'div', { class: 'ogi-drop-msg' }));
    this.tip = h('div', { class: 'ogi-tip', role: 'tooltip', hidden: true });
    this.append(header, inputSec, this.results, this.overlay, this.tip);

    this.addEventListener('click', (ev) => this.onClick(ev));
    this.input.addEventListener('input', (ev) => this.onInput(ev));
    this.input.addEventListener('paste', (ev) => this.onPaste(ev));
    this.fileInput.addEventListener('change', () => {
      this.addFiles([...this.fileInput.files].map((f) => ({ file: f, path: f.name })));
      this.fileInput.value = '';
    });
    this.dirInput.addEventListener('change', () => {
      const list = [...this.dirInput.files]
        .map((f) => ({ file: f, path: f.webkitRelativePath || f.name }))
        .filter((x) => !x.path.split('/').some((p) => p.startsWith('.')))
        .sort((a, b) => comparePaths(a.path, b.path));
      this.addFiles(list);
      this.dirInput.value = '';
    });
    window.addEventListener('scroll', () => this.tooltip(null), { passive: true });
  }

  placeholder() {
    clear(this.reportBox).append(h('p', { class: 'ogi-empty-state', 'data-i18n': 'empty', text: t(this.ui, 'empty') }));
    this.current = null;
  }

  setStatus(s) {
    this.status.textContent = s;
  }

  /** Messages from the views (selection, copy…). */
  say(s) {
    this.setStatus(s);
  }

  fatal(e) {
    this.setStatus(t(this.ui, 'engineFailed') + String(e));
    this.dataset.error = String(e);
  }

  // ------------------------------------------------------------ input

  onInput(ev) {
    clearTimeout(this.debounce);
    this.inputAt = performance.now();
    const immediate = ev.inputType === 'insertFromPaste' || ev.inputType === 'insertFromDrop' || ev.inputType === 'insertReplacementText';
    const len = this.input.textLength;
    const delay = immediate ? 0 : len < 200000 ? 120 : 400;
    this.debounce = setTimeout(() => this.runPaste(), delay);
  }

  /**
   * A very large paste (over BIG characters) does not go into the textarea:
   * laying out megabytes of text there would freeze the page for seconds.
   * The textarea shows the beginning, read-only, and extraction uses the
   * whole text.
   */
  onPaste(ev) {
    const dt = ev.clipboardData;
    if (!dt) return;
    const text = dt.getData('text/plain') || '';
    if (text.length <= BIG) return;
    ev.preventDefault();
    this.setBig(text);
    this.inputAt = performance.now();
    clearTimeout(this.debounce);
    this.runPaste();
  }

  setBig(text) {
    this.big = text;
    this.input.value = text.slice(0, 3000) + '\n……';
    this.input.readOnly = true;
    this.bigNote.hidden = false;
    this.bigNote.firstChild.textContent = t(this.ui, 'bigPasted', { n: text.length.toLocaleString('en-US'), mb: '…' });
  }

  clearBig() {
    this.big = null;
    this.input.readOnly = false;
    this.input.value = '';
    this.bigNote.hidden = true;
    this.runPaste();
    this.input.focus();
  }

  async runPaste(name) {
    const text = this.big ?? this.input.value;
    if (!text.trim()) {
      this.paste.seq++;
      if (!this.current || this.current.pasted) this.placeholder();
      return;
    }
    const t0 = this.inputAt || performance.now();
    this.setStatus(t(this.ui, 'extracting'));
    await this.metaReady;
    const m = await this.paste.run(text, name);
    if (!m) return; // superseded by a newer text
    // Receiving a big report is one task, drawing it another.
    if (text.length > BIG) await new Promise((r) => setTimeout(r, 0));
    if (m.ok && this.big && m.bytes) this.bigNote.firstChild.textContent = t(this.ui, 'bigPasted', { n: text.length.toLocaleString('en-US'), mb: (m.bytes / 1048576).toFixed(1) });
    const entry = { name: name || t(this.ui, 'pasted'), pasted: true, file: '-' };
    this.absorb(entry, m);
    this.show(entry);
    const ms = performance.now() - t0;
    this.results.dataset.latency = String(Math.round(ms));
    if (m.ok) this.setStatus(t(this.ui, 'extracted', { ms: m.ms < 10 ? m.ms.toFixed(1) : Math.round(m.ms) }));
    else this.setStatus(t(this.ui, 'failedToRead') + m.error);
  }

  absorb(entry, m) {
    if (m && m.ok) {
      Object.assign(entry, { status: 'done', report: m.report || null, json: m.json || null, cross: m.cross || null, csv_row: m.csv_row, astral: m.astral, ms: m.ms, error: null });
      if (m.report) {
        const vals = {};
        for (const f of m.report.derived) if (f.id.startsWith('summary.') && !(f.id in vals)) vals[f.id] = f.value;
        entry.summary = { meta: m.report.meta, values: vals, failing: failingCount(m.report) };
      } else entry.summary = m.summary;
      entry.failing = entry.summary.failing;
    } else {
      Object.assign(entry, { status: 'error', error: (m && m.error) || 'unknown error', report: null });
    }
  }

  /** A batch entry's report, parsed from its JSON when it is opened. */
  reportOf(e) {
    if (!e.report && e.json) {
      if (this.opened && this.opened !== e && this.opened.json) this.opened.report = null;
      e.report = JSON.parse(e.json);
      this.opened = e;
    }
    return e.report;
  }

  // ------------------------------------------------------------ files

  bindDrop() {
    const target = this.getAttribute('drop') === 'element' ? this : window;
    let depth = 0;
    const hasFiles = (ev) => ev.dataTransfer && [...(ev.dataTransfer.types || [])].includes('Files');
    target.addEventListener('dragenter', (ev) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      depth++;
      this.overlay.hidden = false;
    });
    target.addEventListener('dragover', (ev) => {
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      ev.dataTransfer.dropEffect = 'copy';
    });
    target.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (!depth) this.overlay.hidden = true;
    });
    target.addEventListener('drop', async (ev) => {
      depth = 0;
      this.overlay.hidden = true;
      if (!hasFiles(ev)) return;
      ev.preventDefault();
      const files = await droppedFiles(ev.dataTransfer);
      this.addFiles(files);
    });
  }

  /** Adds files to the batch; each is extracted in the worker pool. */
  async addFiles(list) {
    if (!list.length) return;
    await this.metaReady;
    const start = this.batch.length;
    const added = list.map((x, i) => ({ index: start + i, name: x.path, file: x.file, status: 'queued', failing: 0 }));
    this.batch.push(...added);
    if (start === 0) this.batchView.setEntries(this.batch);
    else for (const e of added) this.batchView.add(e);
    this.batchView.schedule();
    const openFirst = start === 0 && added.length === 1;
    this.pending = (this.pending || 0) + added.length;
    const gen = (this.gen = this.gen || 1);
    await Promise.all(added.map(async (e) => {
      e.status = 'working';
      const m = await this.pool.extract(e.file, e.name);
      if (gen !== this.gen || !m) return;
      this.absorb(e, m);
      e.file = null;
      e.dirty = true;
      this.batchView.schedule();
      this.pending--;
      if (openFirst) this.openEntry(e, { scroll: false });
    }));
    if (gen === this.gen && this.pending === 0) this.runCross();
  }

  async runCross() {
    const done = this.batch.filter((e) => e.cross);
    if (done.length < 2) {
      this.batchView.setCross([]);
      return;
    }
    const m = await this.pool.cross(done.map((e) => e.cross));
    const checks = (m.checks || []).map((x) => ({ ...x, entries: x.reports.map((i) => done[i]) }));
    this.batchView.setCross(checks);
  }

  openEntry(e, opts = {}) {
    this.reportOf(e);
    this.show(e, { back: this.batch.length > 1 });
    if (opts.scroll !== false) this.reportBox.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  show(entry, opts = {}) {
    if (this.view) this.view.destroy();
    this.view = null;
    this.current = entry;
    this.tooltip(null);
    const box = clear(this.reportBox);
    if (!entry.report) {
      box.append(h('div', { class: 'ogi-card ogi-error', role: 'alert' }, h('strong', { text: entry.name }), h('p', { text: t(this.ui, 'failedToRead') + entry.error })));
      return;
    }
    const view = new ReportView(this, entry, opts);
    box.append(view.render());
    view.mounted();
    this.view = view;
    this.viewOpts = opts;
  }

  // ------------------------------------------------------------ actions

  onClick(ev) {
    const s = ev.target.closest('[data-sample]');
    if (s) {
      this.loadSample(s.getAttribute('data-sample'));
      return;
    }
    const a = ev.target.closest('[data-action]');
    if (!a || (this.view && this.view.root.contains(a)) || a.closest('.ogi-batch')) return;
    const act = a.getAttribute('data-action');
    if (act === 'pick') this.fileInput.click();
    else if (act === 'pick-folder') this.dirInput.click();
    else if (act === 'lang') this.switchLang();
    else if (act === 'samples-batch') this.samplesBatch();
    else if (act === 'clear-big') this.clearBig();
  }

  async loadSample(file) {
    const res = await fetch(new URL('samples/' + file, BASE));
    const text = await res.text();
    if (this.big) {
      this.big = null;
      this.input.readOnly = false;
      this.bigNote.hidden = true;
    }
    this.input.value = text;
    this.inputAt = performance.now();
    this.runPaste(file);
  }

  async samplesBatch() {
    const files = await Promise.all(SAMPLES.map(async (s) => {
      const b = await (await fetch(new URL('samples/' + s.file, BASE))).blob();
      return { file: new File([b], s.file), path: s.file };
    }));
    this.addFiles(files);
  }

  /** Actions of a report view's toolbar. */
  async action(act, entry) {
    const r = entry.report;
    const base = baseName(entry.pasted ? (r.meta.agency ? `${r.meta.agency}${r.meta.year || ''}` : 'report') : entry.name);
    if (act === 'export-json') download(`${base}.json`, [JSON.stringify(r, null, 2), '\n'], 'application/json');
    else if (act === 'export-csv') download(`${base}.csv`, [this.meta.csvHeader, entry.csv_row], 'text/csv;charset=utf-8');
    else if (act === 'copy-json') this.say(t(this.ui, (await copyText(JSON.stringify(r, null, 2))) ? 'copied' : 'copyFailed'));
    else if (act === 'print') window.print();
    else if (act === 'back') this.batchView.el.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }

  batchAction(act) {
    const ok = this.batch.filter((e) => e.status === 'done');
    if (act === 'csv') {
      download('ogi-reports.csv', [this.meta.csvHeader, ...ok.map((e) => e.csv_row)], 'text/csv;charset=utf-8');
    } else if (act === 'jsonl') {
      const lines = this.batch.filter((e) => e.status === 'done' || e.status === 'error').map((e) => (e.status === 'done' ? e.json || JSON.stringify(e.report) : JSON.stringify({ file: e.name, error: e.error })) + '\n');
      download('ogi-reports.jsonl', lines, 'application/x-ndjson');
    } else if (act === 'clear') {
      this.gen = (this.gen || 1) + 1;
      this.pending = 0;
      this.pool.cancel();
      this.batch = [];
      this.batchView.setEntries(this.batch);
      if (this.current && !this.current.pasted) this.placeholder();
    }
  }

  switchLang() {
    this.lang = this.ui === 'en' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem('ogi-extract.lang', this.ui);
    } catch {
      /* private mode */
    }
    const tr = (k) => t(this.ui, k);
    for (const el of this.querySelectorAll('[data-i18n]')) el.textContent = tr(el.getAttribute('data-i18n'));
    for (const el of this.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = tr(el.getAttribute('data-i18n-placeholder'));
    for (const el of this.querySelectorAll('[data-sample][data-zh]')) el.textContent = el.getAttribute(this.ui === 'en' ? 'data-en' : 'data-zh');
    this.langBtn.textContent = tr('lang');
    this.langBtn.setAttribute('aria-label', tr('langLabel'));
    this.batchView.build();
    if (this.current) this.show(this.current, this.viewOpts || {});
    this.dispatchEvent(new CustomEvent('ogi-lang', { bubbles: true, detail: { lang: this.ui } }));
  }

  /** The floating explanation over the evidence pane. */
  tooltip(content, anchor) {
    const tip = this.tip;
    if (!content) {
      tip.hidden = true;
      return;
    }
    clear(tip).append(content);
    tip.hidden = false;
    const r = anchor.getBoundingClientRect();
    const w = Math.min(360, innerWidth - 16);
    tip.style.maxWidth = `${w}px`;
    const tr = tip.getBoundingClientRect();
    let left = Math.min(Math.max(8, r.left), innerWidth - tr.width - 8);
    let top = r.bottom + 6;
    if (top + tr.height > innerHeight - 8) top = Math.max(8, r.top - tr.height - 6);
    tip.style.left = `${left}px`;
    tip.style.top = `${top}px`;
  }
}

if (!customElements.get('ogi-extract')) customElements.define('ogi-extract', OgiExtract);

export { OgiExtract };
