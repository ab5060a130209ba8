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

/** The hashed text of an entry: its fields, then its detail exactly as stored. Hash: sha256(prevHash "\n" text). */
export function entryText(f: LogFields, detailJson: string): string {
  const fields = canonicalJson({ seq: f.seq, at: f.at, operator: f.operator, terminal: f.terminal, business: f.business, event: f.event, target: f.target, outcome: f.outcome });
  return `${fields}\n${detailJson}`;
}
