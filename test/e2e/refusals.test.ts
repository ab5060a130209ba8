// RT-4 in Chromium through the dev host, with two people: an EDIT clerk records a refused
// qualification in 資格否認の記録・確定 (nothing is erased), withdraws a mistaken one with a reason, and
// cannot confirm her own; the manager, who is not the recorder, confirms after a check and only then
// the My Number is erased.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { CLERK_PASSWORD, MANAGER, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness, notice, dismissNotice, numberStored } from './harness';

const CLERK = 'hinin.tekiyo';
const REFUSED = 'Q000000001';
const MISTAKE = 'Q000000002';

describe('E2E RT-4: refused qualification, recorded by one and confirmed by another (Chromium, dev host)', { timeout: 120_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let clerk: Page;
  let manager: Page;

  beforeAll(async () => {
    h = await startHarness();
    await setUpThroughRouter(h, [{ members: 10, withMyNumberRatio: 1 }]);
    await h.addActiveClerk(CLERK, 'EDIT', ['tekiyo']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  it('RT-4: the clerk records a refusal; nothing is erased, it waits for a second person, and she is offered no confirmation', async () => {
    clerk = await newPage(browser);
    await clerk.clock.install({ time: h.clock.now() });
    await clerk.goto(h.host.issueUrl());
    await logIn(clerk, CLERK, CLERK_PASSWORD);
    await clerk.locator('[data-business=tekiyo]').click();
    await clerk.getByTestId('banner').waitFor();
    await clerk.locator('[data-menu=retention-refusal]').click();
    const screen = clerk.getByTestId('retention-refusal');
    await screen.getByText('確定待ちの資格否認はありません。').waitFor();

    await clerk.locator('#refusalShikakuId').fill(REFUSED.toLowerCase());
    await clerk.locator('#refusalDate').fill('2026-11-20');
    await clerk.locator('#refusalReason').fill('被扶養者の収入要件を満たさないため認定せず');
    await clerk.getByTestId('refusal-submit').click();
    assert.match(await notice(clerk), /資格ID Q000000001 の資格否認を記録しました。記録者以外の管理責任者が確定すると、個人番号が消去されます。/);
    assert.ok(numberStored(h, REFUSED), 'recording alone erases nothing');
    const row = clerk.getByTestId('refusal-pending').locator(`tr[data-shikaku-id=${REFUSED}]`);
    assert.match(await row.innerText(), /Q000000001\s+2026-11-20\s+被扶養者の収入要件を満たさないため認定せず\s+hinin\.tekiyo/);
    assert.equal(await row.getByTestId('refusal-confirm-open').count(), 0, 'no confirmation offered to the recorder');
    assert.deepEqual(await twelveDigitRunsInDom(clerk), []);
    await dismissNotice(clerk);
    await shoot(clerk, '94-refusal-recorded');
  });

  it('RT-4: a mistaken refusal is withdrawn by its recorder with a reason (logged); the number stays', async () => {
    await clerk.locator('#refusalShikakuId').fill(MISTAKE);
    await clerk.locator('#refusalReason').fill('資格取得届の要件不備');
    await clerk.getByTestId('refusal-submit').click();
    assert.match(await notice(clerk), /Q000000002 の資格否認を記録しました/);
    await dismissNotice(clerk);
    await clerk.getByTestId('refusal-pending').locator(`tr[data-shikaku-id=${MISTAKE}]`).getByTestId('refusal-cancel-open').click();
    const dialog = clerk.getByTestId('refusal-cancel');
    assert.equal(await dialog.getByTestId('refusal-cancel-yes').isDisabled(), true, 'a reason is needed first');
    await dialog.locator('#refusalCancelReason').fill('資格IDの入力誤り');
    await shoot(clerk, '95-refusal-cancel');
    await dialog.getByTestId('refusal-cancel-yes').click();
    assert.match(await notice(clerk), /資格ID Q000000002 の資格否認を取り消しました。/);
    assert.equal(await clerk.getByTestId('refusal-pending').locator(`tr[data-shikaku-id=${MISTAKE}]`).count(), 0);
    assert.ok(numberStored(h, MISTAKE));
    const entry = h.host.kura.audit.recent(1, 'retention.cancelRefusal')[0];
    assert.deepEqual([entry?.operator, entry?.target, entry?.outcome, entry?.detail.reason], [CLERK, MISTAKE, 'ok', '資格IDの入力誤り']);
  });

  it('RT-4: the manager (not the recorder) confirms after ticking the check, and only then the number is erased', async () => {
    manager = await newPage(browser);
    await manager.clock.install({ time: h.clock.now() });
    await manager.goto(h.host.issueUrl());
    await logIn(manager, MANAGER.userId, MANAGER.password);
    await manager.getByRole('button', { name: '個人番号を扱わずに続ける' }).click();
    await manager.getByTestId('banner').waitFor();
    await manager.locator('[data-menu=retention-refusal]').click();
    const screen = manager.getByTestId('retention-refusal');
    // A manager records nothing (that is EDIT work): the form is not offered, only the list.
    await screen.getByTestId('refusal-pending').waitFor();
    assert.equal(await screen.getByTestId('refusal-submit').count(), 0);

    const row = screen.getByTestId('refusal-pending').locator(`tr[data-shikaku-id=${REFUSED}]`);
    await row.getByTestId('refusal-confirm-open').click();
    const dialog = manager.getByTestId('refusal-confirm');
    assert.match(await dialog.innerText(), /資格ID Q000000001 の資格否認（記録者 hinin\.tekiyo、理由「被扶養者の収入要件を満たさないため認定せず」）を確定し/);
    assert.equal(await dialog.getByTestId('refusal-confirm-yes').isDisabled(), true, 'nothing is erased before the check');
    await dialog.getByRole('button', { name: '戻る' }).click();
    assert.ok(numberStored(h, REFUSED));

    await row.getByTestId('refusal-confirm-open').click();
    await dialog.getByTestId('refusal-confirm-check').check();
    assert.deepEqual(await twelveDigitRunsInDom(manager), []);
    await shoot(manager, '96-refusal-confirm');
    await dialog.getByTestId('refusal-confirm-yes').click();
    assert.match(await notice(manager), /資格ID Q000000001 の資格否認を確定し、個人番号を消去しました。/);
    assert.equal(numberStored(h, REFUSED), false);
    assert.ok(numberStored(h, 'Q000000003'), 'other members keep theirs');
    await screen.getByText('確定待ちの資格否認はありません。').waitFor();
    const entry = h.host.kura.audit.recent(1, 'retention.confirmRefusal')[0];
    assert.deepEqual([entry?.operator, entry?.target, entry?.outcome, entry?.detail.recordedBy], [MANAGER.userId, REFUSED, 'ok', CLERK]);
    await dismissNotice(manager);
    await shoot(manager, '97-refusal-confirmed');
  });
});
