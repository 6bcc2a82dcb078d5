// Many reports: one row per file, filled as the workers finish; sortable,
// filterable; each row opens its report. Cross-year checks below.

import { h, clear, num } from './util.js';
import { t, eraText } from './i18n.js';
import { ReportView } from './report-view.js';

const COLUMNS = [
  { key: 'index', label: '#', num: true },
  { key: 'file', label: 'colFile' },
  { key: 'agency', label: 'colAgency', field: 'meta.agency' },
  { key: 'year', label: 'colYear', field: 'meta.year', num: true },
  { key: 'era', label: 'colEra', field: 'meta.era' },
  { key: 'summary.active.items', label: 'colActive', field: 'summary.active.items', num: true },
  { key: 'summary.applications.received', label: 'colReceived', field: 'summary.applications.received', num: true },
  { key: 'summary.applications.replied', label: 'colReplied', field: 'summary.applications.replied', num: true },
  { key: 'summary.review.cases', label: 'colReviews', field: 'summary.review.cases', num: true },
  { key: 'summary.litigation.cases', label: 'colLawsuits', field: 'summary.litigation.cases', num: true },
  { key: 'failing', label: 'colFailing', num: true },
];

function summaryValue(entry, id) {
  return entry.summary ? entry.summary.values[id] : undefined;
}

function sortValue(entry, key) {
  if (key === 'index') return entry.index;
  if (key === 'file') return entry.name;
  if (!entry.summary) return undefined;
  const m = entry.summary.meta;
  if (key === 'agency') return m.agency || undefined;
  if (key === 'year') return m.year ?? undefined;
  if (key === 'era') return m.era || undefined;
  if (key === 'failing') return entry.failing;
  return summaryValue(entry, key);
}

export class BatchView {
  constructor(host) {
    this.host = host;
    this.entries = [];
    this.rows = new Map();
    this.sortKey = 'index';
    this.sortDir = 1;
    this.query = '';
    this.which = 'all';
    this.cross = null;
    this.el = h('section', { class: 'ogi-batch ogi-card', hidden: true });
    this.frame = 0;
  }

  get lang() {
    return this.host.lang === 'en' ? 'en' : 'zh';
  }
  tr(k, v) {
    return t(this.lang, k, v);
  }

