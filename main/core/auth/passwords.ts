// AC-5: Argon2id with OWASP's minimum parameters (19 MiB, t=2, p=1) and the society's strength rule.
import argon2 from 'argon2';
import { KuraError } from '../../../shared/errors';

const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

export type PasswordRules = { minLength: number; requireLettersAndDigits: boolean };

export function assertStrongEnough(password: string, rules: PasswordRules): void {
  const p = password.normalize('NFC');
  const weak = [...p].length < rules.minLength || (rules.requireLettersAndDigits && !(/[A-Za-z]/.test(p) && /\d/.test(p)));
  if (weak) throw new KuraError('password_too_weak', { min: rules.minLength });
}

/** A hash that takes as long to check as a real one, so an unknown user ID is not told apart by timing. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('kura-dummy-password-for-timing');
  return dummyHash;
}
