// Field encryption and blind indexes of a bulk write, computed ahead on the other core (issue 2).
//
// A bulk registration spends about 6 µs per row on AES-256-GCM and the HMAC blind index, a fifth of
// its time, and the database writes cannot start another thread. The numbers to be written are known
// before the writes start (an import confirm has them all), so a worker thread seals them in order
// into shared memory while the main thread writes, and each write takes its row's result when it is
// there. The main thread never waits: a row the worker has not reached yet is sealed in place, and the
// worker then skips past it. The result is byte for byte what field-crypto.ts makes (same layout, same
// AAD, fresh random IV per row); test/unit/bulk-sealer.test.ts opens every one with decryptMyNumber.
//
// The worker's source is plain JavaScript evaluated by the Worker: no bundle entry, node:crypto only.
import { Worker } from 'node:worker_threads';
import type { OrgKeys } from '../store';
import { AAD_PREFIX, blindIndex, encryptMyNumber, SEALED_BYTES } from './field-crypto';

const BLIND_BYTES = 32;
const SLOT = SEALED_BYTES + BLIND_BYTES;
/** Control words: [0] the row the main thread is at, [1] 1 when the worker should stop. */
const MAIN_AT = 0;
const STOP = 1;

const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const { createCipheriv, createHmac, randomBytes } = require('node:crypto');
const { dataKey, blindKey, ids, values, out, ready, control } = workerData;
const idList = ids.split('\\n');
const valueList = values.split('\\n');
const bytes = new Uint8Array(out);
const done = new Int32Array(ready);
const ctl = new Int32Array(control);
let pool = randomBytes(12 * 4096);
let poolAt = 0;
for (let i = 0; i < idList.length; i++) {
  if (Atomics.load(ctl, ${STOP}) === 1) break;
  // Rows the main thread has reached are sealed there already.
  const mainAt = Atomics.load(ctl, ${MAIN_AT});
  if (i < mainAt + 1) { i = mainAt; continue; }
  if (poolAt + 12 > pool.length) { pool = randomBytes(12 * 4096); poolAt = 0; }
  const iv = pool.subarray(poolAt, poolAt + 12);
  poolAt += 12;
  const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
  cipher.setAAD(Buffer.from('${AAD_PREFIX}' + idList[i], 'utf8'));
  const body = Buffer.concat([cipher.update(valueList[i], 'ascii'), cipher.final()]);
  const at = i * ${SLOT};
  bytes.set(iv, at);
  bytes.set(cipher.getAuthTag(), at + 12);
  bytes.set(body, at + 28);
  bytes.set(createHmac('sha256', blindKey).update(valueList[i], 'ascii').digest(), at + ${SEALED_BYTES});
  Atomics.store(done, i, 1);
}
`;

export type SealedNumber = { enc: Buffer; blind: Buffer };
export type NumberToSeal = { shikakuId: string; value: string };

/** Rows below this are sealed in place: a worker costs more to start than it saves. */
const WORKER_FROM_ROWS = 2_000;

export class BulkSealer {
  /** Where each 資格ID is in items; built only if a write comes out of order. */
  private index: Map<string, number> | null = null;
  /** The next item in order: writes normally come as they were named. */
  private cursor = 0;
  private readonly bytes: Buffer;
  private readonly done: Int32Array;
  private readonly control = new Int32Array(new SharedArrayBuffer(8));
  private worker: Worker | null = null;
  /** How many rows the worker's results were used for (benchmarks and tests). */
  sealedAhead = 0;

  /** items: the normalised numbers the bulk will write (DQ-1 checked), in the order it writes them. */
  constructor(
    private readonly keys: OrgKeys,
    private readonly items: readonly NumberToSeal[],
  ) {
    // The worker gets the items as two newline-joined strings; values are DQ-1 checked (12 digits).
    const n = items.length >= WORKER_FROM_ROWS && !items.some((it) => it.shikakuId.includes('\n')) ? items.length : 0;
    this.bytes = Buffer.from(new SharedArrayBuffer(n * SLOT));
    this.done = new Int32Array(new SharedArrayBuffer(n * 4));
    if (n === 0) return;
    // Copies of the keys' 32 bytes: a key Buffer may be a view into a pooled block of other data.
    // The Worker clones them at once; these copies are then zeroed.
    const dataKey = new Uint8Array(keys.dataKey);
    const blindKey = new Uint8Array(keys.blindIndexKey);
    try {
      this.worker = new Worker(WORKER_SOURCE, {
        eval: true,
        // Small heaps: its garbage is a few Buffers per row, and an import's memory has a target (500 MB).
        resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
        workerData: {
          dataKey, blindKey,
          ids: items.map((it) => it.shikakuId).join('\n'), values: items.map((it) => it.value).join('\n'),
          out: this.bytes.buffer, ready: this.done.buffer, control: this.control.buffer,
        },
      });
      this.worker.unref();
      // A worker that fails only means every row is sealed in place.
      this.worker.on('error', () => Atomics.store(this.control, STOP, 1));
    } catch {
      this.worker = null;
    } finally {
      dataKey.fill(0);
      blindKey.fill(0);
    }
  }

  /** The row's ciphertext and blind index: the worker's if it has sealed exactly this row, else made here. */
  seal(shikakuId: string, value: string): SealedNumber {
    const i = this.positionOf(shikakuId);
    if (i !== undefined && this.items[i]!.value === value) {
      if (Atomics.load(this.done, i) === 1) {
        const at = i * SLOT;
        this.sealedAhead++;
        // Copies: the shared block is released when the bulk ends.
        return { enc: Buffer.from(this.bytes.subarray(at, at + SEALED_BYTES)), blind: Buffer.from(this.bytes.subarray(at + SEALED_BYTES, at + SLOT)) };
      }
      Atomics.store(this.control, MAIN_AT, i);
    }
    return { enc: encryptMyNumber(this.keys, shikakuId, value), blind: blindIndex(this.keys, value) };
  }

  private positionOf(shikakuId: string): number | undefined {
    if (!this.worker && this.done.length === 0) return undefined;
    if (this.items[this.cursor]?.shikakuId === shikakuId) return this.cursor++;
    if (!this.index) this.index = new Map(this.items.map((it, i) => [it.shikakuId, i]));
    const i = this.index.get(shikakuId);
    if (i !== undefined) this.cursor = i + 1;
    return i;
  }

  /** Stops the worker (it may still be ahead of nothing) and drops the shared block's contents. */
  close(): void {
    Atomics.store(this.control, STOP, 1);
    void this.worker?.terminate();
    this.worker = null;
    this.bytes.fill(0);
  }
}
