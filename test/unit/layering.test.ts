// The layering rules of architecture.md are a lint error, not goodwill: each crossing is reported.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
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
