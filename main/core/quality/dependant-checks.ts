// DQ-4: the annual 現況確認 of dependants (被扶養者, 区分 2). A year's due list is every dependant
// qualified on the year's reference day (4月1日, the start of the 年度); each check's result is recorded.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';

export const CHECK_RESULTS = ['eligible', 'ineligible', 'unanswered'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export type DueDependant = {
  shikakuId: string; hihokenshaNo: string; edaban: string; kanjiName: string; birthDate: string;
  check: { result: CheckResult; checkedOn: string; recordedBy: string } | null;
};

const referenceDay = (year: number): string => `${year}-04-01`;
const DUE = `FROM members m WHERE m.kubun = 2 AND m.deleted = 0 AND m.shutoku_date <= @day AND (m.soshitsu_date IS NULL OR m.soshitsu_date > @day)`;

export function dependantChecksDue(db: Db, year: number, limit: number): { referenceDay: string; total: number; checked: number; items: DueDependant[] } {
  const day = referenceDay(year);
  const total = (db.prepare(`SELECT count(*) AS n ${DUE}`).get({ day }) as { n: number }).n;
  const checked = (db.prepare(`SELECT count(*) AS n ${DUE} AND EXISTS (SELECT 1 FROM dependant_checks c WHERE c.shikaku_id = m.shikaku_id AND c.fiscal_year = @year)`).get({ day, year }) as { n: number }).n;
  type Row = { shikakuId: string; hihokenshaNo: string; edaban: string; kanjiName: string; birthDate: string; result: CheckResult | null; checkedOn: string | null; recordedBy: string | null };
  const rows = db.prepare(
    `SELECT m.shikaku_id AS shikakuId, m.hihokensha_no AS hihokenshaNo, m.edaban, m.kanji_name AS kanjiName, m.birth_date AS birthDate,
            c.result, c.checked_on AS checkedOn, c.recorded_by AS recordedBy
     FROM members m LEFT JOIN dependant_checks c ON c.shikaku_id = m.shikaku_id AND c.fiscal_year = @year
     WHERE m.kubun = 2 AND m.deleted = 0 AND m.shutoku_date <= @day AND (m.soshitsu_date IS NULL OR m.soshitsu_date > @day)
     ORDER BY (c.result IS NOT NULL), m.hihokensha_no, m.edaban LIMIT @limit`,
  ).all({ day, year, limit }) as Row[];
  return {
    referenceDay: day, total, checked,
    items: rows.map(({ result, checkedOn, recordedBy, ...m }) => ({ ...m, check: result && checkedOn && recordedBy ? { result, checkedOn, recordedBy } : null })),
  };
}

/** Records (or corrects) the year's result for one dependant on the due list. */
export function recordDependantCheck(db: Db, check: { shikakuId: string; year: number; result: CheckResult; checkedOn: string; note: string }, by: string, at: string): { corrected: boolean } {
  const due = db.prepare(`SELECT 1 ${DUE} AND m.shikaku_id = @id`).get({ day: referenceDay(check.year), id: check.shikakuId });
  if (!due) throw new KuraError('dependant_check_not_due', { shikakuId: check.shikakuId, year: check.year });
  const existed = db.prepare('SELECT 1 FROM dependant_checks WHERE shikaku_id = ? AND fiscal_year = ?').get(check.shikakuId, check.year) !== undefined;
  db.prepare(
    `INSERT INTO dependant_checks (shikaku_id, fiscal_year, result, checked_on, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (shikaku_id, fiscal_year) DO UPDATE SET result = excluded.result, checked_on = excluded.checked_on, note = excluded.note,
       recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
  ).run(check.shikakuId, check.year, check.result, check.checkedOn, check.note, by, at);
  return { corrected: existed };
}
