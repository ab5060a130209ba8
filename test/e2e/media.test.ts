// Issue 6 in Chromium through the dev host, with a temporary folder as the USB stick (FakeDrives: only
// the hardware is simulated). The system administrator registers the stick and records its take-out;
// a clerk requests an export; the clerk cannot approve; the manager approves and is shown the archive
// password once; the stick holds an AES ZIP that 7-Zip opens with that password and no other; the
// ledger and the operation log show it; the clerk wipes and the manager confirms the wipe.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { FakeDrives, TOKEN_FILE } from '../../main/core/media';
import { CLERK_PASSWORD, INITIAL_PASSWORD, MANAGER, changePassword, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness, notice } from './harness';

const MEMBERS = ['Q000000001', 'Q000000002', 'Q000000003'];

describe('E2E removable media and the export gate (Chromium, dev host)', { timeout: 120_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let admin: Page;
  let clerk: Page;
  let stick: string;
  let mediumId = '';
  let requestId = '';
  let password = '';
  const drives = new FakeDrives();

  beforeAll(async () => {
    stick = mkdtempSync(join(tmpdir(), 'kura-e2e-stick-'));
    h = await startHarness({ media: { drives, scanner: null } });
    await setUpThroughRouter(h, [{ members: 20, withMyNumberRatio: 1 }]);
    const manager = await h.manager();
    await h.call(manager, 'terminal.setDesignations', { designations: ['media'], reason: 'E2E: 媒体使用端末' });
    await h.call(manager, 'auth.logout', {});
    await h.addClerk('renkei.clerk', 'LINK', ['renkei']);
    drives.insert({ mountPoint: stick, label: 'KURA-USB', serial: 'E2E00000001', fsUuid: 'E2E-0001' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(stick, { recursive: true, force: true });
  });

  it('MD-1: the system administrator sees the unregistered stick refused on ドライブ, registers it and records its take-out', async () => {
    admin = await newPage(browser);
    await admin.goto(h.host.issueUrl());
    await logIn(admin, MANAGER.userId, MANAGER.password);
    await admin.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await admin.locator('[data-menu=media]').click();
    await admin.getByTestId('media-ledger').waitFor();
    await admin.locator('[data-tab=media-drives]').click();
    const verdict = admin.getByTestId('drive-verdict');
    await verdict.getByText('管理簿に登録されていない媒体です').waitFor();
    await admin.getByTestId('register-drive').click();
    await admin.locator('#mediumLabel').fill('持出用USB 1');
    await admin.locator('#mediumHolder').fill('管理 太郎');
    await admin.locator('#mediumPlace').fill('本部 金庫A');
    await shoot(admin, '60-media-drives-register');
    await admin.getByTestId('register-form').getByRole('button', { name: '管理簿に登録' }).click();
    const registered = await notice(admin);
    mediumId = /M-\d+/.exec(registered)?.[0] ?? '';
    assert.match(registered, /として管理簿に登録しました/);
    // MD-2: the next poll identifies it (ledger, serial, UUID and the signed token agree).
    await verdict.getByText(`使用可（${mediumId}）`).waitFor({ timeout: 5000 });
    assert.deepEqual(readdirSync(stick), [TOKEN_FILE]);
    await shoot(admin, '61-media-drives');

    await admin.locator('[data-tab=media]').click();
    await admin.locator(`[data-medium-id="${mediumId}"]`).click();
    await admin.locator('[data-action=takeOut]').click();
    await admin.locator('#movementText1').fill('統合専用端末への照会ファイル持参');
    await admin.getByRole('button', { name: '記録する' }).click();
    assert.match(await notice(admin), /持出を記録しました/);
    await admin.locator('[data-movement=take_out]').waitFor();
  });

  it('MD-4: a clerk requests an export of three members to the registered stick; nothing is written yet and the clerk has no approval screen', async () => {
    clerk = await newPage(browser);
    await clerk.goto(h.host.issueUrl());
    await logIn(clerk, 'renkei.clerk', INITIAL_PASSWORD);
    await changePassword(clerk, INITIAL_PASSWORD, CLERK_PASSWORD);
    await clerk.locator('[data-business=renkei]').click();
    await clerk.locator('[data-menu=media]').click();
    await clerk.locator('[data-tab=media-requests]').click();
    assert.equal(await clerk.locator('[data-tab=media-approvals]').count(), 0, 'a clerk is not offered approval');
    await clerk.locator('#exportMedium').selectOption(mediumId);
    await clerk.locator('#exportIds').fill(MEMBERS.join('\n'));
    await clerk.locator('#exportReason').fill('統合専用端末への照会ファイル');
    assert.match(await clerk.getByTestId('ids-count').innerText(), /3 件/);
    await clerk.getByRole('button', { name: '申請する' }).click();
    const accepted = await notice(clerk);
    requestId = /X-\d+/.exec(accepted)?.[0] ?? '';
    assert.match(accepted, /を受け付けました（3件）/);
    await clerk.locator(`[data-testid=own-requests] [data-request-id="${requestId}"][data-status=requested]`).waitFor();
    assert.deepEqual(readdirSync(stick), [TOKEN_FILE], 'DP-3: no copy before approval');
    await shoot(clerk, '62-media-request');
  });

  it('MD-4, MD-10: the manager approves; the password is shown once; the stick receives an AES ZIP that 7-Zip opens with it and not without', async () => {
    await admin.locator('[data-tab=media-approvals]').click();
    const row = admin.locator(`[data-testid=pending-requests] [data-request-id="${requestId}"]`);
    await row.waitFor();
    await shoot(admin, '63-media-approvals');
    await row.getByTestId('approve').click();
    const dialog = admin.getByTestId('password-dialog');
    await dialog.waitFor();
    password = (await admin.getByTestId('export-password').innerText()).trim();
    assert.match(password, /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    await shoot(admin, '64-media-password');
    await admin.getByTestId('password-done').click();
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await admin.evaluate((p) => document.documentElement.outerHTML.includes(p), password), false, 'the password is gone from the page once handed over');
    assert.equal(JSON.stringify(h.host.kura.audit.recent(1000)).includes(password), false, 'and was never logged');

    const archive = readdirSync(stick).find((f) => f !== TOKEN_FILE);
    assert.equal(archive, `KURA-EXPORT-${requestId}.zip`);
    const zip = join(stick, archive);
    const out = mkdtempSync(join(tmpdir(), 'kura-e2e-unzip-'));
    try {
      execFileSync('7zz', ['x', `-p${password}`, `-o${out}`, zip], { stdio: 'pipe' });
      const csv = readFileSync(join(out, 'data.csv'), 'utf8');
      for (const id of MEMBERS) assert.ok(csv.includes(`${id},`), `${id} exported`);
      assert.notEqual(spawnSync('7zz', ['t', '-pWRONG-PASSWORD-0000', zip], { stdio: 'pipe' }).status, 0, 'a wrong password does not open it');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('MD-4, MD-9: the operation log shows the request, the approval and the write; the request list shows the archive', async () => {
    await admin.locator('[data-menu=audit]').click();
    const log = admin.getByTestId('audit-table');
    await log.waitFor();
    const lines = await log.locator('tbody tr').allInnerTexts();
    const about = lines.filter((l) => l.includes(requestId));
    assert.ok(about.some((l) => l.includes('export.request') && l.includes('renkei.clerk')), 'request logged');
    assert.equal(about.filter((l) => l.includes('export.approve') && l.includes(MANAGER.userId)).length, 2, 'approval and write logged as two steps');
    assert.deepEqual(await twelveDigitRunsInDom(admin), []);
    await clerk.locator('[data-tab=media-wipe]').click();
    await clerk.locator(`[data-testid=wipe-requests] [data-request-id="${requestId}"][data-status=exported]`).getByText(`KURA-EXPORT-${requestId}.zip`).waitFor();
  });

  it('MD-7: the clerk wipes the archive from the stick, the manager confirms the wipe, and the ledger records both', async () => {
    await clerk.locator(`[data-testid=wipe-requests] [data-request-id="${requestId}"]`).getByTestId('wipe').click();
    assert.match(await notice(clerk), /ファイルを消去しました/);
    assert.deepEqual(readdirSync(stick), [TOKEN_FILE], 'only the identification file is left');
    assert.equal(await clerk.getByTestId('wipe-confirm').count(), 0, 'the clerk cannot confirm their own wipe');
    await shoot(clerk, '65-media-wipe');

    await admin.locator('[data-menu=media]').click();
    await admin.locator('[data-tab=media-wipe]').click();
    await admin.locator(`[data-testid=wipe-requests] [data-request-id="${requestId}"]`).getByTestId('wipe-confirm').click();
    assert.match(await notice(admin), /消去を確認しました/);
    await admin.locator(`[data-testid=wipe-requests] [data-request-id="${requestId}"][data-status=wipe_confirmed]`).waitFor();

    await admin.locator('[data-tab=media]').click();
    await admin.locator(`[data-medium-id="${mediumId}"]`).click();
    await admin.locator('[data-movement=wipe_confirm]').waitFor();
    const movements = await admin.getByTestId('movements-table').locator('tbody tr').allInnerTexts();
    assert.ok(movements.some((m) => m.includes('消去') && m.includes('renkei.clerk') && m.includes(requestId)));
    assert.ok(movements.some((m) => m.includes('消去確認') && m.includes(MANAGER.userId) && m.includes(requestId)));
    await shoot(admin, '66-media-ledger');
    // The printed ledger: the table and the selected medium's history, without menu, tabs or forms.
    await admin.emulateMedia({ media: 'print' });
    assert.equal(await admin.locator('.sub-tabs').isVisible(), false);
    assert.equal(await admin.getByTestId('movements-table').isVisible(), true);
    await shoot(admin, '69-media-ledger-print');
    await admin.emulateMedia({ media: 'screen' });
  });

  it('MD-9: the cross-check of ledger and log lists what is still open (the stick is taken out and not returned); the OS policy is shown for IT', async () => {
    await admin.locator('[data-tab=media-crosscheck]').click();
    await admin.getByTestId('run-crosscheck').click();
    await admin.getByTestId('crosscheck-summary').waitFor();
    const kinds = await admin.locator('[data-finding]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-finding')));
    assert.deepEqual(kinds, ['taken_out_not_returned']);
    await shoot(admin, '67-media-crosscheck');

    await admin.locator('[data-tab=media-policy]').click();
    await admin.getByRole('button', { name: '表示' }).click();
    const text = await admin.getByTestId('policy-text').inputValue();
    assert.match(text, /E2E00000001/, 'the registered stick is allowed by serial');
    await shoot(admin, '68-media-os-policy');
  });
});
