// MD-10: AES-256 ZIP (WinZip AE-2) written with @zip.js/zip.js, which 7-Zip and bsdtar open.
// Entry names are fixed (data.csv, manifest.json): nothing inside the archive names a person.
import { createHash } from 'node:crypto';
import { configure, Uint8ArrayReader, Uint8ArrayWriter, ZipReader, ZipWriter } from '@zip.js/zip.js';
import { normalizePassword } from './password';

configure({ useWebWorkers: false });

export const DATA_ENTRY = 'data.csv';
export const MANIFEST_ENTRY = 'manifest.json';

export type ArchiveManifest = { format: 'kura-export/1'; requestId: string; records: number; columns: readonly string[]; dataSha256: string; createdAt: string };

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export async function buildArchive(data: Uint8Array, manifest: ArchiveManifest, password: string): Promise<Uint8Array> {
  const options = { password: normalizePassword(password), encryptionStrength: 3 as const, zipCrypto: false };
  const writer = new ZipWriter(new Uint8ArrayWriter(), options);
  await writer.add(DATA_ENTRY, new Uint8ArrayReader(data));
  await writer.add(MANIFEST_ENTRY, new Uint8ArrayReader(Buffer.from(JSON.stringify(manifest, null, 2), 'utf8')));
  return writer.close();
}

/**
 * Re-reads an archive as the recipient will: every entry AES-encrypted, the names exactly the fixed
 * ones, the data's hash as recorded in the manifest and as generated. Returns a reason or null.
 */
export async function verifyArchive(bytes: Uint8Array, password: string, expectedDataSha256: string): Promise<string | null> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { password: normalizePassword(password) });
  try {
    const entries = await reader.getEntries();
    const names = entries.map((e) => e.filename).sort();
    if (names.join('|') !== [DATA_ENTRY, MANIFEST_ENTRY].sort().join('|')) return 'unexpected entries';
    let manifest: ArchiveManifest | null = null;
    let dataHash = '';
    for (const entry of entries) {
      if (entry.directory || !entry.encrypted) return 'entry not encrypted';
      const content = await entry.getData(new Uint8ArrayWriter());
      if (entry.filename === DATA_ENTRY) dataHash = sha256(content);
      else manifest = JSON.parse(Buffer.from(content).toString('utf8')) as ArchiveManifest;
    }
    if (dataHash !== expectedDataSha256) return 'data differs';
    if (manifest?.dataSha256 !== expectedDataSha256) return 'manifest differs';
    return null;
  } catch (e) {
    return e instanceof Error ? e.message.slice(0, 80) : 'unreadable';
  } finally {
    await reader.close();
  }
}
