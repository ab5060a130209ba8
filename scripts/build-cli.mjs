// Bundles kura-admin for `npx kura-admin` (bin/kura-admin.cjs loads dist/cli/kura-admin.cjs).
import { bundleNode } from './node-bundle.mjs';

await bundleNode({ entry: 'main/cli/entry.ts', outfile: 'dist/cli/kura-admin.cjs' });
console.log('build-cli: dist/cli/kura-admin.cjs');
