// The terminal's operation-log hash, recomputed at the data center (reference.md, Operation log):
// the one definition in shared/audit (also used by main/core/audit), hashed as sha256(prevHash "\n" text).
import { createHash } from 'node:crypto';
import { entryText } from '../../../shared/audit';
import type { LogEntryWire } from '../../../shared/sync/protocol';

export { GENESIS_HASH } from '../../../shared/audit';

export function entryHash(e: LogEntryWire): string {
  return createHash('sha256').update(e.prevHash).update('\n').update(entryText(e, e.detail)).digest('hex');
}
