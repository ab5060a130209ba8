// DQ-2: every row gets its result. Row checks first, then the member match, then the checks across
// rows (duplicates, one number one person in the file) and against the store (one number one
// person, what is already registered). A bad row never stops the file.
import type { MyNumberVault } from '../mynumber';
import type { Finding } from './checks';
import type { RawRecord } from './csv';
import type { ImportKind, RowFields } from './layouts';
import type { ImportLimits } from './limits';
import type { MemberMatcher } from './member-match';
import { checkRow, type MemberKey } from './row-checks';

export type ImportProgress = { phase: 'read' | 'validate' | 'save' | 'register'; done: number; total: number };
export type ProgressListener = (p: ImportProgress) => void;

export type ValidatedRow = {
  rowNo: number;
  lineNo: number;
  /** Items as read, with the number item blanked: from here on only `number` holds it. */
  fields: RowFields;
  hasNumber: boolean;
  number: string | null;
  birthIso: string | null;
  findings: Finding[];
  shikakuId: string | null;
  /** 更新通番 of the member's master row when previewed (null: no row yet). */
  expectedVersion: number | null;
};

type Context = {
  kind: ImportKind;
  limits: ImportLimits;
  matcher: MemberMatcher;
  vault: MyNumberVault;
  encodingLabel: string;
  onProgress?: ProgressListener;
};

const YIELD_EVERY = 2_000;
const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function keyText(k: MemberKey): string {
  return `${k.jigyoshoKigo}\u0000${k.hihokenshaNo}\u0000${k.kubun}\u0000${k.edaban}`;
}

function rowList(rows: number[], self: number): string {
  const others = rows.filter((r) => r !== self);
  return others.length > 5 ? `${others.slice(0, 5).join('・')} ほか` : others.join('・');
}

/**
 * Consumes records: each is released once checked, so a 100,000-row file is held once, not twice.
 * The cross-row maps keep one entry per person and per number; lists exist only for conflicts.
 */
export async function validateRecords(records: (RawRecord | null)[], ctx: Context): Promise<ValidatedRow[]> {
  const total = records.length;
  const rows: ValidatedRow[] = [];
  const firstRowOfPerson = new Map<string, number>();
  const duplicates = new Map<string, number[]>();
  const personOfNumber = new Map<string, string>();
  const sharedNumbers = new Set<string>();

  for (let i = 0; i < total; i++) {
    const record = records[i]!;
    records[i] = null;
    const checked = checkRow(record, ctx.kind, ctx.limits, ctx.encodingLabel);
    const rowNo = i + 1;
    let shikakuId: string | null = null;
    if (checked.key) shikakuId = ctx.matcher.match(ctx.kind, checked.key, checked.fields, checked.birthIso, checked.findings);
    const hasNumber = checked.fields.number.replace(/[\s\u3000]/g, '') !== '';
    checked.fields.number = '';
    rows.push({
      rowNo, lineNo: record.lineNo, fields: checked.fields, hasNumber, number: checked.number,
      birthIso: checked.birthIso, findings: checked.findings, shikakuId, expectedVersion: null,
    });
    // The bulk layouts have no 枝番: the matched member is the person; an unmatched row its key and name.
    const person = shikakuId ?? (checked.key ? `${keyText(checked.key)}\u0000${checked.fields.kanjiName}${checked.fields.kanaName}` : null);
    if (person) {
      const first = firstRowOfPerson.get(person);
      if (first === undefined) firstRowOfPerson.set(person, rowNo);
      else duplicates.set(person, [...(duplicates.get(person) ?? [first]), rowNo]);
    }
    if (checked.number && person) {
      const holder = personOfNumber.get(checked.number);
      if (holder === undefined) personOfNumber.set(checked.number, person);
      else if (holder !== person) sharedNumbers.add(checked.number);
    }
    if (rowNo % 1000 === 0) ctx.onProgress?.({ phase: 'validate', done: rowNo, total });
    if (rowNo % YIELD_EVERY === 0) await yieldToLoop();
  }

  // Within the file: one row per person, one person per number.
  firstRowOfPerson.clear();
  personOfNumber.clear();
  for (const rowNos of duplicates.values()) {
    for (const r of rowNos) rows[r - 1]!.findings.push({ code: 'duplicate_row', params: { rows: rowList(rowNos, r) } });
  }
  if (sharedNumbers.size > 0) {
    const rowsOf = new Map<string, number[]>();
    for (const row of rows) if (row.number && sharedNumbers.has(row.number)) rowsOf.set(row.number, [...(rowsOf.get(row.number) ?? []), row.rowNo]);
    for (const rowNos of rowsOf.values()) {
      for (const r of rowNos) rows[r - 1]!.findings.push({ code: 'number_shared_in_file', params: { rows: rowList(rowNos, r) } });
    }
  }

  // Against the store.
  for (const row of rows) {
    if (row.shikakuId) checkAgainstStore(row, ctx);
  }
  ctx.onProgress?.({ phase: 'validate', done: total, total });
  return rows;
}

function checkAgainstStore(row: ValidatedRow, ctx: Context): void {
  const id = row.shikakuId!;
  const status = ctx.vault.status(id);
  row.expectedVersion = status.version;
  const holder = row.number ? ctx.vault.findHolder(row.number) : null;
  if (ctx.kind === 'cancel') {
    if (!status.registered) row.findings.push({ code: 'not_registered' });
    else if (row.number && holder !== id) row.findings.push({ code: 'number_mismatch' });
    return;
  }
  if (!row.number) return;
  if (holder && holder !== id) row.findings.push({ code: 'number_held_by_other' });
  else if (holder === id) row.findings.push({ code: 'same_number_registered' });
  else if (ctx.kind === 'input' && status.registered) row.findings.push({ code: 'number_already_registered' });
}
