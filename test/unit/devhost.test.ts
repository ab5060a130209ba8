// The dev host: loopback only, one-time tokens, the same CSP as the shell, and the same router.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { WebSocket } from 'ws';
import { CONTENT_SECURITY_POLICY } from '../../main/electron/hardening';
import { startDevHost, type DevHost } from '../../main/devhost';
import { assertLoopback } from '../../main/devhost/loopback';
import { DEMO_MANAGER, DEMO_SYSADMIN, DEMO_USERS } from '../../main/devhost/demo';

function get(port: number, path: string, host = `127.0.0.1:${port}`): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens the rpc socket as a page on the dev host would; resolves with the socket or the refusal status. */
function connect(port: number, token: string, origin = `http://127.0.0.1:${port}`): Promise<WebSocket | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc?token=${encodeURIComponent(token)}`, { origin });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve(-1));
  });
}

function rpc(ws: WebSocket, id: number, channel: string, input: unknown): Promise<{ id: number; result: { ok: boolean; data?: unknown; error?: { code: string } } }> {
  return new Promise((resolve) => {
    ws.on('message', function onMessage(data) {
      const m = JSON.parse(data.toString()) as { id: number; result: { ok: boolean } };
      if (m.id === id) {
        ws.off('message', onMessage);
        resolve(m as never);
      }
    });
    ws.send(JSON.stringify({ id, channel, input }));
  });
}

const tokenOf = (url: string) => new URL(url).hash.replace('#token=', '');

describe('dev host (BL-2, DP-6)', { timeout: 120_000 }, () => {
  let dir: string;
  let host: DevHost;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kura-devhost-'));
    const renderer = join(dir, 'renderer');
    mkdirSync(renderer);
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Kura</title>');
    host = await startDevHost({ dataDir: join(dir, 'store'), port: 0, demo: true, demoMembers: 50, rendererDir: renderer, log: () => undefined });
  });
  afterAll(async () => {
    await host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('DP-6: refuses to bind anything but loopback', async () => {
    for (const address of ['0.0.0.0', '::', '192.168.1.10', 'example.com', 'localhost']) {
      assert.throws(() => assertLoopback(address), /ループバック/, address);
      await assert.rejects(startDevHost({ dataDir: join(dir, 'never'), host: address }), /loopback only/, address);
    }
    assert.doesNotThrow(() => assertLoopback('127.0.0.1'));
    assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  });

  it('BL-2: serves the renderer with the same CSP header as the shell, and refuses a foreign Host header', async () => {
    const page = await get(host.port, '/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal((await get(host.port, '/../../etc/passwd')).status, 404);
    assert.equal((await get(host.port, '/', 'evil.example')).status, 421);
  });

  it('BL-2: a token works once; a reused, unknown or foreign-origin connection is refused', async () => {
    const url = host.issueUrl();
    const token = tokenOf(url);
    assert.equal(await connect(host.port, 'not-a-token'), 401);
    const otherToken = tokenOf(host.issueUrl());
    assert.equal(await connect(host.port, otherToken, 'https://evil.example'), 403);
    const ws = await connect(host.port, token);
    assert.ok(ws instanceof WebSocket);
    assert.equal(await connect(host.port, token), 401, 'the token was consumed');
    const status = await rpc(ws, 1, 'setup.status', {});
    assert.deepEqual(status.result, { ok: true, data: { initialized: true, terminalName: 'デモ端末-01' } });
    ws.close();
  });

  it('BL-2: an issued address that nobody opened stops working after its time', async () => {
    const short = await startDevHost({ dataDir: join(dir, 'ttl'), port: 0, rendererDir: join(dir, 'renderer'), log: () => undefined, tokenTtlMs: 50 });
    try {
      const stale = tokenOf(short.issueUrl());
      await new Promise((r) => setTimeout(r, 120));
      assert.equal(await connect(short.port, stale), 401);
      const fresh = await connect(short.port, tokenOf(short.issueUrl()));
      assert.ok(fresh instanceof WebSocket);
      fresh.close();
    } finally {
      await short.close();
    }
  });

  it('demo (demo only): the manager and the demo clerks log in straight away through the socket', async () => {
    const ws = (await connect(host.port, tokenOf(host.issueUrl()))) as WebSocket;
    let id = 1;
    for (const u of [DEMO_MANAGER, DEMO_SYSADMIN, ...DEMO_USERS]) {
      const r = await rpc(ws, id++, 'auth.login', { userId: u.userId, password: u.password });
      assert.equal(r.result.ok, true, u.userId);
      assert.equal((r.result.data as { mustChangePassword: boolean }).mustChangePassword, false, u.userId);
    }
    const bad = await rpc(ws, id, 'nope.channel', {});
    assert.equal(bad.result.error?.code, 'unknown_channel');
    ws.close();
  });
});
