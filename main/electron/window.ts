// BL-2: the one window and the rules every web contents obeys (no navigation, no new windows, no
// webviews, no devtools in a packaged build). The settings are written out literally in
// `new BrowserWindow({...})` so that Electronegativity reads them too.
import type { BrowserWindow as KuraWindow, BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { APP_ENTRY_URL } from './hardening';

export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler' | 'closeDevTools'>;

export function guardWebContents(contents: GuardedContents, packaged: boolean): void {
  // The renderer is one page served from app://; any navigation would be to something else.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  if (packaged) contents.on('devtools-opened', () => contents.closeDevTools());
}

export type WindowFactory = new (options: BrowserWindowConstructorOptions) => KuraWindow;
export type MainWindowOptions = { preloadPath: string; packaged: boolean; session: Session };

/** 1366×768 is the usual terminal screen. */
export async function openMainWindow(BrowserWindow: WindowFactory, { preloadPath, packaged, session }: MainWindowOptions): Promise<KuraWindow> {
  const win = new BrowserWindow({
    width: 1366,
    height: 768,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'Kura 蔵',
    backgroundColor: '#f4f5f7',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      session,
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
      devTools: !packaged,
      // A middle click must not open a link in a new window (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  guardWebContents(win.webContents, packaged);
  if (packaged) win.removeMenu();
  win.once('ready-to-show', () => win.show());
  await win.loadURL(APP_ENTRY_URL);
  return win;
}
