// Information linkage in Chromium through the dev host (LK-1..LK-4, AC-7, AC-11): a LINK user in 情報連携
// is offered only the procedures of their businesses and builds an inquiry whose file names people by
// 被保険者枝番 only (no 12-digit number, no 資格ID); answers are entered and tied back; 情報提供等記録 are
// read from a file and searched by 資格ID; the J-LIS answer is matched line by line without showing a
// number. A VIEW user, and the LINK user while another business is declared, have no linkage menu.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { ClamAvScanner } from '../../main/core/imports';
import { IDENTITY_ITEMS, RECORD_ITEMS } from '../../main/core/linkage';
import type { Member } from '../../main/core/members';
import { writeEicarSignatures } from '../imports/helpers';
import { PEOPLE, syntheticNumber } from '../linkage/kit';
import { CLERK_PASSWORD, INITIAL_PASSWORD, changePassword, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness } from './harness';

const csv = (lines: readonly (readonly string[])[]): string => `${lines.map((cells) => cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

/** One J-LIS answer line (27 items) with the items the match reads filled in. */
function identityLine(number: string, name: string, kana: string, birth: string): string[] {
  const cells: string[] = IDENTITY_ITEMS.map(() => '');
  cells[3] = '個人番号';
  cells[5] = '健康保険法';
  cells[9] = number;
  cells[13] = '中央区';
  cells[16] = name;
  cells[17] = kana;
  cells[22] = birth;
  cells[26] = '0001';
  return cells;
}

/** One 情報提供等記録 line (12 items, file order). */
function recordLine(shoriNo: string, edaban: string, overrides: Partial<Record<string, string>> = {}): string[] {
  const values: Record<string, string> = {
    shoriNo, shoriEdaban: '1', jimuName: '健康保険法による保険給付の支給に関する事務', tetsuzukiName: '高額療養費の支給', shokaishaBusho: '給付課', teikyoshaBusho: '中央区 税務課',
    requestedAt: '2026-11-20 10:15:00', providedAt: '2026-11-20 10:16:00', tokuteiName: '地方税関係情報（所得区分）', fukaijiCode: '', kagoCode: '', hihokenshaEdaban: edaban, ...overrides,
  };
  return RECORD_ITEMS.map(([key]) => values[key] ?? '');
}

describe('E2E information linkage (Chromium, dev host)', { timeout: 60_000 }, () => {
  let h: Harness;
  let browser: Browser;
  let page: Page;
  const edabans: string[] = [];
  let signatures = '';

  beforeAll(async () => {
    // Linkage files are virus-checked before they are read (MD-5): ClamAV with the test signature file.
    signatures = mkdtempSync(join(tmpdir(), 'kura-e2e-sigs-'));
    h = await startHarness({ imports: { scanner: new ClamAvScanner({ databasePath: writeEicarSignatures(signatures) }) } });
    await setUpThroughRouter(h, [{ members: 5, withMyNumberRatio: 1 }]);
    const kura = h.host.kura;
    let n = 1;
    for (const p of Object.values(PEOPLE)) {
      const member: Member = {
        shikakuId: p.shikakuId, jigyoshoKigo: '0900', hihokenshaNo: String(90000 + n++).padStart(8, '0'), edaban: '00', kubun: 1, zokugara: null,
        kanjiName: p.kanjiName, kanaName: p.kanaName, birthDate: p.birthDate, sex: p.sex, shutokuDate: '2010-04-01', soshitsuDate: null,
      };
      kura.store.transaction(() => {
        kura.members.insert(member);
        if (p.myNumber) kura.vault.register(p.shikakuId, p.myNumber);
      });
    }
    await h.addClerk('renkei.link', 'LINK', ['renkei', 'kyufu']);
    await h.addClerk('kyufu.view', 'VIEW', ['kyufu']);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    if (signatures) rmSync(signatures, { recursive: true, force: true });
  });

  async function notice(): Promise<string> {
    const text = page.getByTestId('notice').locator('span');
    await text.waitFor();
    return text.innerText();
  }
  const menu = async (p: Page): Promise<(string | null)[]> => p.locator('.banner-menu [data-menu]').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu')));

  async function signIn(userId: string, business: string): Promise<Page> {
    const p = await newPage(browser);
    await p.goto(h.host.issueUrl());
    await logIn(p, userId, INITIAL_PASSWORD);
    await changePassword(p, INITIAL_PASSWORD, CLERK_PASSWORD);
    await p.locator(`[data-business=${business}]`).click();
    await p.getByTestId('banner').waitFor();
    return p;
  }

  it('AC-11: a VIEW user has no linkage menu; AC-7: the LINK user sees it only while 情報連携 is declared', async () => {
    const viewer = await signIn('kyufu.view', 'kyufu');
    const viewerMenu = await menu(viewer);
    assert.ok(!viewerMenu.includes('linkage'), `no linkage for VIEW: ${viewerMenu.join(',')}`);
    assert.ok(viewerMenu.includes('requests'), 'VIEW handles requests (requests.handle)');
    await shoot(viewer, '78-linkage-view-user-menu');
    await viewer.context().close();

    page = await signIn('renkei.link', 'kyufu');
    assert.ok(!(await menu(page)).includes('linkage'), 'LINK in 給付: no linkage menu');
    await page.locator('[data-menu=business]').click();
    await page.locator('[data-business=renkei]').click();
    await page.getByTestId('banner-business').getByText('情報連携').waitFor();
    assert.ok((await menu(page)).includes('linkage'), 'LINK in 情報連携: the linkage menu');
  });

  it('LK-4, LK-3: only the procedures of the user\u2019s businesses are offered, and the inquiry file carries 枝番 only, never 12 digits or a 資格ID', async () => {
    await page.locator('[data-menu=linkage]').click();
    await page.locator('[data-tab=linkage-inquiry]').click();
    const procedure = page.locator('#lkProcedureCode');
    await procedure.locator('option[value=K01]').waitFor({ state: 'attached' });
    // LK-4: 給付 procedures only (the table also holds 適用 T01/T02 and 徴収 C01).
    assert.deepEqual(await procedure.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)), ['', 'K01', 'K02']);
    await page.getByTestId('build-inquiry').click();
    assert.equal(await notice(), '事務手続を選んでください。');
    await procedure.selectOption('K01');
    assert.match(await page.getByTestId('procedure-facts').innerText(), /地方税関係情報（所得区分）/);
    await page.locator('#lkShikakuIds').fill(`${PEOPLE.sato.shikakuId}\n${PEOPLE.tanaka.shikakuId}\nQ000000001`);
    await page.getByTestId('build-inquiry').click();
    assert.match(await notice(), /^照会 SK-\d{8}-[A-Z]{6} を作成しました（3 件）。$/);

    // A textarea shows the file's CRLF line ends as LF.
    const file = await page.getByTestId('inquiry-file').inputValue();
    const lines = file.split(/\r?\n/);
    assert.equal(lines[0], '行番号,被保険者枝番,事務名称,事務手続名称,特定個人情報名称');
    assert.equal(lines.length, 4);
    for (const line of lines.slice(1)) edabans.push(line.split(',')[1]!);
    assert.ok(edabans.every((e) => /^[A-Z0-9]{1,20}$/.test(e)), edabans.join(','));
    // LK-3: no My Number and no 資格ID leaves in the file, though two of the three have a number registered.
    assert.equal(TWELVE_DIGIT_RUN.test(file), false);
    for (const id of [PEOPLE.sato.shikakuId, PEOPLE.tanaka.shikakuId, 'Q000000001']) assert.ok(!file.includes(id), `no 資格ID ${id} in the file`);
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await page.getByTestId('notice').getByRole('button').click();
    await shoot(page, '76-linkage-inquiry-built');

    // Answers are tied back to the member through the inquiry's 枝番.
    const entry = page.getByTestId('answer-entry');
    await entry.locator(`tr[data-edaban="${edabans[0]}"] input`).fill('所得区分：一般');
    await entry.locator(`tr[data-edaban="${edabans[2]}"] input`).fill('該当なし');
    await entry.getByTestId('save-answers').click();
    assert.equal(await notice(), '2 件の回答を処理しました（結び付け 2 件）。');
    assert.equal(await entry.locator(`tr[data-edaban="${edabans[0]}"] [data-testid=answer-outcome]`).innerText(), `登録（${PEOPLE.sato.shikakuId}）`);
    await page.locator('.screen-linkage').evaluate((e) => e.scrollTo(0, 0));
    await shoot(page, '77-linkage-answers');
    // An answer carrying 12 digits is never stored (the linkage path never holds a number): the router's
    // free-text guard refuses the call, or the inquiry refuses that row; the clerk is told either way.
    await entry.locator(`tr[data-edaban="${edabans[1]}"] input`).fill(`番号 ${syntheticNumber('12312312312')}`);
    await entry.getByTestId('save-answers').click();
    const said = await notice();
    const outcome = await entry.locator(`tr[data-edaban="${edabans[1]}"] [data-testid=answer-outcome]`).innerText();
    if (/12桁/.test(said)) assert.equal(outcome, '');
    else assert.deepEqual([said, outcome], ['1 件の回答を処理しました（結び付け 0 件）。', `12桁の数字を含むため登録しません（${PEOPLE.tanaka.shikakuId}）`]);
    const stored = h.host.kura.store.db.prepare('SELECT answer FROM linkage_inquiry_rows WHERE hihokensha_edaban = ?').get(edabans[1]) as { answer: string | null };
    assert.equal(stored.answer, null);
  });

  it('LK-1: 情報提供等記録 are read from a file (per-line errors shown) and found by 資格ID through the 枝番', async () => {
    const path = join(h.dir, 'provision-records.csv');
    writeFileSync(path, csv([
      RECORD_ITEMS.map(([, label]) => label),
      recordLine('P0001', edabans[0]!),
      recordLine('P0002', 'ZZ9999'),
      recordLine('P0003', edabans[1]!, { requestedAt: '2026-13-01 10:00' }),
    ]));
    await page.locator('[data-tab=linkage]').click();
    await page.getByTestId('records-count').getByText(/^0 件$/).waitFor();
    await page.locator('#lkRecordsPath').fill('provision-records.csv');
    await page.getByTestId('lkRecordsPath-form').getByRole('button').click();
    assert.equal(await notice(), '絶対パスで入力してください（/ または ドライブ名から始まるパス）。');
    await page.locator('#lkRecordsPath').fill(path);
    await page.getByTestId('lkRecordsPath-form').getByRole('button').click();
    assert.equal(await notice(), '3 行を読み込み、2 件を登録しました（重複 0 件、エラー 1 行）。');
    assert.match(await page.getByTestId('record-errors').innerText(), /4\s+.*提供の求めの日時/);
    await page.getByTestId('records-count').getByText(/^2 件$/).waitFor();

    await page.locator('#lkShikakuId').fill(PEOPLE.sato.shikakuId);
    await page.getByTestId('search-records').click();
    await page.getByTestId('records-count').getByText(/^1 件$/).waitFor();
    const row = await page.locator('[data-testid=records-table] tbody tr').innerText();
    assert.match(row, new RegExp(`P0001-1\\s+高額療養費の支給[\\s\\S]*2026-11-20 10:15[\\s\\S]*${edabans[0]}\\s+${PEOPLE.sato.shikakuId}`));
    await shoot(page, '74-linkage-records');
  });

  it('LK-2: the J-LIS answer is matched line by line; whether a number came is shown, the number never is', async () => {
    const path = join(h.dir, 'jlis-answer.csv');
    writeFileSync(path, csv([
      [...IDENTITY_ITEMS],
      identityLine(PEOPLE.sato.myNumber, '佐藤　花子', 'サトウ ハナコ', '19880503'),
      identityLine('', '鈴木　一郎', 'スズキ イチロウ', '1975-01-20'),
      identityLine(PEOPLE.tanaka.myNumber, '田中　次郎', 'タナカ ジロウ', '19910101'),
      identityLine('', '山田　太郎', 'ヤマダ タロウ', '19800101'),
    ]));
    await page.locator('[data-tab=linkage-identity]').click();
    await page.locator('#lkIdentityPath').fill(path);
    await page.getByTestId('lkIdentityPath-form').getByRole('button').click();
    assert.match(await notice(), /^取込番号 HK-\d{8}-[A-Z]{6}：4 行を照合しました。$/);
    const rows = page.locator('[data-testid=identity-rows] tbody tr');
    assert.deepEqual(await rows.evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-line'), tr.getAttribute('data-match')])), [
      ['2', 'by_number'], ['3', 'by_name_birth'], ['4', 'conflict'], ['5', 'unmatched'],
    ]);
    assert.match(await rows.nth(0).innerText(), new RegExp(`個人番号で一致\\s+${PEOPLE.sato.shikakuId}[\\s\\S]*あり（非表示）`));
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    await page.getByTestId('notice').getByRole('button').click();
    await shoot(page, '75-linkage-identity');
  });
});
