// Members (加入者) and their qualifications: the records My Numbers belong to.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';
import { normalizeKana } from './kana';

export type Member = {
  shikakuId: string;
  jigyoshoKigo: string;
  hihokenshaNo: string;
  edaban: string;
  kubun: number;
  zokugara: number | null;
  kanjiName: string;
  kanaName: string;
  birthDate: string;
  sex: number;
  shutokuDate: string;
  soshitsuDate: string | null;
};

export type MemberSearchBy = 'shikakuId' | 'hihokenshaNo' | 'kanaName';

type Row = {
  shikaku_id: string; jigyosho_kigo: string; hihokensha_no: string; edaban: string; kubun: number; zokugara: number | null;
  kanji_name: string; kana_name: string; birth_date: string; sex: number; shutoku_date: string; soshitsu_date: string | null;
};

const COLUMNS = 'shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date';

function fromRow(r: Row): Member {
  return {
    shikakuId: r.shikaku_id, jigyoshoKigo: r.jigyosho_kigo, hihokenshaNo: r.hihokensha_no, edaban: r.edaban, kubun: r.kubun,
    zokugara: r.zokugara, kanjiName: r.kanji_name, kanaName: r.kana_name, birthDate: r.birth_date, sex: r.sex,
    shutokuDate: r.shutoku_date, soshitsuDate: r.soshitsu_date,
  };
}

export class MemberRegistry {
  private readonly byId;
  private readonly insertStmt;
  private readonly correctStmt;

  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {
    this.byId = db.prepare(`SELECT ${COLUMNS} FROM members WHERE shikaku_id = ? AND deleted = 0`);
    this.insertStmt = db.prepare(
      `INSERT INTO members (${COLUMNS}, version, updated_at) VALUES (@shikakuId, @jigyoshoKigo, @hihokenshaNo, @edaban, @kubun, @zokugara, @kanjiName, @kanaName, @birthDate, @sex, @shutokuDate, @soshitsuDate, 1, @updatedAt)`,
    );
    this.correctStmt = db.prepare(
      `UPDATE members SET jigyosho_kigo = @jigyoshoKigo, hihokensha_no = @hihokenshaNo, edaban = @edaban, kubun = @kubun, zokugara = @zokugara,
         kanji_name = @kanjiName, kana_name = @kanaName, birth_date = @birthDate, sex = @sex, shutoku_date = @shutokuDate, soshitsu_date = @soshitsuDate,
         deleted = @deleted, version = version + 1, updated_at = @updatedAt
       WHERE shikaku_id = @shikakuId AND version = @expectedVersion`,
    );
  }

  find(shikakuId: string): Member | null {
    const row = this.byId.get(shikakuId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  get(shikakuId: string): Member {
    const member = this.find(shikakuId);
    if (!member) throw new KuraError('member_not_found', { shikakuId });
    return member;
  }

  /** Returns up to limit+1 rows so the caller can tell the list was cut. */
  search(by: MemberSearchBy, query: string, limit: number): Member[] {
    const take = limit + 1;
    let rows: Row[];
    if (by === 'shikakuId') {
      rows = this.db.prepare(`SELECT ${COLUMNS} FROM members WHERE shikaku_id = ? AND deleted = 0`).all(query.trim().toUpperCase()) as Row[];
    } else if (by === 'hihokenshaNo') {
      rows = this.db.prepare(`SELECT ${COLUMNS} FROM members WHERE hihokensha_no = ? AND deleted = 0 ORDER BY kubun, edaban LIMIT ?`).all(query.trim(), take) as Row[];
    } else {
      // Prefix search over the index: [q, q + U+FFFF).
      const q = normalizeKana(query);
      rows = this.db
        .prepare(`SELECT ${COLUMNS} FROM members WHERE kana_name >= ? AND kana_name < ? AND deleted = 0 ORDER BY kana_name, shikaku_id LIMIT ?`)
        .all(q, `${q}\uffff`, take) as Row[];
    }
    return rows.map(fromRow);
  }

  insert(member: Member): void {
    this.insertStmt.run({ ...member, kanaName: normalizeKana(member.kanaName), updatedAt: this.now().toISOString() });
  }

  /**
   * Writes a whole member state (削除区分 included) on top of the 更新通番 the caller read, as a new
   * local write (the sync outbox takes it by trigger). Someone else wrote first: stale_version.
   */
  correct(member: Member, deleted: boolean, expectedVersion: number): number {
    try {
      const result = this.correctStmt.run({ ...member, kanaName: normalizeKana(member.kanaName), deleted: deleted ? 1 : 0, updatedAt: this.now().toISOString(), expectedVersion });
      if (result.changes === 1) return expectedVersion + 1;
    } catch (e) {
      // members_key: 事業所記号・被保険者番号・区分・枝番 belong to one member only.
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new KuraError('member_key_taken', { shikakuId: member.shikakuId });
      throw e;
    }
    const actual = this.db.prepare('SELECT version FROM members WHERE shikaku_id = ?').pluck().get(member.shikakuId) as number | undefined;
    if (actual === undefined) throw new KuraError('member_not_found', { shikakuId: member.shikakuId });
    throw new KuraError('stale_version', { expected: expectedVersion, actual });
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM members WHERE deleted = 0').get() as { n: number }).n;
  }
}
