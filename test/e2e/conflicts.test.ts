// Issue 7 in Chromium through the dev host: the dev host's terminal syncs with a real data center
// (mutual TLS, PostgreSQL) alongside a second terminal; both edit the same member and the same My Number
// offline, so the dev host's terminal holds two real conflicts. A NONE user sees the member conflict
// only and no trace of a number (AC-9); a clerk with EDIT compares both versions side by side and
// resolves one each way; after sync both terminals and the data center agree.
import assert from 'node:assert/strict';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { demoMyNumber } from '../../main/core/mynumber';
import { configureSync, replicaChecksum } from '../../main/core/sync';
import { replicaChecksum as serverChecksum } from '../../server/src/checksum';
import { startDataCenter, type DataCenter } from '../server/fixture';
import { editMember, newMember, startTerminal, type Terminal } from '../sync/terminal';
import { CLERK_PASSWORD, launchChromium, logIn, newPage, setUpThroughRouter, shoot, startHarness, twelveDigitRunsInDom, type Harness, notice } from './harness';

const EDITOR = 'kyufu.henshu';
const NONE_USER = 'kyufu.torifuka';

describe('E2E sync conflicts (Chromium, dev host, real data center)', { timeout: 180_000 }, () => {
  let h: Harness;
  let dc: DataCenter;
  let other: Terminal;
  let browser: Browser;
  const member = newMember({ kanjiName: '競合\u3000花子', kanaName: 'キョウゴウ ハナコ' });
  const numbered = newMember({ kanjiName: '番号\u3000次郎', kanaName: 'バンゴウ ジロウ' });

  async function syncHost(): Promise<void> {
    const run = await h.host.kura.syncEngine.syncOnce();
    assert.ok(run.ok, run.ok ? '' : run.failure.message);
  }
  async function syncOther(): Promise<void> {
    const run = await other.engine.syncOnce();
    assert.ok(run.ok, run.ok ? '' : run.failure.message);
  }

  beforeAll(async () => {
    dc = await startDataCenter();
    h = await startHarness();
    await setUpThroughRouter(h, []);
    for (const [userId, level] of [[EDITOR, 'EDIT'], [NONE_USER, 'NONE']] as const) {
      await h.addActiveClerk(userId, level, ['kyufu']);
    }
    const bundle = dc.enrol('T-E2E-HOST');
    const db = h.host.kura.store.db;
    configureSync(db, { terminalId: 'T-E2E-HOST', serverUrl: dc.server.url, caPem: bundle.caPem, certPem: bundle.certPem, keyPem: bundle.keyPem! }, h.clock.now());
    other = await startTerminal(dc, 'T-E2E-OTHER');
    // The other terminal holds the same organisation keys (test/sync/terminal.ts relays them wrapped).
    other.t.kura.store.orgKeys.dataKey.set(h.host.kura.store.orgKeys.dataKey);
    other.t.kura.store.orgKeys.blindIndexKey.set(h.host.kura.store.orgKeys.blindIndexKey);

    const kura = h.host.kura;
    kura.store.transaction(() => {
      kura.members.insert(member);
      kura.members.insert(numbered);
      kura.vault.register(numbered.shikakuId, demoMyNumber(801));
    });
    await syncHost();
    await syncOther();
    // The other terminal's edits reach the data center first; the dev host's offline edits lose.
    editMember(other, member.shikakuId, '競合\u3000花子（他端末）');
    other.t.kura.store.transaction(() => other.t.kura.vault.correct(numbered.shikakuId, demoMyNumber(802), 1));
    await syncOther();
    kura.store.transaction(() => {
      db.prepare('UPDATE members SET kanji_name = ?, kana_name = ?, version = version + 1, updated_at = ? WHERE shikaku_id = ?')
        .run('競合\u3000華子', 'キョウゴウ ハナコ', h.clock.now().toISOString(), member.shikakuId);
      kura.vault.correct(numbered.shikakuId, demoMyNumber(803), 1);
    });
    const run = await kura.syncEngine.syncOnce();
    assert.ok(run.ok && run.push.conflicts === 2);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    await other?.close();
    await dc?.stop();
  });

  async function openConflicts(userId: string, screenshot?: string): Promise<Page> {
    const page = await newPage(browser);
    await page.goto(h.host.issueUrl());
    await logIn(page, userId, CLERK_PASSWORD);
    await page.locator('[data-business=kyufu]').click();
    await page.getByTestId('banner').waitFor();
    await page.getByTestId('sync-indicator').click();
    await page.getByTestId('sync-screen').waitFor();
    if (screenshot) await shoot(page, screenshot);
    await page.getByTestId('open-conflicts').click();
    await page.getByTestId('conflicts-screen').waitFor();
    return page;
  }

  it('AC-9, AC-11: a NONE user sees the member conflict without any choice, and no trace of the number conflict', async () => {
    const page = await openConflicts(NONE_USER);
    const cards = page.getByTestId('conflict-card');
    await cards.first().waitFor();
    assert.equal(await cards.count(), 1);
    assert.equal(await cards.first().getAttribute('data-shikaku-id'), member.shikakuId);
    assert.equal(await page.getByTestId('keep-local').count(), 0, 'AC-11: no choice offered without EDIT');
    await page.getByTestId('conflicts-no-right').waitFor();
    const text = await page.locator('body').innerText();
    assert.doesNotMatch(text, /個人番号|登録あり|同じ番号|異なる番号/);
    assert.ok(!text.includes(numbered.shikakuId));
    assert.deepEqual(await twelveDigitRunsInDom(page), []);
    // The banner counts this terminal's conflicts the same way: the number conflict is not in it.
    await page.getByTestId('back-to-sync').click();
    assert.match(await page.locator('dd.bad').first().innerText(), /^1/);
    await page.close();
  });

  it('DP-6, AU-1: a clerk with EDIT compares both versions side by side, keeps the terminal version of the member and the data center version of the number; all agree after sync', async () => {
    const page = await openConflicts(EDITOR, '90-sync-status-conflicts');
    const memberCard = page.locator(`[data-testid=conflict-card][data-shikaku-id="${member.shikakuId}"]`);
    const numberCard = page.locator(`[data-testid=conflict-card][data-shikaku-id="${numbered.shikakuId}"]`);
    await memberCard.waitFor();
    const nameRow = memberCard.locator('tr[data-field=kanjiName]');
    assert.match(await nameRow.locator('[data-side=local]').innerText(), /競合\u3000華子/);
    assert.equal(await nameRow.locator('[data-side=dataCenter]').innerText(), '競合\u3000花子（他端末）');
    assert.equal(await nameRow.getAttribute('class'), 'differs');
    assert.match(await numberCard.innerText(), /登録状況\s+登録あり（番号は表示しません）\s+登録あり（番号は表示しません）/);
    assert.match(await numberCard.locator('tr[data-field=sameNumber]').innerText(), /異なる番号/);
    assert.deepEqual(await twelveDigitRunsInDom(page), [], 'AC-9: no digits even for EDIT on this screen');
    await shoot(page, '91-sync-conflicts');
    await numberCard.scrollIntoViewIfNeeded();
    await shoot(page, '92-sync-conflicts-number');

    await memberCard.getByTestId('keep-local').click();
    assert.match(await notice(page), new RegExp(`資格ID ${member.shikakuId} の競合を、この端末の版で解決しました（更新通番 3）`));
    await numberCard.getByTestId('keep-data-center').click();
    assert.match(await notice(page), new RegExp(`資格ID ${numbered.shikakuId} の競合を、データセンターの版を残して解決しました`));
    await page.getByText('確認待ちの競合はありません。').waitFor();
    await shoot(page, '93-sync-conflicts-resolved');

    await syncHost();
    await syncOther();
    assert.equal(other.t.kura.members.get(member.shikakuId).kanjiName, '競合\u3000華子');
    assert.equal(h.host.kura.vault.reveal(numbered.shikakuId).myNumber, demoMyNumber(802));
    const server = await serverChecksum(dc.pg.pool);
    assert.equal(replicaChecksum(h.host.kura.store.db).digest, server.digest);
    assert.equal(replicaChecksum(other.t.kura.store.db).digest, server.digest);
    const open = await dc.pg.pool.query<{ n: string }>('SELECT count(*) AS n FROM conflicts WHERE resolved_at IS NULL');
    assert.equal(open.rows[0]!.n, '0', 'the data center heard of both resolutions');
    await page.close();
  });
});
