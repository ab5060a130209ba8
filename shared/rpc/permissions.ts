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
  'linkage.records', // 情報提供等記録: add, import, search (LK-1)
  'linkage.inquiry', // 本人確認 import (its answers carry 個人番号), inquiry files, answers (LK-2, LK-3, LK-4)
  'requests.handle', // disclosure requests (様式1・2) and inquiry reception slips (RQ-1, RQ-2)
  'incident.manage', // leak incidents and the chair's decision on a serious leak inquiry (管理責任者, RQ-2, RQ-3)
  'update.install', // verify a signed update package before IT runs the installer (BL-1)
  'audit.review', // record a periodic or incident review of the operation log (AU-3)
  'maintenance.record', // record contractor maintenance sessions and their test runs (AU-4)
  'retention.preview', // dry run of the retention purge: 資格ID and dates, never a number (RT-5)
  'retention.run', // run the purge that erases numbers and records past their period (RT-1..RT-5)
  'retention.refusal', // record a refused qualification: pending until a manager confirms (RT-4)
  'quality.read', // 名寄せ history and the 現況確認 due list (DQ-3, DQ-4)
  'quality.link', // find and confirm 名寄せ links, matched by the blind index too (DQ-3)
  'quality.check', // record a dependant's 現況確認 result (DQ-4)
  'quality.queue', // the intermediate-server registration queue (DQ-5)
  'retention.confirm', // confirm someone else's refused qualification, which erases its My Number (管理責任者, RT-4)
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
  'linkage.inquiry',
  'retention.refusal',
  'quality.link',
];
