// npm test: lint, type-check, build, the Electronegativity gate, then every test suite with node's
// test runner. Stops at the first failing step. FILTER=<substring> runs only matching test files.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const steps = [];
const filter = process.env.FILTER ?? '';
if (!filter) {
  steps.push(['lint', 'npx', ['eslint', '.']]);
  steps.push(['type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']]);
  steps.push(['build', 'node', ['scripts/build.mjs']]);
  if (existsSync('scripts/electronegativity-gate.mjs')) steps.push(['electronegativity', 'node', ['scripts/electronegativity-gate.mjs']]);
}

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'bench' || name === 'fixtures' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}
const files = testFiles('test').filter((f) => f.includes(filter)).sort();
steps.push(['tests', 'node', ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=spec', ...files]]);

for (const [name, cmd, args] of steps) {
  console.log(`\n== ${name} ==`);
  const started = Date.now();
  const result = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  console.log(`== ${name}: ${result.status === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}
