// MD-5: data read from media is virus-checked first; a finding stops the import and is logged.
// ClamAV (clamscan) runs for real with a signature file made for the test that matches EICAR.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { ClamAvScanner } from '../../main/core/imports';
import { configureImports } from '../../main/rpc/handlers/imports';
import { csvText, INPUT_HEADER, inputRow } from '../fixtures/imports/generate';
import { eicar, startImports, xlsx, type ImportKura } from './helpers';

describe('MD-5: virus check before any parse', () => {
  let k: ImportKura;
  beforeAll(async () => {
    k = await startImports();
  });
  afterAll(() => k.t.close());

  const sessions = (): number => (k.t.kura.store.db.prepare('SELECT count(*) AS n FROM import_sessions').get() as { n: number }).n;

  it('MD-5: an employer CSV carrying the EICAR string is stopped, logged with the signature, and nothing is stored', async () => {
    const path = k.stage('eicar.csv', csvText([INPUT_HEADER, inputRow(0, { number: '', reason: '9', memo: eicar() })]));
    const before = sessions();
    const r = await k.t.call(k.clerk, 'imports.preview', { path, kind: 'input' });
    assert.equal(r.status, 'refused');
    if (r.status !== 'refused') return;
    assert.equal(r.problem.code, 'virus_found');
    assert.match(r.problem.ja, /ウイルスが検出/);
    assert.match(r.problem.ja, /Kura\.Test\.EICAR/);
    assert.equal(sessions(), before, 'no import session, no rows');
    const entry = k.t.kura.audit.recent(5, 'imports.preview')[0]!;
    assert.equal(entry.outcome, 'refused');
    assert.equal(entry.operator, 'tekiyo.edit');
    assert.equal(entry.detail.problem, 'virus_found');
    assert.equal(entry.detail.scanner, 'clamav');
    assert.match(String(entry.detail.signature), /Kura\.Test\.EICAR/);
    assert.ok(existsSync(path), 'an infected file is left for the administrator, not silently deleted');
  });

  it('MD-5: the scan runs before parsing: EICAR in junk bytes is a virus, not "not a CSV"', async () => {
    const junk = Buffer.concat([Buffer.alloc(64, 0), Buffer.from(eicar()), Buffer.alloc(64, 0)]);
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('junk.bin', junk), kind: 'input' });
    assert.equal(r.status === 'refused' && r.problem.code, 'virus_found');
  });

  it('MD-5: EICAR inside an .xlsx (deflated in the zip) is found too', async () => {
    const book = xlsx([INPUT_HEADER, inputRow(0, { memo: eicar() })]);
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('eicar.xlsx', book), kind: 'input' });
    assert.equal(r.status === 'refused' && r.problem.code, 'virus_found');
  });

  it('MD-5: a clean file passes the same scanner', async () => {
    const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('utf8-crlf.csv'), kind: 'input' });
    assert.equal(r.status, 'ready');
  });

  it('MD-5: when the scanner cannot judge (no definitions), the import stops: fail closed', async () => {
    configureImports(k.t.kura, { scanner: new ClamAvScanner({ databasePath: join(k.staging, 'missing.ndb') }) });
    try {
      const r = await k.t.call(k.clerk, 'imports.preview', { path: k.stage('utf8-crlf.csv'), kind: 'input' });
      assert.equal(r.status === 'refused' && r.problem.code, 'scan_failed');
      assert.equal(k.t.kura.audit.recent(1, 'imports.preview')[0]!.detail.problem, 'scan_failed');
    } finally {
      k.configure();
    }
  });
});
