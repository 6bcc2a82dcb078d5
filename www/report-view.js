// One report on screen: summary card, checks, the official tables redrawn,
// other stated figures, and the evidence pane (the normalised text, with
// every value's span highlighted). Report strings only ever reach the DOM as
// text nodes.

import { h, clear, num, cpToU16, slice } from './util.js';
import { t, unitText, eraText, nameOf, partEn } from './i18n.js';

/** Labels for field ids, in either language, from the registry and the layouts. */
export function makeLabeler(meta) {
  const reg = new Map(meta.registry.map((f) => [f.id, f]));
  const zh2en = new Map();
  for (const tb of meta.layouts.tables) {
    for (const row of [...tb.head, ...tb.body]) {
      for (const c of row.cells) if (c.t === 'label') zh2en.set(c.zh, c.en);
    }
  }
  const cols = new Map(meta.layouts.t3_cols);
  const cache = { zh: new Map(), en: new Map() };
  function parts(id) {
    const f = reg.get(id);
    if (!f) return [id];
    const p = f.label.split(' / ');
    if (id.startsWith('applications.')) {
      const col = id.slice(id.lastIndexOf('.') + 1);
      return [p[p.length - 1], cols.get(col) || (col === 'legal_person_subtotal' ? '法人或其他组织' : col)];
    }
    if (f.table.startsWith('gk.table') && p.length >= 2) return p.slice(-2);
    return [p[p.length - 1]];
  }
  // A part no table prints whole may still be `row / column` written
  // without spaces (行政诉讼（…）/ 结果维持): translate its pieces.
  function english(zh) {
    const whole = zh2en.get(zh) || partEn(zh);
    if (whole) return whole;
    const pieces = zh.split(/\s*\/\s*/);
    return pieces.length > 1 ? pieces.map(english).join(' · ') : zh;
  }
  function label(id, lang) {
    const c = cache[lang === 'en' ? 'en' : 'zh'];
    if (c.has(id)) return c.get(id);
    const named = nameOf(lang, id);
    let s;
    if (named) s = named;
    else {
      const p = parts(id);
      s = (lang === 'en' ? p.map(english) : p).join(' · ');
    }
    c.set(id, s);
    return s;
  }
  return { label, reg, zh2en };
}

export function indexReport(report) {
  const stated = new Map();
  for (const f of report.fields) if (!stated.has(f.id)) stated.set(f.id, f);
  const derived = new Map();
  for (const f of report.derived) if (!derived.has(f.id)) derived.set(f.id, f);
  return {
    stated,
    derived,
    get: (id) => stated.get(id) || derived.get(id),
  };
}

