// Screen text of the retention screens (RT-1..RT-5): Japanese first, English second. Nothing here
// names a number: targets are 資格ID (or 被保険者枝番) and dates.
import { formatMessage, type Lang, type Message } from '../../../shared/i18n';

export const RETENTION_TEXT = {
  menu: { ja: '保管期間・削除', en: 'Retention' },
  title: { ja: '保管期間を過ぎた情報の削除', en: 'Deleting what is past its keeping period' },
  lead: {
    ja: '下の一覧は削除の確認（ドライラン）です。表示しただけでは何も変わりません。表示するのは資格IDと日付だけで、個人番号は表示しません（RT-5）。',
    en: 'The lists below are a dry run: showing them changes nothing. Only qualification IDs and dates are shown, never a number (RT-5).',
  },
  reload: { ja: '再確認（ドライラン）', en: 'Check again (dry run)' },
  run: { ja: '削除を実行…', en: 'Run the purge…' },
  noRunRight: { ja: '削除の実行はシステム管理責任者が行います。', en: 'The system administrator runs the purge.' },
  asOf: { ja: '基準日', en: 'As of' },
  myNumbers: { ja: '個人番号（資格喪失後10年経過）', en: 'My Numbers (10 years after loss of qualification)' },
  myNumbersRule: { ja: '資格喪失日が {cutoff} 以前の個人番号を消去します（RT-1）。', en: 'Numbers whose loss of qualification is on or before {cutoff} are erased (RT-1).' },
  refusals: { ja: '資格否認の記録がある個人番号', en: 'My Numbers of refused qualifications' },
  refusalsRule: { ja: '資格が否認された資格IDに残っている個人番号を消去します（RT-4）。', en: 'Numbers still held for a refused qualification are erased (RT-4).' },
  records: { ja: '記録の保管期間', en: 'Record keeping periods' },
  recordRule: { ja: '{cutoff} より前の記録を削除（{rule}）', en: 'Deletes records before {cutoff} ({rule})' },
  noTable: { ja: 'この端末にはまだ記録がありません', en: 'No such records on this terminal yet' },
  count: { ja: '{count} 件', en: '{count}' },
  colShikakuId: { ja: '資格ID', en: 'Qualification ID' },
  colSoshitsu: { ja: '資格喪失日', en: 'Lost on' },
  colExpired: { ja: '保管期限', en: 'Kept until' },
  colRefusedOn: { ja: '否認日', en: 'Refused on' },
  colSubject: { ja: '対象（被保険者枝番）', en: 'Subject' },
  colDate: { ja: '日付', en: 'Date' },
  colRecord: { ja: '記録', en: 'Record' },
  colCutoff: { ja: '削除する範囲', en: 'Deleted' },
  colCount: { ja: '件数', en: 'Count' },
  nothing: { ja: '対象はありません。', en: 'Nothing is due.' },
  truncated: { ja: '先頭の {shown} 件を表示しています（全 {count} 件）。', en: 'The first {shown} of {count} are shown.' },
  confirmTitle: { ja: '削除の実行', en: 'Run the purge' },
  confirmLead: {
    ja: '次の情報を消去・削除します。消去した個人番号は復元できません。実行は操作ログに記録されます。',
    en: 'The following will be erased and deleted. Erased numbers cannot be recovered. The run is recorded in the operation log.',
  },
  confirmMyNumbers: { ja: '個人番号の消去：{count} 件（うち資格否認 {refusals} 件）', en: 'My Numbers erased: {count} (refused qualifications: {refusals})' },
  confirmRecords: { ja: '{label} の削除：{count} 件', en: '{label} deleted: {count}' },
  confirmCheck: { ja: '一覧の内容を確認しました', en: 'I have checked the lists' },
  confirmYes: { ja: '削除を実行する', en: 'Run the purge' },
  cancel: { ja: '取消', en: 'Cancel' },
  done: {
    ja: '削除を実行しました（基準日 {asOf}）：個人番号 {myNumbers} 件、資格否認 {refusals} 件、記録 {records} 件。',
    en: 'Purge done (as of {asOf}): {myNumbers} numbers, {refusals} refused qualifications, {records} records.',
  },
  // RT-4
  refusalMenu: { ja: '資格否認の記録', en: 'Refused qualification' },
  refusalTitle: { ja: '資格否認の記録', en: 'Record a refused qualification' },
  refusalLead: {
    ja: '資格取得が否認された場合に記録します。その資格IDに登録された個人番号は、記録と同時に消去されます（RT-4）。元に戻せません。',
    en: 'Record a qualification that was refused. The My Number registered for it is erased in the same step (RT-4); this cannot be undone.',
  },
  refusedOn: { ja: '否認日', en: 'Refused on' },
  reason: { ja: '理由', en: 'Reason' },
  reasonHint: { ja: '例：資格取得届の要件不備により否認（個人番号は書かないでください）', en: 'E.g. the enrolment form did not meet the requirements (never write a My Number)' },
  record: { ja: '記録して個人番号を消去…', en: 'Record and erase…' },
  refusalConfirm: { ja: '資格ID {shikakuId} の資格否認を記録し、登録されている個人番号を消去します。よろしいですか？', en: 'Record the refusal of {shikakuId} and erase its registered My Number?' },
  refusalYes: { ja: '記録する', en: 'Record' },
  refusalDoneErased: { ja: '資格ID {shikakuId} の資格否認を記録し、登録されていた個人番号を消去しました。', en: 'Refusal of {shikakuId} recorded; its My Number was erased.' },
  refusalDoneNone: { ja: '資格ID {shikakuId} の資格否認を記録しました（個人番号の登録はありませんでした）。', en: 'Refusal of {shikakuId} recorded (no My Number was registered).' },
  shikakuIdInvalid: { ja: '資格IDを正しく入力してください（例：Q000000001）。', en: 'Enter a valid qualification ID (e.g. Q000000001).' },
  reasonRequired: { ja: '理由を入力してください。', en: 'Enter a reason.' },
  dateRequired: { ja: '否認日を入力してください。', en: 'Enter the date of the refusal.' },
} satisfies Record<string, Message>;

export type RetentionTextKey = keyof typeof RETENTION_TEXT;

export function rt(lang: Lang, key: RetentionTextKey, params: Record<string, string | number> = {}): string {
  return formatMessage(RETENTION_TEXT[key], lang, params);
}

/** The same sentence in both languages (for notices, which follow the language switch). */
export function rm(key: RetentionTextKey, params: Record<string, string | number> = {}): Message {
  return { ja: rt('ja', key, params), en: rt('en', key, params) };
}

/** Today in Japan (YYYY-MM-DD), the day the office works in. */
export function japanToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(now);
}
