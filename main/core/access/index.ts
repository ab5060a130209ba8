export { loadPolicy, parsePolicy, permissionsFor, policySchema, type Policy } from './policy';
export { grantInForce, insertGrant, japanDate, rolesOf, setRoles, type Grant } from './grants';
export { decide, loadSubject, usablePermissions, type Decision, type Subject } from './subject';
