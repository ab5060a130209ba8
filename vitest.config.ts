// The test projects (issue 13). `npm test` runs lint, type-check, build, the Electronegativity gate and
// then all of them (scripts/test.mjs); `npx vitest --project unit` is the quick loop while working.
import { defineConfig } from 'vitest/config';

// Unit files that open a store, start a process or build something: they belong to slower projects.
const STORE_IN_UNIT = ['background-checkpoint', 'devhost', 'electron-keystore', 'number-queues', 'one-number-one-person'].map((n) => `test/unit/${n}.test.ts`);
const BUILD_IN_UNIT = ['electron-gate', 'renderer-bundle'].map((n) => `test/unit/${n}.test.ts`);
const STORE_DIRS = ['access', 'audit-review', 'imports', 'integration', 'linkage', 'media', 'quality', 'reports', 'requests', 'retention', 'security', 'updates'];
const PG_SETUP = ['test/server/pg-global-setup.ts'];

export default defineConfig({
  test: {
    // Child processes, native modules and Chromium: a process per file is the safe isolation.
    pool: 'forks',
    maxWorkers: 2,
    // The suites were written for node:test, which has no per-test time limit: real Argon2id hashing,
    // PostgreSQL and Chromium take seconds on a loaded 2-core machine. A hang still ends.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    teardownTimeout: 60_000,
    // node:test runs after-hooks in the order they were declared; the suites rely on it.
    sequence: { hooks: 'list' },
    reporters: ['default', './test/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], exclude: [...STORE_IN_UNIT, ...BUILD_IN_UNIT] },
      },
      {
        extends: true,
        test: { name: 'store', include: [...STORE_DIRS.map((d) => `test/${d}/**/*.test.{ts,tsx}`), 'test/sync/wipe*.test.ts', ...STORE_IN_UNIT] },
      },
      {
        extends: true,
        test: { name: 'server', include: ['test/server/**/*.test.ts', 'test/sync/**/*.test.ts'], exclude: ['test/sync/wipe*.test.ts'], globalSetup: PG_SETUP },
      },
      {
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts', 'test/electron/**/*.test.ts'], globalSetup: PG_SETUP },
      },
      {
        extends: true,
        test: { name: 'artifacts', include: ['test/artifacts/**/*.test.ts', ...BUILD_IN_UNIT] },
      },
    ],
  },
});
