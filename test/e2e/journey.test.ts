// The clerk's journey in Debian's Chromium through the dev host: first-run setup, login with the
// forced password change, choice of business, search, reveal (and its log entry), registration with
// a wrong then a right check digit, and the idle / on-demand / OS lock.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { MYNUMBER_PROBLEM_MESSAGES } from '../../shared/i18n';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { CLERK_PASSWORD, IDLE_LOCK_SECONDS, INITIAL_PASSWORD, MANAGER, changePassword, launchChromium, logIn, newPage, searchKana, shoot, startHarness, twelveDigitRunsInDom, type Harness } from './harness';

describe('E2E journey (Chromium, dev host)', { timeout: 180_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let revealedShikakuId = '';

  beforeAll(async () => {
    h = await startHarness();
    browser = await launchChromium();
    page = await newPage(browser);
    // Browser time is ours to move (idle lock); it otherwise runs normally.
    await page.clock.install();
    await page.goto(h.host.url);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('first-run setup registers the terminal and the first manager, who then logs in', async () => {
    await page.getByRole('heading', { name: '初期設定' }).waitFor();
    await page.locator('#terminalName').fill('本部-端末01');
    await page.locator('#userId').fill(MANAGER.userId);
    await page.locator('#employeeNo').fill(MANAGER.employeeNo);
    await page.locator('#name').fill(MANAGER.name);
    await page.locator('#department').fill('業務課');
    await page.locator('#password').fill(MANAGER.password);
    await page.locator('#confirm').fill(MANAGER.password);
    await shoot(page, '01-setup');
    await page.getByRole('button', { name: '登録' }).click();
    await page.getByText('初期設定が完了しました').waitFor();
    await shoot(page, '02-login');

    await logIn(page, MANAGER.userId, MANAGER.password);
    // The manager holds no business: the screen says so and offers work without My Number.
    await page.getByText('担当業務が割り当てられていません').waitFor();
    await shoot(page, '03-manager-no-business');
    await page.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await page.getByTestId('banner').waitFor();
    // AC-11: the manager's menu has the log and the user list; no 個人番号 search option.
    assert.equal(await page.locator('[data-menu=audit]').count(), 1);
    assert.equal(await page.locator('[data-menu=users]').count(), 1);
    assert.deepEqual(await page.locator('#searchBy option').allTextContents(), ['資格ID', '被保険者番号', 'カナ氏名（前方一致）']);
    await page.locator('[data-menu=users]').click();
    await page.getByTestId('users-table').getByText(MANAGER.userId).waitFor();
    await shoot(page, '17-users');
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await page.getByRole('heading', { name: 'ログイン' }).waitFor();
  });

  it('AC-11: a clerk logs in, must change the password first, and is offered only assigned businesses', async () => {
    const admin = await h.manager();
    await h.call(admin, 'demo.seed', { members: 200, withMyNumberRatio: 0.5 });
    await h.call(admin, 'auth.logout', {});
    await h.addClerk('tanaka.hanako', 'EDIT', ['tekiyo', 'kyufu']);

    await logIn(page, 'tanaka.hanako', INITIAL_PASSWORD);
    await page.getByRole('heading', { name: 'パスワードの変更' }).waitFor();
    await shoot(page, '04-change-password');
    await changePassword(page, INITIAL_PASSWORD, CLERK_PASSWORD);
    await page.getByRole('heading', { name: '業務の選択' }).waitFor();
    assert.deepEqual(await page.locator('.business-button .business-ja').allTextContents(), ['適用', '給付']);
    await shoot(page, '05-business');
    await page.locator('[data-business=kyufu]').click();
    await page.getByTestId('banner-business').getByText('給付').waitFor();
    assert.match(await page.getByTestId('banner-user').innerText(), /tanaka\.hanako/);
    assert.equal(await page.getByTestId('banner-terminal').innerText(), '本部-端末01');
    // AC-11: a clerk without audit.read or user.read sees neither menu.
    assert.equal(await page.locator('[data-menu=audit]').count(), 0);
    assert.equal(await page.locator('[data-menu=users]').count(), 0);
  });

  it('AC-9, AU-1: search, open a member, reveal the number; the reveal is in the operation log', async () => {
    await searchKana(page, 'サ');
    await page.getByTestId('result-count').waitFor();
    await shoot(page, '06-search');
    const row = page.locator('.result-row', { hasText: '登録済' }).first();
    revealedShikakuId = (await row.getAttribute('data-shikaku-id'))!;
    await row.click();
    await page.getByTestId('mynumber-masked').waitFor();
    assert.equal(await page.getByTestId('mynumber-masked').innerText(), '●●●● ●●●● ●●●●');
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await shoot(page, '07-detail-masked');

    await page.getByTestId('reveal-button').click();
    const shown = await page.getByTestId('mynumber-revealed').innerText();
    assert.match(shown, /^\d{4} \d{4} \d{4}$/);
    // The scan used for the NONE user does see a revealed number, so its silence there means something.
    assert.deepEqual(await twelveDigitRunsInDom(page), [shown, shown]);
    await shoot(page, '08-detail-revealed');

    const admin = await h.manager();
    const log = await h.call(admin, 'audit.list', { limit: 50, event: 'mynumber.reveal' });
    await h.call(admin, 'auth.logout', {});
    const entry = log.entries.find((e) => e.target === revealedShikakuId);
    assert.ok(entry, 'a mynumber.reveal entry for the member exists');
    assert.equal(entry.operator, 'tanaka.hanako');
    assert.equal(entry.business, 'kyufu');
    assert.equal(entry.outcome, 'ok');
    assert.equal(entry.detail.origin, 'devhost');
    // AU-3: the entry records the reveal, never the number.
    assert.doesNotMatch(JSON.stringify(entry), TWELVE_DIGIT_RUN);
  });

  it('DP-3: the revealed number refuses copy, cut, the context menu and selection, and hides itself', async () => {
    // Plain script text: the test runner's transform would add helpers that do not exist in the page.
    const refused = await page.evaluate(`(() => {
      const el = document.querySelector('[data-revealed]');
      const fire = (type) => {
        const e = type === 'contextmenu'
          ? new MouseEvent(type, { bubbles: true, cancelable: true })
          : new ClipboardEvent(type, { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
        el.dispatchEvent(e);
        return e.defaultPrevented;
      };
      // Select everything, then copy from the document: the guard empties it.
      const range = document.createRange();
      range.selectNodeContents(document.body);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      const docCopy = new ClipboardEvent('copy', { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
      document.body.dispatchEvent(docCopy);
      getSelection().removeAllRanges();
      return { copy: fire('copy'), cut: fire('cut'), contextmenu: fire('contextmenu'), selectAllCopy: docCopy.defaultPrevented, userSelect: getComputedStyle(el).userSelect };
    })()`);
    assert.deepEqual(refused, { copy: true, cut: true, contextmenu: true, selectAllCopy: true, userSelect: 'none' });
    await page.clock.fastForward(21_000);
    await page.getByTestId('mynumber-masked').waitFor();
    assert.equal(await page.getByTestId('mynumber-revealed').count(), 0);
  });

  it('DQ-1: a wrong check digit is flagged live and refused by the main process; a right one is registered', async () => {
    await page.getByRole('button', { name: '検索結果に戻る' }).click();
    await page.locator('.result-row', { hasText: '未登録' }).first().click();
    const shikakuId = (await page.getByTestId('member-detail').locator('dd').first().innerText()).trim();
    await page.getByTestId('register-button').click();

    await page.locator('#myNumber').fill('123456789010');
    const checkMessage = MYNUMBER_PROBLEM_MESSAGES.check_digit!.ja;
    await page.getByTestId('mynumber-check').getByText(checkMessage).waitFor();
    await page.getByTestId('save-mynumber').click();
    // The refusal is the router's sentence, not the screen's.
    await page.getByTestId('notice').getByText(`個人番号が正しくありません：${checkMessage}`).waitFor();
    await shoot(page, '09-register-bad-check-digit');
    const admin = await h.manager();
    const refusals = await h.call(admin, 'audit.list', { limit: 20, event: 'mynumber.register' });
    await h.call(admin, 'auth.logout', {});
    assert.ok(refusals.entries.some((e) => e.target === shikakuId && e.outcome === 'refused'));
    assert.equal(h.host.kura.vault.status(shikakuId).registered, false);

    // Full-width digits and hyphens are normalised as the clerk types.
    await page.locator('#myNumber').fill('１２３４-５６７８-９０１８');
    await page.getByTestId('mynumber-check').getByText('チェックデジット：正しい番号です').waitFor();
    await page.getByTestId('save-mynumber').click();
    await page.getByTestId('notice').getByText('個人番号を登録しました（更新通番 1）').waitFor();
    await page.getByTestId('mynumber-masked').waitFor();
    await shoot(page, '10-register-done');
    assert.equal(h.host.kura.vault.status(shikakuId).registered, true);
  });

  it('AC-10: the screen locks after the idle time, and only the password brings the work back', async () => {
    await page.clock.fastForward((IDLE_LOCK_SECONDS + 1) * 1000);
    await page.getByRole('heading', { name: '画面ロック中' }).waitFor();
    // Nothing of the member stays in the page behind the lock.
    assert.equal(await page.getByTestId('member-detail').count(), 0);
    assert.equal(await page.getByTestId('banner').count(), 0);
    await shoot(page, '11-lock');
    // The screen told the main process, which locked the session (and logged it).
    const sessions = h.host.kura.audit.recent(5, 'session.lock');
    assert.equal(sessions[0]?.operator, 'tanaka.hanako');

    await page.locator('#unlockPassword').fill('wrong-password-1');
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByTestId('notice').getByText('ユーザIDまたはパスワードが違います').waitFor();
    await page.locator('#unlockPassword').fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByTestId('banner').waitFor();
  });

  it('AC-10: the main process locks an idle session by its own clock, and the screen follows', async () => {
    await page.locator('[data-menu=search]').click();
    h.clock.advance((IDLE_LOCK_SECONDS + 5) * 1000);
    await searchKana(page, 'タ');
    await page.getByRole('heading', { name: '画面ロック中' }).waitFor();
    await page.locator('#unlockPassword').fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByTestId('banner').waitFor();
  });

  it('AC-10: the lock button and an OS lock (pushed by the host) lock at once', async () => {
    await page.getByTestId('lock-button').click();
    await page.getByRole('heading', { name: '画面ロック中' }).waitFor();
    await page.locator('#unlockPassword').fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: 'ロック解除' }).click();
    await page.getByTestId('banner').waitFor();

    // The dev host's lockAll is what the shell does on powerMonitor lock-screen / suspend.
    h.host.lockAll();
    await page.getByRole('heading', { name: '画面ロック中' }).waitFor();
  });

  it('switches to English and back: errors and screens follow the language', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: 'Screen locked' }).waitFor();
    await page.locator('#unlockPassword').fill('wrong-password-2');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByTestId('notice').getByText('User ID or password is incorrect.').waitFor();
    await page.locator('#unlockPassword').fill(CLERK_PASSWORD);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByTestId('banner').waitFor();
    await page.locator('[data-menu=search]').click();
    await shoot(page, '12-search-english');
    await page.getByTestId('lang-switch').click();
    await page.getByRole('heading', { name: '加入者検索' }).waitFor();
  });

  it('AU-3: the manager reads the operation log on screen: the reveal is there, the number is not', async () => {
    await page.getByRole('button', { name: 'ログアウト' }).click();
    await logIn(page, MANAGER.userId, MANAGER.password);
    await page.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await page.locator('[data-menu=audit]').click();
    const table = page.getByTestId('audit-table');
    await table.getByText('mynumber.reveal').first().waitFor();
    assert.ok(await table.locator('tr', { hasText: 'mynumber.reveal' }).filter({ hasText: revealedShikakuId }).count() >= 1);
    assert.ok(await table.locator('tr', { hasText: 'mynumber.register' }).filter({ hasText: 'refused' }).count() >= 1);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await shoot(page, '16-audit');
  });
});
