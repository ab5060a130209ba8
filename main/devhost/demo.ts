// DEMO ONLY (デモ専用): a ready-to-try store for a newcomer. Everything goes through the router, as a
// clerk's actions would, so the operation log shows the demo setup like any other. Synthetic people,
// synthetic numbers, fixed passwords printed on the console: never use this on a real terminal.
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/rpc';
import { japanDate } from '../core/kernel';
import { Connection, type Router } from '../rpc';

export const DEMO_TERMINAL = 'デモ端末-01';
export const DEMO_MANAGER = { userId: 'kanri.taro', employeeNo: 'D0001', name: '管理 太郎', password: 'Kanri-demo-2026' };
/**
 * AC-1, AC-3: the system administrator who issues the demo IDs. Whoever creates an ID may not give it
 * a level, so the demo does what the society does: this person creates, the manager grants.
 */
export const DEMO_SYSADMIN = { userId: 'ito.kenji', employeeNo: 'D0002', name: '伊藤 健二', password: 'Ito-demo-2026x' };
export const DEMO_USERS = [
  { userId: 'tanaka.hanako', employeeNo: 'D0101', name: '田中 花子', level: 'EDIT', businesses: ['tekiyo', 'kyufu', 'choshu', 'renkei'], password: 'Tanaka-demo-2026' },
  { userId: 'suzuki.ken', employeeNo: 'D0102', name: '鈴木 健', level: 'VIEW', businesses: ['kyufu'], password: 'Suzuki-demo-2026' },
  { userId: 'sato.jiro', employeeNo: 'D0103', name: '佐藤 次郎', level: 'NONE', businesses: [], password: 'Sato-demo-2026x' },
] as const;
const INITIAL_PASSWORD = 'Initial-demo-2026';

async function call<C extends Channel>(router: Router, conn: Connection, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const r = await router.invoke(conn, channel, input);
  if (!r.ok) throw new Error(`demo: ${channel} refused: ${r.error.ja} / ${r.error.en}`);
  return r.data as ChannelOutput<C>;
}

/** Returns false when the store was already set up (the demo never touches an existing store). */
export async function setUpDemo(router: Router, members: number, now: () => Date = () => new Date()): Promise<boolean> {
  const status = await call(router, new Connection('devhost'), 'setup.status', {});
  if (status.initialized) return false;
  await call(router, new Connection('devhost'), 'setup.init', { terminalName: DEMO_TERMINAL, manager: DEMO_MANAGER });
  const manager = new Connection('devhost');
  await call(router, manager, 'auth.login', { userId: DEMO_MANAGER.userId, password: DEMO_MANAGER.password });
  // user.add forces a change at first login (AC-5); the demo does it now so a newcomer can log straight in.
  const firstLogin = async (userId: string, password: string): Promise<Connection> => {
    const conn = new Connection('devhost');
    await call(router, conn, 'auth.login', { userId, password: INITIAL_PASSWORD });
    await call(router, conn, 'auth.changePassword', { currentPassword: INITIAL_PASSWORD, newPassword: password });
    return conn;
  };
  const { password: sysadminPassword, ...sysadmin } = DEMO_SYSADMIN;
  await call(router, manager, 'user.add', { ...sysadmin, initialPassword: INITIAL_PASSWORD, roles: ['sysadmin'], reason: 'デモ用（demo only）' });
  const issuer = await firstLogin(DEMO_SYSADMIN.userId, sysadminPassword);
  const today = japanDate(now());
  for (const u of DEMO_USERS) {
    await call(router, issuer, 'user.add', { userId: u.userId, employeeNo: u.employeeNo, name: u.name, initialPassword: INITIAL_PASSWORD, roles: [], reason: 'デモ用（demo only）' });
    if (u.level !== 'NONE') await call(router, manager, 'grant.set', { userId: u.userId, level: u.level, businesses: [...u.businesses], validFrom: today, reason: 'デモ用（demo only）' });
    await firstLogin(u.userId, u.password);
  }
  await call(router, issuer, 'auth.logout', {});
  await call(router, manager, 'demo.seed', { members, withMyNumberRatio: 0.9 });
  // The demo stick (a folder, see cli.ts) can be used only on a terminal designated for media (AC-12).
  await call(router, manager, 'terminal.setDesignations', { designations: ['media'], reason: 'デモ用（demo only）' });
  return true;
}

export function demoCredentialsText(): string {
  const rows = [
    `  ${DEMO_MANAGER.userId.padEnd(15)} ${DEMO_MANAGER.password.padEnd(18)} 管理責任者・システム管理責任者 / manager, sysadmin`,
    `  ${DEMO_SYSADMIN.userId.padEnd(15)} ${DEMO_SYSADMIN.password.padEnd(18)} システム管理責任者（IDの発行）/ sysadmin (issued the demo IDs)`,
    ...DEMO_USERS.map((u) => `  ${u.userId.padEnd(15)} ${u.password.padEnd(18)} ${u.level} ${u.businesses.join(',') || '-'}`),
  ];
  return [
    '==== デモ専用 / DEMO ONLY: synthetic data, fixed passwords. Never use on a real terminal. ====',
    ...rows,
    '=============================================================================================',
  ].join('\n');
}
