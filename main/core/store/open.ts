// DP-1: the encrypted store. One writer (this process), WAL, SQLCipher 4 with a raw key from HKDF.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { KuraError } from '../../../shared/errors';
import type { Keystore, KeystoreKind } from './keystore';
import { deriveKey, openWithKey, sealWithKey, type OrgKeys } from './keys';
import { openEncryptedDatabase, wrapStore, type Db, type Store } from './connection';
import { migrate, type Migration } from './migrate';
import { ORG_KEY_NAMES, bindKeyring, releaseKeyring } from './org-keys';

export type OpenStoreOptions = {
  dataDir: string;
  keystore: Keystore;
  /** A packaged (production) build: refuses the development key-file keystore. */
  packaged: boolean;
  /** Every capability's migrations (main/rpc/schema.ts composes them); run in number order. */
  migrations: readonly Migration[];
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
    migrate(db, options.migrations, now);
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
