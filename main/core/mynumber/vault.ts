// The My Number master table (別添1: 資格ID, 個人番号(暗号化), 削除区分, 更新通番, 更新日).
// Every method that reads or writes a number is called by main/rpc inside the transaction that logs it.
import { KuraError } from '../../../shared/errors';
import { checkMyNumber } from '../../../shared/mynumber';
import { withDeferredNumberQueues, type NoteNumberWrite, type Store } from '../store';
import { BulkSealer, type NumberToSeal, type SealedNumber } from './bulk-sealer';
import { blindIndex, decryptMyNumber, encryptMyNumber } from './field-crypto';

export type MyNumberStatus = { registered: boolean; version: number | null; updatedAt: string | null };
export type WriteResult = { version: number; warnings: string[] };
/** A write and the ciphertext it stored: for a caller that keeps the same sealed number beside it (an import's result row). */
export type SealedWriteResult = WriteResult & { sealed: Buffer };

type MasterRow = { shikaku_id: string; mynumber_enc: Buffer | null; blind_index: Buffer | null; sakujo_kubun: number; koshin_tsuban: number; koshin_bi: string };

export class MyNumberVault {
  private readonly rowStmt;
  private readonly byBlindStmt;
  private readonly memberRowStmt;
  private readonly insertStmt;
  private readonly insertForMemberStmt;
  private readonly updateStmt;
  private readonly cancelStmt;
  /** Set while a bulk write runs: writes are noted and queued set-wise at its end (store/number-queues.ts). */
  private noteWrite: NoteNumberWrite | null = null;
  /** Set while a bulk write runs with its numbers named ahead. */
  private sealer: BulkSealer | null = null;

  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {
    const db = store.db;
    this.rowStmt = db.prepare('SELECT * FROM mynumber_master WHERE shikaku_id = ?');
    this.byBlindStmt = db.prepare('SELECT shikaku_id FROM mynumber_master WHERE blind_index = ? AND sakujo_kubun = 0');
    // The member and its master row in one lookup: every write checks both.
    this.memberRowStmt = db.prepare(
      'SELECT n.* , m.shikaku_id AS member FROM members m LEFT JOIN mynumber_master n ON n.shikaku_id = m.shikaku_id WHERE m.shikaku_id = ? AND m.deleted = 0',
    );
    this.insertStmt = db.prepare('INSERT INTO mynumber_master (shikaku_id, mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban, koshin_bi) VALUES (?, ?, ?, 0, 1, ?)');
    this.insertForMemberStmt = db.prepare(
      'INSERT INTO mynumber_master (shikaku_id, mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban, koshin_bi) SELECT ?, ?, ?, 0, 1, ? FROM members WHERE shikaku_id = ? AND deleted = 0',
    );
    this.cancelStmt = db.prepare(
      'UPDATE mynumber_master SET sakujo_kubun = 1, koshin_tsuban = koshin_tsuban + 1, koshin_bi = ? WHERE shikaku_id = ? AND koshin_tsuban = ? AND sakujo_kubun = 0',
    );
    this.updateStmt = db.prepare(
      'UPDATE mynumber_master SET mynumber_enc = ?, blind_index = ?, sakujo_kubun = 0, koshin_tsuban = koshin_tsuban + 1, koshin_bi = ? WHERE shikaku_id = ? AND koshin_tsuban = ?',
    );
  }

  /** DQ-1: normalise and check; the error names the problem, never the digits. */
  static parse(raw: string): { value: string; warnings: string[] } {
    const checked = checkMyNumber(raw);
    if (!checked.ok) throw new KuraError('mynumber_invalid', { problem: checked.problem });
    return { value: checked.value, warnings: checked.warnings };
  }

  /**
   * Runs body (this vault's writes, e.g. an import confirm's rows) as one bulk write: same checks and
   * same rows, but its sync-outbox and intermediate-queue entries are made set-wise when body ends,
   * and the WAL checkpoint after its commit runs in the background (store/checkpointer.ts). ahead
   * names the numbers body will register or correct, in order, so that they are sealed ahead on the
   * other core (bulk-sealer.ts); a write not named there is sealed in place as usual.
   */
  bulk<T>(body: () => T, ahead: Iterable<{ shikakuId: string; myNumber: string }> = []): T {
    return withDeferredNumberQueues(this.store.db, (note) => {
      // Its commit writes about 1 KB of WAL per row; the checkpoint of that runs on the other core.
      this.store.bulkWrite();
      this.noteWrite = note;
      this.sealer = new BulkSealer(this.store.orgKeys, aheadOf(ahead));
      try {
        return body();
      } finally {
        this.noteWrite = null;
        this.sealer.close();
        this.sealer = null;
      }
    });
  }

