// Issue 4 in Chromium through the dev host: the manager (who is also the system administrator) creates
// a clerk in 利用者管理; in 権限設定 his own grant to that ID is refused (AC-3: he knows its password),
// the second manager grants VIEW in 給付, the clerk changes the initial password and
// sees a masked number with 表示; 割当状況一覧 lists the clerk, prints without a My Number and takes
// a review; the manager ends the grant from today and the clerk's next request is refused. Also the
// My Number switch (AC-8), 端末指定 (AC-12) and the sync indicator and 同期状況 (issue 7).
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ERROR_MESSAGES } from '../../shared/i18n';
import { Connection } from '../../main/rpc';
import { CLERK_PASSWORD, INITIAL_PASSWORD, MANAGER, changePassword, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness, notice } from './harness';

const CLERK = { userId: 'yamada.hanako', employeeNo: 'E0310', name: '山田 花子', department: '給付課' };
const MEMBER = 'Q000000001';
describe('E2E access administration (Chromium, dev host)', { timeout: 120_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let manager: Page;
  let clerk: Page;
  let today = '';
  /**
   * The second manager (the harness's SECOND_ADMIN, who issued suzuki.ken's ID): checks through the
   * router (a router login as the manager would end the manager's browser session), and the grant the
   * manager may not make to the ID he created himself (AC-3).
   */
  let inspector: Connection;

  beforeAll(async () => {
    h = await startHarness();
    await setUpThroughRouter(h, [{ members: 30, withMyNumberRatio: 1 }]);
    await h.addClerk('suzuki.ken', 'NONE', []);
    inspector = await h.secondAdmin();
    today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(h.clock.now());
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function open(page: Page, menu: string): Promise<void> {
    await page.locator(`[data-menu=${menu}]`).click();
  }

  it('AC-11: the manager sees the admin screens in the menu; AC-1, AC-5: creates a clerk in 利用者管理 (a generic ID is refused)', async () => {
    manager = await newPage(browser);
    // Browser time is ours to move (from the main process's clock), so the 10-second sync poll is shown without waiting.
    await manager.clock.install({ time: h.clock.now() });
    await manager.goto(h.host.issueUrl());
    await logIn(manager, MANAGER.userId, MANAGER.password);
    await manager.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await manager.getByTestId('banner').waitFor();
    const menu = await manager.locator('.banner-menu [data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu')));
    for (const id of ['users', 'grants', 'assignments', 'terminal', 'audit']) assert.ok(menu.includes(id), `menu has ${id}: ${menu.join(',')}`);
    // AC-8: a manager at 取扱不可 has no My Number to switch off.
    assert.equal(await manager.getByTestId('mynumber-switch').count(), 0);

    await open(manager, 'users');
    await manager.getByTestId('users-table').getByText(MANAGER.userId).waitFor();
    await manager.getByTestId('new-user').click();
    const form = manager.getByTestId('create-user-form');
    // AC-1: a shared or generic ID is refused in the clerk's words.
    await form.locator('#newUserId').fill('user1');
    await form.locator('#newEmployeeNo').fill('E0999');
    await form.locator('#newName').fill('共用');
    await form.locator('#newPassword').fill(INITIAL_PASSWORD);
    await form.locator('#newPasswordConfirm').fill(INITIAL_PASSWORD);
    await form.getByRole('button', { name: '登録' }).click();
    assert.match(await notice(manager), /共有・汎用のユーザID（user1）は登録できません/);

    await form.locator('#newUserId').fill(CLERK.userId);
    await form.locator('#newEmployeeNo').fill(CLERK.employeeNo);
    await form.locator('#newName').fill(CLERK.name);
    await form.locator('#newDepartment').fill(CLERK.department);
    await form.locator('#newReason').fill('4月1日付 給付課配属');
    await manager.getByTestId('notice').getByRole('button').click();
    await shoot(manager, '30-admin-user-create');
    await form.getByRole('button', { name: '登録' }).click();
    assert.match(await notice(manager), /利用者 yamada\.hanako を登録しました/);
    const row = manager.locator(`[data-testid=users-table] tr[data-user-id="${CLERK.userId}"]`);
    assert.match(await row.innerText(), /山田 花子[\s\S]*E0310[\s\S]*給付課[\s\S]*利用中[\s\S]*取扱不可/);
    await manager.getByTestId('user-actions').waitFor();
    await shoot(manager, '31-admin-users');
    const [created] = (await h.call(inspector, 'user.list', {})).users.filter((u) => u.userId === CLERK.userId);
    assert.deepEqual({ level: created?.level, businesses: created?.businesses }, { level: 'NONE', businesses: [] });
  });

  it('AC-3, AC-1, AC-4: the manager may not grant the ID he created (told to ask another manager), the second manager does; he schedules a later grant for an ID he did not create, and is never offered his own', async () => {
    await open(manager, 'grants');
    const table = manager.getByTestId('grants-table');
    await table.locator(`tr[data-user-id="${CLERK.userId}"]`).click();
    // AC-3: nobody sets their own rights: the manager's ID is not in the list at all.
    assert.equal(await table.locator(`tr[data-user-id="${MANAGER.userId}"]`).count(), 0);

    const panel = manager.getByTestId('grant-forms');
    assert.equal(await panel.locator('#validFrom').inputValue(), today);
    await panel.locator('#grantLevel').selectOption('VIEW');
    // A level above 取扱不可 without a business is caught before it is sent.
    await panel.locator('#grantReason').fill('給付課配属');
    await panel.getByTestId('set-grant').click();
    assert.match(await notice(manager), /担当業務を1つ以上選んでください/);
    await panel.getByLabel('給付').check();
    await manager.getByTestId('notice').getByRole('button').click();
    await shoot(manager, '32-admin-grant');
    // AC-1, AC-3: he created yamada.hanako and knows her initial password: a stand-in is refused, with what to do.
    await panel.getByTestId('set-grant').click();
    assert.ok((await notice(manager)).startsWith(ERROR_MESSAGES.stand_in_grant.ja.replace('{userId}', CLERK.userId)));
    assert.match(await panel.getByTestId('grant-current').innerText(), /取扱不可/);
    await shoot(manager, '32b-admin-grant-stand-in-refused');
    await manager.getByTestId('notice').getByRole('button').click();
    // Another manager grants it (through the router: his own browser session is not the subject here).
    await h.call(inspector, 'grant.set', { userId: CLERK.userId, level: 'VIEW', businesses: ['kyufu'], validFrom: today, reason: '給付課配属' });
    await open(manager, 'users');
    await open(manager, 'grants');
    await table.locator(`tr[data-user-id="${CLERK.userId}"]`).click();
    assert.match(await panel.getByTestId('grant-current').innerText(), new RegExp(`参照のみ（給付） ${today} 〜 期限なし`));

    // AC-4: a grant that starts next week is scheduled, not in force.
    const nextWeek = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date(h.clock.now().getTime() + 7 * 86_400_000));
    await table.locator('tr[data-user-id="suzuki.ken"]').click();
    await panel.locator('#grantLevel').selectOption('EDIT');
    await panel.getByLabel('適用').check();
    await panel.locator('#validFrom').fill(nextWeek);
    await panel.locator('#grantReason').fill('適用課へ異動');
    await panel.getByTestId('set-grant').click();
    assert.match(await notice(manager), /suzuki\.ken の権限を設定しました/);
    assert.match(await panel.getByTestId('grant-current').innerText(), /取扱不可/);
    assert.match(await panel.getByTestId('grant-upcoming').innerText(), new RegExp(`${nextWeek} から 登録・訂正可（適用）`));
    await shoot(manager, '33-admin-grant-scheduled');

    const grants = await h.call(inspector, 'access.assignments', { business: 'kyufu' });
    assert.deepEqual(grants.rows.map((r) => [r.userId, r.current.level, r.current.validFrom]), [[CLERK.userId, 'VIEW', today]]);
  });

  it('AC-5, AC-11: the clerk must change the initial password, then sees only the clerk menu and a masked number with 表示', async () => {
    clerk = await newPage(browser);
    await clerk.goto(h.host.issueUrl());
    await logIn(clerk, CLERK.userId, INITIAL_PASSWORD);
    await clerk.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
    await changePassword(clerk, INITIAL_PASSWORD, CLERK_PASSWORD);
    await clerk.getByRole('heading', { name: '業務の選択' }).waitFor();
    assert.deepEqual(await clerk.locator('.business-button .business-ja').allTextContents(), ['給付']);
    await clerk.locator('[data-business=kyufu]').click();
    await clerk.getByTestId('banner').waitFor();
    // AC-11: none of the administrative screens is offered to a clerk.
    const menu = await clerk.locator('.banner-menu [data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu')));
    assert.ok(menu.includes('search') && menu.includes('business'), menu.join(','));
    for (const admin of ['users', 'grants', 'assignments', 'terminal', 'audit', 'retention', 'log-review', 'updates']) assert.equal(menu.includes(admin), false, `${admin} offered to a clerk`);

    await clerk.locator('#searchBy').selectOption('shikakuId');
    await clerk.locator('#searchQuery').fill(MEMBER);
    await clerk.getByRole('button', { name: '検索', exact: true }).click();
    await clerk.locator('.result-row').first().click();
    await clerk.getByTestId('mynumber-masked').waitFor();
    assert.deepEqual(await twelveDigitRunsInDom(clerk), []);
    await clerk.getByTestId('reveal-button').click();
    const shown = (await clerk.getByTestId('mynumber-revealed').innerText()).replace(/\D/g, '');
    assert.match(shown, /^\d{12}$/);
    await clerk.getByRole('button', { name: '隠す' }).click();
    await clerk.getByTestId('mynumber-masked').waitFor();
  });

  it('AC-8: the clerk switches My Number access off (no 表示 offered) and back on, each switch logged', async () => {
    const toggle = clerk.getByTestId('mynumber-switch');
    assert.equal(await toggle.getAttribute('aria-checked'), 'true');
    await toggle.click();
    assert.match(await notice(clerk), /個人番号の取扱いをオフにしました/);
    assert.equal(await toggle.getAttribute('aria-checked'), 'false');
    // Off: back to the search, and the member's screen offers no 表示.
    await clerk.getByRole('button', { name: '検索', exact: true }).click();
    await clerk.locator('.result-row').first().click();
    await clerk.getByTestId('member-detail').waitFor();
    assert.equal(await clerk.getByTestId('reveal-button').count(), 0);
    await shoot(clerk, '34-mynumber-switch-off');
    await toggle.click();
    assert.match(await notice(clerk), /オンにしました/);
    await clerk.getByRole('button', { name: '検索結果に戻る' }).click();
    await clerk.locator('.result-row').first().click();
    await clerk.getByTestId('reveal-button').waitFor();
    const log = await h.call(inspector, 'audit.list', { limit: 20, event: 'session.setMyNumberAccess' });
    assert.deepEqual(log.entries.filter((e) => e.operator === CLERK.userId).map((e) => e.detail.enabled).reverse(), [false, true]);
  });

  it('AC-6: 割当状況一覧 lists the clerk with filters, last login and password age, prints without any My Number, and records a review', async () => {
    await open(manager, 'assignments');
    const table = manager.getByTestId('assignments-table');
    await table.locator(`tr[data-user-id="${CLERK.userId}"]`).waitFor();
    await manager.locator('#filterLevel').selectOption('VIEW');
    await manager.locator('#filterBusiness').selectOption('kyufu');
    await manager.getByTestId('assignment-count').getByText('1 名').waitFor();
    const row = await table.locator('tbody tr').innerText();
    assert.match(row, /yamada\.hanako[\s\S]*山田 花子[\s\S]*参照のみ（給付）[\s\S]*期限なし[\s\S]*利用中/);
    assert.doesNotMatch(row, /なし\s+0 日$/, 'the clerk has logged in');
    assert.match(row, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}\s+0 日$/);
    await manager.locator('#filterLevel').selectOption('');
    await manager.locator('#filterBusiness').selectOption('');
    await manager.getByTestId('assignment-count').getByText('4 名').waitFor();
    // The scheduled grant shows as an upcoming change.
    assert.match(await table.locator('tr[data-user-id="suzuki.ken"]').innerText(), /から 登録・訂正可（適用）/);

    // The printed list: the table and who printed it, nothing else, and never a 12-digit number.
    await manager.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await manager.getByTestId('print-assignments').click();
    assert.equal(await manager.evaluate(() => (window as unknown as { printed: number }).printed), 1);
    await manager.emulateMedia({ media: 'print' });
    assert.equal(await manager.getByTestId('banner').isVisible(), false);
    assert.equal(await manager.getByTestId('review-panel').isVisible(), false);
    assert.match(await manager.locator('.print-meta').innerText(), /出力者：管理 太郎（kanri\.taro）.*個人番号は含みません/);
    assert.deepEqual(await twelveDigitRunsInDom(manager), []);
    await shoot(manager, '36-admin-assignments-print');
    await manager.emulateMedia({ media: 'screen' });

    // The periodic review: who, when, findings, with the list as it was seen.
    await manager.getByTestId('record-review').click();
    assert.match(await notice(manager), /確認結果を入力してください/);
    await manager.locator('#reviewFindings').fill('全員の権限が職務と一致していることを確認。suzuki.ken の異動を予定登録済み。');
    await manager.getByTestId('record-review').click();
    assert.match(await notice(manager), /定期確認を記録しました（4 名分/);
    assert.match(await manager.getByTestId('review-history').innerText(), /kanri\.taro\s+4 名\s+全員の権限が職務と一致/);
    await shoot(manager, '35-admin-assignments');
    const reviews = await h.call(inspector, 'access.reviews', { limit: 5 });
    assert.equal(reviews.reviews[0]?.reviewer, MANAGER.userId);
    assert.equal(reviews.reviews[0]?.users, 4);
  });

  it('AC-4, AC-3: the manager ends the grant from today, and the clerk\u2019s next request is refused in plain words', async () => {
    await open(manager, 'grants');
    await manager.getByTestId('grants-table').locator(`tr[data-user-id="${CLERK.userId}"]`).click();
    const panel = manager.getByTestId('grant-forms');
    await panel.locator('#grantLevel').selectOption('NONE');
    // 取扱不可 carries no business: the business boxes are not offered.
    await panel.locator('fieldset.checks[disabled]').first().waitFor();
    assert.equal(await panel.getByLabel('給付').isChecked(), false);
    await panel.locator('#grantReason').fill('徴収課へ異動');
    await panel.getByTestId('set-grant').click();
    assert.match(await notice(manager), /yamada\.hanako の権限を設定しました（.* から 取扱不可）/);
    assert.match(await panel.getByTestId('grant-current').innerText(), /取扱不可/);

    // The clerk still has the member on screen; the next 表示 is refused by the main process.
    await clerk.getByTestId('reveal-button').click();
    assert.ok((await notice(clerk)).startsWith(ERROR_MESSAGES.forbidden.ja));
    assert.equal(await clerk.getByTestId('mynumber-revealed').count(), 0);
    // AC-11: the screen catches up with the ended grant (level and switch follow the main process) and says why.
    await clerk.getByTestId('banner-user').getByText('取扱不可').waitFor();
    assert.equal(await notice(clerk), `${ERROR_MESSAGES.forbidden.ja}あなたの権限が変更されています（現在：取扱不可）。必要なら管理責任者に確認してください。`);
    assert.equal(await clerk.getByTestId('mynumber-switch').count(), 0);
    await shoot(clerk, '37-grant-ended-refused');
    const log = await h.call(inspector, 'audit.list', { limit: 20, event: 'mynumber.reveal' });
    assert.ok(log.entries.some((e) => e.operator === CLERK.userId && e.outcome === 'refused'));
  });

  it('AC-12: the system administrator designates this terminal for media in 端末指定', async () => {
    await open(manager, 'terminal');
    const form = manager.getByTestId('terminal-form');
    await form.getByTestId('terminal-name').getByText('本部-端末01').waitFor();
    await form.getByLabel('電子記録媒体の使用').check();
    await form.getByTestId('save-designations').click();
    assert.match(await notice(manager), /理由を入力してください/);
    await form.locator('#designationReason').fill('媒体取扱い指定端末（規程第5条）');
    await form.getByTestId('save-designations').click();
    assert.match(await notice(manager), /端末指定を保存しました/);
    await shoot(manager, '38-admin-terminal');
    assert.deepEqual((await h.call(inspector, 'terminal.get', {})).designations, ['media']);
  });

  it('AC-5, AC-4: the system administrator disables and enables an ID, resets its password (change forced) and registers its retirement (no more logins)', async () => {
    await open(manager, 'users');
    await manager.getByTestId('users-table').locator('tr[data-user-id="suzuki.ken"]').click();
    const panel = manager.getByTestId('user-actions');
    await panel.getByTestId('disable-user').click();
    assert.match(await notice(manager), /理由を入力してください/);
    await panel.locator('#actionReason').fill('長期休職');
    await panel.getByTestId('disable-user').click();
    assert.match(await notice(manager), /suzuki\.ken を無効化しました/);
    assert.equal(await panel.getByTestId('user-status').innerText(), '無効');
    await panel.getByTestId('enable-user').click();
    assert.match(await notice(manager), /suzuki\.ken を有効化しました/);
    assert.equal(await panel.getByTestId('user-status').innerText(), '利用中');

    const temporary = 'Temporary-pass-2026';
    await panel.locator('#temporaryPassword').fill(temporary);
    await panel.getByRole('button', { name: 'リセット' }).click();
    assert.match(await notice(manager), /suzuki\.ken のパスワードをリセットしました/);
    const afterReset = await h.call(new Connection('test'), 'auth.login', { userId: 'suzuki.ken', password: temporary });
    assert.equal(afterReset.mustChangePassword, true);

    await panel.locator('#retiredOn').fill(today);
    await panel.getByRole('button', { name: '利用終了を登録' }).click();
    assert.match(await notice(manager), new RegExp(`suzuki\\.ken の退職日（${today}）を登録しました`));
    assert.equal(await panel.getByTestId('user-status').innerText(), '退職');
    const refused = await h.host.router.invoke(new Connection('test'), 'auth.login', { userId: 'suzuki.ken', password: temporary });
    assert.equal(refused.ok ? 'logged in' : refused.error.code, 'account_disabled');
  });

  it('issue 7: the banner shows the sync link, last sync, queued changes and conflicts, polled every 10 s; 同期状況 shows the pull', async () => {
    await manager.getByTestId('sync-indicator').getByText('単独運用（同期未設定）').waitFor();
    // A terminal enrolled for sync, offline for a while, in the middle of a large initial pull.
    const db = h.host.kura.store.db;
    const now = h.clock.now().getTime();
    const state: Record<string, string> = {
      identity: 'e2e',
      link: 'offline',
      last_sync_at: new Date(now - 25 * 60_000).toISOString(),
      last_attempt_at: new Date(now - 60_000).toISOString(),
      last_error: 'link_down',
      'pull.cursor': '420000',
      'pull.head': '1000000',
      'server.open_conflicts': '1',
    };
    for (const [key, value] of Object.entries(state)) db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    const status = await h.call(inspector, 'sync.status', {});
    assert.ok(status.queued > 0, 'the seeded members and the admin changes wait in the outbox');

    // The next poll, ten seconds on, brings it to the banner without any click.
    await manager.clock.runFor(10_000);
    const indicator = manager.getByTestId('sync-indicator');
    await indicator.getByText('未接続').waitFor();
    assert.equal(await indicator.getByTestId('sync-queued').innerText(), status.queued.toLocaleString('ja-JP'));
    assert.equal(await indicator.getByTestId('sync-conflicts').innerText(), '1');
    assert.match(await indicator.getByTestId('sync-last').innerText(), /\d{2}:\d{2}$/);
    await shoot(manager, '39-sync-indicator');

    await indicator.click();
    const screen = manager.getByTestId('sync-screen');
    await screen.waitFor();
    assert.equal(await screen.getByTestId('sync-pull-text').innerText(), '420,000 / 1,000,000 件（42%）');
    assert.equal(await screen.getByTestId('sync-pull-bar').getAttribute('value'), '420000');
    assert.match(await screen.innerText(), /データセンターに接続できません。回線（VPN）を確認してください/);
    assert.deepEqual(await twelveDigitRunsInDom(manager), []);
    await shoot(manager, '40-sync-status');

    // A clerk sees the same indicator: it carries nothing personal.
    const clerkConn = new Connection('test');
    await h.call(clerkConn, 'auth.login', { userId: CLERK.userId, password: CLERK_PASSWORD });
    assert.equal((await h.call(clerkConn, 'sync.status', {})).link, 'offline');
  });
});
