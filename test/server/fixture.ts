// One data center per test file: its own PostgreSQL cluster, its own CA (via the server CLI), the
// server on 127.0.0.1, and helpers to enrol terminals and make raw mutual-TLS requests.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type Agent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type KuraServer } from '../../server/src/app';
import { runCli } from '../../server/src/cli';
import { migrateServer } from '../../server/src/db/migrations';
import { enrolTerminal, type TerminalBundle } from '../../server/src/pki';
import { startPgCluster, type PgCluster } from './pg-cluster';

export type DataCenter = {
  pg: PgCluster;
  server: KuraServer;
  caDir: string;
  caPem: string;
  enrol(terminalId: string): TerminalBundle;
  revoke(terminalId: string): void;
  stop(): Promise<void>;
};

export async function startDataCenter(options: { crlPollMs?: number } = {}): Promise<DataCenter> {
  const pg = await startPgCluster();
  const work = mkdtempSync(join(tmpdir(), 'kura-dc-'));
  const caDir = join(work, 'ca');
  try {
    runCli(['ca', 'init', '--ca', caDir, '--name', 'Kura Test CA', '--host', '127.0.0.1,localhost'], () => undefined);
    await migrateServer(pg.pool);
    const server = await startServer({ caDir, pool: pg.pool, host: '127.0.0.1', port: 0, crlPollMs: options.crlPollMs ?? 100, log: () => undefined });
    return {
      pg,
      server,
      caDir,
      caPem: readFileSync(join(caDir, 'ca.cert.pem'), 'utf8'),
      enrol: (terminalId) => enrolTerminal(caDir, terminalId),
      revoke: (terminalId) => {
        runCli(['revoke', '--ca', caDir, '--terminal', terminalId], () => undefined);
      },
      stop: async () => {
        await server.close();
        await pg.stop();
        rmSync(work, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await pg.stop();
    rmSync(work, { recursive: true, force: true });
    throw e;
  }
}

export type RawResponse = { status: number; body: unknown };

/** One HTTPS request with whatever credentials the test gives, to see exactly how the server answers. */
export function rawRequest(
  url: string,
  path: string,
  tls: { ca: string; cert?: string; key?: string; agent?: Agent },
  method: 'GET' | 'POST' = 'GET',
  body?: unknown,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const req = request(
      new URL(path, url),
      {
        method,
        ca: tls.ca,
        cert: tls.cert,
        key: tls.key,
        agent: tls.agent ?? false,
        headers: payload ? { 'content-type': 'application/json', 'content-length': payload.length } : {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let parsed: unknown = text;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: keep the text
          }
          resolve({ status: res.statusCode ?? 0, body: parsed });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
