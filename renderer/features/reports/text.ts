// Screen text of the creator-only reports (DP-4): Japanese first, English second.
import { formatMessage, type Lang, type Message } from '../../../shared/i18n';

export const REPORT_TEXT = {
  menu: { ja: '個人番号帳票', en: 'My Number reports' },
  title: { ja: '個人番号を含む帳票（作成者本人のみ）', en: 'Reports with My Number (creator only)' },
  lead: {
    ja: '帳票は暗号化して保存され、作成したご本人が自分のログインパスワードを入力したときだけ開いて印刷できます。保存期間を過ぎると自動で削除されます（DP-4）。',
    en: 'A report is stored encrypted; only you, with your own login password, can open and print it. It is deleted automatically when its keeping period ends (DP-4).',
  },
  createTitle: { ja: '個人番号入力結果一覧を作成', en: 'Make a My Number list' },
  shikakuIds: { ja: '資格ID（1行に1件、最大1000件）', en: 'Qualification IDs (one a line, up to 1000)' },
  shikakuIdsHint: { ja: '例：Q000000001。空白・カンマ区切りでも入力できます。', en: 'E.g. Q000000001; spaces or commas also separate.' },
  password: { ja: 'ご自身のログインパスワード', en: 'Your login password' },
  passwordHint: { ja: '帳票はこのパスワードで暗号化されます。誤入力はログインの失敗として数えられます。', en: 'The report is encrypted with it. A wrong one counts as a failed login.' },
  create: { ja: '帳票を作成', en: 'Make the report' },
  created: { ja: '帳票 {reportId} を作成しました（{rows} 件、{expires} に自動削除）。', en: 'Report {reportId} made ({rows} rows; deleted automatically at {expires}).' },
  idsRequired: { ja: '資格IDを1件以上入力してください。', en: 'Enter at least one qualification ID.' },
  idsInvalid: { ja: '資格IDの形式が正しくありません：{ids}', en: 'Not a qualification ID: {ids}' },
  idsTooMany: { ja: '一度に作成できるのは1000件までです。', en: 'Up to 1000 IDs per report.' },
  passwordRequired: { ja: 'パスワードを入力してください。', en: 'Enter your password.' },
  noCreateRight: { ja: '帳票の作成と表示には、個人番号の表示権限と業務の宣言が必要です。', en: 'Making and opening reports needs the right to see My Numbers in a declared business.' },
  listTitle: { ja: '作成した帳票', en: 'Your reports' },
  listNote: { ja: 'ご自身が作成し、保存期間内の帳票だけが表示されます。', en: 'Only reports you made that are still within their keeping period are listed.' },
  none: { ja: '保存されている帳票はありません。', en: 'No report is kept.' },
  colId: { ja: '帳票ID', en: 'Report ID' },
  colTitle: { ja: '帳票名', en: 'Report' },
  colBusiness: { ja: '業務', en: 'Business' },
  colRows: { ja: '件数', en: 'Rows' },
  colCreated: { ja: '作成日時', en: 'Made' },
  colExpires: { ja: '自動削除', en: 'Deleted at' },
  remaining: { ja: 'あと {hours} 時間', en: '{hours} h left' },
  open: { ja: '開く…', en: 'Open…' },
  reload: { ja: '再読込', en: 'Reload' },
  openTitle: { ja: '帳票 {reportId} を開く', en: 'Open report {reportId}' },
  openLead: { ja: 'ご自身のログインパスワードを入力してください。', en: 'Enter your own login password.' },
  openYes: { ja: '開く', en: 'Open' },
  cancel: { ja: '取消', en: 'Cancel' },
  // the sheet
  print: { ja: '印刷', en: 'Print' },
  close: { ja: '閉じる', en: 'Close' },
  sheetMeta: { ja: '帳票ID {reportId}　業務 {business}　作成 {created}　作成者 {creator}　自動削除 {expires}', en: 'Report {reportId}  business {business}  made {created}  by {creator}  deleted at {expires}' },
  sheetWarning: { ja: '個人番号を含みます。取扱者以外に見せず、不要になったら直ちにシュレッダー処理してください。', en: 'Contains My Numbers: show it to no one else and shred it as soon as it is no longer needed.' },
  colShikakuId: { ja: '資格ID', en: 'Qualification ID' },
  colEmployer: { ja: '事業所記号', en: 'Employer' },
  colHihokenshaNo: { ja: '被保険者番号', en: 'Insured no.' },
  colEdaban: { ja: '枝番', en: 'Br.' },
  colKubun: { ja: '区分', en: 'Type' },
  colName: { ja: '氏名', en: 'Name' },
  colKana: { ja: 'カナ氏名', en: 'Kana' },
  colBirth: { ja: '生年月日', en: 'Born' },
  colNumber: { ja: '個人番号', en: 'My Number' },
  colVersion: { ja: '更新通番', en: 'Ver.' },
  notRegistered: { ja: '未登録', en: 'none' },
  rowsCount: { ja: '{count} 件', en: '{count} rows' },
} satisfies Record<string, Message>;

export type ReportTextKey = keyof typeof REPORT_TEXT;

export function pt(lang: Lang, key: ReportTextKey, params: Record<string, string | number> = {}): string {
  return formatMessage(REPORT_TEXT[key], lang, params);
}

export function pm(key: ReportTextKey, params: Record<string, string | number> = {}): Message {
  return { ja: pt('ja', key, params), en: pt('en', key, params) };
}