  status(shikakuId: string): MyNumberStatus {
    const row = this.rowStmt.get(shikakuId) as MasterRow | undefined;
    if (!row) return { registered: false, version: null, updatedAt: null };
    return { registered: row.sakujo_kubun === 0, version: row.koshin_tsuban, updatedAt: row.koshin_bi };
  }

  /** 資格ID holding this number, or null. Lookup through the blind index only (DP-2). */
  findHolder(raw: string): string | null {
    const { value } = MyNumberVault.parse(raw);
    const row = this.byBlindStmt.get(blindIndex(this.store.orgKeys, value)) as { shikaku_id: string } | undefined;
    return row?.shikaku_id ?? null;
  }

  reveal(shikakuId: string): { myNumber: string; version: number } {
    const row = this.memberRow(shikakuId);
    if (!row || row.sakujo_kubun !== 0 || !row.mynumber_enc) throw new KuraError('mynumber_not_registered');
    return { myNumber: decryptMyNumber(this.store.orgKeys, shikakuId, row.mynumber_enc), version: row.koshin_tsuban };
  }

  register(shikakuId: string, raw: string): WriteResult {
    const { version, warnings } = this.registerSealed(shikakuId, raw);
    return { version, warnings };
  }

  registerSealed(shikakuId: string, raw: string): SealedWriteResult {
    const { value, warnings } = MyNumberVault.parse(raw);
    const { enc, blind } = this.seal(shikakuId, value);
    const at = this.now().toISOString();
    // The common case in one statement: a live member with no master row gets one. No member gives
    // no row; a row already there or a number held by another live row is a constraint failure that
    // changes nothing, and is then sorted out below exactly as before (issue 2: a lookup less per row).
    const inserted = firstRegistration(() => this.insertForMemberStmt.run(shikakuId, enc, blind, at, shikakuId).changes);
    if (inserted === 1) {
      this.noteWrite?.(shikakuId, 0, 'mynumber_registered', at);
      return { version: 1, warnings, sealed: enc };
    }
    if (inserted === 0) throw new KuraError('member_not_found', { shikakuId });
    const existing = this.memberRow(shikakuId);
    if (existing && existing.sakujo_kubun === 0) throw new KuraError('mynumber_already_registered');
    if (existing) {
      oneNumberOnePerson(() => this.updateStmt.run(enc, blind, at, shikakuId, existing.koshin_tsuban));
      this.noteWrite?.(shikakuId, existing.koshin_tsuban, 'mynumber_registered', at);
      return { version: existing.koshin_tsuban + 1, warnings, sealed: enc };
    }
    oneNumberOnePerson(() => this.insertStmt.run(shikakuId, enc, blind, at));
    this.noteWrite?.(shikakuId, 0, 'mynumber_registered', at);
    return { version: 1, warnings, sealed: enc };
  }

  /** A correction names the 更新通番 it read; if someone else wrote first it is refused (stale_version). */
  correct(shikakuId: string, raw: string, expectedVersion: number): WriteResult {
    const { version, warnings } = this.correctSealed(shikakuId, raw, expectedVersion);
    return { version, warnings };
  }

  correctSealed(shikakuId: string, raw: string, expectedVersion: number): SealedWriteResult {
    const { value, warnings } = MyNumberVault.parse(raw);
    const existing = this.memberRow(shikakuId);
    if (!existing || existing.sakujo_kubun !== 0) throw new KuraError('mynumber_not_registered');
    if (existing.koshin_tsuban !== expectedVersion) {
      throw new KuraError('stale_version', { expected: expectedVersion, actual: existing.koshin_tsuban });
    }
    const { enc, blind } = this.seal(shikakuId, value);
    const at = this.now().toISOString();
    const result = oneNumberOnePerson(() => this.updateStmt.run(enc, blind, at, shikakuId, expectedVersion));
    if (result.changes !== 1) throw new KuraError('stale_version', { expected: expectedVersion, actual: existing.koshin_tsuban });
    this.noteWrite?.(shikakuId, expectedVersion, 'mynumber_changed', at);
    return { version: expectedVersion + 1, warnings, sealed: enc };
  }

