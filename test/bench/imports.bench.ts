// Issue 5 target: a 100,000-row employer file imports, validates and registers in under 10 s with
// memory under 500 MB, progress reported throughout. Real SQLCipher store, real ClamAV scan (with a
// signature file made here), real router. Synthetic members and numbers only.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { japanDate } from '../../main/core/kernel';
import { KeyFileKeystore } from '../../main/core/store';
import { Connection, openKura, Router } from '../../main/rpc';
import { bulkCsv, insertBulkMembers, registeredCount } from '../imports/bulk';
import { writeEicarSignatures } from '../imports/helpers';

const mb = (bytes: number): string => `${(bytes / 1048576).toFixed(0)} MB`;

export async function benchImports(print: (line: string) => void, scale = 1): Promise<void> {
  const rows = Math.max(1_000, Math.round(100_000 * scale));
  const dir = mkdtempSync(join(tmpdir(), 'kura-bench-imports-'));
  const kura = openKura({ dataDir: join(dir, 'data'), keystore: new KeyFileKeystore(join(dir, 'data')), packaged: false });
  try {
    const signatures = writeEicarSignatures(dir);
    const router = new Router(kura);
    const call = async (conn: Connection, channel: string, input: unknown): Promise<Record<string, unknown>> => {
      const r = await router.invoke(conn, channel, input);
      if (!r.ok) throw new Error(`${channel}: ${r.error.en}`);
      return r.data as Record<string, unknown>;
    };
    const admin = { userId: 'bench.admin', employeeNo: 'B1', name: '計測 管理', password: 'Bench-pass-2026x' };
    await call(new Connection('test'), 'setup.init', { terminalName: 'bench', manager: admin });
    const manager = new Connection('test');
    await call(manager, 'auth.login', { userId: admin.userId, password: admin.password });
    // AC-1, AC-3: a system administrator issues the ID; the manager, who did not create it, grants the level.
    await call(manager, 'user.add', { userId: 'bench.sys', employeeNo: 'B3', name: '計測 システム', initialPassword: 'Initial-pass-2026', roles: ['sysadmin'] });
    const sys = new Connection('test');
    await call(sys, 'auth.login', { userId: 'bench.sys', password: 'Initial-pass-2026' });
    await call(sys, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: 'Sysadmin-pass-2026' });
    await call(sys, 'user.add', { userId: 'tekiyo.bench', employeeNo: 'B2', name: '計測 職員', initialPassword: 'Initial-pass-2026' });
    await call(manager, 'grant.set', { userId: 'tekiyo.bench', level: 'EDIT', businesses: ['tekiyo'], validFrom: japanDate(new Date()), reason: 'bench' });
    const clerk = new Connection('test');
    await call(clerk, 'auth.login', { userId: 'tekiyo.bench', password: 'Initial-pass-2026' });
    await call(clerk, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: 'Clerk-pass-2026x' });
    await call(clerk, 'session.declareBusiness', { business: 'tekiyo' });

    insertBulkMembers(kura, rows);
    const file = join(dir, 'employer.csv');
    const csv = bulkCsv(rows);
    writeFileSync(file, csv);
    print(`imports: ${rows} members seeded, employer file ${mb(csv.length)} (UTF-8 CSV)`);
    kura.close();

    const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'imports.child.ts'), join(dir, 'data'), file, signatures], { encoding: 'utf8', timeout: 300_000 });
    if (child.status !== 0) throw new Error(`imports bench child failed: ${child.stderr}`);
    const lines = child.stdout.trim().split('\n');
    for (const line of lines.slice(0, -1)) print(`imports: ${line}`);
    const r = JSON.parse(lines[lines.length - 1]!) as { previewS: number; confirmS: number; ok: number; registered: number; sourceDeleted: boolean; maxRssMb: number; rusageMaxRssMb: number };
    print(`imports: preview (ClamAV scan + read + validate ${r.ok} OK rows + store): ${r.previewS.toFixed(2)} s`);
    print(`imports: confirm (${r.registered} registrations + 入力結果情報 in one transaction): ${r.confirmS.toFixed(2)} s; source erased ${r.sourceDeleted}`);
    const total = r.previewS + r.confirmS;
    print(`imports: TOTAL ${rows} rows ${total.toFixed(2)} s (target < 10 s: ${total < 10 ? 'met' : 'NOT met'}); peak RSS of the importing process ${r.maxRssMb.toFixed(0)} MB (target < 500 MB: ${r.maxRssMb < 500 ? 'met' : 'NOT met'}; getrusage maxRSS, which counts the parent's memory before the exec: ${r.rusageMaxRssMb.toFixed(0)} MB)`);
    const check = openKura({ dataDir: join(dir, 'data'), keystore: new KeyFileKeystore(join(dir, 'data')), packaged: false });
    try {
      if (registeredCount(check) !== rows) throw new Error(`registered ${registeredCount(check)} of ${rows}`);
    } finally {
      check.close();
    }
  } finally {
    if (kura.store.db.open) kura.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('imports.bench.ts')) await benchImports((line) => console.log(line), Number(process.env.KURA_BENCH_SCALE ?? '1'));
