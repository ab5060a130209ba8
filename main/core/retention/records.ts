// RT-2, RT-3: one rule engine for every record kind kept for a fixed period, over any table named in
// the policy (情報提供等記録 and 本人確認項目 live in the linkage tables; a rule whose table does not
// exist yet is reported as absent, so linkage plugs in by creating the table the policy names).
import type { Db } from '../store';
import { monthsBefore } from './dates';
import type { RecordRule } from '../kernel';

export type RecordTarget = { subject: string | null; date: string };
export type RecordRuleOutcome = {
  kind: RecordRule['kind'];
  label: string;
  table: string;
  present: boolean;
  /** Rows dated on or before this day are past their period. */
  cutoff: string;
  count: number;
  targets: RecordTarget[];
};

function tableReady(db: Db, rule: RecordRule): boolean {
  const columns = db.prepare('SELECT name FROM pragma_table_info(?)').all(rule.table) as { name: string }[];
  const names = new Set(columns.map((c) => c.name));
  return names.has(rule.dateColumn) && names.has(rule.subjectColumn);
}

/** Identifiers were checked by the policy schema (lower-case word characters) and against the table. */
function expiredWhere(rule: RecordRule): string {
  return `substr(${rule.dateColumn}, 1, 10) <= ?`;
}

export function previewRecordRule(db: Db, rule: RecordRule, today: string, listLimit: number): RecordRuleOutcome {
  const cutoff = monthsBefore(today, rule.keepMonths);
  const base = { kind: rule.kind, label: rule.label, table: rule.table, cutoff };
  if (!tableReady(db, rule)) return { ...base, present: false, count: 0, targets: [] };
  const where = expiredWhere(rule);
  const count = (db.prepare(`SELECT count(*) AS n FROM ${rule.table} WHERE ${where}`).get(cutoff) as { n: number }).n;
  const rows = db
    .prepare(`SELECT ${rule.subjectColumn} AS subject, substr(${rule.dateColumn}, 1, 10) AS date FROM ${rule.table} WHERE ${where} ORDER BY 2, 1 LIMIT ?`)
    .all(cutoff, listLimit) as RecordTarget[];
  return { ...base, present: true, count, targets: rows };
}

/** Deletes the expired rows; returns what went (the targets, so each can be logged). */
export function purgeRecordRule(db: Db, rule: RecordRule, today: string): RecordRuleOutcome {
  const cutoff = monthsBefore(today, rule.keepMonths);
  const base = { kind: rule.kind, label: rule.label, table: rule.table, cutoff };
  if (!tableReady(db, rule)) return { ...base, present: false, count: 0, targets: [] };
  const where = expiredWhere(rule);
  const targets = db
    .prepare(`SELECT ${rule.subjectColumn} AS subject, substr(${rule.dateColumn}, 1, 10) AS date FROM ${rule.table} WHERE ${where} ORDER BY 2, 1`)
    .all(cutoff) as RecordTarget[];
  const count = db.prepare(`DELETE FROM ${rule.table} WHERE ${where}`).run(cutoff).changes;
  return { ...base, present: true, count, targets };
}
