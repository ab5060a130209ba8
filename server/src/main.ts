// `npm run server`: migrate the configured PostgreSQL, then serve the sync endpoints over mutual TLS.
import pg from 'pg';
import { startServer } from './app';
import { configFromEnv } from './config';
import { migrateServer } from './db/migrations';

async function main(): Promise<void> {
  const config = configFromEnv();
  const pool = new pg.Pool(config.databaseUrl ? { connectionString: config.databaseUrl } : {});
  await migrateServer(pool);
  const server = await startServer({ caDir: config.caDir, pool, host: config.host, port: config.port, crlPollMs: config.crlPollMs });
  console.log(`[kura-server] listening on ${server.url} (mutual TLS 1.3, CA ${config.caDir})`);
  const stop = (): void => {
    void server.close().then(() => pool.end());
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`[kura-server] could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
