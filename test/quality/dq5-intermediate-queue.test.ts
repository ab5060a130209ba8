// DQ-5: new or changed member data is queued at once (same transaction, by trigger) for registration
// with the intermediate server; the queue holds the 資格ID and the kind of change, never the number.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoMyNumber } from '../../main/core/mynumber';
import type { Connection } from '../../main/rpc';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { startKura, type TestKura } from '../helpers/kura';
import { addMembers, ciphertextOf, member } from '../retention/kit';

describe('DQ-5: intermediate-server registration queue', () => {
  let t: TestKura;
  let link: Connection;
  const pendingKinds = () => t.kura.store.db.prepare('SELECT shikaku_id AS id, change_kind AS kind FROM intermediate_queue WHERE sent_at IS NULL ORDER BY seq').all();
  beforeAll(async () => {
    t = await startKura();
    link = await t.clerk('chukan.link', 'LINK', ['renkei']);
  });
  afterAll(() => t.close());

  it('DQ-5: a new member, a registered number, a correction and an erasure are queued in the writing transaction', async () => {
    addMembers(t, [{ m: member('M000000001', { soshitsuDate: '2010-01-01' }), number: 51 }, { m: member('M000000002') }]);
    assert.deepEqual(pendingKinds(), [
      { id: 'M000000001', kind: 'member_new' }, { id: 'M000000001', kind: 'mynumber_registered' }, { id: 'M000000002', kind: 'member_new' },
    ]);
    t.kura.store.transaction(() => {
      t.kura.vault.correct('M000000001', demoMyNumber(52), 1);
      t.kura.vault.correct('M000000001', demoMyNumber(53), 2); // still pending: one entry is enough
    });
    const sysadmin = await t.clerk('chukan.admin', 'NONE', [], undefined, ['sysadmin']);
    await t.call(sysadmin, 'retention.run', { confirm: true });
    assert.deepEqual(pendingKinds().slice(3), [{ id: 'M000000001', kind: 'mynumber_changed' }, { id: 'M000000001', kind: 'mynumber_deleted' }]);
    // A rolled-back write queues nothing.
    assert.throws(() => t.kura.store.transaction(() => {
      t.kura.members.insert(member('M000000003'));
      throw new Error('rollback');
    }));
    assert.equal(pendingKinds().length, 5);
  });

  it('DQ-5: rows applied from the data center are not queued again here', () => {
    t.kura.store.transaction(() => {
      t.kura.store.db.prepare('INSERT INTO sync_applying (flag) VALUES (1)').run();
      t.kura.members.insert(member('M000000009'));
      t.kura.store.db.prepare('DELETE FROM sync_applying').run();
    });
    assert.equal((t.kura.store.db.prepare("SELECT count(*) AS n FROM intermediate_queue WHERE shikaku_id = 'M000000009'").get() as { n: number }).n, 0);
  });

  it('DQ-5: the queue never holds a number: its columns, and what the channel returns', async () => {
    const columns = (t.kura.store.db.prepare("SELECT name FROM pragma_table_info('intermediate_queue')").all() as { name: string }[]).map((c) => c.name);
    assert.deepEqual(columns, ['seq', 'shikaku_id', 'change_kind', 'queued_at', 'sent_at', 'sent_by']);
    addMembers(t, [{ m: member('M000000004'), number: 54 }]);
    const enc = ciphertextOf(t, 'M000000004')!.toString('hex');
    const pending = await t.call(link, 'quality.queuePending', {});
    const text = JSON.stringify(pending);
    assert.equal(TWELVE_DIGIT_RUN.test(text), false);
    assert.equal(text.includes(enc), false);
    assert.equal(pending.total, 7);
    assert.equal(pending.items[0]?.queuedAt, t.clock.now().toISOString());
  });

  it('DQ-5: a LINK user marks entries sent; they leave the pending list, and marking again changes nothing', async () => {
    const { items } = await t.call(link, 'quality.queuePending', { limit: 3 });
    const seqs = items.map((i) => i.seq);
    assert.deepEqual(await t.call(link, 'quality.queueMarkSent', { seqs }), { marked: 3, skipped: 0 });
    assert.deepEqual(await t.call(link, 'quality.queueMarkSent', { seqs }), { marked: 0, skipped: 3 });
    const after = await t.call(link, 'quality.queuePending', {});
    assert.equal(after.total, 4);
    assert.ok(after.items.every((i) => !seqs.includes(i.seq)));
    const sent = t.kura.store.db.prepare('SELECT sent_by FROM intermediate_queue WHERE seq = ?').get(seqs[0]) as { sent_by: string };
    assert.equal(sent.sent_by, 'chukan.link');
    assert.equal(t.kura.audit.recent(2, 'quality.queueMarkSent')[1]?.detail.marked, 3);
  });

  it('DQ-5: NONE, VIEW and EDIT users cannot read or mark the queue', async () => {
    for (const [id, level] of [['chukan.none', 'NONE'], ['chukan.view', 'VIEW'], ['chukan.edit', 'EDIT']] as const) {
      const conn = await t.clerk(id, level, level === 'NONE' ? [] : ['tekiyo'], level === 'NONE' ? undefined : 'tekiyo');
      for (const [channel, input] of [['quality.queuePending', {}], ['quality.queueMarkSent', { seqs: [4] }]] as const) {
        const r = await t.raw(conn, channel, input);
        assert.equal(!r.ok && r.error.code, 'forbidden', `${id} ${channel}`);
      }
    }
    assert.equal((await t.call(link, 'quality.queuePending', {})).total, 4);
  });
});
