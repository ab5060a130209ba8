// DQ-2: the checks of one row on its own (別添1 items 14–23, plus the items the member match needs).
// Every check runs and every failure is reported, so the employer can fix a row in one go.
import { MIKINYU_RIYU } from '../../../shared/codes';
import { MYNUMBER_PROBLEM_MESSAGES } from '../../../shared/i18n';
import { checkMyNumber } from '../../../shared/mynumber';
import type { Finding } from './checks';
import type { RawRecord } from './csv';
import { eraDateToIso } from './era-date';
import { columnCountOk, fieldsOf, LAYOUTS, type ImportKind, type RowFields } from './layouts';
import type { ImportLimits } from './limits';

export type MemberKey = { jigyoshoKigo: string; hihokenshaNo: string; kubun: number; edaban: string };

export type CheckedRow = {
  fields: RowFields;
  findings: Finding[];
  /** The normalised 12-digit number when it passed 18 and 19; never stored in plaintext. */
  number: string | null;
  birthIso: string | null;
  key: MemberKey | null;
};

const KEY_LABELS = { jigyoshoKigo: '事業所記号', hihokenshaNo: '被保険者番号', kubun: '区分', edaban: '枝番' } as const;
const blank = (s: string): boolean => s.replace(/[\s\u3000]/g, '') === '';

function memberKey(f: RowFields, kind: ImportKind, findings: Finding[]): MemberKey | null {
  const kigo = f.jigyoshoKigo.normalize('NFKC');
  const bango = f.hihokenshaNo.normalize('NFKC');
  const kubun = f.kubun.normalize('NFKC');
  const edaban = f.edaban.normalize('NFKC');
  const wrong: string[] = [];
  if (!/^[0-9A-Za-z-]{1,10}$/.test(kigo)) wrong.push(KEY_LABELS.jigyoshoKigo);
  if (!/^\d{1,10}$/.test(bango)) wrong.push(KEY_LABELS.hihokenshaNo);
  if (kubun !== '1' && kubun !== '2') wrong.push(KEY_LABELS.kubun);
  if (kind === 'input' && !/^\d{1,3}$/.test(edaban)) wrong.push(KEY_LABELS.edaban);
  if (wrong.length > 0) {
    findings.push({ code: 'key_fields', params: { fields: wrong.join('・') } });
    return null;
  }
  return { jigyoshoKigo: kigo, hihokenshaNo: bango, kubun: Number(kubun), edaban };
}

function checkNumber(raw: string, findings: Finding[]): string | null {
  const checked = checkMyNumber(raw);
  if (checked.ok) {
    if (checked.warnings.includes('all_zero')) findings.push({ code: 'zero_number' });
    return checked.value;
  }
  if (checked.problem === 'check_digit') findings.push({ code: '19' });
  else findings.push({ code: '18', params: { problem: MYNUMBER_PROBLEM_MESSAGES[checked.problem]!.ja } });
  return null;
}

function checkReason(f: RowFields, limits: ImportLimits, findings: Finding[]): void {
  const reason = f.mikinyuRiyu.normalize('NFKC');
  const hasReason = !blank(reason);
  const hasMemo = !blank(f.memo);
  if (hasReason && !Object.hasOwn(MIKINYU_RIYU, reason)) findings.push({ code: '20' });
  if (reason === '9' && !hasMemo) findings.push({ code: '21' });
  if (hasMemo && !hasReason) findings.push({ code: '22' });
  const memoLength = [...f.memo].length;
  if (memoLength > limits.memoMaxChars) findings.push({ code: '23', params: { max: limits.memoMaxChars, actual: memoLength } });
}

/** encodingLabel names the file's encoding in the message of a row that is in another one. */
export function checkRow(record: RawRecord, kind: ImportKind, limits: ImportLimits, encodingLabel: string): CheckedRow {
  const layout = LAYOUTS[kind];
  const fields = fieldsOf(record, layout);
  const findings: Finding[] = [];
  // A row in another encoding or with shifted columns keeps no cell at all: a shifted My Number
  // would otherwise sit in a name or memo column (AC-9).
  const emptied = Object.fromEntries(Object.keys(fields).map((k) => [k, ''])) as typeof fields;
  const none = { fields: emptied, findings, number: null, birthIso: null, key: null };
  if (record.problems.includes('encoding')) {
    findings.push({ code: 'encoding', params: { encoding: encodingLabel } });
    return none;
  }
  if (!columnCountOk(record, layout)) {
    findings.push({ code: 'columns', params: { actual: record.cellCount, expected: layout.columns } });
    return none;
  }
  if (record.problems.includes('unterminated_quote')) findings.push({ code: 'unterminated_quote' });
  if (record.problems.includes('cell_length')) findings.push({ code: 'cell_length', params: { max: limits.maxCellChars } });

  const key = memberKey(fields, kind, findings);
  const birthIso = eraDateToIso(fields.birthDate);
  if (!birthIso) findings.push({ code: 'birth_date_invalid' });

  const hasNumber = !blank(fields.number);
  const hasReason = !blank(fields.mikinyuRiyu);
  const gojitsu = fields.gojitsu.normalize('NFKC');
  if (kind === 'input') {
    if (!['', '0', '1'].includes(gojitsu)) findings.push({ code: '14' });
    if (gojitsu === '1' && hasNumber) findings.push({ code: '15' });
  }
  // 後日収集 = 1 announces the number for later: neither a number nor a reason is due now.
  const collectLater = kind === 'input' && gojitsu === '1';
  // A cancel names the registered number to cancel; a reason may accompany it.
  if (kind !== 'cancel') {
    if (!hasNumber && !hasReason && !collectLater) findings.push({ code: '16' });
    if (hasNumber && hasReason) findings.push({ code: '17' });
  }
  const number = hasNumber ? checkNumber(fields.number, findings) : null;
  checkReason(fields, limits, findings);
  return { fields, findings, number, birthIso, key };
}
