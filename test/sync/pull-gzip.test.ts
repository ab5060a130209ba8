// Issue 14, DP-6: pull pages travel gzipped when the terminal accepts it. The data center compresses only
// for a client that asks (a q=0 refuses), the terminal inflates on zlib's pool, and a body that does not
// inflate, or inflates past the cap, is a clear refusal: never a half-read page.
import assert from 'node:assert/strict';
import { createServer, request, type Server } from 'node:https';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { HttpsTransport, type SyncIdentity } from '../../main/core/sync';
import { SYNC_PATHS } from '../../shared/sync/protocol';
import { loadTlsMaterial } from '../../server/src/tls';
import { startDataCenter, type DataCenter } from '../server/fixture';

type Answer = { status: number; encoding: string | undefined; body: Buffer };

describe('issue 14: gzipped pull pages', () => {
  let dc: DataCenter;
  let identity: SyncIdentity;
  beforeAll(async () => {
    dc = await startDataCenter();
    const bundle = dc.enrol('T-GZIP');
    identity = { terminalId: 'T-GZIP', serverUrl: dc.server.url, caPem: bundle.caPem, certPem: bundle.certPem, keyPem: bundle.keyPem! };
  });
  afterAll(async () => {
    await dc?.stop();
  });

  const pull = (acceptEncoding: string | null): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request(
        new URL(`${SYNC_PATHS.pull}?after=0&limit=100`, dc.server.url),
        { ca: identity.caPem, cert: identity.certPem, key: identity.keyPem, agent: false, headers: acceptEncoding === null ? {} : { 'accept-encoding': acceptEncoding } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        },
      );
      req.on('error', reject);
      req.end();
    });

  it('DP-6: the data center gzips a pull page only for a terminal that accepts gzip, and the page is the same either way', async () => {
    const plain = await pull(null);
    assert.equal(plain.status, 200);
    assert.equal(plain.encoding, undefined);
    const refused = await pull('gzip;q=0, identity');
    assert.equal(refused.encoding, undefined);
    const zipped = await pull('gzip');
    assert.equal(zipped.status, 200);
    assert.equal(zipped.encoding, 'gzip');
    assert.deepEqual(JSON.parse(gunzipSync(zipped.body).toString('utf8')), JSON.parse(plain.body.toString('utf8')));
  });

  it('DP-6: the terminal reads a gzipped page through its one transport', async () => {
    const transport = new HttpsTransport(identity, 30_000);
    try {
      const answer = await transport.send('GET', `${SYNC_PATHS.pull}?after=0&limit=100`);
      assert.equal(answer.status, 200);
      assert.deepEqual(answer.body, JSON.parse((await pull(null)).body.toString('utf8')));
    } finally {
      transport.close();
    }
  });

  describe('a server whose gzip body is broken (same certificate, a stand-in for a faulty data center)', () => {
    let fake: Server;
    let body: Buffer = Buffer.alloc(0);
    beforeAll(async () => {
      const tls = loadTlsMaterial(dc.caDir);
      fake = createServer({ key: tls.key, cert: tls.cert, ca: tls.ca, requestCert: true, rejectUnauthorized: true, minVersion: 'TLSv1.3' }, (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        res.end(body);
      });
      await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    });
    const sendToFake = async (): Promise<unknown> => {
      const address = fake.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const transport = new HttpsTransport({ ...identity, serverUrl: `https://127.0.0.1:${port}` }, 30_000);
      try {
        return await transport.send('GET', `${SYNC_PATHS.pull}?after=0&limit=100`);
      } finally {
        transport.close();
      }
    };

    it('DP-6: a body that does not inflate is refused with a clear message', async () => {
      body = Buffer.concat([gzipSync(Buffer.from('{"changes":[]}')).subarray(0, 12), Buffer.from('not gzip at all')]);
      await assert.rejects(sendToFake(), /gzip body that does not inflate/);
    });

    it('DP-6: a body that inflates past the cap (a decompression bomb) is refused, not inflated', async () => {
      // 300 MB of zeros gzip to about 300 KB; the cap is 256 MB.
      body = gzipSync(Buffer.alloc(300 * 1024 * 1024), { level: 9 });
      await assert.rejects(sendToFake(), /gzip body that does not inflate/);
    });

    it('DP-6: a well-formed gzip body that is not JSON is refused', async () => {
      body = gzipSync(Buffer.from('<html>proxy error</html>'));
      await assert.rejects(sendToFake(), /not JSON/);
    });
  });
});
