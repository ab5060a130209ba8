// LK-1: 情報提供等記録項目 (別添1, 12 items) stored as provided and searchable by 資格ID (through the
// 被保険者枝番), by date range of 提供の求めの日時, and by procedure (事務手続名称).
import { TWELVE_DIGIT_RUN } from '../../../shared/mynumber';
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';
import type { LinkageLine } from './linkage-file';

/** The 12 items in file order, with the name the clerk and the file heading use. */
export const RECORD_ITEMS = [
  ['shoriNo', '処理番号'],
  ['shoriEdaban', '処理番号の枝番'],
  ['jimuName', '事務名称'],
  ['tetsuzukiName', '事務手続名称'],
  ['shokaishaBusho', '情報照会者部署名称'],
  ['teikyoshaBusho', '情報提供者部署名称'],
  ['requestedAt', '提供の求めの日時'],
  ['providedAt', '提供の日時'],
  ['tokuteiName', '特定個人情報名称'],
  ['fukaijiCode', '不開示コード'],
  ['kagoCode', '過誤事由コード'],
  ['hihokenshaEdaban', '被保険者枝番'],
] as const;
/** The reader drops a first line naming 被保険者…; these labels tell a heading from a data line. */
export const RECORDS_HEADING = ['処理番号', '事務手続名称', '被保険者枝番'] as const;

export type ProvisionRecord = {
  shoriNo: string;
  shoriEdaban: string;
  jimuName: string;
  tetsuzukiName: string;
  shokaishaBusho: string;
  teikyoshaBusho: string;
  requestedAt: string;
  providedAt: string | null;
  tokuteiName: string;
  fukaijiCode: string;
  kagoCode: string;
  hihokenshaEdaban: string;
};
export type StoredProvisionRecord = ProvisionRecord & { id: number; shikakuId: string | null; addedBy: string; addedAt: string; source: string };
export type RecordSearch = { shikakuId?: string; from?: string; to?: string; procedure?: string; limit: number };
export type RecordImportResult = { read: number; added: number; duplicates: number; errors: { lineNo: number; problems: string[] }[] };

const OPTIONAL: ReadonlySet<string> = new Set(['providedAt', 'fukaijiCode', 'kagoCode']);

