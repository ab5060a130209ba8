// The layering rules of architecture.md are a lint error, not goodwill: each crossing is reported.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function crossings(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'kura/layering').map((m) => m.message);
}

describe('layering (architecture.md)', () => {
  const cases: [string, string, boolean][] = [
    ['shared/mynumber/x.ts', "import { Router } from '../../main/rpc';", true],
    ['shared/mynumber/x.ts', "import { readFileSync } from 'node:fs';", true],
    ['shared/rpc/x.ts', "import { BUSINESSES } from '../codes';", false],
    ['renderer/app/x.ts', "import { openStore } from '../../main/core/store';", true],
    ['renderer/app/x.ts', "import { ipcRenderer } from 'electron';", true],
    ['renderer/app/x.ts', "import { checkMyNumber } from '../../shared/mynumber';", false],
    ['main/core/members/x.ts', "import { app } from 'electron';", true],
    ['main/core/members/x.ts', "import { Router } from '../../rpc';", true],
    ['main/core/members/x.ts', "import { blindIndex } from '../mynumber/field-crypto';", true],
    ['main/core/members/x.ts', "import { blindIndex } from '../mynumber';", false],
    ['main/core/members/x.ts', "import { normalizeKana } from './kana';", false],
    // Issue 15: an import that closes a cycle between capabilities (each depends downwards only).
    ['main/core/store/x.ts', "import { UserDirectory } from '../auth';", true],
    ['main/core/kernel/x.ts', "import { grantInForce } from '../access';", true],
    ['main/core/auth/x.ts', "import { japanDate } from '../kernel';", false],
    ['main/core/kernel/x.ts', "import type { Db } from '../store';", true],
    ['main/rpc/x.ts', "import { BrowserWindow } from 'electron';", true],
    ['main/rpc/x.ts', "import { MyNumberVault } from '../core/mynumber/vault';", true],
    ['main/rpc/x.ts', "import { MyNumberVault } from '../core/mynumber';", false],
    ['main/electron/x.ts', "import { app } from 'electron';", false],
    ['server/src/x.ts', "import { openStore } from '../../main/core/store';", true],
    ['server/src/x.ts', "import { contract } from '../../shared/rpc';", false],
  ];
  for (const [file, code, crosses] of cases) {
    it(`${crosses ? 'refuses' : 'allows'} in ${file}: ${code}`, async () => {
      const found = await crossings(file, code);
      assert.equal(found.length > 0, crosses, found.join('; '));
    });
  }
});

// Issue 15: capabilities depend downwards only, and the files of one capability or feature do not
// import each other in a circle.
describe('layering: no import cycles (issue 15)', () => {
  const graphModule = pathToFileURL(join(process.cwd(), 'scripts', 'import-graph.js')).href;
  const findCycles = async (root: string): Promise<string[]> =>
    ((await import(graphModule)) as { findCycles(root: string): string[] }).findCycles(root);

  /** A tree with one cycle of each kind and one capability that only depends on the others. */
  const planted: Record<string, string> = {
    'main/core/alpha/index.ts': "export { b } from '../beta';\nexport const a = 1;\n",
    'main/core/beta/index.ts': "import { a } from '../alpha';\nexport const b = a + 1;\n",
    'main/core/delta/index.ts': "import { a } from '../alpha';\nexport const d = a;\n",
    'main/core/gamma/index.ts': "export { one } from './one';\n",
    'main/core/gamma/one.ts': "import { two } from './two';\nexport const one = (): number => two() + 1;\n",
    'main/core/gamma/two.ts': "import type { one } from './one';\nexport const two = (): number => 2;\nexport type One = typeof one;\n",
    'renderer/features/ledger/Screen.tsx': "import { Form } from './Form';\nexport type Row = { id: string };\nexport const Screen = Form;\n",
    'renderer/features/ledger/Form.tsx': "import type { Row } from './Screen';\nexport const Form = (r: Row): string => r.id;\n",
  };
  const root = mkdtempSync(join(tmpdir(), 'kura-cycles-'));
  for (const [file, text] of Object.entries(planted)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  // The rule alone, with the project's TypeScript parser, run in the planted tree.
  writeFileSync(
    join(root, 'eslint.config.mjs'),
    `import tseslint from ${JSON.stringify(pathToFileURL(join(process.cwd(), 'node_modules', 'typescript-eslint', 'dist', 'index.js')).href)};
import kura from ${JSON.stringify(pathToFileURL(join(process.cwd(), 'scripts', 'eslint-layering.js')).href)};
export default [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tseslint.parser }, plugins: { kura }, rules: { 'kura/layering': 'error' } }];
`,
  );
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('given a planted cycle of each kind, then the lint refuses each import that closes one, and only those', async () => {
    const lint = new ESLint({ cwd: root, overrideConfigFile: join(root, 'eslint.config.mjs') });
    const results = await lint.lintFiles(['main', 'renderer']);
    const refused = results
      .flatMap((r) => r.messages.filter((m) => m.ruleId === 'kura/layering').map((m) => `${r.filePath.slice(root.length + 1)}: ${m.message}`))
      .sort();
    assert.equal(refused.length, 6, refused.join('\n'));
    assert.match(refused[0]!, /^main\/core\/alpha\/index\.ts: capabilities depend downwards only: alpha → beta → alpha is a cycle/);
    assert.match(refused[1]!, /^main\/core\/beta\/index\.ts: .*beta → alpha → beta is a cycle/);
    assert.match(refused[2]!, /^main\/core\/gamma\/one\.ts: files of main\/core\/gamma import each other in a circle/);
    assert.match(refused[3]!, /^main\/core\/gamma\/two\.ts: /);
    assert.match(refused[4]!, /^renderer\/features\/ledger\/Form\.tsx: files of renderer\/features\/ledger /);
    assert.match(refused[5]!, /^renderer\/features\/ledger\/Screen\.tsx: /);
  });

  it('given the planted tree, then the cycle finder names each cycle once', async () => {
    assert.deepEqual(await findCycles(root), [
      'capabilities: alpha → beta → alpha',
      'files: main/core/gamma/one.ts → main/core/gamma/two.ts → main/core/gamma/one.ts',
      'files: renderer/features/ledger/Form.tsx → renderer/features/ledger/Screen.tsx → renderer/features/ledger/Form.tsx',
    ]);
  });

  it('given the real tree, then there is no cycle between capabilities nor inside one', async () => {
    assert.deepEqual(await findCycles(process.cwd()), []);
  });
});
