// Screen text of update verification (BL-1): Japanese first, English second.
import { formatMessage, type Lang, type Message } from '../../../shared/i18n';

export const UPDATE_TEXT = {
  menu: { ja: '更新の検証', en: 'Verify an update' },
  title: { ja: '更新パッケージの検証', en: 'Verifying an update package' },
  lead: {
    ja: 'データセンターのサーバーまたは登録済みの電子記録媒体から受け取った更新パッケージを、インストールの前に検証します。署名と SHA-256 を固定された公開鍵で確かめ、現在より古い版は受け付けません（BL-1）。検証結果は操作ログに記録されます。Kura は検証だけを行い、インストールは情報システム担当が OS のインストーラで行います。',
    en: 'Verify an update package from the data-center server or a registered medium before installing it: its signature and SHA-256 are checked against the pinned key, and no older version is accepted (BL-1). Every verdict is logged. Kura only verifies; IT runs the OS installer.',
  },
  packagePath: { ja: 'パッケージのパス（この端末上の絶対パス）', en: 'Package path (absolute, on this terminal)' },
  packageHint: { ja: '例：/media/kura-usb/kura-1.4.0.deb、D:\\更新\\kura-1.4.0.msi', en: 'E.g. /media/kura-usb/kura-1.4.0.deb or D:\\updates\\kura-1.4.0.msi' },
  manifestPath: { ja: 'マニフェストのパス（空欄はパッケージと同じ場所の既定名）', en: 'Manifest path (blank: the default name beside the package)' },
  verify: { ja: '検証する', en: 'Verify' },
  pathInvalid: { ja: '絶対パスで入力してください（/ または ドライブ名から始まるパス）。', en: 'Enter an absolute path (starting with / or a drive letter).' },
  okTitle: { ja: '検証済み：インストールしてよい更新です', en: 'Verified: this update may be installed' },
  refusedTitle: { ja: 'この更新はインストールできません', en: 'This update must not be installed' },
  refusedNext: { ja: 'パッケージは使わず、情報システム担当とデータセンターに連絡してください。', en: 'Do not use the package; tell IT and the data center.' },
  version: { ja: '検証した版', en: 'Verified version' },
  currentVersion: { ja: '現在の版', en: 'Current version' },
  sha256: { ja: 'SHA-256', en: 'SHA-256' },
  created: { ja: '作成日時', en: 'Built' },
  path: { ja: 'パッケージ', en: 'Package' },
  verified: { ja: '更新 {version} の署名とハッシュを確認しました。', en: 'Signature and hash of update {version} verified.' },
  noRight: { ja: '更新の検証はシステム管理責任者が行います。', en: 'The system administrator verifies updates.' },
} satisfies Record<string, Message>;

export type UpdateTextKey = keyof typeof UPDATE_TEXT;

export function ut(lang: Lang, key: UpdateTextKey, params: Record<string, string | number> = {}): string {
  return formatMessage(UPDATE_TEXT[key], lang, params);
}

export function um(key: UpdateTextKey, params: Record<string, string | number> = {}): Message {
  return { ja: ut('ja', key, params), en: ut('en', key, params) };
}
