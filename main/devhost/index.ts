// Dev and test only (never packaged): the built renderer and the same router, over loopback.
// The browser gets a one-time token in the address (#token=...); the WebSocket at /rpc accepts a
// token once, so a copied address is useless after the first tab has connected.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { resolve } from 'node:path';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { KuraError, toWireError } from '../../shared/errors';
import { KeyFileKeystore } from '../core/store';
import { Connection, openKura, Router, type Kura } from '../rpc';
import { configureImports, type ImportConfiguration } from '../rpc/handlers/imports';
import { configureMedia, type MediaConfiguration } from '../rpc/handlers/media';
import { demoCredentialsText, setUpDemo } from './demo';
import { assertLoopback, isLoopbackHostHeader } from './loopback';
import { serveStatic } from './static';

export type DevHostOptions = {
  dataDir: string;
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Set up a demo store (manager, three clerks, synthetic members) when the store is empty. */
  demo?: boolean;
  demoMembers?: number;
  policyPath?: string;
  now?: () => Date;
  rendererDir?: string;
  log?: (line: string) => void;
  /** Drives and scanner for the media screens (E2E and the demo pass FakeDrives: a folder plays the stick). */
  media?: MediaConfiguration;
  /** How long an issued address stays usable if nobody opens it (default 10 minutes). */
  tokenTtlMs?: number;
  /** Scanner and limits for employer-file imports (E2E passes ClamAV with a test signature file). */
  imports?: ImportConfiguration;
};

export type DevHost = {
  /** The address to open, with a fresh one-time token. */
  url: string;
  port: number;
  kura: Kura;
  router: Router;
  /** A new one-time address (for a second tab, or after a reload consumed the first token). */
  issueUrl(): string;
  /** AC-10 as the shell does it on OS lock: lock every session and tell every page. */
  lockAll(): void;
  close(): Promise<void>;
};

const requestSchema = z.strictObject({ id: z.number().int().nonnegative(), channel: z.string().min(1).max(64), input: z.unknown() });

function refuseUpgrade(socket: Duplex, status: string): void {
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startDevHost(options: DevHostOptions): Promise<DevHost> {
  const host = options.host ?? '127.0.0.1';
  assertLoopback(host);
  const log = options.log ?? ((line: string) => console.log(line));
  const rendererDir = resolve(options.rendererDir ?? 'dist/renderer');
  // Development keystore: the key file sits beside the store; openStore refuses it when packaged (DP-1).
  const kura = openKura({ dataDir: options.dataDir, keystore: new KeyFileKeystore(options.dataDir), packaged: false, policyPath: options.policyPath, now: options.now });
  if (options.media) configureMedia(kura, options.media);
  if (options.imports) configureImports(kura, options.imports);
  const router = new Router(kura);
  if (options.demo) {
    const created = await setUpDemo(router, options.demoMembers ?? 2000, kura.now);
    log(created ? 'デモデータを作成しました / Demo store created.' : '既存のデータを使用します（デモ作成なし） / Existing store kept, no demo created.');
    log(demoCredentialsText());
  }

  // Issued, unused tokens and when they were issued: an address left lying around stops working.
  const tokens = new Map<string, number>();
  const tokenTtlMs = options.tokenTtlMs ?? 10 * 60_000;
  const takeToken = (token: string): boolean => {
    const issued = tokens.get(token);
    tokens.delete(token);
    return issued !== undefined && Date.now() - issued <= tokenTtlMs;
  };
  const sockets = new Map<WebSocket, Connection>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  const server: Server = createServer((req, res) => {
    if (!isLoopbackHostHeader(req.headers.host, port)) {
      res.writeHead(421).end();
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    void serveStatic(rendererDir, req, res, pathname);
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const token = url.searchParams.get('token') ?? '';
    const origin = req.headers.origin;
    // Host and Origin must be this loopback page (no DNS rebinding, no other site's script), and the
    // token must be one we issued and nobody has used yet.
    if (url.pathname !== '/rpc' || !isLoopbackHostHeader(req.headers.host, port) || origin !== `http://${req.headers.host}`) {
      refuseUpgrade(socket, '403 Forbidden');
      return;
    }
    if (!takeToken(token)) {
      refuseUpgrade(socket, '401 Unauthorized');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  });

  function accept(ws: WebSocket): void {
    const conn = new Connection('devhost');
    sockets.set(ws, conn);
    ws.on('close', () => {
      conn.end();
      sockets.delete(ws);
    });
    ws.on('message', (data, isBinary) => {
      let message: z.infer<typeof requestSchema>;
      try {
        if (isBinary) throw new Error('binary');
        message = requestSchema.parse(JSON.parse(data.toString()) as unknown);
      } catch {
        ws.send(JSON.stringify({ id: null, result: { ok: false, error: toWireError(new KuraError('invalid_input', { fields: '(message)' })) } }));
        return;
      }
      void router.invoke(conn, message.channel, message.input).then((result) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id: message.id, result }));
      });
    });
  }

  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, () => ok());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const hostInUrl = host.includes(':') ? `[${host}]` : host;

  const issueUrl = (): string => {
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, Date.now());
    return `http://${hostInUrl}:${port}/#token=${token}`;
  };

  return {
    url: issueUrl(),
    port,
    kura,
    router,
    issueUrl,
    lockAll() {
      for (const [ws, conn] of sockets) {
        conn.lock();
        ws.send(JSON.stringify({ event: 'locked', payload: null }));
      }
    },
    async close() {
      for (const ws of sockets.keys()) ws.terminate();
      wss.close();
      await new Promise<void>((ok) => server.close(() => ok()));
      server.closeAllConnections();
      kura.close();
    },
  };
}
