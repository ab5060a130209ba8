// Bundles the Electron shell: dist/electron/main.cjs (main process) and dist/electron/preload.cjs
// (sandboxed preload, one file because a sandboxed preload cannot require local modules).
// Native modules and pdfkit stay external (node-bundle.mjs): electron-builder packs them from node_modules.
import { mkdirSync, rmSync } from 'node:fs';
import { bundleNode } from './node-bundle.mjs';

const out = 'dist/electron';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await bundleNode({ entry: 'main/electron/main.ts', outfile: `${out}/main.cjs`, external: ['electron'] });
await bundleNode({ entry: 'main/preload/index.ts', outfile: `${out}/preload.cjs`, external: ['electron'], sandboxed: true });
console.log(`build-electron: ${out}/main.cjs, ${out}/preload.cjs`);
