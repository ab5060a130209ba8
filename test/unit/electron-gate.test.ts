// BL-2: the Electronegativity gate passes on the shell as it is, and fails when a bad setting is
// introduced (nodeIntegration: true in a copy of main/electron).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';

function gate(input: string) {
  const r = spawnSync(process.execPath, ['scripts/electronegativity-gate.mjs', input], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('Electronegativity gate (BL-2)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'kura-gate-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('BL-2: main/electron has no finding of MEDIUM or above', () => {
    const r = gate('main/electron');
    assert.equal(r.status, 0, r.output);
    assert.match(r.output, /electronegativity gate: ok/, r.output);
  });

  // Turning Node on in the renderer means nodeIntegration: true and dropping the sandbox (Electron's
  // sandbox overrides nodeIntegration, and Electronegativity 1.10 rates nodeIntegration alone as
  // INFORMATIONAL). The exact webPreferences are asserted in electron-window.test.ts as well.
  it('BL-2: the gate fails when nodeIntegration: true is introduced (with the sandbox it needs gone)', () => {
    const copy = join(dir, 'electron');
    cpSync('main/electron', copy, { recursive: true });
    const file = join(copy, 'window.ts');
    const source = readFileSync(file, 'utf8');
    const bad = source.replace('nodeIntegration: false,', 'nodeIntegration: true,').replace(/\n\s*sandbox: true,/, '');
    assert.notEqual(bad, source);
    assert.doesNotMatch(bad, /sandbox: true/);
    writeFileSync(file, bad);
    const r = gate(copy);
    assert.equal(r.status, 1, r.output);
    assert.match(r.output, /NODE_INTEGRATION_JS_CHECK/, r.output);
    assert.match(r.output, /MEDIUM\s+SANDBOX_JS_CHECK/, r.output);
    assert.match(r.output, /FAILED/, r.output);
  });
});
