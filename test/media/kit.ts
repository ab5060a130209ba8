// A real Kura (SQLCipher, router, policy) with a fake USB stick: a temporary folder plays the mounted
// medium. Only the hardware is simulated; identification, gate, ledger and log are the real ones.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Business, Designation, PrivilegeLevel, Role } from '../../shared/codes';
import type { ChannelOutput } from '../../shared/rpc';
import { setTerminalDesignations } from '../../main/core/access';
import type { AuditRow } from '../../main/core/audit';
import type { FileScanner, ScanResult } from '../../main/core/imports';
import { FakeDrives, type Drive, type FakeStick } from '../../main/core/media';
import { configureMedia } from '../../main/rpc/handlers/media';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';

/** Test stand-in for ClamAV: finds the EICAR test string, like every real scanner does. */
export class EicarScanner implements FileScanner {
  readonly name = 'eicar-test';
  scanned = 0;
  async scan(bytes: Uint8Array): Promise<ScanResult> {
    this.scanned++;
    return Buffer.from(bytes).includes('EICAR-STANDARD-ANTIVIRUS-TEST-FILE') ? { clean: false, signature: 'Eicar-Test-Signature' } : { clean: true };
  }
}

export type MediaKit = {
  t: TestKura;
  drives: FakeDrives;
  scanner: EicarScanner;
  /** The system administrator / manager (setup's user holds both roles). */
  readonly admin: Connection;
  /** t.clerk, then logs the manager in again (one session per user replaced the old one). */
  clerk(userId: string, level: PrivilegeLevel, businesses: Business[], declare?: Business, roles?: Role[]): Promise<Connection>;
  /** A new empty folder mounted as a stick. */
  stick(options?: Partial<FakeStick>): Drive;
  designate(list: Designation[]): void;
  /** Registers the drive through the router as the system administrator. */
  register(drive: Drive, label?: string): Promise<string>;
  log(event: string): AuditRow[];
  close(): void;
};

export async function startMediaKit(options: { seed?: number } = {}): Promise<MediaKit> {
  const t = await startKura({ seed: options.seed });
  const drives = new FakeDrives();
  const scanner = new EicarScanner();
  configureMedia(t.kura, { drives, scanner });
  setTerminalDesignations(t.kura.store.db, ['media']);
  let admin = await t.manager();
  const folders: string[] = [];
  return {
    t, drives, scanner,
    get admin() {
      return admin;
    },
    async clerk(userId, level, businesses, declare, roles) {
      const conn = await t.clerk(userId, level, businesses, declare, roles);
      admin = await t.manager();
      return conn;
    },
    stick(options = {}) {
      const mountPoint = mkdtempSync(join(tmpdir(), 'kura-stick-'));
      folders.push(mountPoint);
      return drives.insert({ mountPoint, ...options });
    },
    designate(list) {
      setTerminalDesignations(t.kura.store.db, list);
    },
    async register(drive, label = '持出用USB 1') {
      const r = await t.call(admin, 'media.register', { driveId: drive.driveId, kind: 'usb_flash', label, holder: '管理 太郎', storagePlace: '本部 金庫A' });
      if (!r.ok) throw new Error(`register refused: ${r.problem.code}`);
      return r.medium.mediumId;
    },
    log(event) {
      return t.kura.audit.recent(10_000, event).reverse();
    },
    close() {
      t.close();
      for (const f of folders) rmSync(f, { recursive: true, force: true });
    },
  };
}

export function problemCode(r: ChannelOutput<'media.identify'> | { ok: boolean; problem?: { code: string } }): string | null {
  return r.ok ? null : (r as { problem: { code: string } }).problem.code;
}
