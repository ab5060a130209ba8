// Mapping between PostgreSQL rows and the wire rows of shared/sync/protocol.ts, and the bulk upserts
// (unnest arrays: one statement per table per batch, reference.md Server).
import type { PoolClient } from 'pg';
import type { MemberRowWire, MyNumberRowWire } from '../../../shared/sync/protocol';

export const MEMBER_SELECT =
  'shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date, version, updated_at, deleted';
export const MYNUMBER_SELECT = "shikaku_id, encode(mynumber_enc, 'hex') AS mynumber_enc, encode(blind_index, 'hex') AS blind_index, sakujo_kubun, koshin_tsuban, koshin_bi";

export type MemberPgRow = {
  shikaku_id: string; jigyosho_kigo: string; hihokensha_no: string; edaban: string; kubun: number; zokugara: number | null;
  kanji_name: string; kana_name: string; birth_date: string; sex: number; shutoku_date: string; soshitsu_date: string | null;
  version: number; updated_at: string; deleted: number;
};
export type MyNumberPgRow = { shikaku_id: string; mynumber_enc: string | null; blind_index: string | null; sakujo_kubun: number; koshin_tsuban: number; koshin_bi: string };

export function memberFromPg(r: MemberPgRow): MemberRowWire {
  return {
    shikakuId: r.shikaku_id, jigyoshoKigo: r.jigyosho_kigo, hihokenshaNo: r.hihokensha_no, edaban: r.edaban, kubun: r.kubun, zokugara: r.zokugara,
    kanjiName: r.kanji_name, kanaName: r.kana_name, birthDate: r.birth_date, sex: r.sex, shutokuDate: r.shutoku_date, soshitsuDate: r.soshitsu_date,
    version: r.version, updatedAt: r.updated_at, deleted: r.deleted,
  };
}

export function myNumberFromPg(r: MyNumberPgRow): MyNumberRowWire {
  return { shikakuId: r.shikaku_id, mynumberEnc: r.mynumber_enc, blindIndex: r.blind_index, sakujoKubun: r.sakujo_kubun, koshinTsuban: r.koshin_tsuban, koshinBi: r.koshin_bi };
}

const MEMBER_UPSERT = `INSERT INTO members (shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date, version, updated_at, deleted, change_seq)
     SELECT u.*, nextval('change_seq') FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::int[], $14::text[], $15::int[]) AS u
     ON CONFLICT (shikaku_id) DO UPDATE SET jigyosho_kigo = EXCLUDED.jigyosho_kigo, hihokensha_no = EXCLUDED.hihokensha_no, edaban = EXCLUDED.edaban,
       kubun = EXCLUDED.kubun, zokugara = EXCLUDED.zokugara, kanji_name = EXCLUDED.kanji_name, kana_name = EXCLUDED.kana_name, birth_date = EXCLUDED.birth_date,
       sex = EXCLUDED.sex, shutoku_date = EXCLUDED.shutoku_date, soshitsu_date = EXCLUDED.soshitsu_date, version = EXCLUDED.version,
       updated_at = EXCLUDED.updated_at, deleted = EXCLUDED.deleted, change_seq = EXCLUDED.change_seq`;

// Issue 14: the member upsert and the move of those members' number rows behind them, as one named
// statement. Each number row takes its change_seq only after its member's row was written and returned,
// so per 資格ID the number still follows its member in change order, whatever plan PostgreSQL picks.
const MEMBER_UPSERT_RESEQUENCE = `WITH written AS (${MEMBER_UPSERT} RETURNING shikaku_id)
  UPDATE mynumber_master AS n SET change_seq = nextval('change_seq')
    FROM written WHERE n.shikaku_id = written.shikaku_id AND NOT (n.shikaku_id = ANY($16::text[]))`;

/**
 * Upserts the rows with one unnest statement; each row takes a fresh change_seq (caller holds the change
 * lock). With resequenceNumbersExcept, each written member's number row (but those keys') takes a fresh
 * change_seq after it, in the same statement.
 */
export async function upsertMembers(client: PoolClient, rows: MemberRowWire[], options: { resequenceNumbersExcept?: readonly string[] } = {}): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof MemberRowWire>(k: K): MemberRowWire[K][] => rows.map((r) => r[k]);
  const values: unknown[] = [
    col('shikakuId'), col('jigyoshoKigo'), col('hihokenshaNo'), col('edaban'), col('kubun'), col('zokugara'), col('kanjiName'), col('kanaName'),
    col('birthDate'), col('sex'), col('shutokuDate'), col('soshitsuDate'), col('version'), col('updatedAt'), col('deleted'),
  ];
  const except = options.resequenceNumbersExcept;
  if (except === undefined) await client.query({ name: 'kura_member_upsert', text: MEMBER_UPSERT, values });
  else await client.query({ name: 'kura_member_upsert_resequence', text: MEMBER_UPSERT_RESEQUENCE, values: [...values, except] });
}

export async function upsertMyNumbers(client: PoolClient, rows: MyNumberRowWire[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <K extends keyof MyNumberRowWire>(k: K): MyNumberRowWire[K][] => rows.map((r) => r[k]);
  await client.query(
    `INSERT INTO mynumber_master (shikaku_id, mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban, koshin_bi, change_seq)
     SELECT u.id, decode(u.enc, 'hex'), decode(u.blind, 'hex'), u.sakujo, u.tsuban, u.bi, nextval('change_seq')
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[], $5::int[], $6::text[]) AS u(id, enc, blind, sakujo, tsuban, bi)
     ON CONFLICT (shikaku_id) DO UPDATE SET mynumber_enc = EXCLUDED.mynumber_enc, blind_index = EXCLUDED.blind_index, sakujo_kubun = EXCLUDED.sakujo_kubun,
       koshin_tsuban = EXCLUDED.koshin_tsuban, koshin_bi = EXCLUDED.koshin_bi, change_seq = EXCLUDED.change_seq`,
    [col('shikakuId'), col('mynumberEnc'), col('blindIndex'), col('sakujoKubun'), col('koshinTsuban'), col('koshinBi')],
  );
}
