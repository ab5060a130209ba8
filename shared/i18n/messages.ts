// Messages a clerk reads: Japanese first, English second. Never put a My Number into a parameter.
export type Lang = 'ja' | 'en';
export type Message = { ja: string; en: string };

export const ERROR_MESSAGES = {
  invalid_input: { ja: '入力内容に誤りがあります（{fields}）。', en: 'Some input is not valid ({fields}).' },
  unknown_channel: { ja: 'この操作は存在しません。', en: 'This operation does not exist.' },
  not_initialized: { ja: '初期設定がまだ行われていません。', en: 'Kura has not been set up yet.' },
  already_initialized: { ja: '初期設定は完了しています。', en: 'Kura is already set up.' },
  not_logged_in: { ja: 'ログインしてください。', en: 'Please log in.' },
  session_expired: { ja: 'セッションの有効期限が切れました。もう一度ログインしてください。', en: 'Your session has expired. Please log in again.' },
  session_locked: { ja: '画面がロックされています。パスワードを入力して解除してください。', en: 'The screen is locked. Enter your password to unlock.' },
  bad_credentials: { ja: 'ユーザIDまたはパスワードが違います。', en: 'User ID or password is incorrect.' },
  account_locked: { ja: 'パスワードの誤りが続いたため、このIDはロックされています。システム管理責任者に解除を依頼してください。', en: 'This ID is locked after repeated wrong passwords. Ask the system administrator to unlock it.' },
  account_disabled: { ja: 'このIDは使用できません（無効化または退職）。', en: 'This ID can no longer be used (disabled or retired).' },
  password_change_required: { ja: 'パスワードの変更が必要です。', en: 'You must change your password first.' },
  password_too_weak: { ja: 'パスワードは{min}文字以上で、英字と数字を含めてください。', en: 'The password needs at least {min} characters, including letters and digits.' },
  password_reused: { ja: '最近使用したパスワードは使えません。', en: 'You cannot reuse a recent password.' },
  generic_user_id: { ja: '共有・汎用のユーザID（{userId}）は登録できません。職員ごとのIDにしてください。', en: 'Shared or generic user IDs ({userId}) are not allowed; use one ID per staff member.' },
  user_exists: { ja: 'このユーザIDまたは職員番号は既に登録されています。', en: 'This user ID or employee number is already registered.' },
  forbidden: { ja: 'この操作を行う権限がありません。', en: 'You are not permitted to do this.' },
  self_grant: { ja: '自分自身の権限は変更できません。別の管理責任者に依頼してください。', en: 'You cannot change your own rights; ask another manager.' },
  business_not_declared: { ja: '業務（適用・給付・徴収・情報連携）を選択してください。', en: 'Choose the business (enrolment, benefits, contributions, linkage) first.' },
  business_not_assigned: { ja: 'この業務は担当として割り当てられていません。', en: 'You are not assigned to this business.' },
  member_not_found: { ja: '該当する資格ID（{shikakuId}）の加入者が見つかりません。', en: 'No member with qualification ID {shikakuId}.' },
  mynumber_invalid: { ja: '個人番号が正しくありません：{problem}', en: 'The My Number is not valid: {problem}' },
  mynumber_taken: { ja: 'この個人番号は既に別の加入者に登録されています。', en: 'This My Number is already registered to another member.' },
  mynumber_already_registered: { ja: 'この加入者には既に個人番号が登録されています。訂正を使ってください。', en: 'This member already has a My Number; use correction.' },
  mynumber_not_registered: { ja: 'この加入者には個人番号が登録されていません。', en: 'This member has no registered My Number.' },
  stale_version: { ja: '他の職員が先に更新しました（更新通番 {expected} → 現在 {actual}）。画面を開き直して確認してください。', en: 'Someone else updated this first (version {expected}, now {actual}). Reopen the record and check.' },
  store_locked: { ja: 'データベースを開けません。鍵が違うか、ファイルが壊れています。', en: 'The database cannot be opened: wrong key or damaged file.' },
  keystore_unprotected: { ja: 'OSの鍵保管機能で鍵を保護できないため、起動できません。', en: 'The OS keystore cannot protect the key, so Kura will not start.' },
  keystore_not_allowed: { ja: '開発用の鍵ファイルは本番ビルドでは使用できません。', en: 'The development key file is refused by packaged builds.' },
  terminal_not_designated: { ja: 'この端末は「{designation}」の指定端末ではありません。指定端末で操作してください。', en: 'This terminal is not designated for {designation}; use a designated terminal.' },
  session_replaced: { ja: '同じIDで別の場所からログインしたため、このセッションは終了しました。', en: 'This session ended because the same ID logged in elsewhere.' },
  mynumber_switched_off: { ja: '個人番号の取扱いをオフにしています。必要なときはオンに切り替えてください。', en: 'You switched My Number access off; switch it on when you need it.' },
  user_not_found: { ja: '利用者 {userId} は登録されていません。', en: 'No user {userId}.' },
  invalid_period: { ja: '有効期間が正しくありません（終了日は開始日より後にしてください）。', en: 'The validity period is not valid (the end must be after the start).' },
  retroactive_grant: { ja: '過去の日付から権限を付与することはできません。', en: 'A grant cannot start in the past.' },
  business_required: { ja: 'この操作は{business}業務で行います。業務を{business}に切り替えてください。', en: 'This is {business} work; switch the business to {business} first.' },
  import_not_found: { ja: '取込 {importId} は見つからないか、既に確定または中止されています。', en: 'Import {importId} does not exist or was already confirmed or abandoned.' },
  sync_grace_exceeded: { ja: 'この端末は{days}日以上データセンターと同期していないため、ログインできません。回線を確認し、同期してから再度お試しください。', en: 'This terminal has not synced for over {days} days; logins are refused until it syncs.' },
  sync_bundle_invalid: { ja: '端末登録ファイルが正しくありません。証明書・鍵・端末名・接続先（https://）を確認してください。', en: 'The enrolment bundle is not valid: check certificate, key, terminal name and server address (https://).' },
  internal: { ja: '処理中に問題が発生しました。操作ログ番号 {ref} をシステム管理責任者に伝えてください。', en: 'Something went wrong. Give reference {ref} to the system administrator.' },
} satisfies Record<string, Message>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const MYNUMBER_PROBLEM_MESSAGES: Record<string, Message> = {
  empty: { ja: '未入力です', en: 'it is empty' },
  non_digit: { ja: '数字以外の文字が含まれています', en: 'it contains characters other than digits' },
  spreadsheet_exponent: { ja: '表計算ソフトで指数表示（例 1.23457E+11）に変換されています。元のデータを確認してください', en: 'a spreadsheet turned it into exponent form (e.g. 1.23457E+11); check the source' },
  lost_leading_zero: { ja: '11桁です。表計算ソフトで先頭の0が消えた可能性があります', en: 'it has 11 digits; a spreadsheet may have dropped a leading zero' },
  length: { ja: '12桁ではありません', en: 'it is not 12 digits' },
  check_digit: { ja: 'チェックデジットが一致しません。入力ミスの可能性があります', en: 'the check digit does not match; it may be mistyped' },
  all_zero: { ja: 'すべて0の番号は発行されません。確認してください', en: 'an all-zero number is never issued; please check' },
};

export function formatMessage(message: Message, lang: Lang, params: Record<string, string | number> = {}): string {
  return message[lang].replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}
