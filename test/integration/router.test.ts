// AC-9, AC-11, AC-7 (declared business), AU-1 and bad input through the real router.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { computeCheckDigit } from '../../shared/mynumber';
import { contract, type Channel } from '../../shared/rpc';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';

const valid = (first11: string): string => first11 + computeCheckDigit(first11);
const noDigits = (value: unknown): void => assert.equal(TWELVE_DIGIT_RUN.test(JSON.stringify(value)), false, `12-digit run in ${JSON.stringify(value).slice(0, 300)}`);

describe('AC-9, AC-11: who sees what', () => {
  let t: TestKura;
  let none: Connection;
  let view: Connection;
  let edit: Connection;
  let holder: string; // a 資格ID with a registered number
  let number: string;
  beforeAll(async () => {
    t = await startKura({ seed: 300 });
    none = await t.clerk('sato.jiro', 'NONE', [], undefined);
    view = await t.clerk('suzuki.ken', 'VIEW', ['kyufu'], 'kyufu');
    edit = await t.clerk('tanaka.hanako', 'EDIT', ['tekiyo', 'kyufu'], 'tekiyo');
    holder = (t.kura.store.db.prepare('SELECT shikaku_id FROM mynumber_master WHERE sakujo_kubun = 0 LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
    number = t.kura.vault.reveal(holder).myNumber;
  });
  afterAll(() => t.close());

  it('AC-9: a NONE user gets the same member data with no trace of the number', async () => {
    const search = await t.call(none, 'member.search', { by: 'kanaName', query: 'サ', limit: 300 });
    assert.ok(search.members.length > 0);
    for (const m of search.members) assert.equal('myNumber' in m, false);
    const detail = await t.call(none, 'member.get', { shikakuId: holder });
    assert.equal('myNumber' in detail, false);
    noDigits(search);
    noDigits(detail);
    const viewDetail = await t.call(view, 'member.get', { shikakuId: holder });
    const { myNumber: _status, ...sameData } = viewDetail;
    assert.deepEqual(sameData, detail, 'the member data itself is the same');
    assert.deepEqual(viewDetail.myNumber?.registered, true);
    noDigits(viewDetail);
  });

  it('AC-9: a NONE user cannot search by, or reveal, a number, and the refusal holds no number', async () => {
    const search = await t.raw(none, 'member.search', { by: 'myNumber', query: number });
    assert.equal(!search.ok && search.error.code, 'forbidden');
    noDigits(search);
    const reveal = await t.raw(none, 'mynumber.reveal', { shikakuId: holder });
    assert.equal(!reveal.ok && reveal.error.code, 'forbidden');
    const log = await t.call(await t.manager(), 'audit.list', { limit: 50 });
    assert.ok(log.entries.some((e) => e.operator === 'sato.jiro' && e.event === 'mynumber.reveal' && e.outcome === 'refused'), 'refusal logged');
    noDigits(log);
  });

  it('AC-9, AU-1: VIEW reveals a number, and the reveal is in the operation log with operator, terminal, business and target', async () => {
    const r = await t.call(view, 'mynumber.reveal', { shikakuId: holder });
    assert.equal(r.myNumber, number);
    const [entry] = (await t.call(await t.manager(), 'audit.list', { limit: 1, event: 'mynumber.reveal' })).entries;
    assert.equal(entry?.operator, 'suzuki.ken');
    assert.equal(entry?.terminal, '本部-端末01');
    assert.equal(entry?.business, 'kyufu');
    assert.equal(entry?.target, holder);
    assert.equal(entry?.outcome, 'ok');
  });

  it('AC-9: VIEW can search by number; the log records the search without the number', async () => {
    const r = await t.call(view, 'member.search', { by: 'myNumber', query: number });
    assert.deepEqual(r.members.map((m) => m.shikakuId), [holder]);
    const [entry] = (await t.call(await t.manager(), 'audit.list', { limit: 1, event: 'member.search' })).entries;
    assert.equal(entry?.detail.by, 'myNumber');
    assert.equal(entry?.detail.count, 1);
    noDigits(entry);
  });

  it('AC-11: a VIEW user trying to register is refused by the main process, whatever the UI shows', async () => {
    const free = (t.kura.store.db.prepare('SELECT m.shikaku_id FROM members m LEFT JOIN mynumber_master n USING (shikaku_id) WHERE n.shikaku_id IS NULL LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
    const r = await t.raw(view, 'mynumber.register', { shikakuId: free, myNumber: valid('99999999991') });
    assert.equal(!r.ok && r.error.code, 'forbidden');
    assert.equal(t.kura.vault.status(free).registered, false);
    const session = await t.call(view, 'session.get', {});
    assert.equal(session.permissions.includes('mynumber.register'), false, 'the menu would not offer it either');
  });

  it('AC-7: My Number channels need a declared business the user is assigned to', async () => {
    const fresh = await t.clerk('ueda.mai', 'VIEW', ['kyufu']);
    const undeclared = await t.raw(fresh, 'mynumber.reveal', { shikakuId: holder });
    assert.equal(!undeclared.ok && undeclared.error.code, 'business_not_declared');
    const wrong = await t.raw(fresh, 'session.declareBusiness', { business: 'choshu' });
    assert.equal(!wrong.ok && wrong.error.code, 'business_not_assigned');
    await t.call(fresh, 'session.declareBusiness', { business: 'kyufu' });
    assert.equal((await t.raw(fresh, 'mynumber.reveal', { shikakuId: holder })).ok, true);
  });

  it('AC-9: EDIT registers and corrects; a stale 更新通番 is refused with a clear error', async () => {
    const free = (t.kura.store.db.prepare('SELECT m.shikaku_id FROM members m LEFT JOIN mynumber_master n USING (shikaku_id) WHERE n.shikaku_id IS NULL LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
    const reg = await t.call(edit, 'mynumber.register', { shikakuId: free, myNumber: '９８７６-５４３２-１０９' + computeCheckDigit('98765432109') });
    assert.equal(reg.version, 1);
    const c1 = await t.call(edit, 'mynumber.correct', { shikakuId: free, myNumber: valid('98765432108'), expectedVersion: 1, reason: '届出誤り' });
    assert.equal(c1.version, 2);
    const stale = await t.raw(edit, 'mynumber.correct', { shikakuId: free, myNumber: valid('98765432107'), expectedVersion: 1, reason: '二重訂正' });
    assert.equal(!stale.ok && stale.error.code, 'stale_version');
    assert.match(!stale.ok ? stale.error.ja : '', /更新通番 1 → 現在 2/);
    assert.equal(t.kura.vault.reveal(free).myNumber, valid('98765432108'), 'the stale correction changed nothing');
    noDigits(stale);
  });

  it('AC-9: one number belongs to one person', async () => {
    const free = (t.kura.store.db.prepare('SELECT m.shikaku_id FROM members m LEFT JOIN mynumber_master n USING (shikaku_id) WHERE n.shikaku_id IS NULL LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
    const r = await t.raw(edit, 'mynumber.register', { shikakuId: free, myNumber: number });
    assert.equal(!r.ok && r.error.code, 'mynumber_taken');
    noDigits(r);
  });

  it('AC-11: every contract channel has a declared access rule, and a channel that does not exist is refused', async () => {
    for (const [name, spec] of Object.entries(contract)) assert.ok(spec.access, name);
    const r = await t.raw(edit, 'mynumber.exportAll', {});
    assert.equal(!r.ok && r.error.code, 'unknown_channel');
  });

  it('AC-11: without a session only setup and login answer', async () => {
    const anonymous = t.connect();
    for (const channel of Object.keys(contract) as Channel[]) {
      if (contract[channel].access === 'public') continue;
      const r = await t.raw(anonymous, channel, {});
      assert.equal(r.ok, false, channel);
      assert.ok(!r.ok && ['not_logged_in', 'invalid_input'].includes(r.error.code), `${channel}: ${!r.ok && r.error.code}`);
    }
  });
});

describe('Bad input changes nothing and answers clearly', () => {
  let t: TestKura;
  let edit: Connection;
  let free: string;
  beforeAll(async () => {
    t = await startKura({ seed: 50 });
    edit = await t.clerk('tanaka.hanako', 'EDIT', ['tekiyo'], 'tekiyo');
    free = (t.kura.store.db.prepare('SELECT m.shikaku_id FROM members m LEFT JOIN mynumber_master n USING (shikaku_id) WHERE n.shikaku_id IS NULL LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
  });
  afterAll(() => t.close());

  const logCount = (): number => (t.kura.store.db.prepare('SELECT count(*) AS n FROM mynumber_master').get() as { n: number }).n;

  it('DQ-1: a 13-digit number, a wrong check digit and letters are refused with their reason, and nothing is stored', async () => {
    const before = logCount();
    for (const [myNumber, problem] of [['1234567890180', '12桁ではありません'], ['123456789010', 'チェックデジット'], ['12345678901X', '数字以外']] as const) {
      const r = await t.raw(edit, 'mynumber.register', { shikakuId: free, myNumber });
      assert.equal(!r.ok && r.error.code, 'mynumber_invalid');
      assert.ok(!r.ok && r.error.ja.includes(problem), !r.ok ? r.error.ja : '');
      noDigits(r);
    }
    assert.equal(logCount(), before);
  });

  it('malformed rpc input names the field, never echoes the value', async () => {
    const secret = valid('11122233344');
    for (const input of [{ shikakuId: free }, { shikakuId: secret, myNumber: secret }, { shikakuId: free, myNumber: 42 }, 'nonsense', { shikakuId: free, myNumber: secret, extra: secret }]) {
      const r = await t.raw(edit, 'mynumber.register', input);
      assert.equal(r.ok, false);
      noDigits(r);
    }
    const r = await t.raw(edit, 'mynumber.register', { shikakuId: free, myNumber: 42 });
    assert.equal(!r.ok && r.error.code, 'invalid_input');
    assert.match(!r.ok ? r.error.ja : '', /myNumber/);
  });

  it('an unknown 資格ID is named in the error and nothing is stored', async () => {
    const r = await t.raw(edit, 'mynumber.register', { shikakuId: 'Q999999999', myNumber: valid('55566677788') });
    assert.equal(!r.ok && r.error.code, 'member_not_found');
    assert.match(!r.ok ? r.error.ja : '', /Q999999999/);
  });

  it('AU-1: a registration and its log entry commit together: if the entry cannot be written, nothing is registered', async () => {
    const db = t.kura.store.db;
    db.exec("CREATE TRIGGER fail_register BEFORE INSERT ON audit_log WHEN NEW.event = 'mynumber.register' AND NEW.outcome = 'ok' BEGIN SELECT RAISE(ABORT, 'simulated log failure'); END");
    const original = console.error;
    console.error = () => {};
    try {
      const r = await t.raw(edit, 'mynumber.register', { shikakuId: free, myNumber: valid('44455566677') });
      assert.equal(!r.ok && r.error.code, 'internal');
      assert.equal(t.kura.vault.status(free).registered, false, 'rolled back with the log entry');
    } finally {
      console.error = original;
      db.exec('DROP TRIGGER fail_register');
    }
    assert.equal((await t.raw(edit, 'mynumber.register', { shikakuId: free, myNumber: valid('44455566677') })).ok, true);
  });

  it('AC-10: the session locks after the idle time and only the user\'s password unlocks it', async () => {
    t.clock.advance(t.kura.policy.session.idleLockSeconds * 1000 + 1);
    const r = await t.raw(edit, 'member.search', { by: 'kanaName', query: 'タ' });
    assert.equal(!r.ok && r.error.code, 'session_locked');
    const info = await t.call(edit, 'session.get', {});
    assert.equal(info.locked, true);
    assert.deepEqual(info.permissions, []);
    const wrong = await t.raw(edit, 'session.unlock', { password: 'not-my-password-1' });
    assert.equal(!wrong.ok && wrong.error.code, 'bad_credentials');
    await t.call(edit, 'session.unlock', { password: 'Clerk-pass-2026x' });
    assert.equal((await t.raw(edit, 'member.search', { by: 'kanaName', query: 'タ' })).ok, true);
  });
});
