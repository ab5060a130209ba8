// Bundles kura-admin for `npx kura-admin` (bin/kura-admin.cjs loads dist/cli/kura-admin.cjs).
import { build } from 'esbuild';

await build({
  entryPoints: ['main/cli/entry.ts'],
  outfile: 'dist/cli/kura-admin.cjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['better-sqlite3-multiple-ciphers', 'argon2'],
  logLevel: 'warning',
  // main/rpc/resources.ts uses __dirname in bundles and import.meta.url only under tsx.
  logOverride: { 'empty-import-meta': 'silent' },
});
