// LK-4: only the business procedures permitted to the user can be chosen for an inquiry: the
// procedure table is data (resources/linkage-procedures.json), each procedure bound to businesses,
// and a 情報連携 user chooses only those of the businesses they are assigned to.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parseProcedures } from '../../main/core/linkage';
import { configureLinkageProcedures } from '../../main/rpc/handlers/linkage';
import { contract } from '../../shared/rpc';
import { startKura, type TestKura } from '../helpers/kura';
import { addPeople, PEOPLE } from './kit';

describe('LK-4: permitted procedures', () => {
  let t: TestKura;
  beforeAll(async () => {
    t = await startKura();
    addPeople(t);
  });
  afterAll(() => t.close());

  it('LK-4: the shipped table is valid data and binds every procedure to a business', () => {
    const table = parseProcedures(JSON.parse(readFileSync('resources/linkage-procedures.json', 'utf8')));
    assert.ok(table.length >= 3);
    for (const p of table) assert.ok(p.businesses.length > 0, p.code);
    assert.throws(() => parseProcedures({ procedures: [{ ...table[0], businesses: [] }] }));
    assert.throws(() => parseProcedures({ procedures: [table[0], table[0]] }));
  });

  it('LK-4: inquiry channels are 情報連携 work in the contract', () => {
    for (const c of ['linkage.procedures', 'linkage.inquiry.build', 'linkage.inquiry.answers', 'linkage.identity.import'] as const) {
      assert.equal(contract[c].business, 'renkei', c);
      assert.equal(contract[c].access, 'linkage.inquiry', c);
    }
  });

  it('LK-4: an 適用 user is offered and may choose only 適用 procedures', async () => {
    const tekiyo = await t.clerk('renkei.tekiyo', 'LINK', ['renkei', 'tekiyo'], 'renkei');
    assert.deepEqual((await t.call(tekiyo, 'linkage.procedures', {})).map((p) => p.code), ['T01', 'T02']);
    assert.ok((await t.raw(tekiyo, 'linkage.inquiry.build', { procedureCode: 'T02', shikakuIds: [PEOPLE.sato.shikakuId] })).ok);
    const kyufu = await t.raw(tekiyo, 'linkage.inquiry.build', { procedureCode: 'K01', shikakuIds: [PEOPLE.sato.shikakuId] });
    assert.ok(!kyufu.ok && kyufu.error.code === 'linkage_procedure_not_permitted');
    assert.match(kyufu.error.ja, /高額療養費の支給/);
    assert.match(kyufu.error.ja, /適用/);
    const unknown = await t.raw(tekiyo, 'linkage.inquiry.build', { procedureCode: 'ZZ9', shikakuIds: [PEOPLE.sato.shikakuId] });
    assert.ok(!unknown.ok && unknown.error.code === 'linkage_procedure_unknown');
    const refused = t.kura.store.db.prepare("SELECT detail FROM audit_log WHERE event = 'linkage.inquiry.build' AND outcome = 'refused'").all() as { detail: string }[];
    assert.ok(refused.some((r) => r.detail.includes('linkage_procedure_not_permitted')));
  });

  it('LK-4: a 給付 user gets the 給付 procedures; a user with only 情報連携 gets none', async () => {
    const kyufu = await t.clerk('renkei.kyufu', 'LINK', ['renkei', 'kyufu'], 'renkei');
    assert.deepEqual((await t.call(kyufu, 'linkage.procedures', {})).map((p) => p.code), ['K01', 'K02']);
    assert.ok((await t.raw(kyufu, 'linkage.inquiry.build', { procedureCode: 'K01', shikakuIds: [PEOPLE.suzuki.shikakuId] })).ok);
    const only = await t.clerk('renkei.only', 'LINK', ['renkei'], 'renkei');
    assert.deepEqual(await t.call(only, 'linkage.procedures', {}), []);
    const r = await t.raw(only, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.suzuki.shikakuId] });
    assert.ok(!r.ok && r.error.code === 'linkage_procedure_not_permitted');
  });

  it('LK-4: the table is the rule: a society that binds T01 to 給付 as well changes who may choose it', async () => {
    const table = parseProcedures(JSON.parse(readFileSync('resources/linkage-procedures.json', 'utf8')));
    configureLinkageProcedures(t.kura, table.map((p) => (p.code === 'T01' ? { ...p, businesses: ['tekiyo', 'kyufu'] } : p)));
    const kyufu = await t.clerk('renkei.kyufu2', 'LINK', ['renkei', 'kyufu'], 'renkei');
    assert.deepEqual((await t.call(kyufu, 'linkage.procedures', {})).map((p) => p.code), ['T01', 'K01', 'K02']);
    assert.ok((await t.raw(kyufu, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.suzuki.shikakuId] })).ok);
  });

  it('LK-4: without LINK, or without 情報連携 declared, no procedure can be chosen at all', async () => {
    const edit = await t.clerk('tekiyo.edit', 'EDIT', ['renkei', 'tekiyo'], 'renkei');
    const r1 = await t.raw(edit, 'linkage.procedures', {});
    assert.ok(!r1.ok && r1.error.code === 'forbidden');
    const r2 = await t.raw(edit, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.sato.shikakuId] });
    assert.ok(!r2.ok && r2.error.code === 'forbidden');
    const undeclared = await t.clerk('renkei.undeclared', 'LINK', ['renkei', 'tekiyo'], 'tekiyo');
    const r3 = await t.raw(undeclared, 'linkage.inquiry.build', { procedureCode: 'T01', shikakuIds: [PEOPLE.sato.shikakuId] });
    assert.ok(!r3.ok && r3.error.code === 'business_required');
  });
});
