// Sync through a misbehaving link (a loopback TCP proxy): dropped, reset, delayed and duplicated
// connections, and replies lost after the server committed. Afterwards every mutation took effect
// exactly once, nothing acknowledged was lost, the cursor never went back, and terminal and data
// center agree (checksums).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HttpsTransport, pullCursor, replicaChecksum, type SyncTransport, type TransportResponse } from '../../main/core/sync';
import { replicaChecksum as serverChecksum } from '../../server/src/checksum';
import { startDataCenter, type DataCenter } from '../server/fixture';
import { FaultProxy, type Fault } from './fault-proxy';
import { editMember, newMember, startTerminal, type Terminal } from './terminal';

/** An HTTPS-level duplicate: every request is sent twice at once (a retry racing the original). */
class DuplicatingTransport implements SyncTransport {
  constructor(private readonly inner: SyncTransport) {}
  async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<TransportResponse> {
    const [first] = await Promise.all([this.inner.send(method, path, body), this.inner.send(method, path, body)]);
    return first;
  }
  close(): void {
    this.inner.close();
  }
}

async function appliedThrough(dc: DataCenter, terminalId: string): Promise<number> {
  const r = await dc.pg.pool.query<{ applied_through: string }>('SELECT applied_through FROM terminals WHERE terminal_id = $1', [terminalId]);
  return Number(r.rows[0]?.applied_through ?? 0);
}

function mutationsMade(term: Terminal): number {
  return (term.t.kura.store.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").pluck().get() as number | undefined) ?? 0;
}

describe('sync through a faulty link', () => {
  let dc: DataCenter;
  let proxy: FaultProxy;
  let url: string;
  beforeAll(async () => {
    dc = await startDataCenter();
    proxy = new FaultProxy(dc.server.port);
    url = `https://127.0.0.1:${await proxy.listen()}`;
  });
  afterAll(async () => {
    await proxy?.close();
    await dc?.stop();
  });

  it('DP-6: drop, reset, delay, duplicate and "server committed, reply lost": every mutation exactly once, cursor monotonic, checksums agree', async () => {
    const term = await startTerminal(dc, 'T-FAULT-A', { url, engine: { timeoutMs: 700, pushBatch: 7, pullPage: 5 } });
    try {
      const members = Array.from({ length: 12 }, () => newMember());
      const edits = new Map<string, number>();
      term.t.kura.store.transaction(() => members.forEach((m) => term.t.kura.members.insert(m)));
      let cursor = 0;
      let repliesLost = 0;
      const faults: Fault[] = [
        { kind: 'blackhole' },
        { kind: 'reset' },
        { kind: 'delay', ms: 30 },
        { kind: 'duplicate' },
        { kind: 'loseReply', when: async () => (await appliedThrough(dc, 'T-FAULT-A')) > mark },
        { kind: 'pass' },
      ];
      let mark = 0;
      for (let round = 0; round < 3; round++) {
        for (const fault of faults) {
          for (const m of members.slice(round * 4, round * 4 + 4)) {
            editMember(term, m.shikakuId, `編集\u3000${round}-${fault.kind}`);
            edits.set(m.shikakuId, (edits.get(m.shikakuId) ?? 0) + 1);
          }
          mark = await appliedThrough(dc, 'T-FAULT-A');
          proxy.set(fault);
          const run = await term.engine.syncOnce();
          if (fault.kind === 'loseReply') {
            assert.equal(run.ok, false, 'the reply was lost');
            assert.ok((await appliedThrough(dc, 'T-FAULT-A')) > mark, 'yet the server had committed the batch');
            repliesLost++;
          }
          if (fault.kind === 'blackhole' || fault.kind === 'reset') assert.equal(run.ok ? 'ok' : run.failure.code, 'link_down');
          const now = pullCursor(term.t.kura.store.db);
          assert.ok(now >= cursor, `cursor went back from ${cursor} to ${now}`);
          cursor = now;
        }
      }
      proxy.set({ kind: 'pass' });
      const final = await term.engine.syncOnce();
      assert.ok(final.ok, final.ok ? '' : final.failure.message);
      assert.equal(repliesLost, 3);
      // Exactly once: the server confirmed every mutation number, recorded no conflict (a second apply
      // of the same edit would be a stale 更新通番), and each member is at 1 + its number of edits.
      assert.equal(await appliedThrough(dc, 'T-FAULT-A'), mutationsMade(term));
      const conflicts = await dc.pg.pool.query("SELECT 1 FROM conflicts WHERE terminal_id = 'T-FAULT-A'");
      assert.equal(conflicts.rowCount, 0);
      const versions = await dc.pg.pool.query<{ shikaku_id: string; version: number }>('SELECT shikaku_id, version FROM members WHERE shikaku_id = ANY($1)', [members.map((m) => m.shikakuId)]);
      for (const r of versions.rows) assert.equal(r.version, 1 + (edits.get(r.shikaku_id) ?? 0), r.shikaku_id);
      assert.equal(term.t.kura.store.db.prepare('SELECT count(*) FROM sync_outbox').pluck().get(), 0);
      assert.equal(replicaChecksum(term.t.kura.store.db).digest, (await serverChecksum(dc.pg.pool)).digest);
      assert.ok(proxy.counts.replayed > 0 && proxy.counts.cut >= 3);
    } finally {
      await term.close();
    }
  });

  it('DP-6: every request duplicated at the HTTPS level is still applied once', async () => {
    const term = await startTerminal(dc, 'T-FAULT-DUP', { engine: { transport: (identity) => new DuplicatingTransport(new HttpsTransport(identity, 2_000)), pushBatch: 4 } });
    try {
      const members = Array.from({ length: 6 }, () => newMember());
      term.t.kura.store.transaction(() => members.forEach((m) => term.t.kura.members.insert(m)));
      for (const m of members) editMember(term, m.shikakuId, '重複\u3000送信');
      const run = await term.engine.syncOnce();
      assert.ok(run.ok, run.ok ? '' : run.failure.message);
      assert.equal(await appliedThrough(dc, 'T-FAULT-DUP'), 12);
      assert.equal((await dc.pg.pool.query("SELECT 1 FROM conflicts WHERE terminal_id = 'T-FAULT-DUP'")).rowCount, 0);
      assert.equal(replicaChecksum(term.t.kura.store.db).digest, (await serverChecksum(dc.pg.pool)).digest);
    } finally {
      await term.close();
    }
  });
});
