// Terminal ↔ data center, end to end: real Kura stores (SQLCipher), real mutual TLS, real PostgreSQL.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoMyNumber } from '../../main/core/mynumber';
import { pullCursor, replicaChecksum, syncGraceExceeded, syncStatus } from '../../main/core/sync';
import { replicaChecksum as serverChecksum } from '../../server/src/checksum';
import { startDataCenter, type DataCenter } from '../server/fixture';
import { MANAGER } from '../helpers/kura';
import { editMember, newMember, startTerminal, type Terminal } from './terminal';

describe('sync: terminal and data center', () => {
  let dc: DataCenter;
  let a: Terminal;
  let b: Terminal;
  beforeAll(async () => {
    dc = await startDataCenter();
    a = await startTerminal(dc, 'T-SYNC-A');
    b = await startTerminal(dc, 'T-SYNC-B', { sharesKeysWith: a });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dc?.stop();
  });

  it('a local write lands in the outbox in its own transaction, via the store triggers', () => {
    const m = newMember();
    const before = syncStatus(a.t.kura.store.db, a.t.clock.now()).queued;
    a.t.kura.store.transaction(() => {
      a.t.kura.members.insert(m);
      a.t.kura.vault.register(m.shikakuId, demoMyNumber(41));
    });
    assert.equal(syncStatus(a.t.kura.store.db, a.t.clock.now()).queued, before + 2);
    // A rolled-back write leaves nothing queued.
    assert.throws(() =>
      a.t.kura.store.transaction(() => {
        a.t.kura.members.insert(newMember());
        throw new Error('abandoned');
      }),
    );
    assert.equal(syncStatus(a.t.kura.store.db, a.t.clock.now()).queued, before + 2);
    const queued = a.t.kura.store.db.prepare("SELECT row FROM sync_outbox WHERE entity = 'mynumber'").pluck().all() as string[];
    assert.ok(queued.every((r) => !r.includes(demoMyNumber(41))), 'DP-2: no plaintext number in the outbox');
  });

  it('DP-6: what one terminal writes reaches the data center and the other terminal, and all three agree', async () => {
    const m = newMember();
    a.t.kura.store.transaction(() => {
      a.t.kura.members.insert(m);
      a.t.kura.vault.register(m.shikakuId, demoMyNumber(42));
    });
    const ra = await a.engine.syncOnce();
    assert.ok(ra.ok, ra.ok ? '' : ra.failure.message);
    const rb = await b.engine.syncOnce();
    assert.ok(rb.ok, rb.ok ? '' : rb.failure.message);
    assert.equal(b.t.kura.members.get(m.shikakuId).kanjiName, m.kanjiName);
    // B holds the same organisation keys (relayed wrapped), so it can open what A registered.
    assert.equal(b.t.kura.vault.reveal(m.shikakuId).myNumber, demoMyNumber(42));
    assert.equal(b.t.kura.vault.findHolder(demoMyNumber(42)), m.shikakuId);
    const server = await serverChecksum(dc.pg.pool);
    assert.equal(replicaChecksum(a.t.kura.store.db).digest, server.digest);
    assert.equal(replicaChecksum(b.t.kura.store.db).digest, server.digest);
    const raw = await dc.pg.pool.query<{ n: string }>("SELECT count(*) AS n FROM mynumber_master WHERE encode(mynumber_enc, 'escape') LIKE '%' || $1 || '%'", [demoMyNumber(42)]);
    assert.equal(raw.rows[0]!.n, '0', 'DP-2: the data center holds ciphertext only');
    const status = syncStatus(a.t.kura.store.db, a.t.clock.now());
    assert.equal(status.link, 'online');
    assert.equal(status.queued, 0);
  });

  it('two terminals editing the same member: the later stale edit is a visible conflict, and both end on the data center version', async () => {
    const m = newMember();
    a.t.kura.store.transaction(() => a.t.kura.members.insert(m));
    assert.ok((await a.engine.syncOnce()).ok);
    assert.ok((await b.engine.syncOnce()).ok);
    editMember(a, m.shikakuId, 'Ａ端末\u3000更新');
    editMember(b, m.shikakuId, 'Ｂ端末\u3000更新');
    assert.ok((await a.engine.syncOnce()).ok);
    const rb = await b.engine.syncOnce();
    assert.ok(rb.ok && rb.push.conflicts === 1);
    assert.equal(b.t.kura.members.get(m.shikakuId).kanjiName, 'Ａ端末\u3000更新', 'B shows the data center version again');
    const status = syncStatus(b.t.kura.store.db, b.t.clock.now());
    assert.equal(status.conflicts.local, 1);
    assert.ok(status.conflicts.dataCenter >= 1);
    const c = await dc.pg.pool.query<{ incoming: { kanjiName: string } }>('SELECT incoming FROM conflicts WHERE shikaku_id = $1', [m.shikakuId]);
    assert.equal(c.rows[0]!.incoming.kanjiName, 'Ｂ端末\u3000更新', 'the losing version is kept for a person with EDIT');
    assert.ok((await a.engine.syncOnce()).ok);
    const server = await serverChecksum(dc.pg.pool);
    assert.equal(replicaChecksum(a.t.kura.store.db).digest, server.digest);
    assert.equal(replicaChecksum(b.t.kura.store.db).digest, server.digest);
  });

  it('one number, one person: the same number registered offline on two terminals to different members is a conflict, not a failure', async () => {
    const ma = newMember();
    const mb = newMember();
    a.t.kura.store.transaction(() => a.t.kura.members.insert(ma));
    b.t.kura.store.transaction(() => b.t.kura.members.insert(mb));
    a.t.kura.store.transaction(() => a.t.kura.vault.register(ma.shikakuId, demoMyNumber(77)));
    b.t.kura.store.transaction(() => b.t.kura.vault.register(mb.shikakuId, demoMyNumber(77)));
    assert.ok((await a.engine.syncOnce()).ok);
    const rb = await b.engine.syncOnce();
    assert.ok(rb.ok, rb.ok ? '' : rb.failure.message);
    assert.equal(rb.push.conflicts, 1);
    assert.equal(b.t.kura.vault.findHolder(demoMyNumber(77)), ma.shikakuId);
    assert.ok((await a.engine.syncOnce()).ok);
    const server = await serverChecksum(dc.pg.pool);
    assert.equal(replicaChecksum(b.t.kura.store.db).digest, server.digest);
    assert.equal(replicaChecksum(a.t.kura.store.db).digest, server.digest);
  });

  it('a pull killed between applying a page and saving its cursor resumes where it stopped', async () => {
    for (let i = 0; i < 5; i++) a.t.kura.store.transaction(() => a.t.kura.members.insert(newMember()));
    assert.ok((await a.engine.syncOnce()).ok);
    const c = await startTerminal(dc, 'T-SYNC-C', { sharesKeysWith: a, engine: { pullPage: 3 } });
    try {
      const db = c.t.kura.store.db;
      // The crash: the cursor write of the third page fails inside the page's transaction.
      let writes = 0;
      db.function('kura_test_crash', () => ++writes);
      db.exec("CREATE TEMP TRIGGER crash_on_cursor BEFORE UPDATE ON sync_state WHEN NEW.key = 'pull.cursor' AND kura_test_crash() >= 2 BEGIN SELECT RAISE(ABORT, 'killed'); END");
      const killed = await c.engine.syncOnce();
      assert.equal(killed.ok, false);
      const cursorAfterKill = pullCursor(db);
      // Exactly the pages whose cursor was saved are in the replica; the killed page left nothing behind.
      const upTo = await dc.pg.pool.query<{ n: string; total: string }>('SELECT count(*) FILTER (WHERE change_seq <= $1) AS n, count(*) AS total FROM members', [cursorAfterKill]);
      assert.ok(cursorAfterKill > 0);
      assert.equal(c.t.kura.members.count(), Number(upTo.rows[0]!.n));
      assert.ok(Number(upTo.rows[0]!.n) < Number(upTo.rows[0]!.total), 'the kill happened before the end');
      db.exec('DROP TRIGGER crash_on_cursor');
      const resumed = await c.engine.syncOnce();
      assert.ok(resumed.ok, resumed.ok ? '' : resumed.failure.message);
      assert.ok(pullCursor(db) > cursorAfterKill);
      const server = await serverChecksum(dc.pg.pool);
      assert.equal(replicaChecksum(db).digest, server.digest);
    } finally {
      await c.close();
    }
  });

  it('AC-4: a terminal out of contact longer than the grace period refuses logins until it syncs', async () => {
    const db = a.t.kura.store.db;
    assert.ok((await a.engine.syncOnce()).ok);
    assert.equal(syncGraceExceeded(db, a.t.clock.now(), 7), false);
    a.t.clock.advance(7 * 86_400_000 - 60_000);
    assert.equal(syncGraceExceeded(db, a.t.clock.now(), 7), false);
    a.t.clock.advance(120_000);
    assert.equal(syncGraceExceeded(db, a.t.clock.now(), 7), true);
    // The router refuses the login itself, with a message a clerk can act on.
    const refused = await a.t.raw(a.t.connect(), 'auth.login', { userId: MANAGER.userId, password: MANAGER.password });
    assert.equal(!refused.ok && refused.error.code, 'sync_grace_exceeded');
    assert.match(!refused.ok ? refused.error.ja : '', /7日以上データセンターと同期していない/);
    assert.ok((await a.engine.syncOnce()).ok);
    assert.equal(syncGraceExceeded(db, a.t.clock.now(), 7), false);
    const conn = await a.t.manager();
    const status = await a.t.call(conn, 'sync.status', {});
    assert.equal(status.loginsBlocked, false);
  });

  it('DP-6: a revoked terminal is refused and wipes its replica at its next contact', async () => {
    const d = await startTerminal(dc, 'T-SYNC-D', { sharesKeysWith: a });
    try {
      assert.ok((await d.engine.syncOnce()).ok);
      assert.ok(d.t.kura.members.count() > 0);
      d.t.kura.store.transaction(() => d.t.kura.members.insert(newMember()));
      dc.revoke('T-SYNC-D');
      await new Promise((r) => setTimeout(r, 300)); // the server polls the CRL file every 100 ms in tests
      const run = await d.engine.syncOnce();
      assert.equal(run.ok, false);
      assert.equal(run.ok ? '' : run.failure.code, 'terminal_revoked');
      assert.equal(d.t.kura.members.count(), 0);
      assert.equal((d.t.kura.store.db.prepare('SELECT count(*) FROM mynumber_master').pluck().get() as number), 0);
      const status = syncStatus(d.t.kura.store.db, d.t.clock.now());
      assert.equal(status.link, 'revoked');
      assert.equal(status.queued, 0);
      assert.equal(status.loginsBlocked, true);
      assert.equal(d.t.kura.audit.verify().ok, true, 'the operation log stays');
    } finally {
      await d.close();
    }
  });
});
