// The WAL checkpoint of a bulk write, on the other core (issue 2).
//
// A checkpoint copies every page a transaction appended to the WAL back into the database file; under
// SQLCipher each page is decrypted from the WAL and encrypted again into the file. After 100,000
// registrations (about 100 MB of WAL) that took 0.7 s on the thread that committed, i.e. the clerk's.
// SQLite lets any connection run the checkpoint, and a PASSIVE one neither blocks nor waits for the
// writer. So a transaction that calls Store.bulkWrite() commits without it, and this worker thread,
// with its own connection to the same file, runs it. Nothing is lost if it never runs: the committed
// pages are in the WAL, which SQLite reads (and checkpoints on the next open or close) either way.
//
// The worker is started on first use only; a store that never bulk-writes never has one. Its source is
// plain JavaScript evaluated by the Worker, so it needs no separate bundle entry in the Electron build.
import { createRequire } from 'node:module';
import { Worker, type WorkerOptions } from 'node:worker_threads';
import { z } from 'zod';

/** What one background checkpoint did, in SQLite's own terms (PRAGMA wal_checkpoint). */
export type CheckpointReport = { ok: true; busy: number; walPages: number; checkpointedPages: number; ms: number } | { ok: false; error: string };

const report = z.union([
  z.object({ ok: z.literal(true), busy: z.number(), walPages: z.number(), checkpointedPages: z.number(), ms: z.number() }),
  z.object({ ok: z.literal(false), error: z.string().max(200) }),
]);

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const closed = new Int32Array(workerData.closed);
let db = null;
function open() {
  db = new Database(workerData.path, { fileMustExist: true });
  if (workerData.key) {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma('key="x\\'' + Buffer.from(workerData.key).toString('hex') + '\\'"');
  }
  db.pragma('busy_timeout = 5000');
}
parentPort.on('message', (m) => {
  if (m === 'open') {
    try { if (!db) open(); } catch (e) { db = null; }
  } else if (m === 'checkpoint') {
    const start = performance.now();
    try {
      if (!db) open();
      const r = db.pragma('wal_checkpoint(PASSIVE)')[0];
      parentPort.postMessage({ ok: true, busy: r.busy, walPages: r.log, checkpointedPages: r.checkpointed, ms: performance.now() - start });
    } catch (e) {
      // A code such as SQLITE_BUSY only: a driver message is never passed on.
      parentPort.postMessage({ ok: false, error: String((e && e.code) || 'checkpoint_failed').slice(0, 200) });
    }
  } else if (m === 'close') {
    try { if (db) db.close(); } finally {
      Atomics.store(closed, 0, 1);
      Atomics.notify(closed, 0);
      parentPort.close();
    }
  }
});
`;

/** Where the SQLite driver lives, resolved from this module (the worker's own cwd may be anywhere). */
function driverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');
}

export class BackgroundCheckpointer {
  private worker: Worker | null = null;
  private readonly closed = new Int32Array(new SharedArrayBuffer(4));
  private pending = 0;
  private waiters: ((r: CheckpointReport) => void)[] = [];
  private idleWaiters: ((r: CheckpointReport | null) => void)[] = [];
  private last: CheckpointReport | null = null;

  /** The SQLCipher key, in memory of its own (not a pooled Buffer's block), zeroed on close. */
  private readonly key: Buffer | null;

  /**
   * key is the SQLCipher key of the file, or null for a plain file (the benchmark's baseline).
   * spawn makes the worker thread (replaced in tests by one that fails).
   */
  constructor(
    private readonly path: string,
    key: Buffer | null,
    private readonly spawn: (source: string, options: WorkerOptions) => Worker = (source, options) => new Worker(source, options),
  ) {
    this.key = key ? Buffer.alloc(key.length) : null;
    key?.copy(this.key!);
  }

  /**
   * Starts the worker and opens its connection ahead of a request (a bulk write has begun). Never
   * throws: without a worker, the checkpoint simply stays where SQLite puts it.
   */
  prepare(): boolean {
    try {
      this.start().postMessage('open');
      return true;
    } catch {
      return false;
    }
  }

  /** Asks for one PASSIVE checkpoint; returns at once, with a promise of its report. Never throws. */
  request(): Promise<CheckpointReport> {
    let worker: Worker;
    try {
      worker = this.start();
    } catch {
      return Promise.resolve({ ok: false, error: 'worker_unavailable' });
    }
    this.pending++;
    const answered = new Promise<CheckpointReport>((resolve) => this.waiters.push(resolve));
    worker.postMessage('checkpoint');
    return answered;
  }

  /** Resolves when every requested checkpoint has run (with the last one's report), at once if none. */
  idle(): Promise<CheckpointReport | null> {
    if (this.pending === 0) return Promise.resolve(this.last);
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /**
   * Closes the worker's connection before the store's own closes, waiting (synchronously, at most
   * timeoutMs) for a checkpoint under way: the store's close then runs the last checkpoint itself.
   */
  close(timeoutMs = 10_000): void {
    this.key?.fill(0);
    const worker = this.worker;
    if (!worker) return;
    this.worker = null;
    try {
      worker.postMessage('close');
      Atomics.wait(this.closed, 0, 0, timeoutMs);
    } finally {
      void worker.terminate();
    }
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    // A copy of the key's 32 bytes only: the worker gets nothing else of this heap. Zeroed once cloned.
    const key = this.key ? new Uint8Array(this.key) : null;
    let worker: Worker;
    try {
      worker = this.spawn(WORKER_SOURCE, {
        eval: true,
        // It holds a connection and a few objects: a small heap keeps it from weighing on the terminal.
        resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
        workerData: { driver: driverPath(), path: this.path, key, closed: this.closed.buffer },
      });
    } finally {
      key?.fill(0);
    }
    // The terminal must not stay alive, or exit, because of it.
    worker.unref();
    worker.on('message', (m: unknown) => {
      const r = report.safeParse(m);
      this.settle(r.success ? r.data : { ok: false, error: 'bad_report' });
    });
    worker.on('error', () => {
      while (this.pending > 0) this.settle({ ok: false, error: 'worker_failed' });
    });
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = null;
      while (this.pending > 0) this.settle({ ok: false, error: 'worker_exited' });
    });
    this.worker = worker;
    return worker;
  }

  /** Requests are answered in order, one report each. */
  private settle(r: CheckpointReport): void {
    if (this.pending === 0) return;
    this.last = r;
    this.pending--;
    this.waiters.shift()?.(r);
    if (this.pending > 0) return;
    const idle = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of idle) w(r);
  }
}
