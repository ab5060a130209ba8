// AC-9 / DP-2: one number belongs to one live person. The vault no longer asks the blind index before
// a write; the unique index on live rows refuses it. These tests hold every write path to that promise
// and check that a refused write changes nothing.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { KuraError } from '../../shared/errors';
import { MemberRegistry, demoMember, seededRandom } from '../../main/core/members';
import { MyNumberVault, demoMyNumber } from '../../main/core/mynumber';
import { startKura, type TestKura } from '../helpers/kura';

const id = (i: number): string => `Q${String(i).padStart(9, '0')}`;

function refusedAsTaken(fn: () => unknown): void {
  assert.throws(fn, (e: unknown) => e instanceof KuraError && e.code === 'mynumber_taken');
}

describe('AC-9: one number, one person, kept by the live-row unique index', () => {
  let t: TestKura;
  let vault: MyNumberVault;
  const master = (shikakuId: string): unknown => t.kura.store.db.prepare('SELECT * FROM mynumber_master WHERE shikaku_id = ?').get(shikakuId);

  beforeAll(async () => {
    t = await startKura();
    const members = new MemberRegistry(t.kura.store.db, () => new Date());
    vault = new MyNumberVault(t.kura.store, () => new Date());
    const random = seededRandom(9);
    t.kura.store.transaction(() => {
      for (let i = 1; i <= 5; i++) members.insert(demoMember(900 + i, random));
      vault.register(id(901), demoMyNumber(1));
      vault.register(id(902), demoMyNumber(2));
    });
  });
  afterAll(() => t.close());

  it('AC-9: registering a number held by another member is refused and writes nothing', () => {
    refusedAsTaken(() => t.kura.store.transaction(() => vault.register(id(903), demoMyNumber(1))));
    assert.equal(master(id(903)), undefined);
  });

  it('AC-9: correcting to a number held by another member is refused and the row keeps its number', () => {
    const before = master(id(902));
    refusedAsTaken(() => t.kura.store.transaction(() => vault.correct(id(902), demoMyNumber(1), 1)));
    assert.deepEqual(master(id(902)), before);
    assert.equal(vault.findHolder(demoMyNumber(2)), id(902));
  });

  it('AC-9: correcting to the same number it already holds is not counted against itself', () => {
    const r = t.kura.store.transaction(() => vault.correct(id(902), demoMyNumber(2), 1));
    assert.equal(r.version, 2);
  });

  it('AC-9: a cancelled row frees its number, and registering again on it checks the live rows', () => {
    t.kura.store.transaction(() => vault.cancel(id(901), 1));
    // The cancelled row's number may now go to someone else...
    t.kura.store.transaction(() => vault.register(id(904), demoMyNumber(1)));
    assert.equal(vault.findHolder(demoMyNumber(1)), id(904));
    // ...and the cancelled row cannot take it back, nor take another member's number.
    const cancelled = master(id(901));
    refusedAsTaken(() => t.kura.store.transaction(() => vault.register(id(901), demoMyNumber(1))));
    refusedAsTaken(() => t.kura.store.transaction(() => vault.register(id(901), demoMyNumber(2))));
    assert.deepEqual(master(id(901)), cancelled);
  });

  it('AC-9: the refusals keep their order: no member, then already registered, then taken', () => {
    const code = (fn: () => unknown): string => {
      try {
        fn();
        return 'written';
      } catch (e) {
        return e instanceof KuraError ? e.code : String(e);
      }
    };
    const register = (shikakuId: string, n: number): string => code(() => t.kura.store.transaction(() => vault.register(shikakuId, demoMyNumber(n))));
    assert.equal(register('Q999999999', 77), 'member_not_found', 'an unknown 資格ID');
    assert.equal(register('Q999999999', 2), 'member_not_found', 'an unknown 資格ID, even with a taken number');
    assert.equal(register(id(902), 77), 'mynumber_already_registered');
    assert.equal(register(id(902), 1), 'mynumber_already_registered', 'a live row, even with another member\u2019s number');
    t.kura.store.db.prepare('UPDATE members SET deleted = 1 WHERE shikaku_id = ?').run(id(905));
    try {
      assert.equal(register(id(905), 77), 'member_not_found', 'a deleted member');
      assert.equal(master(id(905)), undefined);
    } finally {
      t.kura.store.db.prepare('UPDATE members SET deleted = 0 WHERE shikaku_id = ?').run(id(905));
    }
  });

  it('AC-9: inside a bulk write the same refusal holds and rolls the whole bulk back', () => {
    const outbox = (): number => t.kura.store.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get() as number;
    const queued = outbox();
    refusedAsTaken(() =>
      t.kura.store.transaction(() =>
        vault.bulk(() => {
          vault.register(id(905), demoMyNumber(5));
          vault.register(id(903), demoMyNumber(2));
        }),
      ),
    );
    assert.equal(master(id(905)), undefined, 'the earlier row of the refused bulk is gone too');
    assert.equal(outbox(), queued, 'nothing was queued for sync');
  });
});
