// Server settings come from the environment (12-factor): the data center's own PostgreSQL is named by
// the standard PG* variables or DATABASE_URL, the CA folder by KURA_CA_DIR.
import { z } from 'zod';

const env = z.object({
  KURA_CA_DIR: z.string().min(1).default('.kura-server/ca'),
  KURA_SERVER_HOST: z.string().min(1).default('127.0.0.1'),
  KURA_SERVER_PORT: z.coerce.number().int().min(0).max(65535).default(8443),
  KURA_CRL_POLL_MS: z.coerce.number().int().min(100).max(600_000).default(1_000),
  DATABASE_URL: z.string().min(1).optional(),
});

export type ServerConfig = { caDir: string; host: string; port: number; crlPollMs: number; databaseUrl: string | undefined };

export function configFromEnv(source: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    throw new Error(`server settings are invalid: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`);
  }
  const e = parsed.data;
  return { caDir: e.KURA_CA_DIR, host: e.KURA_SERVER_HOST, port: e.KURA_SERVER_PORT, crlPollMs: e.KURA_CRL_POLL_MS, databaseUrl: e.DATABASE_URL };
}
