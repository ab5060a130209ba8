// The 経過 of a request or an inquiry: one line per thing that happened, who and when.
import type { Db } from '../store';

export type RequestEvent = { at: string; byUser: string; kind: string; note: string };

export function recordEvent(db: Db, subjectId: string, byUser: string, at: Date, kind: string, note: string): void {
  db.prepare('INSERT INTO request_events (subject_id, at, by_user, kind, note) VALUES (?, ?, ?, ?, ?)').run(subjectId, at.toISOString(), byUser, kind, note);
}

export function eventsOf(db: Db, subjectId: string): RequestEvent[] {
  return db.prepare('SELECT at, by_user AS byUser, kind, note FROM request_events WHERE subject_id = ? ORDER BY id').all(subjectId) as RequestEvent[];
}

/** Next number in a series: PREFIX-000001, PREFIX-000002 ... */
export function nextId(db: Db, table: string, column: string, prefix: string): string {
  const row = db.prepare(`SELECT max(CAST(substr(${column}, ${prefix.length + 2}) AS INTEGER)) AS n FROM ${table}`).get() as { n: number | null };
  return `${prefix}-${String((row.n ?? 0) + 1).padStart(6, '0')}`;
}
