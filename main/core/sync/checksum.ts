// The terminal's side of "terminal and data center agree" (same lines as server/src/checksum.ts).
import { createHash } from 'node:crypto';
import { memberChecksumLine, myNumberChecksumLine } from '../../../shared/sync/protocol';
import type { Db } from '../store';

type MemberRaw = {
  shikaku_id: string; jigyosho_kigo: string; hihokensha_no: string; edaban: string; kubun: number; zokugara: number | null; kanji_name: string;
  kana_name: string; birth_date: string; sex: number; shutoku_date: string; soshitsu_date: string | null; version: number; updated_at: string; deleted: number;
};
type NumberRaw = { shikaku_id: string; mynumber_enc: Buffer | null; blind_index: Buffer | null; sakujo_kubun: number; koshin_tsuban: number; koshin_bi: string };

export function replicaChecksum(db: Db): { members: number; myNumbers: number; digest: string } {
  const hash = createHash('sha256');
  let members = 0;
  let myNumbers = 0;
  for (const r of db.prepare('SELECT * FROM members ORDER BY shikaku_id').iterate() as IterableIterator<MemberRaw>) {
    members++;
    hash.update(memberChecksumLine({
      shikakuId: r.shikaku_id, jigyoshoKigo: r.jigyosho_kigo, hihokenshaNo: r.hihokensha_no, edaban: r.edaban, kubun: r.kubun, zokugara: r.zokugara,
      kanjiName: r.kanji_name, kanaName: r.kana_name, birthDate: r.birth_date, sex: r.sex, shutokuDate: r.shutoku_date, soshitsuDate: r.soshitsu_date,
      version: r.version, updatedAt: r.updated_at, deleted: r.deleted,
    })).update('\n');
  }
  for (const r of db.prepare('SELECT * FROM mynumber_master ORDER BY shikaku_id').iterate() as IterableIterator<NumberRaw>) {
    myNumbers++;
    hash.update(myNumberChecksumLine({
      shikakuId: r.shikaku_id, mynumberEnc: r.mynumber_enc?.toString('hex') ?? null, blindIndex: r.blind_index?.toString('hex') ?? null,
      sakujoKubun: r.sakujo_kubun, koshinTsuban: r.koshin_tsuban, koshinBi: r.koshin_bi,
    })).update('\n');
  }
  return { members, myNumbers, digest: hash.digest('hex') };
}
