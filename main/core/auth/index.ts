export { hashPassword, verifyPassword, assertStrongEnough } from './passwords';
export { UserDirectory, assertPersonalUserId, type UserRecord, type NewUser } from './users';
export { checkLogin, applyLoginOutcome, assertMayLogIn, assertNotReused, passwordExpired, type PasswordPolicy, type LoginOutcome } from './login';
