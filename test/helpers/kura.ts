// A real Kura on a real SQLCipher file in a temporary folder, driven through the real router.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Business, PrivilegeLevel, Role } from '../../shared/codes';
import type { Channel, ChannelInput, ChannelOutput, RpcResult } from '../../shared/rpc';
import { KeyFileKeystore } from '../../main/core/store';
import { Connection, openKura, Router, type Kura } from '../../main/rpc';

export const MANAGER = { userId: 'kanri.taro', employeeNo: 'E0001', name: '管理 太郎', password: 'Manager-pass-2026' };
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
  /** Logs in as the manager and creates a user with the level and businesses; returns a logged-in connection with the business declared. */
  clerk(userId: string, level: PrivilegeLevel, businesses: Business[], declare?: Business, roles?: Role[]): Promise<Connection>;
  manager(): Promise<Connection>;
  reopen(): void;
  close(): void;
};

export function makeDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'kura-test-'));
}

export async function startKura(options: { setup?: boolean; seed?: number } = {}): Promise<TestKura> {
  const dir = makeDataDir();
  const clock = new Clock();
  const open = (): Kura => openKura({ dataDir: dir, keystore: new KeyFileKeystore(dir), packaged: false, now: clock.now });
  let kura = open();
  let router = new Router(kura);
  let employeeSeq = 100;

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
    async clerk(userId, level, businesses, declare, roles = []) {
      const admin = await manager();
      await call(admin, 'user.add', {
        userId, employeeNo: `E${employeeSeq++}`, name: `職員 ${userId}`, initialPassword: 'Initial-pass-2026', level, businesses, roles, reason: 'test',
      });
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
