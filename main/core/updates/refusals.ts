// BL-1: why an update package was refused, in words IT can act on (Japanese first, English second).
export const UPDATE_REFUSALS = {
  update_key_missing: { ja: '更新署名の公開鍵（update-signing.pub）を読み込めません。正しいビルドを導入してください。', en: 'The update signing public key (update-signing.pub) cannot be read; install a correct build.' },
  update_key_placeholder: { ja: 'このビルドには仮の更新署名鍵しか入っていません。健保組合の公開鍵を組み込んだビルドでなければ更新できません。', en: 'This build carries only the placeholder update key; updates need a build with the society\u2019s public key.' },
  update_package_unreadable: { ja: '更新パッケージを読み込めません。ファイルの場所を確認してください。', en: 'The update package cannot be read; check where the file is.' },
  update_manifest_missing: { ja: '更新パッケージの署名付きマニフェスト（.manifest.json）がありません。', en: 'The signed manifest (.manifest.json) of the update package is missing.' },
  update_manifest_malformed: { ja: 'マニフェストの形式が正しくありません（{fields}）。配布元に確認してください。', en: 'The manifest is malformed ({fields}); check with whoever supplied it.' },
  update_signature_invalid: { ja: 'マニフェストの署名が健保組合の更新鍵と一致しません。改ざんされたか、別の鍵で署名されています。導入しないでください。', en: 'The manifest signature does not match the society\u2019s update key: tampered with or signed by another key. Do not install it.' },
  update_hash_mismatch: { ja: '更新パッケージの内容がマニフェストのハッシュ値と一致しません。改ざんまたは破損しています。導入しないでください。', en: 'The package does not match the manifest hash: tampered with or damaged. Do not install it.' },
  update_downgrade: { ja: 'バージョン {version} は現在の {current} より古いため導入できません（ダウングレード禁止）。', en: 'Version {version} is older than the installed {current}; downgrades are refused.' },
  update_same_version: { ja: 'バージョン {version} は既に導入されています。', en: 'Version {version} is already installed.' },
  update_below_minimum: { ja: 'この更新は {minimum} 以降からのみ適用できます（現在 {current}）。先に中間の更新を導入してください。', en: 'This update applies only from {minimum} on (installed: {current}); install the intermediate update first.' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type UpdateRefusalCode = keyof typeof UPDATE_REFUSALS;
export type UpdateRefusal = { code: UpdateRefusalCode; params: Record<string, string> };

export function describeUpdateRefusal(r: UpdateRefusal): { code: UpdateRefusalCode; ja: string; en: string } {
  const fill = (text: string): string => text.replace(/\{(\w+)\}/g, (_, k: string) => r.params[k] ?? `{${k}}`);
  const m = UPDATE_REFUSALS[r.code];
  return { code: r.code, ja: fill(m.ja), en: fill(m.en) };
}
