// The data an export carries: for the listed members, 資格ID, 被保険者番号, 氏名 and 個人番号, as CSV
// for the integrated terminal. The number is decrypted through the vault, here, in the main process,
// and never leaves it except inside the encrypted archive (DP-3, MD-10).
import type { MemberRegistry } from '../members';
import type { MyNumberVault } from '../mynumber';

export const EXPORT_COLUMNS = ['資格ID', '被保険者番号', '氏名', '個人番号'] as const;

/** CSV-injection guard: a cell that a spreadsheet would run as a formula is prefixed with ' . */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function unknownMembers(members: MemberRegistry, shikakuIds: readonly string[]): string[] {
  return shikakuIds.filter((id) => !members.find(id));
}

/** UTF-8 with BOM and CRLF, the form the receiving Windows tools open without asking. */
export function buildMemberExport(members: MemberRegistry, vault: MyNumberVault, shikakuIds: readonly string[]): { csv: Buffer; records: number; withoutNumber: number } {
  const lines: string[] = [EXPORT_COLUMNS.join(',')];
  let withoutNumber = 0;
  for (const id of shikakuIds) {
    const member = members.get(id);
    let myNumber = '';
    if (vault.status(id).registered) myNumber = vault.reveal(id).myNumber;
    else withoutNumber++;
    lines.push([member.shikakuId, member.hihokenshaNo, member.kanjiName, myNumber].map(csvCell).join(','));
  }
  return { csv: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]), records: shikakuIds.length, withoutNumber };
}