/** Field ids a check involves (`x#table`, `x@2022` → `x`). */
export function checkIds(c) {
  return [...new Set((c.values || []).map(([id]) => id.replace(/[#@].*$/, '')))];
}

const STATUS_ORDER = { fail: 0, warn: 1, pass: 2, skipped: 3 };

export function failingCount(report) {
  return report.checks.filter((c) => c.status === 'fail').length;
}

/** The tables of the layouts that a report of `era` prints. */
export function tablesFor(meta, era, idx) {
  const e = era || 'E14';
  return meta.layouts.tables.filter((tb) => {
    if (!tb.eras.includes(e)) return false;
    if (tb.only_if_any.includes(e)) return tb.ids.some((id) => idx.get(id));
    return true;
  });
}

export class ReportView {
  /**
   * @param host  the <ogi-extract> element: lang, meta, labeler, say()
   * @param entry {name, report, csv_row, astral, ms}
   */
  constructor(host, entry, opts = {}) {
    this.host = host;
    this.entry = entry;
    this.opts = opts;
    this.report = entry.report;
    this.idx = indexReport(this.report);
    this.lang = host.lang === 'en' ? 'en' : 'zh';
    this.showPassing = false;
    this.dead = false;
  }

  tr(key, vars) {
    return t(this.lang, key, vars);
  }
  label(id) {
    return this.host.labeler.label(id, this.lang);
  }

  destroy() {
    this.dead = true;
    if (this.evidence) this.evidence.dead = true;
  }

  render() {
    const r = this.report;
    const root = h('article', { class: 'ogi-report', 'data-era': r.meta.era || '' });
    this.root = root;
    root.append(this.toolbar());
    const main = h('div', { class: 'ogi-report-main' });
    const side = h('aside', { class: 'ogi-evidence', 'aria-label': this.tr('evidence') });
    main.append(this.summary(), this.checks(), this.tables(), this.others());
    if (r.warnings.length) {
      main.append(h('section', { class: 'ogi-card ogi-warnings' }, h('h3', { text: this.tr('warnings') }), h('ul', null, r.warnings.map((w) => h('li', { text: w })))));
    }
    this.evidence = new Evidence(this, side);
    root.append(h('div', { class: 'ogi-report-grid' }, main, side));
    root.addEventListener('click', (ev) => this.onClick(ev));
    root.addEventListener('keydown', (ev) => {
      if ((ev.key === 'Enter' || ev.key === ' ') && ev.target.matches && ev.target.matches('[data-field][tabindex]')) {
        ev.preventDefault();
        this.select(ev.target.getAttribute('data-field'), ev.target);
      }
    });
    this.markFailingCells();
    this.bindCheckHover();
    return root;
  }

  /** Called once the view is in the document (the evidence lays out progressively). */
  mounted() {
    this.evidence.start();
  }

  toolbar() {
    const e = this.entry;
    const bar = h('div', { class: 'ogi-report-bar' });
    const name = h('div', { class: 'ogi-report-name' }, h('span', { class: 'ogi-file', text: e.name }));
    if (typeof e.ms === 'number') name.append(h('span', { class: 'ogi-muted', text: ' · ' + this.tr('extracted', { ms: e.ms < 10 ? e.ms.toFixed(1) : Math.round(e.ms) }) }));
    const act = h('div', { class: 'ogi-actions' });
    if (this.opts.back) act.append(h('button', { type: 'button', class: 'ogi-btn', 'data-action': 'back', text: '← ' + this.tr('backToBatch') }));
    act.append(
      h('button', { type: 'button', class: 'ogi-btn', 'data-action': 'export-json', text: this.tr('exportJson') }),
      h('button', { type: 'button', class: 'ogi-btn', 'data-action': 'export-csv', text: this.tr('exportCsv') }),
      h('button', { type: 'button', class: 'ogi-btn', 'data-action': 'copy-json', text: this.tr('copy') }),
      h('button', { type: 'button', class: 'ogi-btn', 'data-action': 'print', text: this.tr('print') }),
    );
    bar.append(name, act);
    return bar;
  }

  // ------------------------------------------------------------ values

  /** A value element: text is the value, data-field its id, data-value the number. */
  value(id, opts = {}) {
    const f = this.idx.get(id);
    const tag = opts.tag || 'span';
    if (!f) {
      const el = h(tag, { class: 'ogi-v ogi-missing', 'data-field': id, 'data-missing': '', title: this.label(id) + ' · ' + this.tr('notStated') });
      el.textContent = opts.blank ? '' : '—';
      return el;
    }
    const derived = f.source === 'derived';
    const cls = ['ogi-v', derived ? 'ogi-derived' : '', f.approx ? 'ogi-approx' : '', opts.cls || ''].filter(Boolean).join(' ');
    const el = h(tag, { class: cls, 'data-field': id, 'data-value': String(f.value), tabindex: '0' });
    el.textContent = (f.approx ? '≈' : '') + (f.unit === 'bool' ? (f.value ? '是' : '否') : num(f.value, opts.group));
    el.title = this.describe(f);
    return el;
  }

  describe(f) {
    const src = f.source === 'derived' ? this.tr('derived') : f.source === 'table' ? this.tr('fromTable') : this.tr('fromNarrative');
    const u = unitText(this.lang, f.unit);
    return `${this.label(f.id)} = ${num(f.value)}${u ? ' ' + u : ''} (${src}${f.approx ? ', ' + this.tr('approx') : ''})\n${f.id}`;
  }

  unit(id) {
    const f = this.idx.get(id) || { unit: this.host.labeler.reg.get(id)?.unit || '' };
    const u = unitText(this.lang, f.unit);
    return u ? h('span', { class: 'ogi-unit', text: u }) : null;
  }

  // ------------------------------------------------------------ summary

  summary() {
    const r = this.report;
    const m = r.meta;
    const era = m.era || '';
    const sec = h('section', { class: 'ogi-card ogi-summary', 'aria-label': this.tr('summary') });
    const head = h('header', { class: 'ogi-summary-head' });
    const agency = h('h2', { class: 'ogi-agency', 'data-field': 'meta.agency' });
    agency.textContent = m.agency || this.tr('noAgency');
    if (!m.agency) agency.classList.add('ogi-missing');
    const metaLine = h('div', { class: 'ogi-meta' });
    if (m.year != null) metaLine.append(h('span', { class: 'ogi-chip' }, h('span', { 'data-field': 'meta.year', 'data-value': String(m.year), text: String(m.year) }), this.lang === 'zh' ? ' 年度' : ''));
    if (era) {
      metaLine.append(h('span', {
        class: `ogi-era ogi-era-${era}`,
        'data-field': 'meta.era',
        'data-value': era,
        title: `${era} · ${m.era_basis === 'headers' ? this.tr('eraBasisHeaders') : this.tr('eraBasisYear')}`,
        text: eraText(this.lang, era),
      }));
    }
    if (m.period) {
      metaLine.append(h('span', { class: 'ogi-chip' }, this.tr('period') + ' ', h('span', { 'data-field': 'meta.period', text: `${m.period[0]} ${this.tr('to')} ${m.period[1]}` })));
    }
    if (m.published) metaLine.append(h('span', { class: 'ogi-chip' }, this.tr('published') + ' ', h('span', { 'data-field': 'meta.published', text: m.published })));
    head.append(agency, metaLine);
    if (m.title && m.title !== m.agency) head.append(h('p', { class: 'ogi-title', text: m.title }));
    sec.append(head);

    const modern = era === 'E19' || era === 'E21';
    const kpis = h('div', { class: 'ogi-kpis' });
    const kpi = (key, id, sub) => {
      const v = this.value(id, { group: true });
      kpis.append(h('div', { class: 'ogi-kpi' + (this.idx.get(id) ? '' : ' ogi-kpi-missing') }, h('div', { class: 'ogi-kpi-label', text: this.tr(key) }), h('div', { class: 'ogi-kpi-value' }, v, this.unit(id)), sub || null));
    };
    kpi('activeItems', 'summary.active.items');
    kpi('normativeDocs', 'summary.active.normative_docs');
    kpi('received', 'summary.applications.received');
    if (modern) kpi('carriedOver', 'applications.carried_over.total');
    kpi('replied', 'summary.applications.replied');
    if (modern) kpi('carriedForward', 'applications.carried_forward.total');
    kpi('fees', 'summary.fees.amount_yuan');
    if (!modern && (this.idx.get('summary.staff.full_time') || this.idx.get('summary.staff.part_time'))) {
      const v = h('span', null, this.value('summary.staff.full_time'), ' / ', this.value('summary.staff.part_time'));
      kpis.append(h('div', { class: 'ogi-kpi' }, h('div', { class: 'ogi-kpi-label', text: this.tr('staff') }), h('div', { class: 'ogi-kpi-value' }, v, this.unit('summary.staff.full_time'))));
    }
    if (this.idx.get('summary.training.trainees')) kpi('trainees', 'summary.training.trainees');
    sec.append(h('h3', { class: 'ogi-h', text: this.tr('keyFigures') }), kpis);
    sec.append(this.answers(era));
    sec.append(this.cases(era));
    return sec;
  }

  /** How requests were answered: a stacked bar of the outcome ids. */
  answers(era) {
    const modern = era === 'E19' || era === 'E21';
    let parts;
    if (modern) {
      const a = (s) => `applications.results.${s}.total`;
      parts = [
        [a('granted'), '予以公开', 'Disclosed'],
        [a('partial'), '部分公开', 'Partly disclosed'],
        [a('denied_total'), '不予公开', 'Not disclosed'],
        [a('unable_total'), '无法提供', 'Cannot be provided'],
        [a('not_processed_total'), '不予处理', 'Not processed'],
        [a('other_total'), '其他处理', 'Other handling'],
      ];
    } else if (this.idx.get('stat.apply.reply.agreed') || this.idx.get('stat.apply.replied_total')) {
      const a = (s) => `stat.apply.reply.${s}`;
      parts = [
        [a('already_public'), '已主动公开', 'Already public'],
        [a('agreed'), '同意公开', 'Granted'],
        [a('partial'), '同意部分公开', 'Partly granted'],
        [a('refused_total'), '不同意公开', 'Refused'],
        [a('not_this_agency'), '非本机关', 'Not this agency'],
        [a('not_exist'), '信息不存在', 'Does not exist'],
        [a('amend_notice'), '告知更改补充', 'Amend notice'],
        [a('other_channel'), '告知其他途径', 'Other channel'],
      ];
    } else {
      const a = (s) => `local.fj.apply.reply.${s}.year`;
      parts = [
        [a('agreed'), '同意公开', 'Granted'],
        [a('partial'), '同意部分公开', 'Partly granted'],
        [a('refused'), '不予公开', 'Refused'],
        [a('other_type'), '其他类型', 'Other'],
      ];
    }
    const present = parts.filter(([id]) => this.idx.get(id));
    const total = present.reduce((s, [id]) => s + Math.max(0, Number(this.idx.get(id).value) || 0), 0);
    const box = h('div', { class: 'ogi-answers' }, h('h3', { class: 'ogi-h', text: this.tr('howAnswered') }));
    if (!present.length) {
      box.append(h('p', { class: 'ogi-muted', text: this.tr('noAnswers') }));
      return box;
    }
    const bar = h('div', { class: 'ogi-bar', role: 'img' });
    const legend = h('ul', { class: 'ogi-legend' });
    const aria = [];
    parts.forEach(([id, zhName, enName], i) => {
      const f = this.idx.get(id);
      const name = this.lang === 'en' ? enName : zhName;
      const v = f ? Math.max(0, Number(f.value) || 0) : 0;
      if (f && v > 0 && total > 0) {
        const seg = h('span', { class: `ogi-seg ogi-seg-${i}`, 'data-field': id, 'data-value': String(f.value), title: `${name}: ${num(f.value)} (${((100 * v) / total).toFixed(1)}%)` });
        seg.style.flexGrow = String(v);
        bar.append(seg);
      }
      if (f) aria.push(`${name} ${num(f.value)}`);
      legend.append(h('li', { class: f ? '' : 'ogi-missing' }, h('span', { class: `ogi-swatch ogi-seg-${i}` }), name + ' ', this.value(id), total > 0 && f ? h('span', { class: 'ogi-muted', text: ` ${((100 * v) / total).toFixed(0)}%` }) : null));
    });
    bar.setAttribute('aria-label', aria.join(', '));
    box.append(bar, legend);
    return box;
  }

  cases(era) {
    const modern = era === 'E19' || era === 'E21';
    const box = h('div', { class: 'ogi-cases' });
    const names = this.lang === 'en'
      ? { upheld: 'upheld', corrected: 'corrected', other: 'other', pending: 'pending' }
      : { upheld: '维持', corrected: '纠正', other: '其他', pending: '尚未审结' };
    const one = (key, totalId, prefix, outs) => {
      const list = h('ul', { class: 'ogi-outcomes' });
      for (const o of outs) {
        const id = prefix + o;
        if (!this.idx.get(id)) continue;
        list.append(h('li', null, names[o] + ' ', this.value(id)));
      }
      box.append(h('div', { class: 'ogi-case' }, h('div', { class: 'ogi-case-head' }, h('span', { class: 'ogi-kpi-label', text: this.tr(key) }), ' ', this.value(totalId, { cls: 'ogi-big' }), this.unit(totalId)), list));
    };
    if (modern) {
      one('reviews', 'summary.review.cases', 'review.', ['upheld', 'corrected', 'other', 'pending']);
      one('lawsuits', 'summary.litigation.cases', 'litigation.all.', ['upheld', 'corrected', 'other', 'pending']);
    } else {
      one('reviews', 'summary.review.cases', 'stat.review.', ['upheld', 'corrected', 'other']);
      one('lawsuits', 'summary.litigation.cases', 'stat.litigation.', ['upheld', 'corrected', 'other']);
    }
    return box;
  }

  // ------------------------------------------------------------ checks

  checks() {
    const sec = h('section', { class: 'ogi-card ogi-checks', 'aria-label': this.tr('checks') });
    this.checksSec = sec;
    this.fillChecks();
    return sec;
  }

  fillChecks() {
    const sec = clear(this.checksSec);
    const list = this.report.checks.map((c, i) => ({ c, i })).sort((a, b) => (STATUS_ORDER[a.c.status] ?? 9) - (STATUS_ORDER[b.c.status] ?? 9) || a.i - b.i);
    const bad = list.filter(({ c }) => c.status === 'fail' || c.status === 'warn');
    const rest = list.filter(({ c }) => !(c.status === 'fail' || c.status === 'warn'));
    const nFail = list.filter(({ c }) => c.status === 'fail').length;
    const nWarn = list.filter(({ c }) => c.status === 'warn').length;
    const nPass = list.filter(({ c }) => c.status === 'pass').length;
    const head = h('h3', { class: 'ogi-h' }, this.tr('checks') + ' ');
    if (nFail) head.append(h('span', { class: 'ogi-badge ogi-fail', text: this.tr('checksFailing', { n: nFail }) }));
    if (nWarn) head.append(' ', h('span', { class: 'ogi-badge ogi-warn', text: this.tr('checksWarn', { n: nWarn }) }));
    sec.append(head);
    if (!list.length) {
      sec.append(h('p', { class: 'ogi-muted', text: this.tr('noChecks') }));
      return;
    }
    if (!bad.length) sec.append(h('p', { class: 'ogi-ok', text: this.tr('checksAllPass', { n: nPass }) }));
    const ul = h('ul', { class: 'ogi-check-list' });
    for (const { c } of bad) ul.append(this.checkItem(c));
    if (this.showPassing) for (const { c } of rest) ul.append(this.checkItem(c));
    sec.append(ul);
    if (rest.length) {
      sec.append(h('button', {
        type: 'button',
        class: 'ogi-btn ogi-link',
        'data-action': 'toggle-passing',
        'aria-expanded': String(this.showPassing),
        text: this.showPassing ? this.tr('hidePassing') : this.tr('showPassing', { n: rest.length }),
      }));
    }
  }

  checkItem(c, years) {
    const ids = checkIds(c);
    const li = h('li', { class: `ogi-check ogi-${c.status}`, 'data-check': c.id, 'data-status': c.status, 'data-ids': ids.join(' '), tabindex: '0' });
    const title = t(this.lang, 'c:' + c.id);
    li.append(h('div', { class: 'ogi-check-head' },
      h('span', { class: `ogi-badge ogi-${c.status}`, text: this.tr('st_' + c.status) }), ' ',
      h('strong', { text: title.startsWith('c:') ? c.id : title }),
      c.scope ? h('span', { class: 'ogi-scope', text: ' · ' + this.scope(c.scope) }) : null));
    const say = this.say(c, years);
    if (say) li.append(h('p', { class: 'ogi-say', text: say }));
    if (c.id !== 'conflict.narrative_table') li.append(this.formula(c));
    if (c.expected != null && c.status !== 'pass') {
      li.append(h('p', { class: 'ogi-nums' },
        `${this.tr('expected')} `, h('b', { text: num(c.expected) }), ` · ${this.tr('actual')} `, h('b', { text: num(c.actual) }),
        c.difference ? [` · ${this.tr('difference')} `, h('b', { class: 'ogi-diff', text: (c.difference > 0 ? '+' : '') + num(c.difference) })] : null));
    }
    if (this.lang === 'zh' && c.message) li.append(h('p', { class: 'ogi-msg', lang: 'en', text: c.message }));
    return li;
  }

  scope(s) {
    const cols = { natural_person: '自然人', commercial: '商业企业', research: '科研机构', social_welfare: '社会公益组织', legal_service: '法律服务机构', other_org: '其他', total: '总计', regulations: '规章', normative_docs: '规范性文件', year: '本年度', cumulative: '历年累计' };
    const zh = cols[s] || s;
    return this.lang === 'en' ? (this.host.labeler.zh2en.get(zh) || s) : zh;
  }

  /** The identity with each id as a labelled chip carrying its value. */
  formula(c) {
    const vals = new Map(c.values || []);
    const box = h('div', { class: 'ogi-formula' });
    const re = /([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+)(?: \((\d{4})\))?/g;
    let last = 0;
    let m;
    const text = c.formula || '';
    while ((m = re.exec(text))) {
      if (m.index > last) box.append(text.slice(last, m.index).replace(/\s+/g, ' '));
      const id = m[1];
      let v = m[2] ? vals.get(`${id}@${m[2]}`) : vals.get(id);
      if (v === undefined) for (const [k, x] of vals) if (k.startsWith(id + '@') || k.startsWith(id + '#')) v = x;
      const known = this.host.labeler.reg.has(id);
      const chip = h('span', { class: 'ogi-term' + (known ? '' : ' ogi-raw'), 'data-ref': id, title: id, tabindex: known ? '0' : null },
        known ? this.label(id) : id, m[2] ? ` (${m[2]})` : '', v !== undefined ? h('b', { text: ' ' + num(v) }) : null);
      box.append(chip);
      last = re.lastIndex;
    }
    if (last < text.length) box.append(text.slice(last));
    return box;
  }

  say(c, years) {
    if (this.lang === 'en') return c.message;
    const v = c.values || [];
    const d = c.difference != null ? (c.difference > 0 ? '+' : '') + num(c.difference) : '';
    if (c.status === 'skipped') {
      const ms = /not stated: (.*)$/.exec(c.message);
      if (ms) return '无法核对：未载明 ' + ms[1].split(', ').map((id) => this.label(id)).join('、');
      const m2 = /^cannot check: (\S+) is not stated/.exec(c.message);
      if (m2) return `无法核对：未载明${this.label(m2[1])}`;
      const m3 = /sum to ([\d.-]+), short of ([\d.-]+) \(not stated: (\d+)\)/.exec(c.message);
      if (m3) return `已载明的分项合计 ${m3[1]}，少于合计数 ${m3[2]}（${m3[3]} 项未载明），无法判断。`;
      return c.message;
    }
    if (c.status === 'pass') return '';
    if (c.id === 'conflict.narrative_table') {
      const id = (v[0] || [''])[0].replace(/#.*$/, '');
      return this.tr('sayConflict', { n: num(c.actual), t: num(c.expected), label: this.label(id) });
    }
    if (c.id === 't3.balance') return this.tr('sayBalance', { e: num(c.expected), a: num(c.actual), d });
    if (c.id === 'cross.carry_over' && years) return this.tr('sayCarry', { y0: years[0], y1: years[1], e: num(c.expected), a: num(c.actual) });
    if (c.id === 't2.e21_stock_flow' && years) {
      return this.tr('sayStock', { y0: years[0], y1: years[1], before: num(v[0]?.[1]), issued: num(v[1]?.[1]), repealed: num(v[2]?.[1]), e: num(c.expected), a: num(c.actual) });
    }
    if (c.formula.includes(' ≤ ') && v.length >= 2) {
      return this.tr('sayLe', { a: this.label(v[0][0]), av: num(v[0][1]), b: this.label(v[1][0]), bv: num(v[1][1]) });
    }
    if (v.length >= 1) return this.tr('sayTotal', { total: this.label(v[0][0].replace(/[#@].*$/, '')), t: num(c.expected), s: num(c.actual), d });
    return c.message;
  }

  markFailingCells() {
    for (const c of this.report.checks) {
      if (c.status !== 'fail' && c.status !== 'warn') continue;
      for (const id of checkIds(c)) {
        for (const el of this.root.querySelectorAll(`.ogi-table [data-field="${id}"]`)) el.classList.add(c.status === 'fail' ? 'ogi-cell-fail' : 'ogi-cell-warn');
      }
    }
  }

  // ------------------------------------------------------------ tables

  tables() {
    const era = this.report.meta.era || 'E14';
    const sec = h('section', { class: 'ogi-card ogi-tables', 'aria-label': this.tr('tables') });
    sec.append(h('h3', { class: 'ogi-h', text: this.tr('tables') }), h('p', { class: 'ogi-muted ogi-small', text: this.tr('tablesNote') }));
    const list = tablesFor(this.host.meta, era, this.idx);
    this.drawn = new Set();
    if (!list.length) sec.append(h('p', { class: 'ogi-muted', text: this.tr('noTables') }));
    for (const tb of list) {
      sec.append(this.grid(tb));
      for (const id of tb.ids) this.drawn.add(id);
    }
    return sec;
  }

  grid(tb) {
    const en = this.lang === 'en';
    const table = h('table', { class: `ogi-table ogi-t-${tb.key}`, 'data-table': tb.key });
    table.append(h('caption', { text: en ? tb.title_en : tb.title_zh }));
    const cell = (c, head) => {
      if (c.t === 'label') {
        const cls = `ogi-l${c.level ? ' ogi-lv' + c.level : ''}${!head && c.rowspan > 1 ? ' ogi-group' : ''}`;
        const el = h('th', { class: cls, scope: head ? 'col' : 'row', colspan: c.colspan > 1 ? c.colspan : null, rowspan: c.rowspan > 1 ? c.rowspan : null });
        el.textContent = en ? c.en : c.zh;
        if (en && c.en !== c.zh) el.title = c.zh;
        return el;
      }
      if (c.t === 'unit') return h('td', { class: 'ogi-u', text: unitText(this.lang, c.zh) });
      if (c.t === 'empty') return h('td', { class: 'ogi-empty', colspan: c.colspan > 1 ? c.colspan : null });
      const td = this.value(c.id, { tag: 'td', blank: true });
      if (c.colspan > 1) td.colSpan = c.colspan;
      return td;
    };
    const thead = h('thead');
    for (const row of tb.head) thead.append(h('tr', null, row.cells.map((c) => cell(c, true))));
    const tbody = h('tbody');
    for (const row of tb.body) {
      if (row.show_if && !row.show_if.some((id) => this.idx.get(id))) continue;
      tbody.append(h('tr', { class: `ogi-row-${row.kind}` }, row.cells.map((c) => cell(c, row.kind !== 'data'))));
    }
    if (tb.head.length) table.append(thead);
    table.append(tbody);
    return h('div', { class: 'ogi-table-wrap', tabindex: '0', role: 'region', 'aria-label': en ? tb.title_en : tb.title_zh }, table);
  }

  others() {
    const rest = this.report.fields.filter((f) => !this.drawn.has(f.id));
    const sec = h('section', { class: 'ogi-card ogi-others' });
    if (!rest.length) {
      sec.hidden = true;
      return sec;
    }
    sec.append(h('h3', { class: 'ogi-h', text: this.tr('otherFields') }));
    const dl = h('dl', { class: 'ogi-dl' });
    const seen = new Set();
    for (const f of rest) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      dl.append(h('dt', { title: f.id, text: this.label(f.id) }), h('dd', null, this.value(f.id, { group: true }), this.unit(f.id)));
    }
    sec.append(dl);
    return sec;
  }

  // ------------------------------------------------------------ interaction

  onClick(ev) {
    const a = ev.target.closest('[data-action]');
    if (a && this.root.contains(a)) {
      const act = a.getAttribute('data-action');
      if (act === 'toggle-passing') {
        this.showPassing = !this.showPassing;
        this.fillChecks();
        return;
      }
      this.host.action(act, this.entry);
      return;
    }
    const term = ev.target.closest('.ogi-term[data-ref]');
    if (term) {
      this.select(term.getAttribute('data-ref'), term);
      return;
    }
    const mark = ev.target.closest('mark.ogi-mark');
    if (mark) {
      const ids = mark.getAttribute('data-fields').split(' ');
      this.select(ids[0], mark, { fromText: true });
      return;
    }
    const v = ev.target.closest('[data-field]');
    if (v && !v.hasAttribute('data-missing')) this.select(v.getAttribute('data-field'), v);
    const chk = ev.target.closest('.ogi-check');
    if (chk && !v) this.highlightCheck(chk, true);
  }

  clearSelection() {
    for (const el of this.root.querySelectorAll('.ogi-sel')) el.classList.remove('ogi-sel');
  }

  /** Selects a value: its cells, its highlighted passage in the evidence. */
  select(id, from, opts = {}) {
    if (id.startsWith('meta.')) return;
    this.clearSelection();
    const f = this.idx.get(id);
    const label = this.label(id);
    let ids = [id];
    if (f && !f.span) ids = this.sources(id);
    for (const x of ids) for (const el of this.root.querySelectorAll(`[data-field="${x}"]`)) el.classList.add('ogi-sel');
    if (from) from.classList.add('ogi-sel');
    let revealed = false;
    if (!opts.fromText) {
      for (const x of ids) {
        const g = this.idx.get(x);
        if (g && g.span && this.evidence.reveal(x)) {
          revealed = true;
          break;
        }
      }
    } else {
      this.evidence.highlight(id);
      const cell = this.root.querySelector(`.ogi-table [data-field="${id}"], .ogi-summary [data-field="${id}"]`);
      if (cell) cell.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      revealed = true;
    }
    if (!f) this.host.say(this.tr('noSource', { label }));
    else if (f.span) this.host.say(this.tr('located', { label, value: num(f.value) }));
    else this.host.say(revealed || ids.length > 1 ? this.tr('noSpan', { label }) : this.tr('noSource', { label }));
  }

  /** The stated values a derived value comes from (one level of summary, all parts otherwise). */
  sources(id, depth = 0) {
    const src = this.host.meta.layouts.derived_sources[id];
    if (!src || depth > 3) return [id];
    const present = src.filter((x) => this.idx.get(x));
    const pick = id.startsWith('summary.') ? present.slice(0, 1) : present;
    const out = [id];
    for (const x of pick) {
      const g = this.idx.get(x);
      if (g && !g.span && g.source === 'derived') out.push(...this.sources(x, depth + 1));
      else out.push(x);
    }
    return [...new Set(out)];
  }

  highlightCheck(li, on) {
    for (const el of this.root.querySelectorAll('.ogi-hl')) el.classList.remove('ogi-hl');
    if (!on) return;
    for (const id of (li.getAttribute('data-ids') || '').split(' ').filter(Boolean)) {
      for (const el of this.root.querySelectorAll(`.ogi-table [data-field="${id}"]`)) el.classList.add('ogi-hl');
    }
  }

  bindCheckHover() {
    const over = (ev) => {
      const li = ev.target.closest('.ogi-check');
      if (li) this.highlightCheck(li, true);
    };
    this.root.addEventListener('mouseover', over);
    this.root.addEventListener('focusin', over);
    this.root.addEventListener('mouseout', (ev) => {
      if (ev.target.closest('.ogi-check') && !ev.relatedTarget?.closest?.('.ogi-check')) this.highlightCheck(null, false);
    });
  }
}

/**
 * The evidence pane: the normalised text in blocks laid out progressively,
 * each value's span a <mark>. Spans are code-point offsets; the worker sent
 * the positions of astral characters so they map to UTF-16 without copying
 * the text into an array.
 */
class Evidence {
  constructor(view, side) {
    this.view = view;
    this.text = view.report.text || '';
    this.toU16 = cpToU16(view.entry.astral);
    this.side = side;
    this.dead = false;
    side.append(h('h3', { class: 'ogi-h', text: view.tr('evidence') }), h('p', { class: 'ogi-muted ogi-small', text: view.tr('evidenceNote') }));
    this.box = h('div', { class: 'ogi-text', tabindex: '0', lang: 'zh' });
    side.append(this.box);
    this.built = false;
    this.box.addEventListener('mouseover', (ev) => this.hover(ev));
    this.box.addEventListener('mouseleave', () => this.view.host.tooltip(null));
  }

  /** Elementary segments [a, b) with the ids covering them, sorted. */
  spans() {
    const items = [];
    const all = [...this.view.report.fields, ...this.view.report.derived];
    for (const f of all) {
      if (!f.span) continue;
      const a = this.toU16(f.span[0]);
      let b = this.toU16(f.span[1]);
      if (b <= a) b = a + 1;
      if (a >= this.text.length) continue;
      items.push({ a, b: Math.min(b, this.text.length), id: f.id });
    }
    this.items = items;
    const pts = [...new Set(items.flatMap((x) => [x.a, x.b]))].sort((x, y) => x - y);
    const segs = [];
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i], b = pts[i + 1];
      const ids = items.filter((x) => x.a <= a && x.b >= b).map((x) => x.id);
      if (ids.length) segs.push({ a, b, ids: [...new Set(ids)] });
    }
    this.segs = segs;
    this.byId = new Map();
    for (const x of items) if (!this.byId.has(x.id)) this.byId.set(x.id, x);
  }

  blocks() {
    const text = this.text;
    const n = text.length;
    const size = Math.max(3000, Math.ceil(n / 3000));
    const bounds = [];
    let i = 0;
    while (i < n) {
      let j = i + size >= n ? n : text.indexOf('\n', i + size);
      if (j < 0 || j - i > size * 3) j = Math.min(n, i + size);
      else if (j < n) j += 1;
      const c = text.charCodeAt(j - 1);
      if (j < n && c >= 0xd800 && c <= 0xdbff) j += 1;
      bounds.push([i, j]);
      i = j;
    }
    this.bounds = bounds;
    this.els = bounds.map(([a, b]) => {
      const el = document.createElement('div');
      el.className = 'ogi-blk';
      el.dataset.a = String(a);
      // A rough height until filled (content-visibility keeps layout lazy).
      el.style.minHeight = `${Math.max(1.7, Math.round(((b - a) / 40) * 1.7))}em`;
      return el;
    });
    this.filled = new Uint8Array(bounds.length);
    for (const el of this.els) this.box.append(el);
  }

  fill(k) {
    if (this.filled[k]) return;
    this.filled[k] = 1;
    const [a, b] = this.bounds[k];
    const el = this.els[k];
    el.style.minHeight = '';
    const text = this.text;
    const segs = this.segs;
    let lo = 0, hi = segs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].b <= a) lo = mid + 1; else hi = mid;
    }
    const frag = document.createDocumentFragment();
    let pos = a;
    for (let s = lo; s < segs.length && segs[s].a < b; s++) {
      const sa = Math.max(a, segs[s].a), sb = Math.min(b, segs[s].b);
      if (sa > pos) frag.append(text.slice(pos, sa));
      const m = document.createElement('mark');
      m.className = 'ogi-mark';
      m.setAttribute('data-fields', segs[s].ids.join(' '));
      m.dataset.a = String(sa);
      m.textContent = text.slice(sa, sb);
      frag.append(m);
      pos = sb;
    }
    if (pos < b) frag.append(text.slice(pos, b));
    el.append(frag);
  }

  /** The spans and the (empty) blocks: done after the first paint for big texts. */
  build() {
    if (this.built) return;
    this.built = true;
    this.spans();
    this.blocks();
  }

  async start() {
    const small = this.text.length <= 200000;
    if (!small) {
      this.box.append(h('p', { class: 'ogi-muted ogi-loading', text: this.view.tr('evidenceLoading') }));
      await new Promise((r) => setTimeout(r, 0));
      if (this.dead) return;
      this.box.querySelector('.ogi-loading')?.remove();
    }
    this.build();
    let t0 = performance.now();
    for (let k = 0; k < this.els.length; k++) {
      if (this.dead) return;
      this.fill(k);
      if (!small && performance.now() - t0 > 6) {
        await slice(() => 0);
        await new Promise((r) => setTimeout(r, 0));
        t0 = performance.now();
      }
    }
  }

  blockOf(pos) {
    let lo = 0, hi = this.bounds.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.bounds[mid][0] <= pos) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  marks(id) {
    this.build();
    const x = this.byId.get(id);
    if (!x) return [];
    const k0 = this.blockOf(x.a), k1 = this.blockOf(Math.max(x.a, x.b - 1));
    const out = [];
    for (let k = k0; k <= k1; k++) {
      this.fill(k);
      out.push(...this.els[k].querySelectorAll(`mark[data-fields~="${id}"]`));
    }
    return out;
  }

  highlight(id) {
    const ms = this.marks(id);
    for (const m of ms) m.classList.add('ogi-sel');
    return ms;
  }

  reveal(id) {
    const ms = this.highlight(id);
    if (!ms.length) return false;
    const m = ms[0];
    // Scroll the pane (not the page) when the pane scrolls by itself.
    const box = this.box;
    if (box.scrollHeight > box.clientHeight + 4 && getComputedStyle(box).overflowY !== 'visible') {
      const top = m.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
      box.scrollTop = Math.max(0, top - box.clientHeight / 2);
      const r = box.getBoundingClientRect();
      if (r.bottom < 0 || r.top > innerHeight) box.scrollIntoView({ block: 'nearest' });
    } else {
      m.scrollIntoView({ block: 'center', inline: 'nearest' });
    }
    return true;
  }

  /** Hovering a passage: what was read from its sentence. */
  hover(ev) {
    const m = ev.target.closest && ev.target.closest('mark.ogi-mark');
    for (const x of this.box.querySelectorAll('.ogi-sent')) x.classList.remove('ogi-sent');
    if (!m) {
      this.view.host.tooltip(null);
      return;
    }
    if (!this.built) return;
    const pos = Number(m.dataset.a);
    const text = this.text;
    let sa = 0;
    for (const ch of '。；！？\n') sa = Math.max(sa, text.lastIndexOf(ch, pos - 1) + 1);
    let sb = text.length;
    for (const ch of '。；！？\n') {
      const j = text.indexOf(ch, pos);
      if (j >= 0 && j < sb) sb = j + 1;
    }
    const ids = [];
    for (const s of this.segs) {
      if (s.b <= sa || s.a >= sb) continue;
      for (const id of s.ids) if (!ids.includes(id)) ids.push(id);
    }
    const own = m.getAttribute('data-fields').split(' ');
    for (const x of m.parentNode.querySelectorAll('mark.ogi-mark')) {
      const a = Number(x.dataset.a);
      if (a >= sa && a < sb) x.classList.add('ogi-sent');
    }
    const v = this.view;
    const list = h('ul', null, ids.slice(0, 14).map((id) => {
      const f = v.idx.get(id);
      const u = f ? unitText(v.lang, f.unit) : '';
      return h('li', { class: own.includes(id) ? 'ogi-own' : '' }, h('span', { text: v.label(id) }), ' ', h('b', { text: f ? (f.approx ? '≈' : '') + num(f.value) : '' }), u ? ' ' + u : '');
    }));
    if (ids.length > 14) list.append(h('li', { text: `… +${ids.length - 14}` }));
    v.host.tooltip(h('div', null, h('div', { class: 'ogi-tip-head', text: v.tr('readHere') }), list), m);
  }
}

