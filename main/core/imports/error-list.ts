// MD-6: the error list the employer needs to fix their file: the rejected rows with the reasons,
// and never a My Number (only whether one was written). Cells that a spreadsheet would run as a
// formula (= + - @, tab, CR) are escaped, whatever the employer put in them.
import type { StoredRow } from './session-store';
import { RESULT_LABELS } from './checks';

const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;

/** One CSV cell: formula triggers neutralised with a leading apostrophe (OWASP), always quoted. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export const ERROR_LIST_HEADER = [
  '行番号', '事業所記号', '被保険者番号', '区分', '続柄コード', '枝番', '漢字氏名', 'カナ氏名', '生年月日', '性別', '後日収集',
  '個人番号（記載の有無）', '未記入理由', '未記入理由メモ', '判定結果', '判定結果詳細①', '判定結果詳細②', '判定結果詳細',
];

export function errorListLine(row: StoredRow): string {
  return [
    String(row.rowNo), row.jigyoshoKigo, row.hihokenshaNo, row.kubun, row.zokugara, row.edaban, row.kanjiName, row.kanaName, row.birthDate,
    row.sex, row.gojitsu, row.hasNumber ? '記載あり' : '', row.mikinyuRiyu, row.memo, RESULT_LABELS[row.result].ja, row.codes[0] ?? '',
    row.codes[1] ?? '', row.message.ja,
  ].map(csvCell).join(',');
}

/** UTF-8 with BOM and CRLF, so Excel on the employer's side opens it with the Japanese intact. */
export function errorListCsv(rows: Iterable<StoredRow>): Buffer {
  const lines = [ERROR_LIST_HEADER.map(csvCell).join(',')];
  for (const row of rows) lines.push(errorListLine(row));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}
