// DP-5, AC-9: the import path cannot reach the store through a link, and the erasure after an import
// touches only the file that was imported (not a symlink or a file swapped in since the preview).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { eraseSourceFile } from '../../main/core/imports';
import { STORE_FILES } from '../../main/core/store';
import { startKura, type TestKura } from '../helpers/kura';

describe('imports: paths and erasure', () => {
  let t: TestKura;
  let dir: string;
  beforeAll(async () => {
    t = await startKura({ seed: 5 });
    dir = mkdtempSync(join(tmpdir(), 'kura-paths-'));
  });
  afterAll(() => {
    t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('DP-1: the store\'s own files cannot be imported, not even through a symlink or /proc', async () => {
    const clerk = await t.clerk('path.clerk', 'EDIT', ['tekiyo'], 'tekiyo');
    const link = join(dir, 'innocent.csv');
    symlinkSync(join(t.dir, STORE_FILES.wrappedMaster), link);
    for (const path of [link, `/proc/self/root${join(t.dir, STORE_FILES.wrappedMaster)}`, join(t.dir, STORE_FILES.db)]) {
      const r = await t.raw(clerk, 'imports.preview', { path, kind: 'input' });
      assert.equal(!r.ok && r.error.code, 'invalid_input', path);
    }
    assert.ok(existsSync(join(t.dir, STORE_FILES.wrappedMaster)));
    t.reopen();
  });

  it('DP-5: erasure refuses a symlink and a file whose content changed since the import', () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'keep me');
    const imported = join(dir, 'imported.csv');
    writeFileSync(imported, 'original');
    const digest = createHash('sha256').update('original').digest('base64url');
    unlinkSync(imported);
    symlinkSync(victim, imported);
    assert.equal(eraseSourceFile(imported, digest).deleted, false);
    assert.equal(readFileSync(victim, 'utf8'), 'keep me');
    unlinkSync(imported);
    writeFileSync(imported, 'swapped in');
    assert.equal(eraseSourceFile(imported, digest).detail, 'changed');
    assert.equal(readFileSync(imported, 'utf8'), 'swapped in');
    writeFileSync(imported, 'original');
    assert.equal(eraseSourceFile(imported, digest).detail, 'erased');
    assert.equal(existsSync(imported), false);
  });
});
