// Foundation figures (issue 2): My Number lookup at 1M members, 100k registrations with field
// encryption + blind index + log entry, and the cost of SQLCipher against plain SQLite in the same run.
import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuditLog } from '../../main/core/audit';
import { demoMember, MemberRegistry, seededRandom } from '../../main/core/members';
import { demoMyNumber, MyNumberVault } from '../../main/core/mynumber';
import { migrate, wrapStore, type Store } from '../../main/core/store';
import { Connection, kuraMigrations, Router } from '../../main/rpc';
import { startKura } from '../helpers/kura';

type Print = (line: string) => void;

const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Members 1..n, and a number for each, in chunks of one transaction each. */
function seed(store: Store, n: number, from = 1): void {
  const members = new MemberRegistry(store.db, () => new Date());
  const vault = new MyNumberVault(store, () => new Date());
  const random = seededRandom(7);
  for (let start = from; start < from + n; start += 50_000) {
    store.transaction(() => {
      for (let i = start; i < Math.min(start + 50_000, from + n); i++) {
        const m = demoMember(i, random);
        members.insert(m);
        vault.register(m.shikakuId, demoMyNumber(i));
      }
    });
  }
}

type Timing = { wall: number; cpu: number; checkpoint: string };
const fmt = (t: Timing): string => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms, both threads)${t.checkpoint}`;

const shikakuIdOf = (i: number): string => `Q${String(i).padStart(9, '0')}`;

/**
 * The registration path of a confirmed import: number, blind index and log entry per row, one
 * transaction, as one bulk write (numbers named ahead, queue entries made set-wise at the end, the WAL
 * checkpoint after the commit on the other core, as confirmImport does). Wall time, to the commit
 * returning, is the target; CPU time of the process is printed too, as it is steadier on a shared
 * machine. The background checkpoint is awaited before the next measurement, and its time printed.
 */
async function registerBatch(store: Store, from: number, count: number, mode: 'bulk' | 'row triggers' = 'bulk'): Promise<Timing> {
  const vault = new MyNumberVault(store, () => new Date());
  const audit = new AuditLog(store.db, () => new Date());
  const members = new MemberRegistry(store.db, () => new Date());
  const random = seededRandom(11);
  store.transaction(() => {
    for (let i = from; i < from + count; i++) members.insert(demoMember(i, random));
  });
  // The input exists before the registrations start, as an import's rows do before its confirm.
  const input = Array.from({ length: count }, (_, k) => ({ shikakuId: shikakuIdOf(from + k), myNumber: demoMyNumber(from + k) }));
  await store.checkpointsSettled();
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  const rows = (): void => {
    for (const { shikakuId, myNumber } of input) {
      const r = vault.register(shikakuId, myNumber);
      audit.append({ operator: 'bench.user', terminal: 'bench', business: 'tekiyo', event: 'mynumber.register', target: shikakuId, outcome: 'ok', detail: { version: r.version } });
    }
  };
  store.transaction(() => (mode === 'bulk' ? vault.bulk(rows, input) : rows()));
  const wall = ms(start);
  const used = process.cpuUsage(cpu);
  const settled = await store.checkpointsSettled();
  const checkpoint = mode === 'bulk' && settled?.ok ? `; then the WAL checkpoint on the other core: ${settled.ms.toFixed(0)} ms, ${settled.checkpointedPages} pages` : '';
  return { wall, cpu: (used.user + used.system) / 1000, checkpoint };
}

function plainStore(dir: string): Store {
  const db = new Database(join(dir, 'plain.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('temp_store = MEMORY');
  migrate(db, kuraMigrations, () => new Date());
  return wrapStore(db, dir, { dataKey: randomBytes(32), blindIndexKey: randomBytes(32) }, null);
}

/**
 * Registration: SQLCipher store vs plain SQLite, same code path, same run; and, as the baseline, the
 * same rows written one by one with the queue row triggers (the path of a single registration).
 */
export async function benchRegistration(print: Print, registrations: number, store: Store): Promise<void> {
  const plainDir = mkdtempSync(join(tmpdir(), 'kura-bench-plain-'));
  const plain = plainStore(plainDir);
  const byRow = await startKura();
  await registerBatch(plain, 5_000_000, 2_000); // warm-up
  await registerBatch(store, 5_000_000, 2_000);
  await registerBatch(byRow.kura.store, 5_000_000, 2_000, 'row triggers');
  const plainMs = await registerBatch(plain, 1, registrations);
  const cipherMs = await registerBatch(store, 1, registrations);
  const byRowMs = await registerBatch(byRow.kura.store, 1, registrations, 'row triggers');
  print(`register ${registrations} numbers (encrypt + blind index + log entry + queues, one transaction, bulk), SQLCipher: ${fmt(cipherMs)}`);
  print(`register ${registrations} numbers, plain SQLite baseline (same code, same queues): ${fmt(plainMs)}`);
  print(`SQLCipher / plain SQLite ratio: ${(cipherMs.wall / plainMs.wall).toFixed(2)}x wall, ${(cipherMs.cpu / plainMs.cpu).toFixed(2)}x CPU`);
  print(`register ${registrations} numbers queued by row triggers (baseline): ${fmt(byRowMs)}; bulk / row triggers: ${(cipherMs.wall / byRowMs.wall).toFixed(2)}x wall, ${(cipherMs.cpu / byRowMs.cpu).toFixed(2)}x CPU`);
  plain.close();
  byRow.close();
  rmSync(plainDir, { recursive: true, force: true });
}

export async function benchFoundation(print: Print, scale: number): Promise<void> {
  const members = Math.round(1_000_000 * scale);
  const registrations = Math.round(100_000 * scale);

  const t = await startKura();
  await benchRegistration(print, registrations, t.kura.store);

  // Lookup at 1M members.
  const seedStart = process.hrtime.bigint();
  seed(t.kura.store, members - registrations, registrations + 1);
  print(`seed to ${members} members with numbers: ${(ms(seedStart) / 1000).toFixed(1)} s`);
  const vault = t.kura.vault;
  const random = seededRandom(3);
  const samples: number[] = [];
  for (let i = 0; i < 20_000; i++) {
    const n = demoMyNumber(1 + Math.floor(random() * members));
    const start = process.hrtime.bigint();
    const holder = vault.findHolder(n);
    samples.push(ms(start));
    if (!holder) throw new Error('bench: a seeded number was not found');
  }
  samples.sort((a, b) => a - b);
  print(`lookup by My Number at ${members} members (blind index), p50: ${(percentile(samples, 50) * 1000).toFixed(0)} µs`);
  print(`lookup by My Number at ${members} members (blind index), p99: ${(percentile(samples, 99) * 1000).toFixed(0)} µs`);

  // The same search through the router: policy check, session, log entry in its own transaction.
  const router = new Router(t.kura);
  const conn: Connection = await t.clerk('bench.view', 'VIEW', ['kyufu'], 'kyufu');
  const routed: number[] = [];
  const kana: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const n = demoMyNumber(1 + Math.floor(random() * members));
    let start = process.hrtime.bigint();
    const r = await router.invoke(conn, 'member.search', { by: 'myNumber', query: n });
    routed.push(ms(start));
    if (!r.ok) throw new Error(`bench: ${r.error.en}`);
    start = process.hrtime.bigint();
    await router.invoke(conn, 'member.search', { by: 'kanaName', query: 'サトウ', limit: 200 });
    kana.push(ms(start));
  }
  routed.sort((a, b) => a - b);
  kana.sort((a, b) => a - b);
  print(`member.search by My Number through the router (logged), p50: ${percentile(routed, 50).toFixed(2)} ms, p99: ${percentile(routed, 99).toFixed(2)} ms`);
  print(`member.search by カナ氏名 (200 rows) through the router, p50: ${percentile(kana, 50).toFixed(2)} ms, p99: ${percentile(kana, 99).toFixed(2)} ms`);
  print(`ratio router search / bare lookup (p50): ${(percentile(routed, 50) / percentile(samples, 50)).toFixed(1)}x`);
  t.close();
}
