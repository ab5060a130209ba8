// A real Kura on a real SQLCipher file in a temporary folder, driven through the real router.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Business, PrivilegeLevel, Role } from '../../shared/codes';
import type { Channel, ChannelInput, ChannelOutput, RpcResult } from '../../shared/rpc';
import { japanDate } from '../../main/core/kernel';
import { KeyFileKeystore } from '../../main/core/store';
import { Connection, openKura, Router, type Kura } from '../../main/rpc';

export const MANAGER = { userId: 'kanri.taro', employeeNo: 'E0001', name: '管理 太郎', password: 'Manager-pass-2026' };
/**
 * AC-1, AC-3: a system administrator who is not the manager, registered by MANAGER on first need.
 * As in the society's own process, the system administrator issues IDs and the manager sets levels:
 * whoever creates an ID may not raise its level, so t.clerk never has one person do both.
 */
export const SYSADMIN = { userId: 'sakura.sys', employeeNo: 'E0002', name: '佐倉 幸子', password: 'Sysadmin-pass-2026' };
export const GOOD_PASSWORD = 'Clerk-pass-2026x';

export class Clock {
  constructor(public t = Date.parse('2026-11-24T01:00:00Z')) {}
  now = (): Date => new Date(this.t);
  advance(ms: number): void {
    this.t += ms;
  }
}

export type TestKura = {
  dir: string;
  kura: Kura;
  router: Router;
  clock: Clock;
  connect(): Connection;
  call<C extends Channel>(conn: Connection, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  raw(conn: Connection, channel: string, input: unknown): Promise<RpcResult>;
  /**
   * SYSADMIN creates the user (NONE); the manager sets its roles and level (AC-3: never the creator).
   * Returns a logged-in connection with the business declared.
   */
  clerk(userId: string, level: PrivilegeLevel, businesses: Business[], declare?: Business, roles?: Role[]): Promise<Connection>;
  manager(): Promise<Connection>;
  /** SYSADMIN (system administrator only), logged in; registered by the manager the first time. */
  sysadmin(): Promise<Connection>;
  reopen(): void;
  close(): void;
};

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kura-test-'));
}

// One counter for the whole test process: clerks made at two terminals meet once their users replicate.
let employeeSeq = 100;

export async function startKura(options: { setup?: boolean; seed?: number } = {}): Promise<TestKura> {
  const dir = makeDataDir();
  const clock = new Clock();
  const open = (): Kura => openKura({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, now: clock.now });
  let kura = open();
  let router = new Router(kura);

  const raw = (conn: Connection, channel: string, input: unknown): Promise<RpcResult> => router.invoke(conn, channel, input);
  const call = async <C extends Channel>(conn: Connection, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> => {
    const r = await router.invoke(conn, channel, input);
    if (!r.ok) throw new Error(`${channel} refused: ${r.error.code} ${r.error.en}`);
    return r.data as ChannelOutput<C>;
  };
  const manager = async (): Promise<Connection> => {
    const conn = new Connection('test');
    await call(conn, 'auth.login', { userId: MANAGER.userId, password: MANAGER.password });
    return conn;
  };
  const sysadmin = async (): Promise<Connection> => {
    const conn = new Connection('test');
    if (!kura.users.find(SYSADMIN.userId)) {
      const { password, ...who } = SYSADMIN;
      await call(await manager(), 'user.add', { ...who, initialPassword: 'Initial-pass-2026', roles: ['sysadmin'], reason: 'test: system administrator' });
      await call(conn, 'auth.login', { userId: SYSADMIN.userId, password: 'Initial-pass-2026' });
      await call(conn, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: password });
      return conn;
    }
    await call(conn, 'auth.login', { userId: SYSADMIN.userId, password: SYSADMIN.password });
    return conn;
  };
  const t: TestKura = {
    dir,
    get kura() {
      return kura;
    },
    get router() {
      return router;
    },
    clock,
    connect: () => new Connection('test'),
    call,
    raw,
    manager,
    sysadmin,
    async clerk(userId, level, businesses, declare, roles = []) {
      const ids = await sysadmin();
      await call(ids, 'user.add', { userId, employeeNo: `E${employeeSeq++}`, name: `職員 ${userId}`, initialPassword: 'Initial-pass-2026', reason: 'test' });
      await call(ids, 'auth.logout', {});
      const admin = await manager();
      if (roles.length > 0) await call(admin, 'role.set', { userId, roles, reason: 'test' });
      if (level !== 'NONE') await call(admin, 'grant.set', { userId, level, businesses, validFrom: japanDate(clock.now()), reason: 'test' });
      const conn = new Connection('test');
      await call(conn, 'auth.login', { userId, password: 'Initial-pass-2026' });
      await call(conn, 'auth.changePassword', { currentPassword: 'Initial-pass-2026', newPassword: GOOD_PASSWORD });
      if (declare) await call(conn, 'session.declareBusiness', { business: declare });
      return conn;
    },
    reopen() {
      kura.close();
      kura = open();
      router = new Router(kura);
    },
    close() {
      kura.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  if (options.setup !== false) {
    await call(new Connection('test'), 'setup.init', { terminalName: '本部-端末01', manager: MANAGER });
    if (options.seed) await call(await manager(), 'demo.seed', { members: options.seed, withMyNumberRatio: 0.5 });
  }
  return t;
}
