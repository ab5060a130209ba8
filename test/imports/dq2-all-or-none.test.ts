// DQ-2 (confirm): a file's accepted rows are registered in one transaction. A failure or a killed
// process in the middle of a confirm leaves none of that file's rows registered; a retry registers all.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ClamAvScanner, ImportService } from '../../main/core/imports';
import { configureImports } from '../../main/rpc/handlers/imports';
import { bulkCsv, insertBulkMembers, registeredCount } from './bulk';
import { startImports, type ImportKura } from './helpers';

const ROWS = 2_500;

describe('DQ-2: confirm is all or none', () => {
  let k: ImportKura;
  beforeAll(async () => {
    k = await startImports();
    insertBulkMembers(k.t.kura, ROWS);
  });
  afterAll(() => k.t.close());

  const previewBulk = async (): Promise<string> => {
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('bulk.csv', bulkCsv(ROWS)), kind: 'input' });
    assert.equal(r.status, 'ready');
    if (r.status !== 'ready') throw new Error('refused');
    assert.equal(r.session.counts.ok, ROWS);
    return r.session.importId;
  };

  it('DQ-2: an error thrown after 1,000 of 2,500 rows rolls back every row of the file', async () => {
    const importId = await previewBulk();
    const service = new ImportService({ store: k.t.kura.store, vault: k.t.kura.vault, now: k.t.kura.now, scanner: new ClamAvScanner({ databasePath: k.signatures }) });
    assert.throws(
      () =>
        k.t.kura.store.transaction(() =>
          service.confirm(importId, { userId: 'tekiyo.edit', business: 'tekiyo' }, {
            acceptWarnings: false,
            onProgress: (p) => {
              if (p.done >= 1_000) throw new Error('disk full');
            },
          }),
        ),
      /disk full/,
    );
    assert.equal(registeredCount(k.t.kura), 0);
    assert.equal(service.get(importId)!.status, 'previewed');
    const results = k.t.kura.store.db.prepare('SELECT count(*) AS n FROM mynumber_input_results WHERE import_id = ?').get(importId) as { n: number };
    assert.equal(results.n, 0);
    await k.t.call(k.clerk, 'imports.abandon', { importId });
  });

  it('DQ-2: a process killed (SIGKILL) in the middle of a confirm leaves none registered; the retry registers all', async () => {
    const importId = await previewBulk();
    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'confirm-child.ts'), k.t.dir, importId], { encoding: 'utf8', timeout: 120_000 });
    assert.equal(child.signal, 'SIGKILL', `child ended with ${child.status} ${child.stderr}`);
    k.t.reopen();
    configureImports(k.t.kura, { scanner: new ClamAvScanner({ databasePath: k.signatures }) });
    assert.equal(registeredCount(k.t.kura), 0, 'no row of the killed confirm survived');
    const clerk = k.t.connect();
    await k.t.call(clerk, 'auth.login', { userId: 'tekiyo.edit', password: 'Clerk-pass-2026x' });
    await k.t.call(clerk, 'session.declareBusiness', { business: 'tekiyo' });
    const done = await k.t.call(clerk, 'imports.confirm', { importId });
    assert.equal(done.registered, ROWS);
    assert.equal(registeredCount(k.t.kura), ROWS);
  });
});
