// The operation log's canonical form (reference.md): canonical JSON (sorted keys, NFC strings) and the
// text an entry's hash covers. The terminal (main/core/audit) and the data center (server/) both use
// this one definition, so a checkpoint verified at the server means the same thing as on the terminal.

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

export type LogFields = {
  seq: number;
  at: string;
  operator: string | null;
  terminal: string;
  business: string | null;
  event: string;
  target: string | null;
  outcome: string;
};

const jsonText = (v: string | null): string => (v === null ? 'null' : JSON.stringify(v.normalize('NFC')));

/**
 * The hashed text of an entry: its fields as canonical JSON, then its detail exactly as stored. Hash:
 * sha256(prevHash "\n" text). The fields are written out in canonical (sorted) key order by hand: this
 * runs once per logged action, and test/unit/audit-canonical.test.ts proves it equals canonicalJson.
 */
export function entryText(f: LogFields, detailJson: string): string {
  const fields =
    `{"at":${jsonText(f.at)},"business":${jsonText(f.business)},"event":${jsonText(f.event)},"operator":${jsonText(f.operator)},` +
    `"outcome":${jsonText(f.outcome)},"seq":${JSON.stringify(f.seq)},"target":${jsonText(f.target)},"terminal":${jsonText(f.terminal)}}`;
  return `${fields}\n${detailJson}`;
}
