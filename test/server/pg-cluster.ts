// A throwaway PostgreSQL for one test file. Under vitest the run's one cluster (pg-global-setup.ts,
// started once: initdb cost a few seconds per file) gives each file a database of its own, dropped at
// the end; elsewhere (the bench) a cluster of its own: initdb in a temporary folder, a free loopback port,
// its unix socket in the same folder, stopped and deleted at the end. As root, initdb and pg_ctl run as
// the postgres user (they refuse root). Debian's postgresql package provides the binaries.
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type PgCluster = { pool: pg.Pool; port: number; connectionString: string; stop(): Promise<void> };

function pgBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) throw new Error('PostgreSQL binaries not found in /usr/lib/postgresql: apt-get install postgresql');
  return join(root, versions[0]!, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts a cluster; the caller owns it. `maxConnections` bounds every file sharing it. */
export async function startPgServer(maxConnections = 40): Promise<PgCluster> {
  const bin = pgBinDir();
  const dir = mkdtempSync(join(tmpdir(), 'kura-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    chownSync(dir, uid, gid);
  }
  const run = (cmd: string, args: string[]): void => {
    const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    execFileSync(file, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-U', 'kura', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // Durability settings off: the cluster lives for one test file. Loopback only (DP-6 harness rule).
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${maxConnections}`;
  run('pg_ctl', ['-D', data, '-o', opts, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const connectionString = `postgres://kura@127.0.0.1:${port}/postgres`;
  const pool = new pg.Pool({ connectionString, max: 10 });
  return {
    pool,
    port,
    connectionString,
    stop: async () => {
      await pool.end().catch(() => undefined);
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's shared cluster (pg-global-setup.ts): a superuser URL on its postgres database. */
    kuraPgUrl: string;
  }
}

let databaseSeq = 0;

export async function startPgCluster(): Promise<PgCluster> {
  // VITEST is set in vitest's workers; vitest is imported only there (the bench runs without it).
  const shared = process.env.VITEST ? (await import('vitest')).inject('kuraPgUrl') : undefined;
  if (!shared) return startPgServer();
  const name = `kura_${process.pid}_${++databaseSeq}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(shared);
  url.pathname = `/${name}`;
  const connectionString = url.toString();
  const pool = new pg.Pool({ connectionString, max: 10 });
  return {
    pool,
    port: Number(url.port),
    connectionString,
    stop: async () => {
      await pool.end().catch(() => undefined);
      const drop = new pg.Client({ connectionString: shared });
      await drop.connect();
      try {
        await drop.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await drop.end();
      }
    },
  };
}
