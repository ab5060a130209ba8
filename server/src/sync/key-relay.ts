// The organisation-key relay at the data center (architecture.md Keys). It keeps one request per
// terminal (the X25519 public key it posted) and, once an administrator's terminal granted it, the
// organisation keys wrapped for that key: a blob this server cannot open. Identity is the client
// certificate only; a terminal fetches its own blob, once (then it is cleared); a revoked terminal
// gets nothing and is offered to nobody.
import { createPublicKey } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Pool } from 'pg';
import { KEY_RELAY_PATHS, keyGrantBody, keyRequestBody, type KeyRelayErrorCode, type MyKeysResponse, type PendingKeyRequestWire, type WrappedOrgKeys } from '../../../shared/sync/keys';
import type { PeerTerminal } from '../tls';

export type KeyRelayDeps = {
  pool: Pool;
  /** The terminal of the request's certificate, or null once the refusal was sent (revoked, none). */
  terminalOf(request: FastifyRequest, reply: FastifyReply): PeerTerminal | null;
  isRevoked(serial: string): boolean;
  log(line: string): void;
};

function refuse(reply: FastifyReply, status: number, error: KeyRelayErrorCode, detail: string): FastifyReply {
  return reply.code(status).send({ error, detail });
}

/** The key in one canonical PEM, or null if it is not an X25519 public key. */
export function canonicalX25519Pem(pem: string): string | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'x25519' ? key.export({ type: 'spki', format: 'pem' }).toString() : null;
  } catch {
    return null;
  }
}

const iso = (d: Date | null): string => (d ? d.toISOString() : '');

export async function recordKeyRequest(pool: Pool, peer: PeerTerminal, publicKeyPem: string): Promise<string> {
  // Asking again with the same key and certificate changes nothing (a retried request keeps its grant);
  // a new key, a new certificate or an already delivered grant starts over as pending.
  const changed = await pool.query<{ requested_at: Date }>(
    `INSERT INTO org_key_requests (terminal_id, cert_serial, public_key_pem, status) VALUES ($1, $2, $3, 'pending')
     ON CONFLICT (terminal_id) DO UPDATE SET cert_serial = EXCLUDED.cert_serial, public_key_pem = EXCLUDED.public_key_pem, requested_at = now(),
       status = 'pending', wrapped = NULL, granted_by = NULL, granted_at = NULL, delivered_at = NULL
     WHERE org_key_requests.public_key_pem <> EXCLUDED.public_key_pem OR org_key_requests.cert_serial <> EXCLUDED.cert_serial OR org_key_requests.status = 'delivered'
     RETURNING requested_at`,
    [peer.terminalId, peer.serial, publicKeyPem],
  );
  const row = changed.rows[0] ?? (await pool.query<{ requested_at: Date }>('SELECT requested_at FROM org_key_requests WHERE terminal_id = $1', [peer.terminalId])).rows[0]!;
  return iso(row.requested_at);
}

export async function pendingRequests(pool: Pool, isRevoked: (serial: string) => boolean): Promise<PendingKeyRequestWire[]> {
  const r = await pool.query<{ terminal_id: string; cert_serial: string; public_key_pem: string; requested_at: Date }>(
    "SELECT terminal_id, cert_serial, public_key_pem, requested_at FROM org_key_requests WHERE status = 'pending' ORDER BY requested_at, terminal_id LIMIT 1000",
  );
  return r.rows.filter((row) => !isRevoked(row.cert_serial)).map((row) => ({ terminalId: row.terminal_id, publicKeyPem: row.public_key_pem, requestedAt: iso(row.requested_at) }));
}

/** Stores the wrapped keys for exactly the request (terminal and key) the granting terminal named. */
export async function grantRequest(pool: Pool, granter: PeerTerminal, grant: { terminalId: string; publicKeyPem: string; wrapped: WrappedOrgKeys }, isRevoked: (serial: string) => boolean): Promise<string | null> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const r = await client.query<{ cert_serial: string }>(
      "SELECT cert_serial FROM org_key_requests WHERE terminal_id = $1 AND status = 'pending' AND public_key_pem = $2 FOR UPDATE",
      [grant.terminalId, grant.publicKeyPem],
    );
    const row = r.rows[0];
    if (!row || isRevoked(row.cert_serial)) {
      await client.query('ROLLBACK');
      return null;
    }
    const done = await client.query<{ granted_at: Date }>(
      "UPDATE org_key_requests SET status = 'granted', wrapped = $2, granted_by = $3, granted_at = now() WHERE terminal_id = $1 RETURNING granted_at",
      [grant.terminalId, JSON.stringify(grant.wrapped), granter.terminalId],
    );
    await client.query('COMMIT');
    return iso(done.rows[0]!.granted_at);
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

