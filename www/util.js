// Small DOM helpers. Report text is untrusted: everything goes through
// createElement / textContent / setAttribute, never through HTML parsing.

export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [k, v] of Object.entries(attrs)) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') el.className = v;
      else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v); // CSSOM: allowed under a strict CSP
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

/** A number as the page prints it: integers as written, decimals as given. */
export function num(v, group) {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v !== 'number') return String(v);
  if (group && Number.isInteger(v) && Math.abs(v) >= 10000) return v.toLocaleString('en-US');
  return String(v);
}

/** Saves `parts` (strings) as a file through a blob: URL (no network). */
export function download(name, parts, type) {
  const url = URL.createObjectURL(new Blob(parts, { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const ta = h('textarea', { 'aria-hidden': 'true', style: { position: 'fixed', left: '-9999px', top: '0' } });
    ta.value = text;
    document.body.append(ta);
    ta.select();
    let ok = false;
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    ta.remove();
    return ok;
  }
}

/**
 * Code-point offset → UTF-16 offset, from the sorted code-point offsets of
 * the characters outside the BMP (`astral`, computed by the worker).
 */
export function cpToU16(astral) {
  if (!astral || astral.length === 0) return (cp) => cp;
  return (cp) => {
    let lo = 0, hi = astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (astral[mid] < cp) lo = mid + 1; else hi = mid;
    }
    return cp + lo;
  };
}

/** Runs `fn` when the main thread is idle enough, in small slices. */
export function slice(fn) {
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(fn());
    ch.port2.postMessage(0);
  });
}

export function baseName(name) {
  const n = String(name || 'report');
  return n.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'report';
}

/** Orders relative paths as the CLI orders a folder's files (Rust's `Path`
 * order): component by component, each by code point (the order of its
 * UTF-8 bytes). A plain string comparison would put `2022-x.txt` before
 * `2022/a.txt` ('-' < '/') and astral characters before U+E000–U+FFFF. */
export function comparePaths(a, b) {
  const pa = a.split('/');
  const pb = b.split('/');
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = compareCodePoints(pa[i], pb[i]);
    if (c) return c;
  }
  return pa.length - pb.length;
}

function compareCodePoints(a, b) {
  if (a === b) return 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}
