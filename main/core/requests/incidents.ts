// RQ-3: a leak incident is tracked through the seven steps of the seed (III-7, 平成27年特定個人情報保護
// 委員会告示第2号), in order, each with who, when and notes. The one exception is the seed's own:
// a serious incident (重大事態, or the possibility of one) is reported to the commission at once
// (速報), before the other steps; the full report (step 7) still follows steps 1-6.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';

export const INCIDENT_STEPS = [
  { step: 1, ja: '責任者への報告・被害拡大の防止', en: 'report to the responsible person, contain the damage', optional: false },
  { step: 2, ja: '事実関係の調査・原因の究明', en: 'investigate the facts and the cause', optional: false },
  { step: 3, ja: '影響範囲の特定', en: 'identify the scope', optional: false },
  { step: 4, ja: '再発防止策の検討・実施', en: 'decide and carry out recurrence prevention', optional: false },
  // 5 and 6 are done "事案の内容等に応じて": they may be judged not applicable, with the reason.
  { step: 5, ja: '本人への連絡等', en: 'notify the people concerned', optional: true },
  { step: 6, ja: '事実関係・再発防止策の公表', en: 'publish the facts and the prevention', optional: true },
  { step: 7, ja: '個人情報保護委員会等への報告', en: 'report to the commission', optional: false },
] as const;

export type StepOutcome = 'done' | 'not_applicable';
export type StepEntry = { performedBy: string; performedAt: string; notes: string };
export type IncidentStep = { step: number; name: string; optional: boolean; outcome: StepOutcome | null; performedBy: string | null; performedAt: string | null; notes: string | null; recordedBy: string | null; recordedAt: string | null };
export type LeakIncident = {
  incidentId: string;
  title: string;
  summary: string;
  serious: boolean;
  discoveredAt: string;
  createdBy: string;
  createdAt: string;
  status: 'open' | 'closed';
  /** 速報 to the commission of a serious incident. */
  preliminary: StepEntry | null;
  /** A serious incident not yet reported to the commission: the list shows it. */
  preliminaryDue: boolean;
  nextStep: number | null;
  steps: IncidentStep[];
};

type IncidentRow = {
  incident_id: string; title: string; summary: string; serious: number; discovered_at: string; created_by: string; created_at: string; status: 'open' | 'closed';
  preliminary_at: string | null; preliminary_by: string | null; preliminary_notes: string | null;
};
type StepRow = { step: number; outcome: StepOutcome; performed_by: string; performed_at: string; notes: string; recorded_by: string; recorded_at: string };

const stepName = (n: number): string => INCIDENT_STEPS[n - 1]!.ja;

export class IncidentDesk {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  private row(incidentId: string): IncidentRow {
    const row = this.db.prepare('SELECT * FROM leak_incidents WHERE incident_id = ?').get(incidentId) as IncidentRow | undefined;
    if (!row) throw new KuraError('request_not_found', { id: incidentId });
    return row;
  }

  private stepRows(incidentId: string): Map<number, StepRow> {
    const rows = this.db.prepare('SELECT * FROM leak_incident_steps WHERE incident_id = ?').all(incidentId) as StepRow[];
    return new Map(rows.map((r) => [r.step, r]));
  }

  private refuseFuture(at: string): void {
    if (Date.parse(at) > this.now().getTime()) throw new KuraError('invalid_input', { fields: 'performedAt' });
  }

  /** Call inside the caller's transaction. */
  open(input: { title: string; summary: string; serious: boolean; discoveredAt: string }, userId: string): LeakIncident {
    this.refuseFuture(input.discoveredAt);
    const n = (this.db.prepare('SELECT count(*) AS n FROM leak_incidents').get() as { n: number }).n + 1;
    const incidentId = `RK-${String(n).padStart(6, '0')}`;
    this.db
      .prepare("INSERT INTO leak_incidents (incident_id, title, summary, serious, discovered_at, created_by, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')")
      .run(incidentId, input.title, input.summary, input.serious ? 1 : 0, input.discoveredAt, userId, this.now().toISOString());
    return this.get(incidentId);
  }

