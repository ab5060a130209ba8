// Media figure (issue 6): one approved export of 100,000 members (資格ID, 被保険者番号, 氏名 and the
// decrypted 個人番号) through the router: CSV, AES-256 ZIP, write to the (fake) stick, re-read and
// verify. Target: under 5 s.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTerminalDesignations } from '../../main/core/access';
import { demoMember, seededRandom } from '../../main/core/members';
import { demoMyNumber } from '../../main/core/mynumber';
import { FakeDrives } from '../../main/core/media';
import { configureMedia } from '../../main/rpc/handlers/media';
import { startKura } from '../helpers/kura';

export async function benchMedia(print: (line: string) => void, scale = 1): Promise<void> {
  const n = Math.max(1000, Math.round(100_000 * scale));
  const t = await startKura();
  const stickDir = mkdtempSync(join(tmpdir(), 'kura-bench-stick-'));
  try {
    const { members, vault, store } = t.kura;
    const random = seededRandom(42);
    const ids: string[] = [];
    for (let start = 1; start <= n; start += 50_000) {
      store.transaction(() => {
        for (let i = start; i < Math.min(start + 50_000, n + 1); i++) {
          const m = demoMember(i, random);
          members.insert(m);
          vault.register(m.shikakuId, demoMyNumber(i));
          ids.push(m.shikakuId);
        }
      });
    }
    const drives = new FakeDrives();
    configureMedia(t.kura, { drives, scanner: null });
    setTerminalDesignations(store.db, ['media']);
    const drive = drives.insert({ mountPoint: stickDir });
    const clerk = await t.clerk('bench.clerk', 'LINK', ['renkei'], 'renkei');
    const admin = await t.manager();
    const reg = await t.call(admin, 'media.register', { driveId: drive.driveId, kind: 'usb_flash', label: 'bench', holder: 'bench', storagePlace: 'bench' });
    if (!reg.ok) throw new Error(reg.problem.en);
    const req = await t.call(clerk, 'export.request', { mediumId: reg.medium.mediumId, shikakuIds: ids, reason: 'bench' });
    if (!req.ok) throw new Error(req.problem.en);
    const approver = await t.manager();
    const start = process.hrtime.bigint();
    const approved = await t.call(approver, 'export.approve', { requestId: req.request.requestId });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (!approved.ok) throw new Error(approved.problem.en);
    const mb = (approved.request.archiveBytes ?? 0) / 1048576;
    print(`media: approved export of ${n.toLocaleString('en')} records (decrypt, CSV, AES-256 ZIP ${mb.toFixed(1)} MB, write, verify): ${(elapsed / 1000).toFixed(2)} s (target < 5 s at 100,000)`);
  } finally {
    t.close();
    rmSync(stickDir, { recursive: true, force: true });
  }
}
