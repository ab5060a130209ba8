// DP-4: a report's content sealed with AES-256-GCM under a key derived (Argon2id, raw) from its
// creator's password and a per-report salt. The file says how to derive the key, never the key; the
// report ID and creator are bound in as associated data, so a file renamed onto another record fails.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { z } from 'zod';

const KDF = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1, hashLength: 32 } as const;
const FORMAT = 'kura-report/1';

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/);
const sealedSchema = z.strictObject({
  format: z.literal(FORMAT),
  kdf: z.strictObject({ name: z.literal('argon2id'), memoryCost: z.number().int(), timeCost: z.number().int(), parallelism: z.number().int(), salt: b64 }),
  iv: b64,
  tag: b64,
  data: b64,
});

export type ReportKey = { key: Buffer; salt: Buffer };

export async function deriveReportKey(password: string, salt: Buffer = randomBytes(16)): Promise<ReportKey> {
  const key = await argon2.hash(password.normalize('NFC'), { ...KDF, salt, raw: true });
  return { key, salt };
}

const aadFor = (reportId: string, creator: string): Buffer => Buffer.from(`${FORMAT}\n${reportId}\n${creator}`, 'utf8');

export function sealReport(k: ReportKey, reportId: string, creator: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k.key, iv);
  cipher.setAAD(aadFor(reportId, creator));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  const sealed = {
    format: FORMAT,
    kdf: { name: 'argon2id', memoryCost: KDF.memoryCost, timeCost: KDF.timeCost, parallelism: KDF.parallelism, salt: k.salt.toString('base64') },
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  } satisfies z.infer<typeof sealedSchema>;
  return Buffer.from(JSON.stringify(sealed), 'utf8');
}

/** The salt a sealed file was made with, or null if the file is not a report file. */
export function saltOf(file: Buffer): Buffer | null {
  const parsed = sealedSchema.safeParse(safeJson(file));
  return parsed.success ? Buffer.from(parsed.data.kdf.salt, 'base64') : null;
}

/** The plaintext, or null when the key (so the password) is wrong or the file was altered. */
export function openSealedReport(key: Buffer, reportId: string, creator: string, file: Buffer): Buffer | null {
  const parsed = sealedSchema.safeParse(safeJson(file));
  if (!parsed.success) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(parsed.data.iv, 'base64'));
    decipher.setAAD(aadFor(reportId, creator));
    decipher.setAuthTag(Buffer.from(parsed.data.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(parsed.data.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

function safeJson(file: Buffer): unknown {
  try {
    return JSON.parse(file.toString('utf8'));
  } catch {
    return null;
  }
}
