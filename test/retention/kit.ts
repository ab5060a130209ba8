// Shared setup for the retention and data-quality tests: members written straight into a real store
// (the controls under test are then exercised through the router), and a reader of the raw database
// file that decrypts every SQLCipher page, free pages included, so a test can look for left-over bytes.
import { createDecipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demoMyNumber } from '../../main/core/mynumber';
import { deriveKey, KeyFileKeystore, STORE_FILES } from '../../main/core/store';
import type { Member } from '../../main/core/members';
import type { TestKura } from '../helpers/kura';

export function member(shikakuId: string, over: Partial<Member> = {}): Member {
  return {
    shikakuId, jigyoshoKigo: '0101', hihokenshaNo: shikakuId.replace(/\D/g, '').slice(-8).padStart(8, '0'), edaban: '00', kubun: 1, zokugara: null,
    kanjiName: '保管　太郎', kanaName: 'ホカン タロウ', birthDate: '1960-05-03', sex: 1, shutokuDate: '2000-04-01', soshitsuDate: null, ...over,
  };
}

/** Inserts members (and a synthetic number for those given an index) as test setup, outside the router. */
export function addMembers(t: TestKura, rows: { m: Member; number?: number }[]): void {
  t.kura.store.transaction(() => {
    for (const { m, number } of rows) {
      t.kura.members.insert(m);
      if (number !== undefined) t.kura.vault.register(m.shikakuId, demoMyNumber(number));
    }
  });
}

export function ciphertextOf(t: TestKura, shikakuId: string): Buffer | null {
  const row = t.kura.store.db.prepare('SELECT mynumber_enc FROM mynumber_master WHERE shikaku_id = ?').get(shikakuId) as { mynumber_enc: Buffer | null } | undefined;
  return row?.mynumber_enc ?? null;
}

// SQLCipher 4 defaults (legacy=4): 4096-byte pages, 80 reserved bytes at the end of each page
// (16-byte IV + 64-byte HMAC-SHA512), AES-256-CBC; page 1 starts with the 16-byte salt.
const PAGE = 4096;
const RESERVE = 80;

/** Every page of the database file, decrypted with the store's raw SQLCipher key (after a checkpoint). */
export function decryptedDatabasePages(dataDir: string): Buffer {
  const wrapped = JSON.parse(readFileSync(join(dataDir, STORE_FILES.wrappedMaster), 'utf8')) as { wrapped: string };
  const key = deriveKey(new KeyFileKeystore(dataDir).unwrap(Buffer.from(wrapped.wrapped, 'base64')), 'sqlcipher');
  const file = readFileSync(join(dataDir, STORE_FILES.db));
  const pages: Buffer[] = [];
  for (let offset = 0; offset + PAGE <= file.length; offset += PAGE) {
    const page = file.subarray(offset, offset + PAGE);
    const start = offset === 0 ? 16 : 0;
    const iv = page.subarray(PAGE - RESERVE, PAGE - RESERVE + 16);
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    pages.push(Buffer.concat([decipher.update(page.subarray(start, PAGE - RESERVE)), decipher.final()]));
  }
  return Buffer.concat(pages);
}
