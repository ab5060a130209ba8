// The terminal's operation-log hash, recomputed at the data center (reference.md, Operation log):
// canonical JSON (sorted keys, NFC strings) of the fields, "\n", the detail text as stored, and
// sha256(prevHash "\n" text). It must stay byte-for-byte the rule of main/core/audit/log.ts; the sync
// tests check it against a real terminal's log, so a change on one side fails there first.
import { createHash } from 'node:crypto';
import type { LogEntryWire } from '../../../shared/sync/protocol';

export const GENESIS_HASH = '0'.repeat(64);

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'string') return JSON.stringify(value.normalize('NFC'));
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k.normalize('NFC'))}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new TypeError(`canonicalJson: unsupported ${typeof value}`);
}

export function entryHash(e: LogEntryWire): string {
  const fields = canonicalJson({ seq: e.seq, at: e.at, operator: e.operator, terminal: e.terminal, business: e.business, event: e.event, target: e.target, outcome: e.outcome });
  return createHash('sha256').update(e.prevHash).update('\n').update(`${fields}\n${e.detail}`).digest('hex');
}
