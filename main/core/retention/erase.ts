// RT-1, RT-4: the deletion function. Erasing a My Number nulls the ciphertext and the blind index
// (削除区分 = 1, 更新通番 + 1, so the erasure syncs like any change) and every other copy of the
// ciphertext on this terminal: the 個人番号入力結果情報 rows and not-yet-pushed outbox rows. With
// secure_delete = ON (store/open.ts) SQLite zeroes the freed bytes, so nothing is left to recover.
import type { Db } from '../store';

export type Eraser = (shikakuId: string, at: string) => boolean;

/** Returns an eraser bound to db; it reports whether anything was left to erase (a second run is a no-op). */
export function myNumberEraser(db: Db): Eraser {
  const master = db.prepare(
    `UPDATE mynumber_master SET mynumber_enc = NULL, blind_index = NULL, sakujo_kubun = 1, koshin_tsuban = koshin_tsuban + 1, koshin_bi = ?
     WHERE shikaku_id = ? AND (mynumber_enc IS NOT NULL OR blind_index IS NOT NULL OR sakujo_kubun = 0)`,
  );
  const inputResults = db.prepare('UPDATE mynumber_input_results SET mynumber_enc = NULL WHERE shikaku_id = ? AND mynumber_enc IS NOT NULL');
  // The pending outbox row keeps its place in the push order; only the ciphertext leaves it.
  const outbox = db.prepare(
    `UPDATE sync_outbox SET row = json_set(row, '$.mynumberEnc', json('null'), '$.blindIndex', json('null'))
     WHERE entity = 'mynumber' AND shikaku_id = ? AND (json_extract(row, '$.mynumberEnc') IS NOT NULL OR json_extract(row, '$.blindIndex') IS NOT NULL)`,
  );
  return (shikakuId, at) => {
    const changed = master.run(at, shikakuId).changes + inputResults.run(shikakuId).changes;
    outbox.run(shikakuId);
    return changed > 0;
  };
}