/** The terminal's own state; a granted blob is handed over once and cleared in the same transaction. */
export async function takeMyKeys(pool: Pool, peer: PeerTerminal): Promise<MyKeysResponse> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const r = await client.query<{ cert_serial: string; status: 'pending' | 'granted' | 'delivered'; requested_at: Date; wrapped: WrappedOrgKeys | null; granted_by: string | null; granted_at: Date | null; delivered_at: Date | null }>(
      'SELECT cert_serial, status, requested_at, wrapped, granted_by, granted_at, delivered_at FROM org_key_requests WHERE terminal_id = $1 FOR UPDATE',
      [peer.terminalId],
    );
    const row = r.rows[0];
    let answer: MyKeysResponse;
    // A request made under another certificate of the same name is not this one's to collect.
    if (!row || row.cert_serial !== peer.serial) answer = { state: 'none' };
    else if (row.status === 'pending') answer = { state: 'pending', requestedAt: iso(row.requested_at) };
    else if (row.status === 'delivered' || !row.wrapped || !row.granted_by) answer = { state: 'delivered', deliveredAt: iso(row.delivered_at) };
    else {
      answer = { state: 'granted', wrapped: row.wrapped, grantedBy: row.granted_by, grantedAt: iso(row.granted_at) };
      await client.query("UPDATE org_key_requests SET status = 'delivered', wrapped = NULL, delivered_at = now() WHERE terminal_id = $1", [peer.terminalId]);
    }
    await client.query('COMMIT');
    return answer;
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

export function registerKeyRelay(app: FastifyInstance, deps: KeyRelayDeps): void {
  const { pool, terminalOf, isRevoked, log } = deps;

  app.post(KEY_RELAY_PATHS.request, async (request, reply) => {
    const peer = terminalOf(request, reply);
    if (!peer) return reply;
    const body = keyRequestBody.safeParse(request.body);
    if (!body.success) return refuse(reply, 400, 'invalid_body', 'publicKeyPem');
    const pem = canonicalX25519Pem(body.data.publicKeyPem);
    if (!pem) return refuse(reply, 400, 'invalid_key', 'the enrolment key must be an X25519 public key');
    const requestedAt = await recordKeyRequest(pool, peer, pem);
    log(`organisation keys requested by terminal ${peer.terminalId}`);
    return { requestedAt };
  });

  app.get(KEY_RELAY_PATHS.pending, async (request, reply) => {
    if (!terminalOf(request, reply)) return reply;
    return { requests: await pendingRequests(pool, isRevoked) };
  });

  app.post(KEY_RELAY_PATHS.grant, async (request, reply) => {
    const peer = terminalOf(request, reply);
    if (!peer) return reply;
    const body = keyGrantBody.safeParse(request.body);
    if (!body.success) return refuse(reply, 400, 'invalid_body', [...new Set(body.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 10).join(', '));
    if (body.data.terminalId === peer.terminalId) return refuse(reply, 409, 'key_request_self', 'a terminal cannot grant keys to itself');
    const pem = canonicalX25519Pem(body.data.publicKeyPem);
    const grantedAt = pem ? await grantRequest(pool, peer, { ...body.data, publicKeyPem: pem }, isRevoked) : null;
    if (!grantedAt) return refuse(reply, 409, 'key_request_not_found', 'no open request from that terminal with that key');
    log(`organisation keys granted to terminal ${body.data.terminalId} by terminal ${peer.terminalId}`);
    return { grantedAt };
  });

  app.get(KEY_RELAY_PATHS.mine, async (request, reply) => {
    const peer = terminalOf(request, reply);
    if (!peer) return reply;
    const mine = await takeMyKeys(pool, peer);
    if (mine.state === 'granted') log(`wrapped organisation keys delivered to terminal ${peer.terminalId}`);
    return mine;
  });
}