  /** (Re)builds the whole section, e.g. after a language switch. */
  build() {
    const el = clear(this.el);
    this.rows.clear();
    el.hidden = this.entries.length === 0;
    const head = h('div', { class: 'ogi-batch-head' });
    head.append(h('h2', { class: 'ogi-h2', text: this.tr('batch') }));
    this.progress = h('progress', { class: 'ogi-progress', max: '1', value: '0' });
    this.progressText = h('span', { class: 'ogi-progress-text', role: 'status' });
    head.append(h('div', { class: 'ogi-progress-box' }, this.progress, this.progressText));
    const tools = h('div', { class: 'ogi-batch-tools' });
    this.filterInput = h('input', { type: 'search', class: 'ogi-filter', placeholder: this.tr('filterPlaceholder'), 'aria-label': this.tr('filter'), value: this.query });
    this.filterInput.addEventListener('input', () => {
      this.query = this.filterInput.value.trim().toLowerCase();
      this.applyFilter();
    });
    this.whichSelect = h('select', { class: 'ogi-select', 'aria-label': this.tr('filter') },
      h('option', { value: 'all', text: this.tr('filterAll') }),
      h('option', { value: 'failing', text: this.tr('filterFailing') }),
      h('option', { value: 'errors', text: this.tr('filterErrors') }));
    this.whichSelect.value = this.which;
    this.whichSelect.addEventListener('change', () => {
      this.which = this.whichSelect.value;
      this.applyFilter();
    });
    tools.append(this.filterInput, this.whichSelect,
      h('button', { type: 'button', class: 'ogi-btn', 'data-batch': 'csv', text: this.tr('exportAllCsv') }),
      h('button', { type: 'button', class: 'ogi-btn', 'data-batch': 'jsonl', text: this.tr('exportAllJsonl') }),
      h('button', { type: 'button', class: 'ogi-btn ogi-quiet', 'data-batch': 'clear', text: this.tr('clearBatch') }));
    tools.addEventListener('click', (ev) => {
      const b = ev.target.closest('[data-batch]');
      if (b) this.host.batchAction(b.getAttribute('data-batch'));
    });
    head.append(tools);
    el.append(head);

    const table = h('table', { class: 'ogi-batch-table' });
    table.append(h('colgroup', null, COLUMNS.map((c) => h('col', { class: `ogi-col-${c.key.replace(/\W/g, '-')}` })), h('col', { class: 'ogi-col-status' })));
    const tr = h('tr');
    for (const c of COLUMNS) {
      const th = h('th', { scope: 'col', class: c.num ? 'ogi-num' : '', 'aria-sort': this.sortKey === c.key ? (this.sortDir > 0 ? 'ascending' : 'descending') : null });
      th.append(h('button', { type: 'button', class: 'ogi-sort', 'data-sort': c.key, text: c.label === '#' ? '#' : this.tr(c.label) }));
      tr.append(th);
    }
    tr.lastChild.after(h('th', { scope: 'col', text: this.tr('colStatus') }));
    table.append(h('thead', null, tr));
    table.querySelector('thead').addEventListener('click', (ev) => {
      const b = ev.target.closest('[data-sort]');
      if (!b) return;
      const k = b.getAttribute('data-sort');
      if (this.sortKey === k) this.sortDir = -this.sortDir;
      else {
        this.sortKey = k;
        this.sortDir = 1;
      }
      for (const th of table.querySelectorAll('thead th')) th.removeAttribute('aria-sort');
      b.parentNode.setAttribute('aria-sort', this.sortDir > 0 ? 'ascending' : 'descending');
      this.applySort();
    });
    this.tbody = h('tbody');
    this.tbody.addEventListener('click', (ev) => {
      const tr = ev.target.closest('tr[data-index]');
      if (!tr) return;
      const e = this.entries[Number(tr.getAttribute('data-index'))];
      if (e && (e.status === 'done' || e.status === 'error')) this.host.openEntry(e);
    });
    table.append(this.tbody);
    el.append(h('div', { class: 'ogi-table-wrap ogi-batch-wrap' }, table));
    for (const e of this.entries) this.row(e);
    this.crossEl = h('div', { class: 'ogi-cross' });
    el.append(this.crossEl);
    this.applySort();
    this.refreshProgress();
    this.renderCross();
  }

  setEntries(entries) {
    this.entries = entries;
    this.cross = null;
    this.build();
  }

  add(entry) {
    this.el.hidden = false;
    this.row(entry);
    this.schedule();
  }

  /**
   * Row updates are batched: one per frame for small batches, a few per
   * second for large ones (each update lays out the table again).
   */
  schedule() {
    if (this.frame) return;
    const run = () => {
      this.frame = 0;
      for (const e of this.entries) if (e.dirty) this.row(e);
      if (this.sortKey !== 'index') this.applySort();
      this.refreshProgress();
    };
    if (this.entries.length > 40) this.frame = setTimeout(() => requestAnimationFrame(run), 150);
    else this.frame = requestAnimationFrame(run);
  }

  row(e) {
    e.dirty = false;
    const old = this.rows.get(e);
    const tr = h('tr', { 'data-index': String(e.index), 'data-file': e.name, 'data-status': e.status, class: `ogi-st-${e.status}` });
    tr.append(h('td', { class: 'ogi-num', text: String(e.index + 1) }));
    const open = h('button', { type: 'button', class: 'ogi-link ogi-open', text: e.name, disabled: !(e.status === 'done' || e.status === 'error') });
    tr.append(h('td', { class: 'ogi-file-cell' }, open));
    if (e.status === 'error') {
      tr.append(h('td', { colspan: String(COLUMNS.length - 2), class: 'ogi-error-cell', text: this.tr('failedToRead') + e.error }));
    } else {
      for (const c of COLUMNS.slice(2)) {
        const td = h('td', { class: c.num ? 'ogi-num' : '' });
        if (e.summary) {
          const m = e.summary.meta;
          if (c.key === 'failing') {
            td.textContent = String(e.failing);
            td.setAttribute('data-failing', String(e.failing));
            if (e.failing) td.classList.add('ogi-bad');
          } else if (c.key === 'agency') td.append(h('span', { 'data-field': 'meta.agency', text: m.agency || '' }));
          else if (c.key === 'year') td.append(h('span', { 'data-field': 'meta.year', 'data-value': m.year ?? '', text: m.year ?? '' }));
          else if (c.key === 'era') td.append(h('span', { class: `ogi-era ogi-era-${m.era}`, 'data-field': 'meta.era', 'data-value': m.era || '', text: eraText(this.lang, m.era) }));
          else {
            const v = summaryValue(e, c.field);
            if (v !== undefined) td.append(h('span', { 'data-field': c.field, 'data-value': String(v), text: num(v, true) }));
          }
        }
        tr.append(td);
      }
    }
    const st = e.status === 'done' ? '✓' : e.status === 'error' ? '✗' : this.tr(e.status);
    tr.append(h('td', { class: 'ogi-status', text: st }));
    if (old) old.replaceWith(tr);
    else this.tbody.append(tr);
    this.rows.set(e, tr);
    this.filterRow(e, tr);
  }

