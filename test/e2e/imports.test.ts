// Issue 5 in Chromium through the dev host: a clerk with EDIT in 適用 names an employer file (CSV,
// synthetic members and numbers), watches it being read, reviews the rows with the filters (errors
// only, per check), confirms with the warnings accepted; the numbers are registered, the source file
// is gone and logged, and the receipts are written. A VIEW clerk is not offered the screen at all.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClamAvScanner, type FileScanner, type ScanResult } from '../../main/core/imports';
import { INPUT_HEADER, csvText, inputRow } from '../fixtures/imports/generate';
import { MEMBERS, NUMBERS, wrongCheckDigit } from '../fixtures/imports/members';
import { writeEicarSignatures } from '../imports/helpers';
import { CLERK_PASSWORD, INITIAL_PASSWORD, changePassword, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness } from './harness';

/** Five rows: two good, one with a wrong check digit (19), one without the memo reason 9 needs (21), one warning (sex differs). */
function employerFile(): string {
  const warning = inputRow(4);
  warning[8] = '1';
  return csvText([INPUT_HEADER, inputRow(0), inputRow(2), inputRow(3, { number: wrongCheckDigit('14142135623') }), inputRow(1, { number: '', reason: '9' }), warning]);
}

/**
 * ClamAV with the test signatures, plus the time real definitions take on a large file (the test
 * database is tiny). The dev host runs in this process, so the pause is also what lets the test
 * look at the progress panel while the file is being read.
 */
class LargeFileScanner implements FileScanner {
  readonly name: string;
  constructor(private readonly inner: ClamAvScanner) {
    this.name = inner.name;
  }
  async scan(bytes: Uint8Array): Promise<ScanResult> {
    if (bytes.length > 256 * 1024) await sleep(1500);
    return this.inner.scan(bytes);
  }
}

