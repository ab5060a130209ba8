// AU-1, AU-2, AU-3: the operation log is written automatically, chained, and never holds a number.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { assertNoMyNumber } from '../../main/core/audit';
import { startKura, type TestKura } from '../helpers/kura';

describe('AU-1, AU-2: operation log', () => {
  let t: TestKura;
  beforeAll(async () => {
    t = await startKura({ seed: 100 });
    const view = await t.clerk('suzuki.ken', 'VIEW', ['kyufu'], 'kyufu');
    const ids = (t.kura.store.db.prepare('SELECT shikaku_id FROM mynumber_master LIMIT 5').all() as { shikaku_id: string }[]).map((r) => r.shikaku_id);
    for (const shikakuId of ids) {
      const { myNumber } = await t.call(view, 'mynumber.reveal', { shikakuId });
      await t.call(view, 'member.search', { by: 'myNumber', query: myNumber });
      await t.call(view, 'member.get', { shikakuId });
    }
  });
  afterAll(() => t.close());

  const db = () => t.kura.store.db;
  // Tampering needs the guard triggers out of the way, as an attacker with the key would do.
  const withoutGuards = (sql: string): void => {
    db().exec('DROP TRIGGER audit_no_update; DROP TRIGGER audit_no_delete;');
    db().exec(sql);
  };
  beforeEach(() => {
    // Each tamper test starts from an intact log in a savepoint it rolls back.
    db().exec('SAVEPOINT tamper');
  });
  const restore = (): void => {
    db().exec('ROLLBACK TO tamper; RELEASE tamper;');
  };

  it('AU-1: registration, search, display and reveal are all logged automatically with who, where, business and target', () => {
    const events = new Set((db().prepare('SELECT event FROM audit_log').all() as { event: string }[]).map((r) => r.event));
    for (const e of ['setup.init', 'auth.login', 'user.add', 'demo.seed', 'session.declareBusiness', 'mynumber.reveal', 'member.search', 'member.display']) assert.ok(events.has(e), e);
    const reveal = db().prepare("SELECT * FROM audit_log WHERE event = 'mynumber.reveal' LIMIT 1").get() as Record<string, string>;
    for (const field of ['at', 'operator', 'terminal', 'business', 'target']) assert.ok(reveal[field], field);
  });

  it('AU-3: no entry holds a 12-digit run, though numbers were revealed and searched', () => {
    // The hash columns are hex and may hold digit runs by chance; every other field is checked.
    const rows = db().prepare('SELECT seq, at, operator, terminal, business, event, target, outcome, detail FROM audit_log').all();
    assert.ok(rows.length > 20);
    for (const row of rows) assert.equal(TWELVE_DIGIT_RUN.test(JSON.stringify(row)), false, JSON.stringify(row));
  });

  it('AU-3: an entry carrying a number is refused before it is written', () => {
    assert.throws(() => assertNoMyNumber({ operator: 'x', terminal: 't', business: null, event: 'e', target: null, outcome: 'ok', detail: { q: '123456789018' } }));
  });

  it('AU-2: the intact chain verifies', () => {
    const r = t.kura.audit.verify();
    assert.equal(r.ok, true);
    assert.ok(r.entries > 20);
  });

  it('AU-2: UPDATE and DELETE are refused by the guard triggers', () => {
    assert.throws(() => db().exec("UPDATE audit_log SET operator = 'someone' WHERE seq = 3"), /append-only/);
    assert.throws(() => db().exec('DELETE FROM audit_log WHERE seq = 3'), /append-only/);
    restore();
  });

  it('AU-2: an edited entry is detected', () => {
    withoutGuards("UPDATE audit_log SET operator = 'someone.else' WHERE seq = 5");
    assert.deepEqual([t.kura.audit.verify().ok, t.kura.audit.verify().firstBadSeq], [false, 5]);
    restore();
  });

  it('AU-2: a deleted entry is detected', () => {
    withoutGuards('DELETE FROM audit_log WHERE seq = 7');
    const r = t.kura.audit.verify();
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 8);
    restore();
  });

  it('AU-2: reordered entries are detected', () => {
    withoutGuards(`UPDATE audit_log SET seq = -1 WHERE seq = 9; UPDATE audit_log SET seq = 9 WHERE seq = 10; UPDATE audit_log SET seq = 10 WHERE seq = -1;`);
    assert.equal(t.kura.audit.verify().ok, false);
    restore();
  });

  it('AU-2: an entry rewritten with a recomputed own hash still breaks the next link', () => {
    const row = db().prepare('SELECT * FROM audit_log WHERE seq = 4').get() as { hash: string };
    withoutGuards(`UPDATE audit_log SET detail = '{"forged":true}', hash = '${'f'.repeat(64)}' WHERE seq = 4`);
    const r = t.kura.audit.verify();
    assert.equal(r.ok, false);
    assert.equal(r.firstBadSeq, 4);
    assert.notEqual(row.hash, 'f'.repeat(64));
    restore();
  });

  it('AU-2: audit verify is itself a logged, permission-checked channel', async () => {
    const clerk = await t.clerk('ono.rin', 'EDIT', ['tekiyo'], 'tekiyo');
    const refused = await t.raw(clerk, 'audit.verify', {});
    assert.equal(!refused.ok && refused.error.code, 'forbidden');
    const r = await t.call(await t.manager(), 'audit.verify', {});
    assert.equal(r.ok, true);
  });
});

describe('AU-3: machine identifiers in the log', () => {
  it('AU-3: a digest or USB serial that happens to hold 12 digits is logged; the same digits anywhere else are refused', () => {
    const base = { operator: 'x', terminal: 't', business: null, event: 'e', target: null, outcome: 'ok' as const };
    const t = startKura({ setup: false });
    return t.then((k) => {
      try {
        k.kura.store.transaction(() => k.kura.audit.append({ ...base, detail: { sha256: 'ab123456789012cd', serial: '200512345678' } }));
        assert.throws(() => k.kura.store.transaction(() => k.kura.audit.append({ ...base, detail: { note: '200512345678' } })), /12-digit/);
        assert.throws(() => k.kura.store.transaction(() => k.kura.audit.append({ ...base, detail: { serial: { nested: '200512345678' } } })), /12-digit/);
        assert.equal(k.kura.audit.verify().ok, true);
      } finally {
        k.close();
      }
    });
  });
});
