// Sync benchmarks (issue 7): initial pull of N members to a new terminal (target: 1,000,000 in < 60 s),
// push of 100,000 mutations (target < 20 s), and the server's bulk apply against a plain unnest upsert
// of the same rows. KURA_BENCH_SCALE (or the runner's scale) shrinks N for a quick run.
import { performance } from 'node:perf_hooks';
import { pullChanges, pushOutbox, HttpsTransport, loadIdentity } from '../../main/core/sync';
import { applyPush } from '../../server/src/sync/push';
import type { MemberRowWire, MutationWire } from '../../shared/sync/protocol';
import { startDataCenter } from '../server/fixture';
import { startTerminal } from '../sync/terminal';

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const perSecond = (n: number, ms: number): string => Math.round(n / (ms / 1000)).toLocaleString('en-US');

export async function benchSync(print: (line: string) => void, scale = Number(process.env.KURA_BENCH_SCALE ?? '1')): Promise<void> {
  const members = Math.max(1_000, Math.round(1_000_000 * scale));
  const pushes = Math.max(1_000, Math.round(100_000 * scale));
  const dc = await startDataCenter();
  try {
    // The data center's system of record, written in bulk (half the members carry a number: ciphertext only).
    await dc.pg.pool.query(
      `INSERT INTO members (shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date, version, updated_at, deleted, change_seq)
       SELECT 'Q' || lpad(i::text, 9, '0'), lpad((1 + i % 500)::text, 4, '0'), lpad((i / 2 + 1)::text, 8, '0'), lpad((i % 2)::text, 2, '0'), 1 + i % 2, NULL,
              '試験' || chr(12288) || '太郎' || i, 'シケン タロウ', '1980-04-01', 1 + i % 2, '2000-04-01', NULL, 1, '2026-11-24T00:00:00.000Z', 0, nextval('change_seq')
         FROM generate_series(1, $1) AS i`,
      [members],
    );
    await dc.pg.pool.query(
      `INSERT INTO mynumber_master (shikaku_id, mynumber_enc, blind_index, sakujo_kubun, koshin_tsuban, koshin_bi, change_seq)
       SELECT 'Q' || lpad(i::text, 9, '0'), decode(md5(i::text) || md5('e' || i) || substr(md5('f' || i), 1, 16), 'hex'), decode(md5('b' || i) || md5('c' || i), 'hex'), 0, 1, '2026-11-24T00:00:00.000Z', nextval('change_seq')
         FROM generate_series(1, $1, 2) AS i`,
      [members],
    );
    await dc.pg.pool.query('ANALYZE');

    const term = await startTerminal(dc, 'T-BENCH', { engine: { timeoutMs: 120_000 } });
    const identity = loadIdentity(term.t.kura.store.db)!;
    const transport = new HttpsTransport(identity, 120_000);
    try {
      const rows = members + Math.ceil(members / 2);
      let t0 = performance.now();
      const pulled = await pullChanges(term.t.kura.store.db, transport, { pageSize: 20_000 });
      const pullMs = performance.now() - t0;
      print(`sync.initialPull: ${members.toLocaleString('en-US')} members + numbers (${pulled.applied.toLocaleString('en-US')} rows, ${pulled.pages} pages) in ${seconds(pullMs)} s (${perSecond(rows, pullMs)} rows/s; target 1,000,000 members < 60 s)`);

      // 100,000 local edits fill the outbox through the triggers, then go up in numbered batches.
      term.t.kura.store.transaction(() => {
        term.t.kura.store.db.prepare("UPDATE members SET kanji_name = kanji_name || '改', version = version + 1 WHERE rowid <= ?").run(pushes);
      });
      t0 = performance.now();
      const pushed = await pushOutbox(term.t.kura.store.db, transport, term.t.clock.now, 10_000);
      const pushMs = performance.now() - t0;
      print(`sync.push: ${pushes.toLocaleString('en-US')} mutations in ${pushed.batches} batches, ${seconds(pushMs)} s (${perSecond(pushes, pushMs)} mutations/s; target 100,000 < 20 s)`);
    } finally {
      transport.close();
      await term.close();
    }

    // Server bulk apply (dedupe, version check, conflicts, commit-ordered change numbers) against a plain
    // unnest upsert of the same rows into a copy of the table.
    const current = await dc.pg.pool.query<{ shikaku_id: string; version: number }>('SELECT shikaku_id, version FROM members ORDER BY shikaku_id LIMIT $1', [pushes]);
    const mutations: MutationWire[] = current.rows.map((r, i) => ({
      seq: i + 1, entity: 'member', key: r.shikaku_id, baseVersion: r.version,
      row: {
        shikakuId: r.shikaku_id, jigyoshoKigo: '0001', hihokenshaNo: String(i + 1).padStart(8, '0'), edaban: '00', kubun: 1, zokugara: null, kanjiName: `比較\u3000${i}`,
        kanaName: 'ヒカク', birthDate: '1980-04-01', sex: 1, shutokuDate: '2000-04-01', soshitsuDate: null, version: r.version + 1, updatedAt: '2026-11-25T00:00:00.000Z', deleted: 0,
      },
    }));
    await dc.pg.pool.query('CREATE TABLE bench_plain (LIKE members INCLUDING ALL)');
    await dc.pg.pool.query('INSERT INTO bench_plain SELECT * FROM members');
    await dc.pg.pool.query('ANALYZE bench_plain');
    let t0 = performance.now();
    await applyPush(dc.pg.pool, 'T-BENCH-APPLY', mutations);
    const applyMs = performance.now() - t0;
    const memberRows = mutations.map((m) => m.row as MemberRowWire);
    const col = <K extends keyof MemberRowWire>(k: K): MemberRowWire[K][] => memberRows.map((r) => r[k]);
    t0 = performance.now();
    await dc.pg.pool.query(
      `INSERT INTO bench_plain (shikaku_id, jigyosho_kigo, hihokensha_no, edaban, kubun, zokugara, kanji_name, kana_name, birth_date, sex, shutoku_date, soshitsu_date, version, updated_at, deleted, change_seq)
       SELECT u.*, 0 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::int[], $6::int[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[], $12::text[], $13::int[], $14::text[], $15::int[]) AS u
       ON CONFLICT (shikaku_id) DO UPDATE SET jigyosho_kigo = EXCLUDED.jigyosho_kigo, hihokensha_no = EXCLUDED.hihokensha_no, edaban = EXCLUDED.edaban,
         kubun = EXCLUDED.kubun, zokugara = EXCLUDED.zokugara, kanji_name = EXCLUDED.kanji_name, kana_name = EXCLUDED.kana_name, birth_date = EXCLUDED.birth_date,
         sex = EXCLUDED.sex, shutoku_date = EXCLUDED.shutoku_date, soshitsu_date = EXCLUDED.soshitsu_date, version = EXCLUDED.version,
         updated_at = EXCLUDED.updated_at, deleted = EXCLUDED.deleted`,
      [
        col('shikakuId'), col('jigyoshoKigo'), col('hihokenshaNo'), col('edaban'), col('kubun'), col('zokugara'), col('kanjiName'), col('kanaName'),
        col('birthDate'), col('sex'), col('shutokuDate'), col('soshitsuDate'), col('version'), col('updatedAt'), col('deleted'),
      ],
    );
    const plainMs = performance.now() - t0;
    print(`sync.serverApply: ${pushes.toLocaleString('en-US')} mutations in ${seconds(applyMs)} s (${perSecond(pushes, applyMs)}/s) vs plain unnest upsert ${seconds(plainMs)} s (${perSecond(pushes, plainMs)}/s): ratio ${(applyMs / plainMs).toFixed(2)}x`);
  } finally {
    await dc.stop();
  }
}
