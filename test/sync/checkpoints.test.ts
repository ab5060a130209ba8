// AU-2: the operation log goes to the data center with a signed checkpoint on every sync; a rolled-back
// or rewritten (forked) log is refused and raised as an alert.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { loadIdentity, syncStatus } from '../../main/core/sync';
import { checkpointMessage } from '../../shared/sync/protocol';
import { rawRequest, startDataCenter, type DataCenter } from '../server/fixture';
import { startTerminal, type Terminal } from './terminal';

/** What an attacker (or a restore from backup) does to the local log: the guard triggers are bugs-only. */
function truncateLog(term: Terminal, keepThrough: number): void {
  const db = term.t.kura.store.db;
  db.exec('DROP TRIGGER IF EXISTS audit_no_delete');
  db.prepare('DELETE FROM audit_log WHERE seq > ?').run(keepThrough);
}

async function alerts(dc: DataCenter, terminalId: string): Promise<string[]> {
  const r = await dc.pg.pool.query<{ kind: string }>('SELECT kind FROM alerts WHERE terminal_id = $1 ORDER BY id', [terminalId]);
  return r.rows.map((x) => x.kind);
}

describe('AU-2: operation-log checkpoints at the data center', () => {
  let dc: DataCenter;
  beforeAll(async () => {
    dc = await startDataCenter();
  });
  afterAll(async () => {
    await dc?.stop();
  });

  it('AU-2: each sync ships the new log entries and a signed checkpoint the server verifies against the chain', async () => {
    const term = await startTerminal(dc, 'T-LOG-OK');
    try {
      assert.ok((await term.engine.syncOnce()).ok);
      await term.t.manager(); // a login adds entries
      const run = await term.engine.syncOnce();
      assert.ok(run.ok, run.ok ? '' : run.failure.message);
      const head = term.t.kura.audit.head();
      assert.equal(run.logThrough, head.seq);
      const held = await dc.pg.pool.query<{ n: string; hash: string }>(
        "SELECT count(*) AS n, (SELECT hash FROM log_entries WHERE terminal_id = 'T-LOG-OK' ORDER BY seq DESC LIMIT 1) AS hash FROM log_entries WHERE terminal_id = 'T-LOG-OK'",
      );
      assert.equal(Number(held.rows[0]!.n), head.seq);
      assert.equal(held.rows[0]!.hash, head.hash);
      const cps = await dc.pg.pool.query("SELECT 1 FROM checkpoints WHERE terminal_id = 'T-LOG-OK'");
      assert.equal(cps.rowCount, 2);
      assert.deepEqual(await alerts(dc, 'T-LOG-OK'), []);
    } finally {
      await term.close();
    }
  });

  it('AU-2: a log rolled back to an earlier state (truncated) is refused and raises an alert', async () => {
    const term = await startTerminal(dc, 'T-LOG-ROLLBACK');
    try {
      await term.t.manager();
      assert.ok((await term.engine.syncOnce()).ok);
      const head = term.t.kura.audit.head();
      truncateLog(term, head.seq - 2);
      const run = await term.engine.syncOnce();
      assert.equal(run.ok, false);
      assert.equal(run.ok ? '' : run.failure.code, 'log_rollback');
      assert.deepEqual(await alerts(dc, 'T-LOG-ROLLBACK'), ['log_rollback']);
      const status = syncStatus(term.t.kura.store.db, term.t.clock.now());
      assert.equal(status.link, 'error');
      assert.match(status.lastError?.ja ?? '', /操作ログ/);
    } finally {
      await term.close();
    }
  });

  it('AU-2: a rewritten log (same length or longer, different history) is refused as a fork and raises an alert', async () => {
    const term = await startTerminal(dc, 'T-LOG-FORK');
    try {
      await term.t.manager();
      assert.ok((await term.engine.syncOnce()).ok);
      const head = term.t.kura.audit.head();
      truncateLog(term, head.seq - 2);
      // Rewrite history: three different entries where two were.
      for (let i = 0; i < 3; i++) term.t.kura.store.transaction(() => term.t.kura.audit.append({ operator: null, terminal: 'x', business: null, event: 'rewritten', target: null, outcome: 'ok', detail: { i } }));
      assert.equal(term.t.kura.audit.verify().ok, true, 'locally the rewritten chain is self-consistent');
      const run = await term.engine.syncOnce();
      assert.equal(run.ok ? '' : run.failure.code, 'log_fork');
      assert.deepEqual(await alerts(dc, 'T-LOG-FORK'), ['log_fork']);
    } finally {
      await term.close();
    }
  });

  it('AU-2: a checkpoint not signed with the terminal certificate key is refused and raises an alert', async () => {
    const term = await startTerminal(dc, 'T-LOG-SIG');
    try {
      const identity = loadIdentity(term.t.kura.store.db)!;
      const stranger = generateKeyPairSync('ed25519').privateKey;
      const cp = { logId: 'ab'.repeat(16), seq: 0, head: '0'.repeat(64) };
      const forged = { ...cp, signature: sign(null, Buffer.from(checkpointMessage(cp)), stranger).toString('base64') };
      const r = await rawRequest(dc.server.url, '/sync/log', { ca: identity.caPem, cert: identity.certPem, key: identity.keyPem }, 'POST', { entries: [], checkpoint: forged });
      assert.equal(r.status, 409);
      assert.equal((r.body as { error: string }).error, 'bad_signature');
      assert.deepEqual(await alerts(dc, 'T-LOG-SIG'), ['bad_signature']);
    } finally {
      await term.close();
    }
  });
});
