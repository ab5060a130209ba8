// DP-1: the encrypted store. One writer (this process), WAL, SQLCipher 4 with a raw key from HKDF.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KuraError } from '../../../shared/errors';
import type { Keystore, KeystoreKind } from './keystore';
import { deriveKey, openWithKey, sealWithKey, type OrgKeys } from './keys';
import { BackgroundCheckpointer, type CheckpointReport } from './checkpointer';
import { ensureDirectoryTriggers } from './directory-triggers';
import { migrations } from './migrations';
import { ORG_KEY_NAMES, bindKeyring, releaseKeyring } from './org-keys';

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

export type OpenStoreOptions = {
  dataDir: string;
  keystore: Keystore;
  /** A packaged (production) build: refuses the development key-file keystore. */
  packaged: boolean;
  now?: () => Date;
};

const DB_FILE = 'kura.db';
const WRAPPED_MASTER_FILE = 'master.key.wrapped';

type WrappedMaster = { keystore: KeystoreKind; wrapped: string };

export function storeExists(dataDir: string): boolean {
  return existsSync(join(dataDir, WRAPPED_MASTER_FILE));
}

function loadOrCreateMasterKey(dataDir: string, keystore: Keystore): Buffer {
  const file = join(dataDir, WRAPPED_MASTER_FILE);
  if (existsSync(file)) {
    let record: WrappedMaster;
    try {
      record = JSON.parse(readFileSync(file, 'utf8')) as WrappedMaster;
    } catch {
      throw new KuraError('store_locked');
    }
    // A store made under safeStorage is never opened with a weaker keystore, and vice versa.
    if (record.keystore !== keystore.kind) throw new KuraError('store_locked');
    return keystore.unwrap(Buffer.from(record.wrapped, 'base64'));
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const master = randomBytes(32);
  const record: WrappedMaster = { keystore: keystore.kind, wrapped: keystore.wrap(master).toString('base64') };
  // Written to a temporary name and renamed, so a crash never leaves half a key file.
  writeFileSync(`${file}.tmp`, JSON.stringify(record), { mode: 0o600 });
  renameSync(`${file}.tmp`, file);
  return master;
}


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

/** Brings a database to the current schema; exported for the benchmark's plain-SQLite baseline. */
export function migrate(db: Db, now: () => Date): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)');
  const applied = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version));
  for (const m of migrations) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, now().toISOString());
    }).immediate();
  }
  // Derived from the directory column lists, so they follow a column added there (issue 7).
  ensureDirectoryTriggers(db);
}

function loadOrCreateOrgKeys(db: Db, wrapKey: Buffer, now: () => Date): OrgKeys {
  const read = db.prepare('SELECT sealed FROM keyring WHERE name = ?');
  const insert = db.prepare('INSERT INTO keyring (name, sealed, created_at) VALUES (?, ?, ?)');
  const keyNamed = (name: string): Buffer => {
    const row = read.get(name) as { sealed: Buffer } | undefined;
    if (row) return openWithKey(wrapKey, row.sealed, name);
    const fresh = randomBytes(32);
    insert.run(name, sealWithKey(wrapKey, fresh, name), now().toISOString());
    return fresh;
  };
  return db
    .transaction(() => {
      const keys = { dataKey: keyNamed(ORG_KEY_NAMES.data), blindIndexKey: keyNamed(ORG_KEY_NAMES.blindIndex) };
      // Keys made here (now, or before origins were recorded) are this terminal's own until relayed ones replace them.
      db.prepare("INSERT OR IGNORE INTO org_keys_origin (id, origin, recorded_at) VALUES (1, 'created', ?)").run(now().toISOString());
      return keys;
    })
    .immediate();
}

export function openStore(options: OpenStoreOptions): Store {
  const now = options.now ?? (() => new Date());
  if (options.packaged && options.keystore.kind === 'key-file') throw new KuraError('keystore_not_allowed');
  options.keystore.assertProtected();
  const master = loadOrCreateMasterKey(options.dataDir, options.keystore);
  const cipherKey = deriveKey(master, 'sqlcipher');
  const db = openEncryptedDatabase(join(options.dataDir, DB_FILE), cipherKey);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // Deleted pages are overwritten, so an erased number does not linger in free pages (RT-1).
    db.pragma('secure_delete = ON');
    // Statement journals (every write statement on a table with triggers opens one) and temporary
    // b-trees stay in memory: SQLCipher encrypts a temporary file page by page, and a statement
    // journal spilled to one made each row of a pulled page or of a bulk registration cost about 4x
    // (issue 14, measured). Nothing reaches a temporary file, encrypted or not.
    db.pragma('temp_store = MEMORY');
    migrate(db, now);
    const wrapKey = deriveKey(master, 'org-key-wrap');
    master.fill(0);
    const orgKeys = loadOrCreateOrgKeys(db, wrapKey, now);
    const store: Store = wrapStore(db, options.dataDir, orgKeys, cipherKey, () => releaseKeyring(store));
    cipherKey.fill(0);
    // The keyring wrap key stays available to the store capability only (relayed keys, enrolment key).
    bindKeyring(store, wrapKey);
    return store;
  } catch (e) {
    db.close();
    throw e;
  }
}

export const STORE_FILES = { db: DB_FILE, wrappedMaster: WRAPPED_MASTER_FILE };
