// Where the shipped artifacts are. They are built by `npm run build` (npm ci and npm test run it
// first); a suite here refuses to run against a tree without them rather than test the source instead.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = {
  kuraAdmin: join(ROOT, 'bin', 'kura-admin.cjs'),
  electronMain: join(ROOT, 'dist', 'electron', 'main.cjs'),
  preload: join(ROOT, 'dist', 'electron', 'preload.cjs'),
  renderer: join(ROOT, 'dist', 'renderer', 'index.html'),
};

export function assertBuilt(): void {
  for (const f of [join(ROOT, 'dist', 'cli', 'kura-admin.cjs'), BIN.electronMain, BIN.preload, BIN.renderer]) {
    assert.ok(existsSync(f), `${f} is missing: run \`npm run build\` first (npm test does)`);
  }
}
