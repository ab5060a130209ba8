// DP-6 in Chromium through the dev host: the read-only staff-directory section of the conflicts screen.
// The subject is the screen, so the conflict row is written the way directory-sync.ts records one (the
// real push refusal is covered by test/sync/directory-conflicts.test.ts). The manager sees the empty
// state, then one conflict with Japanese labels; a clerk without the staff-directory right sees no section.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CLERK_PASSWORD, MANAGER, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, type Harness } from './harness';

const CLERK = 'kyufu.sanshou';

describe('E2E directory conflicts (Chromium, dev host)', { timeout: 120_000 }, () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness();
    await setUpThroughRouter(h, []);
    await h.addActiveClerk(CLERK, 'EDIT', ['kyufu']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openConflicts(page: Page): Promise<void> {
    await page.getByTestId('banner').waitFor();
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('sync-screen').waitFor();
    await page.getByTestId('open-conflicts').click();
    await page.getByTestId('conflicts-screen').waitFor();
  }

  it('DP-6: the manager sees the empty state, then a recorded staff conflict with Japanese labels and no choice to make', async () => {
    const page = await newPage(browser);
    await page.goto(h.host.issueUrl());
    await logIn(page, MANAGER.userId, MANAGER.password);
    await page.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await openConflicts(page);
    const section = page.getByTestId('directory-conflicts');
    await section.getByText('職員情報の競合（データセンターの版が採用されました）').waitFor();
    await section.getByText('職員情報の競合はありません。').waitFor();

    // As confirm() in directory-sync.ts records a refused push: the stored key is the JSON array of key columns.
    h.host.kura.store.db
      .prepare('INSERT INTO directory_conflicts (seq, entity, key, reason, server_version, detected_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run(7, 'user', JSON.stringify(['ono.yuki']), 'stale_version', 3, h.clock.now().toISOString());
    await page.getByRole('button', { name: '再読込' }).click();
    const row = section.getByTestId('directory-conflict-row');
    await row.waitFor();
    assert.equal(await row.count(), 1);
    const cells = await row.locator('td').allInnerTexts();
    assert.equal(cells[0], '職員');
    assert.equal(cells[1], 'ono.yuki');
    assert.equal(cells[2], '同じ記録を別の端末が先に更新');
    assert.equal(cells[3], '3');
    assert.ok(cells[4]!.length > 0);
    const headers = await section.locator('thead th').allInnerTexts();
    assert.deepEqual(headers, ['種別', 'キー', '理由', 'データセンターの版', '検出日時']);
    assert.equal(await section.getByText('職員情報の競合はありません。').count(), 0);
    assert.equal(await section.locator('button').count(), 0, 'read only: nothing to resolve');
    await shoot(page, '94-sync-directory-conflicts');
    await page.close();
  });

  it('AC-11: a clerk with member rights but not the staff directory sees the member conflicts, and no staff section', async () => {
    const page = await newPage(browser);
    await page.goto(h.host.issueUrl());
    await logIn(page, CLERK, CLERK_PASSWORD);
    await page.locator('[data-business=kyufu]').click();
    await openConflicts(page);
    await page.getByText('確認待ちの競合はありません。').waitFor();
    assert.equal(await page.getByTestId('directory-conflicts').count(), 0);
    assert.doesNotMatch(await page.locator('body').innerText(), /ono\.yuki|職員情報の競合/);
    await page.close();
  });
});
