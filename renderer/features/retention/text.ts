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
  // RT-4: two people. An EDIT clerk records; a manager other than the recorder confirms and erases.
  refusalMenu: { ja: '資格否認の記録・確定', en: 'Refused qualifications' },
  refusalTitle: { ja: '資格否認の記録と確定', en: 'Refused qualifications: record and confirm' },
  refusalLead: {
    ja: '資格取得が否認された場合、担当者が記録し、記録者以外の管理責任者が確定します。個人番号は確定した時点で消去され、元に戻せません（RT-4）。確定前なら取り消せます。',
    en: 'A clerk records a refused qualification; a manager other than the recorder confirms it. The My Number is erased on confirmation and cannot be restored (RT-4). Until then the record can be cancelled.',
  },
  recordTitle: { ja: '資格否認の記録（1人目）', en: 'Record a refusal (first person)' },
  recordHint: { ja: '記録しただけでは個人番号は消去されません。', en: 'Recording alone erases nothing.' },
  refusedOn: { ja: '否認日', en: 'Refused on' },
  reason: { ja: '理由', en: 'Reason' },
  reasonHint: { ja: '例：資格取得届の要件不備により否認（個人番号は書かないでください）', en: 'E.g. the enrolment form did not meet the requirements (never write a My Number)' },
  record: { ja: '記録する（確定待ち）', en: 'Record (awaiting confirmation)' },
  refusalDone: {
    ja: '資格ID {shikakuId} の資格否認を記録しました。記録者以外の管理責任者が確定すると、個人番号が消去されます。',
    en: 'Refusal of {shikakuId} recorded. It erases the My Number once a manager other than you confirms it.',
  },
  pendingTitle: { ja: '確定待ちの資格否認', en: 'Refusals awaiting confirmation' },
  pendingNone: { ja: '確定待ちの資格否認はありません。', en: 'No refusal is awaiting confirmation.' },
  confirmRule: { ja: '確定は記録者以外の管理責任者が行います（2人目）。', en: 'A manager other than the recorder confirms (second person).' },
  colRecordedBy: { ja: '記録者', en: 'Recorded by' },
  colRecordedAt: { ja: '記録日時', en: 'Recorded at' },
  colActions: { ja: '操作', en: 'Actions' },
  confirmAction: { ja: '確定して消去…', en: 'Confirm and erase…' },
  cancelAction: { ja: '取消…', en: 'Cancel…' },
  ownRecord: { ja: '自分の記録は確定できません', en: 'You cannot confirm your own record' },
  confirmErase: {
    ja: '資格ID {shikakuId} の資格否認（記録者 {recordedBy}、理由「{reason}」）を確定し、登録されている個人番号を消去します。消去した個人番号は復元できません。',
    en: 'Confirm the refusal of {shikakuId} (recorded by {recordedBy}, reason "{reason}") and erase its registered My Number. An erased number cannot be restored.',
  },
  confirmEraseTitle: { ja: '資格否認の確定（2人目）', en: 'Confirm a refusal (second person)' },
  confirmEraseCheck: { ja: '記録の内容を確認しました', en: 'I have checked the record' },
  confirmEraseYes: { ja: '確定して消去する', en: 'Confirm and erase' },
  confirmedErased: { ja: '資格ID {shikakuId} の資格否認を確定し、個人番号を消去しました。', en: 'Refusal of {shikakuId} confirmed; its My Number was erased.' },
  confirmedNone: { ja: '資格ID {shikakuId} の資格否認を確定しました（個人番号の登録はありませんでした）。', en: 'Refusal of {shikakuId} confirmed (no My Number was registered).' },
  cancelTitle: { ja: '資格否認の取消', en: 'Cancel a refusal' },
  cancelLead: { ja: '資格ID {shikakuId} の確定待ちの資格否認を取り消します。個人番号はそのまま残ります。取消は操作ログに記録されます。', en: 'Cancel the pending refusal of {shikakuId}. The My Number stays. The cancellation is logged.' },
  cancelReason: { ja: '取消の理由', en: 'Reason for cancelling' },
  cancelReasonHint: { ja: '例：資格IDの入力誤り（個人番号は書かないでください）', en: 'E.g. wrong qualification ID entered (never write a My Number)' },
  cancelYes: { ja: '取り消す', en: 'Cancel the refusal' },
  back: { ja: '戻る', en: 'Back' },
  cancelled: { ja: '資格ID {shikakuId} の資格否認を取り消しました。', en: 'Refusal of {shikakuId} cancelled.' },
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
