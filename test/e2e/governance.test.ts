// Retention, log review, maintenance, update verification, data quality and creator-only reports in
// Chromium through the dev host: the system administrator previews a purge (the dry run lists an
// expired member by 資格ID and dates and the number stays), then runs it after confirming (the number
// is erased); the manager records a log review and a maintenance session; a clerk links two records,
// makes a My Number report and opens it with the password, while another clerk never sees it.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoMyNumber } from '../../main/core/mynumber';
import { Connection } from '../../main/rpc';
import { member } from '../retention/kit';
import { CLERK_PASSWORD, MANAGER, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness, notice, numberStored } from './harness';

/** Lost qualification in 2010: more than 10 years before the clock's day (2026-11-24), so RT-1 erases it. */
const EXPIRED = 'R000000001';
/** The same person (birth date and カナ氏名) under a new 資格ID after a change: a 名寄せ candidate pair. */
const EARLIER = 'R000000002';
const LATER = 'R000000003';
const CREATOR = 'sakusei.clerk';
const OTHER = 'hoka.clerk';

describe('E2E governance: retention, log review, reports (Chromium, dev host)', { timeout: 120_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let admin: Page;
  let clerk: Page;

  /** A clerk ready to work: the initial password changed through the router, before any browser session. */
  async function readyClerk(userId: string, level: 'VIEW' | 'LINK'): Promise<void> {
    await h.addActiveClerk(userId, level, ['tekiyo']);
  }

  async function clerkPage(userId: string): Promise<Page> {
    const page = await newPage(browser);
    await page.clock.install({ time: h.clock.now() });
    await page.goto(h.host.issueUrl());
    await logIn(page, userId, CLERK_PASSWORD);
    await page.locator('[data-business=tekiyo]').click();
    await page.getByTestId('banner').waitFor();
    return page;
  }

  beforeAll(async () => {
    h = await startHarness();
    await setUpThroughRouter(h, [{ members: 40, withMyNumberRatio: 1 }]);
    // Test setup outside the router: members with the dates the controls act on.
    const kura = h.host.kura;
    kura.store.transaction(() => {
      kura.members.insert(member(EXPIRED, { soshitsuDate: '2010-03-31', kanaName: 'ホカン ハナコ', birthDate: '1950-01-02' }));
      kura.vault.register(EXPIRED, demoMyNumber(901));
      kura.members.insert(member(EARLIER, { shutokuDate: '2001-04-01', soshitsuDate: '2019-03-31' }));
      kura.members.insert(member(LATER, { shutokuDate: '2019-04-01' }));
    });
    await readyClerk(CREATOR, 'LINK');
    await readyClerk(OTHER, 'VIEW');
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('RT-5: the dry run lists the expired member by 資格ID and dates only, and erases nothing', async () => {
    admin = await newPage(browser);
    await admin.clock.install({ time: h.clock.now() });
    await admin.goto(h.host.issueUrl());
    await logIn(admin, MANAGER.userId, MANAGER.password);
    await admin.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await admin.locator('[data-menu=retention]').click();
    const row = admin.getByTestId('retention-mynumbers').locator(`tr[data-shikaku-id=${EXPIRED}]`);
    await row.waitFor();
    assert.equal(await row.innerText(), `${EXPIRED}\t2010-03-31\t2020-03-31`);
    assert.match(await admin.getByTestId('retention-mynumbers').innerText(), /資格喪失日が 2016-11-24 以前/);
    // Only the expired member is listed; the seeded members are still qualified.
    assert.equal(await admin.getByTestId('retention-mynumbers').locator('tbody tr').count(), 1);
    assert.deepEqual(await twelveDigitRunsInDom(admin), []);
    assert.ok(numberStored(h, EXPIRED), 'the dry run leaves the number in place');
    await shoot(admin, '80-retention-dry-run');
  });

  it('RT-1: the purge runs only after the confirmation, erases the expired number and keeps the others', async () => {
    await admin.getByTestId('retention-run').click();
    const dialog = admin.getByTestId('retention-confirm');
    assert.match(await dialog.innerText(), /個人番号の消去：1 件/);
    const yes = admin.getByTestId('retention-confirm-yes');
    assert.equal(await yes.isDisabled(), true, 'nothing runs before the lists are confirmed');
    await admin.getByTestId('retention-confirm-check').check();
    await shoot(admin, '81-retention-confirm');
    // Cancelling first: still nothing erased.
    await dialog.getByRole('button', { name: '取消' }).click();
    assert.ok(numberStored(h, EXPIRED));
    await admin.getByTestId('retention-run').click();
    await admin.getByTestId('retention-confirm-check').check();
    await admin.getByTestId('retention-confirm-yes').click();
    assert.match(await notice(admin), /削除を実行しました（基準日 2026-11-24）：個人番号 1 件/);
    assert.equal(numberStored(h, EXPIRED), false);
    assert.ok(numberStored(h, 'Q000000001'), 'a qualified member keeps the number');
    await admin.getByTestId('retention-mynumbers').getByText('対象はありません。').waitFor();
    assert.equal(await admin.getByTestId('retention-run').isDisabled(), true);
  });

  it('AU-3: the manager chooses a period, writes findings and records the review; the counts and the history show it', async () => {
    await admin.locator('[data-menu=log-review]').click();
    await admin.locator('#reviewFrom').fill('2026-11-01T00:00');
    await admin.locator('#reviewTo').fill('2026-11-24T10:00');
    // A 12-digit run in the findings is refused (the review record never holds a number).
    await admin.locator('#reviewFindings').fill('確認番号 123456789012 を点検');
    await admin.getByTestId('log-review-record').click();
    assert.match(await notice(admin), /個人番号と思われる数字（12桁）が入力されています/);
    await admin.locator('#reviewFindings').fill('11月分を点検。拒否された操作はなく、削除の実行は1件で計画どおり。');
    await admin.getByTestId('log-review-record').click();
    assert.match(await notice(admin), /点検を記録しました（\d+ 件、うち拒否 \d+ 件）/);
    const counts = await admin.getByTestId('log-review-counts').innerText();
    assert.match(counts, /改ざん検査：正常/);
    assert.match(counts, /retention\.purge/);
    assert.match(await admin.getByTestId('log-review-history').innerText(), /kanri\.taro 定期点検[\s\S]*11月分を点検/);
    await shoot(admin, '82-log-review');
  });

  it('AU-4: a maintenance session is started and ended with its test runs', async () => {
    await admin.locator('[data-tab=maintenance]').click();
    await admin.locator('#mntCompany').fill('株式会社保守サービス');
    await admin.locator('#mntWorkers').fill('保守 一郎');
    await admin.locator('#mntPurpose').fill('端末のOS更新後の動作確認');
    await admin.getByTestId('maintenance-start').getByRole('button', { name: '開始を記録' }).click();
    assert.match(await notice(admin), /保守作業 MNT-\d{8}-[0-9A-F]{6} の開始を記録しました/);
    const end = admin.getByTestId('maintenance-end');
    await end.getByLabel('作業結果').fill('OS更新後、ログインと検索の動作を確認');
    await end.getByLabel('テスト名 1').fill('ログイン・検索');
    await shoot(admin, '83-maintenance');
    await end.getByRole('button', { name: '終了を記録' }).click();
    assert.match(await notice(admin), /の終了を記録しました（テスト 1 件）/);
    assert.match(await admin.getByTestId('maintenance-table').innerText(), /株式会社保守サービス[\s\S]*1 合格 \/ 0 不合格/);
  });

  it('BL-1: a package that cannot be verified is refused with the reason on screen', async () => {
    await admin.locator('[data-menu=updates]').click();
    await admin.locator('#updatePackage').fill('/media/kura-usb/kura-9.9.9.deb');
    await admin.getByTestId('update-verify').click();
    const refused = admin.getByTestId('update-refused');
    await refused.waitFor();
    assert.match(await refused.innerText(), /この更新はインストールできません/);
    await shoot(admin, '84-update-refused');
  });

  it('DQ-3, DQ-4: a clerk links two records of one person (the history shows the link) and records a dependant\'s status check', async () => {
    clerk = await clerkPage(CREATOR);
    await clerk.locator('[data-menu=quality]').click();
    await clerk.locator('#linkShikakuId').fill(LATER);
    await clerk.getByRole('button', { name: '表示', exact: true }).click();
    await clerk.getByTestId('link-candidates').locator(`tr[data-shikaku-id=${EARLIER}]`).click();
    await clerk.getByTestId('link-confirm').click();
    assert.match(await notice(clerk), new RegExp(`${EARLIER} と ${LATER} を名寄せしました`));
    assert.match(await clerk.getByTestId('link-history').locator(`tr[data-shikaku-id=${LATER}]`).innerText(), new RegExp(`${EARLIER} から（資格IDの変更）${CREATOR}`));
    await shoot(clerk, '85-quality-link');
    await clerk.locator('[data-tab=quality-checks]').click();
    await clerk.getByTestId('checks-summary').waitFor();
    await clerk.getByTestId('checks-table').locator('tbody tr').first().click();
    await clerk.getByTestId('check-record').click();
    assert.match(await notice(clerk), /2026年度の現況確認を記録しました/);
    await shoot(clerk, '86-quality-checks');
  });

  it('DP-4: the creator makes a report of two members and opens it with the password (a wrong one is refused); it prints; another clerk never sees it', async () => {
    await clerk.locator('[data-menu=reports]').click();
    await clerk.locator('#reportIds').fill('Q000000001\nQ000000002');
    await clerk.locator('#reportPassword').fill(CLERK_PASSWORD);
    await clerk.getByTestId('report-create').click();
    assert.match(await notice(clerk), /帳票 RPT-\d{8}-[0-9A-F]{8} を作成しました（2 件、2026-11-2\d \d\d:\d\d に自動削除）/);
    const row = clerk.getByTestId('reports-table').locator('tbody tr');
    assert.equal(await row.count(), 1);
    const reportId = (await row.getAttribute('data-report-id')) ?? '';
    assert.match(await row.innerText(), /個人番号入力結果一覧|個人番号/);
    assert.deepEqual(await twelveDigitRunsInDom(clerk), [], 'the list never shows a number');
    await shoot(clerk, '87-reports');

    await row.getByTestId('report-open').click();
    await clerk.locator('#reportOpenPassword').fill('Wrong-pass-2026x');
    await clerk.getByTestId('report-open-yes').click();
    assert.match(await notice(clerk), /パスワードが違います/);
    await clerk.locator('#reportOpenPassword').fill(CLERK_PASSWORD);
    await clerk.getByTestId('report-open-yes').click();
    const sheet = clerk.getByTestId('report-sheet');
    await sheet.waitFor();
    const numbers = (await clerk.getByTestId('report-number').allInnerTexts()).map((n) => n.replace(/\D/g, ''));
    assert.deepEqual(numbers, [demoMyNumber(1), demoMyNumber(2)]);
    assert.match(await sheet.innerText(), new RegExp(`帳票ID ${reportId}`));
    await shoot(clerk, '88-report-open');
    // The print path: the button calls window.print(); the print stylesheet shows the paper alone.
    await clerk.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '1');
    });
    await clerk.getByTestId('report-print').click();
    assert.equal(await clerk.locator('html').getAttribute('data-printed'), '1');
    await clerk.emulateMedia({ media: 'print' });
    assert.equal(await clerk.getByTestId('banner').isVisible(), false);
    assert.equal(await clerk.getByTestId('report-print').isVisible(), false);
    await shoot(clerk, '89-report-print');
    await clerk.emulateMedia({ media: 'screen' });
    // Closing drops the lines: nothing of the report is left on screen.
    await clerk.getByTestId('report-close').click();
    await clerk.getByTestId('reports-table').waitFor();
    assert.deepEqual(await twelveDigitRunsInDom(clerk), []);
    await clerk.close();

    // DP-4: another clerk with the same rights sees no report, and cannot open it by its ID either.
    const other = await clerkPage(OTHER);
    await other.locator('[data-menu=reports]').click();
    await other.getByTestId('reports-none').waitFor();
    assert.equal(await other.getByTestId('reports-table').count(), 0);
    await other.close();
    const conn = new Connection('test');
    await h.call(conn, 'auth.login', { userId: OTHER, password: CLERK_PASSWORD });
    await h.call(conn, 'session.declareBusiness', { business: 'tekiyo' });
    assert.deepEqual((await h.call(conn, 'report.list', {})).reports, []);
    const refused = await h.call(conn, 'report.open', { reportId, password: CLERK_PASSWORD });
    assert.equal(refused.ok ? 'opened' : refused.problem.code, 'report_creator_only');
  });
});
