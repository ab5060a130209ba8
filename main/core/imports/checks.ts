// DQ-2: the check codes of one row and the words a clerk (and the employer) reads for each.
// 14–23 are the checks of 別添1 (reference.md); the others are the checks beyond the row.
import { formatMessage, type Message } from '../../../shared/i18n';

export type Severity = 'error' | 'warning';

export const CHECKS = {
  '14': { severity: 'error', ja: '後日収集は空欄・0・1のいずれかで入力してください。', en: '後日収集 must be blank, 0 or 1.' },
  '15': { severity: 'error', ja: '後日収集が1の行は、個人番号を空欄にしてください。', en: 'When 後日収集 is 1, leave the My Number blank.' },
  '16': { severity: 'error', ja: '個人番号と未記入理由がどちらも空欄です。どちらかを入力してください。', en: 'Both the My Number and the reason are blank; fill in one.' },
  '17': { severity: 'error', ja: '個人番号と未記入理由の両方が入力されています。どちらか一方にしてください。', en: 'Both the My Number and a reason are filled in; keep only one.' },
  '18': { severity: 'error', ja: '個人番号が12桁の数字ではありません（{problem}）。', en: 'The My Number is not 12 digits ({problem}).' },
  '19': { severity: 'error', ja: '個人番号のチェックデジットが一致しません。写し間違いがないか確認してください。', en: 'The check digit does not match; check for a copying mistake.' },
  '20': { severity: 'error', ja: '未記入理由は 1 海外在住・2 短期在留・3 未付番・4 提出拒否・9 その他 のいずれかです。', en: 'The reason must be 1, 2, 3, 4 or 9.' },
  '21': { severity: 'error', ja: '未記入理由が9（その他）のときは、未記入理由メモを入力してください。', en: 'Reason 9 (other) needs a memo.' },
  '22': { severity: 'error', ja: '未記入理由メモは、未記入理由を入力した行にだけ記入してください。', en: 'A memo is allowed only together with a reason.' },
  '23': { severity: 'error', ja: '未記入理由メモは{max}文字以内にしてください（{actual}文字）。', en: 'The memo may have at most {max} characters ({actual}).' },
  columns: { severity: 'error', ja: '項目の数が{actual}個です（{expected}個必要）。列の追加・削除がないか確認してください。', en: 'The row has {actual} fields; {expected} are needed. Check for added or removed columns.' },
  encoding: { severity: 'error', ja: 'この行は他の行と文字コードが異なり、読み取れません（ファイルは{encoding}）。同じ文字コードで保存し直してください。', en: 'This row is in a different character encoding from the file ({encoding}); save the file again in one encoding.' },
  cell_length: { severity: 'error', ja: '{max}文字を超える項目があります。', en: 'A field is longer than {max} characters.' },
  unterminated_quote: { severity: 'error', ja: '引用符（"）が閉じられていません。', en: 'A quotation mark (") is not closed.' },
  key_fields: { severity: 'error', ja: '{fields}の入力に誤りがあります。', en: 'Check these fields: {fields}.' },
  birth_date_invalid: { severity: 'error', ja: '生年月日が正しい日付ではありません（元号コード＋年月日6桁。例 5-630503）。', en: 'The birth date is not a real date (era code + YYMMDD, e.g. 5-630503).' },
  member_not_found: { severity: 'error', ja: '記号・番号・区分に該当する加入者がいません。先頭の0が消えていないか確認してください。', en: 'No member has this 記号・番号・区分; check for lost leading zeros.' },
  name_mismatch: { severity: 'error', ja: '氏名（漢字・カナ）が組合の登録内容と一致しません。', en: 'The name (kanji and kana) does not match the society\u2019s record.' },
  birth_date_mismatch: { severity: 'error', ja: '生年月日が組合の登録内容と一致しません。', en: 'The birth date does not match the society\u2019s record.' },
  duplicate_row: { severity: 'error', ja: '同じ加入者の行が複数あります（{rows}行目）。1行にまとめてください。', en: 'The same member appears on several rows ({rows}); keep one.' },
  number_shared_in_file: { severity: 'error', ja: '同じ個人番号が別の加入者の行にもあります（{rows}行目）。', en: 'The same My Number is given for another member (rows {rows}).' },
  number_held_by_other: { severity: 'error', ja: 'この個人番号は既に別の加入者に登録されています。', en: 'This My Number is already registered to another member.' },
  number_already_registered: { severity: 'error', ja: 'この加入者には既に別の個人番号が登録されています。変更は一括更新で行ってください。', en: 'This member already has a different My Number; use the bulk update file to change it.' },
  not_registered: { severity: 'error', ja: 'この加入者には個人番号が登録されていません。', en: 'This member has no registered My Number.' },
  number_mismatch: { severity: 'error', ja: '個人番号が組合の登録内容と一致しません。取消する番号を確認してください。', en: 'The My Number does not match the registered one; check which number to cancel.' },
  sex_mismatch: { severity: 'warning', ja: '性別が組合の登録内容と異なります。', en: 'The sex differs from the society\u2019s record.' },
  zero_number: { severity: 'warning', ja: 'すべて0の番号は発行されません。確認してください。', en: 'An all-zero number is never issued; please check.' },
  same_number_registered: { severity: 'warning', ja: '同じ個人番号が既に登録されています（変更はありません）。', en: 'The same My Number is already registered (no change).' },
} as const satisfies Record<string, Message & { severity: Severity }>;

export type CheckCode = keyof typeof CHECKS;
export const CHECK_CODES = Object.keys(CHECKS) as CheckCode[];

/** One failed check on one row, with the values its message needs (never a My Number). */
export type Finding = { code: CheckCode; params?: Record<string, string | number> };

export type RowResult = 'ok' | 'warning' | 'error';
/** 24 判定結果 as the society's forms write it. */
export const RESULT_LABELS: Record<RowResult, Message> = {
  ok: { ja: 'OK', en: 'OK' },
  warning: { ja: '警告', en: 'Warning' },
  error: { ja: 'エラー', en: 'Error' },
};

export function resultOf(findings: readonly Finding[]): RowResult {
  if (findings.some((f) => CHECKS[f.code].severity === 'error')) return 'error';
  return findings.length > 0 ? 'warning' : 'ok';
}


/** 27 判定結果詳細: every finding's message, in the order the checks ran. */
export function describe(findings: readonly Finding[]): Message {
  return {
    ja: findings.map((f) => formatMessage(CHECKS[f.code], 'ja', f.params)).join(' '),
    en: findings.map((f) => formatMessage(CHECKS[f.code], 'en', f.params)).join(' '),
  };
}
