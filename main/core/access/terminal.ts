// AC-12: designated terminals. Only a terminal designated for it may use media, back up, exchange data
// with the integrated terminal or read e-application data. The designation is set by a system administrator.
import { DESIGNATIONS, type Designation } from '../../../shared/codes';
import type { Db } from '../store';

const KEY = 'terminal.designations';

export function terminalDesignations(db: Db): Designation[] {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return [];
  return (JSON.parse(row.value) as string[]).filter((d): d is Designation => (DESIGNATIONS as readonly string[]).includes(d));
}

export function setTerminalDesignations(db: Db, designations: readonly Designation[]): void {
  const unique = [...new Set(designations)].sort();
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(unique));
}
