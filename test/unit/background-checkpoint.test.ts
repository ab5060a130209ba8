// DP-1 / issue 2: a bulk write's commit leaves the WAL checkpoint to a second connection on a worker
// thread. These tests hold that nothing depends on it: the setting comes back after the bulk (also
// after a rollback), the background checkpoint copies every frame, and a process killed before,
// during or after it reopens with every committed row and an intact log.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { AuditLog } from '../../main/core/audit';
import { demoMember, MemberRegistry, seededRandom } from '../../main/core/members';
import { demoMyNumber, MyNumberVault } from '../../main/core/mynumber';
import { KeyFileKeystore, openStore, type Store } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';
import { BackgroundCheckpointer } from '../../main/core/store/checkpointer';
import { makeDataDir } from '../helpers/kura';

const id = (i: number): string => `Q${String(i).padStart(9, '0')}`;
const autocheckpoint = (store: Store): number => store.db.pragma('wal_autocheckpoint', { simple: true }) as number;

describe('DP-1: the WAL checkpoint of a bulk write runs on the other core', () => {
  let store: Store;
  let vault: MyNumberVault;
  beforeAll(() => {
    const dir = makeDataDir();
    store = openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
    vault = new MyNumberVault(store, () => new Date());
    const members = new MemberRegistry(store.db, () => new Date());
    const random = seededRandom(4);
    store.transaction(() => {
      for (let i = 1; i <= 3_000; i++) members.insert(demoMember(i, random));
    });
  });
  afterAll(() => store.close());

  it('DP-1: the commit does not checkpoint; the background connection copies every frame; the setting comes back', async () => {
    let during = -1;
    store.transaction(() =>
      vault.bulk(() => {
        during = autocheckpoint(store);
        for (let i = 1; i <= 2_000; i++) vault.register(id(i), demoMyNumber(i));
      }),
    );
    assert.equal(during, 0, 'no automatic checkpoint at the bulk\u2019s commit');
    // A small write right after the bulk does not copy the bulk's WAL on this thread either.
    assert.equal(autocheckpoint(store), 0, 'none while the background checkpoint runs');
    store.transaction(() => vault.register(id(2_500), demoMyNumber(2_500)));
    const report = await store.checkpointsSettled();
    assert.ok(report?.ok, `background checkpoint: ${JSON.stringify(report)}`);
    assert.ok(report.walPages > 0 && report.checkpointedPages === report.walPages, 'every frame copied into the file');
    assert.equal(autocheckpoint(store), 1000, 'then single writes checkpoint as before');
  });

  it('DP-1: a bulk that fails gives the settings back too, and writes nothing', async () => {
    assert.throws(() =>
      store.transaction(() =>
        vault.bulk(() => {
          vault.register(id(2_001), demoMyNumber(2_001));
          throw new Error('disk full');
        }),
      ), /disk full/);
    await store.checkpointsSettled();
    assert.equal(autocheckpoint(store), 1000);
    assert.equal(vault.status(id(2_001)).registered, false);
  });

  it('DP-1: marking a bulk write outside a transaction is a programming error', () => {
    assert.throws(() => store.bulkWrite(), /there is none/);
  });
});

describe('DP-1: a process killed around the background checkpoint loses no committed row', () => {
  const ROWS = 20_000;
  for (const killAfterMs of [0, 40, 120, 1_500]) {
    it(`DP-1: killed ${killAfterMs} ms after a bulk commit of ${ROWS} rows, the store reopens whole`, () => {
      const dir = makeDataDir();
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'checkpoint-child.ts'), dir, String(ROWS), String(killAfterMs)], { encoding: 'utf8', timeout: 120_000 });
      assert.equal(child.signal, 'SIGKILL', `child ended with ${child.status} ${child.stderr}`);
      assert.match(child.stdout, /committed/);
      const store = openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
      try {
        assert.equal(store.db.pragma('integrity_check', { simple: true }), 'ok');
        const registered = store.db.prepare('SELECT count(*) FROM mynumber_master WHERE sakujo_kubun = 0').pluck().get();
        assert.equal(registered, ROWS);
        const vault = new MyNumberVault(store, () => new Date());
        assert.equal(vault.reveal(id(ROWS)).myNumber, demoMyNumber(ROWS));
        assert.equal(vault.findHolder(demoMyNumber(1)), id(1));
        assert.equal(vault.findHolder(demoMyNumber(ROWS / 2)), id(ROWS / 2), 'a row sealed ahead on the worker');
        const log = new AuditLog(store.db, () => new Date()).verify();
        assert.deepEqual([log.ok, log.entries >= ROWS], [true, true]);
        assert.equal(store.db.prepare("SELECT count(*) FROM sync_outbox WHERE entity = 'mynumber'").pluck().get(), ROWS);
      } finally {
        store.close();
      }
    });
  }
});

describe('DP-1: a background checkpoint that cannot run changes nothing for the clerk', () => {
  it('DP-1: a worker that cannot start: no throw, a report saying so, and close still works', async () => {
    const dir = makeDataDir();
    const store = openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
    try {
      const noThreads = new BackgroundCheckpointer(store.db.name, null, () => {
        throw new Error('no threads left');
      });
      assert.equal(noThreads.prepare(), false);
      assert.deepEqual(await noThreads.request(), { ok: false, error: 'worker_unavailable' });
      assert.equal(await noThreads.idle(), null);
      noThreads.close();
    } finally {
      store.close();
    }
  });

  it('DP-1: a worker that cannot open the file: the commit stands, settings come back, and whenDurable syncs on this thread', async () => {
    const dir = makeDataDir();
    const store = openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
    try {
      const vault = new MyNumberVault(store, () => new Date());
      const members = new MemberRegistry(store.db, () => new Date());
      const random = seededRandom(5);
      store.transaction(() => {
        for (let i = 1; i <= 3_000; i++) members.insert(demoMember(i, random));
      });
      store.db.pragma('wal_checkpoint(TRUNCATE)');
      // The open connection keeps working; the worker's own open by name fails (fileMustExist).
      const moved = join(dir, 'moved.db');
      renameSync(store.db.name, moved);
      const sizeBefore = statSync(moved).size;
      store.transaction(() => vault.bulk(() => {
        for (let i = 1; i <= 3_000; i++) vault.register(id(i), demoMyNumber(i));
      }));
      const report = await store.checkpointsSettled();
      assert.equal(report?.ok, false, 'the worker could not open the file');
      assert.equal(autocheckpoint(store), 1000, 'single writes checkpoint as before');
      assert.equal(statSync(moved).size, sizeBefore, 'nothing was copied into the file yet');
      assert.equal(await store.whenDurable(), true);
      assert.ok(statSync(moved).size > sizeBefore, 'whenDurable ran the checkpoint itself');
      assert.equal(vault.status(id(3_000)).registered, true);
    } finally {
      store.close();
    }
  });
});
