// npm test: lint, type-check, build, the Electronegativity gate, then every vitest project (unit, store,
// server, e2e, artifacts: vitest.config.ts). Stops at the first failing step. FILTER=<substring> runs
// only matching test files (and skips the checks before); arguments after `npm test --` go to vitest.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const steps = [];
const filter = process.env.FILTER ?? '';
if (!filter) {
  steps.push(['lint', 'npx', ['eslint', '.']]);
  steps.push(['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']]);
  steps.push(['build', 'node', ['scripts/build.mjs']]);
  if (existsSync('scripts/electronegativity-gate.mjs')) steps.push(['electronegativity', 'node', ['scripts/electronegativity-gate.mjs']]);
}

const vitestArgs = ['vitest', 'run', ...(filter ? [filter] : []), ...process.argv.slice(2)];
steps.push(['tests', 'npx', vitestArgs]);

for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name} ==`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  // The run ends with vitest's summary and its plain `N passed, N failed` line (issue 13): nothing after it.
  if (name !== 'tests') console.log(`== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
