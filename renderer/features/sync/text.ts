// Screen text of the sync-conflict screen (issue 7): Japanese first, English second. A number side
// shows only registered or not, 更新通番, 更新日 and whether the two numbers are equal (AC-9).
import { formatMessage, type Lang, type Message } from '../../../shared/i18n';

export const CONFLICT_TEXT = {
  menu: { ja: '同期の競合', en: 'Sync conflicts' },
  title: { ja: '同期の競合（両方の版の確認と解決）', en: 'Sync conflicts (compare both versions and resolve)' },
  lead: {
    ja: 'この端末の変更より先に、別の端末の変更がデータセンターに届いた記録です。現在はデータセンターの版を表示しています。両方の版を見比べて、残す版を選んでください。',
    en: 'Another terminal’s change reached the data center before this terminal’s. The data center version is shown now; compare both and choose which one stays.',
  },
  reload: { ja: '再読込', en: 'Reload' },
  showResolved: { ja: '解決済みも表示', en: 'Show resolved' },
  openCount: { ja: '未解決 {count} 件', en: '{count} open' },
  empty: { ja: '確認待ちの競合はありません。', en: 'No conflict is waiting.' },
  noRight: { ja: '解決（版の選択）には、業務を選択した「登録・訂正可」以上の権限が必要です。', en: 'Resolving needs EDIT or above in a declared business.' },
  backToSync: { ja: '同期状況へ戻る', en: 'Back to sync status' },
  kindMember: { ja: '加入者情報', en: 'Member' },
  kindNumber: { ja: '個人番号', en: 'My Number' },
  reason_stale_version: { ja: '同じ記録を別の端末が先に更新', en: 'Another terminal updated the record first' },
  reason_mynumber_taken: { ja: '同じ個人番号が別の加入者に登録済み', en: 'The same number is registered to another member' },
  detected: { ja: '検出 {at}　通番 {seq}', en: 'Detected {at}, no. {seq}' },
  field: { ja: '項目', en: 'Item' },
  local: { ja: 'この端末の版', en: 'This terminal' },
  dataCenter: { ja: 'データセンターの版（現在）', en: 'Data center (current)' },
  noRow: { ja: '（記録なし）', en: '(none)' },
  version: { ja: '更新通番', en: 'Version' },
  updatedAt: { ja: '更新日', en: 'Updated' },
  deleted: { ja: '削除区分', en: 'Deleted' },
  deletedYes: { ja: '削除', en: 'Deleted' },
  deletedNo: { ja: '—', en: '—' },
  jigyoshoKigo: { ja: '事業所記号', en: 'Employer' },
  hihokenshaNo: { ja: '被保険者番号', en: 'Insured no.' },
  edaban: { ja: '枝番', en: 'Branch' },
  kubun: { ja: '区分', en: 'Type' },
  kanjiName: { ja: '氏名', en: 'Name' },
  kanaName: { ja: 'カナ氏名', en: 'Kana name' },
  birthDate: { ja: '生年月日', en: 'Born' },
  sex: { ja: '性別', en: 'Sex' },
  shutokuDate: { ja: '資格取得日', en: 'Enrolled' },
  soshitsuDate: { ja: '資格喪失日', en: 'Left' },
  registration: { ja: '登録状況', en: 'Registration' },
  registered: { ja: '登録あり（番号は表示しません）', en: 'Registered (digits not shown)' },
  notRegistered: { ja: '登録なし', en: 'Not registered' },
  sameNumber: { ja: '2つの版の番号', en: 'The two numbers' },
  same: { ja: '同じ番号', en: 'Same number' },
  different: { ja: '異なる番号', en: 'Different numbers' },
  notComparable: { ja: '比較できません（一方に番号なし）', en: 'Cannot compare (one side has none)' },
  differs: { ja: '相違', en: 'differs' },
  keepDataCenter: { ja: 'データセンターの版を残す', en: 'Keep the data center version' },
  keepLocal: { ja: 'この端末の版で上書きする', en: 'Write this terminal’s version' },
  keepLocalHint: {
    ja: 'この端末の版を、データセンターの版（更新通番 {version}）の次の更新として登録し直します。次の同期で他の端末にも届きます。',
    en: 'This terminal’s version is written again as the next update after the data center version ({version}); the next sync takes it to the other terminals.',
  },
  resolvedDataCenter: { ja: '資格ID {shikakuId} の競合を、データセンターの版を残して解決しました。', en: 'Conflict on {shikakuId} resolved: the data center version stays.' },
  resolvedLocal: { ja: '資格ID {shikakuId} の競合を、この端末の版で解決しました（更新通番 {version}）。次の同期でデータセンターに送ります。', en: 'Conflict on {shikakuId} resolved with this terminal’s version (version {version}); the next sync sends it.' },
  resolution_dataCenter: { ja: '解決済み：データセンターの版（{by}　{at}）', en: 'Resolved: data center version ({by}, {at})' },
  resolution_local: { ja: '解決済み：この端末の版（{by}　{at}）', en: 'Resolved: this terminal’s version ({by}, {at})' },
  // DP-6: directory (staff) conflicts, read only: the data center's version already stands here.
  dirTitle: { ja: '職員情報の競合（データセンターの版が採用されました）', en: 'Staff directory conflicts (the data center version was kept)' },
  dirLead: {
    ja: 'この端末での職員・役割・取扱特権・媒体台帳の変更のうち、データセンターが受け付けなかった、または上書きしたものです。この端末は既にデータセンターの版に従っているため、解決の操作はありません。',
    en: 'Changes to staff, roles, grants or the media ledger made here that the data center refused or overrode. This terminal already follows the data center version; there is nothing to resolve.',
  },
  dirEmpty: { ja: '職員情報の競合はありません。', en: 'No staff directory conflict.' },
  dirKind: { ja: '種別', en: 'Kind' },
  dirKey: { ja: 'キー', en: 'Key' },
  dirReason: { ja: '理由', en: 'Reason' },
  dirServerVersion: { ja: 'データセンターの版', en: 'Data center version' },
  dirDetectedAt: { ja: '検出日時', en: 'Detected' },
  dirMore: { ja: 'さらに表示', en: 'Show more' },
  dirEntity_user: { ja: '職員', en: 'Staff user' },
  dirEntity_user_role: { ja: '職員の役割', en: 'Staff role' },
  dirEntity_password_history: { ja: 'パスワード履歴', en: 'Password history' },
  dirEntity_grant: { ja: '取扱特権の付与', en: 'Privilege grant' },
  dirEntity_medium: { ja: '媒体管理台帳', en: 'Media ledger entry' },
  dirEntity_media_signing_key: { ja: '媒体の署名鍵', en: 'Media signing key' },
  dirReason_stale_version: { ja: '同じ記録を別の端末が先に更新', en: 'Another terminal updated the record first' },
  dirReason_duplicate: { ja: '同じ職員番号・媒体が別の端末で登録済み', en: 'The same employee number or medium was registered elsewhere' },
  dirReason_missing_parent: { ja: '対象の職員がデータセンターに未登録', en: 'Its staff user is not at the data center' },
  dirReason_not_allowed: { ja: '職員・台帳の削除は認められません', en: 'Staff users and ledger entries are never removed' },
  dirReason_unauthorised: { ja: '付与した人に管理責任者の権限がない', en: 'Granted by someone who is not an active manager' },
  dirNoVersion: { ja: '（記録なし）', en: '(none)' },
} satisfies Record<string, Message>;

export type ConflictTextKey = keyof typeof CONFLICT_TEXT;

export function ct(lang: Lang, key: ConflictTextKey, params: Record<string, string | number> = {}): string {
  return formatMessage(CONFLICT_TEXT[key], lang, params);
}

export function cm(key: ConflictTextKey, params: Record<string, string | number> = {}): Message {
  return { ja: ct('ja', key, params), en: ct('en', key, params) };
}
