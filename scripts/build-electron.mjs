// Bundles the Electron shell: dist/electron/main.cjs (main process) and dist/electron/preload.cjs
// (sandboxed preload, one file because a sandboxed preload cannot require local modules).
// Native modules stay external: electron-builder rebuilds them for Electron when packaging.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';

const out = 'dist/electron';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: ['node20'],
  external: ['electron', 'better-sqlite3-multiple-ciphers', 'argon2'],
  legalComments: 'none',
  // resources.ts looks for resources/ from __dirname first; import.meta is empty in a CJS bundle.
  logOverride: { 'empty-import-meta': 'silent' },
  logLevel: 'warning',
};
await build({ ...common, entryPoints: ['main/electron/main.ts'], outfile: `${out}/main.cjs` });
await build({ ...common, entryPoints: ['main/preload/index.ts'], outfile: `${out}/preload.cjs` });
console.log(`build-electron: ${out}/main.cjs, ${out}/preload.cjs`);
