// Applying the data center's rows to the replica. Triggers are silenced (the rows are not local
// changes), and a row the terminal changed itself and has not pushed yet is kept when it is newer:
// the push will deliver it, and if it loses, the data center re-serves its own version.
//
// A page is applied set-wise, as the import path writes (issue 14): the page's rows go to SQLite as
// one JSON array, and one INSERT … SELECT FROM json_each … ON CONFLICT DO UPDATE per table writes them,
// so a row costs no statement of its own (and its statement journal is opened once per page, not
// once per row). Only a row with a queued local change is looked at one by one, in JavaScript.
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

const MEMBER_COLUMNS = 'shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date, version, updated_at, deleted';

export class ReplicaWriter {
  private readonly upsertMembers;
  private readonly upsertNumbers;
  private readonly releaseBlinds;
  private readonly memberVersion;
  private readonly numberVersion;
  private readonly anyPending;
  private readonly pending;

  constructor(private readonly db: Db) {
    // json_each keeps the array's order, so a key given twice ends as its last row, as one by one would.
    this.upsertMembers = db.prepare(
      `INSERT INTO members (${MEMBER_COLUMNS})
       SELECT j.value->>'shikakuId', j.value->>'jigyoshoKigo', j.value->>'hihokenshaNo', j.value->>'edaban', j.value->>'kubun', j.value->>'zokugara',
              j.value->>'kanjiName', j.value->>'kanaName', j.value->>'birthDate', j.value->>'sex', j.value->>'shutokuDate', j.value->>'soshitsuDate',
              j.value->>'version', j.value->>'updatedAt', j.value->>'deleted'
         FROM json_each(?) AS j WHERE true
       ON CONFLICT(shikaku_id) DO UPDATE SET jigyosho_kigo = excluded.jigyosho_kigo, hihokensha_no = excluded.hihokensha_no, edaban = excluded.edaban,
         kubun = excluded.kubun, zokugara = excluded.zokugara, kanji_name = excluded.kanji_name, kana_name = excluded.kana_name, birth_date = excluded.birth_date,
         sex = excluded.sex, shutoku_date = excluded.shutoku_date, soshitsu_date = excluded.soshitsu_date, version = excluded.version,
         updated_at = excluded.updated_at, deleted = excluded.deleted`,
    );
    this.upsertNumbers = db.prepare(
      `INSERT INTO mynumber_master (shikaku_id, mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban, koshin_bi)
       SELECT j.value->>'shikakuId', unhex(j.value->>'mynumberEnc'), unhex(j.value->>'blindIndex'), j.value->>'sakujoKubun', j.value->>'koshinTsuban', j.value->>'koshinBi'
         FROM json_each(?) AS j WHERE true
       ON CONFLICT(shikaku_id) DO UPDATE SET mynumber_enc = excluded.mynumber_enc, blind_index = excluded.blind_index,
         sakujo_kubun = excluded.sakujo_kubun, koshin_tsuban = excluded.koshin_tsuban, koshin_bi = excluded.koshin_bi`,
    );
    // A number the data center has since given to another 資格ID: released here, and the row that
    // held it is itself in a later part of the pull (the data center never holds it twice). Each live
    // number of the page is released from every live row but the one the page gives it to.
    this.releaseBlinds = db.prepare(
      `UPDATE mynumber_master SET blind_index = NULL
        WHERE sakujo_kubun = 0 AND blind_index IN (SELECT unhex(j.value->>'blindIndex') FROM json_each(@page) AS j
                                                    WHERE j.value->>'sakujoKubun' = 0 AND j.value->>'blindIndex' IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM json_each(@page) AS k
                           WHERE k.value->>'shikakuId' = mynumber_master.shikaku_id AND k.value->>'sakujoKubun' = 0
                             AND unhex(k.value->>'blindIndex') = mynumber_master.blind_index)`,
    );
    this.memberVersion = db.prepare('SELECT version FROM members WHERE shikaku_id = ?').pluck();
    this.numberVersion = db.prepare('SELECT koshin_tsuban FROM mynumber_master WHERE shikaku_id = ?').pluck();
    this.anyPending = db.prepare('SELECT EXISTS (SELECT 1 FROM sync_outbox)').pluck();
    this.pending = hasPending(db);
  }

  /** Applies one page; the caller runs this inside the transaction that saves the cursor. */
  applyPage(changes: readonly ChangeWire[]): number {
    const members: MemberRowWire[] = [];
    const numbers: MyNumberRowWire[] = [];
    // Read inside the caller's transaction: nothing else writes the outbox until it ends.
    const checkEach = this.anyPending.get() === 1;
    for (const change of changes) {
      if (change.entity === 'member') {
        if (!checkEach || this.keepsMember(change.row)) members.push(change.row);
      } else if (!checkEach || this.keepsNumber(change.row)) numbers.push(change.row);
    }
    if (members.length === 0 && numbers.length === 0) return 0;
    return withTriggersSilenced(this.db, () => {
      // A number may arrive in the same page as, or before, a member row written later.
      this.db.pragma('defer_foreign_keys = ON');
      // Members before numbers (a number's member is written first, as in change order).
      let applied = members.length ? this.upsertMembers.run(JSON.stringify(members)).changes : 0;
      if (numbers.length) {
        const json = JSON.stringify(numbers);
        this.releaseBlinds.run({ page: json });
        applied += this.upsertNumbers.run(json).changes;
      }
      return applied;
    });
  }

  /** The data center's row, unless a queued local change of this member is newer. */
  private keepsMember(row: MemberRowWire): boolean {
    if (!this.pending('member', row.shikakuId)) return true;
    const local = this.memberVersion.get(row.shikakuId) as number | undefined;
    return local === undefined || local <= row.version;
  }

  private keepsNumber(row: MyNumberRowWire): boolean {
    if (!this.pending('mynumber', row.shikakuId)) return true;
    const local = this.numberVersion.get(row.shikakuId) as number | undefined;
    return local === undefined || local <= row.koshinTsuban;
  }
}
