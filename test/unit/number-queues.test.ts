// A bulk My Number write (an import confirm) queues its sync and intermediate-server entries set-wise
// at the end instead of through row triggers. These tests hold the two paths to the same result.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { MemberRegistry, demoMember, seededRandom } from '../../main/core/members';
import { MyNumberVault, demoMyNumber } from '../../main/core/mynumber';
import type { Db } from '../../main/core/store';
import { startKura, type TestKura } from '../helpers/kura';

const AT = new Date('2026-11-24T01:02:03.000Z');
const id = (i: number): string => `Q${String(i).padStart(9, '0')}`;

type Queued = { outbox: { entity: string; shikaku_id: string; base_version: number; row: Record<string, unknown> }[]; intermediate: { shikaku_id: string; change_kind: string; queued_at: string }[] };

function queuedAfter(db: Db, outboxSeq: number, queueSeq: number): Queued {
  const outbox = (db.prepare('SELECT entity, shikaku_id, base_version, row FROM sync_outbox WHERE seq > ? ORDER BY seq').all(outboxSeq) as { entity: string; shikaku_id: string; base_version: number; row: string }[]).map(
    (r) => ({ ...r, row: JSON.parse(r.row) as Record<string, unknown> }),
  );
  const intermediate = db.prepare('SELECT shikaku_id, change_kind, queued_at FROM intermediate_queue WHERE seq > ? ORDER BY shikaku_id, change_kind').all(queueSeq) as Queued['intermediate'];
  return { outbox, intermediate };
}

const heads = (db: Db): [number, number] => [
  (db.prepare('SELECT coalesce(max(seq), 0) FROM sync_outbox').pluck().get() as number),
  (db.prepare('SELECT coalesce(max(seq), 0) FROM intermediate_queue').pluck().get() as number),
];

/** Ciphertext and blind index differ between two stores (own IVs and keys): compare them to the row they came from. */
function comparable(db: Db, q: Queued): Queued {
  const master = db.prepare('SELECT lower(hex(mynumber_enc)) AS enc, lower(hex(blind_index)) AS blind FROM mynumber_master WHERE shikaku_id = ?');
  return {
    intermediate: q.intermediate,
    outbox: q.outbox.map((o) => {
      const { mynumberEnc, blindIndex, ...rest } = o.row;
      const m = master.get(o.shikaku_id) as { enc: string | null; blind: string | null };
      assert.equal(mynumberEnc, m.enc, 'the outbox carries the row\u2019s own ciphertext');
      assert.equal(blindIndex, m.blind, 'the outbox carries the row\u2019s own blind index');
      return { ...o, row: rest };
    }),
  };
}

