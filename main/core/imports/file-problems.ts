// Why a whole file was refused. A refusal is a result the clerk reads (never a crash): the reader
// stops at the first problem that makes every row untrustworthy and says what to do about it.
import { formatMessage, type Message } from '../../../shared/i18n';

export const FILE_PROBLEMS = {
  not_readable: { ja: 'ファイルを開けません。場所と名前を確認してください。', en: 'The file cannot be opened; check its location and name.' },
  too_large: { ja: 'ファイルが大きすぎます（{size}MB、上限{max}MB）。事業所ごとに分けてください。', en: 'The file is too large ({size} MB, limit {max} MB); split it by employer.' },
  empty: { ja: 'ファイルが空です。', en: 'The file is empty.' },
  binary: { ja: 'CSVまたはExcel（.xlsx）のファイルではありません。', en: 'This is not a CSV or Excel (.xlsx) file.' },
  utf16: { ja: 'UTF-16（Unicodeテキスト）は読み込めません。CSV（UTF-8またはShift_JIS）で保存し直してください。', en: 'UTF-16 text cannot be read; save as CSV (UTF-8 or Shift_JIS).' },
  undecodable: { ja: '文字コードを判別できません。CSV（UTF-8またはShift_JIS）で保存し直してください。', en: 'The character encoding cannot be determined; save as CSV (UTF-8 or Shift_JIS).' },
  too_many_rows: { ja: '行数が上限（{max}行）を超えています。ファイルを分けてください。', en: 'The file has more than {max} rows; split it.' },
  no_rows: { ja: 'データ行がありません。', en: 'The file has no data rows.' },
  xlsx_invalid: { ja: 'Excelファイルが壊れているか、対応していない形式です（{detail}）。', en: 'The Excel file is damaged or of an unsupported kind ({detail}).' },
  xlsx_bomb: { ja: 'Excelファイルの展開後の大きさが異常です（圧縮爆弾の疑い）。読み込みを中止しました。', en: 'The Excel file expands to an abnormal size (suspected zip bomb); reading stopped.' },
  xlsx_encrypted: { ja: 'パスワード付き、または古い形式（.xls）のExcelファイルは読み込めません。パスワードを外し、.xlsxかCSVで保存してください。', en: 'Password-protected or old-format (.xls) Excel files cannot be read; remove the password and save as .xlsx or CSV.' },
  virus_found: { ja: 'ウイルスが検出されたため取込を中止しました（{signature}）。ファイルと媒体を使わずにシステム管理責任者に連絡してください。', en: 'A virus was found ({signature}) and the import was stopped. Do not use the file or the medium; contact the system administrator.' },
  scan_failed: { ja: 'ウイルスチェックを実行できなかったため取込を中止しました（{detail}）。システム管理責任者に連絡してください。', en: 'The virus check could not run ({detail}), so the import was stopped. Contact the system administrator.' },
} as const satisfies Record<string, Message>;

export type FileProblemCode = keyof typeof FILE_PROBLEMS;

export class ImportFileError extends Error {
  constructor(
    readonly problem: FileProblemCode,
    readonly params: Record<string, string | number> = {},
  ) {
    super(problem);
    this.name = 'ImportFileError';
  }

  describe(): Message & { code: FileProblemCode } {
    const message = FILE_PROBLEMS[this.problem];
    return { code: this.problem, ja: formatMessage(message, 'ja', this.params), en: formatMessage(message, 'en', this.params) };
  }
}
