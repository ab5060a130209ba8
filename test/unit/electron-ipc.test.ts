// BL-2: the ipc adapter calls the router only for the app's own top-level frame, with one Connection
// per window; AC-10: an OS lock locks every window's session. 'electron' is mocked.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
import type { RpcResult } from '../../shared/rpc';
import { isTrustedSender, rendererFileFor } from '../../main/electron/hardening';
import { ConnectionRegistry, EVENT_CHANNEL, handleRpc, installRpcBridge, type RpcEvent } from '../../main/electron/ipc';
import { serveRendererFile } from '../../main/electron/protocol';
import type { Connection } from '../../main/rpc';

class FakeContents {
  readonly sent: [string, unknown][] = [];
  private readonly onDestroyed: (() => void)[] = [];
  destroyed = false;
  constructor(readonly id: number) {}
  once(event: string, listener: () => void) {
    if (event === 'destroyed') this.onDestroyed.push(listener);
    return this;
  }
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload]);
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    for (const l of this.onDestroyed) l();
  }
}

function event(url: string, contents: FakeContents, isMainFrame = true): RpcEvent {
  return { senderFrame: { url, parent: isMainFrame ? null : {} }, sender: contents as unknown as RpcEvent['sender'] };
}

function recordingInvoke() {
  const calls: { conn: Connection; channel: string; input: unknown }[] = [];
  const invoke = async (conn: Connection, channel: string, input: unknown): Promise<RpcResult> => {
    calls.push({ conn, channel, input });
    return { ok: true, data: { initialized: true, terminalName: 'x' } } as RpcResult;
  };
  return { calls, invoke };
}

describe('electron ipc (BL-2, AC-10)', () => {
  it('BL-2: a call from a foreign frame, a subframe or a vanished frame never reaches the router', async () => {
    const { calls, invoke } = recordingInvoke();
    const registry = new ConnectionRegistry();
    const contents = new FakeContents(1);
    const refusals = [
      event('https://evil.example/', contents),
      event('file:///tmp/evil.html', contents),
      event('app://kura.evil/index.html', contents),
      event('app://kura/index.html', contents, false),
      { senderFrame: null, sender: contents as unknown as RpcEvent['sender'] },
    ];
    for (const e of refusals) {
      const r = await handleRpc(e, ['setup.status', {}], invoke, registry);
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error.code, 'forbidden');
    }
    assert.equal(calls.length, 0);
    assert.equal(isTrustedSender({ url: 'app://kura/index.html', isMainFrame: true }), true);
  });

  it('BL-2: the app frame reaches the router with one Connection per window, origin ipc', async () => {
    const { calls, invoke } = recordingInvoke();
    const registry = new ConnectionRegistry();
    const a = new FakeContents(1);
    const b = new FakeContents(2);
    await handleRpc(event('app://kura/index.html', a), ['setup.status', {}], invoke, registry);
    await handleRpc(event('app://kura/index.html', a), ['session.get', {}], invoke, registry);
    await handleRpc(event('app://kura/index.html', b), ['session.get', {}], invoke, registry);
    assert.deepEqual(calls.map((c) => c.channel), ['setup.status', 'session.get', 'session.get']);
    assert.equal(calls[0]!.conn, calls[1]!.conn);
    assert.notEqual(calls[0]!.conn, calls[2]!.conn);
    assert.equal(calls[0]!.conn.origin, 'ipc');
    // A malformed call (no channel name) is refused before the router.
    const bad = await handleRpc(event('app://kura/index.html', a), [42], invoke, registry);
    assert.equal(!bad.ok && bad.error.code, 'invalid_input');
    assert.equal(calls.length, 3);
  });

  it('BL-2: installRpcBridge registers exactly the one rpc handler', async () => {
    const handlers = new Map<string, (...args: unknown[]) => unknown>();
    const { calls, invoke } = recordingInvoke();
    installRpcBridge({ handle: (channel: string, h: (...args: unknown[]) => unknown) => handlers.set(channel, h) } as never, invoke, new ConnectionRegistry());
    assert.deepEqual([...handlers.keys()], ['rpc']);
    await handlers.get('rpc')!(event('https://evil.example/', new FakeContents(9)), 'setup.status', {});
    assert.equal(calls.length, 0);
  });

  it('AC-10: an OS lock locks every window session and tells each window; a closed window is forgotten', async () => {
    const { calls, invoke } = recordingInvoke();
    const registry = new ConnectionRegistry();
    const a = new FakeContents(1);
    const b = new FakeContents(2);
    await handleRpc(event('app://kura/index.html', a), ['session.get', {}], invoke, registry);
    await handleRpc(event('app://kura/index.html', b), ['session.get', {}], invoke, registry);
    const [connA, connB] = [calls[0]!.conn, calls[1]!.conn];
    for (const c of [connA, connB]) c.session = { userId: 'u', business: null, startedAt: 0, lastActivityAt: 0, locked: false, mustChangePassword: false } as never;
    b.destroy();
    registry.lockAll();
    assert.equal(connA.session?.locked, true);
    assert.deepEqual(a.sent, [[EVENT_CHANNEL, { event: 'locked' }]]);
    assert.deepEqual(b.sent, []);
    await handleRpc(event('app://kura/index.html', b), ['session.get', {}], invoke, registry);
    assert.notEqual(calls[2]!.conn, connB, 'a new window id gets a fresh connection');
  });
});

describe('electron app:// protocol (BL-2)', () => {
  it('BL-2: serves renderer files with the CSP header and refuses anything outside the renderer folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kura-renderer-'));
    try {
      writeFileSync(join(dir, 'index.html'), '<!doctype html>');
      writeFileSync(join(dir, 'app.js'), 'void 0');
      const index = await serveRendererFile(dir, 'app://kura/');
      assert.equal(index.status, 200);
      assert.match(index.headers.get('content-security-policy') ?? '', /^default-src 'self'/);
      assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
      assert.equal((await serveRendererFile(dir, 'app://kura/app.js')).status, 200);
      for (const url of ['app://kura/../../etc/passwd', 'app://kura/%2e%2e/%2e%2e/etc/passwd', 'app://kura/..%2fsecret.js', 'app://other/index.html', 'file:///etc/passwd', 'app://kura/missing.js']) {
        const r = await serveRendererFile(dir, url);
        assert.equal(r.status, 404, url);
        assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'self'/);
      }
      // The URL parser resolves dot segments first, so they can only land inside the folder.
      assert.equal(rendererFileFor('app://kura/sub/../../x.js'), 'x.js');
      assert.equal(rendererFileFor('app://kura/..%2f..%2fx.js'), null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
