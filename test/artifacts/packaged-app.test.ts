// Issue 12: the Electron app as it would be installed. scripts/pack-app.mjs packs app.asar from the
// file set electron-builder.yml selects (electron-builder itself cannot be installed here); this suite
// lists it, extracts it, and starts the shipped dist/electron/main.cjs from it in a Node child process
// with a STAND-IN for the electron module (electron-standin/: not Electron, never shipped). Through
// it: the hardened window (BL-2), the preload bridge, a first run, users, an employer file registered
// in bulk (the sealer and checkpointer workers started from the bundle), a login, a declared business
// and a My Number lookup, all through main.cjs's real ipc handler against a real SQLCipher store; and
// DP-1's refusal of an unprotected keystore.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import asar from '@electron/asar';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { ERROR_MESSAGES } from '../../shared/i18n/messages';
import type { RpcResult } from '../../shared/rpc';
import { demoMember, seededRandom } from '../../main/core/members';
import { demoMyNumber } from '../../main/core/mynumber';
import { INPUT_HEADER } from '../fixtures/imports/generate';
import { writeEicarSignatures } from '../imports/helpers';
import { packApp } from '../../scripts/pack-app.mjs';
import { newSafeKey, startMain, type RunningMain } from './electron-main';
import { assertBuilt, BIN, ROOT } from './shipped';

const MANAGER = { userId: 'kanri.taro', employeeNo: 'E0001', name: '管理 太郎', password: 'Manager-pass-2026' };
const SECOND = { userId: 'sato.kanri', employeeNo: 'E0004', name: '佐藤 管理', password: 'Second-pass-2026' };
const CLERK = { userId: 'tanaka.hanako', employeeNo: 'E0002', name: '田中 花子', password: 'Clerk-pass-2026x' };
const INITIAL = 'Initial-pass-2026';
/** The bulk sealer starts its worker from 2,000 named rows (bulk-sealer.ts WORKER_FROM_ROWS). */
const BULK_ROWS = 2_500;
const DEMO_SEED = 20261124;

let work: string;
let files: string[];
let appDir: string;
let signatures: string;

