// RT-1: a My Number is kept 10 years after 資格喪失日, then the deletion function erases it beyond
// recovery, while the rest of the member's record stays.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoMyNumber } from '../../main/core/mynumber';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addMembers, ciphertextOf, decryptedDatabasePages, member } from './kit';

type MasterRow = { mynumber_enc: Buffer | null; blind_index: Buffer | null; sakujo_kubun: number; koshin_tsuban: number };

describe('RT-1: My Number erased 10 years after loss of qualification', () => {
  let t: TestKura;
  let sysadmin: Connection;
  const master = (id: string) => t.kura.store.db.prepare('SELECT mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban FROM mynumber_master WHERE shikaku_id = ?').get(id) as MasterRow;

  beforeAll(async () => {
    t = await startKura();
    // The clock says 2026-11-24 (Japan): the period ends for 資格喪失日 2016-11-24 and earlier.
    addMembers(t, [
      { m: member('R000000001', { soshitsuDate: '2016-11-24' }), number: 1 }, // exactly 10 years: goes
      { m: member('R000000002', { soshitsuDate: '2016-11-25' }), number: 2 }, // one day short: stays
      { m: member('R000000003'), number: 3 }, // still qualified: stays
      { m: member('R000000004', { soshitsuDate: '2005-03-31' }), number: 4 }, // long past: goes
    ]);
    sysadmin = await t.clerk('hozon.admin', 'NONE', [], undefined, ['sysadmin']);
  });
  afterAll(() => t.close());

  it('RT-1: the purge erases the number (NULL ciphertext and blind index, 削除区分 1, 更新通番 +1) and keeps the member record', async () => {
    const before1 = master('R000000001');
    const result = await t.call(sysadmin, 'retention.run', { confirm: true });
    assert.equal(result.asOf, '2026-11-24');
    assert.equal(result.myNumbers, 2);
    for (const id of ['R000000001', 'R000000004']) {
      const row = master(id);
      assert.equal(row.mynumber_enc, null);
      assert.equal(row.blind_index, null);
      assert.equal(row.sakujo_kubun, 1);
    }
    assert.equal(master('R000000001').koshin_tsuban, before1.koshin_tsuban + 1);
    const admin = await t.manager();
    const kept = await t.call(admin, 'member.get', { shikakuId: 'R000000001' });
    assert.equal(kept.soshitsuDate, '2016-11-24');
    assert.equal(kept.kanjiName, '保管　太郎');
  });

  it('RT-1: a member still qualified, or lost less than 10 years ago, keeps the number', () => {
    for (const id of ['R000000002', 'R000000003']) {
      const row = master(id);
      assert.ok(row.mynumber_enc && row.blind_index, id);
      assert.equal(row.sakujo_kubun, 0);
      assert.equal(row.koshin_tsuban, 1);
    }
  });

  it('RT-1: an erased number can no longer be revealed or found', async () => {
    const clerk = await t.clerk('hozon.edit', 'EDIT', ['tekiyo'], 'tekiyo');
    const r = await t.raw(clerk, 'mynumber.reveal', { shikakuId: 'R000000001' });
    assert.equal(r.ok, false);
    assert.equal(!r.ok && r.error.code, 'mynumber_not_registered');
    assert.equal(t.kura.vault.findHolder(demoMyNumber(1)), null);
  });

  it('RT-1: purging twice is idempotent (nothing more is erased, 更新通番 does not move)', async () => {
    const tsuban = master('R000000001').koshin_tsuban;
    const again = await t.call(sysadmin, 'retention.run', { confirm: true });
    assert.equal(again.myNumbers, 0);
    assert.equal(master('R000000001').koshin_tsuban, tsuban);
  });

  it('RT-1: the day the period ends for the next member, the next run erases that number', async () => {
    t.clock.advance(24 * 3_600_000);
    sysadmin = await t.clerk('hozon.admin2', 'NONE', [], undefined, ['sysadmin']);
    const next = await t.call(sysadmin, 'retention.run', { confirm: true });
    assert.equal(next.asOf, '2026-11-25');
    assert.equal(next.myNumbers, 1);
    assert.equal(master('R000000002').mynumber_enc, null);
    assert.ok(master('R000000003').mynumber_enc);
  });

  it('RT-1: NONE, VIEW and EDIT users (and a manager without the sysadmin role) cannot run the purge', async () => {
    const none = await t.clerk('hozon.none', 'NONE', []);
    const view = await t.clerk('hozon.view', 'VIEW', ['tekiyo'], 'tekiyo');
    const edit = await t.clerk('hozon.edit2', 'EDIT', ['tekiyo'], 'tekiyo');
    const manager = await t.clerk('hozon.mgr', 'NONE', [], undefined, ['manager']);
    for (const conn of [none, view, edit, manager]) {
      const r = await t.raw(conn, 'retention.run', { confirm: true });
      assert.equal(!r.ok && r.error.code, 'forbidden');
    }
    const unconfirmed = await t.raw(sysadmin, 'retention.run', {});
    assert.equal(!unconfirmed.ok && unconfirmed.error.code, 'invalid_input');
  });
});

describe('RT-1: erasure is unrecoverable (no copy of the ciphertext left in the database file)', () => {
  it('RT-1: after purge and checkpoint, no page of the decrypted file holds the old ciphertext, raw or hex', async () => {
    const t = await startKura();
    try {
      addMembers(t, [
        { m: member('R000000011', { soshitsuDate: '2010-01-31' }), number: 11 },
        { m: member('R000000012'), number: 12 },
      ]);
      const gone = ciphertextOf(t, 'R000000011')!;
      const live = ciphertextOf(t, 'R000000012')!;
      // A second copy of the ciphertext: the 個人番号入力結果情報 of an employer file.
      t.kura.store.db
        .prepare(`INSERT INTO mynumber_input_results (input_date, registered_by, kigo_bango, mynumber_enc, name, birth_date, koshin_kubun, todokesho_code, input_at, shikaku_id, import_id, row_no)
                  VALUES ('2009-04-01', 'x', '0101-00000011', ?, '保管 太郎', '1960-05-03', 1, 'A', '2009-04-01T00:00:00Z', 'R000000011', 'IMP-1', 1)`)
        .run(gone);
      const hex = Buffer.from(gone.toString('hex'), 'ascii');
      t.kura.store.db.pragma('wal_checkpoint(TRUNCATE)');
      const beforePurge = decryptedDatabasePages(t.dir);
      // The scan can see it: raw (master, input results) and hex (sync outbox) before the purge.
      assert.ok(beforePurge.includes(gone));
      assert.ok(beforePurge.includes(hex));

      const sysadmin = await t.clerk('hozon.admin', 'NONE', [], undefined, ['sysadmin']);
      assert.equal((await t.call(sysadmin, 'retention.run', { confirm: true })).myNumbers, 1);
      t.kura.store.db.pragma('wal_checkpoint(TRUNCATE)');
      const afterPurge = decryptedDatabasePages(t.dir);
      assert.equal(afterPurge.includes(gone), false, 'ciphertext bytes left in a page');
      assert.equal(afterPurge.includes(hex), false, 'hex ciphertext left in a page (outbox)');
      assert.equal(afterPurge.includes(gone.subarray(0, 16)), false, 'IV and tag prefix left in a page');
      assert.ok(afterPurge.includes(live), 'the kept number is still readable by the scan');
    } finally {
      t.close();
    }
  });
});
