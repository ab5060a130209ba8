// 個人番号一括取消: sets 削除区分 on the member's row of the My Number master (別添1). The ciphertext
// stays until the retention purge erases it (RT); a cancelled row no longer counts for "one number,
// one person" (the unique blind index covers live rows only), so the number can be registered again.
// It names the 更新通番 it previewed: if anyone wrote since, the whole confirm is refused.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';

export const SAKUJO_KUBUN_CANCELLED = 1;

export class MasterCancellation {
  private readonly cancelStmt;
  private readonly versionStmt;

  constructor(db: Db) {
    this.cancelStmt = db.prepare(
      'UPDATE mynumber_master SET sakujo_kubun = ?, koshin_tsuban = koshin_tsuban + 1, koshin_bi = ? WHERE shikaku_id = ? AND koshin_tsuban = ? AND sakujo_kubun = 0',
    );
    this.versionStmt = db.prepare('SELECT koshin_tsuban FROM mynumber_master WHERE shikaku_id = ?');
  }

  cancel(shikakuId: string, expectedVersion: number, at: string): number {
    const result = this.cancelStmt.run(SAKUJO_KUBUN_CANCELLED, at, shikakuId, expectedVersion);
    if (result.changes !== 1) {
      const actual = (this.versionStmt.get(shikakuId) as { koshin_tsuban: number } | undefined)?.koshin_tsuban ?? 0;
      throw new KuraError('stale_version', { expected: expectedVersion, actual });
    }
    return expectedVersion + 1;
  }
}
