// BL-2, DP-3, DP-6: the exact settings the Electron shell applies, with 'electron' mocked (no binary
// here). Every module of main/electron takes the Electron objects as parameters, so the mocks below
// are plain objects that record what they were given.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import type { BrowserWindowConstructorOptions, Session } from 'electron';
import { APP_ENTRY_URL, CONTENT_SECURITY_POLICY, isAllowedRequest } from '../../main/electron/hardening';
import { hardenSession, type GuardedSession } from '../../main/electron/session-guard';
import { guardWebContents, openMainWindow, type GuardedContents, type WindowFactory } from '../../main/electron/window';
import { DEVHOST_CSP } from '../../main/devhost/static';

type Listener = (...args: unknown[]) => unknown;

class FakeContents {
  readonly listeners = new Map<string, Listener[]>();
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  devToolsClosed = 0;
  on(event: string, listener: Listener) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.openHandler = handler;
  }
  closeDevTools() {
    this.devToolsClosed++;
  }
  /** Fires an event with a preventable event object; returns whether a listener prevented it. */
  emit(event: string, ...args: unknown[]): boolean {
    let prevented = false;
    const e = { preventDefault: () => (prevented = true) };
    for (const l of this.listeners.get(event) ?? []) l(e, ...args);
    return prevented;
  }
}

function fakeBrowserWindow() {
  const created: { options: BrowserWindowConstructorOptions; contents: FakeContents; loaded: string[]; menuRemoved: boolean }[] = [];
  class FakeBrowserWindow {
    readonly webContents = new FakeContents();
    readonly record: (typeof created)[number];
    constructor(options: BrowserWindowConstructorOptions) {
      this.record = { options, contents: this.webContents, loaded: [], menuRemoved: false };
      created.push(this.record);
    }
    removeMenu() {
      this.record.menuRemoved = true;
    }
    once() {
      return this;
    }
    show() {}
    async loadURL(url: string) {
      this.record.loaded.push(url);
    }
  }
  return { BrowserWindow: FakeBrowserWindow as unknown as WindowFactory, created };
}

const fakeSession = {} as Session;

describe('electron window (BL-2)', () => {
  it('BL-2: the one window gets exactly the hardened webPreferences and loads app://kura, never file://', async () => {
    const { BrowserWindow, created } = fakeBrowserWindow();
    await openMainWindow(BrowserWindow, { preloadPath: '/app/dist/electron/preload.cjs', packaged: true, session: fakeSession });
    assert.equal(created.length, 1);
    const { options, loaded } = created[0]!;
    assert.deepEqual(options.webPreferences, {
      preload: '/app/dist/electron/preload.cjs',
      session: fakeSession,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: false,
      disableBlinkFeatures: 'Auxclick',
    });
    assert.equal(options.width, 1366);
    assert.equal(options.height, 768);
    assert.deepEqual(loaded, ['app://kura/index.html']);
    assert.equal(APP_ENTRY_URL.startsWith('app://'), true);
    assert.equal(created[0]!.menuRemoved, true);
  });

  it('BL-2: devtools exist only in an unpackaged development build', async () => {
    const { BrowserWindow, created } = fakeBrowserWindow();
    await openMainWindow(BrowserWindow, { preloadPath: '/p.cjs', packaged: false, session: fakeSession });
    assert.equal(created[0]!.options.webPreferences?.devTools, true);
    assert.equal(created[0]!.menuRemoved, false);
  });

  it('BL-2: navigation, redirects, webviews and new windows are refused; packaged devtools are closed', () => {
    const contents = new FakeContents();
    guardWebContents(contents as unknown as GuardedContents, true);
    assert.equal(contents.emit('will-navigate', 'https://evil.example/'), true);
    assert.equal(contents.emit('will-navigate', 'app://kura/index.html'), true);
    assert.equal(contents.emit('will-redirect', 'https://evil.example/'), true);
    assert.equal(contents.emit('will-attach-webview', {}, {}), true);
    assert.deepEqual(contents.openHandler!({ url: 'https://evil.example/' }), { action: 'deny' });
    assert.deepEqual(contents.openHandler!({ url: 'app://kura/index.html' }), { action: 'deny' });
    contents.emit('devtools-opened');
    assert.equal(contents.devToolsClosed, 1);
  });
});

