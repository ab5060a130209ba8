export { hashPassword, verifyPassword, assertStrongEnough } from './passwords';
export { UserDirectory, assertPersonalUserId, standInMakers, type UserRecord, type NewUser } from './users';
export { checkLogin, applyLoginOutcome, oneAttemptAtATime, assertMayLogIn, assertNotReused, passwordExpired, type PasswordPolicy, type LoginOutcome } from './login';
export { requireUser, resetPassword, setDisabled, setRetirement, unlockUser, updateProfile, userStatus, type UserStatus } from './admin';
export { authMigrations } from './schema';
