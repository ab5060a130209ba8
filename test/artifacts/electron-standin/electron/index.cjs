// TEST STAND-IN for the `electron` module — not Electron (see ../README.md). Issue 12.
// Loaded by the shipped dist/electron/main.cjs through NODE_PATH in a plain Node child process. It
// imitates the parts of Electron that Kura's main process uses, records what the main process asks
// of it, and takes orders from the test over the child-process channel (process.send / 'message').
'use strict';
const { EventEmitter } = require('node:events');
const { createCipheriv, createDecipheriv, randomBytes } = require('node:crypto');
const { readFileSync } = require('node:fs');
const vm = require('node:vm');
const workerThreads = require('node:worker_threads');

const env = process.env;
const report = (message) => process.send?.(message);

// --- worker threads: recorded, so the test can see the bulk sealer and checkpointer really ran ------
const workers = [];
const RealWorker = workerThreads.Worker;
workerThreads.Worker = class RecordedWorker extends RealWorker {
  constructor(source, options = {}) {
    super(source, options);
    const data = options.workerData ?? {};
    // The sealer hands over a shared "ready" flag per row; the checkpointer a database path.
    const record = { kind: data.ready ? 'sealer' : 'checkpointer', eval: options.eval === true, online: false, errors: [], reports: [], ready: data.ready ?? null };
    workers.push(record);
    this.on('online', () => { record.online = true; });
    this.on('error', (e) => record.errors.push(String(e?.message ?? e)));
    this.on('message', (m) => { if (m && typeof m === 'object' && 'ok' in m) record.reports.push({ ok: m.ok, error: m.error ?? null, walPages: m.walPages ?? null }); });
  }
};
function workerSummary() {
  return workers.map(({ ready, ...w }) => ({ ...w, sealedRows: ready ? new Int32Array(ready).reduce((n, v) => n + (v === 1 ? 1 : 0), 0) : 0 }));
}

// --- app ----------------------------------------------------------------------------------------
const app = new EventEmitter();
app.isPackaged = env.KURA_STANDIN_PACKAGED === '1';
app.sandboxEnabled = false;
app.enableSandbox = () => { app.sandboxEnabled = true; };
app.requestSingleInstanceLock = () => true;
let ready = false;
app.whenReady = () => new Promise((resolve) => setImmediate(() => { ready = true; app.emit('ready'); resolve(); }));
app.isReady = () => ready;
app.getPath = (name) => {
  if (name === 'userData') return env.KURA_STANDIN_USER_DATA;
  throw new Error(`stand-in: app.getPath('${name}') is not imitated`);
};
let exiting = false;
app.exit = (code = 0) => {
  if (exiting) return;
  exiting = true;
  report({ event: 'exit', code });
  // Let the report reach the test before the process goes.
  setImmediate(() => process.exit(code));
};
app.quit = () => {
  app.emit('before-quit');
  app.emit('will-quit');
  app.exit(0);
};

// --- ipc ----------------------------------------------------------------------------------------
const handlers = new Map();
const ipcMain = {
  handle(channel, fn) {
    if (handlers.has(channel)) throw new Error(`stand-in: a second handler for '${channel}'`);
    handlers.set(channel, fn);
  },
  removeHandler(channel) { handlers.delete(channel); },
  on() { throw new Error('stand-in: Kura uses ipcMain.handle only'); },
};

// --- web contents and windows -------------------------------------------------------------------
let nextContentsId = 1;
class WebContents extends EventEmitter {
  constructor() {
    super();
    this.id = nextContentsId++;
    this.url = '';
    this.sent = [];
    this.windowOpenHandler = null;
    this.rendererListeners = new Map();
    this.destroyed = false;
  }
  send(channel, payload) {
    this.sent.push({ channel, payload });
    for (const fn of this.rendererListeners.get(channel) ?? []) fn({ sender: null }, structuredClone(payload));
  }
  setWindowOpenHandler(fn) { this.windowOpenHandler = fn; }
  closeDevTools() {}
  isDestroyed() { return this.destroyed; }
}

const windows = [];
class BrowserWindow extends EventEmitter {
  static getAllWindows() { return windows.slice(); }
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    this.mainWorld = {};
    this.menuRemoved = false;
    windows.push(this);
    app.emit('web-contents-created', {}, this.webContents);
    const { session, ...rest } = options.webPreferences ?? {};
    report({ event: 'window', options: { ...options, webPreferences: { ...rest, session: session ? session.partition : null } } });
  }
  async loadURL(url) {
    this.webContents.url = url;
    // The sandboxed preload: its own context, and a require that knows only 'electron'.
    const preload = this.options.webPreferences?.preload;
    if (preload) runPreload(this, readFileSync(preload, 'utf8'));
    this.emit('ready-to-show');
    report({ event: 'loaded', url });
  }
  show() { this.shown = true; }
  focus() {}
  removeMenu() { this.menuRemoved = true; }
}

/** The renderer side of electron that a sandboxed preload may require. */
function rendererElectron(win) {
  const contents = win.webContents;
  return {
    contextBridge: { exposeInMainWorld(name, api) { win.mainWorld[name] = api; } },
    ipcRenderer: {
      async invoke(channel, ...args) {
        const fn = handlers.get(channel);
        if (!fn) throw new Error(`No handler registered for '${channel}'`);
        // As Electron does: the arguments and the answer cross by structured clone.
        const event = { sender: contents, senderFrame: { url: contents.url, parent: null } };
        return structuredClone(await fn(event, ...structuredClone(args)));
      },
      on(channel, fn) {
        const list = contents.rendererListeners.get(channel) ?? [];
        contents.rendererListeners.set(channel, [...list, fn]);
      },
      removeListener(channel, fn) {
        contents.rendererListeners.set(channel, (contents.rendererListeners.get(channel) ?? []).filter((f) => f !== fn));
      },
    },
  };
}

