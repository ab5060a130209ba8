// DP-1, DP-2: the store is SQLCipher at rest, fails closed without a protected key, and holds
// My Number only as field ciphertext with a keyed blind index.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import Database from 'better-sqlite3-multiple-ciphers';
import { KuraError } from '../../shared/errors';
import { blindIndex, decryptMyNumber, demoMyNumber } from '../../main/core/mynumber';
import { KeyFileKeystore, openStore, STORE_FILES, type Keystore } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';
import { makeDataDir, startKura, type TestKura } from '../helpers/kura';

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    return e instanceof KuraError ? e.code : `not a KuraError: ${String(e)}`;
  }
  return 'no error';
};

describe('DP-1: encrypted store', () => {
  let t: TestKura;
  const registered: string[] = [];
  beforeAll(async () => {
    t = await startKura({ seed: 200 });
    for (let i = 1; i <= 200; i++) {
      try {
        registered.push(t.kura.vault.reveal(`Q${String(i).padStart(9, '0')}`).myNumber);
      } catch {
        /* not every demo member has a number */
      }
    }
    // Checkpoint so the main file, not only the WAL, holds the data.
    t.kura.store.db.pragma('wal_checkpoint(TRUNCATE)');
  });
  afterAll(() => t.close());

  it('DP-1: the database file cannot be read without the key', () => {
    const db = new Database(join(t.dir, STORE_FILES.db), { readonly: true });
    assert.throws(() => db.prepare('SELECT count(*) FROM sqlite_master').get(), /not a database|encrypted/i);
    db.close();
  });

  it('DP-1: the file does not start with the SQLite header', () => {
    const head = readFileSync(join(t.dir, STORE_FILES.db)).subarray(0, 16).toString('latin1');
    assert.notEqual(head, 'SQLite format 3\0');
  });

  it('DP-1, DP-2: no registered number appears in the raw bytes of any file in the data folder', () => {
    assert.ok(registered.length > 50, 'the test needs registered numbers');
    const files = readdirSync(t.dir).map((f) => join(t.dir, f));
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const n of registered) {
        assert.equal(bytes.indexOf(Buffer.from(n, 'ascii')), -1, `number found in ${file}`);
        assert.equal(bytes.indexOf(Buffer.from(n, 'utf16le')), -1, `UTF-16 number found in ${file}`);
      }
    }
  });

  it('DP-1: a wrong key fails with a clear error and changes nothing', () => {
    const before = readFileSync(join(t.dir, STORE_FILES.db));
    const otherDir = makeDataDir();
    // Another keystore's wrapping key cannot unwrap this store's master key.
    writeFileSync(join(otherDir, STORE_FILES.wrappedMaster), readFileSync(join(t.dir, STORE_FILES.wrappedMaster)));
    writeFileSync(join(otherDir, STORE_FILES.db), before);
    assert.equal(codeOf(() => openStore({ dataDir: otherDir, keystore: new KeyFileKeystore(otherDir), packaged: false, migrations: kuraMigrations })), 'store_locked');
    assert.deepEqual(readFileSync(join(otherDir, STORE_FILES.db)), before);
  });

  it('DP-1: a corrupted database file gives store_locked, not a crash', () => {
    const dir = makeDataDir();
    const s = openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
    s.db.pragma('wal_checkpoint(TRUNCATE)');
    s.close();
    const file = join(dir, STORE_FILES.db);
    const bytes = readFileSync(file);
    bytes.fill(0x41, 0, 4096);
    writeFileSync(file, bytes);
    assert.equal(codeOf(() => openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations })), 'store_locked');
  });

  it('DP-1: a packaged build refuses the development key-file keystore', () => {
    const dir = makeDataDir();
    assert.equal(codeOf(() => openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: true, migrations: kuraMigrations })), 'keystore_not_allowed');
    assert.equal(existsSync(join(dir, STORE_FILES.db)), false, 'no store is created');
  });

  it('DP-1: a keystore that cannot protect the key stops the start (fail closed)', () => {
    const dir = makeDataDir();
    const unprotected: Keystore = {
      kind: 'safeStorage',
      assertProtected: () => {
        throw new KuraError('keystore_unprotected');
      },
      wrap: (b) => b,
      unwrap: (b) => b,
    };
    assert.equal(codeOf(() => openStore({ dataDir: dir, keystore: unprotected, packaged: true, migrations: kuraMigrations })), 'keystore_unprotected');
    assert.equal(existsSync(join(dir, STORE_FILES.wrappedMaster)), false, 'no key is written');
  });

  it('DP-1: the master key file on disk is wrapped, never the raw key', () => {
    const record = JSON.parse(readFileSync(join(t.dir, STORE_FILES.wrappedMaster), 'utf8')) as { keystore: string; wrapped: string };
    assert.equal(record.keystore, 'key-file');
    assert.equal(Buffer.from(record.wrapped, 'base64').length, 12 + 16 + 32, 'iv + tag + 32-byte key, sealed');
  });
});

describe('DP-2: field encryption and blind index', () => {
  let t: TestKura;
  beforeAll(async () => {
    t = await startKura({ seed: 20 });
  });
  afterAll(() => t.close());

  it('DP-2: the master table holds ciphertext and an HMAC, not the number or its plain hash', () => {
    const row = t.kura.store.db.prepare('SELECT * FROM mynumber_master WHERE sakujo_kubun = 0 LIMIT 1').get() as { shikaku_id: string; mynumber_enc: Buffer; blind_index: Buffer };
    const plain = t.kura.vault.reveal(row.shikaku_id).myNumber;
    assert.equal(row.mynumber_enc.includes(Buffer.from(plain)), false);
    assert.equal(row.mynumber_enc.length, 12 + 16 + 12);
    assert.deepEqual(row.blind_index, blindIndex(t.kura.store.orgKeys, plain));
    assert.notDeepEqual(row.blind_index, createHash('sha256').update(plain).digest(), 'not an unkeyed hash');
  });

  it('DP-2: the blind index is keyed: another store indexes the same number differently', async () => {
    const other = await startKura({ setup: true });
    const n = demoMyNumber(7);
    assert.notDeepEqual(blindIndex(t.kura.store.orgKeys, n), blindIndex(other.kura.store.orgKeys, n));
    other.close();
  });

  it('DP-2: ciphertext moved to another 資格ID does not decrypt', () => {
    const rows = t.kura.store.db.prepare('SELECT shikaku_id, mynumber_enc FROM mynumber_master WHERE sakujo_kubun = 0 LIMIT 2').all() as { shikaku_id: string; mynumber_enc: Buffer }[];
    assert.equal(rows.length, 2);
    assert.throws(() => decryptMyNumber(t.kura.store.orgKeys, rows[1]!.shikaku_id, rows[0]!.mynumber_enc));
  });

  it('DP-2: the store reopens with the same keys (wrapped in the keyring)', () => {
    const id = (t.kura.store.db.prepare('SELECT shikaku_id FROM mynumber_master LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
    const before = t.kura.vault.reveal(id).myNumber;
    t.reopen();
    assert.equal(t.kura.vault.reveal(id).myNumber, before);
  });
});
