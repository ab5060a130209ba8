// The permission vocabulary. Which level or role holds which permission is data: resources/policy.json (AC-2).
export const PERMISSIONS = [
  'member.search',
  'member.read',
  'mynumber.status', // see that a number is registered (masked) and its 更新通番
  'mynumber.search', // search by My Number
  'mynumber.reveal', // see the digits, logged
  'mynumber.register',
  'mynumber.correct',
  'user.read',
  'user.admin', // create users, reset passwords (システム管理責任者)
  'grant.set', // set privilege levels (管理責任者 only, AC-3)
  'assignment.review', // record the periodic review of the 割当状況一覧 (AC-6)
  'terminal.admin', // terminal designations (AC-12)
  'audit.read',
  'audit.verify',
  'demo.seed',
  'import.preview', // read an employer file, review its rows, receipts (no digits shown)
  'import.confirm', // register an employer file's accepted rows
  'media.ledger', // media ledger: register, take-out/return, revoke, dispose, cross-check, OS policy (MD-1, MD-8, MD-9)
  'media.use', // see drives and the ledger, read from and wipe registered media (MD-2, MD-5, MD-7)
  'export.request', // ask to copy specific data to a registered medium (MD-4)
  'export.approve', // approve or refuse an export, confirm a wipe (管理責任者, MD-4, MD-7)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions that reach My Number: they need a declared business the user is assigned to (AC-7). */
export const MY_NUMBER_PERMISSIONS: readonly Permission[] = [
  'mynumber.status',
  'mynumber.search',
  'mynumber.reveal',
  'mynumber.register',
  'mynumber.correct',
  'import.preview',
  'import.confirm',
  'export.request',
];
