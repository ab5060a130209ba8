// LK-3: the inquiry file for the intermediate server names each member by the 被保険者枝番 only: no
// My Number, no 資格ID. The 資格ID stays in this store, and answers find their member back through
// the inquiry row that holds the 枝番 (the seed: 被保険者枝番と紐付けた既存システムの資格IDで照合).
import { randomBytes } from 'node:crypto';
import { KuraError } from '../../../shared/errors';
import { TWELVE_DIGIT_RUN } from '../../../shared/mynumber';
import type { MemberRegistry } from '../members';
import type { Db } from '../store';
import { ensureEdaban } from './edaban';
import type { Procedure } from './procedures';

export type InquiryRow = { rowNo: number; hihokenshaEdaban: string; jimuName: string; tetsuzukiName: string; tokuteiName: string };
export type BuiltInquiry = { inquiryId: string; procedureCode: string; rows: InquiryRow[]; file: string };
export type Answer = { hihokenshaEdaban: string; content: string };
export type AnswerOutcome = 'matched' | 'not_in_inquiry' | 'already_answered' | 'refused_number';
export type MatchedAnswer = { hihokenshaEdaban: string; outcome: AnswerOutcome; shikakuId: string | null };

const FILE_HEADING = ['行番号', '被保険者枝番', '事務名称', '事務手続名称', '特定個人情報名称'];
const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function inquiryIdFor(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `SK-${day}-${[...randomBytes(6)].map((b) => String.fromCharCode(65 + (b % 26))).join('')}`;
}

/** Builds and records an inquiry for the given members. Call inside the caller's transaction. */
export function buildInquiry(db: Db, members: MemberRegistry, procedure: Procedure, shikakuIds: readonly string[], userId: string, now: Date): BuiltInquiry {
  const unique = [...new Set(shikakuIds)];
  for (const id of unique) members.get(id);
  const inquiryId = inquiryIdFor(now);
  const rows: InquiryRow[] = unique.map((id, i) => ({
    rowNo: i + 1, hihokenshaEdaban: ensureEdaban(db, id, now), jimuName: procedure.jimuName, tetsuzukiName: procedure.tetsuzukiName, tokuteiName: procedure.tokuteiName,
  }));
  const file = [FILE_HEADING, ...rows.map((r) => [String(r.rowNo), r.hihokenshaEdaban, r.jimuName, r.tetsuzukiName, r.tokuteiName])]
    .map((cells) => cells.map(csvCell).join(','))
    .join('\r\n');
  // LK-3: a last guard; nothing above can put 12 digits in a row, and if a change ever does, nothing leaves.
  if (TWELVE_DIGIT_RUN.test(file)) throw new Error('inquiry file would carry a 12-digit number');
  db.prepare('INSERT INTO linkage_inquiries (inquiry_id, procedure_code, created_by, created_at, row_count) VALUES (?, ?, ?, ?, ?)').run(inquiryId, procedure.code, userId, now.toISOString(), rows.length);
  const insertRow = db.prepare('INSERT INTO linkage_inquiry_rows (inquiry_id, row_no, shikaku_id, hihokensha_edaban) VALUES (?, ?, ?, ?)');
  rows.forEach((r, i) => insertRow.run(inquiryId, r.rowNo, unique[i], r.hihokenshaEdaban));
  return { inquiryId, procedureCode: procedure.code, rows, file };
}

/** Matches answers back to members through the inquiry's rows. Call inside the caller's transaction. */
export function matchAnswers(db: Db, inquiryId: string, answers: readonly Answer[], now: Date): MatchedAnswer[] {
  if (!db.prepare('SELECT 1 FROM linkage_inquiries WHERE inquiry_id = ?').get(inquiryId)) throw new KuraError('linkage_inquiry_not_found', { inquiryId });
  const find = db.prepare('SELECT shikaku_id, answered_at FROM linkage_inquiry_rows WHERE inquiry_id = ? AND hihokensha_edaban = ?');
  const answer = db.prepare('UPDATE linkage_inquiry_rows SET answered_at = ?, answer = ? WHERE inquiry_id = ? AND hihokensha_edaban = ?');
  return answers.map((a) => {
    const row = find.get(inquiryId, a.hihokenshaEdaban) as { shikaku_id: string; answered_at: string | null } | undefined;
    if (!row) return { hihokenshaEdaban: a.hihokenshaEdaban, outcome: 'not_in_inquiry', shikakuId: null };
    if (row.answered_at) return { hihokenshaEdaban: a.hihokenshaEdaban, outcome: 'already_answered', shikakuId: row.shikaku_id };
    // An answer that carries 12 digits is not stored: the linkage path never holds a My Number (LK-3).
    if (TWELVE_DIGIT_RUN.test(a.content)) return { hihokenshaEdaban: a.hihokenshaEdaban, outcome: 'refused_number', shikakuId: row.shikaku_id };
    answer.run(now.toISOString(), a.content, inquiryId, a.hihokenshaEdaban);
    return { hihokenshaEdaban: a.hihokenshaEdaban, outcome: 'matched', shikakuId: row.shikaku_id };
  });
}
