// npm test: lint, type-check, build, the Electronegativity gate, then every vitest project (unit, store,
// server, e2e, artifacts: vitest.config.ts). Stops at the first failing step. FILTER=<substring> runs
// only matching test files (and skips the checks before); arguments after `npm test --` go to vitest.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Buffer } from 'node:buffer';

const filter = process.env.FILTER ?? '';

/** Runs one step; with `quiet` its output is held and printed whole when it ends (steps run side by side). */
function step(name, cmd, args, quiet) {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: process.env });
    const out = [];
    child.stdout?.on('data', (c) => out.push(c));
    child.stderr?.on('data', (c) => out.push(c));
    child.on('close', (code) => {
      if (quiet) process.stdout.write(`\n== ${name} ==\n${Buffer.concat(out).toString('utf8')}`);
      // The run ends with vitest's summary and its plain `N passed, N failed` line (issue 13): nothing after it.
      if (name !== 'tests') console.log(`== ${name}: ${code === 0 ? 'ok' : 'FAILED'} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      resolve(code ?? 1);
    });
  });
}

function stopOn(codes) {
  const failed = codes.find((c) => c !== 0);
  if (failed !== undefined) process.exit(failed);
}

if (!filter) {
  // Lint and type-check are single-threaded and independent of each other and of the build: on two
  // cores they run side by side (issue 13). The Electronegativity gate reads the build.
  stopOn(await Promise.all([step('lint', 'npx', ['eslint', '.'], true), step('type-check', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'], true), step('build', 'node', ['scripts/build.mjs'], true)]));
  if (existsSync('scripts/electronegativity-gate.mjs')) stopOn([await step('electronegativity', 'node', ['scripts/electronegativity-gate.mjs'], false)]);
}
console.log('\n== tests ==');
stopOn([await step('tests', 'npx', ['vitest', 'run', ...(filter ? [filter] : []), ...process.argv.slice(2)], false)]);
