import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where resources/ is: beside the source tree in development, beside the bundle when built. */
function resourcesDir(): string {
  const fromEnv = process.env.KURA_RESOURCES_DIR;
  if (fromEnv) return fromEnv;
  // Under tsx this module's own file; in a bundle the bundle file (scripts/node-bundle.mjs defines it).
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here, i = 0; i < 5; i++, dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', 'policy.json'))) return join(dir, 'resources');
  }
  return resolve('resources');
}

export function resourcePath(name: string): string {
  return join(resourcesDir(), name);
}
