// DP-6: only terminals holding a live certificate from the data center's own CA get through.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { TLSSocket } from 'node:tls';
import { enrolTerminal, initCa } from '../../server/src/pki';
import { rawRequest, startDataCenter, type DataCenter } from './fixture';

async function refusedWith(dc: DataCenter, reason: string): Promise<void> {
  for (let i = 0; i < 50 && dc.server.sockets.refusals.at(-1) !== reason; i++) await new Promise((r) => setTimeout(r, 20));
  assert.equal(dc.server.sockets.refusals.at(-1), reason);
}

describe('data-center server: mutual TLS', () => {
  let dc: DataCenter;
  beforeAll(async () => {
    dc = await startDataCenter();
  });
  afterAll(async () => {
    await dc?.stop();
  });

  it('DP-6: an enrolled terminal is served, and its identity is the certificate CN', async () => {
    const t = dc.enrol('T-MTLS-01');
    const r = await rawRequest(dc.server.url, '/sync/log/state', { ca: dc.caPem, cert: t.certPem, key: t.keyPem! });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, { logId: null, seq: 0 });
  });

  it('DP-6: a client without a certificate is refused during the handshake', async () => {
    await assert.rejects(rawRequest(dc.server.url, '/sync/pull?after=0', { ca: dc.caPem }), (e: NodeJS.ErrnoException) => {
      assert.match(String(e.code), /CERTIFICATE_REQUIRED|ECONNRESET/);
      return true;
    });
  });

  it('DP-6: a certificate from another CA is refused', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kura-other-ca-'));
    try {
      initCa(join(other, 'ca'), { name: 'Someone else', serverHosts: ['127.0.0.1'] });
      const stranger = enrolTerminal(join(other, 'ca'), 'T-MTLS-01');
      await assert.rejects(rawRequest(dc.server.url, '/sync/pull?after=0', { ca: dc.caPem, cert: stranger.certPem, key: stranger.keyPem! }), (e: NodeJS.ErrnoException) => {
        assert.match(String(e.code), /UNKNOWN_CA|ECONNRESET/);
        return true;
      });
      // Node resets such a socket without an alert; the server keeps the verification reason.
      await refusedWith(dc, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('DP-6: a terminal trusting a different CA does not talk to this server (pinned CA)', async () => {
    const other = mkdtempSync(join(tmpdir(), 'kura-pin-'));
    try {
      initCa(join(other, 'ca'), { name: 'Impostor', serverHosts: ['127.0.0.1'] });
      const t = dc.enrol('T-MTLS-PIN');
      const wrongCa = readFileSync(join(other, 'ca', 'ca.cert.pem'), 'utf8');
      await assert.rejects(rawRequest(dc.server.url, '/sync/pull?after=0', { ca: wrongCa, cert: t.certPem, key: t.keyPem! }), (e: NodeJS.ErrnoException) => {
        assert.match(String(e.code), /SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/);
        return true;
      });
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('DP-6: revoking a terminal closes its open connection, and afterwards it gets only "revoked"', async () => {
    const t = dc.enrol('T-MTLS-REV');
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const tls = { ca: dc.caPem, cert: t.certPem, key: t.keyPem!, agent };
      assert.equal((await rawRequest(dc.server.url, '/sync/log/state', tls)).status, 200);
      const open = Object.values(agent.freeSockets).flat()[0] as TLSSocket | undefined;
      assert.ok(open, 'the keep-alive connection stays open');
      const closed = once(open, 'close');
      dc.revoke('T-MTLS-REV');
      await closed; // the server destroyed it after reloading the CRL
      assert.equal(dc.server.sockets.openConnections(), 0);
      // A new connection is told it is revoked (so it wipes its replica) and gets nothing else.
      const refused = await rawRequest(dc.server.url, '/sync/pull?after=0', { ca: dc.caPem, cert: t.certPem, key: t.keyPem! });
      assert.equal(refused.status, 403);
      assert.equal((refused.body as { error: string }).error, 'terminal_revoked');
      assert.equal(dc.server.sockets.refusals.at(-1), 'CERT_REVOKED');
      // Another terminal is unaffected.
      const u = dc.enrol('T-MTLS-OK');
      assert.equal((await rawRequest(dc.server.url, '/sync/log/state', { ca: dc.caPem, cert: u.certPem, key: u.keyPem! })).status, 200);
    } finally {
      agent.destroy();
    }
  });
});
