// The data center's system of record written in bulk, for tests and benchmarks that need many rows
// without a push each: members, and a number (ciphertext-like bytes and blind indexes only, DP-2) for
// every other one.
import type pg from 'pg';

export async function seedDataCenterMembers(pool: pg.Pool, count: number, prefix: string): Promise<void> {
  await pool.query(
    `INSERT INTO members (shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date, version, updated_at, deleted, change_seq)
     SELECT $2 || lpad(i::text, 9, '0'), lpad((1 + i % 500)::text, 4, '0'), lpad((i / 2 + 1)::text, 8, '0'), lpad((i % 2)::text, 2, '0'), 1 + i % 2, NULL,
            '試験' || chr(12288) || '太郎' || i, 'シケン タロウ', '1980-04-01', 1 + i % 2, '2000-04-01', NULL, 1, '2026-11-24T00:00:00.000Z', 0, nextval('change_seq')
       FROM generate_series(1, $1) AS i`,
    [count, prefix],
  );
  // 40 bytes, the length of a sealed number (IV, ciphertext, tag).
  await pool.query(
    `INSERT INTO mynumber_master (shikaku_id, mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban, koshin_bi, change_seq)
     SELECT $2 || lpad(i::text, 9, '0'), decode(md5(i::text) || md5('e' || i) || substr(md5('f' || i), 1, 16), 'hex'), decode(md5('b' || i) || md5('c' || i), 'hex'), 0, 1, '2026-11-24T00:00:00.000Z', nextval('change_seq')
       FROM generate_series(1, $1, 2) AS i`,
    [count, prefix],
  );
}
