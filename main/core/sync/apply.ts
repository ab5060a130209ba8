// Applying the data center's rows to the replica. Triggers are silenced (the rows are not local
// changes), and a row the terminal changed itself and has not pushed yet is kept when it is newer:
// the push will deliver it, and if it loses, the data center re-serves its own version.
import type { ChangeWire, MemberRowWire, MyNumberRowWire } from '../../../shared/sync/protocol';
import type { Db } from '../store';
import { hasPending } from './outbox';

export function withTriggersSilenced<T>(db: Db, fn: () => T): T {
  db.prepare('INSERT INTO sync_applying (flag) VALUES (1)').run();
  try {
    return fn();
  } finally {
    db.prepare('DELETE FROM sync_applying').run();
  }
}

const hexOrNull = (h: string | null): Buffer | null => (h === null ? null : Buffer.from(h, 'hex'));

export class ReplicaWriter {
  private readonly upsertMember;
  private readonly upsertNumber;
  private readonly memberVersion;
  private readonly numberVersion;
  private readonly releaseBlind;
  private readonly pending;

  constructor(private readonly db: Db) {
    this.upsertMember = db.prepare(
      `INSERT INTO members (shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date, version, updated_at, deleted)
       VALUES (@shikakuId, @jigyoshoKigo, @hihokenshaNo, @edaban, @kubun, @zokugara, @kanjiName, @kanaName, @birthDate, @sex, @shutokuDate, @soshitsuDate, @version, @updatedAt, @deleted)
       ON CONFLICT(shikaku_id) DO UPDATE SET jigyosho_kigo = excluded.jigyosho_kigo, hihokensha_no = excluded.hihokensha_no, edaban = excluded.edaban,
         kubun = excluded.kubun, zokugara = excluded.zokugara, kanji_name = excluded.kanji_name, kana_name = excluded.kana_name, birth_date = excluded.birth_date,
         sex = excluded.sex, shutoku_date = excluded.shutoku_date, soshitsu_date = excluded.soshitsu_date, version = excluded.version,
         updated_at = excluded.updated_at, deleted = excluded.deleted`,
    );
    this.upsertNumber = db.prepare(
      `INSERT INTO mynumber_master (shikaku_id, mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban, koshin_bi) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(shikaku_id) DO UPDATE SET mynumber_enc = excluded.mynumber_enc, blind_index = excluded.blind_index,
         sakujo_kubun = excluded.sakujo_kubun, koshin_tsuban = excluded.koshin_tsuban, koshin_bi = excluded.koshin_bi`,
    );
    this.memberVersion = db.prepare('SELECT version FROM members WHERE shikaku_id = ?').pluck();
    this.numberVersion = db.prepare('SELECT koshin_tsuban FROM mynumber_master WHERE shikaku_id = ?').pluck();
    // A number the data center has since given to another 資格ID: released here, and the row that
    // held it is itself in a later part of the pull (the data center never holds it twice).
    this.releaseBlind = db.prepare('UPDATE mynumber_master SET blind_index = NULL WHERE blind_index = ? AND sakujo_kubun = 0 AND shikaku_id <> ?');
    this.pending = hasPending(db);
  }

  /** Applies one page in change order; the caller runs this inside the transaction that saves the cursor. */
  applyPage(changes: ChangeWire[]): number {
    let applied = 0;
    withTriggersSilenced(this.db, () => {
      // A number may arrive in the same page as, or before, a member row written later.
      this.db.pragma('defer_foreign_keys = ON');
      for (const change of changes) {
        if (change.entity === 'member' ? this.applyMember(change.row) : this.applyNumber(change.row)) applied++;
      }
    });
    return applied;
  }

  private applyMember(row: MemberRowWire): boolean {
    if (this.pending('member', row.shikakuId)) {
      const local = this.memberVersion.get(row.shikakuId) as number | undefined;
      if (local !== undefined && local > row.version) return false;
    }
    this.upsertMember.run(row);
    return true;
  }

  private applyNumber(row: MyNumberRowWire): boolean {
    if (this.pending('mynumber', row.shikakuId)) {
      const local = this.numberVersion.get(row.shikakuId) as number | undefined;
      if (local !== undefined && local > row.koshinTsuban) return false;
    }
    const blind = hexOrNull(row.blindIndex);
    if (blind && row.sakujoKubun === 0) this.releaseBlind.run(blind, row.shikakuId);
    this.upsertNumber.run(row.shikakuId, hexOrNull(row.mynumberEnc), blind, row.sakujoKubun, row.koshinTsuban, row.koshinBi);
    return true;
  }
}
