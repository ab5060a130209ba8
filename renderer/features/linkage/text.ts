// Screen text of the information-linkage screens (LK-1..LK-4): Japanese first, English second.
// Refusals (a procedure outside the user's businesses, a file without its heading) come from the
// main process in both languages.
import { formatMessage, type Lang, type Message } from '../../../shared/i18n';

export const LINKAGE_TEXT = {
  menu: { ja: '情報連携', en: 'Information linkage' },
  tabRecords: { ja: '情報提供等記録', en: 'Provision records' },
  tabIdentity: { ja: '本人確認（J-LIS）', en: 'Identity answers (J-LIS)' },
  tabInquiry: { ja: '照会ファイル作成', en: 'Build an inquiry' },
  needRenkei: { ja: 'この画面は「情報連携」業務です。業務切替で「情報連携」を選んでください。', en: 'This is information-linkage work. Switch the business to 情報連携.' },
  path: { ja: 'ファイルのパス（この端末上の絶対パス）', en: 'File path (absolute, on this terminal)' },
  pathInvalid: { ja: '絶対パスで入力してください（/ または ドライブ名から始まるパス）。', en: 'Enter an absolute path (starting with / or a drive letter).' },
  lineNo: { ja: '行', en: 'Line' },
  problems: { ja: '内容', en: 'Problems' },
  shikakuId: { ja: '資格ID', en: 'Qual. ID' },
  // LK-1
  recordsTitle: { ja: '情報提供等記録の検索', en: 'Search provision records' },
  recordsLead: {
    ja: '中間サーバーから受け取った情報提供等記録（12項目）を、資格ID・提供の求めの日付・事務手続で検索します。検索は操作ログに記録されます。',
    en: 'Provision records (12 items) from the intermediate server, by qualification ID, request date and procedure. Each search is logged.',
  },
  from: { ja: '提供の求め（から）', en: 'Requested from' },
  to: { ja: '提供の求め（まで）', en: 'Requested until' },
  procedure: { ja: '事務手続名称（部分一致）', en: 'Procedure (contains)' },
  limit: { ja: '表示上限', en: 'Limit' },
  search: { ja: '検索', en: 'Search' },
  found: { ja: '{count} 件', en: '{count} found' },
  truncated: { ja: '{count} 件（上限に達したため以降は省略。条件を絞ってください）', en: '{count} shown (limit reached; narrow the search)' },
  noRecords: { ja: '該当する記録はありません。', en: 'No record matches.' },
  searchHint: { ja: '条件を入力して検索してください（条件なしで最新から表示）。', en: 'Enter conditions and search (none: the latest first).' },
  shikakuIdInvalid: { ja: '資格IDの形式が正しくありません。', en: 'The qualification ID is not valid.' },
  colShori: { ja: '処理番号', en: 'Process no.' },
  colJimu: { ja: '事務名称', en: 'Business' },
  colTetsuzuki: { ja: '事務手続名称', en: 'Procedure' },
  colShokai: { ja: '情報照会者部署', en: 'Requested by' },
  colTeikyo: { ja: '情報提供者部署', en: 'Provided by' },
  colRequested: { ja: '提供の求めの日時', en: 'Requested at' },
  colProvided: { ja: '提供の日時', en: 'Provided at' },
  colTokutei: { ja: '特定個人情報名称', en: 'Information' },
  colFukaiji: { ja: '不開示', en: 'Withheld' },
  colKago: { ja: '過誤事由', en: 'Error' },
  colEdaban: { ja: '被保険者枝番', en: 'Insured branch no.' },
  importRecords: { ja: 'ファイルから登録', en: 'Add from a file' },
  importRecordsHint: { ja: '中間サーバーの情報提供等記録ファイル（見出し行付きCSV）。同じ処理番号の記録は重複として数えます。', en: 'The intermediate server\u2019s record file (CSV with its heading). Records already stored count as duplicates.' },
  read: { ja: '読込', en: 'Read' },
  recordsAdded: { ja: '{read} 行を読み込み、{added} 件を登録しました（重複 {duplicates} 件、エラー {errors} 行）。', en: '{read} lines read, {added} added ({duplicates} duplicates, {errors} lines with errors).' },
  // LK-2
  identityTitle: { ja: '本人確認情報（J-LIS）回答の取込', en: 'Import the J-LIS identity answer' },
  identityLead: {
    ja: '地方公共団体情報システム機構の本人確認情報（27項目）の回答ファイルを取り込み、行ごとに加入者と照合します。個人番号は暗号化して保存され、画面には表示しません。',
    en: 'The J-LIS answer file (27 items) is imported and each line matched to a member. Numbers are stored encrypted and never shown.',
  },
  identityHint: { ja: 'J-LIS 機構保存本人確認情報の回答ファイル（27項目、見出し行付きCSV）', en: 'The J-LIS answer file (27 items, CSV with its heading line)' },
  importIdentity: { ja: '取込・照合', en: 'Import and match' },
  identityDone: { ja: '取込番号 {batchId}：{rows} 行を照合しました。', en: 'Batch {batchId}: {rows} lines matched.' },
  batch: { ja: '取込番号', en: 'Batch' },
  colMatch: { ja: '照合結果', en: 'Result' },
  colName: { ja: '氏名', en: 'Name' },
  colKana: { ja: '氏名かな', en: 'Kana' },
  colBirth: { ja: '生年月日', en: 'Born' },
  colHasNumber: { ja: '個人番号', en: 'My Number' },
  hasNumber: { ja: 'あり（非表示）', en: 'Present (hidden)' },
  noNumberSent: { ja: 'なし', en: 'None' },
  match_by_number: { ja: '個人番号で一致', en: 'By number' },
  match_by_name_birth: { ja: '氏名かな・生年月日で一致', en: 'By name and birth date' },
  match_conflict: { ja: '不一致（要確認）', en: 'Conflict (check)' },
  match_ambiguous: { ja: '複数該当（要確認）', en: 'Ambiguous (check)' },
  match_unmatched: { ja: '該当なし', en: 'No member' },
  match_error: { ja: 'エラー', en: 'Error' },
  // LK-3, LK-4
  inquiryTitle: { ja: '照会ファイルの作成', en: 'Build an inquiry file' },
  inquiryLead: {
    ja: '① 事務手続を選び、② 対象者の資格IDを入力すると、被保険者枝番だけで対象者を示す照会ファイルを作ります（個人番号・資格IDは含みません）。選べるのは担当業務の事務手続のみです。',
    en: '1. Choose the procedure, 2. enter the qualification IDs: the file names each person by the insured branch number only (no My Number, no qualification ID). Only procedures of your businesses are offered.',
  },
  step1: { ja: '① 事務手続', en: '1. Procedure' },
  step2: { ja: '② 対象者の資格ID（1行に1件、最大1,000件）', en: '2. Qualification IDs (one per line, up to 1,000)' },
  step3: { ja: '③ 照会ファイル', en: '3. Inquiry file' },
  chooseProcedure: { ja: '（選んでください）', en: '(choose)' },
  noProcedures: { ja: '担当業務で選べる事務手続がありません。', en: 'No procedure is available for your businesses.' },
  procedureFacts: { ja: '事務：{jimu}　特定個人情報：{tokutei}', en: 'Business: {jimu}  Information: {tokutei}' },
  build: { ja: '照会ファイルを作成', en: 'Build the file' },
  procedureRequired: { ja: '事務手続を選んでください。', en: 'Choose a procedure.' },
  idsRequired: { ja: '資格IDを1件以上入力してください。', en: 'Enter at least one qualification ID.' },
  idsInvalid: { ja: '資格IDの形式が正しくない行があります：{ids}', en: 'Some qualification IDs are not valid: {ids}' },
  built: { ja: '照会 {inquiryId} を作成しました（{rows} 件）。', en: 'Inquiry {inquiryId} built ({rows} rows).' },
  fileText: { ja: 'ファイルの内容（中間サーバーへ送る内容）', en: 'File content (what goes to the intermediate server)' },
  rowNo: { ja: '行番号', en: 'Row' },
  answersTitle: { ja: '④ 回答の入力', en: '4. Enter the answers' },
  answersLead: { ja: '中間サーバーからの回答を被保険者枝番ごとに入力します。回答は照会時の枝番から資格IDに結び付けます。', en: 'Enter the answer for each branch number; it is tied back to the member through the inquiry.' },
  answerContent: { ja: '回答内容', en: 'Answer' },
  saveAnswers: { ja: '回答を登録', en: 'Save the answers' },
  answersRequired: { ja: '回答内容を1件以上入力してください。', en: 'Enter at least one answer.' },
  answersSaved: { ja: '{count} 件の回答を処理しました（結び付け {matched} 件）。', en: '{count} answers processed ({matched} matched).' },
  outcome_matched: { ja: '登録', en: 'Stored' },
  outcome_not_in_inquiry: { ja: 'この照会にない枝番', en: 'Not in this inquiry' },
  outcome_already_answered: { ja: '回答済み', en: 'Already answered' },
  outcome_refused_number: { ja: '12桁の数字を含むため登録しません', en: 'Refused: holds 12 digits' },
  newInquiry: { ja: '新しい照会', en: 'New inquiry' },
} satisfies Record<string, Message>;

export type LinkageTextKey = keyof typeof LINKAGE_TEXT;

export function lkt(lang: Lang, key: LinkageTextKey, params: Record<string, string | number> = {}): string {
  return formatMessage(LINKAGE_TEXT[key], lang, params);
}

export function lkm(key: LinkageTextKey, params: Record<string, string | number> = {}): Message {
  return { ja: lkt('ja', key, params), en: lkt('en', key, params) };
}
