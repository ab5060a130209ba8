import { KuraError } from '../../../shared/errors';
import { insertGrant, setRoles } from '../../core/access';
import { japanDate } from '../../core/kernel';
import { assertStrongEnough, hashPassword } from '../../core/auth';
import type { Handler } from '../router';

export const setupStatus: Handler<'setup.status'> = ({ kura }) => ({
  initialized: kura.users.count() > 0,
  terminalName: kura.terminalName(),
});

/** First run: names the terminal and creates the first manager, who holds both admin roles and level NONE. */
export const setupInit: Handler<'setup.init'> = async ({ kura, input, now, commit, setOperator }) => {
  if (kura.users.count() > 0) throw new KuraError('already_initialized');
  assertStrongEnough(input.manager.password, kura.policy.password);
  const passwordHash = await hashPassword(input.manager.password);
  setOperator(input.manager.userId);
  commit(
    () => {
      if (kura.users.count() > 0) throw new KuraError('already_initialized');
      const db = kura.store.db;
      db.prepare("INSERT INTO meta (key, value) VALUES ('terminal.name', ?)").run(input.terminalName);
      kura.users.create({ ...input.manager, passwordHash, mustChangePassword: false }, null, now);
      setRoles(db, input.manager.userId, ['manager', 'sysadmin'], 'setup', now);
      insertGrant(db, input.manager.userId, { level: 'NONE', businesses: [], validFrom: japanDate(now), validTo: null }, 'setup', now, '初期設定');
    },
    { target: input.manager.userId, detail: { terminalName: input.terminalName, roles: ['manager', 'sysadmin'] } },
  );
  return { ok: true as const };
};
