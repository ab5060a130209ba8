// Starts the shipped Electron main bundle in a plain Node child process, with the test's stand-in
// for `electron` (electron-standin/, NOT Electron) on NODE_PATH, and talks to it over the child's
// ipc channel. The app folder is the one extracted from the packed app.asar, so main.cjs finds only
// what the package holds: production node_modules, resources/, dist/renderer/.
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { RpcResult } from '../../shared/rpc';
import { ROOT } from './shipped';

export const STANDIN_PATH = join(ROOT, 'test', 'artifacts', 'electron-standin');

export type MainEvent = { event: 'window'; options: WindowOptions } | { event: 'loaded'; url: string } | { event: 'errorBox'; title: string; content: string } | { event: 'exit'; code: number };
export type WindowOptions = Record<string, unknown> & { webPreferences: Record<string, unknown> };

export type RunningMain = {
  child: ChildProcess;
  events: MainEvent[];
  stderr: () => string;
  /** Resolves with the exit code (or the signal's name) when the process ends. */
  exited: Promise<number | string>;
  waitFor<E extends MainEvent['event']>(event: E, timeoutMs?: number): Promise<Extract<MainEvent, { event: E }>>;
  order<T>(op: string, args?: Record<string, unknown>): Promise<T>;
  /** window.kura.invoke(channel, input), through the preload bundle and the ipcMain handler. */
  invoke(channel: string, input: unknown): Promise<RpcResult>;
};

export type MainOptions = {
  appDir: string;
  userData: string;
  /** The stand-in keystore's key: the same key across restarts, as the OS keystore would keep it. */
  safeKey: string;
  packaged?: boolean;
  backend?: string;
  env?: Record<string, string>;
};

export const newSafeKey = (): string => randomBytes(32).toString('hex');

export function startMain(o: MainOptions): RunningMain {
  const child = fork(join(o.appDir, 'dist', 'electron', 'main.cjs'), [], {
    cwd: o.userData,
    // Plain node: not the test runner's loaders (tsx) and not the project's node_modules.
    execArgv: [],
    env: {
      ...process.env,
      NODE_OPTIONS: '',
      NODE_PATH: STANDIN_PATH,
      KURA_STANDIN_USER_DATA: o.userData,
      KURA_STANDIN_PACKAGED: o.packaged === false ? '0' : '1',
      KURA_STANDIN_SAFE_KEY: o.safeKey,
      KURA_STANDIN_BACKEND: o.backend ?? 'gnome_libsecret',
      KURA_DATA_DIR: '',
      KURA_DEV_KEYFILE: '',
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString('utf8')));
  child.stdout!.on('data', () => undefined);
  const events: MainEvent[] = [];
  const waiters: (() => void)[] = [];
  const replies = new Map<number, (m: { ok: boolean; result?: unknown; error?: string }) => void>();
  child.on('message', (m: { event?: string; reply?: number; ok?: boolean; result?: unknown; error?: string }) => {
    if (typeof m.reply === 'number') {
      replies.get(m.reply)?.({ ok: m.ok === true, result: m.result, error: m.error });
      replies.delete(m.reply);
      return;
    }
    events.push(m as MainEvent);
    for (const w of waiters.splice(0)) w();
  });
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let seq = 0;
  const order = <T>(op: string, args: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      replies.set(id, (m) => (m.ok ? resolve(m.result as T) : reject(new Error(m.error))));
      child.send({ id, op, ...args });
    });
  const waitFor = <E extends MainEvent['event']>(event: E, timeoutMs = 20_000): Promise<Extract<MainEvent, { event: E }>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no '${event}' from the main process in ${timeoutMs} ms; events: ${JSON.stringify(events)}; stderr: ${err}`)), timeoutMs);
      const check = (): void => {
        const found = events.find((e) => e.event === event);
        if (found) {
          clearTimeout(timer);
          resolve(found as Extract<MainEvent, { event: E }>);
        } else waiters.push(check);
      };
      check();
      void exited.then(() => setImmediate(check));
    });
  return { child, events, stderr: () => err, exited, waitFor, order, invoke: (channel, input) => order<RpcResult>('invoke', { channel, input }) };
}