  matches(e) {
    if (this.which === 'failing' && !(e.failing > 0)) return false;
    if (this.which === 'errors' && e.status !== 'error') return false;
    if (!this.query) return true;
    const m = e.summary ? e.summary.meta : {};
    const hay = `${e.name} ${m.agency || ''} ${m.year || ''} ${m.era || ''}`.toLowerCase();
    return this.query.split(/\s+/).every((q) => hay.includes(q));
  }

  filterRow(e, tr) {
    tr.hidden = !this.matches(e);
  }

  applyFilter() {
    for (const [e, tr] of this.rows) this.filterRow(e, tr);
  }

  applySort() {
    const k = this.sortKey, d = this.sortDir;
    const list = [...this.entries].sort((a, b) => {
      const x = sortValue(a, k), y = sortValue(b, k);
      if (x === undefined && y === undefined) return a.index - b.index;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      return c * d || a.index - b.index;
    });
    for (const e of list) {
      const tr = this.rows.get(e);
      if (tr) this.tbody.append(tr);
    }
  }

  refreshProgress() {
    if (!this.progress) return;
    const total = this.entries.length;
    const done = this.entries.filter((e) => e.status === 'done' || e.status === 'error').length;
    const errors = this.entries.filter((e) => e.status === 'error').length;
    this.progress.max = Math.max(1, total);
    this.progress.value = done;
    let s = this.tr('batchProgress', { done, total });
    if (errors) s += ' · ' + this.tr('batchErrors', { n: errors });
    if (total && done === total) s += ' · ' + this.tr('batchDone');
    this.progressText.textContent = s;
    this.el.dataset.done = String(done);
    this.el.dataset.total = String(total);
    this.el.toggleAttribute('data-complete', total > 0 && done === total);
  }

  setCross(checks) {
    this.cross = checks;
    this.renderCross();
  }

  renderCross() {
    if (!this.crossEl) return;
    const el = clear(this.crossEl);
    if (this.cross === null) return;
    el.append(h('h3', { class: 'ogi-h', text: this.tr('crossYear') }));
    if (!this.cross.length) {
      el.append(h('p', { class: 'ogi-muted', text: this.tr('crossNone') }));
      return;
    }
    const rv = new ReportView(this.host, { report: { fields: [], derived: [], checks: [], meta: {}, warnings: [], text: '' } });
    const order = { fail: 0, warn: 1, pass: 2, skipped: 3 };
    const groups = new Map();
    for (const x of this.cross) {
      const key = `${x.agency} ${x.years[0]}→${x.years[1]}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(x);
    }
    for (const [key, list] of groups) {
      list.sort((a, b) => (order[a.check.status] ?? 9) - (order[b.check.status] ?? 9));
      const bad = list.filter((x) => x.check.status === 'fail' || x.check.status === 'warn');
      const ok = list.filter((x) => !(x.check.status === 'fail' || x.check.status === 'warn'));
      const box = h('div', { class: 'ogi-cross-group', 'data-agency': list[0].agency });
      box.append(h('h4', { text: key }));
      const ul = h('ul', { class: 'ogi-check-list' });
      for (const x of bad) ul.append(rv.checkItem(x.check, x.years));
      box.append(ul);
      if (ok.length) {
        const d = h('details', null, h('summary', { text: `${this.tr('st_pass')} · ${ok.length}` }));
        const ul2 = h('ul', { class: 'ogi-check-list' });
        for (const x of ok) ul2.append(rv.checkItem(x.check, x.years));
        d.append(ul2);
        box.append(d);
      }
      el.append(box);
    }
  }
}

