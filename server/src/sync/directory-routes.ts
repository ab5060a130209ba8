// The directory endpoints (users, grants, media ledger). Identity comes from the client certificate
// only (terminalOf, as for every sync endpoint); bodies are parsed with the shared zod schemas, so a
// row with an unlisted column or a password that is not an Argon2id hash never reaches the database.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { directoryPullQuery, directoryPushRequest } from '../../../shared/sync/directory';
import { SYNC_PATHS, type SyncErrorCode } from '../../../shared/sync/protocol';
import type { PeerTerminal } from '../tls';
import { applyDirectoryPush } from './directory-push';
import { readDirectoryChanges } from './directory-pull';
import { SyncRefusal } from './push';

export type DirectoryRouteDeps = {
  pool: Pool;
  terminalOf(request: FastifyRequest, reply: FastifyReply): PeerTerminal | null;
  parseOr<T>(schema: z.ZodType<T>, value: unknown, reply: FastifyReply): T | null;
  refuse(reply: FastifyReply, status: number, error: SyncErrorCode, detail: string): FastifyReply;
};

export function registerDirectoryRoutes(app: FastifyInstance, deps: DirectoryRouteDeps): void {
  app.post(SYNC_PATHS.directoryPush, async (request, reply) => {
    const peer = deps.terminalOf(request, reply);
    if (!peer) return reply;
    const body = deps.parseOr(directoryPushRequest, request.body, reply);
    if (!body) return reply;
    try {
      return await applyDirectoryPush(deps.pool, peer.terminalId, body.mutations);
    } catch (e) {
      if (e instanceof SyncRefusal) return deps.refuse(reply, 409, e.code, e.detail);
      throw e;
    }
  });

  app.get(SYNC_PATHS.directoryPull, async (request, reply) => {
    if (!deps.terminalOf(request, reply)) return reply;
    const query = deps.parseOr(directoryPullQuery, request.query, reply);
    if (!query) return reply;
    return readDirectoryChanges(deps.pool, query.after, query.limit);
  });
}
