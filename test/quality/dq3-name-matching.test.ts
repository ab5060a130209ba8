// DQ-3 名寄せ: when a 資格ID changes, and for 任意継続 / 特例退職 enrolment, the person's earlier
// records are linked (matched by birth date + カナ氏名 + blind index when both hold a number,
// confirmed by an EDIT user) and shown.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoMyNumber } from '../../main/core/mynumber';
import type { Connection } from '../../main/rpc';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { startKura, type TestKura } from '../helpers/kura';
import { addMembers, member } from '../retention/kit';

describe('DQ-3: 名寄せ', () => {
  let t: TestKura;
  let edit: Connection;
  beforeAll(async () => {
    t = await startKura();
    const person = { kanjiName: '名寄　一郎', kanaName: 'ナヨセ イチロウ', birthDate: '1970-07-07' };
    addMembers(t, [
      { m: member('N000000001', { ...person, shutokuDate: '1995-04-01', soshitsuDate: '2020-03-31' }), number: 41 }, // earlier 資格ID
      { m: member('N000000003', { ...person, jigyoshoKigo: '0202', shutokuDate: '2024-04-01' }) }, // 任意継続, no number yet
      { m: member('N000000004', { ...person, jigyoshoKigo: '0303', shutokuDate: '2022-04-01' }), number: 44 }, // namesake, another number
      { m: member('N000000005', { ...person, birthDate: '1971-07-07', shutokuDate: '2010-04-01' }) }, // other birth date
    ]);
    // The 資格ID changes: the old number is cancelled (blind index kept) and registered on the new ID.
    t.kura.store.transaction(() => {
      t.kura.vault.cancel('N000000001', 1);
      t.kura.members.insert(member('N000000002', { ...person, jigyoshoKigo: '0404', shutokuDate: '2020-04-01' }));
      t.kura.vault.register('N000000002', demoMyNumber(41));
    });
    edit = await t.clerk('nayose.edit', 'EDIT', ['tekiyo'], 'tekiyo');
  });
  afterAll(() => t.close());

  it('DQ-3: candidates match on birth date and kana, and on the blind index when both hold a number', async () => {
    const { candidates } = await t.call(edit, 'quality.linkCandidates', { shikakuId: 'N000000002' });
    assert.deepEqual(candidates.map((c) => [c.shikakuId, c.numberMatch]), [['N000000001', 'same'], ['N000000003', 'not_compared']]);
    assert.equal(TWELVE_DIGIT_RUN.test(JSON.stringify(candidates)), false);
  });

  it('DQ-3: an EDIT user confirms the 資格ID change and the 任意継続 enrolment; the history shows all three records', async () => {
    assert.deepEqual(await t.call(edit, 'quality.link', { earlierShikakuId: 'N000000001', laterShikakuId: 'N000000002', reason: 'shikaku_change' }), { numberMatch: 'same' });
    assert.deepEqual(await t.call(edit, 'quality.link', { earlierShikakuId: 'N000000002', laterShikakuId: 'N000000003', reason: 'nini_keizoku' }), { numberMatch: 'not_compared' });
    const view = await t.clerk('nayose.view', 'VIEW', ['kyufu'], 'kyufu');
    const { records } = await t.call(view, 'quality.history', { shikakuId: 'N000000003' });
    assert.deepEqual(records.map((r) => [r.shikakuId, r.jigyoshoKigo, r.linkedBy?.reason ?? null, r.linkedBy?.with ?? null, r.linkedBy?.confirmedBy ?? null]), [
      ['N000000001', '0101', null, null, null],
      ['N000000002', '0404', 'shikaku_change', 'N000000001', 'nayose.edit'],
      ['N000000003', '0202', 'nini_keizoku', 'N000000002', 'nayose.edit'],
    ]);
    // The same history from the earliest record; linked records are no longer candidates.
    assert.equal((await t.call(view, 'quality.history', { shikakuId: 'N000000001' })).records.length, 3);
    assert.deepEqual((await t.call(edit, 'quality.linkCandidates', { shikakuId: 'N000000002' })).candidates, []);
    const logged = t.kura.audit.recent(10, 'quality.link').map((e) => [e.target, e.detail.earlier, e.outcome]);
    assert.deepEqual(logged, [['N000000003', 'N000000002', 'ok'], ['N000000002', 'N000000001', 'ok']]);
  });

  it('DQ-3: a link that does not match (other number, other birth date, itself) or already exists is refused', async () => {
    for (const earlier of ['N000000004', 'N000000005', 'N000000002']) {
      const r = await t.raw(edit, 'quality.link', { earlierShikakuId: earlier, laterShikakuId: 'N000000002', reason: 'tokurei_taishoku' });
      assert.equal(!r.ok && r.error.code, 'link_not_matching', earlier);
    }
    const twice = await t.raw(edit, 'quality.link', { earlierShikakuId: 'N000000003', laterShikakuId: 'N000000001', reason: 'shikaku_change' });
    assert.equal(!twice.ok && twice.error.code, 'link_exists');
    assert.equal(t.kura.audit.recent(1, 'quality.link')[0]?.outcome, 'refused');
    assert.equal((t.kura.store.db.prepare('SELECT count(*) AS n FROM member_links').get() as { n: number }).n, 2);
  });

  it('DQ-3: NONE and VIEW users cannot link; NONE cannot read the history', async () => {
    const none = await t.clerk('nayose.none', 'NONE', []);
    const view = await t.clerk('nayose.view2', 'VIEW', ['tekiyo'], 'tekiyo');
    for (const conn of [none, view]) {
      const candidates = await t.raw(conn, 'quality.linkCandidates', { shikakuId: 'N000000004' });
      assert.equal(!candidates.ok && candidates.error.code, 'forbidden');
      const link = await t.raw(conn, 'quality.link', { earlierShikakuId: 'N000000005', laterShikakuId: 'N000000004', reason: 'shikaku_change' });
      assert.equal(!link.ok && link.error.code, 'forbidden');
    }
    const history = await t.raw(none, 'quality.history', { shikakuId: 'N000000001' });
    assert.equal(!history.ok && history.error.code, 'forbidden');
  });
});
