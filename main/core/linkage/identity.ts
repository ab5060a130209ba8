// LK-2: 本人確認項目 (別添1, 27 items), the J-LIS 機構保存本人確認情報 answer, imported and matched to
// members. The 個人番号 (item 10) is kept only as AES-GCM ciphertext + HMAC blind index (DP-2) and is
// matched through the blind index; without a registered number, by カナ氏名 + 生年月日. A number that
// points at a member whose birth date or name disagrees is a conflict for a clerk, never a silent match.
import { randomBytes } from 'node:crypto';
import { MYNUMBER_PROBLEM_MESSAGES } from '../../../shared/i18n';
import { checkMyNumber } from '../../../shared/mynumber';
import { eraDateToIso } from '../imports';
import { normalizeKana, type MemberRegistry } from '../members';
import { blindIndex, encryptMyNumber, type MyNumberVault } from '../mynumber';
import type { Store } from '../store';
import type { LinkageLine } from './linkage-file';

export const IDENTITY_ITEMS = [
  'その他条件 履歴情報', 'その他条件 消除者', 'その他条件 異動事由', '主たる照会条件', '事務区分(住基法)', '事務区分(番号法)', '住所', '住所(大字以降)',
  '住民区分', '個人番号', '利用事由', '変更状況', '市町村コード', '市町村名', '性別', '情報表示', '氏名', '氏名かな', '照会対象期間終了 年月日',
  '照会対象期間開始 年月日', '照会対象期間(照会基準日)', '生存状況', '生年月日', '異動事由', '異動年月日', '異動有無', '要求レコード番号',
] as const;
/** A data line may say 個人番号 (主たる照会条件); a heading also names the other items. */
export const IDENTITY_HEADING = ['個人番号', '氏名かな', '要求レコード番号'] as const;
const AT = { number: 9, name: 16, kana: 17, birth: 22 } as const;

export type IdentityMatch = 'by_number' | 'by_name_birth' | 'conflict' | 'ambiguous' | 'unmatched' | 'error';
export type IdentityRowResult = { lineNo: number; match: IdentityMatch; shikakuId: string | null; name: string; kanaName: string; birthDate: string | null; hasNumber: boolean; problems: string[] };
export type IdentityImport = { batchId: string; rows: IdentityRowResult[] };

/** 'YYYYMMDD', 'YYYY-MM-DD', 'YYYY/MM/DD' or the era form (5-630503) → ISO, or null. */
export function parseBirthDate(raw: string): string | null {
  const text = raw.normalize('NFKC').trim();
  const m = /^(\d{4})[-/]?(\d{2})[-/]?(\d{2})$/.exec(text);
  if (!m) return eraDateToIso(text);
  const date = new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!));
  return date.getUTCMonth() === +m[2]! - 1 && date.getUTCDate() === +m[3]! ? `${m[1]}-${m[2]}-${m[3]}` : null;
}

function batchIdFor(now: Date): string {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `HK-${day}-${[...randomBytes(6)].map((b) => String.fromCharCode(65 + (b % 26))).join('')}`;
}

export class IdentityConfirmations {
  constructor(
    private readonly store: Store,
    private readonly members: MemberRegistry,
    private readonly vault: MyNumberVault,
    private readonly now: () => Date,
  ) {}

  private matchByNameBirth(kana: string, birth: string): string[] {
    return this.members
      .search('kanaName', kana, 50)
      .filter((m) => m.kanaName === kana && m.birthDate === birth)
      .map((m) => m.shikakuId);
  }

  private matchLine(line: LinkageLine): IdentityRowResult & { number: string | null } {
    const cell = (i: number): string => (line.cells[i] ?? '').trim();
    const base = { lineNo: line.lineNo, name: cell(AT.name), kanaName: normalizeKana(cell(AT.kana)), birthDate: parseBirthDate(cell(AT.birth)), hasNumber: cell(AT.number) !== '' };
    const problems: string[] = [];
    if (line.cellCount !== IDENTITY_ITEMS.length) {
      return { ...base, match: 'error', shikakuId: null, problems: [`項目数が${line.cellCount}です（${IDENTITY_ITEMS.length}項目）`], number: null };
    }
    let number: string | null = null;
    if (base.hasNumber) {
      const checked = checkMyNumber(cell(AT.number));
      if (checked.ok) number = checked.value;
      else problems.push(`個人番号: ${MYNUMBER_PROBLEM_MESSAGES[checked.problem]?.ja ?? checked.problem}`);
    }
    if (!base.birthDate) problems.push('生年月日: 日付ではありません');
    if (!base.kanaName) problems.push('氏名かな: 未入力');
    const holder = number ? this.vault.findHolder(number) : null;
    if (holder) {
      const member = this.members.find(holder);
      const agrees = member && member.birthDate === base.birthDate && (!base.kanaName || member.kanaName === base.kanaName);
      if (agrees) return { ...base, match: 'by_number', shikakuId: holder, problems, number };
      return { ...base, match: 'conflict', shikakuId: holder, problems: [...problems, '個人番号の登録者と氏名かな・生年月日が一致しません'], number };
    }
    if (!base.birthDate || !base.kanaName) return { ...base, match: problems.length ? 'error' : 'unmatched', shikakuId: null, problems, number };
    const found = this.matchByNameBirth(base.kanaName, base.birthDate);
    if (found.length === 1) return { ...base, match: 'by_name_birth', shikakuId: found[0]!, problems, number };
    if (found.length > 1) return { ...base, match: 'ambiguous', shikakuId: null, problems: [...problems, `氏名かな・生年月日が一致する加入者が${found.length}人います`], number };
    return { ...base, match: 'unmatched', shikakuId: null, problems, number };
  }

  /** Every line gets a result; stored with the number encrypted. Call inside the caller's transaction. */
  importLines(lines: readonly LinkageLine[], userId: string): IdentityImport {
    const now = this.now();
    const batchId = batchIdFor(now);
    const keys = this.store.orgKeys;
    const insert = this.store.db.prepare(
      `INSERT INTO identity_confirmations (batch_id, line_no, items, mynumber_enc, blind_index, shikaku_id, match, problems, imported_by, imported_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows = lines.map((line) => {
      const { number, ...result } = this.matchLine(line);
      // Item 10 never enters the items column: the number exists here only as ciphertext (DP-2).
      const items = IDENTITY_ITEMS.map((_, i) => (i === AT.number ? '' : (line.cells[i] ?? '')));
      insert.run(
        batchId, line.lineNo, JSON.stringify(items),
        number ? encryptMyNumber(keys, `honnin:${batchId}:${line.lineNo}`, number) : null,
        number ? blindIndex(keys, number) : null,
        result.shikakuId, result.match, JSON.stringify(result.problems), userId, now.toISOString(),
      );
      return result;
    });
    return { batchId, rows };
  }
}