  /** Investigation may find an incident serious later; it never becomes "not serious" again here. */
  markSerious(incidentId: string): LeakIncident {
    const row = this.row(incidentId);
    if (row.status === 'closed') throw new KuraError('request_bad_state', { id: incidentId, status: '完了' });
    this.db.prepare('UPDATE leak_incidents SET serious = 1 WHERE incident_id = ?').run(incidentId);
    return this.get(incidentId);
  }

  /** The immediate report to the commission (速報): serious incidents only, at any point. */
  reportPreliminary(incidentId: string, userId: string, entry: StepEntry): LeakIncident {
    const row = this.row(incidentId);
    if (row.serious !== 1) throw new KuraError('incident_preliminary_not_serious', { id: incidentId });
    if (row.preliminary_at !== null) throw new KuraError('request_bad_state', { id: incidentId, status: '速報済' });
    this.refuseFuture(entry.performedAt);
    this.db
      .prepare('UPDATE leak_incidents SET preliminary_at = ?, preliminary_by = ?, preliminary_notes = ? WHERE incident_id = ?')
      .run(entry.performedAt, entry.performedBy, `${entry.notes}（記録: ${userId}）`, incidentId);
    return this.get(incidentId);
  }

  /** Records one step; the previous step must be recorded first. Step 7 closes the incident. */
  recordStep(incidentId: string, userId: string, step: number, outcome: StepOutcome, entry: StepEntry): LeakIncident {
    const row = this.row(incidentId);
    if (row.status === 'closed') throw new KuraError('request_bad_state', { id: incidentId, status: '完了' });
    const done = this.stepRows(incidentId);
    if (done.has(step)) throw new KuraError('incident_step_recorded', { step, name: stepName(step) });
    if (outcome === 'not_applicable' && !INCIDENT_STEPS[step - 1]!.optional) throw new KuraError('incident_step_required', { step, name: stepName(step) });
    if (step > 1 && !done.has(step - 1)) {
      throw new KuraError('incident_step_out_of_order', { step, name: stepName(step), previous: step - 1, previousName: stepName(step - 1) });
    }
    this.refuseFuture(entry.performedAt);
    this.db
      .prepare('INSERT INTO leak_incident_steps (incident_id, step, outcome, performed_by, performed_at, notes, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(incidentId, step, outcome, entry.performedBy, entry.performedAt, entry.notes, userId, this.now().toISOString());
    if (step === INCIDENT_STEPS.length) this.db.prepare("UPDATE leak_incidents SET status = 'closed' WHERE incident_id = ?").run(incidentId);
    return this.get(incidentId);
  }

  get(incidentId: string): LeakIncident {
    const row = this.row(incidentId);
    const done = this.stepRows(incidentId);
    const steps = INCIDENT_STEPS.map((s): IncidentStep => {
      const r = done.get(s.step);
      return {
        step: s.step, name: s.ja, optional: s.optional, outcome: r?.outcome ?? null, performedBy: r?.performed_by ?? null, performedAt: r?.performed_at ?? null,
        notes: r?.notes ?? null, recordedBy: r?.recorded_by ?? null, recordedAt: r?.recorded_at ?? null,
      };
    });
    const preliminary = row.preliminary_at ? { performedAt: row.preliminary_at, performedBy: row.preliminary_by!, notes: row.preliminary_notes! } : null;
    return {
      incidentId: row.incident_id, title: row.title, summary: row.summary, serious: row.serious === 1, discoveredAt: row.discovered_at, createdBy: row.created_by,
      createdAt: row.created_at, status: row.status, preliminary, preliminaryDue: row.serious === 1 && !preliminary,
      nextStep: steps.find((s) => s.outcome === null)?.step ?? null, steps,
    };
  }

  list(): LeakIncident[] {
    const ids = this.db.prepare("SELECT incident_id FROM leak_incidents ORDER BY status = 'closed', serious DESC, incident_id LIMIT 500").all() as { incident_id: string }[];
    return ids.map((r) => this.get(r.incident_id));
  }
}
