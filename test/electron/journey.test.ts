// The same journey inside the real Electron shell (Playwright _electron). Runs wherever an Electron
// binary exists; this workplace cannot download one, so here it is skipped with the reason printed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'vitest';
import { _electron } from 'playwright-core';
import { japanDate } from '../../main/core/kernel';
import { KeyFileKeystore } from '../../main/core/store';
import { Connection, openKura, Router } from '../../main/rpc';
import { CLERK_PASSWORD, INITIAL_PASSWORD, MANAGER, changePassword, logIn, searchKana, twelveDigitRunsInDom } from '../e2e/harness';

function electronBinary(): string | null {
  try {
    const path: unknown = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
// vitest's skip takes no reason, so the reason is printed where the run's output shows it.
if (!binary) console.warn('_electron journey skipped: no Electron binary on this machine (node_modules/electron has no downloaded binary); the same journey runs in Chromium in test/e2e');

/** Prepares a development store (key-file keystore) the shell opens with KURA_DEV_KEYFILE=1. */
async function prepareStore(dataDir: string): Promise<void> {
  const kura = openKura({ dataDir, keystore: new KeyFileKeystore(dataDir), packaged: false });
  const router = new Router(kura);
  const call = async (conn: Connection, channel: string, input: unknown) => {
    const r = await router.invoke(conn, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.en}`);
    return r.data;
  };
  await call(new Connection('test'), 'setup.init', { terminalName: '本部-端末01', manager: MANAGER });
  const admin = new Connection('test');
  await call(admin, 'auth.login', { userId: MANAGER.userId, password: MANAGER.password });
  await call(admin, 'demo.seed', { members: 200, withMyNumberRatio: 0.5 });
  // AC-1, AC-3: a system administrator issues the clerk's ID; the manager, who did not create it, grants the level.
  await call(admin, 'user.add', { userId: 'sato.sys', employeeNo: 'E0002', name: '佐藤 システム', initialPassword: INITIAL_PASSWORD, roles: ['sysadmin'], reason: 'E2E' });
  const sys = new Connection('test');
  await call(sys, 'auth.login', { userId: 'sato.sys', password: INITIAL_PASSWORD });
  await call(sys, 'auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: 'Sysadmin-pass-2026' });
  await call(sys, 'user.add', { userId: 'tanaka.hanako', employeeNo: 'E0101', name: '田中 花子', initialPassword: INITIAL_PASSWORD, roles: [], reason: 'E2E' });
  await call(admin, 'grant.set', { userId: 'tanaka.hanako', level: 'EDIT', businesses: ['kyufu'], validFrom: japanDate(new Date()), reason: 'E2E' });
  kura.close();
}

test.skipIf(!binary)('BL-2, AC-9, AU-1, DQ-1, AC-10: the journey in the Electron shell', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kura-electron-'));
  try {
    execFileSync(process.execPath, ['scripts/build-renderer.mjs'], { stdio: 'pipe' });
    execFileSync(process.execPath, ['scripts/build-electron.mjs'], { stdio: 'pipe' });
    await prepareStore(dir);
    const app = await _electron.launch({ executablePath: binary!, args: ['.'], env: { ...process.env, KURA_DEV_KEYFILE: '1', KURA_DATA_DIR: dir } });
    try {
      const page = await app.firstWindow();
      assert.match(page.url(), /^app:\/\/kura\//);
      // BL-2: the page has window.kura with two functions and no Node.
      assert.deepEqual(await page.evaluate('Object.keys(window.kura).sort()'), ['invoke', 'subscribe']);
      assert.equal(await page.evaluate('typeof require + "," + typeof process'), 'undefined,undefined');

      await logIn(page, 'tanaka.hanako', INITIAL_PASSWORD);
      await changePassword(page, INITIAL_PASSWORD, CLERK_PASSWORD);
      await page.locator('[data-business=kyufu]').click();
      await searchKana(page, 'サ');
      await page.locator('.result-row', { hasText: '登録済' }).first().click();
      await page.getByTestId('reveal-button').click();
      assert.match(await page.getByTestId('mynumber-revealed').innerText(), /^\d{4} \d{4} \d{4}$/);
      await page.getByRole('button', { name: '隠す' }).click();
      assert.deepEqual(await twelveDigitRunsInDom(page), []);

      await page.getByRole('button', { name: '検索結果に戻る' }).click();
      await page.locator('.result-row', { hasText: '未登録' }).first().click();
      await page.getByTestId('register-button').click();
      await page.locator('#myNumber').fill('123456789010');
      await page.getByTestId('save-mynumber').click();
      await page.getByTestId('notice').getByText('チェックデジットが一致しません').waitFor();
      await page.locator('#myNumber').fill('123456789018');
      await page.getByTestId('save-mynumber').click();
      await page.getByTestId('notice').getByText('個人番号を登録しました').waitFor();

      await page.getByTestId('lock-button').click();
      await page.getByRole('heading', { name: '画面ロック中' }).waitFor();
    } finally {
      await app.close();
    }
    const kura = openKura({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false });
    try {
      const reveal = kura.audit.recent(10, 'mynumber.reveal');
      assert.equal(reveal[0]?.operator, 'tanaka.hanako');
    } finally {
      kura.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
