// Workers: a small pool for batches, and one latest-wins job for the paste box.

const WORKER_URL = new URL('./worker.js', import.meta.url);
let nextId = 1;
/** A batch file whose extraction takes longer than this is given up (ms). */
const JOB_TIMEOUT = 120000;

function spawn() {
  return new Worker(WORKER_URL, { type: 'module', name: 'ogi-extract' });
}

/** One worker that answers requests one at a time, in order. */
class Lane {
  constructor(onFatal) {
    this.onFatal = onFatal;
    this.waiting = new Map();
    this.start();
  }
  start() {
    this.worker = spawn();
    this.worker.onmessage = (ev) => {
      const m = ev.data;
      const p = this.waiting.get(m.id);
      if (m.type === 'fatal') {
        for (const w of this.waiting.values()) w.reject(new Error(m.error));
        this.waiting.clear();
        if (this.onFatal) this.onFatal(m.error);
        return;
      }
      if (!p) return;
      this.waiting.delete(m.id);
      if (m.restart) this.restart();
      p.resolve(m);
    };
    this.worker.onerror = (ev) => {
      ev.preventDefault();
      const err = new Error(ev.message || 'worker error');
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
      if (this.onFatal) this.onFatal(err.message);
    };
  }
  restart() {
    this.worker.terminate();
    const pending = [...this.waiting.values()];
    this.waiting.clear();
    for (const p of pending) p.reject(new Error('restarted'));
    this.start();
  }
  request(msg, timeout) {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const entry = { resolve, reject };
      if (timeout) {
        // A runaway extraction: give up on it and start a fresh worker.
        const timer = setTimeout(() => {
          if (!this.waiting.has(id)) return;
          this.waiting.delete(id);
          reject(new Error(`the extraction took longer than ${Math.round(timeout / 1000)} s and was stopped`));
          this.restart();
        }, timeout);
        entry.resolve = (m) => {
          clearTimeout(timer);
          resolve(m);
        };
      }
      this.waiting.set(id, entry);
      this.worker.postMessage({ ...msg, id });
    });
  }
  get busy() {
    return this.waiting.size;
  }
  terminate() {
    this.worker.terminate();
  }
}

/**
 * The paste box: only the latest text matters. A request made while another
 * runs waits and replaces any older waiting request; a stale run that takes
 * long is abandoned (its worker is replaced) so a new text never waits for it.
 */
export class LatestJob {
  constructor(onFatal) {
    this.lane = new Lane(onFatal);
    this.seq = 0;
    this.running = null;
    this.pending = null;
  }
  meta() {
    return this.lane.request({ type: 'meta' }).then((m) => m.meta);
  }
  run(text, name) {
    const seq = ++this.seq;
    return new Promise((resolve) => {
      if (this.pending) this.pending.resolve(null);
      this.pending = { seq, text, name, resolve };
      if (this.running && performance.now() - this.running.started > 250) {
        // Abandon a long stale run: a fresh worker takes the new text now.
        this.running.resolve(null);
        this.running = null;
        this.lane.restart();
      }
      this.pump();
    });
  }
  pump() {
    if (this.running || !this.pending) return;
    const job = this.pending;
    this.pending = null;
    this.running = { ...job, started: performance.now() };
    const cur = this.running;
    this.lane
      .request({ type: 'text', text: job.text, name: job.name, file_label: '-' })
      .then((m) => (cur.seq === this.seq ? m : null), (e) => (String(e.message) === 'restarted' ? null : { ok: false, error: String(e.message || e) }))
      .then((m) => {
        if (this.running === cur) this.running = null;
        cur.resolve(m);
        this.pump();
      });
  }
}

/** A pool of workers for many files; results come back as they finish. */
export class Pool {
  constructor(size, onFatal) {
    this.size = Math.max(1, size);
    this.onFatal = onFatal;
    this.lanes = [];
    this.queue = [];
  }
  lane() {
    if (this.lanes.length < this.size) {
      const l = new Lane(this.onFatal);
      this.lanes.push(l);
      return l;
    }
    return this.lanes.reduce((a, b) => (b.busy < a.busy ? b : a));
  }
  /** Extracts one file; resolves with the worker's answer (never rejects). */
  extract(file, name) {
    return new Promise((resolve) => {
      this.queue.push({ file, name, resolve });
      this.pump();
    });
  }
  pump() {
    while (this.queue.length) {
      const lane = this.lane();
      if (lane.busy >= 2) return;
      const job = this.queue.shift();
      lane
        .request({ type: 'file', file: job.file, name: job.name, file_label: job.name, compact: true }, JOB_TIMEOUT)
        .catch((e) => (String(e.message) === 'restarted' ? 'again' : { ok: false, error: String(e.message || e) }))
        .then((m) => {
          // A job that shared a worker with a stopped one goes round again.
          if (m === 'again') this.queue.unshift(job);
          else job.resolve(m);
          this.pump();
        });
    }
  }
  cancel() {
    for (const j of this.queue) j.resolve(null);
    this.queue = [];
    for (const l of this.lanes) l.terminate();
    this.lanes = [];
  }
  /** Cross-year checks over the batch's reports (their slim JSON forms). */
  cross(slims) {
    const lane = this.lanes[0] || this.lane();
    return lane.request({ type: 'cross', slims });
  }
}
