// Every channel of the contract has exactly one handler: a missing one is a type error (Handlers is
// a mapped type over the contract).
import type { Handlers } from '../router';
import { accessHandlers } from './access';
import { listAudit, verifyAudit } from './audit';
import { changePassword, declareBusiness, getSession, lock, login, logout, unlock } from './auth';
import { seedDemo } from './demo';
import { importHandlers } from './imports';
import { linkageHandlers } from './linkage';
import { mediaHandlers } from './media';
import { requestHandlers } from './requests';
import { getMember, searchMembers } from './members';
import { correctMyNumber, registerMyNumber, revealMyNumber } from './mynumber';
import { setupInit, setupStatus } from './setup';
import { syncHandlers } from './sync';
import { retentionHandlers } from './retention';
import { qualityHandlers } from './quality';
import { addUser, listUsers } from './users';
import { updateHandlers } from './updates';
import { reportHandlers } from './reports';
import { auditReviewHandlers } from './audit-review';
import { keyHandlers } from './keys';

const foundationHandlers = {
  'setup.status': setupStatus,
  'setup.init': setupInit,
  'auth.login': login,
  'auth.logout': logout,
  'auth.changePassword': changePassword,
  'session.get': getSession,
  'session.declareBusiness': declareBusiness,
  'session.lock': lock,
  'session.unlock': unlock,
  'member.search': searchMembers,
  'member.get': getMember,
  'mynumber.reveal': revealMyNumber,
  'mynumber.register': registerMyNumber,
  'mynumber.correct': correctMyNumber,
  'user.list': listUsers,
  'user.add': addUser,
  'audit.list': listAudit,
  'audit.verify': verifyAudit,
  'demo.seed': seedDemo,
};

// One line per capability's handler map; each map lives beside its handlers.
export const handlers: Handlers = {
  ...foundationHandlers,
  ...accessHandlers,
  ...importHandlers,
  ...syncHandlers,
  ...mediaHandlers,
  ...linkageHandlers,
  ...requestHandlers,
  ...retentionHandlers,
  ...qualityHandlers,
  ...updateHandlers,
  ...reportHandlers,
  ...auditReviewHandlers,
  ...keyHandlers,
};
