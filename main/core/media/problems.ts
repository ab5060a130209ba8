// Why a medium or an export was refused. A refusal is a value the clerk reads, in the same shape as
// the imports capability's file problems: a code, Japanese first, English second, no My Number.
import { formatMessage, type Message } from '../../../shared/i18n';

export const MEDIA_PROBLEMS = {
  no_serial: { ja: 'この媒体はシリアル番号を持たないため使用できません（MD-2）。登録済みの媒体を使ってください。', en: 'This medium reports no serial number and cannot be used (MD-2); use a registered medium.' },
  duplicate_serial: { ja: '同じシリアル番号の媒体が複数あります（{serial}）。複製された媒体の疑いがあるため使用できません。システム管理責任者に連絡してください。', en: 'More than one medium reports serial {serial}; a cloned medium is suspected. Contact the system administrator.' },
  not_registered: { ja: '管理簿に登録されていない媒体です。システム管理責任者に登録を依頼してください（MD-2）。', en: 'This medium is not in the media ledger; ask the system administrator to register it (MD-2).' },
  already_registered: { ja: 'この媒体（シリアル {serial}）は既に {mediumId} として登録されています。', en: 'This medium (serial {serial}) is already registered as {mediumId}.' },
  token_copied: { ja: '媒体の識別ファイルが別の媒体のものです（{mediumId}）。複製の疑いがあるため使用できません。システム管理責任者に連絡してください。', en: 'The identification file belongs to another medium ({mediumId}); a copy is suspected. Contact the system administrator.' },
  token_missing: { ja: '媒体の識別ファイルがありません。初期化された可能性があります。システム管理責任者に再登録を依頼してください。', en: 'The identification file is missing; the medium may have been formatted. Ask the system administrator to re-register it.' },
  token_invalid: { ja: '媒体の識別ファイルの署名が正しくありません。改ざんの疑いがあるため使用できません。', en: 'The signature of the identification file is not valid; tampering is suspected.' },
  reformatted: { ja: 'ボリュームID（UUID）が登録時と異なります。初期化された媒体は使用できません。システム管理責任者に再登録を依頼してください。', en: 'The volume UUID differs from the ledger: the medium was formatted. Ask the system administrator to re-register it.' },
  revoked: { ja: 'この媒体（{mediumId}）は登録が取り消されています。', en: 'Medium {mediumId} has been revoked.' },
  disposed: { ja: 'この媒体（{mediumId}）は廃棄済みです。', en: 'Medium {mediumId} has been disposed of.' },
  not_attached: { ja: '媒体 {mediumId} が接続されていません。媒体を差し込んでから操作してください。', en: 'Medium {mediumId} is not attached; insert it and try again.' },
  not_mounted: { ja: '媒体がマウントされていません。媒体を差し込み直してください。', en: 'The medium is not mounted; reinsert it.' },
  drive_not_found: { ja: '指定されたドライブが見つかりません。一覧を更新してください。', en: 'The drive is no longer present; refresh the list.' },
  terminal_not_designated: { ja: 'この端末は電子記録媒体の使用の指定端末ではありません（MD-3）。', en: 'This terminal is not designated for removable media (MD-3).' },
  unknown_medium: { ja: '媒体 {mediumId} は管理簿にありません。', en: 'Medium {mediumId} is not in the ledger.' },
  medium_not_active: { ja: '媒体 {mediumId} は使用可能な状態ではありません（{status}）。', en: 'Medium {mediumId} is not active ({status}).' },
  already_taken_out: { ja: '媒体 {mediumId} は既に持出中です。先に返却を記録してください。', en: 'Medium {mediumId} is already taken out; record its return first.' },
  not_taken_out: { ja: '媒体 {mediumId} は持出中ではありません。', en: 'Medium {mediumId} is not taken out.' },
  witness_required: { ja: '廃棄には操作者以外の立会者が必要です。', en: 'Disposal needs a witness other than the operator.' },
  unknown_request: { ja: '持出申請 {requestId} が見つかりません。', en: 'Export request {requestId} was not found.' },
  request_not_pending: { ja: '持出申請 {requestId} は承認待ちではありません（{status}）。', en: 'Export request {requestId} is not awaiting approval ({status}).' },
  self_approval: { ja: '自分の申請は承認できません。別の管理責任者に承認を依頼してください（MD-4）。', en: 'You cannot approve your own request; ask another manager (MD-4).' },
  stand_in_approval: {
    ja: '申請者 {userId} のIDを作成した人、またはそのパスワードを設定したことのある人は、この申請を承認できません（MD-4・AC-3）。別の管理責任者に承認を依頼してください。',
    en: 'Whoever created the requester {userId}\'s ID or ever set its password cannot approve this request (MD-4, AC-3); ask another manager.',
  },
  approver_made_by_requester: {
    ja: 'あなたのIDは申請者 {userId} が作成したか、パスワードを設定したIDのため、この申請を承認できません（MD-4・AC-3）。申請者と関わりのない別の管理責任者に承認を依頼してください。',
    en: 'Your ID was created by the requester {userId} or had a password set by them, so you cannot approve this request (MD-4, AC-3); ask a manager unconnected with the requester.',
  },
  requester_lost_right: { ja: '申請者 {userId} は現在この業務のデータを持ち出す権限を持っていません。申請を却下してください。', en: 'Requester {userId} no longer holds the right to export this business\'s data; refuse the request.' },
  unknown_members: { ja: '資格IDが見つかりません（{count}件、例：{example}）。申請内容を確認してください。', en: '{count} qualification IDs were not found (e.g. {example}); check the request.' },
  export_failed: { ja: '媒体への書込みまたは検証に失敗しました（{detail}）。媒体を確認し、再度承認してください。', en: 'Writing to or verifying the medium failed ({detail}); check the medium and approve again.' },
  not_exported: { ja: '持出申請 {requestId} はまだ書き出されていません（{status}）。', en: 'Export request {requestId} has not been written yet ({status}).' },
  not_wiped: { ja: '持出申請 {requestId} の消去がまだ行われていません（{status}）。', en: 'Export request {requestId} has not been wiped yet ({status}).' },
  wipe_incomplete: { ja: '媒体に書き出したファイルが残っています（{files}）。消去をやり直してください。', en: 'Files written to the medium are still there ({files}); wipe again.' },
  medium_not_empty: { ja: '媒体に識別ファイル以外のファイルが残っています（{files}）。書換え可能な媒体にデータを残すことはできません（MD-7）。', en: 'Files other than the identification file remain on the medium ({files}); nothing may be kept on rewritable media (MD-7).' },
  file_not_found: { ja: '媒体にファイル {path} がありません。', en: 'File {path} is not on the medium.' },
  bad_path: { ja: 'ファイルの指定が正しくありません（媒体の外は読めません）。', en: 'The file path is not valid (nothing outside the medium can be read).' },
  file_too_large: { ja: 'ファイルが大きすぎます（{size}MB、上限{max}MB）。', en: 'The file is too large ({size} MB, limit {max} MB).' },
  virus_found: { ja: 'ウイルスが検出されたため読込を中止しました（{signature}）。媒体を使わずにシステム管理責任者に連絡してください（MD-5）。', en: 'A virus was found ({signature}); reading stopped. Do not use the medium; contact the system administrator (MD-5).' },
  scan_failed: { ja: 'ウイルスチェックを実行できなかったため読込を中止しました（{detail}）。', en: 'The virus check could not run ({detail}), so reading stopped.' },
  scanner_unavailable: { ja: 'ウイルスチェックが設定されていないため、媒体からは読み込めません（MD-5）。', en: 'No virus scanner is configured, so nothing can be read from media (MD-5).' },
} as const satisfies Record<string, Message>;

export type MediaProblemCode = keyof typeof MEDIA_PROBLEMS;
export type MediaProblem = { code: MediaProblemCode; params: Record<string, string | number> };
export type Refused = { ok: false; problem: MediaProblem };
/** Either the value, or a refusal the clerk can act on. */
export type MediaResult<T> = ({ ok: true } & T) | Refused;

export function refuse(code: MediaProblemCode, params: Record<string, string | number> = {}): Refused {
  return { ok: false, problem: { code, params } };
}

/** The wire form of a refusal: code and both languages (the params never hold a My Number). */
export function describeProblem(problem: MediaProblem): Message & { code: MediaProblemCode } {
  const message = MEDIA_PROBLEMS[problem.code];
  return { code: problem.code, ja: formatMessage(message, 'ja', problem.params), en: formatMessage(message, 'en', problem.params) };
}
