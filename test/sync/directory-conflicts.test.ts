// DP-6: the directory (staff) conflicts a terminal recorded are readable through the router by whoever
// may read the staff directory; a clerk without that right is refused and the refusal is logged. Real
// terminals (SQLCipher, router) against the real data center (mutual TLS, PostgreSQL) make the conflict.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Connection } from '../../main/rpc';
import { startDataCenter, type DataCenter } from '../server/fixture';
import { startTerminal, type Terminal } from './terminal';

describe('sync: directory conflicts for people (read only)', () => {
  let dc: DataCenter;
  let a: Terminal;
  let b: Terminal;
  let clerk: Connection;

  async function sync(...terminals: Terminal[]): Promise<void> {
    for (const term of terminals) {
      const run = await term.engine.syncOnce();
      assert.ok(run.ok, run.ok ? '' : `${term.id}: ${run.failure.message}`);
    }
  }

  beforeAll(async () => {
    dc = await startDataCenter();
    a = await startTerminal(dc, 'T-DC-A');
    b = await startTerminal(dc, 'T-DC-B', { sharesKeysWith: a });
    await sync(a, b, a);
    // A member clerk with EDIT: member.read, but not the staff directory (user.read).
    clerk = await b.t.clerk('henshu.kaede', 'EDIT', ['kyufu'], 'kyufu');
    await a.t.clerk('mori.aoi', 'VIEW', ['tekiyo']);
    await sync(b, a, b);
    // Offline at both: A disables, B renames; A reaches the data center first, so B's change is refused.
    await a.t.call(await a.t.manager(), 'user.setStatus', { userId: 'mori.aoi', action: 'disable', reason: '異動' });
    await b.t.call(await b.t.manager(), 'user.update', { userId: 'mori.aoi', name: '森 葵（B）', reason: '改姓' });
    await sync(a);
    const run = await b.engine.syncOnce();
    assert.ok(run.ok && run.directory.conflicts === 1);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dc?.stop();
  });

  it('DP-6: a manager sees the directory conflicts this terminal recorded: entity, staff user ID, reason, data center version, time', async () => {
    const out = await b.t.call(await b.t.manager(), 'sync.directoryConflicts.list', {});
    const mine = out.conflicts.filter((c) => c.key === 'mori.aoi');
    assert.equal(mine.length, 1);
    const c = mine[0]!;
    assert.equal(c.entity, 'user');
    assert.equal(c.reason, 'stale_version');
    assert.equal(typeof c.serverVersion, 'number');
    assert.ok(c.serverVersion! >= 2, 'the data center had moved on');
    assert.ok(!Number.isNaN(Date.parse(c.detectedAt)));
    assert.equal(out.more, false);
    const logged = b.t.kura.store.db.prepare("SELECT count(*) FROM audit_log WHERE event = 'sync.directoryConflicts.list' AND outcome = 'ok'").pluck().get() as number;
    assert.ok(logged >= 1, 'AU-1: the reading is in the operation log');
  });

  it('DP-6, AC-2: a clerk without the staff-directory right is refused, and the refusal is logged', async () => {
    const refused = await b.t.raw(clerk, 'sync.directoryConflicts.list', {});
    assert.equal(!refused.ok && refused.error.code, 'forbidden');
    assert.match(!refused.ok ? refused.error.ja : '', /権限がありません/);
    const refusals = b.t.kura.store.db.prepare("SELECT count(*) FROM audit_log WHERE event = 'sync.directoryConflicts.list' AND outcome = 'refused'").pluck().get() as number;
    assert.equal(refusals, 1);
  });

  it('DP-6, AC-5: a password-history key never shows its hash; pages go back by seq, newest first', async () => {
    const db = b.t.kura.store.db;
    const hash = '$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA';
    const insert = db.prepare('INSERT INTO directory_conflicts (seq, entity, key, reason, server_version, detected_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run(900_001, 'password_history', JSON.stringify(['mori.aoi', hash]), 'missing_parent', null, '2026-04-01T00:00:00.000Z');
    insert.run(900_002, 'user_role', JSON.stringify(['mori.aoi', 'manager']), 'unauthorised', 3, '2026-04-01T00:00:01.000Z');
    const admin = await b.t.manager();
    const first = await b.t.call(admin, 'sync.directoryConflicts.list', { limit: 1 });
    assert.deepEqual(first.conflicts.map((c) => [c.seq, c.entity, c.key, c.reason, c.serverVersion]), [[900_002, 'user_role', 'mori.aoi / manager', 'unauthorised', 3]]);
    assert.equal(first.more, true);
    const second = await b.t.call(admin, 'sync.directoryConflicts.list', { limit: 1, beforeSeq: 900_002 });
    assert.deepEqual(second.conflicts.map((c) => [c.entity, c.key, c.serverVersion]), [['password_history', 'mori.aoi', null]]);
    const all = await b.t.call(admin, 'sync.directoryConflicts.list', { limit: 500 });
    assert.ok(!JSON.stringify(all).includes('argon2'), 'no hash reaches the screen');
    const bad = await b.t.raw(admin, 'sync.directoryConflicts.list', { limit: 0 });
    assert.equal(!bad.ok && bad.error.code, 'invalid_input');
  });
});
