// AC-9, AC-11 in the browser: a NONE user walks the clerk's screens and no 12-digit number reaches
// the page (markup, visible text, or any WebSocket frame); a VIEW user in 給付 gets 10,000 results
// in a virtual list that keeps the DOM small.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { CLERK_PASSWORD, INITIAL_PASSWORD, changePassword, launchChromium, logIn, newPage, searchKana, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness } from './harness';

describe('E2E access (Chromium, dev host)', { timeout: 180_000 }, () => {
  let h: Harness;
  let browser: Browser;

  beforeAll(async () => {
    h = await startHarness();
    // 200 members who all have a number (so there is something to leak), then 60,000 without, so
    // one kana prefix has more than 10,000 members.
    await setUpThroughRouter(h, [
      { members: 200, withMyNumberRatio: 1 },
      { members: 60_000, withMyNumberRatio: 0 },
    ]);
    await h.addClerk('sato.jiro', 'NONE', ['kyufu']);
    await h.addClerk('suzuki.ken', 'VIEW', ['kyufu']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
  });

  async function openAs(userId: string, firstLogin: boolean): Promise<{ page: Page; frames: string[] }> {
    const page = await newPage(browser);
    const frames: string[] = [];
    page.on('websocket', (ws) => ws.on('framereceived', (f) => frames.push(String(f.payload))));
    await page.goto(h.host.issueUrl());
    if (firstLogin) {
      await logIn(page, userId, INITIAL_PASSWORD);
      await changePassword(page, INITIAL_PASSWORD, CLERK_PASSWORD);
    } else {
      await logIn(page, userId, CLERK_PASSWORD);
    }
    await page.locator('[data-business=kyufu]').click();
    await page.getByTestId('banner').waitFor();
    return { page, frames };
  }

  it('AC-9, AC-11: a NONE user in 給付 walks search and detail, and no 12-digit number is anywhere in the DOM', async () => {
    const { page, frames } = await openAs('sato.jiro', true);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    // AC-11: no search by 個人番号 offered.
    assert.deepEqual(await page.locator('#searchBy option').allTextContents(), ['資格ID', '被保険者番号', 'カナ氏名（前方一致）']);

    await searchKana(page, 'サ');
    await page.getByTestId('result-table').waitFor();
    // AC-9: no 個人番号 column, not even 登録済/未登録.
    assert.equal(await page.getByRole('columnheader', { name: '個人番号' }).count(), 0);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await shoot(page, '13-none-search');

    // A member known to hold a number (the first 200 all do), found by 資格ID.
    const target = 'Q000000001';
    assert.equal(h.host.kura.vault.status(target).registered, true);
    await page.locator('#searchBy').selectOption('shikakuId');
    await page.locator('#searchQuery').fill(target);
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.getByTestId('result-count').getByText('1 件').waitFor();
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await page.locator(`.result-row[data-shikaku-id="${target}"]`).click();
    await page.getByTestId('member-detail').waitFor();
    assert.equal(await page.getByTestId('mynumber-section').count(), 0);
    assert.equal(await page.getByTestId('reveal-button').count(), 0);
    assert.equal(await page.getByText('●●●●').count(), 0);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await shoot(page, '14-none-detail');

    // Lock and back: the lock screen holds nothing either.
    await page.getByTestId('lock-button').click();
    await page.getByRole('heading', { name: '画面ロック中' }).waitFor();
    assert.deepEqual(await twelveDigitRunsInDom(page), []);

    // Nothing the main process sent this user carried a 12-digit run.
    assert.ok(frames.length > 5);
    assert.deepEqual(frames.filter((f) => TWELVE_DIGIT_RUN.test(f)), []);
    await page.context().close();
  });

  it('AC-9: a VIEW user in 給付 sees the masked number and 表示, but no register or correct action', async () => {
    const { page } = await openAs('suzuki.ken', true);
    // AC-11: VIEW may search by 個人番号.
    assert.ok((await page.locator('#searchBy option').allTextContents()).includes('個人番号'));
    await page.locator('#searchBy').selectOption('shikakuId');
    await page.locator('#searchQuery').fill('Q000000001');
    await page.getByRole('button', { name: '検索', exact: true }).click();
    await page.locator('.result-row').first().click();
    await page.getByTestId('mynumber-masked').waitFor();
    assert.equal(await page.getByTestId('reveal-button').count(), 1);
    assert.equal(await page.getByTestId('register-button').count(), 0);
    assert.equal(await page.getByTestId('correct-button').count(), 0);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await page.context().close();
  });

  it('AC-9: 10,000 results for a VIEW user in 給付 render in a virtual list: few rows in the DOM, the last one reachable', async () => {
    const { page } = await openAs('suzuki.ken', false);
    await searchKana(page, 'ヤ', '10000');
    await page.getByTestId('result-count').getByText('10,000 件').waitFor();
    const rowsInDom = await page.locator('.result-row').count();
    assert.ok(rowsInDom > 10 && rowsInDom < 60, `rows in DOM: ${rowsInDom}`);
    await shoot(page, '15-search-10000');

    // Scroll through the whole list in steps, timing frames: the DOM stays small all the way down.
    const scroll = (await page.evaluate(`(async () => {
      const body = document.querySelector('[data-testid=result-body]');
      const gaps = [];
      let last = performance.now();
      let maxRows = 0;
      for (let i = 1; i <= 40; i++) {
        body.scrollTop = (body.scrollHeight * i) / 40;
        await new Promise((r) => requestAnimationFrame(() => r()));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
        maxRows = Math.max(maxRows, body.querySelectorAll('.result-row').length);
      }
      gaps.sort((a, b) => a - b);
      return { maxRows, medianFrameMs: gaps[20] };
    })()`)) as { maxRows: number; medianFrameMs: number };
    assert.ok(scroll.maxRows < 60, `rows in DOM while scrolling: ${scroll.maxRows}`);
    console.log(`10,000-row list: median frame while scrolling ${scroll.medianFrameMs.toFixed(1)} ms`);
    // A generous bound (60 fps is 16.7 ms): rendering all 10,000 rows would take far longer per frame.
    assert.ok(scroll.medianFrameMs < 100, `median frame ${scroll.medianFrameMs} ms`);
    const lastShown = await page.locator('.result-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shikaku-id')));
    const all = await h.call(await h.manager(), 'member.search', { by: 'kanaName', query: 'ヤ', limit: 10000 });
    assert.ok(lastShown.includes(all.members.at(-1)!.shikakuId), 'the 10,000th member is rendered at the bottom');
    await page.context().close();
  });
});
