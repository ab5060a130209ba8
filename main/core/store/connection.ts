// The Store: one SQLCipher connection (this process is its one writer) and the transactions and
// background checkpoints around it. Below open.ts, so that the store's own parts (org keys, number
// queues, the migration runner) can name the Store without importing the code that opens it.
import Database from 'better-sqlite3-multiple-ciphers';
import { KuraError } from '../../../shared/errors';
import { BackgroundCheckpointer, type CheckpointReport } from './checkpointer';
import type { OrgKeys } from './keys';

export type Db = Database.Database;

export type Store = {
  readonly db: Db;
  readonly dataDir: string;
  readonly orgKeys: OrgKeys;
  /** Runs fn in one IMMEDIATE transaction: the action and its log entry commit together or not at all. */
  transaction<T>(fn: () => T): T;
  /**
   * Marks the running transaction as a bulk write (many pages): its commit leaves the WAL checkpoint
   * to the background checkpointer, on the other core (store/checkpointer.ts).
   */
  bulkWrite(): void;
  /** Resolves when the background checkpoints asked for so far have run (benchmarks, tests). */
  checkpointsSettled(): Promise<CheckpointReport | null>;
  /**
   * Resolves true once every committed bulk write is synced to disk: with synchronous=NORMAL a commit
   * is safe from a crash of the process, but only a checkpoint makes it safe from a power cut. Await it
   * before erasing the only other copy of what was written (an import's source file, DP-5); false
   * (never a throw) means it could not be made so now: keep that copy.
   */
  whenDurable(): Promise<boolean>;
  /** Syncs whatever is committed, on this thread: true if the whole WAL is now in the synced file. */
  syncNow(): boolean;
  close(): void;
};

/**
 * The Store around an open, migrated connection. cipherKey is the file's SQLCipher key, which the
 * background checkpointer needs for its own connection; null only for the benchmark's plain baseline.
 */
export function wrapStore(db: Db, dataDir: string, orgKeys: OrgKeys, cipherKey: Buffer | null, onClose: () => void = () => {}): Store {
  const checkpointer = new BackgroundCheckpointer(db.name, cipherKey);
  const autocheckpointPages = db.pragma('wal_autocheckpoint', { simple: true }) as number;
  /** store.transaction calls under way: a bulk write must be one of them, so that its end is seen here. */
  let depth = 0;
  // No larger page cache for a bulk: 64 MB saved 0.1 s of 100,000 registrations but added 150 MB to
  // an import's peak memory (measured; the import's target is 500 MB).
  let bulk = false;
  let inBackground = 0;
  /** Bulk writes committed, and how many of them a checkpoint has synced (synchronous=NORMAL). */
  let bulksCommitted = 0;
  let bulksSynced = 0;
  // The committing connection checkpoints again only when no bulk runs and none is being checkpointed
  // in the background: else the next small commit after a bulk would copy the whole WAL itself.
  const resumeAutocheckpoint = (): void => {
    if (!bulk && inBackground === 0 && db.open) db.pragma(`wal_autocheckpoint = ${autocheckpointPages}`);
  };
  /** A checkpoint on this connection, which syncs the WAL first; true only if it copied every frame. Never throws. */
  const syncNow = (): boolean => {
    if (!db.open || db.inTransaction) return false;
    try {
      const r = (db.pragma('wal_checkpoint(PASSIVE)') as { busy: number; log: number; checkpointed: number }[])[0];
      return r !== undefined && r.busy === 0 && r.log === r.checkpointed;
    } catch {
      return false;
    }
  };
  // Runs after every transaction this store opens; acts once the outermost one has ended. It never
  // throws: the transaction has committed (or rolled back) by now, and its caller must hear that.
  const afterTransaction = (committed: boolean): void => {
    if (!bulk || depth > 0 || db.inTransaction) return;
    bulk = false;
    if (!committed) {
      resumeAutocheckpoint();
      return;
    }
    const bulkNo = ++bulksCommitted;
    inBackground++;
    void checkpointer.request().then((r) => {
      inBackground--;
      if (r.ok && r.busy === 0 && r.checkpointedPages === r.walPages) bulksSynced = Math.max(bulksSynced, bulkNo);
      try {
        resumeAutocheckpoint();
      } catch {
        // The store was closed meanwhile; its close ran the last checkpoint.
      }
    });
  };
  return {
    db,
    dataDir,
    orgKeys,
    transaction: <T>(fn: () => T): T => {
      depth++;
      let committed = false;
      try {
        const result = db.transaction(fn).immediate();
        committed = true;
        return result;
      } finally {
        depth--;
        afterTransaction(committed);
      }
    },
    bulkWrite: () => {
      if (depth === 0 || !db.inTransaction) throw new Error('bulkWrite marks the store.transaction of a bulk write; there is none');
      if (bulk) return;
      bulk = true;
      db.pragma('wal_autocheckpoint = 0');
      // Started now, so that it is ready when the bulk commits.
      checkpointer.prepare();
    },
    checkpointsSettled: () => checkpointer.idle(),
    whenDurable: async () => {
      await checkpointer.idle();
      if (bulksSynced >= bulksCommitted) return true;
      // The background checkpoint did not run, or not to the end: sync here (rare, and then needed).
      const mark = bulksCommitted;
      if (!syncNow()) return false;
      bulksSynced = Math.max(bulksSynced, mark);
      return true;
    },
    syncNow,
    close: () => {
      try {
        onClose();
        checkpointer.close();
      } finally {
        db.close();
      }
    },
  };
}

function applyCipherKey(db: Db, key: Buffer): void {
  db.pragma(`cipher='sqlcipher'`);
  db.pragma('legacy=4');
  db.pragma(`key="x'${key.toString('hex')}'"`);
}

/** Opens a database file with SQLCipher settings and a raw key; throws store_locked if key or file is wrong. */
export function openEncryptedDatabase(path: string, key: Buffer): Db {
  const db = new Database(path);
  try {
    applyCipherKey(db, key);
    // The first real read fails on a wrong key or a damaged file.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch {
    db.close();
    throw new KuraError('store_locked');
  }
}
