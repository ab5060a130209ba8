// The one bridge between the sandboxed renderer and the main process: two functions, never
// ipcRenderer itself (BL-2). Pure so tests can check exactly what the renderer receives.
import type { ContextBridge, IpcRenderer, IpcRendererEvent } from 'electron';

export const RPC_CHANNEL = 'rpc';
export const EVENT_CHANNEL = 'kura:event';
/** Events the main process may push: the OS locked the screen or the machine went to sleep (AC-10). */
export const KURA_EVENTS = ['locked'] as const;
export type KuraEvent = (typeof KURA_EVENTS)[number];

export type KuraBridge = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, callback: (payload: unknown) => void): () => void;
};

type Ipc = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

export function buildKuraBridge(ipc: Ipc): KuraBridge {
  return Object.freeze({
    invoke(channel: string, input: unknown): Promise<unknown> {
      if (typeof channel !== 'string') return Promise.reject(new TypeError('channel must be a string'));
      return ipc.invoke(RPC_CHANNEL, channel, input);
    },
    subscribe(event: string, callback: (payload: unknown) => void): () => void {
      if (!(KURA_EVENTS as readonly string[]).includes(event) || typeof callback !== 'function') return () => undefined;
      // The renderer gets the payload only, never the ipc event (it carries a sender object).
      const listener = (_e: IpcRendererEvent, message: unknown) => {
        const m = message as { event?: unknown; payload?: unknown } | null;
        if (m && m.event === event) callback(m.payload ?? null);
      };
      ipc.on(EVENT_CHANNEL, listener);
      return () => {
        ipc.removeListener(EVENT_CHANNEL, listener);
      };
    },
  });
}

export function exposeKura(contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>, ipc: Ipc): void {
  contextBridge.exposeInMainWorld('kura', buildKuraBridge(ipc));
}
