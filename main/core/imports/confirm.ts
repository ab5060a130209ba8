// Confirmation: the accepted rows of one previewed file are registered in ONE transaction (the
// caller's, which also holds the operation-log entry): all of them or none. Every row names the
// 更新通番 it was previewed against; a row someone changed since then refuses the whole confirm.
import { KuraError } from '../../../shared/errors';
import { encryptMyNumber, type MyNumberVault } from '../mynumber';
import type { Store } from '../store';
import type { RowResult } from './checks';
import { eraDateToIso } from './era-date';
import type { ImportKind } from './layouts';
import type { ImportSessionStore, StoredRow } from './session-store';
import type { ProgressListener } from './validate';

/** 更新区分 of 個人番号入力結果情報 (default codes; the society may replace them). */
export const KOSHIN_KUBUN = { none: 0, registered: 1, corrected: 2, cancelled: 3 } as const;
/** 届書コード recorded for rows that came from a file, by layout. */
export const TODOKESHO_CODES: Record<ImportKind, string> = { input: 'JGY-INPUT', update: 'BULK-UPDATE', cancel: 'BULK-CANCEL' };

export type ConfirmOptions = { acceptWarnings: boolean; onProgress?: ProgressListener };
export type ConfirmResult = { registered: number; corrected: number; cancelled: number; recordedWithoutNumber: number; unchanged: number; rejected: number };

type Deps = { store: Store; vault: MyNumberVault; sessions: ImportSessionStore; now: () => Date };

function japanDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

export function confirmImport(deps: Deps, importId: string, actor: string, options: ConfirmOptions): ConfirmResult {
  const { store, vault, sessions } = deps;
  // The all-or-none promise rests on the caller's transaction; refuse to run outside one.
  if (!store.db.inTransaction) throw new Error('confirmImport must run inside the caller\u2019s transaction');
  const session = sessions.get(importId);
  if (!session || session.status !== 'previewed') throw new KuraError('import_not_found', { importId });
  const at = deps.now();
  const atIso = at.toISOString();
  const day = japanDay(at);
  const insertResult = store.db.prepare(
    `INSERT INTO mynumber_input_results (input_date, registered_by, kigo_bango, mynumber_enc, mikinyu_riyu, zokugara, name, birth_date, sex, koshin_kubun, todokesho_code, input_at, shikaku_id, import_id, row_no)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  const accepted: RowResult[] = options.acceptWarnings ? ['ok', 'warning'] : ['ok'];
  const result: ConfirmResult = { registered: 0, corrected: 0, cancelled: 0, recordedWithoutNumber: 0, unchanged: 0, rejected: 0 };
  const total = accepted.reduce((n, r) => n + session.counts[r], 0);
  let done = 0;
  const numbers = sessions.numbers(importId);
  if (!numbers) throw new Error(`import ${importId} has no numbers left to register`);

  // sealed: the master row's own ciphertext of the number, which the result row keeps as well (the
  // same bytes under the same 資格ID binding; sealing it again cost a fifth of a confirm).
  const record = (row: StoredRow, shikakuId: string, number: string | null, koshinKubun: number, sealed?: Buffer): void => {
    const num = (s: string): number | null => (/^\d+$/.test(s.normalize('NFKC')) ? Number(s.normalize('NFKC')) : null);
    insertResult.run(
      day, actor, `${row.jigyoshoKigo}-${row.hihokenshaNo}-${row.kubun}${row.edaban ? `-${row.edaban}` : ''}`,
      sealed ?? (number ? encryptMyNumber(store.orgKeys, shikakuId, number) : null), num(row.mikinyuRiyu), num(row.zokugara),
      row.kanjiName || row.kanaName, row.birthIso ?? eraDateToIso(row.birthDate) ?? '', num(row.sex), koshinKubun, TODOKESHO_CODES[session.kind],
      atIso, shikakuId, importId, row.rowNo,
    );
  };

  // The numbers the loop below will write, in its order, so the vault seals them ahead (bulk-sealer.ts).
  const kind = session.kind;
  const fileNumbers = numbers;
  function* ahead(): Generator<{ shikakuId: string; myNumber: string }> {
    if (kind === 'cancel') return;
    for (const row of sessions.iterateRowKeys(importId, accepted)) {
      const myNumber = fileNumbers.of(row.rowNo);
      if (row.shikakuId && myNumber && !row.codes.split(' ').includes('same_number_registered')) yield { shikakuId: row.shikakuId, myNumber };
    }
  }

  // One bulk write: the rows' sync and intermediate-queue entries are made set-wise at the end.
  vault.bulk(() => {
    // Pages of 500: a page of 5,000 rows outlived the young generation and 1.8 KB a row of it piled up
    // in the old one until a full collection (up to 200 MB more peak memory in a 100,000-row confirm).
    for (const row of sessions.iterateRows(importId, accepted, 500)) {
      const shikakuId = row.shikakuId;
      if (!shikakuId) throw new Error(`accepted row ${row.rowNo} has no member`);
      const status = vault.status(shikakuId);
      // 更新通番 check: the master row must be as it was when the clerk reviewed the preview.
      if ((status.version ?? 0) !== (row.expectedVersion ?? 0)) {
        throw new KuraError('stale_version', { expected: row.expectedVersion ?? 0, actual: status.version ?? 0 });
      }
      if (session.kind === 'cancel') {
        vault.cancel(shikakuId, row.expectedVersion ?? 0);
        record(row, shikakuId, null, KOSHIN_KUBUN.cancelled);
        result.cancelled++;
      } else if (row.codes.includes('same_number_registered')) {
        result.unchanged++;
      } else if (numbers.of(row.rowNo)) {
        const number = numbers.of(row.rowNo)!;
        if (status.registered) {
          const written = vault.correctSealed(shikakuId, number, status.version!);
          record(row, shikakuId, number, KOSHIN_KUBUN.corrected, written.sealed);
          result.corrected++;
        } else {
          const written = vault.registerSealed(shikakuId, number);
          record(row, shikakuId, number, KOSHIN_KUBUN.registered, written.sealed);
          result.registered++;
        }
      } else {
        // 後日収集 or 未記入理由: nothing enters the master, the result row says why.
        record(row, shikakuId, null, KOSHIN_KUBUN.none);
        result.recordedWithoutNumber++;
      }
      done++;
      if (done % 1000 === 0) options.onProgress?.({ phase: 'register', done, total });
    }
  }, ahead());
  result.rejected = session.counts.total - done;
  sessions.finish(importId, 'confirmed', actor, atIso, result.registered + result.corrected + result.cancelled, options.acceptWarnings);
  options.onProgress?.({ phase: 'register', done, total });
  return result;
}
