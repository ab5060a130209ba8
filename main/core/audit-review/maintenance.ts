// AU-4: contractor (maintenance) work. The supervising administrator opens a session naming the
// company, workers and purpose, and closes it with a summary and the test runs performed. The session
// records the operation-log sequence numbers it spans, so a review sees exactly what was done during it.
import { randomBytes } from 'node:crypto';
import { KuraError } from '../../../shared/errors';
import type { AuditLog } from '../audit';
import type { Db } from '../store';

export type TestRun = { name: string; result: 'pass' | 'fail'; note: string };
export type MaintenanceSession = {
  maintenanceId: string; company: string; workers: string; purpose: string; supervisor: string;
  startedAt: string; startSeq: number; endedAt: string | null; endSeq: number | null; summary: string | null; testRuns: TestRun[];
};

type Row = {
  maintenance_id: string; company: string; workers: string; purpose: string; supervisor: string; started_at: string;
  start_seq: number; ended_at: string | null; end_seq: number | null; summary: string | null; test_runs: string;
};
const fromRow = (r: Row): MaintenanceSession => ({
  maintenanceId: r.maintenance_id, company: r.company, workers: r.workers, purpose: r.purpose, supervisor: r.supervisor,
  startedAt: r.started_at, startSeq: r.start_seq, endedAt: r.ended_at, endSeq: r.end_seq, summary: r.summary,
  testRuns: JSON.parse(r.test_runs) as TestRun[],
});

export class MaintenanceRecord {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
  ) {}

  /** Inside the caller's transaction; startSeq is the log head before this session's own entry. */
  start(input: { company: string; workers: string; purpose: string; supervisor: string }, at: Date): MaintenanceSession {
    const day = at.toISOString().slice(0, 10).replaceAll('-', '');
    const id = `MNT-${day}-${randomBytes(3).toString('hex').toUpperCase()}`;
    this.db
      .prepare('INSERT INTO maintenance_sessions (maintenance_id, company, workers, purpose, supervisor, started_at, start_seq) VALUES (?,?,?,?,?,?,?)')
      .run(id, input.company, input.workers, input.purpose, input.supervisor, at.toISOString(), this.audit.head().seq + 1);
    return this.get(id)!;
  }

  /** Closes an open session; endSeq is the seq its closing entry will take. */
  end(input: { maintenanceId: string; summary: string; testRuns: TestRun[] }, at: Date): MaintenanceSession {
    const changed = this.db
      .prepare('UPDATE maintenance_sessions SET ended_at = ?, end_seq = ?, summary = ?, test_runs = ? WHERE maintenance_id = ? AND ended_at IS NULL')
      .run(at.toISOString(), this.audit.head().seq + 1, input.summary, JSON.stringify(input.testRuns), input.maintenanceId);
    if (changed.changes !== 1) throw new KuraError('maintenance_not_found', { maintenanceId: input.maintenanceId });
    return this.get(input.maintenanceId)!;
  }

  get(maintenanceId: string): MaintenanceSession | null {
    const row = this.db.prepare('SELECT * FROM maintenance_sessions WHERE maintenance_id = ?').get(maintenanceId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  list(limit: number): MaintenanceSession[] {
    return (this.db.prepare('SELECT * FROM maintenance_sessions ORDER BY started_at DESC, maintenance_id DESC LIMIT ?').all(limit) as Row[]).map(fromRow);
  }
}
