import type { SessionInfo } from '../../../shared/rpc';
import { loadSubject, usablePermissions } from '../../core/access';
import type { Kura } from '../kura';
import type { Connection } from '../session';

export function sessionInfo(kura: Kura, conn: Connection, now: Date): SessionInfo {
  const session = conn.session!;
  const user = kura.users.find(session.userId)!;
  const subject = loadSubject(kura.store.db, kura.policy, session.userId, { declared: session.business, myNumberOff: session.myNumberOff }, now);
  return {
    user: { userId: user.userId, name: user.name, employeeNo: user.employeeNo, roles: subject.roles, level: subject.level, businesses: subject.businesses },
    terminalName: kura.terminalName() ?? '',
    business: session.business,
    permissions: session.locked || session.mustChangePassword ? [] : usablePermissions(subject),
    mustChangePassword: session.mustChangePassword,
    locked: session.locked,
    myNumberOff: session.myNumberOff,
    idleLockSeconds: kura.policy.session.idleLockSeconds,
  };
}
