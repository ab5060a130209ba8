// The Electron main process: the only file that takes the real 'electron' module and hands its
// pieces to the small modules beside it (which tests drive with mocks).
import { app, BrowserWindow, dialog, ipcMain, powerMonitor, protocol, safeStorage, session } from 'electron';
import { join } from 'node:path';
import { KuraError } from '../../shared/errors';
import { KeyFileKeystore, type Keystore } from '../core/store';
import { openKura, Router, type Kura } from '../rpc';
import { purgeExpiredReports } from '../rpc/handlers/reports';
import { ConnectionRegistry, installRpcBridge } from './ipc';
import { SafeStorageKeystore } from './keystore';
import { APP_SCHEME_PRIVILEGES, serveRenderer } from './protocol';
import { hardenSession } from './session-guard';
import { loadTerminalConfig } from './terminal-config';
import { guardWebContents, openMainWindow } from './window';

// BL-2: every renderer is sandboxed, and the app:// scheme is a secure standard origin.
app.enableSandbox();
protocol.registerSchemesAsPrivileged(APP_SCHEME_PRIVILEGES);

const registry = new ConnectionRegistry();
let kura: Kura | null = null;

/**
 * DP-1: safeStorage or nothing. A development run (never a packaged one) may set KURA_DEV_KEYFILE=1
 * to use the key-file keystore, e.g. for the Playwright _electron suite on a machine without a
 * keyring; openStore refuses that keystore in a packaged build anyway.
 */
function chooseKeystore(dataDir: string): Keystore {
  if (!app.isPackaged && process.env.KURA_DEV_KEYFILE === '1') return new KeyFileKeystore(dataDir);
  return new SafeStorageKeystore(safeStorage);
}

function dataDir(): string {
  const override = !app.isPackaged ? process.env.KURA_DATA_DIR : undefined;
  return override ?? join(app.getPath('userData'), 'store');
}

function refuseToStart(error: unknown): void {
  const e = error instanceof KuraError ? error : new KuraError('internal', { ref: 'startup' });
  dialog.showErrorBox('Kura 蔵', `${e.messageIn('ja')}\n\n${e.messageIn('en')}`);
  app.exit(1);
}

async function start(): Promise<void> {
  const packaged = app.isPackaged;
  const dir = dataDir();
  kura = openKura({ dataDir: dir, keystore: chooseKeystore(dir), packaged });
  // Issue 7: background sync with the one configured server, once this terminal is enrolled.
  kura.startSync();
  // DP-4: expired creator-only reports are deleted even when nobody opens the report screens.
  const k = kura;
  setInterval(() => purgeExpiredReports(k), 10 * 60_000).unref();
  const router = new Router(kura);
  const { serverOrigin } = loadTerminalConfig(join(app.getPath('userData'), 'terminal.json'));

  const ses = session.fromPartition('kura');
  hardenSession(ses, serverOrigin);
  serveRenderer(ses.protocol, join(__dirname, '..', 'renderer'));
  installRpcBridge(ipcMain, (conn, channel, input) => router.invoke(conn, channel, input), registry);

  // AC-10: the OS lock screen or a suspend locks every session at once.
  powerMonitor.on('lock-screen', () => registry.lockAll());
  powerMonitor.on('suspend', () => registry.lockAll());

  await openMainWindow(BrowserWindow, { preloadPath: join(__dirname, 'preload.cjs'), packaged, session: ses });
}

// One terminal, one window: a second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => BrowserWindow.getAllWindows()[0]?.focus());
  // BL-2: the same rules for every web contents, including any the app did not create itself.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, app.isPackaged));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => kura?.close());
  app.whenReady().then(start).catch(refuseToStart);
}
