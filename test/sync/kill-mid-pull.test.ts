// DP-6, issue 14: a terminal process killed (SIGKILL) at a random point of a big initial pull, most
// likely while it applies a page, loses nothing and applies nothing twice: the replica holds exactly
// the pages whose cursor was saved, and the resumed pull ends with the data center's checksum.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { KeyFileKeystore, openStore, type Store } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';
import { HttpsTransport, configureSync, loadIdentity, pullChanges, pullCursor, replicaChecksum } from '../../main/core/sync';
import { replicaChecksum as serverChecksum } from '../../server/src/checksum';
import { startDataCenter, type DataCenter } from '../server/fixture';
import { seedDataCenterMembers } from '../server/seed';

const MEMBERS = 30_000;
const PAGE = 1_000;

/** Starts a pulling child and SIGKILLs it after a random number of pages, a random moment into the next. */
function pullAndKill(dataDir: string, afterPages: number, delayMs: number): Promise<{ killed: boolean; pagesSeen: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'pull.child.ts'), dataDir, String(PAGE)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let pagesSeen = 0;
    let done = false;
    let err = '';
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      for (const line of c.toString().split('\n')) {
        if (line.startsWith('page ')) pagesSeen++;
        if (line === 'done') done = true;
      }
      if (pagesSeen === afterPages) setTimeout(() => child.kill('SIGKILL'), delayMs);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (signal === 'SIGKILL') return resolve({ killed: true, pagesSeen });
      if (code === 0 && done) return resolve({ killed: false, pagesSeen });
      reject(new Error(`pull child ended with ${code}: ${err.slice(-1500)}`));
    });
  });
}

describe('a terminal killed in the middle of applying a pulled page', () => {
  let dc: DataCenter;
  beforeAll(async () => {
    dc = await startDataCenter();
    await seedDataCenterMembers(dc.pg.pool, MEMBERS, 'K');
  });
  afterAll(async () => {
    await dc?.stop();
  });

  it('DP-6: SIGKILL at a random point of a big pull, twice; the replica is always whole pages, and the resumed pull ends with the data center checksum', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kura-kill-pull-'));
    const open = (): Store => openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
    try {
      let store = open();
      const bundle = dc.enrol('T-KILL');
      configureSync(store.db, { terminalId: 'T-KILL', serverUrl: dc.server.url, caPem: bundle.caPem, certPem: bundle.certPem, keyPem: bundle.keyPem! }, new Date());
      store.close();
      const totalPages = Math.ceil((MEMBERS * 1.5) / PAGE);
      let cursor = 0;
      let kills = 0;
      for (let round = 0; round < 2; round++) {
        // A random page of the first half, then a random moment (0-40 ms) into applying the next one.
        const afterPages = 1 + Math.floor(Math.random() * (totalPages / 4));
        const r = await pullAndKill(dir, afterPages, Math.floor(Math.random() * 40));
        if (r.killed) kills++;
        store = open();
        try {
          const now = pullCursor(store.db);
          assert.ok(now >= cursor, `the cursor went back from ${cursor} to ${now}`);
          cursor = now;
          // Exactly the rows at or below the saved cursor are in the replica: the killed page left nothing.
          const upTo = await dc.pg.pool.query<{ m: string; n: string }>(
            'SELECT (SELECT count(*) FROM members WHERE change_seq <= $1) AS m, (SELECT count(*) FROM mynumber_master WHERE change_seq <= $1) AS n',
            [now],
          );
          assert.equal(store.db.prepare('SELECT count(*) FROM members').pluck().get(), Number(upTo.rows[0]!.m));
          assert.equal(store.db.prepare('SELECT count(*) FROM mynumber_master').pluck().get(), Number(upTo.rows[0]!.n));
          assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
        } finally {
          store.close();
        }
      }
      assert.ok(kills >= 1, 'at least one pull was killed before its end');
      store = open();
      const transport = new HttpsTransport(loadIdentity(store.db)!, 60_000);
      try {
        const resumed = await pullChanges(store.db, transport, { pageSize: PAGE });
        assert.ok(resumed.applied > 0 && resumed.cursor > cursor);
        const server = await serverChecksum(dc.pg.pool);
        const local = replicaChecksum(store.db);
        assert.equal(local.members, MEMBERS);
        assert.equal(local.digest, server.digest);
      } finally {
        transport.close();
        store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