beforeAll(async () => {
  assertBuilt();
  work = mkdtempSync(join(tmpdir(), 'kura-packaged-'));
  files = await packApp(ROOT, join(work, 'release'));
  appDir = join(work, 'app');
  asar.extractAll(join(work, 'release', 'app.asar'), appDir);
  signatures = writeEicarSignatures(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** require() calls a bundled package makes inside try/catch for an optional add-on, never packed. */
const OPTIONAL_REQUIRES: Record<string, string> = {
  'osx-temperature-sensor': 'systeminformation, macOS only, inside try/catch',
  'macos-temperature-sensor': 'systeminformation, macOS only, inside try/catch',
};

const packagesIn = (list: string[]): Set<string> =>
  new Set(list.flatMap((f) => {
    const m = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(f);
    return m ? [m[1]!] : [];
  }));

describe('app.asar: what electron-builder would pack (electron-builder.yml)', () => {
  it('BL-1: holds the bundles, the renderer, resources/ and package.json', () => {
    for (const f of ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html', 'dist/renderer/app.js', 'dist/renderer/app.css', 'resources/policy.json']) {
      assert.ok(files.includes(f), `${f} is packed`);
    }
    const listed = asar.listPackage(join(work, 'release', 'app.asar'), { isPack: false }).map((p: string) => p.replace(/^[\\/]/, '').split('\\').join('/'));
    for (const f of files) assert.ok(listed.includes(f), `${f} is in the archive itself`);
    const size = statSync(join(work, 'release', 'app.asar')).size;
    console.log(`app.asar: ${files.length} files, ${(size / 1024 / 1024).toFixed(1)} MiB packed (+ app.asar.unpacked)`);
  });

  it('DP-1, BL-1: no tests, fixtures, sources, source maps, development key file or data', () => {
    const forbidden: [RegExp, string][] = [
      [/^test\//, 'tests'], [/fixtures\//, 'fixtures'], [/^\.kura-data\//, 'a development store'], [/dev-keystore\.key$|\.key$/, 'a key file'],
      [/\.map$/, 'a source map'], [/^(main|shared|renderer|server|scripts)\//, 'source'], [/\.tsx?$/, 'TypeScript source'], [/^dist\/(cli|devhost)\//, 'kura-admin or the dev host'],
      [/^\.ci\/|^\.git\//, 'CI or git'], [/node_modules\/[^/]+\/(deps|src)\/.*\.(c|h|cc|cpp)$/, 'native C sources'],
    ];
    for (const [pattern, what] of forbidden) {
      const hit = files.find((f) => pattern.test(f));
      assert.equal(hit, undefined, `${what} must not be packed: ${hit}`);
    }
  });

  it('BL-1: node_modules holds production packages only, and every package a bundle requires', () => {
    const packed = packagesIn(files);
    for (const dev of ['electron', 'react', 'react-dom', 'typescript', 'esbuild', 'tsx', 'playwright-core', 'fastify', 'pg', 'zod', 'eslint']) {
      assert.equal(packed.has(dev), false, `${dev} is bundled or a development tool: not packed`);
    }
    const builtins = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
    for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs']) {
      const source = readFileSync(join(ROOT, bundle), 'utf8');
      const required = new Set([...source.matchAll(/\brequire\("([^"./][^"]*)"\)/g)].map((m) => m[1]!).filter((r) => !builtins.has(r) && r !== 'electron' && !(r in OPTIONAL_REQUIRES)));
      for (const r of required) {
        const pkg = r.startsWith('@') ? r.split('/').slice(0, 2).join('/') : r.split('/')[0]!;
        assert.ok(packed.has(pkg), `${bundle} requires ${r}: it must be packed`);
      }
      if (bundle.endsWith('main.cjs')) assert.deepEqual([...required].sort(), ['argon2', 'better-sqlite3-multiple-ciphers', 'pdfkit']);
      else assert.deepEqual([...required], [], 'the sandboxed preload requires only electron');
    }
  });

  it('BL-1: native modules and pdfkit\u2019s data files are unpacked (asarUnpack), so they load as real files', () => {
    const unpacked = join(work, 'release', 'app.asar.unpacked', 'node_modules');
    assert.ok(existsSync(join(unpacked, 'better-sqlite3-multiple-ciphers', 'build', 'Release', 'better_sqlite3.node')));
    assert.ok(existsSync(join(unpacked, 'argon2', 'build', 'Release', 'argon2.node')));
    assert.ok(existsSync(join(unpacked, 'pdfkit', 'js', 'data', 'Helvetica.afm')));
    assert.ok(existsSync(join(unpacked, 'pdfkit', 'js', 'data', 'sRGB_IEC61966_2_1.icc')));
  });
});

/** 生年月日 as employer files write it: 元号 code (5 昭和, 7 平成) and YYMMDD. */
function eraBirth(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const showa = iso < '1989-01-08';
  const yy = showa ? y - 1925 : y - 1988;
  return `${showa ? 5 : 7}-${String(yy).padStart(2, '0')}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

/** An employer file naming the first n demo members (demo.seed's own generator and seed), each with a number. */
function demoEmployerFile(n: number): string {
  const random = seededRandom(DEMO_SEED);
  const lines = [INPUT_HEADER.join(',')];
  for (let i = 1; i <= n; i++) {
    const m = demoMember(i, random);
    random(); // demo.seed draws once per member for "with a number or not"
    lines.push([m.jigyoshoKigo, m.hihokenshaNo, m.kubun, m.zokugara ?? '', m.edaban, m.kanjiName, m.kanaName, eraBirth(m.birthDate), m.sex, '0', demoMyNumber(i), '', ''].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

describe('dist/electron/main.cjs started from the package, with a stand-in for electron', () => {
  let userData: string;
  let main: RunningMain;
  const safeKey = newSafeKey();
  const data = <T>(r: RpcResult): T => {
    assert.ok(r.ok, r.ok ? '' : `${r.error.code}: ${r.error.en}`);
    return r.data as T;
  };
  const call = async <T = unknown>(channel: string, input: unknown): Promise<T> => data<T>(await main.invoke(channel, input));
  const loginAs = async (who: { userId: string; password: string }, business?: string): Promise<void> => {
    await call('auth.logout', {});
    await call('auth.login', { userId: who.userId, password: who.password });
    if (business) await call('session.declareBusiness', { business });
  };
  const start = (): RunningMain =>
    startMain({ appDir, userData, safeKey, env: { KURA_CLAMAV_DB: signatures } });

  beforeAll(() => {
    userData = join(work, 'userData');
    mkdirSync(userData);
    main = start();
  });
  afterAll(() => main.child.kill('SIGKILL'));

  it('BL-2: it reaches window creation with the hardened settings and loads app://kura', async () => {
    const { options } = await main.waitFor('window');
    const prefs = options.webPreferences;
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.devTools, false, 'a packaged build has no devtools');
    assert.equal(prefs.session, 'kura', 'the hardened partition, not the default session');
    assert.equal(prefs.preload, join(appDir, 'dist', 'electron', 'preload.cjs'));
    assert.equal((await main.waitFor('loaded')).url, 'app://kura/index.html');

    const bridge = await main.order<{ exposed: string[]; kuraKeys: string[] }>('bridge');
    assert.deepEqual(bridge, { exposed: ['kura'], kuraKeys: ['invoke', 'subscribe'] }, 'the preload exposes window.kura with two functions, nothing else');

    const ses = await main.order<{ permission: boolean; permissionCheck: boolean; cancelled: Record<string, boolean>; privilegedSchemes: { scheme: string; privileges: Record<string, boolean> }[]; sandboxEnabled: boolean }>('session', {
      partition: 'kura', urls: ['app://kura/app.js', 'https://example.com/', 'file:///etc/passwd', 'http://127.0.0.1:8080/'],
    });
    assert.equal(ses.sandboxEnabled, true, 'app.enableSandbox()');
    assert.equal(ses.permission, false);
    assert.equal(ses.permissionCheck, false);
    assert.deepEqual(ses.cancelled, { 'app://kura/app.js': false, 'https://example.com/': true, 'file:///etc/passwd': true, 'http://127.0.0.1:8080/': true });
    assert.deepEqual(ses.privilegedSchemes.map((s) => [s.scheme, s.privileges.standard, s.privileges.secure]), [['app', true, true]]);

    const page = await main.order<{ status: number; headers: Record<string, string>; text: string }>('fetch', { partition: 'kura', url: 'app://kura/index.html' });
    assert.equal(page.status, 200, 'the renderer is served from the packed dist/renderer');
    assert.match(page.headers['content-security-policy'] ?? '', /default-src 'none'|default-src 'self'/);
    assert.match(page.text, /<html/i);
    const outside = await main.order<{ status: number }>('fetch', { partition: 'kura', url: 'app://kura/../../package.json' });
    assert.equal(outside.status, 404);

    const nav = await main.order<{ prevented: [string, boolean][]; windowOpen: { action: string } }>('navigate', { url: 'https://example.com/' });
    assert.deepEqual(nav.prevented.map(([, p]) => p), [true, true, true]);
    assert.deepEqual(nav.windowOpen, { action: 'deny' });
  });

  it('AC-1, AC-3: first run, users and a level, through the preload and the ipc handler', async () => {
    await call('setup.init', { terminalName: '本部-端末01', manager: { userId: MANAGER.userId, employeeNo: MANAGER.employeeNo, name: MANAGER.name, password: MANAGER.password } });
    await loginAs(MANAGER);
    for (const [who, roles] of [[SECOND, ['manager']], [CLERK, []]] as const) {
      await call('user.add', { userId: who.userId, employeeNo: who.employeeNo, name: who.name, initialPassword: INITIAL, roles, reason: 'テスト' });
    }
    for (const who of [SECOND, CLERK]) {
      await loginAs({ userId: who.userId, password: INITIAL });
      await call('auth.changePassword', { currentPassword: INITIAL, newPassword: who.password });
    }
    const grant = { userId: CLERK.userId, level: 'EDIT', businesses: ['tekiyo'], validFrom: new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date()), validTo: null, reason: '適用課配属' };
    await loginAs(MANAGER);
    const byCreator = await main.invoke('grant.set', grant);
    assert.equal(byCreator.ok, false, 'the creator of an ID never grants its level');
    await loginAs(SECOND);
    await call('grant.set', grant);
    // DP-1: the store on disk is SQLCipher, its master key wrapped by (the stand-in of) safeStorage.
    const store = join(userData, 'store');
    assert.notEqual(readFileSync(join(store, 'kura.db')).subarray(0, 15).toString('latin1'), 'SQLite format 3');
    assert.ok(existsSync(join(store, 'master.key.wrapped')));
    assert.equal(existsSync(join(store, 'dev-keystore.key')), false, 'never the development key file');
  });

  it('DQ-2, MD-5: an employer file of 2,500 rows is registered in one bulk; the sealer and checkpointer workers run from the bundle', async () => {
    await loginAs(MANAGER);
    await call('demo.seed', { members: BULK_ROWS, withMyNumberRatio: 0 });
    await loginAs(CLERK, 'tekiyo');
    const file = join(work, 'employer.csv');
    writeFileSync(file, demoEmployerFile(BULK_ROWS));
    const preview = await call<{ status: string; session: { importId: string; counts: { ok: number; warning: number; error: number } } }>('imports.preview', { path: file, kind: 'input' });
    assert.equal(preview.status, 'ready');
    const { ok, warning } = preview.session.counts;
    assert.ok(ok + warning >= 2_000, `enough accepted rows for the sealer worker: ${JSON.stringify(preview.session.counts)}`);
    const confirmed = await call<{ registered: number; sourceDeleted: boolean }>('imports.confirm', { importId: preview.session.importId, acceptWarnings: true });
    assert.equal(confirmed.registered, ok + warning);
    assert.equal(confirmed.sourceDeleted, true);
    assert.equal(existsSync(file), false);

    const workers = await main.order<{ kind: string; eval: boolean; online: boolean; errors: string[]; reports: { ok: boolean }[]; sealedRows: number }[]>('workers');
    const sealer = workers.find((w) => w.kind === 'sealer');
    const checkpointer = workers.find((w) => w.kind === 'checkpointer');
    assert.ok(sealer && checkpointer, JSON.stringify(workers));
    assert.deepEqual([sealer.online, sealer.errors], [true, []], 'the sealer worker started from main.cjs');
    assert.ok(sealer.sealedRows > 0, 'and sealed numbers ahead of the writes');
    assert.deepEqual([checkpointer.online, checkpointer.errors], [true, []], 'the checkpointer worker started and loaded the SQLCipher driver');
    assert.ok(checkpointer.reports.some((r) => r.ok), `and ran a checkpoint: ${JSON.stringify(checkpointer.reports)}`);
  });

  it('AC-7, AC-9, AU-1: a login, a declared business and a My Number lookup through the ipc handler', async () => {
    await call('auth.logout', {});
    const before = await main.invoke('member.search', { by: 'myNumber', query: demoMyNumber(1), limit: 1 });
    assert.equal(before.ok, false, 'no search without a session');
    await call('auth.login', { userId: CLERK.userId, password: CLERK.password });
    const undeclared = await main.invoke('member.search', { by: 'myNumber', query: demoMyNumber(1), limit: 1 });
    assert.equal(undeclared.ok, false, 'AC-7: no work before a business is declared');
    await call('session.declareBusiness', { business: 'tekiyo' });
    const found = await call<{ members: { shikakuId: string }[] }>('member.search', { by: 'myNumber', query: demoMyNumber(1), limit: 1 });
    assert.deepEqual(found.members.map((m) => m.shikakuId), ['Q000000001']);
    assert.equal(TWELVE_DIGIT_RUN.test(JSON.stringify(found)), false, 'AC-9: the answer carries no number');
    await loginAs(MANAGER);
    const log = await call<{ entries: { event: string; operator: string | null }[] }>('audit.list', { limit: 20, event: 'member.search' });
    assert.ok(log.entries.some((e) => e.operator === CLERK.userId), 'AU-1: the lookup is in the operation log');
    const verify = await call<{ ok: boolean }>('audit.verify', {});
    assert.equal(verify.ok, true);
  });

  it('BL-2: a call from a frame that is not the app\u2019s top-level page is refused before the router', async () => {
    for (const [url, isMainFrame] of [['https://evil.example/', true], ['app://kura/index.html', false]] as const) {
      const r = await main.order<RpcResult>('invokeFrom', { url, isMainFrame, channel: 'session.get', input: {} });
      assert.equal(r.ok, false);
      assert.equal(r.ok ? '' : r.error.code, 'forbidden');
    }
  });

  it('AC-10: the OS lock screen locks the session and tells the window', async () => {
    const { sent } = await main.order<{ sent: { channel: string; payload: unknown }[] }>('lockScreen');
    assert.deepEqual(sent.at(-1), { channel: 'kura:event', payload: { event: 'locked' } });
    const r = await main.invoke('audit.verify', {});
    assert.equal(r.ok, false, 'a locked session does no work');
  });

  it('DP-1: quit closes the store; a second start unwraps the same master key and the clerk logs in', async () => {
    await main.order('quit');
    assert.equal(await main.exited, 0);
    main = start();
    await main.waitFor('loaded');
    await call('auth.login', { userId: CLERK.userId, password: CLERK.password });
    await call('session.declareBusiness', { business: 'tekiyo' });
    const found = await call<{ members: { shikakuId: string }[] }>('member.search', { by: 'myNumber', query: demoMyNumber(2), limit: 1 });
    assert.equal(found.members.length, 1);
    await main.order('quit');
    assert.equal(await main.exited, 0);
  });

  it('DP-1: kura-admin refuses the store the app made (its key is wrapped by the OS keystore)', () => {
    const r = spawnSync(process.execPath, [BIN.kuraAdmin, '--data-dir', join(userData, 'store'), 'audit', 'verify', '--as', MANAGER.userId], {
      encoding: 'utf8', env: { ...process.env, KURA_PASSWORD: MANAGER.password }, cwd: work,
    });
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
});

describe('DP-1: an unprotected keystore stops the packaged app before anything is written', () => {
  for (const [what, env] of [['safeStorage on basic_text (Linux without a keyring)', { backend: 'basic_text' }], ['safeStorage unavailable', { env: { KURA_STANDIN_ENCRYPTION: 'off' } }]] as const) {
    it(`DP-1: ${what} → an error box and exit 1`, async () => {
      const userData = mkdtempSync(join(work, 'unprotected-'));
      const main = startMain({ appDir, userData, safeKey: newSafeKey(), ...env });
      const box = await main.waitFor('errorBox');
      assert.equal(box.title, 'Kura 蔵');
      assert.ok(box.content.includes(ERROR_MESSAGES.keystore_unprotected.ja) && box.content.includes(ERROR_MESSAGES.keystore_unprotected.en), box.content);
      assert.equal(await main.exited, 1);
      assert.equal(main.events.some((e) => e.event === 'window'), false, 'no window was opened');
      assert.equal(existsSync(join(userData, 'store', 'master.key.wrapped')), false, 'no key was written');
    });
  }
});
