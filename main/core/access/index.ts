export { loadPolicy, parsePolicy, permissionsFor, policySchema, type Policy } from './policy';
export { grantInForce, insertGrant, rolesOf, setRoles, type Grant } from './grants';
export { decide, loadSubject, usablePermissions, type Decision, type SessionChoices, type Subject } from './subject';
export { setTerminalDesignations, terminalDesignations } from './terminal';
export { assertGrantable, listReviews, recordReview, upcomingGrants, type Review } from './assignments';
export { accessMigrations } from './schema';
