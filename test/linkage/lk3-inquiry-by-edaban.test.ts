// LK-3: the inquiry file for the intermediate server names members by 被保険者枝番, never by My
// Number (a scan for 12-digit runs proves it) nor by 資格ID; answers come back to the member through
// the qualification ID the inquiry row holds.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { EDABAN_PATTERN } from '../../main/core/linkage';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addPeople, PEOPLE, twelveDigitRuns } from './kit';

describe('LK-3: inquiries by 被保険者枝番', () => {
  let t: TestKura;
  let link: Connection;
  const ids = [PEOPLE.sato.shikakuId, PEOPLE.suzuki.shikakuId, PEOPLE.tanaka.shikakuId];
  beforeAll(async () => {
    t = await startKura();
    addPeople(t);
    link = await t.clerk('renkei.hanako', 'LINK', ['renkei', 'tekiyo'], 'renkei');
  });
  afterAll(() => t.close());

  it('LK-3: the inquiry rows and file carry the 枝番 and no My Number, no 資格ID', async () => {
    const built = await t.call(link, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: ids });
    assert.equal(built.rows.length, 3);
    for (const row of built.rows) assert.match(row.hihokenshaEdaban, EDABAN_PATTERN);
    assert.equal(new Set(built.rows.map((r) => r.hihokenshaEdaban)).size, 3);
    // The members hold registered numbers: none of them, and no 12-digit run at all, leaves.
    assert.deepEqual(twelveDigitRuns(built), []);
    for (const n of [PEOPLE.sato.myNumber, PEOPLE.tanaka.myNumber]) assert.ok(!JSON.stringify(built).includes(n));
    for (const id of ids) assert.ok(!built.file.includes(id), `${id} must stay on the terminal`);
    const lines = built.file.split('\r\n');
    assert.equal(lines[0], '行番号,被保険者枝番,事務名称,事務手続名称,特定個人情報名称');
    assert.equal(lines.length, 4);
    assert.ok(lines[1]!.startsWith(`1,${built.rows[0]!.hihokenshaEdaban},`));
  });

  it('LK-3: a member keeps one 枝番 across inquiries', async () => {
    const first = await t.call(link, 'linkage.inquiry.build', { procedureCode: 'T02', shikakuIds: [PEOPLE.tanaka.shikakuId] });
    const second = await t.call(link, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.tanaka.shikakuId, PEOPLE.tanaka.shikakuId] });
    assert.equal(second.rows.length, 1);
    assert.equal(first.rows[0]!.hihokenshaEdaban, second.rows[0]!.hihokenshaEdaban);
    assert.notEqual(first.inquiryId, second.inquiryId);
  });

  it('LK-3: answers are matched back through the qualification ID; strangers, repeats and numbers are not stored', async () => {
    const built = await t.call(link, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.sato.shikakuId, PEOPLE.suzuki.shikakuId] });
    const [sato, suzuki] = built.rows;
    const other = await t.call(link, 'linkage.inquiry.build', { procedureCode: 'T02', shikakuIds: [PEOPLE.tanaka.shikakuId] });
    const results = await t.call(link, 'linkage.inquiry.answers', {
      inquiryId: built.inquiryId,
      answers: [
        { hihokenshaEdaban: sato!.hihokenshaEdaban, content: '令和7年度 所得 2,400,000円' },
        { hihokenshaEdaban: other.rows[0]!.hihokenshaEdaban, content: '別の照会の枝番' },
        { hihokenshaEdaban: suzuki!.hihokenshaEdaban, content: `個人番号 ${PEOPLE.sato.myNumber}` },
        { hihokenshaEdaban: sato!.hihokenshaEdaban, content: '二度目' },
      ],
    });
    assert.deepEqual(results.map((r) => [r.outcome, r.shikakuId]), [
      ['matched', PEOPLE.sato.shikakuId],
      ['not_in_inquiry', null],
      ['refused_number', PEOPLE.suzuki.shikakuId],
      ['already_answered', PEOPLE.sato.shikakuId],
    ]);
    const stored = t.kura.store.db.prepare('SELECT shikaku_id, answer FROM linkage_inquiry_rows WHERE inquiry_id = ? ORDER BY row_no').all(built.inquiryId);
    assert.deepEqual(stored, [
      { shikaku_id: PEOPLE.sato.shikakuId, answer: '令和7年度 所得 2,400,000円' },
      { shikaku_id: PEOPLE.suzuki.shikakuId, answer: null },
    ]);
    const missing = await t.raw(link, 'linkage.inquiry.answers', { inquiryId: 'SK-20260101-AAAAAA', answers: [{ hihokenshaEdaban: sato!.hihokenshaEdaban, content: 'x' }] });
    assert.ok(!missing.ok && missing.error.code === 'linkage_inquiry_not_found');
  });

  it('LK-3: an unknown 資格ID stops the whole inquiry; a 12-digit "資格ID" is refused at the boundary', async () => {
    const before = (t.kura.store.db.prepare('SELECT count(*) AS n FROM linkage_inquiries').get() as { n: number }).n;
    const r = await t.raw(link, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.sato.shikakuId, 'NOSUCH01'] });
    assert.ok(!r.ok && r.error.code === 'member_not_found');
    const n = await t.raw(link, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.sato.myNumber] });
    assert.ok(!n.ok && n.error.code === 'invalid_input');
    assert.deepEqual(twelveDigitRuns(n), []);
    assert.equal((t.kura.store.db.prepare('SELECT count(*) AS n FROM linkage_inquiries').get() as { n: number }).n, before);
    assert.deepEqual(twelveDigitRuns(t.kura.store.db.prepare("SELECT detail, target FROM audit_log WHERE event LIKE 'linkage.%'").all()), []);
  });
});