function runPreload(win, source) {
  const module = { exports: {} };
  const require = (name) => {
    if (name === 'electron') return rendererElectron(win);
    throw new Error(`stand-in sandbox: a sandboxed preload cannot require '${name}'`);
  };
  vm.runInNewContext(`(function (require, module, exports) {${source}\n})`, { console }, { filename: 'preload.cjs' })(require, module, module.exports);
}

// --- session, protocol --------------------------------------------------------------------------
const sessions = new Map();
class Session extends EventEmitter {
  constructor(partition) {
    super();
    this.partition = partition;
    this.handlers = {};
    this.protocolHandlers = new Map();
    this.webRequest = {
      onBeforeRequest: (fn) => { this.handlers.beforeRequest = fn; },
      onHeadersReceived: (fn) => { this.handlers.headersReceived = fn; },
    };
    this.protocol = { handle: (scheme, fn) => { this.protocolHandlers.set(scheme, fn); } };
  }
  setPermissionRequestHandler(fn) { this.handlers.permissionRequest = fn; }
  setPermissionCheckHandler(fn) { this.handlers.permissionCheck = fn; }
  setDevicePermissionHandler(fn) { this.handlers.devicePermission = fn; }
}
const session = {
  fromPartition(partition) {
    if (!sessions.has(partition)) sessions.set(partition, new Session(partition));
    return sessions.get(partition);
  },
};
const privilegedSchemes = [];
const protocol = {
  registerSchemesAsPrivileged(list) {
    if (ready) throw new Error('stand-in: registerSchemesAsPrivileged must run before app ready (as in Electron)');
    privilegedSchemes.push(...list);
  },
};

// --- safeStorage: AES-256-GCM under a key from the environment, standing in for the OS keystore ---
const safeKey = Buffer.from(env.KURA_STANDIN_SAFE_KEY ?? '', 'hex');
const safeStorage = {
  isEncryptionAvailable: () => env.KURA_STANDIN_ENCRYPTION !== 'off' && safeKey.length === 32,
  getSelectedStorageBackend: () => env.KURA_STANDIN_BACKEND ?? 'gnome_libsecret',
  encryptString(text) {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', safeKey, iv);
    const body = Buffer.concat([c.update(text, 'utf8'), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]);
  },
  decryptString(buf) {
    const d = createDecipheriv('aes-256-gcm', safeKey, buf.subarray(0, 12));
    d.setAuthTag(buf.subarray(12, 28));
    return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
  },
};

const powerMonitor = new EventEmitter();
const dialog = {
  showErrorBox(title, content) { report({ event: 'errorBox', title, content }); },
};

// --- the test's orders ----------------------------------------------------------------------------
async function answer(m) {
  const win = windows[0];
  switch (m.op) {
    case 'invoke':
      // Exactly what the renderer does: window.kura.invoke, exposed by the preload bundle.
      return win.mainWorld.kura.invoke(m.channel, m.input);
    case 'invokeFrom': {
      // A call from a frame that is not the app's top-level page (an iframe, another origin).
      const event = { sender: win.webContents, senderFrame: { url: m.url, parent: m.isMainFrame ? null : {} } };
      return handlers.get('rpc')(event, m.channel, m.input);
    }
    case 'bridge':
      return { exposed: Object.keys(win.mainWorld), kuraKeys: Object.keys(win.mainWorld.kura ?? {}) };
    case 'session': {
      const ses = sessions.get(m.partition);
      const permission = await new Promise((resolve) => ses.handlers.permissionRequest(win.webContents, 'media', resolve));
      const request = (url) => new Promise((resolve) => ses.handlers.beforeRequest({ url }, (r) => resolve(r.cancel === true)));
      const cancelled = {};
      for (const url of m.urls) cancelled[url] = await request(url);
      return { permission, permissionCheck: ses.handlers.permissionCheck(), cancelled, privilegedSchemes, sandboxEnabled: app.sandboxEnabled };
    }
    case 'fetch': {
      const ses = sessions.get(m.partition);
      const res = await ses.protocolHandlers.get(new URL(m.url).protocol.replace(':', ''))(new Request(m.url));
      const body = Buffer.from(await res.arrayBuffer());
      return { status: res.status, headers: Object.fromEntries(res.headers), length: body.length, text: body.subarray(0, 400).toString('utf8') };
    }
    case 'navigate': {
      const prevented = [];
      for (const name of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
        let wasPrevented = false;
        win.webContents.emit(name, { preventDefault: () => { wasPrevented = true; } }, m.url);
        prevented.push([name, wasPrevented]);
      }
      return { prevented, windowOpen: win.webContents.windowOpenHandler?.({ url: m.url }) ?? null };
    }
    case 'lockScreen':
      powerMonitor.emit('lock-screen');
      return { sent: win.webContents.sent };
    case 'workers':
      return workerSummary();
    case 'quit':
      setImmediate(() => app.quit());
      return true;
    default:
      throw new Error(`stand-in: unknown order ${m.op}`);
  }
}

process.on('message', (m) => {
  answer(m).then(
    (result) => report({ reply: m.id, ok: true, result }),
    (e) => report({ reply: m.id, ok: false, error: String(e?.stack ?? e) }),
  );
});

module.exports = { app, BrowserWindow, ipcMain, session, protocol, safeStorage, powerMonitor, dialog };
