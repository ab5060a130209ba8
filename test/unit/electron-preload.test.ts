// BL-2: the preload exposes window.kura = { invoke, subscribe } and nothing else, never ipcRenderer.
import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { EVENT_CHANNEL, RPC_CHANNEL, exposeKura, type KuraBridge } from '../../main/preload/bridge';

type Listener = (event: unknown, message: unknown) => void;

function fakeIpc() {
  const invoked: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc = {
    invoke: async (...args: unknown[]) => {
      invoked.push(args);
      return { ok: true, data: null };
    },
    on: (channel: string, l: Listener) => {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(l));
      return ipc;
    },
    removeListener: (channel: string, l: Listener) => {
      listeners.get(channel)?.delete(l);
      return ipc;
    },
  };
  const emit = (channel: string, message: unknown) => {
    for (const l of listeners.get(channel) ?? []) l({ sender: 'ipc-event-with-sender' }, message);
  };
  return { ipc, invoked, listeners, emit };
}

function exposed() {
  const worlds: [string, unknown][] = [];
  const { ipc, invoked, listeners, emit } = fakeIpc();
  exposeKura({ exposeInMainWorld: (key: string, api: unknown) => worlds.push([key, api]) } as never, ipc as never);
  return { worlds, invoked, listeners, emit };
}

describe('preload (BL-2)', () => {
  it('BL-2: exposes exactly window.kura with the keys [invoke, subscribe], all functions, frozen', () => {
    const { worlds } = exposed();
    assert.equal(worlds.length, 1);
    const [key, api] = worlds[0]!;
    assert.equal(key, 'kura');
    assert.deepEqual(Object.keys(api as object).sort(), ['invoke', 'subscribe']);
    assert.deepEqual(Object.getOwnPropertyNames(api as object).sort(), ['invoke', 'subscribe']);
    for (const value of Object.values(api as object)) assert.equal(typeof value, 'function');
    assert.equal(Object.isFrozen(api), true);
  });

  it('BL-2: invoke goes only to the rpc channel; subscribe hands over the payload, never the ipc event', async () => {
    const { worlds, invoked, listeners, emit } = exposed();
    const api = worlds[0]![1] as KuraBridge;
    await api.invoke('member.search', { by: 'kanaName', query: 'ヤ' });
    assert.deepEqual(invoked, [[RPC_CHANNEL, 'member.search', { by: 'kanaName', query: 'ヤ' }]]);
    await assert.rejects(() => api.invoke(42 as unknown as string, {}));

    const received: unknown[] = [];
    const off = api.subscribe('locked', (payload) => received.push(payload));
    emit(EVENT_CHANNEL, { event: 'locked', payload: null });
    emit(EVENT_CHANNEL, { event: 'other', payload: 'x' });
    assert.deepEqual(received, [null]);
    off();
    emit(EVENT_CHANNEL, { event: 'locked' });
    assert.equal(received.length, 1);
    assert.equal(listeners.get(EVENT_CHANNEL)?.size, 0);

    // An event name the main process never sends gets no listener at all.
    api.subscribe('anything', () => undefined);
    assert.equal(listeners.get(EVENT_CHANNEL)?.size, 0);
  });
});
