// Screen text of the data-quality screens (DQ-3 名寄せ, DQ-4 現況確認, DQ-5 中間サーバー登録):
// Japanese first, English second. No screen here shows a number.
import { formatMessage, type Lang, type Message } from '../../../shared/i18n';

export const QUALITY_TEXT = {
  menu: { ja: 'データ品質', en: 'Data quality' },
  tabLinks: { ja: '名寄せ', en: 'Name matching' },
  tabChecks: { ja: '現況確認', en: 'Status checks' },
  tabQueue: { ja: '中間サーバー登録', en: 'Intermediate server' },
  reload: { ja: '再読込', en: 'Reload' },
  // DQ-3
  linksTitle: { ja: '名寄せ（同一人物の記録の紐付け）', en: 'Name matching (linking one person’s records)' },
  linksLead: {
    ja: '資格IDの変更、任意継続・特例退職の加入のとき、以前の記録を同じ人として紐付けます。候補は生年月日とカナ氏名が一致する記録です（両方に個人番号があれば個人番号の一致も確認します。番号は表示しません）。',
    en: 'When a qualification ID changes, or on 任意継続 / 特例退職 enrolment, earlier records are linked as the same person. Candidates share birth date and kana name (and My Number when both hold one; it is never shown).',
  },
  shikakuId: { ja: '資格ID', en: 'Qualification ID' },
  show: { ja: '表示', en: 'Show' },
  history: { ja: '名寄せ済みの履歴（古い順）', en: 'Linked history (oldest first)' },
  candidates: { ja: '名寄せ候補', en: 'Candidates' },
  noCandidates: { ja: '候補はありません。', en: 'No candidate.' },
  noLinkRight: { ja: '候補の表示と名寄せの確定には、業務を宣言した「登録・訂正可」以上の権限が必要です。', en: 'Candidates and linking need EDIT or above in a declared business.' },
  colEmployer: { ja: '事業所記号', en: 'Employer' },
  colHihokenshaNo: { ja: '被保険者番号', en: 'Insured no.' },
  colKubun: { ja: '区分', en: 'Type' },
  colName: { ja: '氏名', en: 'Name' },
  colShutoku: { ja: '資格取得日', en: 'Enrolled' },
  colSoshitsu: { ja: '資格喪失日', en: 'Left' },
  colLink: { ja: '名寄せ', en: 'Link' },
  colNumber: { ja: '個人番号', en: 'My Number' },
  numberSame: { ja: '一致', en: 'Same' },
  numberNotCompared: { ja: '照合なし', en: 'Not compared' },
  linkedWith: { ja: '{with} から（{reason}）{by} {at}', en: 'from {with} ({reason}) by {by} {at}' },
  current: { ja: '表示中', en: 'This record' },
  reason: { ja: '名寄せの理由', en: 'Reason' },
  reason_shikaku_change: { ja: '資格IDの変更', en: 'Qualification ID changed' },
  reason_nini_keizoku: { ja: '任意継続', en: '任意継続 (voluntary continuation)' },
  reason_tokurei_taishoku: { ja: '特例退職', en: '特例退職 (special retiree)' },
  link: { ja: '同一人物として名寄せ', en: 'Link as the same person' },
  linkChoose: { ja: '候補を選んでください。', en: 'Choose a candidate.' },
  linked: { ja: '{earlier} と {later} を名寄せしました（個人番号：{match}）。', en: 'Linked {earlier} and {later} (My Number: {match}).' },
  idInvalid: { ja: '資格IDを正しく入力してください（例：Q000000001）。', en: 'Enter a valid qualification ID (e.g. Q000000001).' },
  // DQ-4
  checksTitle: { ja: '被扶養者の現況確認', en: 'Annual status check of dependants' },
  checksLead: { ja: '年度の基準日（4月1日）に被扶養者である人が対象です。未確認の人から表示します。', en: 'Everyone who is a dependant on the year’s reference day (1 April) is due; unchecked people are listed first.' },
  year: { ja: '年度', en: 'Fiscal year' },
  yearOption: { ja: '{year} 年度', en: 'FY {year}' },
  checksSummary: { ja: '基準日 {day}　対象 {total} 名　確認済 {checked} 名　未確認 {open} 名', en: 'Reference day {day}: {total} due, {checked} checked, {open} open' },
  colEdaban: { ja: '枝番', en: 'Br.' },
  colBirth: { ja: '生年月日', en: 'Born' },
  colResult: { ja: '結果', en: 'Result' },
  colCheckedOn: { ja: '確認日', en: 'Checked on' },
  colBy: { ja: '記録者', en: 'By' },
  result_eligible: { ja: '扶養継続', en: 'Still eligible' },
  result_ineligible: { ja: '扶養非該当', en: 'No longer eligible' },
  result_unanswered: { ja: '未回答', en: 'No answer' },
  unchecked: { ja: '未確認', en: 'Open' },
  recordTitle: { ja: '確認結果の記録', en: 'Record the result' },
  chooseRow: { ja: '一覧から被扶養者を選んでください。', en: 'Choose a dependant in the list.' },
  checkedOn: { ja: '確認日', en: 'Checked on' },
  note: { ja: '備考', en: 'Note' },
  noteHint: { ja: '個人番号は書かないでください。', en: 'Never write a My Number.' },
  recordCheck: { ja: '結果を記録', en: 'Record' },
  correctCheck: { ja: '結果を訂正', en: 'Correct' },
  checkRecorded: { ja: '{shikakuId} の{year}年度の現況確認を記録しました。', en: 'Status check {year} of {shikakuId} recorded.' },
  checkCorrected: { ja: '{shikakuId} の{year}年度の現況確認を訂正しました（訂正は操作ログに記録）。', en: 'Status check {year} of {shikakuId} corrected (logged).' },
  noCheckRight: { ja: '結果の記録には「登録・訂正可」以上の権限が必要です。', en: 'Recording a result needs EDIT or above.' },
  noneDue: { ja: 'この年度の対象者はいません。', en: 'Nobody is due this year.' },
  // DQ-5
  queueTitle: { ja: '中間サーバー等への登録待ち', en: 'Waiting for the intermediate server' },
  queueLead: { ja: '新規・変更された加入者と個人番号の変更は、すぐにこの一覧に入ります。中間サーバー等に登録したら「登録済にする」で消し込みます（資格IDと種類だけを表示します）。', en: 'New or changed members and number changes are queued here at once. After registering them with the intermediate server, mark them sent (only IDs and kinds are shown).' },
  queueTotal: { ja: '登録待ち {total} 件', en: '{total} waiting' },
  colSeq: { ja: '通番', en: 'Seq.' },
  colKind: { ja: '変更の種類', en: 'Change' },
  colQueuedAt: { ja: '発生日時', en: 'Queued' },
  kind_member_new: { ja: '加入者の新規', en: 'New member' },
  kind_member_changed: { ja: '加入者の変更', en: 'Member changed' },
  kind_mynumber_registered: { ja: '個人番号の登録', en: 'Number registered' },
  kind_mynumber_changed: { ja: '個人番号の変更', en: 'Number changed' },
  kind_mynumber_deleted: { ja: '個人番号の削除', en: 'Number deleted' },
  selectAll: { ja: 'すべて選択', en: 'Select all' },
  markSent: { ja: '選択した {count} 件を登録済にする', en: 'Mark {count} as sent' },
  marked: { ja: '{marked} 件を登録済にしました（既に登録済 {skipped} 件）。', en: '{marked} marked as sent ({skipped} already were).' },
  queueEmpty: { ja: '登録待ちはありません。', en: 'Nothing is waiting.' },
  shownOf: { ja: '先頭の {shown} 件を表示（全 {total} 件）', en: 'The first {shown} of {total} shown' },
} satisfies Record<string, Message>;

export type QualityTextKey = keyof typeof QUALITY_TEXT;

export function qt(lang: Lang, key: QualityTextKey, params: Record<string, string | number> = {}): string {
  return formatMessage(QUALITY_TEXT[key], lang, params);
}

export function qm(key: QualityTextKey, params: Record<string, string | number> = {}): Message {
  return { ja: qt('ja', key, params), en: qt('en', key, params) };
}