describe('bulk My Number writes queue set-wise (DQ-5, sync outbox)', () => {
  let byRow: TestKura;
  let inBulk: TestKura;
  const vaults = new Map<TestKura, MyNumberVault>();

  beforeAll(async () => {
    byRow = await startKura();
    inBulk = await startKura();
    for (const t of [byRow, inBulk]) {
      const members = new MemberRegistry(t.kura.store.db, () => AT);
      const random = seededRandom(5);
      const vault = new MyNumberVault(t.kura.store, () => AT);
      vaults.set(t, vault);
      t.kura.store.transaction(() => {
        for (let i = 1; i <= 12; i++) members.insert(demoMember(i, random));
        for (let i = 1; i <= 6; i++) vault.register(id(i), demoMyNumber(i));
      });
    }
  });
  afterAll(() => {
    byRow.close();
    inBulk.close();
  });

  // One write per record: registrations (new, and again on a cancelled row), corrections, cancels.
  const writes = (vault: MyNumberVault): void => {
    vault.cancel(id(1), 1);
    vault.correct(id(2), demoMyNumber(102), 1);
    vault.cancel(id(3), 1);
    for (let i = 7; i <= 10; i++) vault.register(id(i), demoMyNumber(i));
  };

  it('DQ-5: a bulk write queues exactly the outbox mutations and intermediate entries the row triggers queue', () => {
    const [o1, q1] = heads(byRow.kura.store.db);
    const [o2, q2] = heads(inBulk.kura.store.db);
    byRow.kura.store.transaction(() => writes(vaults.get(byRow)!));
    inBulk.kura.store.transaction(() => vaults.get(inBulk)!.bulk(() => writes(vaults.get(inBulk)!)));
    const expected = comparable(byRow.kura.store.db, queuedAfter(byRow.kura.store.db, o1, q1));
    const actual = comparable(inBulk.kura.store.db, queuedAfter(inBulk.kura.store.db, o2, q2));
    assert.equal(expected.outbox.length, 7);
    assert.deepEqual(actual, expected);
    // And the number registered again on a cancelled row (a second bulk) is 'registered', as the trigger says.
    const [o3, q3] = heads(byRow.kura.store.db);
    const [o4, q4] = heads(inBulk.kura.store.db);
    byRow.kura.store.transaction(() => vaults.get(byRow)!.register(id(1), demoMyNumber(201)));
    inBulk.kura.store.transaction(() => vaults.get(inBulk)!.bulk(() => vaults.get(inBulk)!.register(id(1), demoMyNumber(201))));
    const again = comparable(inBulk.kura.store.db, queuedAfter(inBulk.kura.store.db, o4, q4));
    assert.deepEqual(again, comparable(byRow.kura.store.db, queuedAfter(byRow.kura.store.db, o3, q3)));
    assert.equal(again.outbox[0]!.base_version, 2);
  });

  it('a record written twice in one bulk is one mutation from its version before the bulk', () => {
    const db = inBulk.kura.store.db;
    const vault = vaults.get(inBulk)!;
    const [o, q] = heads(db);
    inBulk.kura.store.transaction(() => vault.bulk(() => {
      vault.register(id(11), demoMyNumber(11));
      vault.correct(id(11), demoMyNumber(111), 1);
    }));
    const queued = queuedAfter(db, o, q);
    assert.equal(queued.outbox.length, 1);
    assert.equal(queued.outbox[0]!.base_version, 0);
    assert.equal(queued.outbox[0]!.row.koshinTsuban, 2);
    assert.deepEqual(queued.intermediate.map((e) => e.change_kind), ['mynumber_changed', 'mynumber_registered']);
  });

  it('a bulk that fails leaves nothing queued, and the triggers work again afterwards', () => {
    const db = inBulk.kura.store.db;
    const vault = vaults.get(inBulk)!;
    const [o, q] = heads(db);
    assert.throws(() => inBulk.kura.store.transaction(() => vault.bulk(() => {
      vault.register(id(12), demoMyNumber(12));
      vault.register(id(4), demoMyNumber(4)); // already registered: refused, the whole bulk rolls back
    })), /already/i);
    assert.deepEqual(queuedAfter(db, o, q), { outbox: [], intermediate: [] });
    assert.equal(db.prepare('SELECT count(*) FROM bulk_number_writes').pluck().get(), 0);
    db.transaction(() => vault.register(id(12), demoMyNumber(12))).immediate();
    assert.equal(queuedAfter(db, o, q).outbox.length, 1, 'a single write after it is queued by its trigger');
  });

  it('DP-2: a bulk registration marks, as the row trigger does, that this terminal sealed numbers under its own keys', async () => {
    const fresh = await startKura();
    try {
      const db = fresh.kura.store.db;
      const vault = new MyNumberVault(fresh.kura.store, () => AT);
      const members = new MemberRegistry(db, () => AT);
      const random = seededRandom(6);
      db.transaction(() => members.insert(demoMember(1, random))).immediate();
      const marked = (): unknown[] => db.prepare('SELECT what, first_at FROM org_keys_local_use').all();
      assert.deepEqual(marked(), []);
      fresh.kura.store.transaction(() => vault.bulk(() => vault.register(id(1), demoMyNumber(1))));
      assert.deepEqual(marked(), [{ what: 'mynumber_master', first_at: AT.toISOString() }]);
    } finally {
      fresh.close();
    }
  });

  it('a bulk outside a transaction is refused (its queue entries must commit with its writes)', () => {
    assert.throws(() => vaults.get(inBulk)!.bulk(() => undefined), /inside the caller/);
  });

  it('a bulk inside a bare database transaction is refused: only the store sees its end and puts its settings back', () => {
    const store = inBulk.kura.store;
    const auto = store.db.pragma('wal_autocheckpoint', { simple: true });
    assert.throws(() => store.db.transaction(() => vaults.get(inBulk)!.bulk(() => undefined)).immediate(), /store\.transaction of a bulk write/);
    assert.equal(store.db.pragma('wal_autocheckpoint', { simple: true }), auto);
  });
});
