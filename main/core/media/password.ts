// MD-10: the archive password. AES-ZIP's key derivation (PBKDF2-SHA1, 1000 rounds) is weak, so the
// strength has to come from the password: 20 symbols of a 32-letter alphabet = 100 bits, generated
// here, shown once to the approver, handed over separately, never stored or logged.
import { randomInt } from 'node:crypto';

/** Crockford base32 (no I, L, O, U): easy to read aloud and to type on the receiving terminal. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const PASSWORD_BITS = 100;

export function generateExportPassword(): string {
  const symbols: string[] = [];
  for (let i = 0; i < 20; i++) symbols.push(ALPHABET[randomInt(ALPHABET.length)]!);
  return [0, 5, 10, 15].map((i) => symbols.slice(i, i + 5).join('')).join('-');
}

/** The password as the ZIP sees it: NFC, so the same characters typed on another OS still open it. */
export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}