function fakeSessionRecorder() {
  const r = {
    permissionRequest: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void, details: unknown) => void),
    permissionCheck: null as null | ((...args: unknown[]) => boolean),
    deviceCheck: null as null | ((...args: unknown[]) => boolean),
    beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void),
    headers: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void),
    listeners: new Map<string, Listener>(),
  };
  const ses = {
    setPermissionRequestHandler: (h: typeof r.permissionRequest) => (r.permissionRequest = h),
    setPermissionCheckHandler: (h: typeof r.permissionCheck) => (r.permissionCheck = h),
    setDevicePermissionHandler: (h: typeof r.deviceCheck) => (r.deviceCheck = h),
    on: (event: string, l: Listener) => r.listeners.set(event, l),
    webRequest: {
      onBeforeRequest: (h: typeof r.beforeRequest) => (r.beforeRequest = h),
      onHeadersReceived: (h: typeof r.headers) => (r.headers = h),
    },
  };
  return { ses: ses as unknown as GuardedSession, r };
}

describe('electron session (BL-2, DP-3, DP-6)', () => {
  const SERVER = 'https://kura-dc.example.lan:8443';

  it('BL-2: every permission request and check is denied', () => {
    const { ses, r } = fakeSessionRecorder();
    hardenSession(ses, SERVER);
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'fullscreen', 'openExternal', 'fileSystem', 'unknown']) {
      let answer: boolean | null = null;
      r.permissionRequest!({}, permission, (granted) => (answer = granted), {});
      assert.equal(answer, false, permission);
      assert.equal(r.permissionCheck!({}, permission, 'app://kura', {}), false, permission);
    }
    assert.equal(r.deviceCheck!({ deviceType: 'usb' }), false);
  });

  it('DP-6: only app://kura and the configured server are reachable; everything else is cancelled', () => {
    const { ses, r } = fakeSessionRecorder();
    hardenSession(ses, SERVER);
    const cancelled = (url: string) => {
      let result: { cancel?: boolean } = {};
      r.beforeRequest!({ url }, (res) => (result = res));
      return result.cancel;
    };
    assert.equal(cancelled('app://kura/app.js'), false);
    assert.equal(cancelled(`${SERVER}/sync/pull`), false);
    for (const url of ['https://evil.example/x.js', 'http://kura-dc.example.lan:8443/sync', 'https://kura-dc.example.lan/other-port', 'file:///etc/passwd', 'ws://127.0.0.1:1234/rpc', 'app://other/index.html', 'data:text/html,<script>1</script>', 'not a url']) {
      assert.equal(cancelled(url), true, url);
    }
    // No server configured: nothing but the app's own files.
    assert.equal(isAllowedRequest(`${SERVER}/sync/pull`, null), false);
    assert.equal(isAllowedRequest('app://kura/index.html', null), true);
  });

  it('BL-2: the strict CSP is put on every response, and it is the same string the dev host sends', () => {
    const { ses, r } = fakeSessionRecorder();
    hardenSession(ses, null);
    let headers: Record<string, string[]> | undefined;
    r.headers!({ responseHeaders: { 'Content-Type': ['text/html'] } }, (res) => (headers = res.responseHeaders));
    assert.deepEqual(headers, { 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    assert.equal(
      CONTENT_SECURITY_POLICY,
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    assert.doesNotMatch(CONTENT_SECURITY_POLICY, /unsafe-inline|unsafe-eval|https?:|\*/);
    assert.equal(DEVHOST_CSP, CONTENT_SECURITY_POLICY);
  });

  it('DP-3: a download is cancelled before any save dialog', () => {
    const { ses, r } = fakeSessionRecorder();
    hardenSession(ses, null);
    let prevented = false;
    let cancelled = false;
    r.listeners.get('will-download')!({ preventDefault: () => (prevented = true) }, { cancel: () => (cancelled = true) });
    assert.equal(prevented, true);
    assert.equal(cancelled, true);
  });
});

describe('packaging (BL-2)', () => {
  it('BL-2: electron-builder.yml packs into asar and flips the fuses of reference.md; no publish or update URL', async () => {
    const { readFileSync } = await import('node:fs');
    const yml = readFileSync('electron-builder.yml', 'utf8');
    assert.match(yml, /^asar: true$/m);
    const fuses: Record<string, string> = {
      runAsNode: 'false',
      enableNodeOptionsEnvironmentVariable: 'false',
      enableNodeCliInspectArguments: 'false',
      enableCookieEncryption: 'true',
      onlyLoadAppFromAsar: 'true',
      enableEmbeddedAsarIntegrityValidation: 'true',
      grantFileProtocolExtraPrivileges: 'false',
    };
    const block = /^electronFuses:\n((?:[ #].*\n)+)/m.exec(yml)?.[1] ?? '';
    for (const [fuse, value] of Object.entries(fuses)) assert.match(block, new RegExp(`^  ${fuse}: ${value}$`, 'm'), fuse);
    assert.match(yml, /^publish: null$/m);
    assert.doesNotMatch(yml, /https?:\/\//);
  });
});
