// The organisation-key panel of 端末指定 in Chromium through the dev host, against a real data center
// (PostgreSQL, mutual TLS): the administrator at the first terminal sees where its keys came from and a
// new terminal's request, compares the fingerprint and grants; the new terminal installs the keys and
// both show the same check value. No key material reaches the screen (DP-2).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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

  before(async () => {
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
  after(async () => {
    await browser?.close();
    await newcomer?.close();
    await h?.close();
    await dc?.stop();
  });

  it('DP-2, AC-11: the administrator compares the fingerprint of a new terminal\'s request and grants it; both terminals then show the same check value', async () => {
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
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await shoot(page, '98-admin-org-keys');

    await panel.getByTestId('org-keys-grant-T-SHIBU-02').click();
    await page.getByTestId('notice').getByText('端末 T-SHIBU-02 に組織鍵を渡しました。').waitFor();
    await panel.getByText('依頼はありません。').waitFor();

    const installed = await newcomer.t.call(newcomerAdmin, 'keys.install', {});
    assert.equal(installed.checkValue, ownCheck, 'the new terminal holds the same keys');
    assert.equal(installed.relayedBy, 'T-HONBU-01');
    const log = await h.call(inspector, 'audit.list', { limit: 5, event: 'keys.grant' });
    assert.equal(log.entries[0]?.target, 'T-SHIBU-02');
    assert.equal(log.entries[0]?.operator, MANAGER.userId);
  });
});
