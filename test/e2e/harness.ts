// E2E harness: the real dev host (real router, real SQLCipher store) on a temporary folder, the
// renderer built into a temporary folder, and Debian's Chromium driven by playwright-core.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Business, PrivilegeLevel } from '../../shared/codes';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/rpc';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { japanDate } from '../../main/core/kernel';
import { startDevHost, type DevHost, type DevHostOptions } from '../../main/devhost';
import { Connection } from '../../main/rpc';
import { Clock } from '../helpers/kura';

export const MANAGER = { userId: 'kanri.taro', employeeNo: 'E0001', name: '管理 太郎', password: 'Manager-pass-2026' };
/**
 * AC-1, AC-3: a second administrator (manager and system administrator), registered by MANAGER on
 * first need. It issues the IDs addClerk makes, so MANAGER, who did not create them, grants levels.
 */
export const SECOND_ADMIN = { userId: 'kansa.jiro', employeeNo: 'E0002', name: '監査 次郎', department: '総務課', password: 'Inspector-pass-2026' };
export const INITIAL_PASSWORD = 'Initial-pass-2026';
export const CLERK_PASSWORD = 'Clerk-pass-2026x';
/** AC-10: the shortest idle time the policy schema allows, so the idle test moves the clock 31 s. */
export const IDLE_LOCK_SECONDS = 30;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'ja-JP', timezoneId: 'Asia/Tokyo' });
  return context.newPage();
}

