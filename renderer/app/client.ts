// The renderer's one way out: window.kura (the preload's bridge in Electron) or, in a plain browser,
// the dev host's loopback WebSocket opened with the one-time token from the address (#token=...).
import type { Channel, ChannelInput, ChannelOutput, RpcResult } from '../../shared/rpc';
import type { Message } from '../../shared/i18n';

export type KuraBridge = {
  invoke(channel: string, input: unknown): Promise<unknown>;
  subscribe(event: string, callback: (payload: unknown) => void): () => void;
};

declare global {
  interface Window {
    kura?: KuraBridge;
  }
}

/** An error as a clerk reads it: a code and the sentence in both languages, never a stack. */
export type UiError = Message & { code: string };

export class RpcError extends Error {
  constructor(readonly error: UiError) {
    super(error.code);
  }
}

const DISCONNECTED: UiError = {
  code: 'disconnected',
  ja: 'Kura 本体との接続が切れました。開発用ホストのコンソールで新しいアドレスを表示し（Enter キー）、開き直してください。',
  en: 'The connection to Kura was lost. Press Enter in the dev host console for a new address and open it.',
};
const NO_TOKEN: UiError = {
  code: 'no_token',
  ja: 'このアドレスは使用済みか、トークンがありません。開発用ホストのコンソールに表示された新しいアドレスを開いてください。',
  en: 'This address has been used or carries no token. Open the new address shown in the dev host console.',
};

type Pending = { resolve: (value: unknown) => void; reject: (reason: RpcError) => void };

/** Dev host transport: one socket, requests matched to answers by id. */
function socketBridge(): KuraBridge {
  const token = new URLSearchParams(location.hash.slice(1)).get('token');
  // The token is used once; take it out of the address bar and history straight away.
  history.replaceState(null, '', location.pathname);
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let failure: UiError | null = token ? null : NO_TOKEN;
  const socket = token ? new WebSocket(`ws://${location.host}/rpc?token=${encodeURIComponent(token)}`) : null;
  const opened = new Promise<void>((resolve) => {
    socket?.addEventListener('open', () => resolve());
  });
  const fail = (error: UiError): void => {
    failure = error;
    for (const p of pending.values()) p.reject(new RpcError(error));
    pending.clear();
  };
  socket?.addEventListener('close', () => fail(DISCONNECTED));
  socket?.addEventListener('message', (e: MessageEvent<string>) => {
    const message = JSON.parse(e.data) as { id?: number | null; result?: unknown; event?: string; payload?: unknown };
    if (typeof message.event === 'string') {
      for (const cb of listeners.get(message.event) ?? []) cb(message.payload ?? null);
      return;
    }
    if (typeof message.id !== 'number') return;
    pending.get(message.id)?.resolve(message.result);
    pending.delete(message.id);
  });
  return {
    async invoke(channel, input) {
      if (failure || !socket) throw new RpcError(failure ?? NO_TOKEN);
      await opened;
      return new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        socket.send(JSON.stringify({ id, channel, input }));
      });
    },
    subscribe(event, callback) {
      const set = listeners.get(event) ?? new Set();
      set.add(callback);
      listeners.set(event, set);
      return () => set.delete(callback);
    },
  };
}

let bridge: KuraBridge | null = null;
function kura(): KuraBridge {
  bridge ??= window.kura ?? socketBridge();
  return bridge;
}

export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = (await kura().invoke(channel, input)) as RpcResult<C>;
  if (!result.ok) throw new RpcError(result.error);
  return result.data;
}

export function subscribe(event: 'locked', callback: () => void): () => void {
  return kura().subscribe(event, () => callback());
}

/** Anything thrown becomes a sentence for the clerk; an unexpected one never shows its stack. */
export function toUiError(e: unknown): UiError {
  if (e instanceof RpcError) return e.error;
  return { code: 'internal', ja: '画面の処理で問題が発生しました。もう一度操作してください。', en: 'The screen ran into a problem. Please try again.' };
}