  /**
   * Writes again a number this terminal sealed earlier (a sync conflict resolved in favour of the
   * terminal's version) on top of the 更新通番 the caller read, with the checks of a registration or
   * correction (DQ-1, one number one person). The digits exist only in memory here (DP-2); the GCM tag
   * refuses a ciphertext sealed for another 資格ID.
   */
  reapply(shikakuId: string, sealed: Buffer, expectedVersion: number): WriteResult {
    const existing = this.memberRow(shikakuId);
    const actual = existing?.koshin_tsuban ?? 0;
    if (actual !== expectedVersion) throw new KuraError('stale_version', { expected: expectedVersion, actual });
    const value = decryptMyNumber(this.store.orgKeys, shikakuId, sealed);
    return existing && existing.sakujo_kubun === 0 ? this.correct(shikakuId, value, expectedVersion) : this.register(shikakuId, value);
  }

  /**
   * 個人番号一括取消: sets 削除区分 on a live row that is still at the 更新通番 the caller read. The
   * ciphertext stays until the retention purge erases it; a cancelled row no longer holds its number
   * against "one number, one person" (the unique blind index covers live rows only).
   */
  cancel(shikakuId: string, expectedVersion: number): number {
    const at = this.now().toISOString();
    const result = this.cancelStmt.run(at, shikakuId, expectedVersion);
    if (result.changes !== 1) {
      const actual = (this.rowStmt.get(shikakuId) as MasterRow | undefined)?.koshin_tsuban ?? 0;
      throw new KuraError('stale_version', { expected: expectedVersion, actual });
    }
    this.noteWrite?.(shikakuId, expectedVersion, 'mynumber_deleted', at);
    return expectedVersion + 1;
  }

  private seal(shikakuId: string, value: string): SealedNumber {
    return this.sealer ? this.sealer.seal(shikakuId, value) : { enc: encryptMyNumber(this.store.orgKeys, shikakuId, value), blind: blindIndex(this.store.orgKeys, value) };
  }

  /** The member's master row (undefined when no number was ever registered); member_not_found if no member. */
  private memberRow(shikakuId: string): MasterRow | undefined {
    const row = this.memberRowStmt.get(shikakuId) as (MasterRow & { member: string }) | (Record<keyof MasterRow, null> & { member: string }) | undefined;
    if (!row) throw new KuraError('member_not_found', { shikakuId });
    return row.shikaku_id === null ? undefined : (row as MasterRow);
  }
}

/**
 * The numbers of ahead, normalised. Only a hint: each write still checks its own number (DQ-1), and
 * uses a sealed one only if it is exactly the value it checked. So 12 plain digits go as they are
 * (most of an import), and anything else is normalised, or left out if it is no number.
 */
function aheadOf(ahead: Iterable<{ shikakuId: string; myNumber: string }>): NumberToSeal[] {
  const items: NumberToSeal[] = [];
  for (const a of ahead) {
    if (PLAIN_TWELVE_DIGITS.test(a.myNumber)) {
      items.push({ shikakuId: a.shikakuId, value: a.myNumber });
      continue;
    }
    const checked = checkMyNumber(a.myNumber);
    if (checked.ok) items.push({ shikakuId: a.shikakuId, value: checked.value });
  }
  return items;
}

const PLAIN_TWELVE_DIGITS = /^\d{12}$/;

/** Rows the first-registration insert wrote (1, or 0 when there is no live member), or -1 on a key conflict. */
function firstRegistration(insert: () => number): number {
  try {
    return insert();
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') return -1;
    throw e;
  }
}

/**
 * One number, one person: the unique index on the live rows' blind index (mynumber_blind) refuses a
 * write that would give a number held by another live row to this one; its own row is replaced in the
 * same statement, so it never counts against itself. Asking the index first cost one lookup per row.
 */
function oneNumberOnePerson<T>(write: () => T): T {
  try {
    return write();
  } catch (e) {
    const err = e as { code?: string; message?: string };
    if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' && err.message?.includes('mynumber_master.blind_index')) throw new KuraError('mynumber_taken');
    throw e;
  }
}
