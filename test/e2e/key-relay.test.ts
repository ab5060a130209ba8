// The organisation-key panel of 端末指定 in Chromium through the dev host, against a real data center
// (PostgreSQL, mutual TLS): the administrator at the first terminal sees where its keys came from,
// declares it the first terminal (after a confirmation), sees a new terminal's request, compares the
// fingerprint and grants; the new terminal's administrator types the organisation's check value read
// from this screen, and the keys install only because it matches. No key material reaches the screen (DP-2).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { Connection } from '../../main/rpc';
import { startDataCenter, type DataCenter } from '../server/fixture';
import { startTerminal, type Terminal } from '../sync/terminal';
import { INITIAL_PASSWORD, MANAGER, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness } from './harness';

describe('E2E organisation keys (Chromium, dev host, data center)', { timeout: 120_000 }, () => {
  let dc: DataCenter;
  let h: Harness;
  let newcomer: Terminal;
  let browser: Browser;
  let page: Page;
  /** A second system administrator for checks through the router (a router login as the manager would end the browser session). */
  let inspector: Connection;

  beforeAll(async () => {
    dc = await startDataCenter();
    h = await startHarness();
    await setUpThroughRouter(h, [{ members: 20, withMyNumberRatio: 1 }]);
    const bundle = dc.enrol('T-HONBU-01');
    const admin = await h.manager();
    await h.call(admin, 'sync.configure', { terminalId: 'T-HONBU-01', serverUrl: dc.server.url, caPem: bundle.caPem, certPem: bundle.certPem, keyPem: bundle.keyPem! });
    await h.call(admin, 'user.add', { userId: 'kansa.jiro', employeeNo: 'E0002', name: '監査 次郎', department: '総務課', initialPassword: INITIAL_PASSWORD, roles: ['manager', 'sysadmin'], level: 'NONE', businesses: [], reason: 'E2E' });
    await h.call(admin, 'auth.logout', {});
    inspector = new Connection('test');
    await h.call(inspector, 'auth.login', { userId: 'kansa.jiro', password: INITIAL_PASSWORD });
    await h.call(inspector, 'auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: 'Inspector-pass-2026' });
    newcomer = await startTerminal(dc, 'T-SHIBU-02');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await newcomer?.close();
    await h?.close();
    await dc?.stop();
  });

  it('DP-2, DP-6, AC-11: the administrator declares the first terminal, compares the fingerprint of a new terminal\'s request and grants it; the new terminal installs with the check value typed from this screen', async () => {
    const newcomerAdmin = await newcomer.t.manager();
    const asked = await newcomer.t.call(newcomerAdmin, 'keys.request', {});

    page = await newPage(browser);
    await page.goto(h.host.issueUrl());
    await logIn(page, MANAGER.userId, MANAGER.password);
    await page.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await page.locator('[data-menu=terminal]').click();
    const panel = page.getByTestId('org-keys');
    await panel.getByTestId('org-keys-origin').getByText('この端末で作成').waitFor();
    const row = panel.getByTestId('org-keys-requests').locator('tr', { hasText: 'T-SHIBU-02' });
    await row.getByText(asked.fingerprint).waitFor();
    const ownCheck = await panel.getByTestId('org-keys-check').innerText();
    assert.equal(await panel.getByTestId('org-keys-request').count(), 0, 'a terminal holding numbers under its keys is a key holder, not a requester');
    await panel.getByTestId('org-keys-role').getByText('未宣言').waitFor();

    // Not declared yet: its created keys are not granted (DP-6), and the screen says what to do.
    await panel.getByTestId('org-keys-grant-T-SHIBU-02').click();
    await page.getByText('最初の端末として宣言」を行い').first().waitFor();
    assert.equal((await newcomer.t.call(newcomerAdmin, 'keys.status', {})).origin, 'created');

    // Declaring asks first; cancelling declares nothing.
    await panel.getByTestId('org-keys-declare').click();
    const dialog = page.getByTestId('org-keys-declare-confirm');
    await dialog.getByText(ownCheck).waitFor();
    await shoot(page, '99-admin-org-keys-declare');
    await dialog.getByRole('button', { name: 'やめる' }).click();
    assert.equal((await h.call(inspector, 'keys.status', {})).declaredFirst, null);
    await panel.getByTestId('org-keys-declare').click();
    await page.getByTestId('org-keys-declare-confirm-yes').click();
    await page.getByTestId('notice').getByText(`この端末を最初の端末として宣言しました（確認値 ${ownCheck}）。`).waitFor();
    await panel.getByTestId('org-keys-role').getByText('最初の端末として宣言済み').waitFor();
    assert.equal(await panel.getByTestId('org-keys-declare').count(), 0, 'declared once only');
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await shoot(page, '98-admin-org-keys');

    await panel.getByTestId('org-keys-grant-T-SHIBU-02').click();
    await page.getByTestId('notice').getByText('端末 T-SHIBU-02 に組織鍵を渡しました。').waitFor();
    await panel.getByText('依頼はありません。').waitFor();

    // The new terminal's administrator types the check value read from this screen, as typed by a person.
    const installed = await newcomer.t.call(newcomerAdmin, 'keys.install', { expectedCheckValue: ownCheck.toLowerCase() });
    assert.equal(installed.checkValue, ownCheck, 'the new terminal holds the same keys');
    assert.equal(installed.relayedBy, 'T-HONBU-01');
    const log = await h.call(inspector, 'audit.list', { limit: 5, event: 'keys.grant' });
    assert.equal(log.entries[0]?.target, 'T-SHIBU-02');
    assert.equal(log.entries[0]?.operator, MANAGER.userId);
    assert.deepEqual(log.entries.map((e) => e.outcome), ['ok', 'refused'], 'AU-1: the grant before the declaration was refused and logged');
    const declared = await h.call(inspector, 'audit.list', { limit: 5, event: 'keys.declareFirst' });
    assert.deepEqual(declared.entries.map((e) => [e.operator, e.outcome]), [[MANAGER.userId, 'ok']]);
  });
});
