// Requests, inquiries and incidents in Chromium through the dev host (RQ-1..RQ-3): the manager records
// a 様式1 request received 40 days ago (overdue), reviews and answers it; receives a serious-leak inquiry
// that carries the chair flag and cannot be answered before the 理事長判断; opens a serious incident,
// walks the first steps in order, is refused a step out of order, and records the report to the commission.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ERROR_MESSAGES, formatMessage } from '../../shared/i18n';
import { MANAGER, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness } from './harness';

const japanDate = (d: Date): string => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(d);

describe('E2E requests and incidents (Chromium, dev host)', { timeout: 60_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let today = '';

  beforeAll(async () => {
    h = await startHarness();
    await setUpThroughRouter(h, [{ members: 5, withMyNumberRatio: 0 }]);
    today = japanDate(h.clock.now());
    browser = await launchChromium();
    page = await newPage(browser);
    // The browser's "today" (the default 受付日) and "now" follow the main process's clock.
    await page.clock.install({ time: h.clock.now() });
    await page.goto(h.host.issueUrl());
    await logIn(page, MANAGER.userId, MANAGER.password);
    await page.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await page.getByTestId('banner').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function notice(): Promise<string> {
    const text = page.getByTestId('notice').locator('span');
    await text.waitFor();
    return text.innerText();
  }
  /** Screenshots show a side panel from its top (a click may have scrolled it). */
  async function panelToTop(testId: string): Promise<void> {
    await page.getByTestId(testId).evaluate((e) => e.scrollTo(0, 0));
  }
  async function closeNotice(): Promise<void> {
    await page.getByTestId('notice').getByRole('button').click();
  }

  it('RQ-1: a 様式1 request is recorded with its deadline and overdue flag, reviewed and answered; a 12-digit number is refused', async () => {
    await page.locator('[data-menu=requests]').click();
    await page.getByTestId('new-disclosure').click();
    const form = page.getByTestId('disclosure-form');
    const received = japanDate(new Date(h.clock.now().getTime() - 40 * 86_400_000));
    const due = japanDate(new Date(h.clock.now().getTime() - 10 * 86_400_000));
    assert.equal(await form.locator('#rqReceivedOn').inputValue(), today);
    await form.locator('#rqRequester').fill('山本 一郎');
    await form.locator('#rqIdentity').fill('運転免許証（原本提示）');
    await form.locator('#rqShikakuId').fill('Q000000001');
    await form.locator('#rqReceivedOn').fill(received);
    // No My Number in a request: 12 digits in the content are refused by the main process.
    await form.locator('#rqContent').fill('保有個人データの開示 123456789012');
    await form.getByTestId('receive-disclosure').click();
    assert.match(await notice(), /入力内容に誤りがあります/);
    await form.locator('#rqContent').fill('令和8年度の資格取得に関する保有個人データの開示を求める。');
    await form.getByTestId('receive-disclosure').click();
    assert.equal(await notice(), `KJ-000001 を受け付けました（回答期限 ${due}）。`);

    const row = page.locator('[data-testid=disclosure-table] tr[data-request-id="KJ-000001"]');
    assert.match(await row.innerText(), new RegExp(`様式1 開示依頼書\\s+開示\\s+山本 一郎\\s+${received}\\s+${due}\\s*期限超過\\s+受付`));
    const detail = page.getByTestId('disclosure-detail');
    await detail.locator('#rqNote').fill('開示対象の確認を開始');
    await detail.getByTestId('review-disclosure').click();
    assert.equal(await notice(), 'KJ-000001 を「検討中」にしました。');
    await page.locator('[data-testid=disclosure-detail][data-status=in_review]').waitFor();
    await detail.locator('#rqAnswer').fill('資格取得日・被保険者番号を記載した書面により開示する。');
    await closeNotice();
    await panelToTop('disclosure-panel');
    await shoot(page, '70-requests-disclosure');
    await detail.getByTestId('answer-disclosure').click();
    assert.equal(await notice(), 'KJ-000001 を「回答済」にしました。');
    await page.locator('[data-testid=disclosure-detail][data-status=answered]').waitFor();
    assert.equal(await detail.getByTestId('disclosure-status').innerText(), '回答済');
    // Answered: no longer overdue, and the 経過 holds each step in order.
    await row.getByText('回答済').waitFor();
    assert.equal(await row.getByTestId('overdue-flag').count(), 0);
    assert.deepEqual(await detail.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event'))), ['received', 'in_review', 'answered']);
    // A second answer is a state the request is no longer in.
    assert.equal(await detail.getByTestId('answer-disclosure').count(), 0);
  });

  it('RQ-2: a serious-leak inquiry is rank A with the chair flag; it is answered only after the manager records the 理事長判断', async () => {
    await page.locator('[data-tab=requests-inquiries]').click();
    await page.getByTestId('new-inquiry').click();
    const form = page.getByTestId('inquiry-form');
    await form.locator('#iqRequester').fill('株式会社サンプル 人事部 佐々木');
    await form.locator('#iqContact').fill('03-0000-0000');
    await form.locator('#iqContent').fill('当社従業員の個人番号が記載された書類が誤送付されたとの連絡');
    await form.locator('#iqPriority').selectOption('low');
    await form.locator('#iqUrgency').selectOption('low');
    assert.equal(await form.getByTestId('rank-preview').innerText(), 'C');
    await form.locator('#iqTeam').fill('総務課 管理（主担当）');
    await form.getByLabel('情報漏えい等の重大な事案に関する問合せ（理事長へ報告）').check();
    assert.equal(await form.getByTestId('rank-preview').innerText(), 'A');
    await form.getByTestId('receive-inquiry').click();
    assert.match(await notice(), /受付票 UK-000001 を起票しました（ランクA、回答期限 \d{4}-\d{2}-\d{2}）/);

    const row = page.locator('[data-testid=inquiry-table] tr[data-slip-no="UK-000001"]');
    assert.equal(await row.getByTestId('chair-flag').innerText(), '理事長報告・判断待ち');
    const detail = page.getByTestId('inquiry-detail');
    assert.match(await detail.getByTestId('chair-box').innerText(), /理事長へ報告済み/);
    // Answering first is refused by the main process, in the clerk's words.
    await detail.locator('#iqAnswer').fill('調査の上、改めて連絡する。');
    await detail.getByTestId('answer-inquiry').click();
    assert.equal(await notice(), formatMessage(ERROR_MESSAGES.inquiry_chair_decision_required, 'ja', { id: 'UK-000001' }));
    await detail.locator('#iqChairDecision').fill('事実確認を優先し、委員会への報告要否を本日中に判断する。');
    await closeNotice();
    await panelToTop('inquiry-panel');
    await shoot(page, '71-requests-inquiry-chair');
    await detail.getByTestId('record-chair').click();
    assert.equal(await notice(), 'UK-000001 の理事長判断を記録しました。');
    await row.locator('[data-testid=chair-flag]', { hasText: '理事長報告・判断済' }).waitFor();
    await detail.locator('#iqAnswer').fill('調査の上、改めて連絡する。');
    await detail.getByTestId('answer-inquiry').click();
    assert.equal(await notice(), 'UK-000001 の回答を記録しました。');
    await page.locator('[data-testid=inquiry-detail][data-status=answered]').waitFor();
    assert.equal(await detail.getByTestId('inquiry-status').innerText(), '回答済');
    assert.deepEqual(await detail.locator('[data-event]').evaluateAll((els) => els.map((e) => e.getAttribute('data-event'))), ['received', 'escalated', 'chair_decision', 'answered']);
  });

  it('RQ-3: a serious incident walks the first steps in order, a step out of order is refused, and the report to the commission is recorded', async () => {
    await page.locator('[data-tab=requests-incidents]').click();
    await page.getByTestId('new-incident').click();
    const form = page.getByTestId('incident-form');
    await form.locator('#icTitle').fill('個人番号記載書類の誤送付');
    await form.locator('#icSummary').fill('事業所あての通知に別事業所の従業員分が同封された。');
    // Times earlier than the main process's now (10:00 in Japan): a future time is refused.
    await form.locator('#icDiscoveredAt').fill(`${today}T09:00`);
    await form.getByLabel('重大事態（そのおそれを含む）').check();
    await form.getByTestId('open-incident').click();
    assert.equal(await notice(), '事案 RK-000001 を登録しました。');
    const row = page.locator('[data-testid=incident-table] tr[data-incident-id="RK-000001"]');
    assert.match(await row.innerText(), /手順1 責任者への報告・被害拡大の防止\s+重大事態\s*委員会への速報が未了/);

    const detail = page.getByTestId('incident-detail');
    const stepForm = detail.getByTestId('step-form');
    const record = async (time: string, notes: string): Promise<void> => {
      await stepForm.locator('#icStepAt').fill(`${today}T${time}`);
      await stepForm.locator('#icStepNotes').fill(notes);
      await stepForm.getByTestId('record-step').click();
    };
    assert.equal(await stepForm.locator('#icStep').inputValue(), '1');
    await record('09:10', '管理責任者へ報告。誤送付先へ連絡し書類の回収を依頼。');
    assert.equal(await notice(), '手順1「責任者への報告・被害拡大の防止」を記録しました。');
    await page.locator('[data-testid=incident-detail][data-next-step="2"]').waitFor();
    assert.equal(await stepForm.locator('#icStep').inputValue(), '2');

    // Step 3 before step 2: refused, in a sentence that names the step to record first.
    await stepForm.locator('#icStep').selectOption('3');
    await record('09:20', '影響範囲の確認');
    assert.equal(await notice(), formatMessage(ERROR_MESSAGES.incident_step_out_of_order, 'ja', { step: 3, name: '影響範囲の特定', previous: 2, previousName: '事実関係の調査・原因の究明' }));
    await shoot(page, '73-requests-incident-refused');
    assert.equal(await detail.locator('[data-step="3"].rq-step-done').count(), 0);

    await stepForm.locator('#icStep').selectOption('2');
    await record('09:30', '封入作業の手順を確認。宛名照合の漏れが原因。');
    assert.equal(await notice(), '手順2「事実関係の調査・原因の究明」を記録しました。');
    await page.locator('[data-testid=incident-detail][data-next-step="3"]').waitFor();

    // The immediate report of a serious incident is apart from the steps.
    const pre = detail.getByTestId('preliminary-box');
    await pre.locator('#icPreAt').fill(`${today}T09:40`);
    await pre.locator('#icPreNotes').fill('個人情報保護委員会へ電話で速報。');
    await pre.getByTestId('report-preliminary').click();
    assert.equal(await notice(), 'RK-000001 の委員会への速報を記録しました。');
    assert.match(await pre.getByTestId('preliminary-done').innerText(), /委員会へ速報済：\d{4}-\d{2}-\d{2} 09:40（管理 太郎）/);
    await page.locator('[data-testid=incident-table] tr[data-incident-id="RK-000001"]', { hasNotText: '速報が未了' }).waitFor();
    assert.deepEqual(await detail.locator('.rq-step-done').evaluateAll((els) => els.map((e) => e.getAttribute('data-step'))), ['1', '2']);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await closeNotice();
    await panelToTop('incident-panel');
    await shoot(page, '72-requests-incident-steps');

    const incident = h.host.kura.store.db.prepare('SELECT count(*) AS n FROM leak_incident_steps WHERE incident_id = ?').get('RK-000001') as { n: number };
    assert.equal(incident.n, 2);
  });
});
