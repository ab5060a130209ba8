// RT-1, RT-4, RT-5: what the retention rules would erase on a given day (dry run), and the purge
// itself. Both take `today` from the caller's clock (kura.now), so tests and audits can name the day.
import type { Db } from '../store';
import { monthsBefore, monthsAfter } from './dates';
import { myNumberEraser } from './erase';
import type { RetentionPolicy } from '../kernel';
import { previewRecordRule, purgeRecordRule, type RecordRuleOutcome } from './records';

export type ExpiredNumber = { shikakuId: string; soshitsuDate: string; expiredOn: string };
export type RefusedNumber = { shikakuId: string; refusedOn: string };
export type RetentionPlan = {
  asOf: string;
  myNumbers: { cutoff: string; count: number; targets: ExpiredNumber[] };
  refusals: { count: number; targets: RefusedNumber[] };
  records: RecordRuleOutcome[];
};

// A number is "still held" while any copy of its ciphertext or blind index remains.
const HELD = `(EXISTS (SELECT 1 FROM mynumber_master n WHERE n.shikaku_id = m.shikaku_id AND (n.mynumber_enc IS NOT NULL OR n.blind_index IS NOT NULL OR n.sakujo_kubun = 0))
  OR EXISTS (SELECT 1 FROM mynumber_input_results r WHERE r.shikaku_id = m.shikaku_id AND r.mynumber_enc IS NOT NULL))`;

function expiredNumbers(db: Db, cutoff: string, limit: number): { count: number; rows: { shikakuId: string; soshitsuDate: string }[] } {
  // RT-1: only a lost qualification starts the clock; a member still qualified keeps the number.
  const where = `m.soshitsu_date IS NOT NULL AND m.soshitsu_date <= ? AND ${HELD}`;
  const count = (db.prepare(`SELECT count(*) AS n FROM members m WHERE ${where}`).get(cutoff) as { n: number }).n;
  const rows = db
    .prepare(`SELECT m.shikaku_id AS shikakuId, m.soshitsu_date AS soshitsuDate FROM members m WHERE ${where} ORDER BY m.soshitsu_date, m.shikaku_id LIMIT ?`)
    .all(cutoff, limit) as { shikakuId: string; soshitsuDate: string }[];
  return { count, rows };
}

function refusedNumbers(db: Db, limit: number): { count: number; rows: RefusedNumber[] } {
  // RT-4: only a confirmed refusal (two people) erases; a pending one waits for its second person.
  const where = `q.status = 'confirmed' AND ${HELD}`;
  const from = 'FROM qualification_refusals q JOIN members m ON m.shikaku_id = q.shikaku_id';
  const count = (db.prepare(`SELECT count(*) AS n ${from} WHERE ${where}`).get() as { n: number }).n;
  const rows = db.prepare(`SELECT q.shikaku_id AS shikakuId, q.refused_on AS refusedOn ${from} WHERE ${where} ORDER BY q.refused_on, q.shikaku_id LIMIT ?`).all(limit) as RefusedNumber[];
  return { count, rows };
}

/** RT-5 dry run: reads only. Lists at most listLimit targets per rule (資格ID and dates, never a number). */
export function previewRetention(db: Db, policy: RetentionPolicy, today: string, listLimit: number): RetentionPlan {
  const months = policy.myNumberYearsAfterLoss * 12;
  const cutoff = monthsBefore(today, months);
  const numbers = expiredNumbers(db, cutoff, listLimit);
  const refusals = refusedNumbers(db, listLimit);
  return {
    asOf: today,
    myNumbers: { cutoff, count: numbers.count, targets: numbers.rows.map((r) => ({ ...r, expiredOn: monthsAfter(r.soshitsuDate, months) })) },
    refusals: { count: refusals.count, targets: refusals.rows },
    records: policy.records.map((rule) => previewRecordRule(db, rule, today, listLimit)),
  };
}

/**
 * The purge: erases every number past its period and every refused qualification's number, and
 * deletes expired records. Call it inside the transaction that logs it. Idempotent: a second run on
 * the same day finds nothing left.
 */
export function purgeExpired(db: Db, policy: RetentionPolicy, today: string, at: string): RetentionPlan {
  const months = policy.myNumberYearsAfterLoss * 12;
  const cutoff = monthsBefore(today, months);
  const erase = myNumberEraser(db);
  const numbers = expiredNumbers(db, cutoff, Number.MAX_SAFE_INTEGER).rows.filter((r) => erase(r.shikakuId, at));
  const refusals = refusedNumbers(db, Number.MAX_SAFE_INTEGER).rows.filter((r) => erase(r.shikakuId, at));
  return {
    asOf: today,
    myNumbers: { cutoff, count: numbers.length, targets: numbers.map((r) => ({ ...r, expiredOn: monthsAfter(r.soshitsuDate, months) })) },
    refusals: { count: refusals.length, targets: refusals },
    records: policy.records.map((rule) => purgeRecordRule(db, rule, today)),
  };
}
