// One build command. The renderer, Electron shell and dev host are added by their own build steps
// (scripts/build-*.mjs); this file runs each of them.
import { readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

for (const step of readdirSync('scripts').filter((f) => /^build-.*\.mjs$/.test(f)).sort()) {
  const r = spawnSync('node', [`scripts/${step}`], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
