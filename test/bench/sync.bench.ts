// Sync benchmarks (issue 7): initial pull of N members to a new terminal (target: 1,000,000 in < 60 s),
// push of 100,000 mutations (target < 20 s), and the server's bulk apply against a plain unnest upsert
// of the same rows. KURA_BENCH_SCALE (or the runner's scale) shrinks N for a quick run.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pushOutbox, HttpsTransport, loadIdentity } from '../../main/core/sync';
import { applyPush } from '../../server/src/sync/push';
import type { MemberRowWire, MutationWire } from '../../shared/sync/protocol';
import { startDataCenter } from '../server/fixture';
import { seedDataCenterMembers } from '../server/seed';
import { replicaChecksum as serverChecksum } from '../../server/src/checksum';
import { configureSync, replicaChecksum } from '../../main/core/sync';
import { KeyFileKeystore, openStore, type Store } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';

const seconds = (ms: number): string => (ms / 1000).toFixed(2);
const perSecond = (n: number, ms: number): string => Math.round(n / (ms / 1000)).toLocaleString('en-US');


type ChildResult = { rows: number; pages: number; ms: number; cpuMs: number; peakRssMb: number; marks: [number, number][] };

/** Runs sync.child.ts without blocking this process (its data center serves the child meanwhile). */
function runChild(args: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    // KURA_BENCH_CPU_PROF=<dir>: the child writes a V8 CPU profile there (where a pull's time goes, issue 14).
    const prof = process.env.KURA_BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.KURA_BENCH_CPU_PROF}`] : [];
    const child = spawn(process.execPath, [...prof, '--import', 'tsx', join(import.meta.dirname, 'sync.child.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`sync bench child failed (${code}): ${err.slice(-2000)}`));
      const lines = out.trim().split('\n');
      resolve(JSON.parse(lines[lines.length - 1]!) as ChildResult);
    });
  });
}

/** A new terminal store in its own folder, enrolled at the data center, closed again for a child to open. */
async function enrolledTerminalDir(dc: Awaited<ReturnType<typeof startDataCenter>>, terminalId: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'kura-bench-sync-'));
  const store = openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations });
  const bundle = dc.enrol(terminalId);
  configureSync(store.db, { terminalId, serverUrl: dc.server.url, caPem: bundle.caPem, certPem: bundle.certPem, keyPem: bundle.keyPem! }, new Date());
  store.close();
  return dir;
}

async function reopenTerminal(_dc: unknown, dir: string): Promise<{ store: Store }> {
  return { store: openStore({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, migrations: kuraMigrations }) };
}

/** Rows/s within each tenth of the rows (by the page that crossed it). */
function deciles(marks: [number, number][]): string[] {
  const total = marks[marks.length - 1]?.[1] ?? 0;
  const out: string[] = [];
  let prev: [number, number] = [0, 0];
  for (let d = 1; d <= 10; d++) {
    const mark = marks.find(([, n]) => n >= (total * d) / 10);
    if (!mark || mark === prev) continue;
    out.push(`${d * 10}%:${Math.round((mark[1] - prev[1]) / ((mark[0] - prev[0]) / 1000)).toLocaleString('en-US')}`);
    prev = mark;
  }
  return out;
}

export async function benchSync(print: (line: string) => void, scale = Number(process.env.KURA_BENCH_SCALE ?? '1')): Promise<void> {
  const members = Math.max(1_000, Math.round(1_000_000 * scale));
  const pushes = Math.max(1_000, Math.round(100_000 * scale));
  const dc = await startDataCenter();
  try {
    // The data center's system of record, written in bulk (half the members carry a number: ciphertext only).
    await seedDataCenterMembers(dc.pg.pool, members, 'Q');
    await dc.pg.pool.query('ANALYZE');

    // The initial pull runs in a child process (sync.child.ts): its peak memory is the terminal's own,
    // and this process's data center serves it from beside it, as from another machine.
    const rows = members + Math.ceil(members / 2);
    const pullDir = await enrolledTerminalDir(dc, 'T-BENCH');
    const pull = await runChild(['pull', pullDir, '20000']);
    const baseDir = await enrolledTerminalDir(dc, 'T-BENCH-LOCAL');
    const base = await runChild(['baseline', baseDir, String(rows)]);
    const pullRate = pull.rows / (pull.ms / 1000);
    const baseRate = base.rows / (base.ms / 1000);
    print(`sync.initialPull: ${members.toLocaleString('en-US')} members + numbers (${pull.rows.toLocaleString('en-US')} rows, ${pull.pages} pages) in ${seconds(pull.ms)} s (${perSecond(pull.rows, pull.ms)} rows/s, CPU ${seconds(pull.cpuMs)} s); at this rate 1,000,000 members + 500,000 numbers take ${(1_500_000 / pullRate).toFixed(1)} s (target < 30 s)`);
    print(`sync.initialPull baseline: the same ${base.rows.toLocaleString('en-US')} rows written locally as bulk pages of 20,000 (no network), ${seconds(base.ms)} s (${perSecond(base.rows, base.ms)} rows/s): pull / local ratio ${(baseRate / pullRate).toFixed(2)}x`);
    print(`sync.initialPull rows/s per 10% of the pull (flat = no slow-down as the store grows): ${deciles(pull.marks).join(' ')}`);
    print(`sync.initialPull peak memory of the terminal process (VmHWM): ${pull.peakRssMb.toFixed(0)} MB (target < 400 MB at 1,000,000 members)`);
    const pullTerm = await reopenTerminal(dc, pullDir);
    const transport = new HttpsTransport(loadIdentity(pullTerm.store.db)!, 120_000);
    try {
      const server = await serverChecksum(dc.pg.pool);
      const local = replicaChecksum(pullTerm.store.db);
      if (local.digest !== server.digest) throw new Error(`bench: the pulled replica differs from the data center (${local.members}/${server.members} members)`);
      print(`sync.initialPull checksum: terminal = data center (${local.members.toLocaleString('en-US')} members, ${local.myNumbers.toLocaleString('en-US')} numbers)`);

      // 100,000 local edits fill the outbox through the triggers, then go up in numbered batches.
      pullTerm.store.transaction(() => {
        pullTerm.store.db.prepare("UPDATE members SET kanji_name = kanji_name || '改', version = version + 1 WHERE rowid <= ?").run(pushes);
      });
      const t0 = performance.now();
      const pushed = await pushOutbox(pullTerm.store.db, transport, () => new Date(), 10_000);
      const pushMs = performance.now() - t0;
      print(`sync.push: ${pushes.toLocaleString('en-US')} mutations in ${pushed.batches} batches, ${seconds(pushMs)} s (${perSecond(pushes, pushMs)} mutations/s; target 100,000 < 20 s)`);
    } finally {
      transport.close();
      pullTerm.store.close();
      rmSync(pullDir, { recursive: true, force: true });
      rmSync(baseDir, { recursive: true, force: true });
    }

    // Server bulk apply (dedupe, version check, conflicts, commit-ordered change numbers) against a plain
    // unnest upsert of the same rows into a copy of the table, and against the same writes the apply
    // must make (the upsert plus moving those members' number rows behind them: an UPDATE of their
    // change_seq in a copy of mynumber_master). Issue 14: three rounds on fresh keys, alternating, and
    // the median ratio, as one round on a busy machine swung from 1.9x to 2.8x.
    await dc.pg.pool.query('CREATE TABLE bench_plain (LIKE members INCLUDING ALL)');
    await dc.pg.pool.query('INSERT INTO bench_plain SELECT * FROM members');
    await dc.pg.pool.query('CREATE TABLE bench_plain_numbers (LIKE mynumber_master INCLUDING ALL)');
    await dc.pg.pool.query('INSERT INTO bench_plain_numbers SELECT * FROM mynumber_master');
    await dc.pg.pool.query('ANALYZE bench_plain');
    await dc.pg.pool.query('ANALYZE bench_plain_numbers');
    const rounds: { applyMs: number; plainMs: number; writesMs: number }[] = [];
    for (let round = 0; round < 3; round++) {
      const current = await dc.pg.pool.query<{ shikaku_id: string; version: number }>('SELECT shikaku_id, version FROM members ORDER BY shikaku_id OFFSET $2 LIMIT $1', [pushes, (round * pushes) % Math.max(1, members - pushes)]);
      const mutations: MutationWire[] = current.rows.map((r, i) => ({
        seq: i + 1, entity: 'member', key: r.shikaku_id, baseVersion: r.version,
        row: {
          shikakuId: r.shikaku_id, jigyoshoKigo: '0001', hihokenshaNo: String(i + 1).padStart(8, '0'), edaban: '00', kubun: 1, zokugara: null, kanjiName: `比較${round}\u3000${i}`,
          kanaName: 'ヒカク', birthDate: '1980-04-01', sex: 1, shutokuDate: '2000-04-01', soshitsuDate: null, version: r.version + 1, updatedAt: '2026-11-25T00:00:00.000Z', deleted: 0,
        },
      }));
      let t0 = performance.now();
      await applyPush(dc.pg.pool, `T-BENCH-APPLY-${round}`, mutations);
      const applyMs = performance.now() - t0;
      const memberRows = mutations.map((m) => m.row as MemberRowWire);
      const col = <K extends keyof MemberRowWire>(k: K): MemberRowWire[K][] => memberRows.map((r) => r[k]);
      const upsertPlain = (): Promise<unknown> =>
        dc.pg.pool.query(
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
      t0 = performance.now();
      await upsertPlain();
      const plainMs = performance.now() - t0;
      t0 = performance.now();
      await upsertPlain();
      await dc.pg.pool.query('UPDATE bench_plain_numbers SET change_seq = change_seq + 1 WHERE shikaku_id = ANY($1::text[])', [col('shikakuId')]);
      const writesMs = performance.now() - t0;
      rounds.push({ applyMs, plainMs, writesMs });
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const applyMs = median(rounds.map((r) => r.applyMs));
    const plainMs = median(rounds.map((r) => r.plainMs));
    const writesMs = median(rounds.map((r) => r.writesMs));
    print(`sync.serverApply: ${pushes.toLocaleString('en-US')} mutations in ${seconds(applyMs)} s (${perSecond(pushes, applyMs)}/s) vs plain unnest upsert ${seconds(plainMs)} s (${perSecond(pushes, plainMs)}/s): ratio ${median(rounds.map((r) => r.applyMs / r.plainMs)).toFixed(2)}x (median of ${rounds.length} rounds: ${rounds.map((r) => (r.applyMs / r.plainMs).toFixed(2)).join(', ')}; target 1.3x)`);
    print(`sync.serverApply vs the same writes (the upsert plus the UPDATE that moves those members' number rows behind them) ${seconds(writesMs)} s: ratio ${median(rounds.map((r) => r.applyMs / r.writesMs)).toFixed(2)}x`);
  } finally {
    await dc.stop();
  }
}

if (process.argv[1]?.endsWith('sync.bench.ts')) await benchSync((line) => console.log(line), Number(process.env.KURA_BENCH_SCALE ?? '1'));
