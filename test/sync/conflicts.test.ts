// Sync conflicts resolved by people (issue 7): two real terminals (SQLCipher, router) against the real
// data center (mutual TLS, PostgreSQL) make real conflicts; the list shows both versions, someone with
// EDIT resolves them, and afterwards both terminals and the data center agree (checksums).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { demoMyNumber } from '../../main/core/mynumber';
import { replicaChecksum, syncStatus } from '../../main/core/sync';
import type { Connection } from '../../main/rpc';
import { replicaChecksum as serverChecksum } from '../../server/src/checksum';
import type { ChannelOutput } from '../../shared/rpc';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { rawRequest, startDataCenter, type DataCenter } from '../server/fixture';
import { editMember, newMember, startTerminal, type Terminal } from './terminal';

type ConflictList = ChannelOutput<'sync.conflicts.list'>['conflicts'];
type ServerConflict = { resolved_at: Date | null; resolved_by: string | null; resolution: string | null; incoming: { kanjiName?: string } };

describe('sync conflicts: both versions, resolved by someone with EDIT', () => {
  let dc: DataCenter;
  let a: Terminal;
  let b: Terminal;
  let editor: Connection;
  let viewer: Connection;
  let none: Connection;

  beforeAll(async () => {
    dc = await startDataCenter();
    a = await startTerminal(dc, 'T-CF-A');
    b = await startTerminal(dc, 'T-CF-B', { sharesKeysWith: a });
    editor = await b.t.clerk('henshu.ichiro', 'EDIT', ['kyufu'], 'kyufu');
    viewer = await b.t.clerk('sansho.jiro', 'VIEW', ['kyufu'], 'kyufu');
    none = await b.t.clerk('torifuka.saburo', 'NONE', []);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await dc?.stop();
  });

  async function sync(...terminals: Terminal[]): Promise<void> {
    for (const term of terminals) {
      const run = await term.engine.syncOnce();
      assert.ok(run.ok, run.ok ? '' : `${term.id}: ${run.failure.message}`);
    }
  }

  async function assertAllAgree(): Promise<void> {
    const server = await serverChecksum(dc.pg.pool);
    assert.equal(replicaChecksum(a.t.kura.store.db).digest, server.digest, 'terminal A agrees with the data center');
    assert.equal(replicaChecksum(b.t.kura.store.db).digest, server.digest, 'terminal B agrees with the data center');
  }

  /** A edits first and wins; B's offline edit of the same member becomes B's conflict. */
  async function memberConflict(): Promise<{ shikakuId: string }> {
    const m = newMember();
    a.t.kura.store.transaction(() => a.t.kura.members.insert(m));
    await sync(a, b);
    editMember(a, m.shikakuId, 'Ａ端末\u3000太郎');
    editMember(b, m.shikakuId, 'Ｂ端末\u3000太郎');
    await sync(a);
    const run = await b.engine.syncOnce();
    assert.ok(run.ok && run.push.conflicts === 1);
    return { shikakuId: m.shikakuId };
  }

  async function list(conn: Connection, includeResolved = false): Promise<ChannelOutput<'sync.conflicts.list'>> {
    return b.t.call(conn, 'sync.conflicts.list', { includeResolved });
  }

  function find(conflicts: ConflictList, shikakuId: string) {
    const found = conflicts.filter((c) => c.shikakuId === shikakuId);
    assert.equal(found.length, 1, `one conflict for ${shikakuId}`);
    return found[0]!;
  }

  async function serverConflict(shikakuId: string): Promise<ServerConflict> {
    const r = await dc.pg.pool.query<ServerConflict>('SELECT resolved_at, resolved_by, resolution, incoming FROM conflicts WHERE shikaku_id = $1', [shikakuId]);
    assert.equal(r.rows.length, 1);
    return r.rows[0]!;
  }

  it('DP-6: a member conflict keeps both versions on the terminal, and the list shows them side by side', async () => {
    const { shikakuId } = await memberConflict();
    const out = await list(editor);
    const c = find(out.conflicts, shikakuId);
    assert.equal(c.entity, 'member');
    assert.equal(c.reason, 'stale_version');
    assert.equal(c.baseVersion, 1);
    assert.equal(c.serverVersion, 2);
    assert.equal(c.entity === 'member' && c.local?.kanjiName, 'Ｂ端末\u3000太郎', 'the terminal version, from its outbox entry');
    assert.equal(c.entity === 'member' && c.dataCenter?.kanjiName, 'Ａ端末\u3000太郎', 'the data center version');
    assert.equal(c.entity === 'member' && c.dataCenter?.version, 2);
    assert.equal(out.canResolve, true);
    // The replica follows the data center until someone decides.
    assert.equal(b.t.kura.members.get(shikakuId).kanjiName, 'Ａ端末\u3000太郎');
    assert.equal(syncStatus(b.t.kura.store.db, b.t.clock.now()).conflicts.local >= 1, true);
  });

  it('AC-2, AC-7: a VIEW user sees the conflict but is refused the resolution; EDIT without a declared business is refused too', async () => {
    const { shikakuId } = await memberConflict();
    const seen = await list(viewer);
    const c = find(seen.conflicts, shikakuId);
    assert.equal(seen.canResolve, false);
    const refused = await b.t.raw(viewer, 'sync.conflicts.resolve', { seq: c.seq, choice: 'dataCenter' });
    assert.equal(!refused.ok && refused.error.code, 'forbidden');
    assert.match(!refused.ok ? refused.error.ja : '', /権限がありません/);
    const undeclared = await b.t.clerk('henshu.shiro', 'EDIT', ['kyufu']);
    const r2 = await b.t.raw(undeclared, 'sync.conflicts.resolve', { seq: c.seq, choice: 'dataCenter' });
    assert.equal(!r2.ok && r2.error.code, 'business_not_declared');
    // Still open, here and at the data center; the refusals are in the operation log.
    assert.equal(find((await list(editor)).conflicts, shikakuId).resolution, null);
    const refusals = b.t.kura.store.db.prepare("SELECT count(*) FROM audit_log WHERE event = 'sync.conflicts.resolve' AND outcome = 'refused'").pluck().get() as number;
    assert.ok(refusals >= 2);
    await b.t.call(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'dataCenter' });
  });

  it("DP-6, AU-1: choosing the terminal's version writes it again on top of the data center version; after sync both terminals and the data center agree on it", async () => {
    const { shikakuId } = await memberConflict();
    const c = find((await list(editor)).conflicts, shikakuId);
    const queuedBefore = syncStatus(b.t.kura.store.db, b.t.clock.now()).queued;
    const done = await b.t.call(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'local', expectedVersion: 2 });
    assert.equal(done.version, 3);
    assert.equal(b.t.kura.members.get(shikakuId).kanjiName, 'Ｂ端末\u3000太郎');
    // A new mutation based on the data center's 更新通番, through the normal write path.
    const queued = b.t.kura.store.db.prepare("SELECT base_version, row FROM sync_outbox WHERE entity = 'member' AND shikaku_id = ?").all(shikakuId) as { base_version: number; row: string }[];
    assert.equal(syncStatus(b.t.kura.store.db, b.t.clock.now()).queued, queuedBefore + 1);
    assert.deepEqual(queued.map((q) => [q.base_version, (JSON.parse(q.row) as { version: number }).version]), [[2, 3]]);
    const logged = b.t.kura.store.db.prepare("SELECT target, detail FROM audit_log WHERE event = 'sync.conflicts.resolve' AND outcome = 'ok' ORDER BY seq DESC LIMIT 1").get() as { target: string; detail: string };
    assert.equal(logged.target, shikakuId);
    assert.match(logged.detail, /"choice":"local"/);

    const runB = await b.engine.syncOnce();
    assert.ok(runB.ok && runB.push.conflicts === 0, 'the re-applied version is no conflict');
    await sync(a);
    assert.equal(a.t.kura.members.get(shikakuId).kanjiName, 'Ｂ端末\u3000太郎');
    await assertAllAgree();
    const server = await serverConflict(shikakuId);
    assert.ok(server.resolved_at, 'the data center marked its conflict resolved');
    assert.equal(server.resolved_by, 'henshu.ichiro');
    assert.equal(server.resolution, 'local');
    assert.equal(find((await list(editor, true)).conflicts, shikakuId).resolution, 'local');
    assert.equal((await list(editor)).conflicts.filter((x) => x.shikakuId === shikakuId).length, 0, 'no longer open');
  });

  it("DP-6: a 'local' choice made on a data center version that has since moved on is refused; 'dataCenter' keeps the data center's version", async () => {
    const { shikakuId } = await memberConflict();
    const c = find((await list(editor)).conflicts, shikakuId);
    assert.equal(c.entity === 'member' && c.dataCenter?.version, 2);
    // While the clerk compares, terminal A writes again and B pulls it.
    editMember(a, shikakuId, 'Ａ端末\u3000再更新');
    await sync(a, b);
    const stale = await b.t.raw(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'local', expectedVersion: 2 });
    assert.equal(!stale.ok && stale.error.code, 'conflict_stale');
    assert.match(!stale.ok ? stale.error.ja : '', /データセンターの版が変わりました（更新通番 2 → 現在 3）/);
    assert.equal(b.t.kura.members.get(shikakuId).kanjiName, 'Ａ端末\u3000再更新', 'nothing was written');
    assert.equal(b.t.kura.store.db.prepare("SELECT count(*) FROM sync_outbox WHERE shikaku_id = ?").pluck().get(shikakuId), 0);

    const done = await b.t.call(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'dataCenter' });
    assert.equal(done.version, null);
    await sync(b, a);
    assert.equal(b.t.kura.members.get(shikakuId).kanjiName, 'Ａ端末\u3000再更新');
    await assertAllAgree();
    const server = await serverConflict(shikakuId);
    assert.ok(server.resolved_at);
    assert.equal(server.resolution, 'dataCenter');
    // Resolved once: a second decision on the same conflict is refused in plain words.
    const again = await b.t.raw(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'local', expectedVersion: 3 });
    assert.equal(!again.ok && again.error.code, 'conflict_not_found');
  });

  it('AC-9, DP-2: a number conflict shows registered, 更新通番, 更新日 and equality only; a NONE user sees no trace of it', async () => {
    const m = newMember();
    a.t.kura.store.transaction(() => {
      a.t.kura.members.insert(m);
      a.t.kura.vault.register(m.shikakuId, demoMyNumber(501));
    });
    await sync(a, b);
    a.t.kura.store.transaction(() => a.t.kura.vault.correct(m.shikakuId, demoMyNumber(502), 1));
    b.t.kura.store.transaction(() => b.t.kura.vault.correct(m.shikakuId, demoMyNumber(503), 1));
    await sync(a, b);

    const stored = b.t.kura.store.db.prepare("SELECT local_row, server_row FROM sync_conflicts WHERE shikaku_id = ? AND entity = 'mynumber'").get(m.shikakuId) as { local_row: string; server_row: string };
    for (const n of [501, 502, 503]) assert.ok(!JSON.stringify(stored).includes(demoMyNumber(n)), 'DP-2: ciphertext only in the conflict record');

    const seenByViewer = await list(viewer);
    const c = find(seenByViewer.conflicts, m.shikakuId);
    assert.equal(c.entity, 'mynumber');
    assert.ok(c.entity === 'mynumber');
    assert.deepEqual({ local: c.local?.registered, lv: c.local?.version, dc: c.dataCenter?.registered, dv: c.dataCenter?.version, same: c.sameNumber }, { local: true, lv: 2, dc: true, dv: 2, same: false });
    const viewerText = JSON.stringify(seenByViewer);
    for (const n of [501, 502, 503]) assert.ok(!viewerText.includes(demoMyNumber(n)));
    assert.doesNotMatch(viewerText, /[0-9a-f]{40,}/, 'no ciphertext or blind index reaches the screen');

    // AC-9: NONE, and VIEW without a declared business (AC-7), get member conflicts only, and no number field at all.
    const undeclared = await b.t.clerk('sansho.goro', 'VIEW', ['kyufu']);
    for (const conn of [none, undeclared]) {
      const seen = await list(conn, true);
      assert.ok(seen.conflicts.length > 0, 'member conflicts are listed');
      assert.ok(seen.conflicts.every((x) => x.entity === 'member'));
      const text = JSON.stringify(seen);
      assert.doesNotMatch(text, /mynumber|sameNumber|registered|\d{12}/);
      assert.equal(seen.conflicts.filter((x) => x.shikakuId === m.shikakuId).length, 0);
    }
    // The status count follows the same rule: the number conflict is counted only for those who may see it.
    const openFor = async (conn: Connection) => (await b.t.call(conn, 'sync.status', {})).conflicts.local;
    assert.equal(await openFor(none), (await list(none)).conflicts.length);
    assert.equal(await openFor(viewer), (await list(viewer)).conflicts.length);
    assert.equal(await openFor(viewer), (await openFor(none)) + 1);

    await b.t.call(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'local', expectedVersion: 2 });
    await sync(b, a);
    assert.equal(a.t.kura.vault.reveal(m.shikakuId).myNumber, demoMyNumber(503));
    await assertAllAgree();
  });

  it("DP-6, DQ-1: a number taken by another member ('mynumber_taken') is refused again while held, and resolved once the holder's number is corrected", async () => {
    const ma = newMember();
    const mb = newMember();
    a.t.kura.store.transaction(() => a.t.kura.members.insert(ma));
    b.t.kura.store.transaction(() => b.t.kura.members.insert(mb));
    a.t.kura.store.transaction(() => a.t.kura.vault.register(ma.shikakuId, demoMyNumber(611)));
    b.t.kura.store.transaction(() => b.t.kura.vault.register(mb.shikakuId, demoMyNumber(611)));
    await sync(a, b);
    assert.equal(b.t.kura.vault.findHolder(demoMyNumber(611)), ma.shikakuId);

    const c = find((await list(editor)).conflicts.filter((x) => x.entity === 'mynumber'), mb.shikakuId);
    assert.equal(c.reason, 'mynumber_taken');
    assert.ok(c.entity === 'mynumber');
    assert.deepEqual([c.local?.registered, c.dataCenter, c.sameNumber], [true, null, null]);

    // One number, one person: the terminal's version cannot go back while ma holds the number.
    const taken = await b.t.raw(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'local', expectedVersion: 0 });
    assert.equal(!taken.ok && taken.error.code, 'mynumber_taken');
    assert.equal(b.t.kura.vault.status(mb.shikakuId).registered, false);

    // ma's number was a typing error: corrected on A, pulled by B; now mb may take it.
    a.t.kura.store.transaction(() => a.t.kura.vault.correct(ma.shikakuId, demoMyNumber(612), 1));
    await sync(a, b);
    const done = await b.t.call(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'local', expectedVersion: 0 });
    assert.equal(done.version, 1);
    await sync(b, a);
    assert.equal(a.t.kura.vault.findHolder(demoMyNumber(611)), mb.shikakuId);
    assert.equal(b.t.kura.vault.reveal(mb.shikakuId).myNumber, demoMyNumber(611));
    await assertAllAgree();
    const server = await dc.pg.pool.query<{ resolution: string; resolved_by: string }>("SELECT resolution, resolved_by FROM conflicts WHERE shikaku_id = $1 AND reason = 'mynumber_taken'", [mb.shikakuId]);
    assert.deepEqual(server.rows.map((r) => [r.resolution, r.resolved_by]), [['local', 'henshu.ichiro']]);
  });

  it("DP-6: the data center marks only the calling terminal's own conflicts, and a resent report changes nothing", async () => {
    const { shikakuId } = await memberConflict();
    const c = find((await list(editor)).conflicts, shikakuId);
    // Another terminal (its own certificate) reports B's mutation number: not its conflict, nothing is marked.
    const other = dc.enrol('T-CF-X');
    const body = { resolutions: [{ seq: c.seq, resolution: 'dataCenter', resolvedBy: 'akunin.taro', resolvedAt: new Date().toISOString() }] };
    const foreign = await rawRequest(dc.server.url, SYNC_PATHS.conflictsResolved, { ca: other.caPem, cert: other.certPem, key: other.keyPem! }, 'POST', body);
    assert.equal(foreign.status, 200);
    assert.deepEqual(foreign.body, { recorded: [], unknown: [c.seq] });
    assert.equal((await serverConflict(shikakuId)).resolved_at, null);

    await b.t.call(editor, 'sync.conflicts.resolve', { seq: c.seq, choice: 'dataCenter' });
    await sync(b);
    const first = await serverConflict(shikakuId);
    assert.equal(first.resolved_by, 'henshu.ichiro');
    // B sends the same report again (a lost reply): the first report stands.
    b.t.kura.store.db.prepare('UPDATE sync_conflicts SET reported_at = NULL WHERE seq = ?').run(c.seq);
    await sync(b);
    const second = await serverConflict(shikakuId);
    assert.deepEqual([second.resolved_at, second.resolved_by, second.resolution], [first.resolved_at, 'henshu.ichiro', 'dataCenter']);
    assert.equal(b.t.kura.store.db.prepare('SELECT reported_at IS NOT NULL FROM sync_conflicts WHERE seq = ?').pluck().get(c.seq), 1);
  });
});
