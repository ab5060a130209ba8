// The data-center server: Fastify 5 over mutual TLS 1.3, the sync endpoints, PostgreSQL underneath.
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Server } from 'node:https';
import { promisify } from 'node:util';
import { constants as zlibConstants, gzip } from 'node:zlib';
import type { TLSSocket } from 'node:tls';
import type { Pool } from 'pg';
import { z } from 'zod';
import { SYNC_PATHS, conflictsResolvedRequest, logPushRequest, pullQuery, pushRequest, type SyncErrorCode } from '../../shared/sync/protocol';
import { LogRefusal, acceptLog, logState } from './sync/checkpoints';
import { registerDirectoryRoutes } from './sync/directory-routes';
import { recordResolutions } from './sync/conflicts';
import { registerKeyRelay } from './sync/key-relay';
import { readChangesJson } from './sync/pull';
import { SyncRefusal, applyPush } from './sync/push';
import { TerminalSockets, loadTlsMaterial, peerTerminal, tlsOptions, type PeerTerminal } from './tls';

const gzipAsync = promisify(gzip);

/** Whether the client accepts gzip (a q=0 refuses it). */
function acceptsGzip(header: string | string[] | undefined): boolean {
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    return coding === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}

export type ServerOptions = {
  caDir: string;
  pool: Pool;
  host: string;
  port: number;
  /** How often the CRL file is checked for a revocation made by the CLI. */
  crlPollMs?: number;
  log?: (line: string) => void;
};

export type KuraServer = {
  app: FastifyInstance;
  url: string;
  port: number;
  sockets: TerminalSockets;
  close(): Promise<void>;
};

function refuse(reply: FastifyReply, status: number, error: SyncErrorCode, detail: string): FastifyReply {
  return reply.code(status).send({ error, detail: detail.slice(0, 500) });
}

function parseOr<T>(schema: z.ZodType<T>, value: unknown, reply: FastifyReply): T | null {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  refuse(reply, 400, 'invalid_body', [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 10).join(', '));
  return null;
}

export async function startServer(options: ServerOptions): Promise<KuraServer> {
  const log = options.log ?? ((line: string) => console.log(`[kura-server] ${line}`));
  const app = Fastify({ https: tlsOptions(loadTlsMaterial(options.caDir)), bodyLimit: 64 * 1024 * 1024, logger: false, keepAliveTimeout: 30_000 });
  const sockets = new TerminalSockets(app.server as Server, options.caDir, log);
  const { pool } = options;

  // Identity from the certificate, on every request; a revoked one is cut off even mid-connection.
  const terminalOf = (request: FastifyRequest, reply: FastifyReply): PeerTerminal | null => {
    const socket = request.raw.socket as TLSSocket;
    const peer = peerTerminal(socket);
    if (!peer || sockets.isRevoked(peer.serial)) {
      // DP-6: the one answer a revoked terminal gets; the connection closes after it.
      void reply.header('connection', 'close');
      refuse(reply, 403, 'terminal_revoked', 'this terminal certificate is revoked: the terminal wipes its replica');
      return null;
    }
    return peer;
  };

  app.post(SYNC_PATHS.push, async (request, reply) => {
    const peer = terminalOf(request, reply);
    if (!peer) return reply;
    const body = parseOr(pushRequest, request.body, reply);
    if (!body) return reply;
    try {
      return await applyPush(pool, peer.terminalId, body.mutations);
    } catch (e) {
      if (e instanceof SyncRefusal) return refuse(reply, 409, e.code, e.detail);
      throw e;
    }
  });

  app.get(SYNC_PATHS.pull, async (request, reply) => {
    if (!terminalOf(request, reply)) return reply;
    const query = parseOr(pullQuery, request.query, reply);
    if (!query) return reply;
    // The page's JSON comes from PostgreSQL as one text (sync/pull.ts).
    const json = await readChangesJson(pool, query.after, query.limit);
    reply.type('application/json; charset=utf-8').header('vary', 'accept-encoding');
    // Issue 14: a 20,000-row page is ~8 MB of JSON (the same keys on every row) and gzip at level 1
    // makes it ~1 MB, on zlib's thread pool. Uncompressed, a terminal busy writing the previous page
    // (a synchronous SQLite statement) left the socket unread, so the page asked for ahead stalled
    // after the first socket buffers and most of it crossed only after that write: the prefetch hid
    // the data center's query but not the transfer. Over a real link the bytes themselves dominate.
    if (!acceptsGzip(request.headers['accept-encoding'])) return reply.send(json);
    return reply.header('content-encoding', 'gzip').send(await gzipAsync(json, { level: zlibConstants.Z_BEST_SPEED }));
  });

  app.get(SYNC_PATHS.logState, async (request, reply) => {
    const peer = terminalOf(request, reply);
    if (!peer) return reply;
    return logState(pool, peer.terminalId);
  });

  app.post(SYNC_PATHS.log, async (request, reply) => {
    const peer = terminalOf(request, reply);
    if (!peer) return reply;
    const body = parseOr(logPushRequest, request.body, reply);
    if (!body) return reply;
    const cert = (request.raw.socket as TLSSocket).getPeerX509Certificate()!;
    try {
      return { acceptedThrough: await acceptLog(pool, peer.terminalId, cert.publicKey, body.entries, body.checkpoint) };
    } catch (e) {
      if (e instanceof LogRefusal) {
        if (e.alerts) log(`ALERT ${e.code} from terminal ${peer.terminalId}: ${e.detail}`);
        return refuse(reply, 409, e.code, e.detail);
      }
      throw e;
    }
  });

  registerDirectoryRoutes(app, { pool, terminalOf, parseOr, refuse });
  app.post(SYNC_PATHS.conflictsResolved, async (request, reply) => {
    const peer = terminalOf(request, reply);
    if (!peer) return reply;
    const body = parseOr(conflictsResolvedRequest, request.body, reply);
    if (!body) return reply;
    return recordResolutions(pool, peer.terminalId, body.resolutions);
  });
  registerKeyRelay(app, { pool, terminalOf, isRevoked: (serial) => sockets.isRevoked(serial), log });

  app.setErrorHandler((error, _request, reply) => {
    // The log line carries no body: a request may hold ciphertext, never plaintext, but keep it out anyway.
    log(`request failed: ${error instanceof Error ? error.message : String(error)}`);
    void reply.code(500).send({ error: 'internal' });
  });

  await app.listen({ host: options.host, port: options.port });
  sockets.watch(options.crlPollMs ?? 1_000);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    app,
    port,
    url: `https://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`,
    sockets,
    close: async () => {
      sockets.stop();
      app.server.closeAllConnections();
      await app.close();
    },
  };
}