export type Harness = {
  host: DevHost;
  clock: Clock;
  dir: string;
  call<C extends Channel>(conn: Connection, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  manager(): Promise<Connection>;
  /** SECOND_ADMIN, logged in through the router (registered by MANAGER the first time). */
  secondAdmin(): Promise<Connection>;
  /**
   * Creates a user through the router (the UI for it is another screen): SECOND_ADMIN issues the ID,
   * MANAGER grants a level above NONE (AC-3: never the ID's creator).
   */
  addClerk(userId: string, level: PrivilegeLevel, businesses: Business[]): Promise<void>;
  /** addClerk, then the clerk's own first login and password change: ready to log in with CLERK_PASSWORD. */
  addActiveClerk(userId: string, level: PrivilegeLevel, businesses: Business[]): Promise<void>;
  close(): Promise<void>;
};

let employeeSeq = 200;

/** Builds the renderer once per test file into its own folder, so parallel runs never share output. */
function buildRenderer(dir: string): string {
  const out = join(dir, 'renderer');
  execFileSync(process.execPath, ['scripts/build-renderer.mjs', out], { stdio: 'pipe' });
  return out;
}

/** `options` configures the media drives (FakeDrives) and the import scanner for the media and import suites. */
export async function startHarness(options: Pick<DevHostOptions, 'media' | 'imports'> = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kura-e2e-'));
  const policy = JSON.parse(readFileSync('resources/policy.json', 'utf8')) as { session: { idleLockSeconds: number } };
  policy.session.idleLockSeconds = IDLE_LOCK_SECONDS;
  const policyPath = join(dir, 'policy.json');
  writeFileSync(policyPath, JSON.stringify(policy));
  const clock = new Clock();
  const host = await startDevHost({ dataDir: join(dir, 'store'), port: 0, policyPath, now: clock.now, rendererDir: buildRenderer(dir), log: () => undefined, ...options });
  const call = async <C extends Channel>(conn: Connection, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await host.router.invoke(conn, channel, input);
    if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.en}`);
    return r.data as ChannelOutput<C>;
  };
  const manager = async (): Promise<Connection> => {
    const conn = new Connection('test');
    await call(conn, 'auth.login', { userId: MANAGER.userId, password: MANAGER.password });
    return conn;
  };
  const secondAdmin = async (): Promise<Connection> => {
    const conn = new Connection('test');
    if (!host.kura.users.find(SECOND_ADMIN.userId)) {
      const { password, ...who } = SECOND_ADMIN;
      const admin = await manager();
      await call(admin, 'user.add', { ...who, initialPassword: INITIAL_PASSWORD, roles: ['manager', 'sysadmin'], level: 'NONE', businesses: [], reason: 'E2E' });
      await call(admin, 'auth.logout', {});
      await call(conn, 'auth.login', { userId: SECOND_ADMIN.userId, password: INITIAL_PASSWORD });
      await call(conn, 'auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: password });
      return conn;
    }
    await call(conn, 'auth.login', { userId: SECOND_ADMIN.userId, password: SECOND_ADMIN.password });
    return conn;
  };
  const addClerk: Harness['addClerk'] = async (userId, level, businesses) => {
    const issuer = await secondAdmin();
    // A NONE user may still be assigned businesses to work in without My Number: no level is given.
    await call(issuer, 'user.add', { userId, employeeNo: `E${employeeSeq++}`, name: `職員 ${userId}`, initialPassword: INITIAL_PASSWORD, level: 'NONE', businesses: level === 'NONE' ? businesses : [], roles: [], reason: 'E2E' });
    await call(issuer, 'auth.logout', {});
    if (level === 'NONE') return;
    const admin = await manager();
    await call(admin, 'grant.set', { userId, level, businesses, validFrom: japanDate(clock.now()), reason: 'E2E' });
    await call(admin, 'auth.logout', {});
  };
  return {
    host,
    clock,
    dir,
    call,
    manager,
    secondAdmin,
    addClerk,
    async addActiveClerk(userId, level, businesses) {
      await addClerk(userId, level, businesses);
      const conn = new Connection('test');
      await call(conn, 'auth.login', { userId, password: INITIAL_PASSWORD });
      await call(conn, 'auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: CLERK_PASSWORD });
      await call(conn, 'auth.logout', {});
    },
    async close() {
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Setup through the router (for tests whose subject is not the setup screen). */
export async function setUpThroughRouter(h: Harness, seed: { members: number; withMyNumberRatio: number }[]): Promise<void> {
  await h.call(new Connection('test'), 'setup.init', { terminalName: '本部-端末01', manager: MANAGER });
  const admin = await h.manager();
  for (const s of seed) await h.call(admin, 'demo.seed', s);
  await h.call(admin, 'auth.logout', {});
}

/** Saves a 1366×768 screenshot to docs/screenshots when KURA_SCREENSHOTS=1 (so plain runs leave git clean). */
export async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.KURA_SCREENSHOTS !== '1') return;
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: join('docs/screenshots', `${name}.png`) });
}

/** The way the reveal shows a number (1234 5678 9018), so a grouped number is caught as well. */
const GROUPED_TWELVE = /(?<!\d)\d{4}[ \u00a0-]\d{4}[ \u00a0-]\d{4}(?!\d)/g;

/** AC-9: every standalone 12-digit run (plain or grouped) in the page's markup and visible text. */
export async function twelveDigitRunsInDom(page: Page): Promise<string[]> {
  const { html, text } = await page.evaluate(() => ({ html: document.documentElement.outerHTML, text: document.body.innerText }));
  const plain = new RegExp(TWELVE_DIGIT_RUN.source, 'g');
  return [html, text].flatMap((s) => [...(s.match(plain) ?? []), ...(s.match(GROUPED_TWELVE) ?? [])]);
}

export async function logIn(page: Page, userId: string, password: string): Promise<void> {
  await page.locator('#userId').fill(userId);
  await page.locator('#password').fill(password);
  await page.getByRole('button', { name: 'ログイン' }).click();
}

export async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.locator('#currentPassword').fill(current);
  await page.locator('#newPassword').fill(next);
  await page.locator('#confirmPassword').fill(next);
  await page.getByRole('button', { name: '変更' }).click();
}

export async function searchKana(page: Page, query: string, limit = '1000'): Promise<void> {
  await page.locator('#searchBy').selectOption('kanaName');
  await page.locator('#searchLimit').selectOption(limit);
  await page.locator('#searchQuery').fill(query);
  await page.getByRole('button', { name: '検索', exact: true }).click();
}

/** The text of the notice bar (a refusal or a confirmation), once it shows. */
export async function notice(page: Page): Promise<string> {
  const text = page.getByTestId('notice').locator('span');
  await text.waitFor();
  return text.innerText();
}

export async function dismissNotice(page: Page): Promise<void> {
  await page.getByTestId('notice').getByRole('button').click();
}

/** Whether the master still holds a ciphertext for this 資格ID (read straight from the store). */
export function numberStored(h: Harness, shikakuId: string): boolean {
  const row = h.host.kura.store.db.prepare('SELECT mynumber_enc FROM mynumber_master WHERE shikaku_id = ?').get(shikakuId) as { mynumber_enc: Buffer | null } | undefined;
  return row?.mynumber_enc != null;
}
