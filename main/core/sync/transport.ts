// DP-6: the only network client in Kura. It talks to the one configured origin, over TLS 1.3, trusting
// only the pinned data-center CA and presenting the terminal certificate; paths are the protocol's own.
import { Agent, request } from 'node:https';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { KEY_RELAY_PATHS } from '../../../shared/sync/keys';
import { SYNC_PATHS } from '../../../shared/sync/protocol';
import type { SyncIdentity } from './identity';

export type TransportResponse = { status: number; body: unknown };

export interface SyncTransport {
  send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<TransportResponse>;
  close(): void;
}

const gunzipAsync = promisify(gunzip);
/** Issue 14: pull pages come gzipped (~8 MB of JSON a 20,000-row page); a body inflating past this is refused. */
const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

const ALLOWED_PATHS = new Set<string>([...Object.values(SYNC_PATHS), ...Object.values(KEY_RELAY_PATHS)]);

export class HttpsTransport implements SyncTransport {
  private readonly agent: Agent;
  private readonly origin: URL;

  constructor(
    identity: SyncIdentity,
    private readonly timeoutMs = 30_000,
  ) {
    this.origin = new URL(identity.serverUrl);
    this.agent = new Agent({
      keepAlive: true,
      maxSockets: 2,
      ca: identity.caPem, // pinned: the system trust store is not consulted
      cert: identity.certPem,
      key: identity.keyPem,
      minVersion: 'TLSv1.3',
    });
  }

  async send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<TransportResponse> {
    const url = new URL(path, this.origin);
    if (url.origin !== this.origin.origin || !ALLOWED_PATHS.has(url.pathname)) {
      throw new Error(`refused: ${url.pathname} is not a sync endpoint of the configured server`);
    }
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    try {
      return await this.once(url, method, payload);
    } catch (e) {
      // A kept-alive connection the other end already closed: every sync request is safe to repeat
      // (pushes are numbered), so it is sent once more on a fresh connection.
      if ((e as { reusedSocket?: boolean }).reusedSocket) return this.once(url, method, payload);
      throw e;
    }
  }

  private once(url: URL, method: 'GET' | 'POST', payload: Buffer | undefined): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method,
          agent: this.agent,
          // The data center gzips what is worth it (pull pages, issue 14); every answer is read either way.
          headers: { 'accept-encoding': 'gzip', ...(payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {}) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            chunks.length = 0;
            // Inflated on zlib's thread pool, so this thread meanwhile keeps writing the page before.
            const inflated = res.headers['content-encoding'] === 'gzip' ? gunzipAsync(raw, { maxOutputLength: MAX_INFLATED_BYTES }) : Promise.resolve(raw);
            inflated.then(
              (body) => {
                const text = body.toString('utf8');
                try {
                  resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : null });
                } catch {
                  reject(new Error(`the server answered ${res.statusCode ?? 0} with a body that is not JSON`));
                }
              },
              () => reject(new Error(`the server answered ${res.statusCode ?? 0} with a gzip body that does not inflate`)),
            );
          });
        },
      );
      req.setTimeout(this.timeoutMs, () => req.destroy(new Error(`no answer from the data center within ${this.timeoutMs} ms`)));
      req.on('error', (e: Error) => reject(Object.assign(e, { reusedSocket: req.reusedSocket && (e as NodeJS.ErrnoException).code === 'ECONNRESET' })));
      req.end(payload);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