/** 'YYYY-MM-DD HH:MM[:SS]', 'YYYY/MM/DD …', 'YYYYMMDDHHMMSS' or ISO → 'YYYY-MM-DDTHH:MM:SS'; null if not a real time. */
export function normalizeDateTime(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})[ T]?(\d{2}):?(\d{2})(?::?(\d{2}))?$/.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi, s = '00'] = m.slice(1) as [string, string, string, string, string, string?];
  const date = new Date(Date.UTC(+y, +mo - 1, +d, +h, +mi, +s));
  if (date.getUTCMonth() !== +mo - 1 || date.getUTCDate() !== +d || +h > 23 || +mi > 59 || +s > 59) return null;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`;
}

/** Problems of one record: item name + what is wrong; an empty list means it can be stored. */
export function recordProblems(cells: Record<string, string>): string[] {
  const problems: string[] = [];
  for (const [key, label] of RECORD_ITEMS) {
    const value = (cells[key] ?? '').trim();
    if (!value && !OPTIONAL.has(key)) problems.push(`${label}: 未入力`);
    if (value.length > 200) problems.push(`${label}: 200文字を超えています`);
    // LK-3: linkage items never carry a My Number; a 12-digit run is refused, whatever it is.
    if (TWELVE_DIGIT_RUN.test(value)) problems.push(`${label}: 12桁の数字`);
    if ((key === 'requestedAt' || key === 'providedAt') && value && !normalizeDateTime(value)) problems.push(`${label}: 日時が正しくありません`);
    if (key === 'hihokenshaEdaban' && value && !/^[A-Z0-9]{1,20}$/.test(value)) problems.push(`${label}: 英大文字・数字20桁以内`);
  }
  return problems;
}

function toRecord(cells: Record<string, string>): ProvisionRecord {
  const v = (k: string): string => (cells[k] ?? '').trim();
  return {
    shoriNo: v('shoriNo'), shoriEdaban: v('shoriEdaban'), jimuName: v('jimuName'), tetsuzukiName: v('tetsuzukiName'),
    shokaishaBusho: v('shokaishaBusho'), teikyoshaBusho: v('teikyoshaBusho'), requestedAt: normalizeDateTime(v('requestedAt'))!,
    providedAt: v('providedAt') ? normalizeDateTime(v('providedAt')) : null, tokuteiName: v('tokuteiName'),
    fukaijiCode: v('fukaijiCode'), kagoCode: v('kagoCode'), hihokenshaEdaban: v('hihokenshaEdaban'),
  };
}

type Row = {
  id: number; shori_no: string; shori_edaban: string; jimu_name: string; tetsuzuki_name: string; shokaisha_busho: string; teikyosha_busho: string;
  requested_at: string; provided_at: string | null; tokutei_name: string; fukaiji_code: string; kago_code: string; hihokensha_edaban: string;
  added_by: string; added_at: string; source: string; shikaku_id: string | null;
};

function fromRow(r: Row): StoredProvisionRecord {
  return {
    id: r.id, shoriNo: r.shori_no, shoriEdaban: r.shori_edaban, jimuName: r.jimu_name, tetsuzukiName: r.tetsuzuki_name, shokaishaBusho: r.shokaisha_busho,
    teikyoshaBusho: r.teikyosha_busho, requestedAt: r.requested_at, providedAt: r.provided_at, tokuteiName: r.tokutei_name, fukaijiCode: r.fukaiji_code,
    kagoCode: r.kago_code, hihokenshaEdaban: r.hihokensha_edaban, shikakuId: r.shikaku_id, addedBy: r.added_by, addedAt: r.added_at, source: r.source,
  };
}

export class ProvisionRecords {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  private insert(record: ProvisionRecord, userId: string, source: string): boolean {
    const result = this.db
      .prepare(
        `INSERT OR IGNORE INTO linkage_records (shori_no, shori_edaban, jimu_name, tetsuzuki_name, shokaisha_busho, teikyosha_busho, requested_at, provided_at,
           tokutei_name, fukaiji_code, kago_code, hihokensha_edaban, added_by, added_at, source)
         VALUES (@shoriNo, @shoriEdaban, @jimuName, @tetsuzukiName, @shokaishaBusho, @teikyoshaBusho, @requestedAt, @providedAt,
           @tokuteiName, @fukaijiCode, @kagoCode, @hihokenshaEdaban, @userId, @addedAt, @source)`,
      )
      .run({ ...record, userId, addedAt: this.now().toISOString(), source });
    return result.changes === 1;
  }

  /** One record typed by a clerk. Call inside the caller's transaction. */
  add(cells: Record<string, string>, userId: string): ProvisionRecord {
    const problems = recordProblems(cells);
    const twelve = RECORD_ITEMS.find(([key]) => TWELVE_DIGIT_RUN.test(cells[key] ?? ''));
    if (twelve) throw new KuraError('linkage_number_in_field', { field: twelve[1] });
    if (problems.length) throw new KuraError('invalid_input', { fields: problems.join('、') });
    const record = toRecord(cells);
    if (!this.insert(record, userId, 'manual')) throw new KuraError('linkage_record_duplicate', { shoriNo: record.shoriNo, shoriEdaban: record.shoriEdaban });
    return record;
  }

  /** A file's rows: every line gets a result; bad lines are reported, never stored. Call inside a transaction. */
  importLines(lines: readonly LinkageLine[], userId: string, digest: string): RecordImportResult {
    const result: RecordImportResult = { read: lines.length, added: 0, duplicates: 0, errors: [] };
    for (const line of lines) {
      if (line.cellCount !== RECORD_ITEMS.length) {
        result.errors.push({ lineNo: line.lineNo, problems: [`項目数が${line.cellCount}です（${RECORD_ITEMS.length}項目）`] });
        continue;
      }
      const cells = Object.fromEntries(RECORD_ITEMS.map(([key], i) => [key, line.cells[i] ?? '']));
      const problems = [...recordProblems(cells), ...(line.problems.length ? ['読込エラー（文字コード・引用符）'] : [])];
      if (problems.length) result.errors.push({ lineNo: line.lineNo, problems });
      else if (this.insert(toRecord(cells), userId, `file:${digest}`)) result.added++;
      else result.duplicates++;
    }
    return result;
  }

  /** Newest first; returns up to limit+1 rows so the caller can say the list was cut. */
  search(q: RecordSearch): StoredProvisionRecord[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (q.shikakuId) {
      where.push('e.shikaku_id = ?');
      params.push(q.shikakuId);
    }
    if (q.from) {
      where.push('r.requested_at >= ?');
      params.push(`${q.from}T00:00:00`);
    }
    if (q.to) {
      where.push('r.requested_at <= ?');
      params.push(`${q.to}T23:59:59`);
    }
    if (q.procedure) {
      where.push('r.tetsuzuki_name = ?');
      params.push(q.procedure);
    }
    const sql = `SELECT r.*, e.shikaku_id FROM linkage_records r LEFT JOIN hihokensha_edaban e ON e.edaban_code = r.hihokensha_edaban
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY r.requested_at DESC, r.id DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...params, q.limit + 1) as Row[]).map(fromRow);
  }
}
