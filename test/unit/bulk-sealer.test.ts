// DP-2: a bulk write's numbers sealed ahead on a worker thread are exactly what field-crypto makes:
// each opens with decryptMyNumber under its own 資格ID only, carries the blind index of its number, and
// no two share an IV. A row not named ahead, or named with another number, is sealed in place.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'vitest';
import { BulkSealer } from '../../main/core/mynumber/bulk-sealer';
import { blindIndex, decryptMyNumber } from '../../main/core/mynumber/field-crypto';
import { demoMyNumber } from '../../main/core/mynumber';

const keys = { dataKey: randomBytes(32), blindIndexKey: randomBytes(32) };
const id = (i: number): string => `Q${String(i).padStart(9, '0')}`;
const items = Array.from({ length: 5_000 }, (_, i) => ({ shikakuId: id(i + 1), value: demoMyNumber(i + 1) }));

describe('DP-2: numbers sealed ahead on the other core', () => {
  it('DP-2: every sealed number opens under its own 資格ID only, with its blind index and its own IV', async () => {
    const sealer = new BulkSealer(keys, items);
    await sleep(300); // let the worker get ahead, so that most rows below are its own
    const ivs = new Set<string>();
    items.forEach(({ shikakuId, value }, i) => {
      const sealed = sealer.seal(shikakuId, value);
      assert.equal(decryptMyNumber(keys, shikakuId, sealed.enc), value);
      assert.deepEqual(sealed.blind, blindIndex(keys, value));
      assert.throws(() => decryptMyNumber(keys, id(i + 2), sealed.enc), 'bound to its 資格ID by the AAD');
      ivs.add(sealed.enc.subarray(0, 12).toString('hex'));
    });
    const byWorker = sealer.sealedAhead;
    sealer.close();
    assert.equal(ivs.size, items.length, 'no IV is used twice');
    assert.ok(byWorker > items.length / 2, `the worker sealed most rows (${byWorker} of ${items.length})`);
  });

  it('DP-2: with the writes overtaking the worker from the start, every row is still its own', () => {
    const sealer = new BulkSealer(keys, items);
    // No pause: the first rows are sealed here, the worker skips past them and takes over later.
    for (const { shikakuId, value } of items) {
      const sealed = sealer.seal(shikakuId, value);
      assert.equal(decryptMyNumber(keys, shikakuId, sealed.enc), value);
      assert.deepEqual(sealed.blind, blindIndex(keys, value));
    }
    sealer.close();
  });

  it('DP-2: a row named ahead with another number, or not named at all, is sealed in place from what is written', () => {
    const sealer = new BulkSealer(keys, items);
    const other = demoMyNumber(99_999);
    const changed = sealer.seal(id(10), other);
    assert.equal(decryptMyNumber(keys, id(10), changed.enc), other);
    assert.deepEqual(changed.blind, blindIndex(keys, other));
    const unnamed = sealer.seal(id(50_000), other);
    assert.equal(decryptMyNumber(keys, id(50_000), unnamed.enc), other);
    sealer.close();
  });

  it('DP-2: a small bulk seals in place, with no worker', () => {
    const sealer = new BulkSealer(keys, items.slice(0, 10));
    const { shikakuId, value } = items[3]!;
    assert.equal(decryptMyNumber(keys, shikakuId, sealer.seal(shikakuId, value).enc), value);
    assert.equal(sealer.sealedAhead, 0);
    sealer.close();
  });
});