describe('E2E employer-file import (Chromium, dev host)', { timeout: 90_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  let inbox: string;

  beforeAll(async () => {
    inbox = mkdtempSync(join(tmpdir(), 'kura-e2e-inbox-'));
    const signatures = writeEicarSignatures(inbox);
    h = await startHarness({ imports: { scanner: new LargeFileScanner(new ClamAvScanner({ databasePath: signatures })), society: 'テスト健康保険組合' } });
    await setUpThroughRouter(h, []);
    for (const m of MEMBERS) h.host.kura.members.insert(m);
    await h.addClerk('tekiyo.edit', 'EDIT', ['tekiyo']);
    await h.addClerk('tekiyo.view', 'VIEW', ['tekiyo']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    rmSync(inbox, { recursive: true, force: true });
  });

  async function clerkIn(userId: string): Promise<Page> {
    const p = await newPage(browser);
    await p.goto(h.host.issueUrl());
    await logIn(p, userId, INITIAL_PASSWORD);
    await changePassword(p, INITIAL_PASSWORD, CLERK_PASSWORD);
    await p.locator('[data-business=tekiyo]').click();
    await p.getByTestId('banner-business').getByText('適用').waitFor();
    return p;
  }

  const shown = async () => (await page.getByTestId('shown-rows').innerText()).replace(/\D/g, '');
  const results = async () => page.locator('[data-testid=import-rows] [data-result]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-result')));

  it('DQ-2: a clerk with EDIT in 適用 reads an employer file and reviews every row, filtered to errors and to one check; no number reaches the screen', async () => {
    const path = join(inbox, '0101-個人番号.csv');
    writeFileSync(path, employerFile());
    page = await clerkIn('tekiyo.edit');
    await page.locator('[data-menu=imports]').click();
    await page.locator('#importPath').fill('relative/file.csv');
    assert.equal(await page.getByTestId('preview-button').isDisabled(), true, 'a relative path cannot be sent');
    await page.locator('#importPath').fill(path);
    await shoot(page, '50-import-choose');
    await page.getByTestId('preview-button').click();
    await page.getByTestId('import-review').waitFor();
    assert.match(await page.getByTestId('import-encoding').innerText(), /UTF-8/, 'the screen says which encoding the reader used');
    assert.equal(await shown(), '5');
    assert.deepEqual(await results(), ['ok', 'ok', 'error', 'error', 'warning']);
    assert.deepEqual(await page.getByTestId('has-number').allInnerTexts(), ['記載あり', '記載あり', '記載あり', '空欄', '記載あり']);
    assert.deepEqual(await twelveDigitRunsInDom(page), [], 'the review never shows a My Number');
    await shoot(page, '52-import-review');

    await page.locator('[data-filter=error]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=shown-rows]')?.textContent?.includes('2'));
    assert.deepEqual(await results(), ['error', 'error']);
    await shoot(page, '53-import-review-errors');
    await page.locator('[data-check="19"]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=shown-rows]')?.textContent?.match(/\b1\b/));
    assert.deepEqual(await page.locator('[data-testid=import-rows] [data-line]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-line'))), ['4']);
    assert.match(await page.locator('[data-testid=import-rows] [data-line="4"]').innerText(), /チェックデジット/);
    await page.locator('[data-filter=all]').click();
    await page.waitForFunction(() => document.querySelector('[data-testid=shown-rows]')?.textContent?.includes('5'));
    assert.equal(h.host.kura.vault.status('QT0000001').registered, false, 'nothing is registered before the confirmation');
  });

  it('DQ-2, DP-5: confirming with the warnings accepted registers the good and warned rows in one go; the source file is deleted and logged; receipts are written', async () => {
    const path = join(inbox, '0101-個人番号.csv');
    assert.equal(existsSync(path), true);
    await page.getByTestId('accept-warnings').check();
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-outcome').waitFor();
    assert.equal(await page.locator('[data-figure=outRegistered] dd').innerText(), '3');
    assert.equal(await page.locator('[data-figure=outRejected] dd').innerText(), '2');
    await page.getByTestId('source-erased').waitFor();
    assert.equal(existsSync(path), false, 'DP-5: the employer file is gone');
    const erased = h.host.kura.audit.recent(10, 'imports.sourceDeleted');
    assert.equal(erased[0]?.outcome, 'ok');
    assert.equal(erased[0]?.operator, 'tekiyo.edit');
    for (const id of ['QT0000001', 'QT0000003', 'QT0000005']) assert.equal(h.host.kura.vault.status(id).registered, true, `${id} registered`);
    for (const id of ['QT0000002', 'QT0000004']) assert.equal(h.host.kura.vault.status(id).registered, false, `${id} (error row) not registered`);
    assert.equal(h.host.kura.vault.findHolder(NUMBERS.QT0000001), 'QT0000001');
    assert.equal(await page.getByTestId('import-status').innerText(), '登録済・元ファイル削除済');

    await page.getByTestId('make-receipts').click();
    await page.getByTestId('receipt-files').waitFor();
    const paths = await page.locator('[data-testid=receipt-files] td.path').allInnerTexts();
    assert.equal(paths.length, 4, 'a receipt and an error list for each of the two employers');
    for (const p of paths) assert.equal(existsSync(p), true, `${p} written`);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await shoot(page, '54-import-done');

    await page.locator('[data-tab=imports-history]').click();
    await page.getByTestId('history-table').waitFor();
    assert.match(await page.locator('[data-testid=history-table] tbody tr').first().innerText(), /登録済/);
    await shoot(page, '55-import-history');
  });

  it('DQ-2, DP-5: a large file shows its progress while it is read; abandoning it registers nothing and deletes the file', async () => {
    // 10,000 rows of employees the society does not know: every row is an error, which is beside the point here.
    const rows = Array.from({ length: 10_000 }, (_, i) => inputRow(0, { hihokensha: String(10_000_000 + i) }));
    const path = join(inbox, 'large.csv');
    writeFileSync(path, csvText([INPUT_HEADER, ...rows]));
    await page.locator('[data-tab=imports]').click();
    await page.getByTestId('new-import').click();
    await page.locator('#importPath').fill(path);
    // The page keeps every progress line it shows (the main process is busy in this same Node process).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { progressSeen: string[] }).progressSeen = seen;
      new MutationObserver(() => {
        const text = document.querySelector('[data-testid=import-progress]')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByTestId('preview-button').click();
    const progress = page.getByTestId('import-progress');
    await progress.getByText('ファイルの読込とウイルスチェック').waitFor();
    await shoot(page, '51-import-progress');
    await page.getByTestId('import-review').waitFor({ timeout: 20_000 });
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    assert.ok(seen.some((s) => s.startsWith('読込中…ファイルの読込とウイルスチェック')), seen.join(' / '));
    assert.equal(await shown(), '10000');
    await page.getByTestId('abandon').click();
    await page.getByTestId('abandon-yes').click();
    await page.locator('[data-testid=import-outcome][data-outcome=abandoned]').waitFor();
    assert.equal(existsSync(path), false, 'DP-5: an abandoned file is deleted as well');
    assert.equal(await page.getByTestId('import-status').innerText(), '破棄・元ファイル削除済');
    assert.equal(h.host.kura.vault.status('QT0000001').registered, true, 'the earlier import stays registered');
  });

  it('AC-11: a clerk with VIEW in 適用 is not offered the import screen (the router refuses imports.preview anyway)', async () => {
    const viewer = await clerkIn('tekiyo.view');
    await viewer.locator('[data-menu=search]').waitFor();
    assert.equal(await viewer.locator('[data-menu=imports]').count(), 0);
    await viewer.close();
  });
});
