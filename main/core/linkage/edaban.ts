// LK-3: 被保険者枝番, the member's code toward the intermediate server. It is random (never derived
// from the My Number or the 資格ID) and its alphabet has only the digits 2-9 between letters, so
// it can never be read as a 12-digit number.
import { randomBytes } from 'node:crypto';
import type { Db } from '../store';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export const EDABAN_PATTERN = /^HE[A-Z2-9]{10}$/;

function freshCode(): string {
  // 32 symbols divide 256: every byte maps to one symbol without bias.
  return `HE${[...randomBytes(10)].map((b) => ALPHABET[b % 32]).join('')}`;
}

export function edabanOf(db: Db, shikakuId: string): string | null {
  const row = db.prepare('SELECT edaban_code FROM hihokensha_edaban WHERE shikaku_id = ?').get(shikakuId) as { edaban_code: string } | undefined;
  return row?.edaban_code ?? null;
}

/** The member's 枝番, allocated on first use and kept. Call inside the caller's transaction. */
export function ensureEdaban(db: Db, shikakuId: string, now: Date): string {
  const existing = edabanOf(db, shikakuId);
  if (existing) return existing;
  const insert = db.prepare('INSERT OR IGNORE INTO hihokensha_edaban (shikaku_id, edaban_code, created_at) VALUES (?, ?, ?)');
  for (;;) {
    const code = freshCode();
    if (insert.run(shikakuId, code, now.toISOString()).changes === 1) return code;
  }
}

export function shikakuIdOfEdaban(db: Db, code: string): string | null {
  const row = db.prepare('SELECT shikaku_id FROM hihokensha_edaban WHERE edaban_code = ?').get(code) as { shikaku_id: string } | undefined;
  return row?.shikaku_id ?? null;
}
