// DP-5: an imported file containing My Number is deleted automatically once the import finishes
// (confirmed or abandoned), and the deletion is in the operation log.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ClamAvScanner, ImportService } from '../../main/core/imports';
import { configureImports } from '../../main/rpc/handlers/imports';
import { startImports, type ImportKura } from './helpers';

describe('DP-5: the source file is erased when the import finishes', () => {
  let k: ImportKura;
  beforeAll(async () => {
    k = await startImports();
  });
  afterAll(() => k.t.close());

  const previewed = async (path: string): Promise<string> => {
    const r = await k.t.call(k.clerk, 'imports.preview', { path, kind: 'input' });
    if (r.status !== 'ready') throw new Error('refused');
    assert.ok(existsSync(path), 'a preview leaves the file in place (the clerk may still abandon or confirm)');
    return r.session.importId;
  };
  const erasureLog = (importId: string) => k.t.kura.audit.recent(50, 'imports.sourceDeleted').find((e) => e.target === importId);

  it('DP-5: confirm erases the file and logs the deletion', async () => {
    const path = k.stage('utf8-crlf.csv');
    const importId = await previewed(path);
    const done = await k.t.call(k.clerk, 'imports.confirm', { importId });
    assert.equal(done.sourceDeleted, true);
    assert.equal(existsSync(path), false);
    const entry = erasureLog(importId)!;
    assert.equal(entry.outcome, 'ok');
    assert.equal(entry.operator, 'tekiyo.edit');
    assert.equal(entry.detail.result, 'erased');
    const list = await k.t.call(k.clerk, 'imports.list', {});
    assert.equal(list.imports.find((i) => i.importId === importId)!.sourceDeleted, true);
  });

  it('DP-5: abandon registers nothing, erases the file and the preview\u2019s encrypted numbers', async () => {
    const registered = (): number => (k.t.kura.store.db.prepare('SELECT count(*) AS n FROM mynumber_master').get() as { n: number }).n;
    const before = registered();
    const path = k.stage('check-22.csv');
    const importId = await previewed(path);
    const r = await k.t.call(k.clerk, 'imports.abandon', { importId });
    assert.equal(r.sourceDeleted, true);
    assert.equal(existsSync(path), false);
    assert.equal(erasureLog(importId)!.outcome, 'ok');
    const left = k.t.kura.store.db.prepare('SELECT count(*) AS n FROM import_sessions WHERE import_id = ? AND numbers_enc IS NOT NULL').get(importId) as { n: number };
    assert.equal(left.n, 0);
    assert.equal(registered(), before, 'nothing registered');
  });

  it('DP-5: a file left behind by a crash between commit and erase is erased at the next start, and logged', async () => {
    const path = k.stage('utf8-bom.csv');
    const importId = await previewed(path);
    // The import is finished in the store but the process stops before the unlink.
    const service = new ImportService({ store: k.t.kura.store, vault: k.t.kura.vault, now: k.t.kura.now, scanner: new ClamAvScanner() });
    k.t.kura.store.transaction(() => service.abandon(importId, { userId: 'tekiyo.edit', business: 'tekiyo' }));
    assert.ok(existsSync(path));
    k.t.reopen();
    configureImports(k.t.kura, { scanner: new ClamAvScanner({ databasePath: k.signatures }) });
    const clerk = k.t.connect();
    await k.t.call(clerk, 'auth.login', { userId: 'tekiyo.edit', password: 'Clerk-pass-2026x' });
    await k.t.call(clerk, 'session.declareBusiness', { business: 'tekiyo' });
    await k.t.call(clerk, 'imports.list', {});
    assert.equal(existsSync(path), false);
    const entry = erasureLog(importId)!;
    assert.equal(entry.detail.origin, 'startup');
    assert.equal(entry.outcome, 'ok');
  });
});
