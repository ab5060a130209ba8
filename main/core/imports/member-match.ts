// Beyond the row: the row must be a member of the society (記号・番号・区分・枝番 → 資格ID) whose name
// and birth date agree. A mismatch is an error for the employer to fix, never a silent correction.
import { normalizeKana } from '../members';
import type { Db } from '../store';
import type { Finding } from './checks';
import type { ImportKind, RowFields } from './layouts';
import type { MemberKey } from './row-checks';

type MemberRow = { shikaku_id: string; kanji_name: string; kana_name: string; birth_date: string; sex: number };

const squeeze = (s: string): string => s.replace(/[\s\u3000]/g, '');
const kanjiForm = (s: string): string => squeeze(s.normalize('NFKC'));
const kanaForm = (s: string): string => squeeze(normalizeKana(s));

function nameAgrees(m: MemberRow, f: RowFields): boolean {
  const given = [f.kanjiName, f.kanaName].filter((s) => squeeze(s) !== '');
  return given.some((g) => kanjiForm(g) === kanjiForm(m.kanji_name) || kanaForm(g) === kanaForm(m.kana_name));
}

/**
 * Reads the members table by its natural key. It reads only; members/ owns the table
 * (MemberRegistry has no lookup by 記号・番号 yet).
 */
export class MemberMatcher {
  private readonly byFullKey;
  private readonly byInsured;

  constructor(db: Db) {
    const cols = 'shikaku_id, kanji_name, kana_name, birth_date, sex';
    this.byFullKey = db.prepare(`SELECT ${cols} FROM members WHERE jigyosho_kigo = ? AND hihokensha_no = ? AND kubun = ? AND edaban = ? AND deleted = 0`);
    this.byInsured = db.prepare(`SELECT ${cols} FROM members WHERE jigyosho_kigo = ? AND hihokensha_no = ? AND kubun = ? AND deleted = 0 ORDER BY edaban`);
  }

  /** The 資格ID of the member the row names, or null with the findings that say why. */
  match(kind: ImportKind, key: MemberKey, f: RowFields, birthIso: string | null, findings: Finding[]): string | null {
    let member: MemberRow | undefined;
    if (kind === 'input') {
      member = this.byFullKey.get(key.jigyoshoKigo, key.hihokenshaNo, key.kubun, key.edaban) as MemberRow | undefined;
    } else {
      // The bulk layouts have no 枝番: among the dependants, the one whose name and birth date agree.
      const candidates = this.byInsured.all(key.jigyoshoKigo, key.hihokenshaNo, key.kubun) as MemberRow[];
      member = candidates.find((c) => nameAgrees(c, f) && c.birth_date === birthIso) ?? candidates.find((c) => nameAgrees(c, f)) ?? candidates[0];
    }
    if (!member) {
      findings.push({ code: 'member_not_found' });
      return null;
    }
    const nameOk = nameAgrees(member, f);
    const birthOk = birthIso === null || member.birth_date === birthIso;
    if (!nameOk) findings.push({ code: 'name_mismatch' });
    if (!birthOk) findings.push({ code: 'birth_date_mismatch' });
    const sex = f.sex.normalize('NFKC');
    if (sex !== '' && sex !== String(member.sex)) findings.push({ code: 'sex_mismatch' });
    return nameOk && birthOk ? member.shikaku_id : null;
  }
}
