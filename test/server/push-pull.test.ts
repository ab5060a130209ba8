// Push and pull rules at the data center, driven with raw mutual-TLS requests.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { MemberRowWire, MutationWire, PullResponse, PushResponse } from '../../shared/sync/protocol';
import { rawRequest, startDataCenter, type DataCenter } from './fixture';

const row = (id: string, version: number, name = '試験\u3000花子'): MemberRowWire => ({
  shikakuId: id, jigyoshoKigo: '0001', hihokenshaNo: '00000001', edaban: '00', kubun: 1, zokugara: null, kanjiName: name, kanaName: 'シケン ハナコ',
  birthDate: '1985-02-03', sex: 2, shutokuDate: '2010-04-01', soshitsuDate: null, version, updatedAt: '2026-11-24T01:00:00.000Z', deleted: 0,
});
const member = (seq: number, id: string, baseVersion: number, name?: string): MutationWire => ({ seq, entity: 'member', key: id, baseVersion, row: row(id, baseVersion + 1, name) });

describe('data-center server: push and pull', () => {
  let dc: DataCenter;
  let tls: { ca: string; cert: string; key: string };
  let other: { ca: string; cert: string; key: string };
  const push = async (creds: typeof tls, mutations: MutationWire[]) => rawRequest(dc.server.url, '/sync/push', creds, 'POST', { mutations });

  beforeAll(async () => {
    dc = await startDataCenter();
    const a = dc.enrol('T-PUSH-A');
    const b = dc.enrol('T-PUSH-B');
    tls = { ca: dc.caPem, cert: a.certPem, key: a.keyPem! };
    other = { ca: dc.caPem, cert: b.certPem, key: b.keyPem! };
  });
  afterAll(async () => {
    await dc?.stop();
  });

  it('a duplicated batch is applied exactly once (retries are safe)', async () => {
    const batch = [member(1, 'P1', 0), member(2, 'P2', 0), member(3, 'P1', 1, '更新\u3000一回')];
    const first = await push(tls, batch);
    assert.equal(first.status, 200);
    assert.deepEqual(first.body, { appliedThrough: 3, applied: 3, skipped: 0, conflicts: [] } satisfies PushResponse);
    const again = await push(tls, batch);
    assert.deepEqual(again.body, { appliedThrough: 3, applied: 0, skipped: 3, conflicts: [] } satisfies PushResponse);
    const r = await dc.pg.pool.query<{ version: number; kanji_name: string }>("SELECT version, kanji_name FROM members WHERE shikaku_id = 'P1'");
    assert.deepEqual(r.rows, [{ version: 2, kanji_name: '更新\u3000一回' }]);
    // A batch overlapping what was applied: only the new tail is applied.
    const overlap = await push(tls, [member(3, 'P1', 1, '更新\u3000一回'), member(4, 'P2', 1, '二番')]);
    assert.deepEqual(overlap.body, { appliedThrough: 4, applied: 1, skipped: 1, conflicts: [] } satisfies PushResponse);
  });

  it('a gap in the mutation numbers is refused and nothing of the batch is applied', async () => {
    const gap = await push(tls, [member(6, 'P3', 0)]);
    assert.equal(gap.status, 409);
    assert.equal((gap.body as { error: string }).error, 'sync_gap');
    const r = await dc.pg.pool.query("SELECT 1 FROM members WHERE shikaku_id = 'P3'");
    assert.equal(r.rowCount, 0);
    const t = await dc.pg.pool.query<{ applied_through: string }>("SELECT applied_through FROM terminals WHERE terminal_id = 'T-PUSH-A'");
    assert.equal(t.rows[0]!.applied_through, '4');
  });

  it('a stale 更新通番 becomes a recorded conflict with both versions, and the queue still advances', async () => {
    // Terminal B edits P1 from version 1, but A already made it version 2.
    const res = await push(other, [member(1, 'P1', 1, '古い版からの更新'), member(2, 'P4', 0)]);
    assert.equal(res.status, 200);
    const body = res.body as PushResponse;
    assert.equal(body.appliedThrough, 2);
    assert.equal(body.applied, 1);
    const { serverRow, ...conflict } = body.conflicts[0]!;
    assert.deepEqual([conflict, body.conflicts.length], [{ seq: 1, entity: 'member', key: 'P1', reason: 'stale_version', serverVersion: 2 }, 1]);
    // The winning row comes back with the answer, so the terminal's replica follows it at once.
    assert.equal(serverRow && 'kanjiName' in serverRow ? serverRow.kanjiName : null, '更新\u3000一回');
    const c = await dc.pg.pool.query<{ incoming: MemberRowWire; server_row: MemberRowWire; terminal_id: string }>("SELECT incoming, server_row, terminal_id FROM conflicts WHERE shikaku_id = 'P1'");
    assert.equal(c.rows[0]!.terminal_id, 'T-PUSH-B');
    assert.equal(c.rows[0]!.incoming.kanjiName, '古い版からの更新');
    assert.equal(c.rows[0]!.server_row.kanjiName, '更新\u3000一回');
    const p = await dc.pg.pool.query<{ kanji_name: string }>("SELECT kanji_name FROM members WHERE shikaku_id = 'P1'");
    assert.equal(p.rows[0]!.kanji_name, '更新\u3000一回', 'the data center keeps its version');
    const p4 = await dc.pg.pool.query("SELECT 1 FROM members WHERE shikaku_id = 'P4'");
    assert.equal(p4.rowCount, 1, 'the record after the conflict was applied');
  });

  it('a batch resent after its reply was lost tells its conflicts again, with the data center row as it is now', async () => {
    // B's batch above (P1 stale, P4 new) is resent, as after "server committed, reply lost".
    const again = await push(other, [member(1, 'P1', 1, '古い版からの更新'), member(2, 'P4', 0)]);
    const body = again.body as PushResponse;
    assert.deepEqual([body.applied, body.skipped], [0, 2]);
    assert.deepEqual(body.conflicts.map(({ seq, key, reason, serverVersion }) => ({ seq, key, reason, serverVersion })), [{ seq: 1, key: 'P1', reason: 'stale_version', serverVersion: 2 }]);
    // A newer version since: the resent conflict carries it, never the row as it was then.
    const newer = await push(tls, [member(5, 'P1', 2, '三番目')]);
    assert.equal((newer.body as PushResponse).conflicts.length, 0);
    const third = (await push(other, [member(1, 'P1', 1, '古い版からの更新')])).body as PushResponse;
    const sent = third.conflicts[0]!;
    assert.equal(sent.serverVersion, 3);
    assert.equal(sent.serverRow && 'kanjiName' in sent.serverRow ? sent.serverRow.kanjiName : null, '三番目');
    // Nothing was recorded twice.
    const c = await dc.pg.pool.query("SELECT 1 FROM conflicts WHERE terminal_id = 'T-PUSH-B'");
    assert.equal(c.rowCount, 1);
  });

  it('a pull pages through the change log in commit order and re-serves a conflicted row', async () => {
    const seen: PullResponse['changes'] = [];
    let cursor = 0;
    let openConflicts: number;
    for (;;) {
      const r = await rawRequest(dc.server.url, `/sync/pull?after=${cursor}&limit=2`, tls);
      assert.equal(r.status, 200);
      const page = r.body as PullResponse;
      assert.ok(page.next >= cursor, 'the cursor never goes back');
      assert.ok(page.changes.length <= 2);
      seen.push(...page.changes);
      cursor = page.next;
      openConflicts = page.openConflicts;
      if (!page.more) break;
    }
    const ids = seen.map((c) => c.row.shikakuId);
    assert.deepEqual([...ids].sort(), ['P1', 'P2', 'P4']);
    assert.deepEqual(seen.map((c) => c.seq), [...seen.map((c) => c.seq)].sort((a, b) => a - b));
    // P1 was touched by the conflict, so it comes after P4 (written in the same batch).
    assert.ok(ids.indexOf('P1') > ids.indexOf('P4'));
    assert.equal(openConflicts, 1);
    const empty = (await rawRequest(dc.server.url, `/sync/pull?after=${cursor}`, tls)).body as PullResponse;
    assert.deepEqual(empty.changes, []);
    assert.equal(empty.next, cursor);
  });

  it('a body that breaks the protocol is refused by name, not applied', async () => {
    const bad = await rawRequest(dc.server.url, '/sync/push', tls, 'POST', { mutations: [{ seq: 5, entity: 'member', key: 'P9', baseVersion: 0, row: { shikakuId: 'P9' } }] });
    assert.equal(bad.status, 400);
    assert.equal((bad.body as { error: string }).error, 'invalid_body');
  });
});
