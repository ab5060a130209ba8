// Property (fast-check): two terminals editing the same members offline, syncing in random order
// through a link that loses replies or resets. Whatever the interleaving: no mutation is lost or
// applied twice, and after a clean sync both terminals and the data center hold the same rows.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { replicaChecksum } from '../../main/core/sync';
import { replicaChecksum as serverChecksum } from '../../server/src/checksum';
import { startDataCenter, type DataCenter } from '../server/fixture';
import { FaultProxy, type Fault } from './fault-proxy';
import { editMember, newMember, startTerminal, type Terminal } from './terminal';

type Step = { term: 0 | 1; op: 'edit'; member: number } | { term: 0 | 1; op: 'sync'; fault: 'pass' | 'loseReply' | 'reset' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ term: fc.constantFrom<0 | 1>(0, 1), op: fc.constant('edit' as const), member: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ term: fc.constantFrom<0 | 1>(0, 1), op: fc.constant('sync' as const), fault: fc.constantFrom('pass' as const, 'loseReply' as const, 'reset' as const) }),
);

describe('sync: random interleavings of two terminals', () => {
  let dc: DataCenter;
  let proxy: FaultProxy;
  let url: string;
  let run = 0;
  beforeAll(async () => {
    dc = await startDataCenter();
    proxy = new FaultProxy(dc.server.port);
    url = `https://127.0.0.1:${await proxy.listen()}`;
  });
  afterAll(async () => {
    await proxy?.close();
    await dc?.stop();
  });

  it('DP-6/AU: any interleaving keeps exactly-once and ends with terminals and data center agreeing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 4, maxLength: 14 }), async (steps) => {
        run++;
        const a = await startTerminal(dc, `T-PROP-${run}-A`, { url, engine: { timeoutMs: 600, pushBatch: 3, pullPage: 20 } });
        const b = await startTerminal(dc, `T-PROP-${run}-B`, { url, sharesKeysWith: a, engine: { timeoutMs: 600, pushBatch: 3, pullPage: 20 } });
        const terms: [Terminal, Terminal] = [a, b];
        try {
          proxy.set({ kind: 'pass' });
          const members = Array.from({ length: 4 }, () => newMember());
          a.t.kura.store.transaction(() => members.forEach((m) => a.t.kura.members.insert(m)));
          assert.ok((await a.engine.syncOnce()).ok);
          assert.ok((await b.engine.syncOnce()).ok);
          const editedBy = [new Set<string>(), new Set<string>()];
          for (const s of steps) {
            const term = terms[s.term];
            if (s.op === 'edit') {
              editMember(term, members[s.member]!.shikakuId, `${term.id}\u3000${Math.random().toString(36).slice(2, 8)}`);
              editedBy[s.term]!.add(members[s.member]!.shikakuId);
            } else {
              const before = await applied(dc, term.id);
              const fault: Fault = s.fault === 'loseReply' ? { kind: 'loseReply', when: async () => (await applied(dc, term.id)) > before } : { kind: s.fault };
              proxy.set(fault);
              await term.engine.syncOnce();
            }
          }
          proxy.set({ kind: 'pass' });
          for (const term of [a, b, a]) {
            const r = await term.engine.syncOnce();
            assert.ok(r.ok, r.ok ? '' : r.failure.message);
          }
          const server = await serverChecksum(dc.pg.pool);
          assert.equal(replicaChecksum(a.t.kura.store.db).digest, server.digest);
          assert.equal(replicaChecksum(b.t.kura.store.db).digest, server.digest);
          for (const [i, term] of terms.entries()) {
            // Nothing lost: every mutation number made on the terminal was confirmed by the data center.
            const made = (term.t.kura.store.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'sync_outbox'").pluck().get() as number | undefined) ?? 0;
            assert.equal(await applied(dc, term.id), made);
            // Nothing applied twice: a conflict can only be on a member the OTHER terminal also edited
            // (a repeated apply of our own edit would show up as a stale 更新通番 on any member).
            const c = await dc.pg.pool.query<{ shikaku_id: string }>('SELECT shikaku_id FROM conflicts WHERE terminal_id = $1', [term.id]);
            for (const row of c.rows) assert.ok(editedBy[1 - i]!.has(row.shikaku_id), `conflict on ${row.shikaku_id} that only ${term.id} edited`);
          }
        } finally {
          await a.close();
          await b.close();
        }
      }),
      { numRuns: 8 },
    );
  });
});

async function applied(dc: DataCenter, terminalId: string): Promise<number> {
  const r = await dc.pg.pool.query<{ applied_through: string }>('SELECT applied_through FROM terminals WHERE terminal_id = $1', [terminalId]);
  return Number(r.rows[0]?.applied_through ?? 0);
}
