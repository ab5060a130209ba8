// Pull safety: change_seq values are taken only while this transaction-scoped lock is held, and the lock
// is released after the commit is visible. So the numbers become visible in the order they were taken,
// and a reader that sees number N has already seen every committed number below N: nothing it serves
// can be overtaken by a later commit with a smaller number.
import type { PoolClient } from 'pg';

const CHANGE_LOCK = 0x6b757232; // 'kur2'

/** Call inside BEGIN, before the first nextval('change_seq'). */
export async function takeChangeLock(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_LOCK]);
}
