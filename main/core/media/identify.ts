// MD-2: a medium is usable only when the ledger entry, the device serial, the filesystem UUID and the
// signed token all agree and the entry is active. Every other case is a named refusal.
import type { Drive } from './drives';
import { readToken } from './gate';
import type { Medium, MediaLedger } from './ledger';
import { refuse, type MediaProblem } from './problems';
import { parseToken, type MediumSigner } from './token';

export type DriveVerdict =
  | { drive: Drive; usable: true; medium: Medium }
  | { drive: Drive; usable: false; problem: MediaProblem; mediumId: string | null };

function refused(drive: Drive, mediumId: string | null, r: ReturnType<typeof refuse>): DriveVerdict {
  return { drive, usable: false, problem: r.problem, mediumId };
}

export function judgeDrive(drive: Drive, attached: readonly Drive[], ledger: MediaLedger, signer: MediumSigner): DriveVerdict {
  const serial = drive.serial.trim();
  if (!serial) return refused(drive, null, refuse('no_serial'));
  if (attached.filter((d) => d.serial.trim() === serial).length > 1) return refused(drive, null, refuse('duplicate_serial', { serial }));
  if (!drive.mountPoint) return refused(drive, null, refuse('not_mounted'));

  const token = parseToken(readToken(drive.mountPoint));
  const signed = token !== null && signer.verify(token);
  const entries = ledger.bySerial(serial);
  const entry = entries.find((e) => e.status === 'active') ?? entries[0] ?? null;
  // A genuine token that names another device or ledger entry was copied here.
  if (token && signed && (token.serial !== serial || (entry && token.mediumId !== entry.mediumId))) {
    return refused(drive, token.mediumId, refuse('token_copied', { mediumId: token.mediumId }));
  }
  if (!entry) return refused(drive, null, refuse('not_registered'));
  if (entry.status === 'revoked') return refused(drive, entry.mediumId, refuse('revoked', { mediumId: entry.mediumId }));
  if (entry.status === 'disposed') return refused(drive, entry.mediumId, refuse('disposed', { mediumId: entry.mediumId }));
  // Same device, other model: a serial collision, not the registered stick.
  if (entry.vendorId && drive.vendorId && (entry.vendorId !== drive.vendorId || entry.productId !== drive.productId)) {
    return refused(drive, null, refuse('not_registered'));
  }
  if (drive.fsUuid !== entry.fsUuid) return refused(drive, entry.mediumId, refuse('reformatted'));
  if (!token) return refused(drive, entry.mediumId, refuse('token_missing'));
  if (!signed || token.nonce !== entry.tokenNonce) return refused(drive, entry.mediumId, refuse('token_invalid'));
  if (token.fsUuid !== drive.fsUuid) return refused(drive, entry.mediumId, refuse('reformatted'));
  return { drive, usable: true, medium: entry };
}

export function judgeDrives(attached: readonly Drive[], ledger: MediaLedger, signer: MediumSigner): DriveVerdict[] {
  return attached.map((d) => judgeDrive(d, attached, ledger, signer));
}
